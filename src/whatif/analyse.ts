/**
 * `fabric whatif`, the pure part: for a scenario of failed devices and cables, derive what the
 * fabric left converges to (the check kinds' derivation and the eBGP simulation, given `down`)
 * and compare its services with the intact fabric's.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { deriveContext } from '../verify/checks/index.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import { type Down, failedDevices, isIntact, NOTHING_DOWN } from '../verify/down.js';
import { type RoutingExpectation, simulateRouting } from '../verify/routing.js';
import { speakerNames } from '../verify/routing-speakers.js';
import { CAPACITY_NOTE, capacityImpact } from './capacity.js';
import { compareStates, resultOf } from './compare.js';
import { intactBreaks } from './intact.js';
import { KindsOfFailure } from './relabel.js';
import { singleFailures } from './scenarios.js';
import { type ServiceState, serviceState } from './services.js';
import type { Scenario, ScenarioResult, WhatifReport } from './types.js';

type Site = DeepReadonly<SiteModel>;

/** The intact fabric, computed once for every scenario. */
export interface Baseline {
  routing: RoutingExpectation;
  services: ServiceState;
}

export function baselineOf(site: Site): Baseline {
  const routing = simulateRouting(site);
  return { routing, services: serviceState(deriveContext(site, undefined, routing)) };
}

export function downOf(scenario: Scenario): Down {
  return { devices: new Set(scenario.devices), links: new Set(scenario.links) };
}

/**
 * The derivation context of the fabric left. A failure of devices that speak no BGP (VMs without
 * FRR: balancers, app servers; a Kubernetes node's speaker does) and of no cable leaves the
 * routing as it is: the intact simulation is reused instead of run again.
 */
function contextFor(site: Site, down: Down, base: Baseline): DeriveContext {
  const failed = failedDevices(site, down);
  const bgp = speakerNames(site);
  const routingUnchanged = down.links.size === 0 && [...failed].every((name) => !bgp.has(name));
  if (!routingUnchanged) return deriveContext(site, down, base.routing);
  return {
    ...deriveContext(site, NOTHING_DOWN, base.routing),
    down,
    degraded: !isIntact(down),
    isDown: (name) => failed.has(name),
  };
}

export function analyseScenario(
  site: Site,
  scenario: Scenario,
  base: Baseline = baselineOf(site),
): ScenarioResult {
  return judge(scenario, base.services, contextFor(site, downOf(scenario), base));
}

/** The verdict on a scenario: the services of the fabric `ctx` describes next to the intact ones. */
export function judge(scenario: Scenario, intact: ServiceState, ctx: DeriveContext): ScenarioResult {
  return judgeState(scenario, intact, ctx, serviceState(ctx));
}

/** The same, with the services of `ctx` already listed (`after`). */
function judgeState(
  scenario: Scenario,
  intact: ServiceState,
  ctx: DeriveContext,
  after: ServiceState,
): ScenarioResult {
  return resultOf(scenario, [
    ...compareStates(intact, after, ctx),
    ...capacityImpact(ctx.site, (n) => ctx.isDown(n)),
  ]);
}

function notes(site: Site): string[] {
  return site.devices.some((d) => d.hostedOn) ? [CAPACITY_NOTE] : [];
}

/** One thread's share of a list of scenarios: those at `index`, `index + of`, `index + 2 × of` … */
export interface Share {
  index: number;
  of: number;
}

export const WHOLE: Share = { index: 0, of: 1 };

/** The scenarios of `share`, analysed in order against one baseline. */
export function analyseShare(
  site: Site,
  scenarios: readonly Scenario[],
  share: Share = WHOLE,
  progress?: (done: number, total: number) => void,
  base: Baseline = baselineOf(site),
): ScenarioResult[] {
  const results: ScenarioResult[] = [];
  for (let i = share.index; i < scenarios.length; i += share.of) {
    results.push(analyseFailure(site, scenarios[i]!, base));
    progress?.(results.length, scenarios.length);
  }
  return results;
}

/**
 * One single failure of an N-1 analysis against `base`: relabelled from the first of its kind
 * when the site's failures come in kinds (relabel.ts), else analysed in full.
 */
export function analyseFailure(site: Site, scenario: Scenario, base: Baseline): ScenarioResult {
  const kinds = kindsOf(site, base);
  return kinds ? analyseByKind(site, scenario, base, kinds) : analyseScenario(site, scenario, base);
}

/** Per baseline, the kinds of its site's failures (relabel.ts), when they can be told apart. */
const kindsCache = new WeakMap<Baseline, KindsOfFailure | null>();

export function kindsOf(site: Site, base: Baseline): KindsOfFailure | undefined {
  let kinds = kindsCache.get(base);
  if (kinds === undefined) {
    kinds = KindsOfFailure.of(site, base.services, base.routing) ?? null;
    kindsCache.set(base, kinds);
  }
  return kinds ?? undefined;
}

/** A scenario relabelled from the first of its kind, or analysed in full (and then learned from). */
function analyseByKind(
  site: Site,
  scenario: Scenario,
  base: Baseline,
  kinds: KindsOfFailure,
): ScenarioResult {
  const down = downOf(scenario);
  const { result, learn } = kinds.relabelled(scenario, down);
  if (result) return result;
  const ctx = contextFor(site, down, base);
  const after = serviceState(ctx);
  const full = judgeState(scenario, base.services, ctx, after);
  learn?.(full, ctx, after);
  return full;
}

/** The shares' results back in the order of the scenarios: share k holds k, k + of, … */
export function mergeShares(shares: readonly (readonly ScenarioResult[])[]): ScenarioResult[] {
  const of = shares.length;
  const total = shares.reduce((n, s) => n + s.length, 0);
  return Array.from({ length: total }, (_, i) => shares[i % of]![Math.floor(i / of)]!);
}

/** What is broken with nothing failed, when anything is (intact.ts): a report's `brokenIntact`. */
function brokenIntactOf(site: Site, base: Baseline): Pick<WhatifReport, 'brokenIntact'> {
  const broken = intactBreaks(site, base.services, base.routing);
  return broken.length ? { brokenIntact: broken } : {};
}

/**
 * The N-1 report of a site from the results of every single failure, in scenario order, and
 * what `base` (the intact fabric they were compared with) already lacks.
 */
export function siteReport(site: Site, results: ScenarioResult[], base: Baseline): WhatifReport {
  return {
    site: site.name,
    mode: 'n-1',
    results,
    singlePointsOfFailure: results.filter((r) => r.verdict === 'breaks').map((r) => r.scenario.name),
    ...brokenIntactOf(site, base),
    notes: notes(site),
  };
}

/** Every single failure of the site (N-1). */
export function analyseSite(site: Site, progress?: (done: number, total: number) => void): WhatifReport {
  const base = baselineOf(site);
  return siteReport(site, analyseShare(site, singleFailures(site), WHOLE, progress, base), base);
}

/** One scenario (`--fail`), single or multiple failures. */
export function analyseOne(site: Site, scenario: Scenario): WhatifReport {
  const base = baselineOf(site);
  const result = analyseScenario(site, scenario, base);
  const single = scenario.kind !== 'combined';
  return {
    site: site.name,
    mode: 'scenario',
    results: [result],
    singlePointsOfFailure: single && result.verdict === 'breaks' ? [scenario.name] : [],
    ...brokenIntactOf(site, base),
    notes: notes(site),
  };
}
