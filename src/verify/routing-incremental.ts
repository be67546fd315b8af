/**
 * The eBGP simulation of a degraded fabric from the intact one's. A device's best paths for a
 * class depend only on what its sessions offer, so a failure changes them only where it removed
 * a session that brought a best path, and from there only where a device's offer changed. Per
 * class, the devices to look at again are taken in order of path length, as the breadth-first
 * pass takes them, and the pass stops where a device learns what it learned before; only the
 * sessions and ECMP widths around the devices whose paths changed are counted again.
 *
 * An advertise-map's state (routing-conditions.ts) is decided once the exist-maps' classes are
 * known: a failure that changes it (a vRouter that lost the default route) changes what its
 * sessions offer of the classes the advertise-map permits, so those classes are propagated again
 * from their originators, as for a failed originator.
 */

import { type Condition, flipped, flippedClasses, withdrawing, withdrawnOf } from './routing-conditions.js';
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
  /** The sessions' policies as the advertise-maps' states make them (`Prepared.net`'s, or a copy). */
  net: Net;
  /** The advertise-maps in the `Withdraw` state. */
  withdrawn: Condition[];
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
    const routeAt = (k: number, d: number) => routes[k]![d]!;
    const simulate = (net: Net, k: number) => {
      const c = p.order[k]!;
      const cls = p.classes[c]!;
      announced[c] = announcing(cls, cls.origins, routeAt);
      routes[c] = propagate(net, p.sets, cls, announced[c]!, table);
    };
    for (let k = 0; k < p.conditionsAt; k++) simulate(p.net, k);
    // the exist-maps' classes are known: the advertise-maps' states, for the classes after
    const withdrawn = withdrawnOf(p.conditions, p.net, () => true, routeAt);
    const net = withdrawing(p.net, p.net, withdrawn);
    for (let k = p.conditionsAt; k < p.order.length; k++) simulate(net, k);
    // pfxRcd per session: counted when a check kind first asks (whatif does not)
    const received = new Received(() => {
      const into = {
        certain: new Float64Array(p.sessions.length),
        possible: new Float64Array(p.sessions.length),
      };
      for (const cls of p.classes) account(net, p.sets, cls, routes[cls.index]!, into);
      return into;
    });
    const C = p.classes.length;
    const byDevice = new Int32Array(p.devices.length * C);
    for (let c = 0; c < C; c++) {
      const r = routes[c]!;
      for (let d = 0; d < r.length; d++) byDevice[d * C + c] = r[d]!;
    }
    run = { net, withdrawn, table, received, routes, announced, byDevice };
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
export function degradedCounts(p: Prepared, left: Net, down: ReadonlySet<number>): Counts {
  const intact = intactOf(p);
  const { sets } = p;
  const { lengthOf } = sets;
  // the advertise-maps' states of the fabric left may differ from the intact one's (below)
  let net = left;
  // the removed sessions whose receiver is up: only those can take a best path from a device left
  const removed = net.removed.filter((s) => !down.has(p.net.recv[s]!));
  // their receivers' widths narrow for most classes (a leaf that lost a spine, for every class
  // the spine brought it): their rows are kept whole
  const table = intact.table.derive(removed.map((s) => p.net.recv[s]!));
  const received = intact.received.derive();
  const originDown = new Uint8Array(p.classes.length);
  const byOrigin = classesOriginatedBy(p);
  for (const d of down) for (const c of byOrigin[d] ?? []) originDown[c] = 1;
  const shares = lostShares(p, intact.net, net, intact.byDevice, removed);
  // most often every receiver of a removed session that brought it a best path still learns the
  // same paths over its other sessions, each from a twin of what it lost: then only the widths
  // narrow, written row by row (the receivers' rows are whole: no cell to list)
  // (an aggregate may lose its originators with the prefixes inside it: never only narrowed)
  const narrowOnly = new Uint8Array(p.classes.length);
  for (let c = 0; c < narrowOnly.length; c++)
    narrowOnly[c] =
      shares.lost[c]! > 0 && !shares.untwinned[c] && !originDown[c] && !p.classes[c]!.aggregate ? 1 : 0;
  // what an aggregate's originators have of the classes inside it, and an advertise-map's sender
  // of its exist-map's classes: the routes that changed there
  const N = p.devices.length;
  const watched = watchedOf(p);
  const changedAt = new Map<number, number>();
  const routeAt = (c: number, d: number) =>
    down.has(d) ? 0 : (changedAt.get(c * N + d) ?? intact.routes[c]![d]!);
  const note = (c: number, routes: Routes, changed: Map<number, number>) => {
    if (watched.size)
      for (const d of changed.keys()) if (watched.has(d)) changedAt.set(c * N + d, routes[d]!);
  };
  // the advertise-maps whose state the failure changed, and the classes that changes
  let flips: Condition[] = [];
  let flipsChange: Uint8Array | undefined;
  // per class, the removed sessions that brought their receiver a best path (reused arrays)
  const lostSessions: number[] = [];
  const lostBrings: number[] = [];
  const simulate = (c: number) => {
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
    const flippedOffers = flipsChange?.[c] === 1;
    if (narrowOnly[c] || (!shares.lost[c] && !originFailed && !flippedOffers)) return;
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
    if (originFailed || flippedOffers) {
      // an originator failed, or a sender offers it otherwise: the class is propagated again
      // from the originators left (often none)
      const after = propagate(net, sets, cls, announced ?? cls.origins.filter((o) => !down.has(o)));
      const changed = new Map<number, number>();
      for (let d = 0; d < after.length; d++)
        if (after[d] !== before[d] && !down.has(d)) changed.set(d, before[d]!);
      // a flipped sender's sessions are counted again even where its own routes stand
      if (flippedOffers)
        for (const f of flips) {
          const d = p.net.send[f.session]!;
          if (!changed.has(d)) changed.set(d, before[d]!);
        }
      note(c, after, changed);
      count(p, intact.net, net, cls, after, changed, lost, received, table);
      return;
    }
    // or the same paths over other sessions
    let same = true;
    for (const r of lost.keys())
      if (learn(net, sets, cls, before, r, lengthOf[before[r]!]!) !== before[r]) {
        same = false;
        break;
      }
    if (same) {
      count(p, intact.net, net, cls, before, new Map(), lost, received, table);
      return;
    }
    const routes = before; // changed in place, and put back below
    const changed = repropagate(p, net, cls, routes, [...lost.keys()]);
    note(c, routes, changed);
    try {
      count(p, intact.net, net, cls, routes, changed, lost, received, table);
    } finally {
      for (const [d, id] of changed) routes[d] = id;
    }
  };
  for (let k = 0; k < p.conditionsAt; k++) simulate(p.order[k]!);
  if (p.conditions.length) {
    // the exist-maps' classes are known: the advertise-maps' states of the sessions left
    const gone = new Set(net.removed);
    const live = (s: number) => !gone.has(s);
    const now = withdrawnOf(p.conditions, p.net, live, routeAt);
    flips = flipped(
      intact.withdrawn.filter((f) => live(f.session)),
      now,
    );
    if (flips.length) {
      net = withdrawing(p.net, net, now);
      flipsChange = flippedClasses(p.classes, p.net, flips);
      // propagated again in full: not narrowed as well
      for (let c = 0; c < narrowOnly.length; c++) if (flipsChange[c]) narrowOnly[c] = 0;
    }
  }
  // (the cells of the classes that only narrow: no other class's counting reads or writes them)
  narrow(p, removed, shares.brought, narrowOnly, table);
  for (let k = p.conditionsAt; k < p.order.length; k++) simulate(p.order[k]!);
  return { table, received };
}

/**
 * Per site: the devices whose routes a later class reads, in the order `p.order` simulates them:
 * those that announce an aggregate only while they have a route inside it, and the senders of
 * advertise-maps (their exist-maps' classes).
 */
const watchedDevices = new WeakMap<Prepared, Set<number>>();

function watchedOf(p: Prepared): Set<number> {
  let out = watchedDevices.get(p);
  if (!out) {
    out = new Set([
      ...p.classes.flatMap((c) => c.aggregate?.conditional ?? []),
      ...p.conditions.map((c) => p.net.send[c.session]!),
    ]);
    watchedDevices.set(p, out);
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
 * of the devices that `lost` sessions which brought a best path. What a session brought is read
 * off the intact run's `intactNet` (a flipped advertise-map changed its out policy in `net`).
 */
function count(
  p: Prepared,
  intactNet: Net,
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
        const was = bringsFrom(intactNet, sets, cls, intact, s);
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
      const was = widthShare(intactNet, sets, cls, intact, own, s);
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
