/**
 * A device's BGP policy in one address family: a prefix-list per rule its groups use and a
 * route-map per group and direction. The rules are the same in both families (issue 14); what
 * differs is in `PolicyFamily`: the names, the default route, the host length, each family's own
 * prefixes.
 */
import type { PrefixList, RouteMap } from '../../model/types.js';
import type { ClusterFacts, DeviceFacts, SegmentFacts, SiteFacts } from '../facts.js';
import { routeMap6 } from './ipv6.js';
import type { PeerGroupSpec } from './peer-groups.js';

/** What one family's policy is made of. */
export interface PolicyFamily {
  /** Set on the IPv6 family's lists and route-maps; IPv4's carry none (the model's default). */
  family?: 'ipv6';
  listName(rule: string): string;
  routeMapName(group: PeerGroupSpec, dir: 'IN' | 'OUT'): string;
  defaultRoute: string;
  /** A host route's prefix length (a loopback). */
  hostLength: number;
  /** The longest prefix a full table is taken with. */
  fullTableMaxLength: number;
  /** The site's announced prefixes in this family. */
  announce: readonly { text: string }[];
  loopbackPool: { text: string } | null;
  subnetOf(segment: SegmentFacts): { text: string } | null;
  /** A Kubernetes cluster's LoadBalancer pools in this family. */
  lbPoolsOf(cluster: ClusterFacts): readonly { text: string; length: number }[];
  /** The site's service prefixes (`anycast.prefix`) in this family, with their tenants. */
  anycast: readonly { prefix: { text: string }; tenant: string }[];
}

export function ipv4Policy(facts: SiteFacts): PolicyFamily {
  return {
    listName: (rule) => rule,
    routeMapName: (g, dir) => `${g.name}-${dir}`,
    defaultRoute: '0.0.0.0/0',
    hostLength: 32,
    fullTableMaxLength: 24,
    announce: facts.announce,
    loopbackPool: facts.pools.loopback,
    subnetOf: (s) => s.subnet,
    lbPoolsOf: (c) => c.pools,
    anycast: facts.anycast,
  };
}

export function ipv6Policy(facts: SiteFacts): PolicyFamily {
  return {
    family: 'ipv6',
    listName: (rule) => `${rule}-V6`,
    routeMapName: routeMap6,
    defaultRoute: '::/0',
    hostLength: 128,
    fullTableMaxLength: 48,
    announce: facts.announce6,
    loopbackPool: facts.pools.loopback6,
    subnetOf: (s) => s.subnet6,
    lbPoolsOf: (c) => c.pools6,
    anycast: [], // anycast is IPv4 for now (docs/active-active.md)
  };
}

const familyOf = (f: PolicyFamily) => (f.family ? { family: f.family } : {});

/** `neighbor <group> advertise-map <advertise> exist-map <existMap>`: route-map names. */
export interface AdvertiseMap {
  advertise: string;
  existMap: string;
}

/**
 * Seconds between bgpd's checks of an advertise-map's condition: FRR's least (its default is 60).
 * The condition (the default route) gates only a site's return, which waits up to this long.
 */
export const CONDITIONAL_ADVERTISEMENT_TIMER_S = 5;

/** `router bgp`'s timer of a device whose groups have advertise-maps. */
export function conditionalAdvertisement(advertiseMaps: ReadonlyMap<string, AdvertiseMap>): {
  conditionalAdvertisementTimer?: number;
} {
  return advertiseMaps.size ? { conditionalAdvertisementTimer: CONDITIONAL_ADVERTISEMENT_TIMER_S } : {};
}

/** A route-map that permits what one prefix-list matches and denies the rest. */
function matching(f: PolicyFamily, name: string, list: string): RouteMap {
  return {
    ...familyOf(f),
    name,
    entries: [
      { seq: 10, action: 'permit', matchPrefixList: list, description: null },
      { seq: 100, action: 'deny', matchPrefixList: null, description: 'nothing else' },
    ],
  };
}

/** The family's prefix-lists and route-maps for the device's groups. */
export function compilePolicy(
  facts: SiteFacts,
  d: DeviceFacts,
  groups: readonly PeerGroupSpec[],
  f: PolicyFamily,
): { prefixLists: PrefixList[]; routeMaps: RouteMap[]; advertiseMaps: Map<string, AdvertiseMap> } {
  const lists = new Map<string, PrefixList>();
  const routeMaps: RouteMap[] = [];
  const advertiseMaps = new Map<string, AdvertiseMap>();
  for (const g of groups) {
    for (const [dir, rule] of [
      ['IN', g.acceptPrefixList],
      ['OUT', g.announcePrefixList],
    ] as const) {
      const name = f.routeMapName(g, dir);
      if (!rule) {
        routeMaps.push({
          ...familyOf(f),
          name,
          entries: [{ seq: 10, action: 'permit', matchPrefixList: null, description: 'everything' }],
        });
        continue;
      }
      const list = f.listName(rule);
      const listEntries = lists.get(list)?.entries ?? prefixListEntries(facts, d, rule, f, g);
      if (listEntries.length === 0) {
        // nothing of the family to accept (a cluster with no IPv6 pool): no empty list to match
        routeMaps.push({
          ...familyOf(f),
          name,
          entries: [
            { seq: 100, action: 'deny', matchPrefixList: null, description: 'nothing in this family' },
          ],
        });
        continue;
      }
      if (!lists.has(list)) lists.set(list, { ...familyOf(f), name: list, entries: listEntries });
      routeMaps.push(matching(f, name, list));
    }
    // the group's conditional routes: one route-map each for them and for the default route
    const conditional = g.whileDefault ? prefixListEntries(facts, d, g.whileDefault, f, g) : [];
    if (g.whileDefault && conditional.length) {
      const hosts = f.listName(g.whileDefault);
      const defaultOnly = f.listName('DEFAULT-ONLY');
      lists.set(hosts, { ...familyOf(f), name: hosts, entries: conditional });
      if (!lists.has(defaultOnly))
        lists.set(defaultOnly, {
          ...familyOf(f),
          name: defaultOnly,
          entries: prefixListEntries(facts, d, 'DEFAULT-ONLY', f, g),
        });
      const existMap = f.listName('DEFAULT-ROUTE');
      if (!routeMaps.some((m) => m.name === existMap)) routeMaps.push(matching(f, existMap, defaultOnly));
      if (!routeMaps.some((m) => m.name === hosts)) routeMaps.push(matching(f, hosts, hosts));
      advertiseMaps.set(g.name, { advertise: hosts, existMap });
    }
  }
  return {
    prefixLists: [...lists.values()].sort((a, b) => a.name.localeCompare(b.name)),
    routeMaps: routeMaps.sort((a, b) => a.name.localeCompare(b.name)),
    advertiseMaps,
  };
}

