/**
 * Compiles a routed device's FRR model: interfaces, static anchors, prefix-lists, route-maps,
 * BFD profiles and `router bgp`. Reads only site facts.
 */
import type {
  BfdProfile,
  BgpNeighbor,
  FrrInterface,
  FrrModel,
  PeerGroup,
  PrefixList,
  RouteMap,
  StaticRoute,
} from '../../model/types.js';
import { formatAddress, nth, onPrefix, parsePrefix, withLength } from '../../net/ipv4.js';
import { type DeviceFacts, ifaceOrder, type SiteFacts, type UpstreamFacts } from '../facts.js';
import { roleSpec } from '../roles.js';
import { compileTimers } from '../timers.js';
import { type PeerGroupSpec, peerGroupFor } from './peer-groups.js';

/** ECMP width: more than any fabric here has uplinks, well under FRR's compiled-in 256. */
export const MAXIMUM_PATHS = 64;

/**
 * Routes go to the kernel with their next hops inline, not through kernel nexthop objects. When
 * a link loses carrier or goes down, the kernel deletes the nexthop objects over it and shrinks
 * the groups that hold them; FRR 8.4's zebra does not reinstall them when the link comes back
 * (FRRouting/frr#13413 and #14080, FRR 9.0), so a leaf stays on one spine while zebra shows two
 * (issue 10, finding 2). Inline next hops are marked `linkdown`/`dead` instead, which the kernel
 * skips at once (`ignore_routes_with_linkdown`, kernel.ts) and revives itself when the link
 * returns.
 */
export const KERNEL_NEXTHOP_GROUPS = false;

