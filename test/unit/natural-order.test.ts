/**
 * The natural order of names (src/util/natural-order.ts): its fast path for names that differ in
 * a trailing number orders exactly as the numeric collator it stands in for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../src/util/natural-order.js';

const collator = new Intl.Collator('en', { numeric: true });
const sign = (n: number) => Math.sign(n);

/** Names like the inventory's: a few letters, dashes and digits, often ending in a number. */
const name = fc
  .tuple(
    fc.constantFrom('eth', 'p1-leaf', 'p1-spine', 'ss', 'vrr', 'a1b', 'eth1.', 'Eth', 'lo', ''),
    fc.oneof(
      fc.nat({ max: 300 }).map(String),
      fc.stringMatching(/^[0-9]{0,20}$/),
      fc.constantFrom('a', 'b', ''),
    ),
  )
  .map(([prefix, tail]) => prefix + tail);

describe('naturalOrder', () => {
  it('GIVEN ports of one device WHEN sorted THEN eth2 comes before eth10', () => {
    expect(['eth10', 'eth2', 'eth1', 'lo', 'eth100'].sort(naturalOrder)).toEqual([
      'eth1',
      'eth2',
      'eth10',
      'eth100',
      'lo',
    ]);
  });

  it('GIVEN leading zeros and long numbers WHEN compared THEN they order as the numeric collator does', () => {
    for (const [a, b] of [
      ['eth01', 'eth1'],
      ['eth1', 'eth01'],
      ['eth0', 'eth00'],
      ['eth1234567890123456', 'eth999'],
      ['eth', 'eth5'],
      ['p1-leaf9', 'p1-leaf10a'],
    ] as const)
      expect([a, b, sign(naturalOrder(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
  });

  it('GIVEN any two names WHEN compared THEN the sign is the numeric collator’s', () => {
    fc.assert(
      fc.property(name, name, (a, b) => sign(naturalOrder(a, b)) === sign(collator.compare(a, b))),
      { numRuns: 5000 },
    );
  });
});
