/**
 * Compiles a routed device's FRR model: interfaces, static anchors, prefix-lists, route-maps,
 * BFD profiles and `router bgp`. Reads only site facts.
 */
import type {
  BfdProfile,
  BgpNeighbor,
  FrrInterface,
  FrrModel,
  SiteTimers,
  StaticRoute,
} from '../../model/types.js';
import { contains, formatAddress, nth, type Prefix4, parsePrefix, withLength } from '../../net/ipv4.js';
import { contains6, nth6, type Prefix6, parsePrefix6, withLength6 } from '../../net/ipv6.js';
import { oncePer } from '../../util/once-per.js';
import { type DeviceFacts, ifaceOrder, type SiteFacts } from '../facts.js';
import { address4, address6, withValue } from '../ip-family.js';
import { routedInterface } from '../ovs.js';
import { roleSpec } from '../roles.js';
import { compileTimers } from '../timers.js';
import { ipv6UnicastFamily, siteHasIpv6 } from './ipv6.js';
import { type PeerGroupSpec, peerGroupsOf } from './peer-groups.js';
import { compilePolicy, conditionalAdvertisement, ipv4Policy, ipv6Policy } from './policy.js';
import { portSession } from './sessions.js';

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
  const neighbors: BgpNeighbor[] = [];
  const groups = new Map<string, PeerGroupSpec>();
  // IPv6 (issue 14): only on a site that has it, so an IPv4-only site's model is unchanged
  const v6 = siteHasIpv6(facts);
  /** Groups of numbered IPv4 sessions: not activated in the IPv6 family. */
  const ipv4Only = new Set<string>();
  /** Groups of numbered IPv6 sessions (`<group>-V6`): activated in the IPv6 family only. */
  const groups6 = new Map<string, PeerGroupSpec>();

  // --- loopback and originated prefixes ------------------------------------------------------
  const { origin, segments } = originatedBy(facts, d);
  interfaces.push(origin.lo);
  staticRoutes.push(...origin.staticRoutes);
  const { ipv4: announce, ipv6: announce6 } = announcementsOf(facts, origin);
  const networks = [...origin.networks, ...announce.networks];
  const networks6 = [...origin.networks6, ...announce6.networks];

  // --- cabled ports: unnumbered BGP, or a numbered link (an upstream's, a Cilium node's) -----
  for (const port of d.ports) {
    if (port.kind === 'vm-port') continue; // an OVS access port, not a routed interface
    const peer = facts.devices.get(port.peer.device);
    if (!peer) continue; // every port's peer is a device (facts.ts)
    // a hypervisor routes a vRouter's uplink on its OVS bridge (compile/ovs.ts)
    const name = routedInterface(facts, d, port);
    const iface: FrrInterface = {
      name,
      description: port.description ?? `${peer.name}:${port.peer.interface}`,
      addresses: [],
    };
    const session = portSession(facts, d, port, peer, name);
    groups.set(session.group.name, session.group);
    if (session.numbered) ipv4Only.add(session.group.name);
    if (session.group6) groups6.set(session.group6.name, session.group6);
    iface.addresses.push(...session.addresses);
    neighbors.push(...session.neighbors);
    interfaces.push(iface);
  }

  // --- a vRouter's own segments ---------------------------------------------------------------
  interfaces.push(...segments.interfaces);
  networks.push(...segments.networks);
  networks6.push(...segments.networks6);
  interfaces.sort((a, b) => (a.name === 'lo' ? -1 : b.name === 'lo' ? 1 : ifaceOrder(a.name, b.name)));
  neighbors.sort(
    (a, b) =>
      Number(b.unnumbered) - Number(a.unnumbered) ||
      Number(a.family === 'ipv6') - Number(b.family === 'ipv6') ||
      ifaceOrder(a.peer, b.peer),
  );

  const policy = compilePolicy(facts, d, [...groups.values()], ipv4Policy(facts));
  const in6 = v6 ? [...[...groups.values()].filter((g) => !ipv4Only.has(g.name)), ...groups6.values()] : [];
  const policy6 = v6 ? compilePolicy(facts, d, in6, ipv6Policy(facts)) : { prefixLists: [], routeMaps: [] };
  const peerGroups = [
    ...peerGroupsOf(groups, false, policy.advertiseMaps),
    ...peerGroupsOf(groups6, true, new Map()),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const defaultOriginate = neighbors
    .filter((n) => n.family === undefined && groups.get(n.peerGroup)?.defaultOriginate)
    .map((n) => n.peer);
  const ipv6Unicast = v6
    ? ipv6UnicastFamily(networks6, announce6.aggregates, neighbors, in6, MAXIMUM_PATHS)
    : null;

  return {
    defaultsProfile: 'traditional',
    hostname: d.name,
    log: { file: '/var/log/frr/frr.log', level: 'informational' },
    daemons: { bgpd: true, bfdd: true, agentx: false },
    kernelNexthopGroups: KERNEL_NEXTHOP_GROUPS,
    interfaces,
    staticRoutes: staticRoutes.sort(
      (a, b) => Number(!!a.family) - Number(!!b.family) || a.prefix.localeCompare(b.prefix),
    ),
    prefixLists: [...policy.prefixLists, ...policy6.prefixLists],
    routeMaps: [...policy.routeMaps, ...policy6.routeMaps],
    bfdProfiles: bfdProfilesOf(groups, timers),
    routerBgp: {
      asn: d.asn!,
      routerId: routerIdOf(facts, d),
      logNeighborChanges: true,
      bestpath: { asPathMultipathRelax: true },
      timers: bgpTimers(timers.bgp),
      ...conditionalAdvertisement(policy.advertiseMaps),
      peerGroups,
      neighbors,
      ipv4Unicast: {
        networks: [...new Set(networks)].sort(comparePrefix),
        aggregates: [...announce.aggregates, ...origin.anycast].sort(comparePrefix),
        maximumPaths: MAXIMUM_PATHS,
        defaultOriginate,
      },
      ...withValue('ipv6Unicast', ipv6Unicast),
    },
  };
}

