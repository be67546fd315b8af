/**
 * FRR's JSON, read the way FRR 8.x writes it (bgpd/bgp_vty.c, zebra/zebra_vty.c, bfdd/bfdd_vty.c;
 * the fields are unchanged from 8.0 to 10.0).
 */
import type { AddressFamily } from '../model/address.js';

export const FRR = {
  bgpSummary: "vtysh -c 'show bgp ipv4 unicast summary json'",
  bfdPeers: "vtysh -c 'show bfd peers json'",
  routes: "vtysh -c 'show ip route json'",
  runningConfig: "vtysh -c 'show running-config'",
} as const;

/**
 * The per-family reads (issue 14). IPv6's have IPv4's shapes: one afi/safi's summary is the flat
 * object `{ as, routerId, peers }` (bgp_vty.c `bgp_show_summary_afi_safi` nests it under
 * `ipv6Unicast` only for `show bgp summary json`, and prints `{}` when the family has no peer),
 * and `show ipv6 route json` is written by the same function as `show ip route json`
 * (zebra_vty.c `vty_show_ip_route`).
 */
export const FRR_FAMILY = {
  ipv4: { bgpSummary: FRR.bgpSummary, routes: FRR.routes },
  ipv6: {
    bgpSummary: "vtysh -c 'show bgp ipv6 unicast summary json'",
    routes: "vtysh -c 'show ipv6 route json'",
  },
} as const satisfies Record<AddressFamily, { bgpSummary: string; routes: string }>;

export interface BgpPeer {
  state: string;
  peerState?: string;
  remoteAs: number;
  pfxRcd?: number;
  pfxSnt?: number;
  idType?: string;
}

export interface BgpSummary {
  as: number;
  routerId: string;
  peers: Record<string, BgpPeer>;
}

/**
 * `show bgp ipv4 unicast summary json` or `show bgp ipv6 unicast summary json`; `show bgp summary
 * json` nests each family under `ipv4Unicast`/`ipv6Unicast` (the first is read). `{}` means no
 * BGP, or no session in the family.
 */
export function bgpSummary(json: unknown): BgpSummary | undefined {
  const o = json as Record<string, unknown>;
  const af = (o?.ipv4Unicast ?? o?.ipv6Unicast ?? o) as Partial<BgpSummary>;
  if (!af || typeof af.as !== 'number') return undefined;
  return {
    as: af.as,
    routerId: String(af.routerId ?? ''),
    peers: (af.peers ?? {}) as Record<string, BgpPeer>,
  };
}

export function isEstablished(p: BgpPeer): boolean {
  return p.state === 'Established' && (p.peerState === undefined || p.peerState === 'OK');
}

export interface BfdPeer {
  peer: string;
  interface?: string;
  status: string;
  multihop?: boolean;
}

/** `show bfd peers json` is an array. */
export function bfdPeers(json: unknown): BfdPeer[] {
  return Array.isArray(json) ? (json as BfdPeer[]) : [];
}

/** A single-hop BFD session on an interface (unnumbered) or to an address. */
export function findBfdPeer(peers: BfdPeer[], peer: string, unnumbered: boolean): BfdPeer | undefined {
  return peers.find((p) => !p.multihop && (unnumbered ? p.interface === peer : p.peer === peer));
}

export interface RouteNexthop {
  ip?: string;
  interfaceName?: string;
  fib?: boolean;
  active?: boolean;
  duplicate?: boolean;
  recursive?: boolean;
}

export interface RouteEntry {
  prefix: string;
  protocol: string;
  selected?: boolean;
  installed?: boolean;
  nexthops: RouteNexthop[];
}

/** `show ip route json` or `show ipv6 route json`: `{ "<prefix>": [entry, ...] }`. */
export function routes(json: unknown): Map<string, RouteEntry[]> {
  return new Map(Object.entries((json ?? {}) as Record<string, RouteEntry[]>));
}

/** ECMP width of the installed route: its next hops in the FIB (not recursive, not duplicates). */
export function fibNexthops(entries: RouteEntry[] | undefined): { count: number; protocol: string | null } {
  const e = entries?.find((x) => x.selected && x.installed);
  if (!e) return { count: 0, protocol: null };
  return {
    count: e.nexthops.filter((n) => n.fib && !n.recursive && !n.duplicate).length,
    protocol: e.protocol,
  };
}
