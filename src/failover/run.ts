/**
 * One failover run: for each scenario, start the probes, inject the fault, hold it until the
 * probes recover (or a deadline), undo it, hold again, stop, measure, and wait until every
 * check of `fabric verify` passes before the next scenario. Every fault is undone — on an
 * error, and on SIGINT/SIGTERM (the handlers only stop the loop; the `finally` blocks undo).
 */

import type { FrozenSite } from '../pipeline.js';
import { waitConverged } from '../verify/converge.js';
import { budgetText } from './budgets.js';
import { awaitConsumed, consumersOf } from './consumed.js';
import { type ControlEvent, EventWatcher, frrNeighbours } from './events.js';
import { addProbeSources, type FaultContext, injectFault, removeProbeSources, undoEntry } from './faults.js';
import { actualInterval, failureKinds, healthySince, measureWindow, type Sample } from './measure.js';
import { HTTP_INTERVAL_MS, PING_INTERVAL_MS, type Probe, probeEnds } from './probe-plan.js';
import { type ProbeRecorder, startProbes } from './probes.js';
import {
  judge,
  type PhaseSummary,
  type ProbeResult,
  type ProbeWindow,
  type ScenarioResult,
  summarize,
} from './result.js';
import { groupName, type Scenario, targetName } from './scenarios.js';

export interface RunOptions {
  /** Longest a fault (and then its undoing) is held while waiting for the probes to recover. @default 15 000 */
  holdMaxMs?: number;
  /** Shortest hold. @default 2 000 */
  holdMinMs?: number;
  /** How long to wait for verify to be green after each scenario. @default 120 */
  convergeSeconds?: number;
  progress?: (line: string) => void;
}

export interface RunContext extends FaultContext {
  site: FrozenSite;
  /** Every site the lab runs, `site` among them (a lab of several sites: verify's shared internet). */
  labSites: readonly FrozenSite[];
  probes: Probe[];
  /** The data services' passwords the Redis probes AUTH with, by `<tenant>/<service>`. */
  passwords?: Readonly<Record<string, string>>;
}

/**
 * The probes of a scenario: the data services' only where the data tier's budget judges it — its
 * members' scenarios, and an HAProxy's as a member of the pair holding the data VIPs (`--group
 * <tenant>-data-vips`; as a member of the L7 pair it is held to the HTTP path's budget). Another
 * failure that costs a data service a promotion (a hypervisor with its primary) is budgeted by
 * its own kind, which leaves the promotion to the data service's budget by design
 * (compile/budgets.ts), so its probes there would be judged against the wrong budget.
 *
 * A data member's crash (one daemon killed in one VM) touches no link and no route: it runs the
 * data probes alone. The fabric's pings (some 30 at 100 a second, through the lab's userspace
 * datapath) loaded the 2-vCPU lab so much that the PostgreSQL probes' connections timed out for
 * seconds whatever member crashed, the primary's path as well on a replica's crash
 * (docs/failover.md, "The data tier").
 */
export function probesOf(s: Scenario, probes: readonly Probe[]): Probe[] {
  if (s.target.kind !== 'device') return probes.filter((p) => p.kind !== 'data');
  if (s.target.groupKind === 'data-members' && s.fault === 'crash')
    return probes.filter((p) => p.kind === 'data');
  const data = s.target.groupKind === 'data-members' || s.budget.kind === 'data-vip';
  return probes.filter((p) => p.kind !== 'data' || data);
}

/** Set by the signal handlers: the loop stops at the next step, and the faults are undone. */
export const interruption = { requested: false };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until every watched probe has answered everything for `quietMs` (min..max after `since`). */
async function holdUntilQuiet(
  probes: ProbeRecorder[],
  since: number,
  min: number,
  max: number,
): Promise<void> {
  const quietMs = 1000;
  while (!interruption.requested) {
    const now = Date.now();
    if (now - since >= max) return;
    // the last 1.1 s may still change: a ping reply on its way, an HTTP request before its 1 s timeout
    const settled = now - 1100;
    if (now - since >= min && probes.every((p) => healthySince(p.samples(), settled, quietMs))) return;
    await sleep(100);
  }
}

function probeWindow(samples: readonly Sample[], from: number, to: number, interval: number): ProbeWindow {
  return { ...measureWindow(samples, from, to, interval), failures: failureKinds(samples, from, to) };
}

