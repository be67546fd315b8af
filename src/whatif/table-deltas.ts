/**
 * The loopback and ECMP comparisons of one scenario, read off what the incremental simulation
 * changed (`NexthopTable.forEachChanged`) instead of every device's every route:
 * a failure of a 5,000-device fabric changes a few prefix classes, and the services that did not
 * change need no look. The answers are those of comparing every pair (`compare.ts` does that when
 * the routing is not a table of the same site, e.g. a test's own maps).
 */
import { oncePer } from '../util/once-per.js';
import { type LoopbackTarget, routeTo } from '../verify/checks/loopbacks-reachable.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import type { FamilyRouting } from '../verify/routing.js';
import { deviceOf, type NexthopTable, type Range, tableOf } from '../verify/routing-view.js';

/** The intact fabric's loopback checks: the switches that ping and the loopbacks they ping. */
export interface LoopbackPlan {
  sources: string[];
  targets: LoopbackTarget[];
}

/** A plan's pairs in table terms, computed once per baseline. */
interface PlanIndex {
  table: NexthopTable;
  /** Per source, its row in the table (-1: no routes at all). */
  row: Int32Array;
  /** Per target, the class of its /32 (-1: nobody originates it). */
  cls: Int32Array;
  /** Per class, the targets whose /32 it is. */
  byClass: Map<number, number[]>;
  /** Per table row, the sources on it. */
  byRow: Map<number, number[]>;
}

const indexes = new WeakMap<LoopbackPlan, PlanIndex>();

function indexOf(plan: LoopbackPlan, intact: FamilyRouting, table: NexthopTable): PlanIndex {
  let ix = indexes.get(plan);
  if (ix?.table === table) return ix;
  const row = Int32Array.from(plan.sources, (s) => deviceOf(intact.nexthops.get(s)) ?? -1);
  const cls = Int32Array.from(plan.targets, (t) => table.classOf.get(routeTo(t)) ?? -1);
  const byClass = new Map<number, number[]>();
  cls.forEach((c, j) => {
    if (c >= 0) byClass.set(c, [...(byClass.get(c) ?? []), j]);
  });
  const byRow = new Map<number, number[]>();
  row.forEach((r, i) => {
    if (r >= 0) byRow.set(r, [...(byRow.get(r) ?? []), i]);
  });
  ix = { table, row, cls, byClass, byRow };
  indexes.set(plan, ix);
  return ix;
}

/**
 * The pairs `source → target` of the intact plan that the fabric of `ctx` no longer routes,
 * between devices that are up, in the plan's order; undefined when `ctx`'s routing is not a
 * table derived from the intact one (the caller compares every pair then). `intactRouting` and
 * `routing`: one family's (IPv4's by default).
 */
export function lostLoopbacks(
  plan: LoopbackPlan,
  ctx: DeriveContext,
  intactRouting: FamilyRouting = ctx.intact,
  routing: FamilyRouting = ctx.routing,
): string[] | undefined {
  if (!ctx.degraded) return [];
  const intact = tableOf(intactRouting.nexthops);
  const now = tableOf(routing.nexthops);
  if (!intact || !now || (now !== intact && now.base !== intact)) return undefined;
  const ix = indexOf(plan, intactRouting, intact);
  const n = plan.targets.length;
  // a pair the intact fabric does not route either is no failure's doing (intact.ts says it)
  const pairs = new Set<number>();
  // per class, its targets that are up (a failed leaf's loopback is lost by every switch: its
  // pairs are not listed one by one only to be dropped below)
  const targetsUp = new Map<number, number[]>();
  const upTargetsOf = (c: number) => {
    let out = targetsUp.get(c);
    if (!out) {
      out = (ix.byClass.get(c) ?? []).filter((j) => !ctx.isDown(plan.targets[j]!.device));
      targetsUp.set(c, out);
    }
    return out;
  };
  if (now !== intact) {
    now.forEachChanged((cell, was, is) => {
      if (!(was > 0 && is === 0)) return; // the cell did not lose its route
      const c = cell % intact.classes;
      const targets = upTargetsOf(c);
      if (!targets.length) return;
      for (const i of ix.byRow.get((cell - c) / intact.classes) ?? [])
        for (const j of targets) pairs.add(i * n + j);
    });
  }
  const out: number[] = [];
  for (const p of pairs) {
    const source = plan.sources[Math.floor(p / n)]!;
    const target = plan.targets[p % n]!.device;
    if (source !== target && !ctx.isDown(source) && !ctx.isDown(target)) out.push(p);
  }
  return out
    .sort((a, b) => a - b)
    .map((p) => `${plan.sources[Math.floor(p / n)]} → ${plan.targets[p % n]!.device}`);
}

/** Routes whose equal-cost next hops narrowed: how many, on how many devices, and the first. */
export interface Narrowed {
  routes: number;
  devices: number;
  example: { device: string; prefix: string; was: Range; now: Range } | undefined;
}

/** The device names of a simulation's table rows. */
const rowNames = oncePer((routing: FamilyRouting): string[] => {
  const names: string[] = [];
  for (const [name, view] of routing.nexthops) names[deviceOf(view)!] = name;
  return names;
});

/**
 * The routes (at least 2 wide in the intact fabric) that devices still up have over fewer
 * equal-cost next hops; undefined when `ctx`'s routing is not a table derived from the intact one.
 * `intactRouting` and `routing`: one family's (IPv4's by default).
 */
export function narrowedEcmp(
  ctx: DeriveContext,
  intactRouting: FamilyRouting = ctx.intact,
  routing: FamilyRouting = ctx.routing,
): Narrowed | undefined {
  const intact = tableOf(intactRouting.nexthops);
  const now = tableOf(routing.nexthops);
  if (!intact || !now || (now !== intact && now.base !== intact)) return undefined;
  const none: Narrowed = { routes: 0, devices: 0, example: undefined };
  if (now === intact) return none;
  const C = intact.classes;
  const names = rowNames(intactRouting);
  const positions = intact.classPrefixes;
  let routes = 0;
  const devices = new Set<number>();
  let first: [number, number] | undefined; // [device, prefix position]
  // whether the last device asked about is down: a whole row's cells come one after the other
  let lastDevice = -1;
  let lastDown = false;
  now.forEachChanged((cell, was, is) => {
    if (was < 2 || is === 0 || is >= was) return;
    const d = Math.floor(cell / C);
    if (d !== lastDevice) {
      lastDevice = d;
      lastDown = ctx.isDown(names[d]!);
    }
    if (lastDown) return;
    const at = positions[cell % C]!;
    routes += at.length;
    devices.add(d);
    if (at.length && (!first || d < first[0] || (d === first[0] && at[0]! < first[1]))) first = [d, at[0]!];
  });
  if (!first) return { ...none, routes, devices: devices.size };
  const cell = first[0] * C + intact.prefixClass[first[1]]!;
  const range = (t: NexthopTable): Range => ({ certain: t.certain(cell), possible: t.possible(cell) });
  return {
    routes,
    devices: devices.size,
    example: {
      device: names[first[0]]!,
      prefix: intact.prefixes[first[1]]!,
      was: range(intact),
      now: range(now),
    },
  };
}
