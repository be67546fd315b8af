/**
 * The eBGP simulation of a degraded fabric from the intact one's: a failure only changes the
 * prefix classes whose best paths it carried. Per class, the sessions the failure removes are
 * looked at: one that brought a device none of its best paths changes nothing; one that did is
 * taken off that device's ECMP width, and as long as every such device still learns exactly the
 * same best paths over its other sessions, nothing changes further. Only the classes where that
 * fails (or whose originator failed, or that needed more than 16 paths) are propagated again.
 */

import { type AsPath, passesThrough } from './routing-paths.js';
import type { Prepared } from './routing-prepare.js';
import {
  account,
  type ClassRoutes,
  type Net,
  offerOf,
  type PrefixClass,
  propagate,
  type Received,
  simulateClass,
} from './routing-propagate.js';
import { NexthopTable } from './routing-view.js';

export interface Counts {
  table: NexthopTable;
  received: Received;
}

interface Intact extends Counts {
  routes: ClassRoutes[];
}

const intactRuns = new WeakMap<Prepared, Intact>();

/** The intact fabric's simulation, computed once per site. */
export function intactOf(p: Prepared): Intact {
  let run = intactRuns.get(p);
  if (!run) {
    const table = new NexthopTable(p.devices.length, p.classes.length, p.prefixes, p.classOf);
    const received: Received = {
      certain: new Float64Array(p.sessions.length),
      possible: new Float64Array(p.sessions.length),
    };
    const routes = p.classes.map((cls) => simulateClass(p.net, p.paths, cls, received, table));
    run = { table, received, routes };
    intactRuns.set(p, run);
  }
  return run;
}

/** The best paths a device learns over the sessions it has left, before it prepends its AS. */
function learnedOver(net: Net, cls: PrefixClass, cand: (AsPath[] | undefined)[], r: number, length: number) {
  const got = new Set<AsPath>();
  for (const s of net.into[r]!) {
    if (!cls.answers[net.inPolicy[s]!]) continue;
    const offer = offerOf(net, cls, cand, s);
    if (!offer || offer[0]!.length !== length) continue;
    for (const p of offer) if (!passesThrough(p, net.asn[r]!)) got.add(p);
  }
  return got;
}

/**
 * When the removed sessions change no device's best paths of the class: the next-hop entries
 * they leave (table index, and whether the session counted as certain). Else undefined.
 */
function narrowedOnly(
  p: Prepared,
  net: Net,
  cls: PrefixClass,
  cand: (AsPath[] | undefined)[],
  removed: number[],
  up: boolean[],
) {
  const out: [number, boolean][] = [];
  const receivers = new Set<number>();
  for (const s of removed) {
    const r = p.net.recv[s]!;
    const own = cand[r];
    if (!up[r] || !own || cls.origins.includes(r) || !cls.answers[p.net.inPolicy[s]!]) continue;
    const offer = offerOf(p.net, cls, cand, s);
    if (!offer || offer[0]!.length !== own[0]!.length - 1) continue;
    let accepted = 0;
    for (const q of offer) if (!passesThrough(q, net.asn[r]!)) accepted++;
    if (!accepted) continue;
    out.push([r * p.classes.length + cls.index, accepted === offer.length]);
    receivers.add(r);
  }
  for (const r of receivers) {
    const own = cand[r]!;
    const got = learnedOver(net, cls, cand, r, own[0]!.length - 1);
    if (got.size !== own.length || own.some((q) => !got.has(q.rest!))) return undefined;
  }
  return out;
}

/** The counts of the fabric left: `active` sessions between the devices that are `up`. */
export function degradedCounts(p: Prepared, net: Net, up: boolean[]): Counts {
  const intact = intactOf(p);
  const table = intact.table.clone();
  const received: Received = {
    certain: intact.received.certain.slice(),
    possible: intact.received.possible.slice(),
  };
  const isActive = new Uint8Array(p.sessions.length);
  for (const s of net.active) isActive[s] = 1;
  const removed = p.net.active.filter((s) => !isActive[s]);
  for (const cls of p.classes) {
    const before = intact.routes[cls.index]!;
    const origins = cls.origins.filter((o) => up[o]);
    const narrowed =
      before.truncated || origins.length !== cls.origins.length
        ? undefined
        : narrowedOnly(p, net, cls, before.cand, removed, up);
    if (narrowed) {
      for (const [i, certain] of narrowed) {
        table.possible[i]!--;
        if (certain) table.certain[i]!--;
      }
      continue;
    }
    account(p.net, cls, before.cand, received, table, -1);
    const left = { ...cls, origins };
    account(net, left, propagate(net, p.paths, left).cand, received, table, 1);
  }
  return { table, received };
}
