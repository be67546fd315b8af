/** A scenario's result, its summary per phase, and the verdict against its budget. */
import type { Budget } from './budgets.js';
import type { ConsumedCheck } from './consumed.js';
import type { ControlEvent } from './events.js';
import type { FailureKind, WindowMeasure } from './measure.js';
import type { WhatifPrediction } from './prediction.js';
import type { FaultKind } from './scenarios.js';

export interface ProbeResult {
  probe: string;
  /** `http` and `data` probes send requests (HTTP, data commands), each answered or failed. */
  kind: 'ping' | 'http' | 'data';
  /** An end of the probe failed with the target (itself, a VM on a failed hypervisor): not the fabric's outage. */
  excluded: boolean;
  failover: ProbeWindow;
  failback: ProbeWindow;
}

/** A probe's measure in one phase, with what its failures said (`timeout`, `HTTP 503`…). */
export interface ProbeWindow extends WindowMeasure {
  failures: FailureKind[];
}

export interface PhaseSummary {
  /** Longest outage of any probe that counts, ms. */
  maxOutageMs: number;
  /** Longest outage of the ping probes that count, ms (what a fabric budget holds). */
  maxPingOutageMs: number;
  worstProbe: string | undefined;
  /** Most time lost by one probe that counts (the time its failed samples stand for), ms. */
  maxLostMs: number;
  /** The same, of the ping probes. */
  maxPingLostMs: number;
  /** The probe that lost most, when any lost. */
  mostLostProbe: string | undefined;
  lostPings: number;
  failedRequests: number;
  /** What the failed requests said, most frequent first: `timeout ×2`, `HTTP 503`. */
  requestErrors: string[];
  /** Probes (that count) still failing when the phase ended. */
  unrecovered: string[];
}

export interface ScenarioResult {
  id: string;
  target: string;
  group: string;
  fault: FaultKind;
  budget: Budget;
  /** `fabric whatif`'s verdict on the same failure, when known. */
  whatif?: WhatifPrediction;
  /** What was done, e.g. `spine1 eth1,eth2 down`. */
  injected: string;
  injectedAt: string;
  /** How long the fault was held, ms. */
  heldMs: number;
  undone: boolean;
  failover: PhaseSummary;
  failback: PhaseSummary;
  probes: ProbeResult[];
  /** Control-plane transitions, `atMs` after the injection (negative: before). */
  events: (ControlEvent & { atMs: number })[];
  converged: boolean;
  /** Time until every verify check passed again after the scenario, ms. */
  convergeMs: number;
  /**
   * Per AMQP probe whose queue has workers: what they wrote of the publishes it had confirmed,
   * read once verify was green (src/failover/consumed.ts).
   */
  consumed?: ConsumedCheck[];
  problems: string[];
  verdict: 'pass' | 'fail';
  /** Why it failed. */
  reasons: string[];
}

export function summarize(probes: readonly ProbeResult[], phase: 'failover' | 'failback'): PhaseSummary {
  // a probe from or to a device that fell with the target measures that device's own restart
  // (ping backs off while its sends fail), not the fabric: shown per probe, not counted
  const counted = probes.filter((p) => !p.excluded);
  let worst: ProbeResult | undefined;
  for (const p of counted) if (!worst || p[phase].longestOutageMs > worst[phase].longestOutageMs) worst = p;
  const max = worst?.[phase].longestOutageMs ?? 0;
  const pings = counted.filter((p) => p.kind === 'ping').map((p) => p[phase].longestOutageMs);
  let mostLost: ProbeResult | undefined;
  for (const p of counted) if (!mostLost || p[phase].lostMs > mostLost[phase].lostMs) mostLost = p;
  const pingLost = counted.filter((p) => p.kind === 'ping').map((p) => p[phase].lostMs);
  return {
    maxOutageMs: Math.round(max),
    maxPingOutageMs: Math.round(Math.max(0, ...pings)),
    worstProbe: max > 0 ? worst?.probe : undefined,
    maxLostMs: mostLost?.[phase].lostMs ?? 0,
    maxPingLostMs: Math.max(0, ...pingLost),
    mostLostProbe: mostLost?.[phase].lostMs ? mostLost.probe : undefined,
    lostPings: counted.filter((p) => p.kind === 'ping').reduce((n, p) => n + p[phase].failed, 0),
    failedRequests: counted.filter((p) => p.kind !== 'ping').reduce((n, p) => n + p[phase].failed, 0),
    requestErrors: requestErrors(counted.filter((p) => p.kind !== 'ping').flatMap((p) => p[phase].failures)),
    unrecovered: counted.filter((p) => !p[phase].recovered).map((p) => p.probe),
  };
}

function requestErrors(failures: readonly FailureKind[]): string[] {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f.error, (counts.get(f.error) ?? 0) + f.count);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([error, n]) => (n > 1 ? `${error} ×${n}` : error));
}

/**
 * Pass: both phases within the budget, the fault undone, everything recovered, verify green.
 * A budget in ms bounds the longest outage and the time lost (what the failed samples stand
 * for) of every probe it holds: a partial loss keeps the longest gap short and fails many requests.
 */
export function judge(r: ScenarioResult): void {
  const reasons: string[] = [];
  const b = r.budget;
  for (const phase of ['failover', 'failback'] as const) {
    const p = r[phase];
    const ofPings = b.outageOf === 'pings';
    const outage = ofPings ? p.maxPingOutageMs : p.maxOutageMs;
    const lost = ofPings ? p.maxPingLostMs : p.maxLostMs;
    const of = ofPings ? ' of pings' : '';
    if (b.maxOutageMs !== null && outage > b.maxOutageMs)
      reasons.push(`${phase} ${outage} ms${of} > ${b.maxOutageMs} ms`);
    else if (b.maxOutageMs !== null && lost > b.maxOutageMs)
      reasons.push(
        `${phase} ${lost} ms lost${of} (the time its failed samples stand for) > ${b.maxOutageMs} ms`,
      );
    if (b.maxFailedRequests !== undefined && p.failedRequests > b.maxFailedRequests)
      reasons.push(`${phase} ${p.failedRequests} failed requests > ${b.maxFailedRequests}`);
    if (p.unrecovered.length) reasons.push(`${phase}: ${p.unrecovered.length} probe(s) never recovered`);
  }
  for (const c of r.consumed ?? [])
    if (c.lost)
      reasons.push(
        `${c.lost} of ${c.confirmed} publishes ${c.probe} had confirmed never reached a worker (${c.workers.join(', ')})`,
      );
  if (!r.undone) reasons.push('the fault was not undone');
  if (!r.converged) reasons.push('verify not green after it');
  if (!r.injected) reasons.push('no fault was injected');
  r.reasons = reasons;
  r.verdict = reasons.length ? 'fail' : 'pass';
}
