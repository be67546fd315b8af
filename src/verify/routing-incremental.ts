/**
 * The eBGP simulation of a degraded fabric from the intact one's. A device's best paths for a
 * class depend only on what its sessions offer, so a failure changes them only where it removed
 * a session that brought a best path, and from there only where a device's offer changed. Per
 * class, the devices to look at again are taken in order of path length, as the breadth-first
 * pass takes them, and the pass stops where a device learns what it learned before; only the
 * sessions and ECMP widths around the devices whose paths changed are counted again.
 */

import { lostShares } from './routing-lost.js';
import { ORIGIN, type PathSets } from './routing-paths.js';
import type { Prepared } from './routing-prepare.js';
import {
  account,
  announcing,
  brings,
  bringsFrom,
  learn,
  MAX_LENGTH,
  type Net,
  offerFrom,
  offerOf,
  type PrefixClass,
  propagate,
  Received,
  type Routes,
  widthOf,
} from './routing-propagate.js';
import { NexthopTable } from './routing-view.js';

export interface Counts {
  table: NexthopTable;
  received: Received;
}

interface Intact extends Counts {
  /** Per class, every device's path-set id. */
  routes: Routes[];
  /** Per class, the originators that announce it (an aggregate's: those with a route inside it). */
  announced: number[][];
  /**
   * The same by device: `device × classes + class`. A failure reads the routes of the few
   * devices at its removed sessions for every class: in rows, not one cache miss per class.
   */
  byDevice: Int32Array;
}

const intactRuns = new WeakMap<Prepared, Intact>();

/** The intact fabric's simulation, computed once per site. */
export function intactOf(p: Prepared): Intact {
  let run = intactRuns.get(p);
  if (!run) {
    const table = new NexthopTable(p.devices.length, p.classes.length, p.prefixes, p.classOf);
    const routes: Routes[] = new Array(p.classes.length);
    const announced: number[][] = new Array(p.classes.length);
    for (const c of p.order) {
      const cls = p.classes[c]!;
      announced[c] = announcing(cls, cls.origins, (k, d) => routes[k]![d]!);
      routes[c] = propagate(p.net, p.sets, cls, announced[c]!, table);
    }
    // pfxRcd per session: counted when a check kind first asks (whatif does not)
    const received = new Received(() => {
      const into = {
        certain: new Float64Array(p.sessions.length),
        possible: new Float64Array(p.sessions.length),
      };
      for (const cls of p.classes) account(p.net, p.sets, cls, routes[cls.index]!, into);
      return into;
    });
    const C = p.classes.length;
    const byDevice = new Int32Array(p.devices.length * C);
    for (let c = 0; c < C; c++) {
      const r = routes[c]!;
      for (let d = 0; d < r.length; d++) byDevice[d * C + c] = r[d]!;
    }
    run = { table, received, routes, announced, byDevice };
    intactRuns.set(p, run);
  }
  return run;
}

/**
 * Changes the class's routes in place to those of the fabric left, and returns the devices whose
 * routes changed with their intact set ids (the caller puts those back). `seeds`: the devices
 * that lost a session which brought them a best path. A device that is down has no session
 * left, so nothing is learned from it and its own routes do not matter.
 */
function repropagate(p: Prepared, net: Net, cls: PrefixClass, routes: Routes, seeds: number[]) {
  const { sets } = p;
  const { lengthOf } = sets;
  const intact = new Map<number, number>();
  const done = new Set<number>();
  const buckets: number[][] = Array.from({ length: MAX_LENGTH + 1 }, () => []);
  const at = (r: number, length: number) => {
    if (length <= MAX_LENGTH) buckets[length]!.push(r);
  };
  const change = (r: number, id: number) => {
    const was = routes[r]!;
    if (!intact.has(r)) intact.set(r, was);
    routes[r] = id;
    // what its peers learned from it at its old length, and what they may learn at its new one
    for (const s of net.from[r]!) {
      if (id) at(net.recv[s]!, lengthOf[id]! + 1);
      if (was) at(net.recv[s]!, lengthOf[was]! + 1);
    }
  };
  for (const r of seeds) at(r, lengthOf[routes[r]!]!);
  for (let length = 2; length <= MAX_LENGTH; length++) {
    for (const r of buckets[length]!) {
      if (done.has(r)) continue;
      const was = intact.get(r) ?? routes[r]!;
      const pending = intact.has(r); // lost its intact route at a shorter length
      if (!pending && was && lengthOf[was]! < length) continue; // its intact route stands
      const id = learn(net, sets, cls, routes, r, length);
      if (id) {
        done.add(r);
        if (id !== was) change(r, id);
        continue;
      }
      if (!pending && (!was || lengthOf[was]! > length)) continue;
      if (!pending) change(r, 0);
      // the shortest length its peers, as known so far, may still give it; peers that change
      // later look at it again
      let next = MAX_LENGTH + 1;
      for (const s of net.into[r]!)
        if (brings(net, sets, cls, routes, s) > 0) {
          const l = lengthOf[offerOf(net, cls, routes, s)]! + 1;
          if (l > length && l < next) next = l;
        }
      at(r, next);
    }
  }
  return intact;
}

