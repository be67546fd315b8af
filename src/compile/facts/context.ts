/** What every part of the first compile pass shares: where a finding goes, and prefix parsing. */

import { type Diagnostic, error, type InventoryPath } from '../../diagnostics/diagnostic.js';
import type { SiteInventory } from '../../inventory/merge.js';
import { type Prefix4, parsePrefix } from '../../net/ipv4.js';
import { type Prefix6, parsePrefix6 } from '../../net/ipv6.js';
import { didYouMean } from '../../util/did-you-mean.js';

export interface FactsContext {
  site: SiteInventory;
  diagnostics: Diagnostic[];
  /** Reports an input error at `path` (at its key when `atKey`). */
  fail(code: string, message: string, path: InventoryPath, atKey?: boolean): void;
  /** Parses a prefix written in the inventory; reports it and answers undefined when unusable. */
  prefix(text: string, path: InventoryPath): Prefix4 | undefined;
  /** The same for an IPv6 prefix (printed back in RFC 5952 form). */
  prefix6(text: string, path: InventoryPath): Prefix6 | undefined;
}

export function factsContext(site: SiteInventory): FactsContext {
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, message: string, path: InventoryPath, atKey = false) =>
    diagnostics.push(error(code, message, { site: site.name, path, atKey }));
  const prefix = (text: string, path: InventoryPath): Prefix4 | undefined => {
    const parsed = parsePrefix(text);
    if (!parsed) {
      fail('bad-prefix', `'${text}' is not a usable IPv4 prefix; write it like 10.1.0.0/24`, path);
      return undefined;
    }
    if (parsed.hostBits) {
      fail('bad-prefix', `'${text}' has host bits set; did you mean ${parsed.prefix.text}?`, path);
      return undefined;
    }
    return parsed.prefix;
  };
  const prefix6 = (text: string, path: InventoryPath): Prefix6 | undefined => {
    const parsed = parsePrefix6(text);
    if (!parsed) {
      fail('bad-prefix', `'${text}' is not a usable IPv6 prefix; write it like 2001:db8:1::/64`, path);
      return undefined;
    }
    if (parsed.hostBits) {
      fail('bad-prefix', `'${text}' has host bits set; did you mean ${parsed.prefix.text}?`, path);
      return undefined;
    }
    return parsed.prefix;
  };
  return { site, diagnostics, fail, prefix, prefix6 };
}

/** `; did you mean 'spine2'?` for an unknown name, as every command says it (src/util/did-you-mean.ts). */
export function suggest(name: string, known: string[]): string {
  return didYouMean(name, known); // never the name itself: that would be a false hint
}

export function listOf(names: string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, ...` : names.join(', ');
}

/** Network + offset even past the end of the pool: the checks report it, compile still has a value. */
export function pastThePool(pool: Prefix4, offset: number): number {
  return (pool.network + offset) >>> 0;
}

/** The same for an IPv6 pool (wrapping at 2^128). */
export function pastThePool6(pool: Prefix6, offset: number): bigint {
  return (pool.network + BigInt(offset)) & ((1n << 128n) - 1n);
}