function intervalOf(p: ProbeRecorder): number {
  return actualInterval(p.samples(), p.probe.kind === 'ping' ? PING_INTERVAL_MS : HTTP_INTERVAL_MS);
}

/** A scenario measured, and the send times of each AMQP probe's confirmed publishes (`consumed.ts`). */
interface Measured {
  result: ScenarioResult;
  confirmed: Map<string, number[]>;
}

/** Runs one scenario; the fault is undone whatever happens. */
export async function runScenario(s: Scenario, ctx: RunContext, options: RunOptions): Promise<Measured> {
  const holdMax = options.holdMaxMs ?? 15_000;
  const holdMin = options.holdMinMs ?? 2_000;
  const fallen = s.target.kind === 'device' ? s.target.fallen : [];
  const set = startProbes(probesOf(s, ctx.probes), ctx.netnsOf, ctx.passwords);
  const running = set.recorders;
  const near = s.target.kind === 'device' ? [s.target.device] : s.target.ends.map((e) => e.device);
  const watcher = new EventWatcher(
    ctx.lab,
    ctx.site,
    frrNeighbours(ctx.site, near, fallen),
    ctx.netnsOf,
    ctx.nodeOf,
  );
  const problems: string[] = [];
  let injected = '';
  let injectedAt = 0;
  let restoredAt = 0;
  let undone = false;
  try {
    const started = Date.now();
    await holdUntilQuiet(running, started, 1500, 6000);
    const dead = running.filter((p) => !healthySince(p.samples(), Date.now() - 1100, 1000));
    for (const p of dead)
      problems.push(
        `probe ${p.probe.id} did not answer before the fault${p.errors.length ? `: ${p.errors[0]}` : ''}`,
      );
    watcher.start();
    await sleep(400); // a first reading of the control plane before the fault
    const measured = running.filter(
      (p) => !dead.includes(p) && !probeEnds(p.probe).some((d) => fallen.includes(d)),
    );
    injectedAt = Date.now();
    try {
      injected = await injectFault(s, ctx);
      options.progress?.(`  ${s.id}: fault in place: ${injected}`);
      await holdUntilQuiet(measured, injectedAt, holdMin, holdMax);
    } finally {
      restoredAt = Date.now();
      const left = await undoEntry(s.id, ctx);
      undone = !left.length;
      problems.push(...left.map((l) => `not undone: ${l}`));
    }
    await holdUntilQuiet(
      running.filter((p) => !dead.includes(p)),
      restoredAt,
      holdMin,
      holdMax + 10_000,
    );
  } catch (e) {
    problems.push((e as Error).message);
  } finally {
    await watcher.stop();
    await set.stop();
  }
  // the last second before the stop is cut off: its replies (and HTTP timeouts) were still due
  const endedAt = Date.now() - 1100;
  const probes: ProbeResult[] = running.map((p) => {
    const samples = p.samples().filter((x) => x.at < endedAt);
    const interval = intervalOf(p);
    return {
      probe: p.probe.id,
      kind: p.probe.kind,
      excluded: probeEnds(p.probe).some((d) => fallen.includes(d)),
      failover: probeWindow(samples, injectedAt || endedAt, restoredAt || endedAt, interval),
      failback: probeWindow(samples, restoredAt || endedAt, endedAt, interval),
    };
  });
  const events = watcher.events.map((e: ControlEvent) => ({ ...e, atMs: Math.round(e.at - injectedAt) }));
  const confirmed = new Map(
    running
      .filter((p) => p.probe.kind === 'data' && p.probe.protocol === 'rabbitmq')
      .map((p) => [p.probe.id, p.samples().flatMap((x) => (x.ok && x.at < endedAt ? [x.at] : []))]),
  );
  const result: ScenarioResult = {
    id: s.id,
    target: targetName(s),
    group: groupName(s),
    fault: s.fault,
    budget: s.budget,
    ...(s.whatif ? { whatif: s.whatif } : {}),
    injected,
    injectedAt: new Date(injectedAt || endedAt).toISOString(),
    heldMs: restoredAt - injectedAt,
    undone,
    failover: summarize(probes, 'failover'),
    failback: summarize(probes, 'failback'),
    probes,
    events,
    converged: false,
    convergeMs: 0,
    problems,
    verdict: 'fail',
    reasons: [],
  };
  return { result, confirmed };
}

