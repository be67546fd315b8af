/**
 * The last measured failover, from a file `fabric lab failover --json` wrote: read and checked
 * here (it is user input), shown next to the model's worst case and the budget.
 */
import type { FrozenSite } from '../pipeline.js';
import { mdTable } from './markdown.js';

export interface MeasuredScenario {
  id: string;
  group: string;
  fault: string;
  injected: string;
  /** The limits it was judged by: `350 ms`, `0 failed requests`, `none`. */
  budget: string;
  /** The outage the budget holds, per phase: `412 ms`, or `180 ms of pings` for a fabric budget. */
  failover: string;
  failback: string;
  lostPings: number;
  failedRequests: number;
  verdict: string;
  reasons: string[];
}

export interface FailoverMeasurement {
  site: string;
  lab: string;
  interrupted: boolean;
  notRun: string[];
  scenarios: MeasuredScenario[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

const numOrNull = (v: unknown): v is number | null => v === null || num(v);

/** The budget's limits in words, as `fabric lab failover` judged them (src/failover/budgets.ts). */
function budgetText(budget: Record<string, unknown>): string {
  const parts = [
    ...(num(budget.maxOutageMs) ? [`${budget.maxOutageMs} ms`] : []),
    ...(num(budget.maxFailedRequests) ? [`${budget.maxFailedRequests} failed requests`] : []),
  ];
  return parts.join(', ') || 'none';
}

/** The outage a phase is judged by: a fabric budget holds the pings' outage, any other every probe's. */
function outageText(phase: Record<string, unknown>, ofPings: boolean): string {
  return ofPings && num(phase.maxPingOutageMs)
    ? `${phase.maxPingOutageMs} ms of pings`
    : `${phase.maxOutageMs} ms`;
}

function scenarioOf(v: unknown, i: number): MeasuredScenario | string {
  const where = `scenarios[${i}]`;
  if (!isObject(v)) return `${where} is not an object`;
  const { id, group, fault, injected, budget, failover, failback, verdict, reasons } = v;
  if (!str(id) || !str(group) || !str(verdict)) return `${where} needs "id", "group" and "verdict" strings`;
  // null: a budget in failed requests only (an app server) or no budget in the model
  if (!isObject(budget) || !numOrNull(budget.maxOutageMs))
    return `${where}.budget.maxOutageMs is not a number or null`;
  for (const [k, p] of [
    ['failover', failover],
    ['failback', failback],
  ] as const)
    if (!isObject(p) || !num(p.maxOutageMs) || !num(p.lostPings) || !num(p.failedRequests))
      return `${where}.${k} needs maxOutageMs, lostPings and failedRequests numbers`;
  const fo = failover as Record<string, number>;
  const fb = failback as Record<string, number>;
  const ofPings = budget.outageOf === 'pings';
  return {
    id,
    group,
    fault: str(fault) ? fault : '-',
    injected: str(injected) ? injected : '-',
    budget: budgetText(budget),
    failover: outageText(fo, ofPings),
    failback: outageText(fb, ofPings),
    lostPings: fo.lostPings! + fb.lostPings!,
    failedRequests: fo.failedRequests! + fb.failedRequests!,
    verdict,
    reasons: Array.isArray(reasons) ? reasons.filter(str) : [],
  };
}

/**
 * The measurement in `text` (the JSON of `fabric lab failover --json`), or why it cannot be used,
 * in words that name the file's part at fault.
 */
export function parseFailoverReport(text: string): FailoverMeasurement | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message}); give the output of fabric lab failover --json` };
  }
  if (!isObject(doc) || !str(doc.site) || !Array.isArray(doc.scenarios))
    return {
      error:
        'not a failover report: expected {"site", "scenarios": [...]} as fabric lab failover --json prints',
    };
  const scenarios: MeasuredScenario[] = [];
  for (const [i, s] of doc.scenarios.entries()) {
    const parsed = scenarioOf(s, i);
    if (typeof parsed === 'string') return { error: parsed };
    scenarios.push(parsed);
  }
  return {
    site: doc.site,
    lab: str(doc.lab) ? doc.lab : doc.site,
    interrupted: doc.interrupted === true,
    notRun: Array.isArray(doc.notRun) ? doc.notRun.filter(str) : [],
    scenarios,
  };
}

export function failoverTable(site: FrozenSite, m: FailoverMeasurement): string {
  const worst = new Map<string, number>();
  for (const b of site.budgets)
    if (b.group && b.budgetMs !== null)
      worst.set(b.group, Math.max(worst.get(b.group) ?? 0, b.expectedOutageMs));
  const table = mdTable(
    [
      'scenario',
      'group',
      'fault',
      'model worst case',
      'budget',
      'failover',
      'failback',
      'lost pings / failed requests',
      'result',
    ],
    m.scenarios.map((s) => [
      s.id,
      s.group,
      s.fault,
      worst.has(s.group) ? `${worst.get(s.group)} ms` : null,
      s.budget,
      s.failover,
      s.failback,
      `${s.lostPings} / ${s.failedRequests}`,
      s.verdict === 'pass'
        ? 'pass'
        : `**${s.verdict.toUpperCase()}**${s.reasons.length ? `: ${s.reasons.join('; ')}` : ''}`,
    ]),
  );
  const notes = [
    ...(m.interrupted ? ['The run was interrupted.'] : []),
    ...(m.notRun.length ? [`Not run: ${m.notRun.join(', ')}.`] : []),
  ];
  return [table, ...notes].join('\n\n');
}
