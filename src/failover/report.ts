/**
 * `lab failover` output: a text table, JSON, and JUnit (one test case per scenario); and of
 * `--list`, the scenarios before any is run: a text table and JSON.
 */
import { junitXml } from '../report/junit.js';
import { table } from '../report/table.js';
import { type Budget, budgetText, predictedText } from './budgets.js';
import type { WhatifPrediction } from './prediction.js';
import type { ScenarioResult } from './result.js';
import type { RunOutcome } from './run.js';
import { type FaultKind, groupName, type Scenario, targetName } from './scenarios.js';

/** `--list`: one line per scenario, with its budget, the prediction and where the budget is set. */
export function scenarioListText(scenarios: readonly Scenario[]): string {
  return `${table(
    ['SCENARIO', 'GROUP', 'FAULT', 'BUDGET', 'PREDICTED', 'WHATIF', 'BUDGET OF', 'SET AT'],
    scenarios.map((s) => [
      s.id,
      groupName(s),
      s.fault === 'crash' && s.target.kind === 'device' ? `crash ${s.target.crash?.daemon}` : s.fault,
      budgetText(s.budget),
      predictedText(s.budget),
      s.whatif?.verdict ?? '-',
      s.budget.label,
      s.budget.location ? `${s.budget.source} (${s.budget.location})` : s.budget.source,
    ]),
  )}\n`;
}

/** One scenario of `--list --json`: the fields a run's result has for it, before it is run. */
export interface ListedScenario {
  /** `spine1/cut`, `leaf1a:eth1--spine1:eth11/silent`: what `--only` and the results call it. */
  id: string;
  /** The device, or the cable `a-dev:if--b-dev:if`. */
  target: string;
  /** Its redundancy group (`spine-plane`, `app:<backend>`), or `cables`. */
  group: string;
  fault: FaultKind;
  /** The daemon a `crash` kills; null for `cut` and `silent`. */
  daemon: string | null;
  budget: Budget;
  /** `fabric whatif`'s verdict on the same failure; null when whatif cannot name it. */
  whatif: WhatifPrediction | null;
}

/** `--list --json`: the site and its scenarios in `--list`'s order; the lab is not touched. */
export function scenarioListJson(
  site: string,
  scenarios: readonly Scenario[],
): { site: string; scenarios: ListedScenario[] } {
  return {
    site,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      target: targetName(s),
      group: groupName(s),
      fault: s.fault,
      daemon: s.fault === 'crash' && s.target.kind === 'device' ? (s.target.crash?.daemon ?? null) : null,
      budget: s.budget,
      whatif: s.whatif ?? null,
    })),
  };
}

export interface FailoverReport extends RunOutcome {
  site: string;
  lab: string;
  /** Probes per scenario, by kind. */
  /** The probes derived for the run; the Redis ones run in the data services' scenarios only. */
  probes: { ping: number; http: number; data: number };
  seconds: number;
}

function firstEvents(r: ScenarioResult, n = 3): string {
  const shown = r.events
    .filter((e) => e.atMs >= 0)
    .slice(0, n)
    .map((e) => `${e.device} ${e.kind} ${e.what} ${e.from}→${e.to} @${e.atMs}ms`);
  const more = r.events.filter((e) => e.atMs >= 0).length - shown.length;
  return shown.join('; ') + (more > 0 ? `; +${more}` : '') || '-';
}

/** Each budget the scenarios used, once: what it covers, where it is set, what the model predicts. */
function budgetLines(results: readonly ScenarioResult[]): string[] {
  const seen = new Map<string, Budget>();
  for (const r of results) if (!seen.has(r.budget.label)) seen.set(r.budget.label, r.budget);
  return [...seen.values()].map(
    (b) =>
      `budget ${b.label}: ${budgetText(b)}, ${b.source === 'default' ? 'the default' : b.source}` +
      `${b.location ? ` at ${b.location}` : ''}; the model predicts ${predictedText(b)}`,
  );
}

export function failoverText(report: FailoverReport): string {
  const rows = report.results.map((r) => [
    r.verdict.toUpperCase(),
    r.id,
    r.group,
    r.whatif?.verdict ?? '-',
    predictedText(r.budget),
    budgetText(r.budget),
    `${r.failover.maxOutageMs} ms`,
    `${r.failover.lostPings}/${r.failover.failedRequests}`,
    `${r.failback.maxOutageMs} ms`,
    `${r.failback.lostPings}/${r.failback.failedRequests}`,
    `${(r.convergeMs / 1000).toFixed(1)} s`,
    firstEvents(r),
  ]);
  const lines = [
    table(
      [
        'RESULT',
        'SCENARIO',
        'GROUP',
        'WHATIF',
        'PREDICTED',
        'BUDGET',
        'FAILOVER',
        'LOST/FAILED',
        'FAILBACK',
        'LOST/FAILED',
        'VERIFY',
        'EVENTS',
      ],
      rows,
    ),
    '',
    ...budgetLines(report.results),
  ];
  for (const r of report.results.filter((x) => x.verdict === 'fail'))
    lines.push(
      `FAIL ${r.id}: ${r.reasons.join('; ')}${r.problems.length ? ` [${r.problems.join('; ')}]` : ''}`,
    );
  if (report.notRun.length) lines.push(`not run: ${report.notRun.join(', ')}`);
  const failed = report.results.filter((r) => r.verdict === 'fail').length;
  lines.push(
    `failover ${report.site} (lab ${report.lab}): ${report.results.length} scenarios, ${report.results.length - failed} within budget, ${failed} over` +
      `${report.interrupted ? ', interrupted' : ''} (${report.probes.ping} ping + ${report.probes.http} HTTP${report.probes.data ? ` + ${report.probes.data} data` : ''} probes, ${report.seconds.toFixed(0)} s)`,
  );
  return `${lines.join('\n')}\n`;
}

export function failoverJson(report: FailoverReport): unknown {
  return {
    ok: report.results.every((r) => r.verdict === 'pass') && !report.notRun.length,
    site: report.site,
    lab: report.lab,
    seconds: Math.round(report.seconds * 10) / 10,
    probes: report.probes,
    interrupted: report.interrupted,
    notRun: report.notRun,
    scenarios: report.results,
  };
}

export function failoverJunit(report: FailoverReport): string {
  const groups = new Map<string, ScenarioResult[]>();
  for (const r of report.results) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return junitXml(`failover ${report.site}`, [
    ...[...groups].map(([name, results]) => ({
      name,
      cases: results.map((r) => ({
        name: r.id,
        classname: `failover.${report.site}.${name}`,
        ok: r.verdict === 'pass',
        message: `${r.reasons.join('; ')} (failover ${r.failover.maxOutageMs} ms, failback ${r.failback.maxOutageMs} ms, budget ${budgetText(r.budget)}, predicted ${predictedText(r.budget)})`,
        seconds: (r.heldMs + r.convergeMs) / 1000,
      })),
    })),
    ...(report.notRun.length
      ? [
          {
            name: 'not run',
            cases: report.notRun.map((id) => ({
              name: id,
              classname: `failover.${report.site}.not-run`,
              ok: false,
              message: report.interrupted
                ? 'interrupted'
                : 'the lab did not converge after the previous scenario',
              seconds: 0,
            })),
          },
        ]
      : []),
  ]);
}
