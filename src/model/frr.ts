/** FRR: frr.conf and /etc/frr/daemons (templates/frr/). */
import type { FamilyAddress } from './address.js';
import type { SecretRef } from './secrets.js';

export interface FrrModel {
  /**
   * `frr defaults`: the profile of FRR's built-in defaults. `traditional` keeps FRR's classic BGP
   * behaviour; fabric sets what it relies on (timers, policy) explicitly. @default traditional
   */
  defaultsProfile: 'traditional' | 'datacenter';
  hostname: string;
  /** `log file`: where FRR logs, and from which syslog level up. @default /var/log/frr/frr.log, informational */
  log: { file: string; level: 'debugging' | 'informational' | 'notifications' | 'warnings' | 'errors' };
  /** Daemons enabled in /etc/frr/daemons (zebra, staticd and watchfrr always run). */
  daemons: {
    bgpd: boolean;
    bfdd: boolean;
    /** Load FRR's SNMP AgentX module in zebra and bgpd (BGP4-MIB through the local snmpd). */
    agentx: boolean;
  };
  /**
   * Whether zebra installs routes through kernel nexthop objects (`zebra nexthop kernel enable`,
   * FRR's default) or with their next hops inline (`no zebra nexthop kernel enable`).
   */
  kernelNexthopGroups: boolean;
  interfaces: FrrInterface[];
  staticRoutes: StaticRoute[];
  prefixLists: PrefixList[];
  routeMaps: RouteMap[];
  bfdProfiles: BfdProfile[];
  routerBgp: RouterBgp;
}

export interface FrrInterface {
  name: string;
  description: string;
  /**
   * Its addresses, IPv4 (`ip address`) first, then its global IPv6 ones (`ipv6 address`); empty
   * for unnumbered (IPv6 link-local) fabric ports.
   */
  addresses: FamilyAddress[];
}

export interface StaticRoute {
  /** `ipv6 route` for an IPv6 prefix; absent: `ip route`. */
  family?: 'ipv6';
  prefix: string;
  /** `blackhole` anchors an aggregate so that `network` can announce it. */
  nexthop: 'blackhole';
  description: string;
}

export interface PrefixList {
  /** `ipv6 prefix-list`; absent: `ip prefix-list`. IPv6 lists are named `<name>-V6`. */
  family?: 'ipv6';
  name: string;
  entries: { seq: number; action: 'permit' | 'deny'; prefix: string; ge: number | null; le: number | null }[];
}

export interface RouteMap {
  /** Matches `ipv6 address prefix-list`; absent: `ip address`. IPv6 route-maps are named `<group>-V6-IN`/`-OUT`. */
  family?: 'ipv6';
  name: string;
  entries: {
    seq: number;
    action: 'permit' | 'deny';
    matchPrefixList: string | null;
    description: string | null;
  }[];
}

/**
 * A BFD profile. A value equal to FRR's default (300 ms, multiplier 3) is null and not printed:
 * FRR never shows defaults in its running config, so a printed default would read as drift.
 */
export interface BfdProfile {
  name: string;
  /** Milliseconds; null: FRR's default, 300. */
  receiveInterval: number | null;
  /** Milliseconds; null: FRR's default, 300. */
  transmitInterval: number | null;
  /** null: FRR's default, 3. */
  detectMultiplier: number | null;
}

export interface PeerGroup {
  name: string;
  description: string;
  bfdProfile: string | null;
  /** Route-maps applied in the ipv4 unicast address family (of an IPv6-only group: its IPv6 ones). */
  routeMapIn: string;
  routeMapOut: string;
  /**
   * `neighbor <group> maximum-prefix <n>` in each family it is active in: a session that sends
   * more prefixes is torn down. Set on a Kubernetes cluster's group (`clusters.<c>.maximum_prefix`,
   * @default 1000); absent on every other group.
   */
  maximumPrefix?: number;
  /**
   * `neighbor <group> soft-reconfiguration inbound`, and `force` on its `maximum-prefix`: the
   * group's peers' routes are kept as received, before the inbound route-map, so verify and drift
   * can name a prefix the policy rejects (`bgp-filtered`), and what is kept counts towards the
   * limit, so a peer cannot fill the table it is kept in. Set on a Kubernetes cluster's group
   * (a node announcing outside its pools is a Service nobody reaches); absent on every other group.
   */
  keepsReceived?: true;
  /**
   * `neighbor <group> advertise-map <advertise> exist-map <existMap>` in the IPv4 family: the
   * routes `advertise` permits go to the group only while the BGP table holds a route `existMap`
   * permits. On a vRouter whose tenant has a service prefix (`gslb.services.<s>.anycast.prefix`),
   * its HYPERVISOR group: the VIP host routes inside the prefix while it holds the default route,
   * so the site's edges announce the prefix only once the replies have a way out
   * (docs/active-active.md, "Anycast: the edges"). Absent on every other group.
   */
  advertiseMap?: { advertise: string; existMap: string };
  /**
   * `ipv6`: a group of numbered IPv6 sessions (an upstream's `peer6`), `no neighbor activate` in
   * the IPv4 family; absent on every other group.
   */
  family?: 'ipv6';
}

