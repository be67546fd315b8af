/**
 * One analysis per kind of failure (issue 10): on a site whose only services are routed ones
 * (the loopbacks, the uplinks, ECMP: no tenants, VIPs, VMs, data services, IPv6), what a failure
 * costs is read off the simulation alone, and the simulation of a relabelled failure is the
 * relabelled simulation (symmetry.ts proves the relabelling from the model). So the first
 * failure of each kind is analysed in full and its answers kept as *facts* in the canonical
 * devices' terms — the cells whose ECMP narrowed, the loopback pairs lost, the devices cut off —
 * and every other failure of the kind is written from those facts relabelled, in the orders the
 * full analysis lists them in (the site's, the plan's, the table's): the same report, byte for byte.
 * The facts of a kind are kept only when they write its first failure's own result exactly.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { proxyDevices, vrrpDevices } from '../verify/checks/model.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import type { Down } from '../verify/down.js';
import { routesIpv6 } from '../verify/routing.js';
import { type Prepared, prepared } from '../verify/routing-prepare.js';
import { deviceOf, tableOf } from '../verify/routing-view.js';
import { listed, resultOf } from './compare.js';
import { dataPlans } from './data-services.js';
import { type NarrowedCells, NarrowedCellsBuilder } from './narrowed-cells.js';
import type { ServiceState } from './services.js';
import { upperOf } from './services.js';
import {
  canonicalOf,
  classImage,
  findSymmetry,
  image,
  inverse,
  type Relabelling,
  type Symmetry,
} from './symmetry.js';
import { lostLoopbacks } from './table-deltas.js';
import type { Impact, Scenario, ScenarioResult } from './types.js';

type Site = DeepReadonly<SiteModel>;

/**
 * The plan indices (source × targets + target) of lostLoopbacks' pairs, which it lists in plan
 * order; undefined when a name is not the plan's.
 */
function lostPairIndices(
  pairs: readonly string[],
  plan: ServiceState['loopbacks'],
  sources: ReadonlyMap<string, number>,
  targetsOf: ReadonlyMap<string, readonly number[]>,
): number[] | undefined {
  const n = plan.targets.length;
  const out: number[] = [];
  let previous = -1;
  for (const pair of pairs) {
    const [source, target] = pair.split(' → ') as [string, string];
    const i = sources.get(source);
    const j = i === undefined ? undefined : targetsOf.get(target)?.find((t) => i * n + t > previous);
    if (i === undefined || j === undefined) return undefined;
    previous = i * n + j;
    out.push(previous);
  }
  return out;
}

/** What a failure cost, in the canonical devices' terms (speaker indices, classes). */
interface Facts {
  /** Devices with no uplink session left. */
  cut: number[];
  /**
   * Loopback pairs lost: source and target devices, and the target's index in the plan when
   * the relabelling left its device in place (-1: a moved device, which has one target).
   */
  lost: [number, number, number][];
  /** ECMP: how many routes on how many devices narrowed, and every narrowed cell. */
  routes: number;
  devices: number;
  /** The narrowed cells: row, class, its next hops now. */
  cells: NarrowedCells;
}

/**
 * Whether a site's intact services are routed ones only, so that a failure's impacts are the
 * uplinks', the loopbacks' and ECMP's (compare.ts): every other comparison starts from an empty
 * intact map (a degraded state lists the same plans' entries), capacity needs a VM.
 */
function routedOnly(site: Site, intact: ServiceState, routing: DeriveContext['intact']): boolean {
  return (
    !routesIpv6(site) &&
    !site.devices.some((d) => d.hostedOn) &&
    intact.urls.size === 0 &&
    intact.vips.size === 0 &&
    [...intact.vipRoutes.values()].every((v) => v.size === 0) &&
    intact.gateways.size === 0 &&
    intact.overlay.size === 0 &&
    intact.realServers.size === 0 &&
    intact.backends.size === 0 &&
    intact.loadBalancers.size === 0 &&
    intact.data.size === 0 &&
    !intact.ipv6 &&
    !intact.loopbacks.reached &&
    !!tableOf(routing.nexthops)
  );
}

/**
 * Whether a site's model leaves room for its failures to come in kinds: nothing but routed
 * services (the exact test, `routedOnly`, needs the intact fabric's simulation). `fabric whatif
 * --jobs` reads it to choose between its baseline first and its workers at once.
 */
export function mayComeInKinds(site: Site): boolean {
  return (
    !routesIpv6(site) &&
    !site.devices.some((d) => d.hostedOn) &&
    !vrrpDevices(site).length &&
    !proxyDevices(site).length &&
    !dataPlans(site).length
  );
}

