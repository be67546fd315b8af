/**
 * What traffic saw during a push, wave by wave (`fabric push --probe-lab`): the samples of the
 * failover probes (src/failover/probes.ts) cut into one window per wave — from the start of the
 * wave's staging to the start of the next wave (the last one to the end of the push and a
 * moment after) — and judged against the fabric's budget. Pure: samples and times in, numbers
 * out. A run of failures belongs to the wave in which it started (failover/measure.ts).
 */
import {
  actualInterval,
  type FailureKind,
  failureKinds,
  measureWindow,
  type Sample,
  type WindowMeasure,
} from '../failover/measure.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import type { ProbesReport, PushReport } from './report.js';

/** What a push may cost the traffic through the fabric. */
export interface TrafficBudget {
  /** Longest outage, and the lost pings' time, any ping probe may see in one wave, ms (the fabric budget). */
  pingLossMs: number;
  /** HTTP requests that may fail in one wave: none (issue 10: a push loses no request). */
  failedRequests: number;
}

/** The fabric budget of the site (a fabric node or cable: BFD × multiplier + routing reaction). */
export function trafficBudget(site: DeepReadonly<SiteModel>, fallbackMs = 350): TrafficBudget {
  const fabric = site.budgets.find((b) => b.kind === 'fabric-node' || b.kind === 'fabric-cable');
  return { pingLossMs: fabric?.budgetMs ?? fallbackMs, failedRequests: 0 };
}

/** The samples one probe took, with what it is. */
export interface ProbeSamples {
  id: string;
  /** `http` and `data` probes send requests (HTTP, data commands), each answered or failed. */
  kind: 'ping' | 'http' | 'data';
  /** Nominal interval, ms (the actual one is measured from the samples). */
  intervalMs: number;
  samples: readonly Sample[];
}

export interface ProbeInWave {
  probe: string;
  kind: 'ping' | 'http' | 'data';
  sent: number;
  failed: number;
  longestOutageMs: number;
  /** Time the lost pings stand for (lost × the probe's interval), ms; 0 for HTTP. */
  lostMs: number;
  recovered: boolean;
  /**
   * Longest time between two samples the probe sent in the wave, ms: far above its interval, the
   * probe itself was held up (a starved CPU), and so may be its verdict on a request.
   */
  longestSendGapMs: number;
  /** What the failures were and when, ms after the wave started (`timeout` at 2,100–2,750 ms). */
  failures: FailureKind[];
}

/** One wave as the probes saw it. */
export interface WaveTraffic {
  /** Longest outage of any probe in the wave, ms, and which probe. */
  longestOutageMs: number;
  worstProbe: string | null;
  sentPings: number;
  lostPings: number;
  /** The most time any one ping probe lost in the wave (lost pings × its interval), ms. */
  lostPingMs: number;
  sentRequests: number;
  failedRequests: number;
  /** Probes still failing when the wave's window ended. */
  unrecovered: string[];
  withinBudget: boolean;
  /** Why not, one clause each. */
  reasons: string[];
  /** Only the probes that saw a failure in the wave (--json). */
  probes: ProbeInWave[];
}

/** The window of a wave: epoch ms, [from, to). */
export interface WaveWindow {
  index: number;
  from: number;
  to: number;
}

export function measureWave(
  probes: readonly ProbeSamples[],
  window: WaveWindow,
  budget: TrafficBudget,
): WaveTraffic {
  const seen: ProbeInWave[] = probes.map((p) => {
    const interval = actualInterval(p.samples, p.intervalMs);
    const m: WindowMeasure = measureWindow(p.samples, window.from, window.to, interval);
    return {
      probe: p.id,
      kind: p.kind,
      sent: m.sent,
      failed: m.failed,
      longestOutageMs: Math.round(m.longestOutageMs),
      lostMs: p.kind === 'ping' ? Math.round(m.failed * interval) : 0,
      recovered: m.recovered,
      longestSendGapMs: longestGap(p.samples, window),
      failures: failureKinds(p.samples, window.from, window.to),
    };
  });
  const pings = seen.filter((p) => p.kind === 'ping');
  const http = seen.filter((p) => p.kind !== 'ping');
  const worst = seen.reduce<ProbeInWave | null>(
    (w, p) => (p.longestOutageMs > (w?.longestOutageMs ?? 0) ? p : w),
    null,
  );
  const sum = (list: ProbeInWave[], key: 'sent' | 'failed') => list.reduce((n, p) => n + p[key], 0);
  const traffic: WaveTraffic = {
    longestOutageMs: worst?.longestOutageMs ?? 0,
    worstProbe: worst?.probe ?? null,
    sentPings: sum(pings, 'sent'),
    lostPings: sum(pings, 'failed'),
    lostPingMs: Math.max(0, ...pings.map((p) => p.lostMs)),
    sentRequests: sum(http, 'sent'),
    failedRequests: sum(http, 'failed'),
    unrecovered: seen.filter((p) => !p.recovered).map((p) => p.probe),
    withinBudget: true,
    reasons: [],
    probes: seen.filter((p) => p.failed > 0 || !p.recovered),
  };
  traffic.reasons = judgeWave(traffic, pings, budget);
  traffic.withinBudget = traffic.reasons.length === 0;
  return traffic;
}