export interface BgpNeighbor {
  /** Interface name for unnumbered neighbors, else the peer address. */
  peer: string;
  unnumbered: boolean;
  peerGroup: string;
  remoteAs: number;
  description: string;
  /** The device on the other end (or the upstream's name). */
  peerDevice: string;
  password: SecretRef | null;
  /** Upstream sessions: the peer address is directly connected (ttl 1). */
  updateSource: string | null;
  /**
   * `ipv6`: a numbered IPv6 upstream session, which carries only IPv6 unicast (`no neighbor
   * activate` in the IPv4 family); absent on every other session.
   */
  family?: 'ipv6';
}

export interface RouterBgp {
  asn: number;
  routerId: string;
  /**
   * `timers bgp`: keepalive and hold, seconds (BFD detects failures; these are the backstop);
   * `neighbor GROUP timers connect`: ConnectRetry, seconds, printed on every peer group;
   * `update-delay`: read-only seconds after bgpd starts, at most (0: not printed, FRR's off).
   */
  timers: { keepalive: number; hold: number; connectRetry: number; updateDelay: number };
  /**
   * `bgp conditional-advertisement timer`: seconds between bgpd's checks of its advertise-maps'
   * conditions (FRR's default 60, its least 5). Set where a group has an `advertiseMap`, to 5:
   * the condition it waits for is the default route's return, so a longer period only delays a
   * site's return (what the condition gates is withdrawn with its own route, not by the check).
   */
  conditionalAdvertisementTimer?: number;
  /** `bgp log-neighbor-changes`: every session change in the log, for the NOC. @default true */
  logNeighborChanges: boolean;
  bestpath: {
    /**
     * `bgp bestpath as-path multipath-relax`: ECMP over paths of equal AS-path length through
     * different neighbor ASes, as every leaf and host has its own AS (RFC 7938 section 6.3).
     * @default true
     */
    asPathMultipathRelax: boolean;
  };
  peerGroups: PeerGroup[];
  neighbors: BgpNeighbor[];
  /** `address-family ipv4 unicast`. */
  ipv4Unicast: BgpUnicastFamily;
  /**
   * `address-family ipv6 unicast`, on a device of a site with IPv6 (`pools.loopback6`); absent
   * otherwise. Its sessions are the same unnumbered ones (they run over IPv6 link-local already)
   * plus the numbered IPv6 upstream sessions.
   */
  ipv6Unicast?: BgpUnicastFamily6;
}

/** The IPv6 unicast family: the IPv4 one's fields, plus what IPv4 gets from FRR's defaults. */
export interface BgpUnicastFamily6 extends BgpUnicastFamily {
  /**
   * Peer groups and neighbors `activate`d in the family (`frr defaults traditional` activates
   * only IPv4 unicast by default), with the route-maps of the family.
   */
  peerGroups: {
    name: string;
    routeMapIn: string;
    routeMapOut: string;
    maximumPrefix?: number;
    /** As the group's `keepsReceived`, in this family. */
    keepsReceived?: true;
  }[];
}

/** One unicast address family of `router bgp` (the address-family axis: src/model/address.ts). */
export interface BgpUnicastFamily {
  /** Prefixes originated with `network` (each must exist in the RIB). */
  networks: string[];
  /**
   * Prefixes originated with `aggregate-address` (no `summary-only`): announced only while the
   * BGP table holds a more specific route inside them, which the simulation models too.
   */
  aggregates: string[];
  maximumPaths: number;
  /** Neighbors (by peer) that get a default route originated towards them. */
  defaultOriginate: string[];
  /**
   * `redistribute connected route-map <name>`: on an L4 node announcing anycast VIPs, the VIPs
   * keepalived holds as /32 (/128) addresses while it is master with quorum
   * (src/compile/anycast.ts). Absent elsewhere.
   */
  redistributeConnected?: string;
}
