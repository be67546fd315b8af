/**
 * One prefix class through the fabric: a breadth-first pass over the BGP sessions, layer by
 * layer of AS-path length. That is what the path-vector rounds converge to — in round k every
 * device learns exactly the routes of length k + 1 — without re-offering every route every round.
 * Then the counts: per session whether it accepts the class (FRR's pfxRcd), per device how many
 * sessions bring it an equal-cost best path (its ECMP width).
 */
import { type AsPath, type AsPaths, passesThrough, pathText } from './routing-paths.js';
import type { NexthopTable } from './routing-view.js';

/** Maximum candidate paths kept per prefix: enough for any ECMP width we assert on. */
const MAX_PATHS = 16;
/** The longest AS path the rounds of a path-vector simulation of 64 rounds reach. */
const MAX_LENGTH = 65;

/** The sessions of one simulation, by index: `recv` learns from `send`. */
export interface Net {
  asn: readonly number[];
  recv: Int32Array;
  send: Int32Array;
  inPolicy: Int32Array;
  outPolicy: Int32Array;
  /** Per session, the `[asn]` the sender's `default-originate` offers it, if any. */
  defaultOffer: (readonly AsPath[] | undefined)[];
  /** The sessions that are up, those of them with a `defaultOffer`. */
  active: number[];
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
}

/** Per session, the prefixes it accepts: all candidate paths (certain) or at least one (possible). */
export interface Received {
  certain: Float64Array;
  possible: Float64Array;
}

/** The best paths a device keeps, from what its sessions accepted: distinct, at most 16. */
function keep(paths: AsPaths, accepted: AsPath[], asn: number, routes: ClassRoutes): AsPath[] {
  let unique = [...new Set(accepted)];
  if (unique.length > MAX_PATHS) {
    routes.truncated = true;
    unique.sort((a, b) => pathText(a).localeCompare(pathText(b)));
    unique = unique.slice(0, MAX_PATHS);
  }
  return unique.map((p) => paths.prepend(asn, p));
}

export function offerOf(
  net: Net,
  cls: PrefixClass,
  cand: (AsPath[] | undefined)[],
  s: number,
): readonly AsPath[] | undefined {
  if (cls.isDefault) {
    const own = net.defaultOffer[s];
    if (own) return own;
  }
  const c = cand[net.send[s]!];
  return c && cls.answers[net.outPolicy[s]!] ? c : undefined;
}

/** The receivers the routes of one layer are offered to, each once. */
function receiversOf(
  net: Net,
  senders: number[],
  sessions: Iterable<number>,
  seen: Int32Array,
  layer: number,
) {
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

/** Every device's best paths for the class: `cand[d]` (undefined: no route), all of one length. */
export function propagate(net: Net, paths: AsPaths, cls: PrefixClass): ClassRoutes {
  const n = net.asn.length;
  const cand: (AsPath[] | undefined)[] = new Array(n);
  const routes: ClassRoutes = { cand, truncated: false };
  for (const o of cls.origins) cand[o] = [paths.origin(net.asn[o]!)];
  const seen = new Int32Array(n);
  let frontier = cls.origins;
  for (let length = 1; length < MAX_LENGTH; length++) {
    const receivers = receiversOf(
      net,
      frontier,
      cls.isDefault && length === 1 ? net.defaults : [],
      seen,
      length,
    );
    // assigned after the layer: a device's paths of this layer reach others in the next one
    const learned: [number, AsPath[]][] = [];
    for (const r of receivers) {
      if (cand[r]) continue;
      const asn = net.asn[r]!;
      const accepted: AsPath[] = [];
      for (const s of net.into[r]!) {
        if (!cls.answers[net.inPolicy[s]!]) continue;
        const offer = offerOf(net, cls, cand, s);
        if (!offer || offer[0]!.length !== length) continue;
        for (const p of offer) if (!passesThrough(p, asn)) accepted.push(p);
      }
      if (accepted.length) learned.push([r, accepted]);
    }
    const next = learned.map(([r, accepted]) => {
      cand[r] = keep(paths, accepted, net.asn[r]!, routes);
      return r;
    });
    if (!next.length) break;
    frontier = next;
  }
  return routes;
}

/** One class's best paths per device (undefined: no route), and whether 16 paths were not enough. */
export interface ClassRoutes {
  cand: (AsPath[] | undefined)[];
  truncated: boolean;
}

/**
 * Adds (`sign` 1) or takes back (-1) one class's counts: per session the prefixes it accepts, per
 * device the sessions that bring it an equal-cost best path.
 */
export function account(
  net: Net,
  cls: PrefixClass,
  cand: (AsPath[] | undefined)[],
  received: Received,
  nexthops: NexthopTable,
  sign: 1 | -1,
): void {
  const local = new Set(cls.origins);
  for (const s of net.active) {
    if (!cls.answers[net.inPolicy[s]!]) continue;
    const offer = offerOf(net, cls, cand, s);
    if (!offer) continue;
    const r = net.recv[s]!;
    const asn = net.asn[r]!;
    let accepted = 0;
    for (const p of offer) if (!passesThrough(p, asn)) accepted++;
    if (!accepted) continue;
    const all = accepted === offer.length;
    received.possible[s]! += sign * cls.prefixes;
    if (all) received.certain[s]! += sign * cls.prefixes;
    const own = cand[r];
    if (!own || local.has(r) || offer[0]!.length !== own[0]!.length - 1) continue;
    const i = r * nexthops.classes + cls.index;
    nexthops.possible[i]! += sign;
    if (all) nexthops.certain[i]! += sign;
  }
}

/** Propagates one class and adds its counts to `received` and the next-hop table. */
export function simulateClass(
  net: Net,
  paths: AsPaths,
  cls: PrefixClass,
  received: Received,
  nexthops: NexthopTable,
): ClassRoutes {
  const routes = propagate(net, paths, cls);
  account(net, cls, routes.cand, received, nexthops, 1);
  return routes;
}
