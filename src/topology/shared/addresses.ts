/** The address arithmetic of a lab of several sites: the management cover, the client's link. */
import type { FamilyAddress } from '../../model/address.js';
import type { DeepReadonly } from '../../model/freeze.js';
import { formatAddress, mask, nth, overlaps, type Prefix4, parsePrefix, prefixSize } from '../../net/ipv4.js';
import { formatAddress6, mask6, type Prefix6, parsePrefix6 } from '../../net/ipv6.js';
import type { ClientLink, Upstream } from './types.js';

/** The IPv4 and IPv6 prefixes an upstream originates, in its order. */
export function originated(u: Upstream): string[] {
  return [...u.frr.routerBgp.ipv4Unicast.networks, ...(u.frr.routerBgp.ipv6Unicast?.networks ?? [])];
}

export function sameLink(a: DeepReadonly<FamilyAddress>, b: DeepReadonly<FamilyAddress>): boolean {
  if (a.family !== b.family) return false;
  if (a.family === 'ipv4') {
    const p = parsePrefix(`${a.address}/${a.prefixLength}`)!.prefix;
    const q = parsePrefix(`${b.address}/${b.prefixLength}`)!.prefix;
    return overlaps(p, q);
  }
  const p = parsePrefix6(`${a.address}/${a.prefixLength}`)!.prefix;
  const q = parsePrefix6(`${b.address}/${b.prefixLength}`)!.prefix;
  const m = mask6(Math.min(p.length, q.length));
  return (p.network & m) === (q.network & m);
}

/** The smallest prefix that holds all of these. */
export function coverOf(prefixes: readonly Prefix4[]): Prefix4 {
  let length = Math.min(...prefixes.map((p) => p.length));
  const first = prefixes[0]!.network;
  while (
    length > 0 &&
    prefixes.some((p) => (p.network & mask(length)) >>> 0 !== (first & mask(length)) >>> 0)
  )
    length--;
  const network = (first & mask(length)) >>> 0;
  return { network, length, text: `${formatAddress(network)}/${length}` };
}

export function withCover6(prefixes: readonly Prefix6[]): { ipv6Subnet?: string } {
  if (!prefixes.length) return {};
  let length = Math.min(...prefixes.map((p) => p.length));
  const first = prefixes[0]!.network;
  while (length > 0 && prefixes.some((p) => (p.network & mask6(length)) !== (first & mask6(length))))
    length--;
  return { ipv6Subnet: `${formatAddress6(first & mask6(length))}/${length}` };
}

export function highestFree(p: Prefix4, used: ReadonlySet<number | undefined>): number | undefined {
  for (let offset = prefixSize(p) - 2; offset > 0; offset--) {
    const a = nth(p, offset)!;
    if (!used.has(a)) return a;
  }
  return undefined;
}

/** The client's link: the last /30 of the upstream's first IPv4 prefix, the last /64 of its first IPv6 one. */
export function clientLinkOf(u: Upstream): ClientLink | undefined {
  const p = parsePrefix(u.frr.routerBgp.ipv4Unicast.networks[0]!)!.prefix;
  if (p.length > 30) return undefined;
  const link = (p.network + prefixSize(p) - 4) >>> 0;
  const out: ClientLink = {
    link: `${formatAddress(link)}/30`,
    address: formatAddress(link + 2),
    prefixLength: 30,
    gateway: formatAddress(link + 1),
  };
  const six = u.frr.routerBgp.ipv6Unicast?.networks[0];
  if (six === undefined) return out;
  const p6: Prefix6 = parsePrefix6(six)!.prefix;
  if (p6.length > 64) return undefined;
  const link6 = p6.network | (((1n << BigInt(64 - p6.length)) - 1n) << 64n);
  return {
    ...out,
    link6: `${formatAddress6(link6)}/64`,
    address6: formatAddress6(link6 + 2n),
    prefixLength6: 64,
    gateway6: formatAddress6(link6 + 1n),
  };
}