/** Per site: the classes each device originates, so a failure finds those it takes an originator of. */
const originatedBy = new WeakMap<Prepared, number[][]>();

function classesOriginatedBy(p: Prepared): number[][] {
  let out = originatedBy.get(p);
  if (!out) {
    out = p.devices.map(() => []);
    for (const cls of p.classes) for (const o of cls.origins) out[o]!.push(cls.index);
    originatedBy.set(p, out);
  }
  return out;
}

/** The counts of the fabric left: `active` sessions between the devices that are `up`. */
export function degradedCounts(p: Prepared, net: Net, down: ReadonlySet<number>): Counts {
  const intact = intactOf(p);
  const { sets } = p;
  const { lengthOf } = sets;
  // the removed sessions whose receiver is up: only those can take a best path from a device left
  const removed = net.removed.filter((s) => !down.has(p.net.recv[s]!));
  // their receivers' widths narrow for most classes (a leaf that lost a spine, for every class
  // the spine brought it): their rows are kept whole
  const table = intact.table.derive(removed.map((s) => p.net.recv[s]!));
  const received = intact.received.derive();
  const originDown = new Uint8Array(p.classes.length);
  const byOrigin = classesOriginatedBy(p);
  for (const d of down) for (const c of byOrigin[d] ?? []) originDown[c] = 1;
  const shares = lostShares(p, net, intact.byDevice, removed);
  // most often every receiver of a removed session that brought it a best path still learns the
  // same paths over its other sessions, each from a twin of what it lost: then only the widths
  // narrow, written row by row (the receivers' rows are whole: no cell to list)
  // (an aggregate may lose its originators with the prefixes inside it: never only narrowed)
  const narrowOnly = new Uint8Array(p.classes.length);
  for (let c = 0; c < narrowOnly.length; c++)
    narrowOnly[c] =
      shares.lost[c]! > 0 && !shares.untwinned[c] && !originDown[c] && !p.classes[c]!.aggregate ? 1 : 0;
  narrow(p, removed, shares.brought, narrowOnly, table);
  // what an aggregate's originators have of the classes inside it: the routes that changed there
  const N = p.devices.length;
  const watched = aggregatorsOf(p);
  const changedAt = new Map<number, number>();
  const routeAt = (c: number, d: number) =>
    down.has(d) ? 0 : (changedAt.get(c * N + d) ?? intact.routes[c]![d]!);
  const note = (c: number, routes: Routes, changed: Map<number, number>) => {
    if (watched.size)
      for (const d of changed.keys()) if (watched.has(d)) changedAt.set(c * N + d, routes[d]!);
  };
  // per class, the removed sessions that brought their receiver a best path (reused arrays)
  const lostSessions: number[] = [];
  const lostBrings: number[] = [];
  for (const c of p.order) {
    const cls = p.classes[c]!;
    // the originators left that announce it; for an aggregate, those that still have a route inside
    const announced = cls.aggregate
      ? announcing(
          cls,
          cls.origins.filter((o) => !down.has(o)),
          routeAt,
        )
      : undefined;
    const originFailed = announced ? !sameList(announced, intact.announced[c]!) : originDown[c] === 1;
    if (narrowOnly[c] || (!shares.lost[c] && !originFailed)) continue;
    let n = 0;
    for (let k = 0; k < removed.length; k++) {
      const b = shares.brought[k]![c]!;
      if (!b) continue;
      lostSessions[n] = removed[k]!;
      lostBrings[n++] = b;
    }
    if (lostSessions.length !== n) {
      lostSessions.length = n;
      lostBrings.length = n;
    }
    const before = intact.routes[c]!;
    // the receivers that lost a session which brought them a best path: how many (certain, possible)
    const lost = new Map<number, [number, number]>();
    for (let k = 0; k < lostSessions.length; k++) {
      const r = p.net.recv[lostSessions[k]!]!;
      const was = lost.get(r) ?? [0, 0];
      lost.set(r, [was[0] + (lostBrings[k] === 2 ? 1 : 0), was[1] + 1]);
    }
    if (originFailed) {
      // an originator failed: the class is propagated again from those left (often none)
      const after = propagate(net, sets, cls, announced ?? cls.origins.filter((o) => !down.has(o)));
      const changed = new Map<number, number>();
      for (let d = 0; d < after.length; d++)
        if (after[d] !== before[d] && !down.has(d)) changed.set(d, before[d]!);
      note(c, after, changed);
      count(p, net, cls, after, changed, lost, received, table);
      continue;
    }
    // or the same paths over other sessions
    let same = true;
    for (const r of lost.keys())
      if (learn(net, sets, cls, before, r, lengthOf[before[r]!]!) !== before[r]) {
        same = false;
        break;
      }
    if (same) {
      count(p, net, cls, before, new Map(), lost, received, table);
      continue;
    }
    const routes = before; // changed in place, and put back below
    const changed = repropagate(p, net, cls, routes, [...lost.keys()]);
    note(c, routes, changed);
    try {
      count(p, net, cls, routes, changed, lost, received, table);
    } finally {
      for (const [d, id] of changed) routes[d] = id;
    }
  }
  return { table, received };
}