/** Per lower device, per upper device, the intact sessions between them (services.ts' count). */
function uplinkCounts(site: Site, routing: DeriveContext['intact']): Map<string, Map<string, number>> {
  const upper = upperOf(site);
  const counts = new Map<string, Map<string, number>>();
  for (const device of upper.keys()) counts.set(device, new Map());
  for (const s of routing.sessions) {
    const per = counts.get(s.device);
    if (per && upper.get(s.device)!.has(s.from)) per.set(s.from, (per.get(s.from) ?? 0) + 1);
  }
  return counts;
}

export class KindsOfFailure {
  /**
   * How the failures were answered: relabelled; analysed in full, the first of their kind
   * (learned); in full, their kind's facts refused; in full, of no kind.
   */
  readonly counts = { relabelled: 0, learned: 0, refused: 0, withoutKind: 0 };
  private readonly facts = new Map<string, Facts | null>();
  private readonly planSource: Map<string, number>;
  private readonly planTarget: Map<string, number>;
  private readonly targetsOf = new Map<string, number[]>();
  /** Per speaker, the classes it originates. */
  private readonly classesOf = new Map<number, number[]>();
  private readonly order: Map<string, number>;

  private constructor(
    private readonly site: Site,
    private readonly p: Prepared,
    private readonly sym: Symmetry,
    private readonly intact: ServiceState,
    private readonly routing: DeriveContext['intact'],
  ) {
    this.planSource = new Map(intact.loopbacks.sources.map((s, i) => [s, i]));
    this.planTarget = new Map(intact.loopbacks.targets.map((t, j) => [t.device, j]));
    for (const c of p.classes)
      for (const o of c.origins) {
        const list = this.classesOf.get(o);
        if (list) list.push(c.index);
        else this.classesOf.set(o, [c.index]);
      }
    intact.loopbacks.targets.forEach((t, j) => {
      const list = this.targetsOf.get(t.device);
      if (list) list.push(j);
      else this.targetsOf.set(t.device, [j]);
    });
    this.order = new Map([...intact.uplinks].map(([d], i) => [d, i]));
  }

  /** The kinds of a site's failures; undefined when its failures are not the routing's alone. */
  static of(site: Site, intact: ServiceState, routing: DeriveContext['intact']): KindsOfFailure | undefined {
    if (!routedOnly(site, intact, routing)) return undefined;
    const p = prepared(site, 'ipv4');
    // the table's rows are the simulation's speakers (routing-view.ts); the facts index both alike
    const rows = [...routing.nexthops].every(([name, view]) => p.index.get(name) === deviceOf(view));
    if (!rows) return undefined;
    const sym = findSymmetry(site, p, intact.loopbacks, uplinkCounts(site, routing));
    if (!sym.members.length) return undefined;
    return new KindsOfFailure(site, p, sym, intact, routing);
  }

  /** The group of interchangeable devices `device` is in, by number; undefined: none (it is never moved). */
  groupOf(device: string): number | undefined {
    const i = this.p.index.get(device);
    const g = i === undefined ? -1 : this.sym.group[i]!;
    return g < 0 ? undefined : g;
  }

  /**
   * The result of `scenario` from the facts of its kind; undefined when its kind has none yet
   * (`learn` then keeps the full analysis's) or has none that can be relabelled.
   */
  relabelled(
    scenario: Scenario,
    down: Down,
  ): {
    result?: ScenarioResult;
    learn?: (r: ScenarioResult, ctx: DeriveContext, after: ServiceState) => void;
  } {
    const canon = canonicalOf(this.site, this.p, this.sym, down);
    if (!canon) {
      this.counts.withoutKind++;
      return {};
    }
    const known = this.facts.get(canon.key);
    if (known === null) {
      this.counts.refused++;
      return {};
    }
    if (known) {
      this.counts.relabelled++;
      return { result: this.write(scenario, known, inverse(canon.pi)) };
    }
    this.counts.learned++;
    return {
      learn: (r, ctx, after) => {
        const facts = this.factsOf(ctx, after, canon.pi);
        // kept only when they write this very failure's result
        const ok =
          facts && JSON.stringify(this.write(scenario, facts, inverse(canon.pi))) === JSON.stringify(r);
        this.facts.set(canon.key, ok ? facts : null);
      },
    };
  }

