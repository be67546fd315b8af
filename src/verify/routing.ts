/**
 * What the fabric's routing should converge to, computed from the compiled model alone: a small
 * eBGP path-vector simulation over the sessions the model defines, with the route-maps and
 * prefix-lists the model renders, AS-path loop rejection, shortest-AS-path best paths and
 * multipath-relax ECMP.
 *
 * Where FRR's choice among equal paths is not deterministic (it keeps the oldest path), the
 * simulation keeps every candidate. Each answer is therefore a range: `certain` holds whatever
 * candidate FRR picked, `possible` holds for at least one. A healthy fabric lies in the range.
 *
 * Given failed devices and links (`down`), it answers for the fabric that is left: a failed
 * device originates nothing and its sessions are gone, as are the sessions over a failed link.
 */

import { cidrOf } from '../model/address.js';
import type { DeepReadonly } from '../model/freeze.js';
import { speaksBgp } from '../model/runs.js';
import type { BgpNeighbor, Device, FrrDevice, SiteModel } from '../model/types.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { type Down, failedDevices, linkDown, NOTHING_DOWN } from './down.js';
import { AsPaths } from './routing-paths.js';
import { Policies } from './routing-policy.js';
import { type Net, type PrefixClass, type Received, simulateClass } from './routing-propagate.js';
import { NexthopTable, type Range } from './routing-view.js';

export type { Range };

export interface Session {
  /** The receiving side. */
  device: string;
  /** The neighbor as configured on the receiver (interface or address): FRR's key for the peer. */
  peer: string;
  /** The sending side. */
  from: string;
  fromPeer: string;
}

export interface RoutingExpectation {
  sessions: Session[];
  /** Per receiving session: the number of prefixes accepted from the peer (FRR's pfxRcd). */
  received: Map<string, Range>;
  /** Per device and prefix: the number of ECMP next hops of the best route (not its own prefixes). */
  nexthops: ReadonlyMap<string, ReadonlyMap<string, Range>>;
}

type Frr = DeepReadonly<FrrDevice>;

export function sessionKey(device: string, peer: string): string {
  return `${device}|${peer}`;
}

/** The BGP speakers that are up. */
function speakers(site: DeepReadonly<SiteModel>, down: Down): Map<string, Frr> {
  const failed = failedDevices(site, down);
  return new Map(
    site.devices.filter((d): d is Frr => speaksBgp(d) && !failed.has(d.name)).map((d) => [d.name, d]),
  );
}

/**
 * Pairs each configured neighbor with the neighbor on the other end, between devices that are up
 * and over links that are up.
 */
export function pairSessions(site: DeepReadonly<SiteModel>, down: Down = NOTHING_DOWN): Session[] {
  const frr = speakers(site, down);
  const sessions: Session[] = [];
  for (const d of frr.values()) {
    for (const n of d.frr.routerBgp.neighbors) {
      const other = frr.get(n.peerDevice);
      if (!other) continue;
      const back = counterpart(d, n, other);
      if (!back || sessionLinkDown(d, n, down)) continue;
      sessions.push({ device: d.name, peer: n.peer, from: other.name, fromPeer: back.peer });
    }
  }
  return sessions;
}

/**
 * Whether the link a session runs over has failed: the neighbor's interface when unnumbered, else
 * the interface towards the peer whose subnet holds the neighbor's address.
 */
function sessionLinkDown(d: Frr, n: DeepReadonly<BgpNeighbor>, down: Down): boolean {
  if (down.links.size === 0) return false;
  const address = n.unnumbered ? undefined : parseAddress(n.peer);
  const towards = d.interfaces.filter((i) => i.peer.device === n.peerDevice);
  const link = n.unnumbered
    ? d.interfaces.find((i) => i.name === n.peer)
    : (towards.find((i) =>
        i.addresses.some((a) => {
          const p = parsePrefix(cidrOf(a))?.prefix;
          return !!p && address !== undefined && contains(p, address);
        }),
      ) ?? towards[0]);
  return !!link && linkDown(down, { device: d.name, interface: link.name }, link.peer);
}

function counterpart(
  d: Frr,
  n: DeepReadonly<BgpNeighbor>,
  other: Frr,
): DeepReadonly<BgpNeighbor> | undefined {
  if (n.unnumbered) {
    const link = d.interfaces.find((i) => i.name === n.peer);
    return other.frr.routerBgp.neighbors.find(
      (m) => m.unnumbered && m.peer === link?.peer.interface && m.peerDevice === d.name,
    );
  }
  return other.frr.routerBgp.neighbors.find((m) => !m.unnumbered && m.peerDevice === d.name);
}

