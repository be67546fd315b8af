/**
 * The IPv6 unicast family of a device's FRR model (issue 14): which groups it activates, the
 * numbered IPv6 upstream sessions, and its policy, by the IPv4 family's rules on IPv6 prefixes.
 * Unnumbered sessions already run over IPv6 link-local, so they carry both families.
 */
import type { FamilyAddress } from '../../model/address.js';
import type { BgpNeighbor, BgpUnicastFamily6 } from '../../model/types.js';
import { formatAddress6, parsePrefix6 } from '../../net/ipv6.js';
import type { SiteFacts, UpstreamFacts } from '../facts.js';
import { address6, withValue } from '../ip-family.js';
import type { PeerGroupSpec } from './peer-groups.js';

/**
 * Whether the site routes IPv6: it has an IPv6 loopback pool, announces an IPv6 prefix, has an
 * IPv6 segment or an IPv6 upstream session. Then every BGP speaker gets `address-family ipv6
 * unicast` on its unnumbered sessions, which run over IPv6 link-local already.
 */
export function siteHasIpv6(facts: SiteFacts): boolean {
  return (
    facts.pools.loopback6 !== null ||
    facts.announce6.length > 0 ||
    [...facts.segments.values()].some((s) => s.subnet6 !== null) ||
    [...facts.upstreams.values()].some((u) => u.ipv6 !== null)
  );
}

/** The IPv6 twin of a group of numbered sessions: `UPSTREAMS` → `UPSTREAMS-V6`, same policy. */
export function ipv6Group(g: PeerGroupSpec): PeerGroupSpec {
  return { ...g, name: `${g.name}-V6`, description: `${g.description} (IPv6)` };
}

/** A group's route-map in the IPv6 family: `SPINES-V6-IN`; an IPv6 group's own: `UPSTREAMS-V6-IN`. */
export function routeMap6(g: PeerGroupSpec, dir: 'IN' | 'OUT'): string {
  return g.name.endsWith('-V6') ? `${g.name}-${dir}` : `${g.name}-V6-${dir}`;
}

export function comparePrefix6(a: string, b: string): number {
  const pa = parsePrefix6(a)!.prefix;
  const pb = parsePrefix6(b)!.prefix;
  return pa.network < pb.network ? -1 : pa.network > pb.network ? 1 : pa.length - pb.length;
}

/**
 * The IPv6 session of an upstream link (`address6`/`peer6`), seen from our edge or from the
 * simulated upstream: our address on the link, and the neighbor in the group's IPv6 twin.
 */
export function upstreamSession6(
  upstream: UpstreamFacts,
  simulated: boolean,
  group: PeerGroupSpec,
  ipv4: BgpNeighbor,
): { group: PeerGroupSpec; address: FamilyAddress; neighbor: BgpNeighbor } | null {
  const six = upstream.ipv6;
  if (!six) return null;
  const group6 = ipv6Group(group);
  const [mine, theirs] = simulated ? [six.theirs, six.ours] : [six.ours, six.theirs];
  return {
    group: group6,
    address: address6(mine, six.link.length),
    neighbor: {
      ...ipv4,
      peer: formatAddress6(theirs),
      unnumbered: false,
      peerGroup: group6.name,
      family: 'ipv6',
    },
  };
}

/** `address-family ipv6 unicast`: the groups activated in it, with their IPv6 route-maps. */
export function ipv6UnicastFamily(
  networks6: string[],
  aggregates6: string[],
  neighbors: BgpNeighbor[],
  groups: PeerGroupSpec[],
  maximumPaths: number,
): BgpUnicastFamily6 {
  return {
    networks: [...new Set(networks6)].sort(comparePrefix6),
    aggregates: aggregates6,
    maximumPaths,
    defaultOriginate: neighbors
      .filter((n) => groups.find((g) => g.name === n.peerGroup)?.defaultOriginate)
      .map((n) => n.peer),
    peerGroups: groups
      .map((g) => ({
        name: g.name,
        routeMapIn: routeMap6(g, 'IN'),
        routeMapOut: routeMap6(g, 'OUT'),
        ...withValue('maximumPrefix', g.cluster?.maximumPrefix ?? null),
        ...(g.cluster ? { keepsReceived: true as const } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