/** Per site: the devices that announce an aggregate only while they have a route inside it. */
const aggregators = new WeakMap<Prepared, Set<number>>();

function aggregatorsOf(p: Prepared): Set<number> {
  let out = aggregators.get(p);
  if (!out) {
    out = new Set(p.classes.flatMap((c) => c.aggregate?.conditional ?? []));
    aggregators.set(p, out);
  }
  return out;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The widths of the receivers of the `removed` sessions for the classes that only narrow: each
 * loses what its sessions `brought` (all the paths of its best route: 2, some: 1). The receivers'
 * rows are whole (`derive`), so their changed cells are found by comparing rows, not listed.
 */
function narrow(
  p: Prepared,
  removed: readonly number[],
  brought: readonly Uint8Array[],
  narrowOnly: Uint8Array,
  table: NexthopTable,
) {
  const C = table.classes;
  for (let k = 0; k < removed.length; k++) {
    const row = p.net.recv[removed[k]!]! * C;
    const b = brought[k]!;
    for (let c = 0; c < C; c++) if (narrowOnly[c] && b[c]) table.add(row + c, b[c] === 2 ? -1 : 0, -1);
  }
}

/**
 * The counts a class's changed routes change: pfxRcd on the sessions of the devices whose routes
 * changed (`changed`: their intact set ids), the ECMP widths of those devices and their peers, and
 * of the devices that `lost` sessions which brought a best path.
 */
function count(
  p: Prepared,
  net: Net,
  cls: PrefixClass,
  after: Routes,
  changed: Map<number, number>,
  lost: Map<number, [number, number]>,
  received: Received,
  table: NexthopTable,
) {
  const { sets } = p;
  // pfxRcd when read (whatif does not): a failed leaf's loopback changes every session's count
  const now = new Map<number, number>();
  for (const f of changed.keys()) now.set(f, after[f]!);
  received.later(() => {
    for (const [f, intact] of changed)
      for (const s of net.from[f]!) {
        const was = bringsFrom(net, sets, cls, intact, s);
        const is = bringsFrom(net, sets, cls, now.get(f)!, s);
        received.add(
          s,
          cls.prefixes * ((is === 2 ? 1 : 0) - (was === 2 ? 1 : 0)),
          cls.prefixes * ((is > 0 ? 1 : 0) - (was > 0 ? 1 : 0)),
        );
      }
  });
  const set = (r: number, dc: number, dp: number) => {
    if (!dc && !dp) return;
    const cell = r * table.classes + cls.index;
    table.add(cell, dc, dp);
    table.noteChanged(cell);
  };
  // a changed device's width is counted again
  for (const f of changed.keys()) {
    const cell = f * table.classes + cls.index;
    const w = widthOf(net, sets, cls, after, f);
    set(f, w.certain - table.certain(cell), w.possible - table.possible(cell));
  }
  // a peer whose own paths stand: its width changes by what the sessions from the changed devices
  // bring now less what they brought (its intact width is `widthOf` over the intact fabric, and
  // every other session brings what it brought), less the `lost` sessions
  const delta = new Map<number, [number, number]>();
  // a failed leaf's loopback changes every device's routes: a flag per device, not a lookup per session
  const isChanged = new Uint8Array(net.asn.length);
  for (const f of changed.keys()) isChanged[f] = 1;
  for (const [f, intact] of changed)
    for (const s of net.from[f]!) {
      const r = net.recv[s]!;
      if (isChanged[r]) continue;
      const own = after[r]!;
      const was = widthShare(net, sets, cls, intact, own, s);
      const is = widthShare(net, sets, cls, after[f]!, own, s);
      if (was === is) {
        if (!delta.has(r)) delta.set(r, [0, 0]);
        continue;
      }
      const d = delta.get(r) ?? [0, 0];
      d[0] += (is === 2 ? 1 : 0) - (was === 2 ? 1 : 0);
      d[1] += (is > 0 ? 1 : 0) - (was > 0 ? 1 : 0);
      delta.set(r, d);
    }
  for (const [r, [certain, possible]] of delta) {
    const [lostCertain, lostPossible] = lost.get(r) ?? [0, 0];
    set(r, certain - lostCertain, possible - lostPossible);
  }
  // elsewhere a device only lost the sessions that brought it a best path
  for (const [r, [certain, possible]] of lost)
    if (!changed.has(r) && !delta.has(r)) set(r, -certain, -possible);
}

/**
 * What session `s` adds to its receiver's ECMP width (as `widthOf` counts it) when its sender's
 * set is `sender` and the receiver's own is `own`: 0 nothing, 1 possible, 2 certain and possible.
 */
function widthShare(net: Net, sets: PathSets, cls: PrefixClass, sender: number, own: number, s: number) {
  if (!own || own === ORIGIN) return 0;
  if (sets.lengthOf[offerFrom(net, cls, sender, s)] !== sets.lengthOf[own]! - 1) return 0;
  const b = bringsFrom(net, sets, cls, sender, s);
  return Math.max(b, 0);
}