/** `router bgp`'s timers, as FRR spells them. */
function bgpTimers(t: SiteTimers['bgp']): FrrModel['routerBgp']['timers'] {
  return {
    keepalive: t.keepaliveS,
    hold: t.holdS,
    connectRetry: t.connectRetryS,
    updateDelay: t.updateDelayS,
  };
}

/** The BFD profiles the device's groups use, with the site's timers. */
function bfdProfilesOf(groups: Map<string, PeerGroupSpec>, timers: SiteTimers): BfdProfile[] {
  const names = [...groups.values()].flatMap((g) => (g.bfdProfile === null ? [] : [g.bfdProfile]));
  return [...new Set(names)].sort().map((name) => {
    const bfd = name === 'fabric' ? timers.bfdFabric : timers.bfdUpstream;
    return bfdProfile(name, bfd.intervalMs, bfd.multiplier);
  });
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

/** The loopback (and a simulated upstream's client address), and the prefixes the device originates itself. */
function loopbackAndOriginated(facts: SiteFacts, d: DeviceFacts) {
  const spec = roleSpec(d.role);
  const simulated = facts.upstreams.get(d.name);
  const staticRoutes: StaticRoute[] = [];
  const networks: string[] = [];
  const networks6: string[] = [];
  const lo4: FrrInterface['addresses'] = [];
  const lo6: FrrInterface['addresses'] = [];
  if (d.loopback !== null) {
    lo4.push(address4(d.loopback, 32));
    // a routed VM's loopback is only its router-id: hypervisors accept its segments, nothing else
    if (!spec.uplinkNic) networks.push(withLength(d.loopback, 32));
  }
  if (d.loopback6 !== null) {
    lo6.push(address6(d.loopback6, 128));
    if (!spec.uplinkNic) networks6.push(withLength6(d.loopback6, 128));
  }
  const announced: string[] = [];
  const announced6: string[] = [];
  const anycast: string[] = [];
  if (spec.peersWithUpstreams) {
    for (const p of facts.announce) {
      staticRoutes.push({ prefix: p.text, nexthop: 'blackhole', description: 'anchor for the site prefix' });
      announced.push(p.text);
    }
    for (const p of facts.announce6) {
      staticRoutes.push({
        family: 'ipv6',
        prefix: p.text,
        nexthop: 'blackhole',
        description: 'anchor for the site prefix',
      });
      announced6.push(p.text);
    }
    // a service prefix: an aggregate whose only contributors are the VIP host routes (anycast),
    // with the same anchor: an address of it with no VIP alive here is dropped at the edge
    for (const p of new Set(facts.anycast.map((a) => a.prefix.text))) {
      staticRoutes.push({ prefix: p, nexthop: 'blackhole', description: 'anchor for the service prefix' });
      anycast.push(p);
    }
  }
  simulated?.originate.forEach((p, i) => {
    staticRoutes.push({ prefix: p.text, nexthop: 'blackhole', description: 'simulated customer prefix' });
    networks.push(p.text);
    const client = i === 0 ? nth(p, 1) : undefined;
    if (client !== undefined) lo4.push(address4(client, 32));
  });
  simulated?.ipv6?.originate.forEach((p, i) => {
    staticRoutes.push({
      family: 'ipv6',
      prefix: p.text,
      nexthop: 'blackhole',
      description: 'simulated customer prefix',
    });
    networks6.push(p.text);
    const client = i === 0 ? nth6(p, 1) : undefined;
    if (client !== undefined) lo6.push(address6(client, 128));
  });
  const lo: FrrInterface = { name: 'lo', description: 'loopback, router-id', addresses: [...lo4, ...lo6] };
  return { lo, staticRoutes, networks, networks6, announced, announced6, anycast };
}

/**
 * How an edge originates the site's prefixes (`origin.announced`, per family: aggregates and
 * `network`s). One that holds a prefix the site's speakers
 * originate (a routed segment, a loopback) is a BGP aggregate: the edge announces it only while
 * it has such a route, so an edge cut off from its spines (or back from a failure before the
 * spines have sent it the fabric's routes) withdraws it and its upstream takes the other edge.
 * One that holds none (addresses for later, or held against hijacks) is announced from its
 * anchor as before: as an aggregate it would never be. The static blackhole stays in both cases:
 * an address of the prefix with no route inside is dropped at the edge, not sent back to the
 * default route.
 */
function announcementsOf(facts: SiteFacts, origin: { announced: string[]; announced6: string[] }) {
  // only an edge announces; the site's originated prefixes are parsed once per site, not per edge and prefix
  const none = () => ({ aggregates: [], networks: [] });
  return {
    ipv4: origin.announced.length
      ? announcedAs(origin.announced, siteOriginated(facts).ipv4, prefix4)
      : none(),
    ipv6: origin.announced6.length
      ? announcedAs(origin.announced6, siteOriginated(facts).ipv6, prefix6)
      : none(),
  };
}

/** Parsing and containment in one family, for `announcedAs`. */
interface PrefixFamily<P extends Prefix4 | Prefix6> {
  parse(text: string): P | undefined;
  contains(outer: P, inner: P): boolean;
}

const prefix4: PrefixFamily<Prefix4> = {
  parse: (text) => parsePrefix(text)?.prefix,
  contains: (o, i) => contains(o, i.network),
};
const prefix6: PrefixFamily<Prefix6> = {
  parse: (text) => parsePrefix6(text)?.prefix,
  contains: (o, i) => contains6(o, i.network),
};

function announcedAs<P extends Prefix4 | Prefix6>(
  prefixes: string[],
  originated: readonly (P | undefined)[],
  family: PrefixFamily<P>,
) {
  const aggregates: string[] = [];
  const networks: string[] = [];
  for (const p of prefixes) {
    // it holds a prefix the site originates: one longer than it and inside it
    const o = family.parse(p);
    const holds = !!o && originated.some((i) => !!i && i.length > o.length && family.contains(o, i));
    (holds ? aggregates : networks).push(p);
  }
  return { aggregates, networks };
}

/** The site's originated prefixes (siteNetworks), parsed once per site: 5,000 loopbacks for each edge. */
const siteOriginated = oncePer((facts: SiteFacts) => {
  const site = siteNetworks(facts);
  return { ipv4: site.ipv4.map(prefix4.parse), ipv6: site.ipv6.map(prefix6.parse) };
});

/**
 * Per site: each BGP speaker's loopback, anchors and segments with the prefixes it originates
 * (`byDevice`, computed once: its own compile reads them too), and the prefixes all of them
 * originate with `network`, per family.
 */
const siteNetworks = oncePer((facts: SiteFacts) => {
  const ipv4: string[] = [];
  const ipv6: string[] = [];
  const byDevice = new Map<DeviceFacts, Originated>();
  for (const d of facts.devices.values()) {
    if (!roleSpec(d.role).bgp) continue; // a role others peer with: a BGP speaker
    const own = { origin: loopbackAndOriginated(facts, d), segments: segmentInterfaces(d) };
    byDevice.set(d, own);
    ipv4.push(...own.origin.networks, ...own.segments.networks);
    ipv6.push(...own.origin.networks6, ...own.segments.networks6);
  }
  return { ipv4, ipv6, byDevice };
});

interface Originated {
  origin: ReturnType<typeof loopbackAndOriginated>;
  segments: ReturnType<typeof segmentInterfaces>;
}

/** A device's loopback, anchors and segments: the site's pass's for a BGP speaker. */
function originatedBy(facts: SiteFacts, d: DeviceFacts): Originated {
  return (
    siteNetworks(facts).byDevice.get(d) ?? {
      origin: loopbackAndOriginated(facts, d),
      segments: segmentInterfaces(d),
    }
  );
}

/** A vRouter's interfaces on its segments, with the subnets it announces, per family. */
function segmentInterfaces(d: DeviceFacts) {
  const interfaces: FrrInterface[] = [];
  const networks: string[] = [];
  const networks6: string[] = [];
  for (const nic of d.nics) {
    const seg = nic.on;
    if (seg === null) continue;
    const addresses4 = seg.subnet && nic.address !== null ? [address4(nic.address, seg.subnet.length)] : [];
    const addresses6 =
      seg.subnet6 && nic.address6 !== null ? [address6(nic.address6, seg.subnet6.length)] : [];
    if (addresses4.length === 0 && addresses6.length === 0) continue;
    interfaces.push({
      name: nic.name,
      description: `segment ${seg.key} (VNI ${seg.vni})`,
      addresses: [...addresses4, ...addresses6],
    });
    if (addresses4.length && seg.subnet) networks.push(seg.subnet.text);
    if (addresses6.length && seg.subnet6) networks6.push(seg.subnet6.text);
  }
  return { interfaces, networks, networks6 };
}
