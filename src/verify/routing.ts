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
 *
 * Each address family is simulated on its own (src/verify/routing-family.ts): the answer is
 * IPv4's, with IPv6's beside it (`ipv6`) on a site whose speakers route IPv6 (issue 14).
 *
 * A group's advertise-map sends what it permits only while the sender holds a route its
 * exist-map permits (a vRouter's VIP host routes while it has the default route), as FRR does
 * once its scan has run: src/verify/routing-conditions.ts.
 */

import type { DeepReadonly } from '../model/freeze.js';
import { speaksBgp } from '../model/runs.js';
import type { Device, SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';
import { type Down, failedDevices, NOTHING_DOWN } from './down.js';
import type { AddressFamily } from './routing-family.js';
import { degradedCounts, intactOf } from './routing-incremental.js';
import { activeSessions, netWithout, prepared, removedSessions } from './routing-prepare.js';
import { type Session, sessionKey } from './routing-sessions.js';
import type { Range } from './routing-view.js';

export type { AddressFamily, Range, Session };
export { sessionKey };

/** One address family's routing: its sessions, what each accepts, every device's routes. */
export interface FamilyRouting {
  sessions: Session[];
  /** Per receiving session: the number of prefixes accepted from the peer (FRR's pfxRcd). */
  received: Map<string, Range>;
  /** Per device and prefix: the number of ECMP next hops of the best route (not its own prefixes). */
  nexthops: ReadonlyMap<string, ReadonlyMap<string, Range>>;
  /**
   * The sessions of the intact fabric this one lacks, when the simulation knows them (a failure
   * of a few devices takes a few sessions: what changed is read off them, not off `sessions`).
   */
  removed?: readonly Session[];
}

export interface RoutingExpectation extends FamilyRouting {
  /**
   * The IPv6 unicast family's routing, on a site whose BGP speakers route IPv6 (`address-family
   * ipv6 unicast`); absent on an IPv4-only site. The fields beside it are IPv4's.
   */
  ipv6?: FamilyRouting;
}

/** Per site: whether any BGP speaker has `address-family ipv6 unicast`. */
export const routesIpv6 = oncePer((site: DeepReadonly<SiteModel>): boolean =>
  site.devices.some((d) => speaksBgp(d) && !!d.frr.routerBgp.ipv6Unicast),
);

/**
 * Pairs each configured neighbor with the neighbor on the other end, between devices that are up
 * and over links that are up.
 */
export function pairSessions(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
  family: AddressFamily = 'ipv4',
): Session[] {
  const p = prepared(site, family);
  return activeSessions(p, site, down).map((i) => p.sessions[i]!);
}

/**
 * Runs the simulation to its fixed point, over the fabric left when `down` has failed: IPv4's,
 * and IPv6's (simulated when first read) on a site that routes it.
 */
export function simulateRouting(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
): RoutingExpectation {
  const out: RoutingExpectation = simulateFamily(site, down, 'ipv4');
  if (routesIpv6(site)) {
    let ipv6: FamilyRouting | undefined;
    Object.defineProperty(out, 'ipv6', {
      enumerable: true,
      get: () => (ipv6 ??= simulateFamily(site, down, 'ipv6')),
    });
  }
  return out;
}

/** One family's simulation over the fabric left when `down` has failed. */
export function simulateFamily(
  site: DeepReadonly<SiteModel>,
  down: Down,
  family: AddressFamily,
): FamilyRouting {
  const p = prepared(site, family);
  const failed = failedDevices(site, down);
  const removed = removedSessions(p, site, down);
  const intact = intactOf(p);
  const net = netWithout(intact.net, removed);
  const { table, received: counts } =
    net === intact.net ? intact : degradedCounts(p, net, downIndices(p, failed));
  let sessions: Session[] | undefined;
  let received: Map<string, Range> | undefined;
  // sessions and received are built when a check kind asks; whatif's comparison does not
  return {
    get sessions() {
      sessions ??= activeSessions(p, site, down).map((i) => p.sessions[i]!);
      return sessions;
    },
    get received() {
      received ??= new Map(
        activeSessions(p, site, down).map((i) => {
          const s = p.sessions[i]!;
          return [sessionKey(s.device, s.peer), { certain: counts.certain(i), possible: counts.possible(i) }];
        }),
      );
      return received;
    },
    nexthops: table.views(p.names, (name) => !failed.has(name)),
    removed: removed.map((i) => p.sessions[i]!),
  };
}

/** The speakers that are down, by index. */
function downIndices(p: ReturnType<typeof prepared>, failed: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const name of failed) {
    const i = p.index.get(name);
    if (i !== undefined) out.add(i);
  }
  return out;
}

export type { Device };
