/** Which site a one-site command works on when --site is not given (pure, no lab needed). */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/exit.js';
import { chooseLab, chooseLabToRemove, chooseSite } from '../../src/cli/site-choice.js';

function failure(f: () => unknown): CliError {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('chooseSite', () => {
  it('GIVEN a named site THEN it, whatever the inventory holds', () => {
    expect(chooseSite('push', ['idc-b'], ['idc-a', 'idc-b'])).toBe('idc-b');
  });

  it('GIVEN no --site and one site THEN that site', () => {
    expect(chooseSite('push', undefined, ['idc-a'])).toBe('idc-a');
    expect(chooseSite('push', [], ['idc-a'], ['other-lab'])).toBe('idc-a');
  });

  it('GIVEN no --site, two sites and one of them with a running lab THEN that one (verify)', () => {
    expect(chooseSite('verify', undefined, ['idc-a', 'idc-b'], ['idc-b', 'frr01'])).toBe('idc-b');
  });

  it('GIVEN no --site and two sites without a deciding lab THEN exit 2 listing sites and labs', () => {
    const e = failure(() => chooseSite('verify', undefined, ['idc-a', 'idc-b'], ['idc-a', 'idc-b']));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      'verify: the inventory has 2 sites (idc-a, idc-b); running labs: idc-a, idc-b: say which with --site, e.g. --site idc-a',
    );
    expect(failure(() => chooseSite('push', undefined, ['idc-a', 'idc-b'])).message).toContain(
      'the inventory has 2 sites (idc-a, idc-b): say which with --site',
    );
  });

  it('GIVEN several names THEN exit 2: one site', () => {
    expect(failure(() => chooseSite('drift', ['a', 'b'], ['a', 'b'])).message).toBe(
      'drift: name one site with --site, not 2 (a, b)',
    );
  });
});

describe('chooseLab', () => {
  it('GIVEN one running lab THEN it; none THEN none; several THEN exit 2 listing them', () => {
    expect(chooseLab('lab down', ['idc-a'])).toBe('idc-a');
    expect(chooseLab('lab down', [])).toBeUndefined();
    const e = failure(() => chooseLab('lab status', ['idc-a', 'frr01']));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('2 labs are running (idc-a, frr01): say which with --site or --name');
  });
});

describe('chooseLabToRemove (a bare lab down)', () => {
  it('GIVEN the only running lab is a site of the inventory THEN it; none THEN none', () => {
    expect(chooseLabToRemove(['idc-a'], ['idc-a', 'idc-b'])).toBe('idc-a');
    expect(chooseLabToRemove([], ['idc-a'])).toBeUndefined();
  });

  it('GIVEN the only running lab is not a site of the inventory (another folder, a test) THEN exit 2: name it', () => {
    const e = failure(() => chooseLabToRemove(['l4g-t1a9629'], ['dc1', 'dc2']));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      'lab down: the only lab running here, l4g-t1a9629, is not the lab of a site of this inventory (sites: dc1, dc2); to remove it, name it: fabric lab down --name l4g-t1a9629',
    );
    expect(failure(() => chooseLabToRemove(['idc-a'], [])).message).toContain('(none could be read)');
  });
});
