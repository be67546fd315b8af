/**
 * The eBGP simulation as it was before the breadth-first rewrite (src/verify/routing.ts before
 * issue 10's speed work): path-vector rounds that list every AS path. Slow, but plain; the
 * property test in test/unit/routing-simulation.test.ts checks the fast simulation against it.
 */

import type { DeepReadonly } from '../../src/model/freeze.js';
import { speaksBgp } from '../../src/model/runs.js';
import type { FrrDevice, PrefixList, RouteMap, SiteModel } from '../../src/model/types.js';
import { contains, parsePrefix } from '../../src/net/ipv4.js';
import { type Down, failedDevices, NOTHING_DOWN } from '../../src/verify/down.js';
import {
  pairSessions,
  type Range,
  type RoutingExpectation,
  type Session,
  sessionKey,
} from '../../src/verify/routing.js';

/** Maximum candidate paths kept per prefix: enough for any ECMP width we assert on. */
const MAX_PATHS = 16;

type Frr = DeepReadonly<FrrDevice>;

interface Route {
  /** AS paths as the device would advertise them (its own ASN first), all of the best length. */
  paths: number[][];
  local: boolean;
}

/** The BGP speakers that are up. */
function speakers(site: DeepReadonly<SiteModel>, down: Down): Map<string, Frr> {
  const failed = failedDevices(site, down);
  return new Map(
    site.devices.filter((d): d is Frr => speaksBgp(d) && !failed.has(d.name)).map((d) => [d.name, d]),
  );
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
export function referenceRouting(
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
