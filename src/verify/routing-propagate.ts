/**
 * One prefix class through the fabric: a breadth-first pass over the BGP sessions, layer by
 * layer of AS-path length. That is what the path-vector rounds converge to — in round k every
 * device learns exactly the routes of length k + 1 — without re-offering every route every round.
 * Then the counts: per session whether it accepts the class (FRR's pfxRcd), per device how many
 * sessions bring it an equal-cost best path (its ECMP width).
 *
 * A class's routes are one path-set id per device (`PathSets`, 0: no route), so what a session
 * offers and how many paths its receiver's loop check accepts are a few array reads.
 */
import { type AsPath, asnBit, ORIGIN, type PathSets, passesThrough, pathText } from './routing-paths.js';
import type { NexthopTable } from './routing-view.js';

/** Maximum candidate paths kept per prefix: enough for any ECMP width we assert on. */
const MAX_PATHS = 16;
/** The longest AS path the rounds of a path-vector simulation of 64 rounds reach. */
export const MAX_LENGTH = 65;

/** The sessions of one simulation, by index: `recv` learns from `send`. */
export interface Net {
  asn: readonly number[];
  recv: Int32Array;
  send: Int32Array;
  inPolicy: Int32Array;
  /** Per session: its sender's out policy, of its advertise-map's state where it has one (routing-conditions.ts). */
  outPolicy: Int32Array;
  /** Per session, whether the sender's `default-originate` offers it `[asn]`. */
  defaultOffer: Uint8Array;
  /** The sessions of the intact fabric that are down (none in the intact one's). */
  removed: number[];
  /** The sessions that are up with a `defaultOffer`. */
  defaults: number[];
  /** Per device, the sessions that are up it learns from and advertises over. */
  into: number[][];
  from: number[][];
}

export interface PrefixClass {
  index: number;
  /** How many prefixes travel as this class. */
  prefixes: number;
  /** The devices that originate it (`network`). */
  origins: number[];
  /** Per policy id, whether it permits the class's prefixes. */
  answers: Uint8Array;
  /** 0.0.0.0/0, which `default-originate` sessions offer on their own. */
  isDefault: boolean;
  /**
   * An aggregate's (`aggregate-address`, one prefix per class): the classes of the prefixes
   * inside it, and those of its `origins` that aggregate it. FRR announces an aggregate only
   * while its BGP table holds one of those prefixes; an originator by `network` always does.
   */
  aggregate?: { contributors: number[]; conditional: number[] };
}

/**
 * The originators of the class that announce it, of those that are up (`origins`): for an
 * aggregate, those that have a route of a prefix inside it (`routeAt(class, device)`: its path-set
 * id there, 0 for none).
 */
export function announcing(
  cls: PrefixClass,
  origins: readonly number[],
  routeAt: (cls: number, device: number) => number,
): number[] {
  const agg = cls.aggregate;
  if (!agg) return origins as number[];
  return origins.filter(
    (o) => !agg.conditional.includes(o) || agg.contributors.some((c) => routeAt(c, o) !== 0),
  );
}

/** Per session, the prefixes it accepts: all candidate paths (certain) or at least one (possible). */
export interface SessionCounts {
  certain: Float64Array;
  possible: Float64Array;
}

/**
 * The intact fabric's counts per session, counted when first read (`fabric whatif` never reads
 * them: a pass over every session for every class it need not make), and a degraded fabric's
 * changes over them.
 */
export class Received {
  private counted: SessionCounts | undefined;
  /** A derived count's changes over its base's, per session: [certain, possible]. */
  private readonly own = new Map<number, [number, number]>();
  /** Changes to count when first read. */
  private pending: (() => void)[] = [];

  constructor(
    private readonly countAll: (() => SessionCounts) | undefined,
    private readonly base?: Received,
  ) {}

  /** A count to change that starts as this one (which it never writes). */
  derive(): Received {
    return new Received(undefined, this);
  }

  private all(): SessionCounts {
    this.counted ??= this.countAll!();
    return this.counted;
  }

