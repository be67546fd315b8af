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
import type { BgpNeighbor, Device, FrrDevice, PrefixList, RouteMap, SiteModel } from '../model/types.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { type Down, failedDevices, linkDown, NOTHING_DOWN } from './down.js';

export interface Session {
  /** The receiving side. */
  device: string;
  /** The neighbor as configured on the receiver (interface or address): FRR's key for the peer. */
  peer: string;
  /** The sending side. */
  from: string;
  fromPeer: string;
}

export interface Range {
  certain: number;
  possible: number;
}

export interface RoutingExpectation {
  sessions: Session[];
  /** Per receiving session: the number of prefixes accepted from the peer (FRR's pfxRcd). */
  received: Map<string, Range>;
  /** Per device and prefix: the number of ECMP next hops of the best route. */
  nexthops: Map<string, Map<string, Range>>;
}

/** Maximum candidate paths kept per prefix: enough for any ECMP width we assert on. */
const MAX_PATHS = 16;

type Frr = DeepReadonly<FrrDevice>;

interface Route {
  /** AS paths as the device would advertise them (its own ASN first), all of the best length. */
  paths: number[][];
  local: boolean;
}

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

function prefixListPermits(list: DeepReadonly<PrefixList> | undefined, prefix: string): boolean {
  if (!list) return false;
  const p = parsePrefix(prefix)!.prefix;
  for (const e of list.entries) {
    const q = parsePrefix(e.prefix)!.prefix;
    if (p.length < q.length || !contains(q, p.network)) continue;
    const ge = e.ge ?? (e.le !== null ? q.length : q.length);
    const le = e.le ?? (e.ge !== null ? 32 : q.length);
    if (p.length >= ge && p.length <= le) return e.action === 'permit';
  }
  return false;
}

function routeMapPermits(d: Frr, name: string, prefix: string): boolean {
  const map: DeepReadonly<RouteMap> | undefined = d.frr.routeMaps.find((m) => m.name === name);
  if (!map) return false; // FRR: a missing route-map denies everything
  for (const e of map.entries) {
    const matches =
      e.matchPrefixList === null ||
      prefixListPermits(
        d.frr.prefixLists.find((l) => l.name === e.matchPrefixList),
        prefix,
      );
    if (matches) return e.action === 'permit';
  }
  return false;
}

function policyPermits(d: Frr, peer: string, dir: 'in' | 'out', prefix: string): boolean {
  const n = d.frr.routerBgp.neighbors.find((x) => x.peer === peer)!;
  const group = d.frr.routerBgp.peerGroups.find((g) => g.name === n.peerGroup)!;
  return routeMapPermits(d, dir === 'in' ? group.routeMapIn : group.routeMapOut, prefix);
}

function samePaths(a: number[][], b: number[][]): boolean {
  return a.length === b.length && a.every((p, i) => p.join(' ') === b[i]!.join(' '));
}

