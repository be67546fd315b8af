/**
 * IPv4 text read by src/net/ipv4.ts: what `formatAddress` prints is read without ip-address, and
 * must be read as ip-address reads it; any other text is still ip-address's to accept or refuse.
 */
import fc from 'fast-check';
import { Address4 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, parseHostAndLength, parseHostOnPrefix } from '../../src/net/ipv4.js';

/** What ip-address makes of the text: the number, or undefined when it refuses it. */
function byIpAddress(text: string): number | undefined {
  try {
    return Number(new Address4(text).bigInt());
  } catch {
    return undefined;
  }
}

describe('IPv4 text (src/net/ipv4.ts)', () => {
  it('GIVEN any address WHEN printed and read back THEN it is the number ip-address reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const text = formatAddress(n);
        expect(parseAddress(text)).toBe(n);
        expect(byIpAddress(text)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('GIVEN text that is not a printed address WHEN read THEN the answer is ip-address’s', () => {
    const texts = [
      '01.2.3.4',
      '1.02.3.4',
      '1.2.3.00',
      '0.0.0.0',
      '255.255.255.255',
      '256.1.1.1',
      '1.2.3.256',
      '1.2.3',
      '1.2.3.4.5',
      '1..3.4',
      '.1.2.3',
      '1.2.3.',
      '1.2.3.4 ',
      ' 1.2.3.4',
      '1.2.3.4a',
      '1.2.3.-4',
      '',
      '::1',
      '1.2.3.1000',
    ];
    for (const text of texts) expect(parseAddress(text), text).toBe(byIpAddress(text));
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('00', '01', '007', ''),
    );
    fc.assert(
      fc.property(fc.array(octet, { minLength: 3, maxLength: 5 }), (parts) => {
        const text = parts.join('.');
        expect(parseAddress(text)).toBe(byIpAddress(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN an address on a prefix WHEN read as two numbers THEN they are parseHostOnPrefix’s', () => {
    for (const text of [
      '10.1.0.9/24',
      '10.1.0.9',
      '10.1.0.0/16',
      '10.1.0.9/33',
      '10.1.0.9/x',
      'nonsense',
      '10.1.0.9/24/1',
    ]) {
      const full = parseHostOnPrefix(text);
      expect(parseHostAndLength(text), text).toEqual(
        full && { address: full.address, length: full.prefix.length },
      );
    }
  });
});