  /** Counts these changes (`add`s) when the counts are first read. */
  later(changes: () => void): void {
    this.pending.push(changes);
  }

  private settle(): void {
    const jobs = this.pending;
    this.pending = [];
    for (const job of jobs) job();
  }

  certain(s: number): number {
    if (this.pending.length) this.settle();
    return this.base ? this.base.certain(s) + (this.own.get(s)?.[0] ?? 0) : this.all().certain[s]!;
  }

  possible(s: number): number {
    if (this.pending.length) this.settle();
    return this.base ? this.base.possible(s) + (this.own.get(s)?.[1] ?? 0) : this.all().possible[s]!;
  }

  /** Changes a derived count (an intact one is only counted). */
  add(s: number, certain: number, possible: number): void {
    if (!certain && !possible) return;
    const was = this.own.get(s) ?? [0, 0];
    this.own.set(s, [was[0] + certain, was[1] + possible]);
  }
}

/** One class's best paths: per device a path-set id (0: no route). */
export type Routes = Int32Array;

/** The set a session offers for the class (0: none): the sender's, or its own default route. */
export function offerOf(net: Net, cls: PrefixClass, routes: Routes, s: number): number {
  return offerFrom(net, cls, routes[net.send[s]!]!, s);
}

/** The set session `s` offers when its sender's set is `id`. */
export function offerFrom(net: Net, cls: PrefixClass, id: number, s: number): number {
  if (cls.isDefault && net.defaultOffer[s]) return ORIGIN;
  return cls.answers[net.outPolicy[s]!] ? id : 0;
}

/**
 * The set device `r` learns at length `length` (its own paths' length) from the sessions it
 * has: every path of length − 1 its peers offer and its policy and loop check accept (distinct,
 * the first 16 in text order when there are more). 0 when it learns none at that length.
 * `width`, when given, gets the sessions that bring those paths added (what `widthOf` counts
 * once they are its best paths).
 */
export function learn(
  net: Net,
  sets: PathSets,
  cls: PrefixClass,
  routes: Routes,
  r: number,
  length: number,
  width?: { certain: number; possible: number },
): number {
  const asn = net.asn[r]!;
  const bit = asnBit(asn);
  const from: number[] = [];
  const ids: number[] = [];
  let all = true;
  for (const s of net.into[r]!) {
    if (!cls.answers[net.inPolicy[s]!]) continue;
    const id = offerOf(net, cls, routes, s);
    if (!id || sets.lengthOf[id] !== length - 1) continue;
    const x = net.asn[net.send[s]!]!;
    // `sets.accepted`, its common answer first: no tail has the receiver's AS bit
    const accepted =
      x !== asn && (sets.bitsOf(id) & bit) === 0 ? sets.offered(id) : sets.accepted(id, x, asn);
    if (!accepted) continue;
    if (width) {
      // every session that brings a path counts for the ECMP width (as `widthOf` counts)
      width.possible++;
      if (accepted === sets.offered(id)) width.certain++;
    }
    let seen = false;
    for (let k = 0; k < ids.length; k++) if (ids[k] === id && from[k] === x) seen = true;
    if (seen) continue;
    ids.push(id);
    from.push(x);
    all &&= accepted === sets.offered(id);
  }
  if (!ids.length) return 0;
  if (ids.length === 1 && all) return sets.next(ids[0]!, from[0]!);
  const got = new Set<AsPath>();
  for (let k = 0; k < ids.length; k++)
    for (const p of sets.offer(ids[k]!, from[k]!)) if (!passesThrough(p, asn)) got.add(p);
  let tails = [...got];
  if (tails.length > MAX_PATHS)
    tails = tails.sort((a, b) => pathText(a).localeCompare(pathText(b))).slice(0, MAX_PATHS);
  return sets.intern(tails);
}