/** Runs the simulation to its fixed point, over the fabric left when `down` has failed. */
export function simulateRouting(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
): RoutingExpectation {
  const frr = speakers(site, down);
  const sessions = pairSessions(site, down);
  const sessionsOf = new Map<string, Session[]>();
  for (const s of sessions) sessionsOf.set(s.device, [...(sessionsOf.get(s.device) ?? []), s]);
  // a policy's answer for a prefix never changes between rounds
  const decided = new Map<string, boolean>();
  const permits = (d: Frr, peer: string, dir: 'in' | 'out', prefix: string): boolean => {
    const key = `${d.name}\0${peer}\0${dir}\0${prefix}`;
    let answer = decided.get(key);
    if (answer === undefined) {
      answer = policyPermits(d, peer, dir, prefix);
      decided.set(key, answer);
    }
    return answer;
  };
  const rib = new Map<string, Map<string, Route>>();
  for (const d of frr.values()) {
    const own = new Map<string, Route>();
    for (const n of d.frr.routerBgp.ipv4Unicast.networks)
      own.set(n, { paths: [[d.frr.routerBgp.asn]], local: true });
    rib.set(d.name, own);
  }
  // what each session carries: per prefix, the paths received and how many of them were accepted
  const adjIn = new Map<string, Map<string, { accepted: number[][]; offered: number }>>();

  for (let round = 0; round < 64; round++) {
    let changed = false;
    for (const s of sessions) {
      const sender = frr.get(s.from)!;
      const receiver = frr.get(s.device)!;
      const offers = new Map<string, number[][]>();
      for (const [prefix, route] of rib.get(s.from)!)
        if (permits(sender, s.fromPeer, 'out', prefix)) offers.set(prefix, route.paths);
      if (sender.frr.routerBgp.ipv4Unicast.defaultOriginate.includes(s.fromPeer))
        offers.set('0.0.0.0/0', [[sender.frr.routerBgp.asn]]);
      const inbound = new Map<string, { accepted: number[][]; offered: number }>();
      for (const [prefix, paths] of offers) {
        if (!permits(receiver, s.peer, 'in', prefix)) continue;
        const accepted = paths.filter((p) => !p.includes(receiver.frr.routerBgp.asn));
        if (accepted.length) inbound.set(prefix, { accepted, offered: paths.length });
      }
      adjIn.set(sessionKey(s.device, s.peer), inbound);
    }
    // best paths: local first, then the shortest AS path; equal lengths are multipath
    for (const d of frr.values()) {
      const next = new Map<string, Route>();
      for (const n of d.frr.routerBgp.ipv4Unicast.networks)
        next.set(n, { paths: [[d.frr.routerBgp.asn]], local: true });
      const learned = new Map<string, number[][]>();
      for (const s of sessionsOf.get(d.name) ?? []) {
        for (const [prefix, { accepted }] of adjIn.get(sessionKey(s.device, s.peer)) ?? []) {
          if (next.get(prefix)?.local) continue;
          learned.set(prefix, [...(learned.get(prefix) ?? []), ...accepted]);
        }
      }
      for (const [prefix, paths] of learned) {
        const best = Math.min(...paths.map((p) => p.length));
        const unique = [
          ...new Map(paths.filter((p) => p.length === best).map((p) => [p.join(' '), p])).values(),
        ];
        unique.sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
        next.set(prefix, {
          paths: unique.slice(0, MAX_PATHS).map((p) => [d.frr.routerBgp.asn, ...p]),
          local: false,
        });
      }
      const before = rib.get(d.name)!;
      if (
        before.size !== next.size ||
        [...next].some(([k, v]) => !before.has(k) || !samePaths(before.get(k)!.paths, v.paths))
      )
        changed = true;
      rib.set(d.name, next);
    }
    if (!changed) break;
  }

  const received = new Map<string, Range>();
  for (const s of sessions) {
    const inbound = adjIn.get(sessionKey(s.device, s.peer)) ?? new Map();
    let certain = 0;
    for (const { accepted, offered } of inbound.values()) if (accepted.length === offered) certain++;
    received.set(sessionKey(s.device, s.peer), { certain, possible: inbound.size });
  }
  const nexthops = new Map<string, Map<string, Range>>();
  for (const d of frr.values()) {
    const perPrefix = new Map<string, Range>();
    for (const [prefix, route] of rib.get(d.name)!) {
      if (route.local) continue;
      const best = route.paths[0]!.length - 1;
      let certain = 0;
      let possible = 0;
      for (const s of sessionsOf.get(d.name) ?? []) {
        const got = adjIn.get(sessionKey(s.device, s.peer))?.get(prefix);
        if (!got) continue;
        const atBest = got.accepted.filter((p) => p.length === best);
        if (atBest.length === 0) continue;
        possible++;
        if (atBest.length === got.offered) certain++;
      }
      perPrefix.set(prefix, { certain, possible });
    }
    nexthops.set(d.name, perPrefix);
  }
  return { sessions, received, nexthops };
}

export type { Device };
