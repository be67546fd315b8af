/** The one "did you mean" of every command and check (src/util/did-you-mean.ts). */
import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean } from '../../src/util/did-you-mean.js';

// the trial's site: spines sp1, sp2; Kubernetes nodes kp1..kp3; leaves tor-<rack>01-<n>
const PAR1 = [
  'bdr1',
  'bdr2',
  'sp1',
  'sp2',
  'kp1',
  'kp2',
  'kp3',
  'ke1',
  'tor-a01-1',
  'tor-a01-2',
  'tor-b01-1',
];

describe('didYouMean', () => {
  it('GIVEN sp3 THEN the spines of its family, sp1 and sp2, not the equally close kp3', () => {
    expect(closestNames('sp3', PAR1)).toEqual(['sp1', 'sp2']);
    expect(didYouMean('sp3', PAR1)).toBe("; did you mean 'sp1' or 'sp2'?");
  });

  it('GIVEN a number written short (tor-a1-1) THEN the name of that shape', () => {
    expect(didYouMean('tor-a1-1', PAR1)).toBe("; did you mean 'tor-a01-1'?");
  });

  it('GIVEN a misspelt word THEN the closest name of any family; nothing when none is close', () => {
    expect(didYouMean('spnie2', ['spine1', 'spine2', 'leaf1a'])).toBe("; did you mean 'spine2'?");
    expect(didYouMean('lef1a', ['spine1', 'leaf1a', 'leaf1b'])).toBe("; did you mean 'leaf1a'?");
    expect(didYouMean('firewall9', PAR1)).toBe('');
    expect(didYouMean('sp1', ['sp1'])).toBe(''); // never the name itself
    expect(didYouMean('x', [])).toBe('');
  });

  it('GIVEN a prefix THEN each name carries it; at most three when many tie', () => {
    expect(didYouMean('aa-c', ['aa-a', 'aa-b'], 'site:')).toBe("; did you mean 'site:aa-a' or 'site:aa-b'?");
    expect(closestNames('hv9', ['hv1', 'hv2', 'hv3', 'hv4'])).toEqual(['hv1', 'hv2', 'hv3']);
  });
});