/** The receivers the routes of one layer are offered to, each once. */
function receiversOf(net: Net, senders: number[], sessions: number[], seen: Int32Array, layer: number) {
  const out: number[] = [];
  const add = (s: number) => {
    const r = net.recv[s]!;
    if (seen[r] !== layer) {
      seen[r] = layer;
      out.push(r);
    }
  };
  for (const f of senders) for (const s of net.from[f]!) add(s);
  for (const s of sessions) add(s);
  return out;
}

/**
 * Every device's best paths for the class (`origins`: those of its originators that are up), and
 * into `nexthops`, when given, each device's ECMP width for it, as `learn` finds them: a device's
 * best paths are learned once every shorter path is known, so the sessions that bring them are
 * those `learn` looks at.
 */
export function propagate(
  net: Net,
  sets: PathSets,
  cls: PrefixClass,
  origins = cls.origins,
  nexthops?: NexthopTable,
): Routes {
  const n = net.asn.length;
  const routes: Routes = new Int32Array(n);
  for (const o of origins) routes[o] = ORIGIN;
  const seen = new Int32Array(n);
  const width = nexthops ? { certain: 0, possible: 0 } : undefined;
  let frontier = origins;
  for (let length = 2; length <= MAX_LENGTH; length++) {
    const receivers = receiversOf(
      net,
      frontier,
      cls.isDefault && length === 2 ? net.defaults : [],
      seen,
      length,
    );
    // a set learned in this layer is of this length: no other device of the layer takes it
    const next: number[] = [];
    for (const r of receivers) {
      if (routes[r]) continue;
      if (width) width.certain = width.possible = 0;
      const id = learn(net, sets, cls, routes, r, length, width);
      if (!id) continue;
      routes[r] = id;
      next.push(r);
      if (width && nexthops) nexthops.add(r * nexthops.classes + cls.index, width.certain, width.possible);
    }
    if (!next.length) break;
    frontier = next;
  }
  return routes;
}

/** What session `s` brings its receiver for the class: -1 nothing, 1 some of the paths, 2 all. */
export function brings(net: Net, sets: PathSets, cls: PrefixClass, routes: Routes, s: number): number {
  return bringsFrom(net, sets, cls, routes[net.send[s]!]!, s);
}

/** What session `s` brings when its sender's set is `sender`. */
export function bringsFrom(net: Net, sets: PathSets, cls: PrefixClass, sender: number, s: number): number {
  if (!cls.answers[net.inPolicy[s]!]) return -1;
  const id = offerFrom(net, cls, sender, s);
  if (!id) return -1;
  const accepted = sets.accepted(id, net.asn[net.send[s]!]!, net.asn[net.recv[s]!]!);
  if (!accepted) return -1;
  return accepted === sets.offered(id) ? 2 : 1;
}

/**
 * Device `r`'s ECMP width for the class: the sessions that bring it an equal-cost best path,
 * those that bring only such paths (certain) and at least one (possible). Zero for an originator.
 */
export function widthOf(
  net: Net,
  sets: PathSets,
  cls: PrefixClass,
  routes: Routes,
  r: number,
): { certain: number; possible: number } {
  const own = routes[r]!;
  const out = { certain: 0, possible: 0 };
  if (!own || own === ORIGIN) return out;
  const length = sets.lengthOf[own]! - 1;
  for (const s of net.into[r]!) {
    // the offer's length first: a few array reads, the loop check is not
    if (sets.lengthOf[offerOf(net, cls, routes, s)] !== length) continue;
    const b = brings(net, sets, cls, routes, s);
    if (b < 0) continue;
    out.possible++;
    if (b === 2) out.certain++;
  }
  return out;
}

/** Adds one class's counts over the intact fabric's `net`: per session the prefixes it accepts. */
export function account(
  net: Net,
  sets: PathSets,
  cls: PrefixClass,
  routes: Routes,
  into: SessionCounts,
): void {
  for (let s = 0; s < net.recv.length; s++) {
    const b = brings(net, sets, cls, routes, s);
    if (b < 0) continue;
    if (b === 2) into.certain[s]! += cls.prefixes;
    into.possible[s]! += cls.prefixes;
  }
}
