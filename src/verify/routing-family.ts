/**
 * The address-family axis of the eBGP simulation (src/verify/routing.ts): what differs between
 * IPv4 and IPv6 unicast, in one place. The path-vector arithmetic is the same in both; a family
 * has its own sessions (numbered sessions carry their own family only, unnumbered ones both where
 * the group is activated in `address-family ipv6 unicast`, src/compile/frr/ipv6.ts), its own
 * `network`s, `default-originate`s and route-maps, and its own prefix arithmetic.
 */
import { type AddressFamily, cidrOf } from '../model/address.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { BgpNeighbor, BgpUnicastFamily, HostInterface } from '../model/types.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { contains6, parseAddress6, parsePrefix6 } from '../net/ipv6.js';
import type { Frr } from './routing-speakers.js';

export type { AddressFamily };

/** A prefix as the simulation compares it: its network (as a bigint for IPv6) and length. */
interface Parsed {
  network: number | bigint;
  length: number;
}

export interface RoutingFamily {
  family: AddressFamily;
  /** `0.0.0.0/0` or `::/0`: what `default-originate` offers. */
  defaultRoute: string;
  /** A host route's length: where a prefix-list `ge` without `le` ends. */
  hostLength: number;
  /** The device's `address-family … unicast`, if it has one. */
  unicast(d: Frr): DeepReadonly<BgpUnicastFamily> | undefined;
  /** Whether the session to `n` carries the family (both ends must say so). */
  carries(d: Frr, n: DeepReadonly<BgpNeighbor>): boolean;
  /** The route-maps the device applies to the neighbor's group in the family. */
  routeMaps(d: Frr, n: DeepReadonly<BgpNeighbor>): { in: string; out: string } | undefined;
  /** The advertise-map of the neighbor's group in the family (`PeerGroup.advertiseMap`), if any. */
  advertiseMap(d: Frr, n: DeepReadonly<BgpNeighbor>): { advertise: string; existMap: string } | undefined;
  parse(prefix: string): Parsed | undefined;
  /** Whether `outer` holds the address `inner`'s network starts at. */
  within(outer: Parsed, inner: Parsed): boolean;
  /** Whether one of the interface's addresses in the family is on a prefix that holds `peer`. */
  onLink(iface: DeepReadonly<HostInterface>, peer: string): boolean;
}

/** Prefixes in address order, shorter first where they start alike: as `show ip route` lists them. */
export function byAddress(f: RoutingFamily): (a: string, b: string) => number {
  return (a, b) => {
    const p = f.parse(a);
    const q = f.parse(b);
    if (!p || !q) return a.localeCompare(b);
    return p.network < q.network ? -1 : p.network > q.network ? 1 : p.length - q.length;
  };
}

const IPV4: RoutingFamily = {
  family: 'ipv4',
  defaultRoute: '0.0.0.0/0',
  hostLength: 32,
  unicast: (d) => d.frr.routerBgp.ipv4Unicast,
  // every session but a numbered IPv6 one (`no neighbor activate` in the IPv4 family)
  carries: (_d, n) => n.family === undefined,
  routeMaps(d, n) {
    const g = d.frr.routerBgp.peerGroups.find((x) => x.name === n.peerGroup);
    return g && { in: g.routeMapIn, out: g.routeMapOut };
  },
  // the group as the IPv4 family prints it (not an IPv6-only group of the same name)
  advertiseMap: (d, n) =>
    d.frr.routerBgp.peerGroups.find((g) => g.name === n.peerGroup && !g.family)?.advertiseMap,
  parse: (prefix) => parsePrefix(prefix)?.prefix,
  within: (outer, inner) =>
    contains({ network: outer.network as number, length: outer.length, text: '' }, inner.network as number),
  onLink(iface, peer) {
    const a = parseAddress(peer);
    return iface.addresses.some((x) => {
      if (x.family !== 'ipv4') return false;
      const p = parsePrefix(cidrOf(x))?.prefix;
      return !!p && a !== undefined && contains(p, a);
    });
  },
};

/** The group's entry in `address-family ipv6 unicast`: only activated groups carry IPv6. */
function activated6(d: Frr, n: DeepReadonly<BgpNeighbor>) {
  return d.frr.routerBgp.ipv6Unicast?.peerGroups.find((g) => g.name === n.peerGroup);
}

const IPV6: RoutingFamily = {
  family: 'ipv6',
  defaultRoute: '::/0',
  hostLength: 128,
  unicast: (d) => d.frr.routerBgp.ipv6Unicast,
  // a numbered IPv4 session's group is not activated in the IPv6 family
  carries: (d, n) => (n.unnumbered || n.family === 'ipv6') && !!activated6(d, n),
  routeMaps(d, n) {
    const g = activated6(d, n);
    return g && { in: g.routeMapIn, out: g.routeMapOut };
  },
  // fabric prints advertise-maps in the IPv4 family only
  advertiseMap: () => undefined,
  parse: (prefix) => parsePrefix6(prefix)?.prefix,
  within: (outer, inner) =>
    contains6({ network: outer.network as bigint, length: outer.length, text: '' }, inner.network as bigint),
  onLink(iface, peer) {
    const a = parseAddress6(peer);
    return iface.addresses.some((x) => {
      if (x.family !== 'ipv6') return false;
      const p = parsePrefix6(cidrOf(x))?.prefix;
      return !!p && a !== undefined && contains6(p, a);
    });
  },
};

export const ROUTING_FAMILIES: Record<AddressFamily, RoutingFamily> = { ipv4: IPV4, ipv6: IPV6 };
