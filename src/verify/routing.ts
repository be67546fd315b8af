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

import type { DeepReadonly } from '../model/freeze.js';
import type { Device, SiteModel } from '../model/types.js';
import { type Down, failedDevices, NOTHING_DOWN } from './down.js';
import { degradedCounts, intactOf } from './routing-incremental.js';
import { activeSessions, netWithout, prepared, removedSessions } from './routing-prepare.js';
import { type Session, sessionKey } from './routing-sessions.js';
import type { Range } from './routing-view.js';

export type { Range, Session };
export { sessionKey };

export interface RoutingExpectation {
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

/**
 * Pairs each configured neighbor with the neighbor on the other end, between devices that are up
 * and over links that are up.
 */
export function pairSessions(site: DeepReadonly<SiteModel>, down: Down = NOTHING_DOWN): Session[] {
  const p = prepared(site);
  return activeSessions(p, site, down).map((i) => p.sessions[i]!);
}

/** Runs the simulation to its fixed point, over the fabric left when `down` has failed. */
export function simulateRouting(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
): RoutingExpectation {
  const p = prepared(site);
  const failed = failedDevices(site, down);
  const removed = removedSessions(p, site, down);
  const net = netWithout(p, removed);
  const { table, received: counts } =
    net === p.net ? intactOf(p) : degradedCounts(p, net, downIndices(p, failed));
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
    nexthops: table.views(
      p.devices.map((d) => d.name),
      (name) => !failed.has(name),
    ),
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