/** The speakers that are up and their sessions, by index, for the propagation. */
function netOf(frr: Map<string, Frr>, sessions: Session[], policies: Policies, paths: AsPaths) {
  const devices = [...frr.values()];
  const index = new Map(devices.map((d, i) => [d.name, i]));
  const count = sessions.length;
  const net: Net = {
    asn: devices.map((d) => d.frr.routerBgp.asn),
    recv: new Int32Array(count),
    send: new Int32Array(count),
    inPolicy: new Int32Array(count),
    outPolicy: new Int32Array(count),
    defaultOffer: new Array(count),
    into: devices.map(() => []),
    from: devices.map(() => []),
  };
  const defaults: number[] = [];
  for (const [i, s] of sessions.entries()) {
    const receiver = frr.get(s.device)!;
    const sender = frr.get(s.from)!;
    const r = index.get(s.device)!;
    const f = index.get(s.from)!;
    net.recv[i] = r;
    net.send[i] = f;
    net.inPolicy[i] = policies.of(receiver, s.peer, 'in');
    net.outPolicy[i] = policies.of(sender, s.fromPeer, 'out');
    net.into[r]!.push(i);
    net.from[f]!.push(i);
    if (sender.frr.routerBgp.ipv4Unicast.defaultOriginate.includes(s.fromPeer)) {
      net.defaultOffer[i] = [paths.origin(sender.frr.routerBgp.asn)];
      defaults.push(i);
    }
  }
  return { devices, net, defaults };
}

const DEFAULT_ROUTE = '0.0.0.0/0';

/** Prefixes in address order, shorter first where they start alike: as `show ip route` lists them. */
function byAddress(a: string, b: string): number {
  const p = parsePrefix(a)?.prefix;
  const q = parsePrefix(b)?.prefix;
  if (!p || !q) return a.localeCompare(b);
  return p.network - q.network || p.length - q.length;
}

/**
 * Every prefix the speakers originate (and the default route when a session originates it), in
 * address order, grouped into classes that travel alike: the same
 * originators and the same answer from every policy.
 */
function classesOf(devices: Frr[], policies: Policies, defaults: number[]) {
  const origins = new Map<string, number[]>();
  for (const [i, d] of devices.entries())
    for (const p of d.frr.routerBgp.ipv4Unicast.networks) {
      const list = origins.get(p) ?? [];
      if (!list.includes(i)) list.push(i);
      origins.set(p, list);
    }
  if (defaults.length && !origins.has(DEFAULT_ROUTE)) origins.set(DEFAULT_ROUTE, []);
  const byKey = new Map<string, PrefixClass>();
  const classOf = new Map<string, number>();
  for (const [prefix, from] of origins) {
    const answers = policies.answersFor(prefix);
    const isDefault = prefix === DEFAULT_ROUTE;
    const key = `${isDefault ? 'default' : from.join(',')}|${answers.join('')}`;
    let cls = byKey.get(key);
    if (!cls) {
      cls = { index: byKey.size, prefixes: 0, origins: from, answers, isDefault };
      byKey.set(key, cls);
    }
    cls.prefixes++;
    classOf.set(prefix, cls.index);
  }
  return { classes: [...byKey.values()], prefixes: [...origins.keys()].sort(byAddress), classOf };
}

/** Runs the simulation to its fixed point, over the fabric left when `down` has failed. */
export function simulateRouting(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
): RoutingExpectation {
  const frr = speakers(site, down);
  const sessions = pairSessions(site, down);
  const policies = new Policies();
  const paths = new AsPaths();
  const { devices, net, defaults } = netOf(frr, sessions, policies, paths);
  const { classes, prefixes, classOf } = classesOf(devices, policies, defaults);
  const table = new NexthopTable(devices.length, classes.length, prefixes, classOf);
  const counts: Received = {
    certain: new Float64Array(sessions.length),
    possible: new Float64Array(sessions.length),
  };
  for (const cls of classes) simulateClass(net, paths, cls, defaults, counts, table);

  const received = new Map<string, Range>();
  for (const [i, s] of sessions.entries())
    received.set(sessionKey(s.device, s.peer), {
      certain: counts.certain[i]!,
      possible: counts.possible[i]!,
    });
  const nexthops = new Map(devices.map((d, i) => [d.name, table.view(i)]));
  return { sessions, received, nexthops };
}

export type { Device };