/**
 * Waits for verify to be green; then, once it is, for the workers of each AMQP probe's queue to
 * have written every publish it confirmed; fills in the scenario's convergence and verdict.
 */
async function settle({ result, confirmed }: Measured, ctx: RunContext, options: RunOptions): Promise<void> {
  const started = Date.now();
  const down = interruption.requested
    ? ['interrupted']
    : await waitConverged(ctx.site, ctx.lab, options.convergeSeconds ?? 120, () => {}, ctx.labSites);
  result.converged = !down.length;
  result.convergeMs = Date.now() - started;
  if (down.length)
    result.problems.push(`verify not green after the scenario: ${down.slice(0, 3).join('; ')}`);
  if (result.converged) await checkConsumed(result, confirmed, ctx);
  judge(result);
}

/** The workers' side of each AMQP probe whose queue has workers (src/failover/consumed.ts). */
async function checkConsumed(
  result: ScenarioResult,
  confirmed: ReadonlyMap<string, number[]>,
  ctx: RunContext,
): Promise<void> {
  const injectedAt = Date.parse(result.injectedAt);
  const nodeOf = ctx.nodeOf ?? ((d: string) => d);
  for (const probe of ctx.probes) {
    const sent = confirmed.get(probe.id);
    const workers = probe.kind === 'data' ? consumersOf(ctx.site, probe) : [];
    if (!sent?.length || !workers.length) continue;
    const check = await awaitConsumed(ctx.lab, nodeOf, probe.id, workers, sent, injectedAt);
    result.consumed = [...(result.consumed ?? []), check];
    result.problems.push(...check.unread.map((u) => `worker's record not read: ${u}`));
  }
}

export interface RunOutcome {
  results: ScenarioResult[];
  /** Scenarios not run (interrupted, or the lab did not converge after one). */
  notRun: string[];
  interrupted: boolean;
}

export async function runFailover(
  scenarios: Scenario[],
  ctx: RunContext,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const say = options.progress ?? (() => {});
  const results: ScenarioResult[] = [];
  const notRun: string[] = [];
  try {
    await addProbeSources(ctx, ctx.probes);
    await loop(scenarios, ctx, options, results, notRun);
  } finally {
    for (const left of await removeProbeSources(ctx)) say(`not undone: ${left}`);
  }
  return { results, notRun, interrupted: interruption.requested };
}

async function loop(
  scenarios: Scenario[],
  ctx: RunContext,
  options: RunOptions,
  results: ScenarioResult[],
  notRun: string[],
): Promise<void> {
  const say = options.progress ?? (() => {});
  for (const [i, s] of scenarios.entries()) {
    const last = results[results.length - 1];
    if (interruption.requested || (last && !last.converged)) {
      notRun.push(s.id);
      continue;
    }
    say(
      `[${i + 1}/${scenarios.length}] ${s.id}: injecting (${s.budget.label}, budget ${budgetText(s.budget)})`,
    );
    const measured = await runScenario(s, ctx, options);
    const r = measured.result;
    say(
      `[${i + 1}/${scenarios.length}] ${s.id}: ${phaseLine(r.failover)} ; failback ${phaseLine(r.failback)} ; waiting for verify`,
    );
    await settle(measured, ctx, options);
    for (const c of r.consumed ?? [])
      say(
        `[${i + 1}/${scenarios.length}] ${s.id}: ${c.workers.join(', ')} wrote ${c.consumed} of the ${c.confirmed} publishes ${c.probe} had confirmed${c.lost ? ` (${c.lost} lost)` : ''}`,
      );
    say(
      `[${i + 1}/${scenarios.length}] ${s.id}: ${r.verdict.toUpperCase()}${r.reasons.length ? ` (${r.reasons.join('; ')})` : ''}, verify green after ${(r.convergeMs / 1000).toFixed(1)} s`,
    );
    results.push(r);
  }
}

function phaseLine(p: PhaseSummary): string {
  return `outage ${p.maxOutageMs} ms${p.worstProbe ? ` (${p.worstProbe})` : ''}, ${p.lostPings} pings lost, ${p.failedRequests} requests failed${p.requestErrors.length ? ` (${p.requestErrors.join(', ')})` : ''}`;
}
