/**
 * The eBGP simulation as it was before the breadth-first rewrite (src/verify/routing.ts before
 * issue 10's speed work): path-vector rounds that list every AS path. Slow, but plain; the
 * property test in test/unit/routing-simulation.test.ts checks the fast simulation against it.
 */

import type { DeepReadonly } from '../../src/model/freeze.js';
import { speaksBgp } from '../../src/model/runs.js';
import type { FrrDevice, PrefixList, RouteMap, SiteModel } from '../../src/model/types.js';
import { contains, parsePrefix } from '../../src/net/ipv4.js';
import { contains6, parsePrefix6 } from '../../src/net/ipv6.js';
import { type Down, failedDevices, NOTHING_DOWN } from '../../src/verify/down.js';
import {
  type AddressFamily,
  type FamilyRouting,
  pairSessions,
  type Range,
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

/** Whether `inner` lies within `outer` (both of the family), and the lengths. */
function within(family: AddressFamily, outer: string, inner: string) {
  if (family === 'ipv4') {
    const q = parsePrefix(outer)?.prefix;
    const p = parsePrefix(inner)?.prefix;
    return p && q && { inside: contains(q, p.network), p: p.length, q: q.length };
  }
  const q = parsePrefix6(outer)?.prefix;
  const p = parsePrefix6(inner)?.prefix;
  return p && q && { inside: contains6(q, p.network), p: p.length, q: q.length };
}

function prefixListPermits(
  family: AddressFamily,
  list: DeepReadonly<PrefixList> | undefined,
  prefix: string,
): boolean {
  if (!list) return false;
  for (const e of list.entries) {
    const w = within(family, e.prefix, prefix);
    if (!w || w.p < w.q || !w.inside) continue;
    const ge = e.ge ?? w.q;
    const le = e.le ?? (e.ge !== null ? (family === 'ipv4' ? 32 : 128) : w.q);
    if (w.p >= ge && w.p <= le) return e.action === 'permit';
  }
  return false;
}

function routeMapPermits(family: AddressFamily, d: Frr, name: string | undefined, prefix: string): boolean {
  const map: DeepReadonly<RouteMap> | undefined = d.frr.routeMaps.find((m) => m.name === name);
  if (!map) return false; // FRR: a missing route-map denies everything
  for (const e of map.entries) {
    const matches =
      e.matchPrefixList === null ||
      prefixListPermits(
        family,
        d.frr.prefixLists.find((l) => l.name === e.matchPrefixList),
        prefix,
      );
    if (matches) return e.action === 'permit';
  }
  return false;
}

/** The route-map of the neighbor's group in the family: IPv6's are those of `address-family ipv6 unicast`. */
function policyPermits(
  family: AddressFamily,
  d: Frr,
  peer: string,
  dir: 'in' | 'out',
  prefix: string,
): boolean {
  const n = d.frr.routerBgp.neighbors.find((x) => x.peer === peer)!;
  const groups =
    family === 'ipv4' ? d.frr.routerBgp.peerGroups : (d.frr.routerBgp.ipv6Unicast?.peerGroups ?? []);
  const group = groups.find((g) => g.name === n.peerGroup);
  return routeMapPermits(family, d, dir === 'in' ? group?.routeMapIn : group?.routeMapOut, prefix);
}

function unicast(
  family: AddressFamily,
  d: Frr,
): { networks: readonly string[]; aggregates: readonly string[]; defaultOriginate: readonly string[] } {
  const none = { networks: [], aggregates: [], defaultOriginate: [] };
  return (family === 'ipv4' ? d.frr.routerBgp.ipv4Unicast : d.frr.routerBgp.ipv6Unicast) ?? none;
}

function samePaths(a: number[][], b: number[][]): boolean {
  return a.length === b.length && a.every((p, i) => p.join(' ') === b[i]!.join(' '));
}

/**
 * Runs one family's simulation to its fixed point, over the fabric left when `down` has failed
 * (the sessions that carry the family are the fast simulation's `pairSessions`).
 */
export function referenceRouting(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
  family: AddressFamily = 'ipv4',
): FamilyRouting {
  const frr = speakers(site, down);
  const sessions = pairSessions(site, down, family);
  const defaultRoute = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  const sessionsOf = new Map<string, Session[]>();
  for (const s of sessions) sessionsOf.set(s.device, [...(sessionsOf.get(s.device) ?? []), s]);
  // a policy's answer for a prefix never changes between rounds
  const decided = new Map<string, boolean>();
  const permits = (d: Frr, peer: string, dir: 'in' | 'out', prefix: string): boolean => {
    const key = `${d.name}\0${peer}\0${dir}\0${prefix}`;
    let answer = decided.get(key);
    if (answer === undefined) {
      answer = policyPermits(family, d, peer, dir, prefix);
      decided.set(key, answer);
    }
    return answer;
  };
  const rib = new Map<string, Map<string, Route>>();
  for (const d of frr.values()) {
    const own = new Map<string, Route>();
    for (const n of unicast(family, d).networks) own.set(n, { paths: [[d.frr.routerBgp.asn]], local: true });
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
      if (unicast(family, sender).defaultOriginate.includes(s.fromPeer))
        offers.set(defaultRoute, [[sender.frr.routerBgp.asn]]);
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
      for (const n of unicast(family, d).networks)
        next.set(n, { paths: [[d.frr.routerBgp.asn]], local: true });
      const learned = new Map<string, number[][]>();
      for (const s of sessionsOf.get(d.name) ?? []) {
        for (const [prefix, { accepted }] of adjIn.get(sessionKey(s.device, s.peer)) ?? []) {
          if (next.get(prefix)?.local) continue;
          learned.set(prefix, [...(learned.get(prefix) ?? []), ...accepted]);
        }
      }
      // an aggregate is the device's own while it has a prefix inside it (the longest first: an
      // aggregate inside another counts once it is announced), what it learned of it otherwise
      const length = (p: string) => within(family, p, p)?.p ?? 0;
      const aggregates = [...unicast(family, d).aggregates].sort((a, b) => length(b) - length(a));
      for (const a of aggregates) {
        if (next.has(a)) continue;
        const inside = (p: string) => {
          const w = within(family, a, p);
          return !!w && w.inside && w.p > w.q;
        };
        if ([...next.keys(), ...learned.keys()].some(inside)) {
          next.set(a, { paths: [[d.frr.routerBgp.asn]], local: true });
          learned.delete(a);
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