/** Prefix-list entries numbered as FRR shows them (seq 5, 10, …). */
export function entries(prefixes: { prefix: string; ge?: number; le?: number }[]): PrefixList['entries'] {
  return prefixes.map((p, i) => ({
    seq: (i + 1) * 5,
    action: 'permit' as const,
    prefix: p.prefix,
    ge: p.ge ?? null,
    le: p.le ?? null,
  }));
}

/**
 * A Cilium node's pod CIDR (its PodCIDR advertisement): one block of the cluster's pod CIDR of
 * exactly the node's mask, IPv4 only. MetalLB announces none, so its clusters' lists hold none.
 */
function podBlocks(cluster: ClusterFacts, f: PolicyFamily): { prefix: string; ge?: number; le?: number }[] {
  if (cluster.speaker !== 'cilium' || f.hostLength !== 32) return [];
  const { podCidr, podCidrMask } = cluster;
  // FRR takes `ge` only above the prefix's own length
  return [
    podCidrMask > podCidr.length
      ? { prefix: podCidr.text, ge: podCidrMask, le: podCidrMask }
      : { prefix: podCidr.text },
  ];
}

/** One entry per prefix: two tenants may share a service prefix. */
function dedupe<T extends { prefix: string }>(list: T[]): T[] {
  return list.filter((x, i) => list.findIndex((y) => y.prefix === x.prefix) === i);
}

/** The entries of one rule (`DEFAULT-ONLY`, `HOST-ROUTES`, …) in the family. */
function prefixListEntries(
  facts: SiteFacts,
  d: DeviceFacts,
  rule: string,
  f: PolicyFamily,
  g: PeerGroupSpec,
): PrefixList['entries'] {
  // a cluster's LoadBalancer IPs: anything inside its pools, down to a host route, nothing else
  const cluster = g.cluster && rule === g.acceptPrefixList ? facts.clusters.get(g.cluster.name) : undefined;
  if (cluster)
    return entries([
      ...f.lbPoolsOf(cluster).map((p) => ({
        prefix: p.text,
        ...(p.length < f.hostLength ? { le: f.hostLength } : {}),
      })),
      ...podBlocks(cluster, f),
    ]);
  const subnets = (list: readonly (SegmentFacts | null)[]) =>
    list.flatMap((s) => {
      const p = s ? f.subnetOf(s) : null;
      return p ? [{ prefix: p.text }] : [];
    });
  // the VIP host routes inside a service prefix, on their way from the L4 members to the edges
  const vipRoutes = (tenant?: string | null) =>
    f.anycast
      .filter((a) => tenant === undefined || a.tenant === tenant)
      .map((a) => ({ prefix: a.prefix.text, le: f.hostLength }));
  const anycastPrefixes = [...new Set(f.anycast.map((a) => a.prefix.text))];
  switch (rule) {
    case 'DEFAULT-ONLY':
      return entries([{ prefix: f.defaultRoute }]);
    case 'FULL-TABLE':
      // the whole table but our own prefixes and anything longer than the family's usual routes
      return [
        ...[...f.announce.map((p) => p.text), ...anycastPrefixes].map((prefix, i) => ({
          seq: (i + 1) * 5,
          action: 'deny' as const,
          prefix,
          ge: null,
          le: f.hostLength,
        })),
        { seq: 1000, action: 'permit', prefix: f.defaultRoute, ge: null, le: f.fullTableMaxLength },
      ];
    case 'SITE-PREFIXES':
      return entries([...f.announce.map((p) => p.text), ...anycastPrefixes].map((prefix) => ({ prefix })));
    case 'HOST-ROUTES':
      return entries([
        ...(f.loopbackPool ? [{ prefix: f.loopbackPool.text, ge: f.hostLength, le: f.hostLength }] : []),
        ...subnets([...facts.segments.values()]),
        ...dedupe(vipRoutes()),
      ]);
    case 'TENANT-PREFIXES':
      return entries([...subnets([...facts.segments.values()]), ...dedupe(vipRoutes())]);
    case 'OWN-SEGMENTS':
      return entries([...subnets(d.nics.map((n) => n.on)), ...vipRoutes(d.tenant)]);
    case 'SERVICE-PREFIX-HOSTS':
      return entries(vipRoutes(d.tenant));
    default:
      throw new Error(`unknown prefix-list ${rule}`);
  }
}