  /** The facts of an analysed failure, relabelled by `pi` into the canonical devices. */
  private factsOf(ctx: DeriveContext, after: ServiceState, pi: Relabelling): Facts | undefined {
    const { p, sym } = this;
    const intact = tableOf(this.routing.nexthops)!;
    const now = tableOf(ctx.routing.nexthops);
    if (!now || (now !== intact && now.base !== intact)) return undefined;
    const index = (name: string) => image(pi, p.index.get(name)!);
    // uplinks: as compareUplinks finds them
    const cut: number[] = [];
    for (const device of after.uplinks.changed ?? [...this.order.keys()]) {
      const was = this.intact.uplinks.get(device);
      const is = after.uplinks.get(device);
      if (was?.size && is && !is.size) {
        if (!p.index.has(device)) return undefined;
        cut.push(index(device));
      }
    }
    // loopbacks: the pairs lostLoopbacks lists
    const lostPairs = lostLoopbacks(this.intact.loopbacks, ctx);
    if (!lostPairs) return undefined;
    const lost: [number, number, number][] = [];
    const plan = this.intact.loopbacks;
    const n = plan.targets.length;
    const indices = lostPairIndices(lostPairs, plan, this.planSource, this.targetsOf);
    if (!indices) return undefined;
    for (const x of indices) {
      const source = plan.sources[Math.floor(x / n)]!;
      const target = plan.targets[x % n]!.device;
      if (!p.index.has(source) || !p.index.has(target)) return undefined;
      const t = p.index.get(target)!;
      lost.push([index(source), image(pi, t), pi.has(t) ? -1 : x % n]);
    }
    // ECMP: the cells narrowedEcmp counts
    const C = intact.classes;
    const positions = intact.classPrefixes;
    let routes = 0;
    const devices = new Set<number>();
    const cells = new NarrowedCellsBuilder(positions);
    // whether the last row asked about is down, and its image: a row's cells come together
    let lastRow = -1;
    let lastDown = false;
    let lastImage = -1;
    if (now !== intact)
      now.forEachChanged((cell, was, is) => {
        if (was < 2 || is === 0 || is >= was) return;
        const d = Math.floor(cell / C);
        if (d !== lastRow) {
          lastRow = d;
          lastDown = ctx.isDown(p.names[d]!);
          lastImage = image(pi, d);
        }
        if (lastDown) return;
        const c = cell % C;
        routes += positions[c]!.length;
        devices.add(d);
        cells.add(lastImage, pi.size ? classImage(p, sym, pi, c) : c, now.possible(cell));
      });
    return { cut, lost, routes, devices: devices.size, cells: cells.build() };
  }

  /** The result of `scenario` from canonical facts, `back` taking the canonical devices to its own. */
  private write(scenario: Scenario, f: Facts, back: Relabelling): ScenarioResult {
    const { p } = this;
    const name = (i: number) => p.names[image(back, i)]!;
    const impacts: Impact[] = [];
    if (f.cut.length) {
      const cut = f.cut
        .map(name)
        .sort((a, b) => this.order.get(a)! - this.order.get(b)!)
        .map((d) => `${d} (had ${listed([...this.intact.uplinks.get(d)!])})`);
      impacts.push({
        severity: 'breaks',
        service: 'uplinks',
        detail: `no uplink session left: ${listed(cut)}`,
      });
    }
    if (f.lost.length) {
      const n = this.intact.loopbacks.targets.length;
      const lost = f.lost
        .map(([s, t, j]) => {
          const target = image(back, t);
          return (
            this.planSource.get(name(s))! * n +
            (j >= 0 && target === t ? j : this.planTarget.get(p.names[target]!)!)
          );
        })
        .sort((a, b) => a - b)
        .map(
          (x) =>
            `${this.intact.loopbacks.sources[Math.floor(x / n)]} → ${this.intact.loopbacks.targets[x % n]!.device}`,
        );
      impacts.push({ severity: 'breaks', service: 'loopback', detail: `loopbacks lost: ${listed(lost)}` });
    }
    const example = this.example(f, back);
    if (f.routes && example) impacts.push(example);
    return resultOf(scenario, impacts);
  }

  /** narrowedIn's impact: the first narrowed route by row, then by prefix, relabelled. */
  private example(f: Facts, back: Relabelling): Impact | undefined {
    const { p, sym } = this;
    const intact = tableOf(this.routing.nexthops)!;
    const moved: number[] = [];
    for (const d of back.keys()) for (const c of this.classesOf.get(d) ?? []) moved.push(c);
    const first = f.cells.first(back, moved, (c) => classImage(p, sym, back, c));
    if (!first) return undefined;
    const was = intact.possible(first.row * intact.classes + intact.prefixClass[first.position]!);
    return {
      severity: 'degraded',
      service: 'ecmp',
      detail: `${f.routes} routes on ${f.devices} devices narrowed (e.g. ${p.names[first.row]} → ${intact.prefixes[first.position]}: ${first.possible} of ${was})`,
    };
  }
}