function longestGap(samples: readonly Sample[], window: WaveWindow): number {
  const at = samples
    .map((x) => x.at)
    .filter((t) => t >= window.from && t < window.to)
    .sort((a, b) => a - b);
  return Math.round(Math.max(0, ...at.slice(1).map((t, i) => t - at[i]!)));
}

function judgeWave(t: WaveTraffic, pings: ProbeInWave[], budget: TrafficBudget): string[] {
  const reasons: string[] = [];
  const longestPing = pings.reduce<ProbeInWave | null>(
    (w, p) => (p.longestOutageMs > (w?.longestOutageMs ?? 0) ? p : w),
    null,
  );
  if (longestPing && longestPing.longestOutageMs > budget.pingLossMs)
    reasons.push(
      `${longestPing.probe}: ${longestPing.longestOutageMs} ms without replies > ${budget.pingLossMs} ms`,
    );
  const mostLost = pings.reduce<ProbeInWave | null>((w, p) => (p.lostMs > (w?.lostMs ?? 0) ? p : w), null);
  if (mostLost && mostLost.lostMs > budget.pingLossMs && mostLost !== longestPing)
    reasons.push(`${mostLost.probe}: ${mostLost.lostMs} ms of pings lost > ${budget.pingLossMs} ms`);
  if (t.failedRequests > budget.failedRequests)
    reasons.push(`${t.failedRequests} HTTP request(s) failed > ${budget.failedRequests}`);
  if (t.unrecovered.length) reasons.push(`still failing at the end of the wave: ${t.unrecovered.join(', ')}`);
  return reasons;
}

/**
 * The windows of the waves from their start times: each until the next one starts, the last
 * until `end`. A wave that never started (the rollout stopped before it) has none.
 */
export function waveWindows(starts: ReadonlyMap<number, number>, end: number): WaveWindow[] {
  const ordered = [...starts].sort((a, b) => a[0] - b[0]);
  return ordered.map(([index, from], i) => ({ index, from, to: ordered[i + 1]?.[1] ?? end }));
}

/** What the probes of a push took, and when each wave started. */
export interface PushProbeRun {
  lab: string;
  budget: TrafficBudget;
  /** The probes that answered before the push: they are measured. */
  probes: readonly ProbeSamples[];
  notAnswering: string[];
  /** Wave index → when it started, epoch ms. */
  waveStarts: ReadonlyMap<number, number>;
  /** End of the last wave's window, epoch ms. */
  end: number;
  /** Problems of the probes themselves (a probe that could not start). */
  problems: string[];
}

/** The push report with each wave's traffic and the probes' verdict. */
export function withTraffic(report: PushReport, run: PushProbeRun): PushReport {
  const reasons = [...run.problems];
  for (const w of waveWindows(run.waveStarts, run.end)) {
    const wave = report.waves.find((x) => x.index === w.index);
    if (!wave) continue;
    wave.traffic = measureWave(run.probes, w, run.budget);
    reasons.push(...wave.traffic.reasons.map((r) => `wave ${w.index}: ${r}`));
  }
  if (!run.probes.length) reasons.push('no probe answered before the push: nothing was measured');
  const pings = run.probes.filter((p) => p.kind === 'ping').length;
  const probes: ProbesReport = {
    lab: run.lab,
    budget: run.budget,
    pings,
    requests: run.probes.length - pings,
    notAnswering: run.notAnswering,
    ok: reasons.length === 0,
    reasons,
  };
  return { ...report, probes };
}