export function compileFrr(facts: SiteFacts, d: DeviceFacts): FrrModel {
  const timers = compileTimers(facts.inventory);
  const interfaces: FrrInterface[] = [];
  const staticRoutes: StaticRoute[] = [];
  const networks: string[] = [];
  const neighbors: BgpNeighbor[] = [];
  const groups = new Map<string, PeerGroupSpec>();

  // --- loopback and originated prefixes ------------------------------------------------------
  const lo: FrrInterface = { name: 'lo', description: 'loopback, router-id', addresses: [] };
  const spec = roleSpec(d.role);
  if (d.loopback !== null) {
    lo.addresses.push(onPrefix(d.loopback, 32));
    // a routed VM's loopback is only its router-id: hypervisors accept its segments, nothing else
    if (!spec.uplinkNic) networks.push(withLength(d.loopback, 32));
  }
  if (spec.peersWithUpstreams) {
    for (const p of facts.announce) {
      staticRoutes.push({ prefix: p.text, nexthop: 'blackhole', description: 'anchor for the site prefix' });
      networks.push(p.text);
    }
  }
  const simulated = facts.upstreams.get(d.name);
  simulated?.originate.forEach((p, i) => {
    staticRoutes.push({ prefix: p.text, nexthop: 'blackhole', description: 'simulated customer prefix' });
    networks.push(p.text);
    const client = i === 0 ? nth(p, 1) : undefined;
    if (client !== undefined) lo.addresses.push(onPrefix(client, 32));
  });
  interfaces.push(lo);

  // --- cabled ports: unnumbered BGP, or the numbered upstream link ----------------------------
  for (const port of d.ports) {
    if (port.kind === 'vm-port') continue; // an OVS access port, not a routed interface
    const peer = facts.devices.get(port.peer.device);
    if (!peer) continue; // every port's peer is a device (facts.ts)
    const iface: FrrInterface = {
      name: port.interface,
      description: port.description ?? `${peer.name}:${port.peer.interface}`,
      addresses: [],
    };
    const link = port.kind === 'upstream' ? peeringLink(facts, d, peer) : null;
    const group = peerGroupFor(d.role, peer.role, link?.upstream.accept === 'full');
    groups.set(group.name, group);
    if (link) {
      iface.addresses.push(onPrefix(link.mine, link.upstream.link.length));
      neighbors.push({
        peer: formatAddress(link.theirs),
        unnumbered: false,
        peerGroup: group.name,
        remoteAs: peer.asn!,
        description: simulated ? `${peer.name} (customer AS${peer.asn})` : `${peer.name} (AS${peer.asn})`,
        peerDevice: peer.name,
        password: link.upstream.password ? { secret: link.upstream.password, use: 'bgp-password' } : null,
        updateSource: null,
      });
    } else {
      neighbors.push({
        peer: port.interface,
        unnumbered: true,
        peerGroup: group.name,
        remoteAs: peer.asn!,
        description: port.description ?? `${peer.name}:${port.peer.interface}`,
        peerDevice: peer.name,
        password: null,
        updateSource: null,
      });
    }
    interfaces.push(iface);
  }

  // --- a vRouter's own segments ---------------------------------------------------------------
  for (const nic of d.nics) {
    const seg = nic.on;
    if (seg === null || nic.address === null) continue;
    interfaces.push({
      name: nic.name,
      description: `segment ${seg.key} (VNI ${seg.vni})`,
      addresses: [onPrefix(nic.address, seg.subnet.length)],
    });
    networks.push(seg.subnet.text);
  }
  interfaces.sort((a, b) => (a.name === 'lo' ? -1 : b.name === 'lo' ? 1 : ifaceOrder(a.name, b.name)));
  neighbors.sort((a, b) => Number(b.unnumbered) - Number(a.unnumbered) || ifaceOrder(a.peer, b.peer));

  const policy = compilePolicy(facts, d, [...groups.values()]);
  const peerGroups: PeerGroup[] = [...groups.values()]
    .map((g) => ({
      name: g.name,
      description: g.description,
      bfdProfile: g.bfdProfile,
      routeMapIn: `${g.name}-IN`,
      routeMapOut: `${g.name}-OUT`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const defaultOriginate = neighbors
    .filter((n) => groups.get(n.peerGroup)?.defaultOriginate)
    .map((n) => n.peer);

  return {
    defaultsProfile: 'traditional',
    hostname: d.name,
    log: { file: '/var/log/frr/frr.log', level: 'informational' },
    daemons: { bgpd: true, bfdd: true, agentx: false },
    kernelNexthopGroups: KERNEL_NEXTHOP_GROUPS,
    interfaces,
    staticRoutes: staticRoutes.sort((a, b) => a.prefix.localeCompare(b.prefix)),
    prefixLists: policy.prefixLists,
    routeMaps: policy.routeMaps,
    bfdProfiles: [...new Set([...groups.values()].map((g) => g.bfdProfile))].sort().map((name) => {
      const bfd = name === 'fabric' ? timers.bfdFabric : timers.bfdUpstream;
      return bfdProfile(name, bfd.intervalMs, bfd.multiplier);
    }),
    routerBgp: {
      asn: d.asn!,
      routerId: routerIdOf(facts, d),
      logNeighborChanges: true,
      bestpath: { asPathMultipathRelax: true },
      timers: { keepalive: timers.bgp.keepaliveS, hold: timers.bgp.holdS },
      peerGroups,
      neighbors,
      ipv4Unicast: {
        networks: [...new Set(networks)].sort(comparePrefix),
        maximumPaths: MAXIMUM_PATHS,
        defaultOriginate,
      },
    },
  };
}

/** FRR's BFD defaults: a profile prints only what differs from them. */
export const FRR_BFD_DEFAULTS = { interval: 300, multiplier: 3 } as const;

function bfdProfile(name: string, interval: number, multiplier: number): BfdProfile {
  const differs = (v: number, d: number) => (v === d ? null : v);
  return {
    name,
    receiveInterval: differs(interval, FRR_BFD_DEFAULTS.interval),
    transmitInterval: differs(interval, FRR_BFD_DEFAULTS.interval),
    detectMultiplier: differs(multiplier, FRR_BFD_DEFAULTS.multiplier),
  };
}

/**
 * A numbered peering link seen from `d`: the edge's end (ours) or the simulated upstream's
 * (theirs), whichever `d` is.
 */
function peeringLink(
  facts: SiteFacts,
  d: DeviceFacts,
  peer: DeviceFacts,
): { upstream: UpstreamFacts; mine: number; theirs: number } | null {
  const simulated = facts.upstreams.get(d.name);
  const upstream = simulated ?? facts.upstreams.get(peer.name);
  if (!upstream) return null;
  return simulated
    ? { upstream, mine: upstream.theirs, theirs: upstream.ours }
    : { upstream, mine: upstream.ours, theirs: upstream.theirs };
}

/** A router-id: the loopback, or for a simulated upstream (no loopback from our pools) its peering address. */
function routerIdOf(facts: SiteFacts, d: DeviceFacts): string {
  if (d.loopback !== null) return formatAddress(d.loopback);
  const u = facts.upstreams.get(d.name);
  return u ? formatAddress(u.theirs) : '';
}

function comparePrefix(a: string, b: string): number {
  const pa = parsePrefix(a)!.prefix;
  const pb = parsePrefix(b)!.prefix;
  return pa.network - pb.network || pa.length - pb.length;
}

function compilePolicy(
  facts: SiteFacts,
  d: DeviceFacts,
  groups: PeerGroupSpec[],
): { prefixLists: PrefixList[]; routeMaps: RouteMap[] } {
  const lists = new Map<string, PrefixList>();
  const want = (name: string) => {
    if (lists.has(name)) return;
    lists.set(name, { name, entries: prefixListEntries(facts, d, name) });
  };
  const routeMaps: RouteMap[] = [];
  for (const g of groups) {
    for (const [dir, list] of [
      ['IN', g.acceptPrefixList],
      ['OUT', g.announcePrefixList],
    ] as const) {
      const name = `${g.name}-${dir}`;
      if (list) {
        want(list);
        routeMaps.push({
          name,
          entries: [
            { seq: 10, action: 'permit', matchPrefixList: list, description: null },
            { seq: 100, action: 'deny', matchPrefixList: null, description: 'nothing else' },
          ],
        });
      } else {
        routeMaps.push({
          name,
          entries: [{ seq: 10, action: 'permit', matchPrefixList: null, description: 'everything' }],
        });
      }
    }
  }
  return {
    prefixLists: [...lists.values()].sort((a, b) => a.name.localeCompare(b.name)),
    routeMaps: routeMaps.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function entries(prefixes: { prefix: string; ge?: number; le?: number }[]): PrefixList['entries'] {
  return prefixes.map((p, i) => ({
    seq: (i + 1) * 5,
    action: 'permit' as const,
    prefix: p.prefix,
    ge: p.ge ?? null,
    le: p.le ?? null,
  }));
}

function prefixListEntries(facts: SiteFacts, d: DeviceFacts, name: string): PrefixList['entries'] {
  const tenantSubnets = () => [...facts.segments.values()].map((s) => ({ prefix: s.subnet.text }));
  switch (name) {
    case 'DEFAULT-ONLY':
      return entries([{ prefix: '0.0.0.0/0' }]);
    case 'FULL-TABLE':
      // the whole table but our own prefixes and anything longer than /24
      return [
        ...facts.announce.map((p, i) => ({
          seq: (i + 1) * 5,
          action: 'deny' as const,
          prefix: p.text,
          ge: null,
          le: 32,
        })),
        { seq: 1000, action: 'permit', prefix: '0.0.0.0/0', ge: null, le: 24 },
      ];
    case 'SITE-PREFIXES':
      return entries(facts.announce.map((p) => ({ prefix: p.text })));
    case 'HOST-ROUTES':
      return entries([{ prefix: facts.pools.loopback.text, ge: 32, le: 32 }, ...tenantSubnets()]);
    case 'TENANT-PREFIXES':
      return entries(tenantSubnets());
    case 'OWN-SEGMENTS':
      return entries(d.nics.flatMap((n) => (n.on ? [{ prefix: n.on.subnet.text }] : [])));
    default:
      throw new Error(`unknown prefix-list ${name}`);
  }
}
