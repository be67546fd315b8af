/**
 * The address-family axis in compile (issue 14): a list of both families holds items that carry
 * their `family`, IPv4 first; other IPv6 fields of the model are absent, not empty, on a site
 * without IPv6, so an IPv4-only site's rendered files are exactly as before.
 */
import type { FamilyAddress } from '../model/address.js';
import { onPrefix } from '../net/ipv4.js';
import { onPrefix6 } from '../net/ipv6.js';

/** An IPv4 address of an interface, on a prefix of `prefixLength`. */
export function address4(address: number, prefixLength: number): FamilyAddress {
  return { family: 'ipv4', ...onPrefix(address, prefixLength) };
}

/** An IPv6 address of an interface (RFC 5952), on a prefix of `prefixLength`. */
export function address6(address: bigint, prefixLength: number): FamilyAddress {
  return { family: 'ipv6', ...onPrefix6(address, prefixLength) };
}

/** `{ [key]: value }`, or nothing when there is no value (null, undefined or an empty list). */
export function withValue<K extends string, V>(key: K, value: V | null | undefined): { [k in K]?: V } {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as { [k in K]?: V };
}
