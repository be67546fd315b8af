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
import { activeSessions, netFor, prepared } from './routing-prepare.js';
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
  const up = p.devices.map((d) => !failed.has(d.name));
  const active = activeSessions(p, site, down);
  const net = netFor(p, up, active);
  const { table, received: counts } = net === p.net ? intactOf(p) : degradedCounts(p, net, up);
  const received = new Map<string, Range>();
  for (const i of active) {
    const s = p.sessions[i]!;
    received.set(sessionKey(s.device, s.peer), {
      certain: counts.certain[i]!,
      possible: counts.possible[i]!,
    });
  }
  const nexthops = new Map(p.devices.flatMap((d, i) => (up[i] ? [[d.name, table.view(i)] as const] : [])));
  return { sessions: active.map((i) => p.sessions[i]!), received, nexthops };
}

export type { Device };
