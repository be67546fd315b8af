/** `lab failover` output: a text table, JSON, and JUnit (one test case per scenario). */
import { junitXml } from '../report/junit.js';
import { table } from '../report/table.js';
import type { ScenarioResult } from './result.js';
import type { RunOutcome } from './run.js';

export interface FailoverReport extends RunOutcome {
  site: string;
  lab: string;
  /** Probes per scenario, by kind. */
  probes: { ping: number; http: number };
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

export function failoverText(report: FailoverReport): string {
  const rows = report.results.map((r) => [
    r.verdict.toUpperCase(),
    r.id,
    r.group,
    `${r.budget.maxOutageMs} ms${r.budget.maxFailedRequests !== undefined ? `, ${r.budget.maxFailedRequests} req` : ''}`,
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
  ];
  for (const r of report.results.filter((x) => x.verdict === 'fail'))
    lines.push(
      `FAIL ${r.id}: ${r.reasons.join('; ')}${r.problems.length ? ` [${r.problems.join('; ')}]` : ''}`,
    );
  if (report.notRun.length) lines.push(`not run: ${report.notRun.join(', ')}`);
  const failed = report.results.filter((r) => r.verdict === 'fail').length;
  lines.push(
    `failover ${report.site} (lab ${report.lab}): ${report.results.length} scenarios, ${report.results.length - failed} within budget, ${failed} over` +
      `${report.interrupted ? ', interrupted' : ''} (${report.probes.ping} ping + ${report.probes.http} HTTP probes, ${report.seconds.toFixed(0)} s)`,
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
        message: `${r.reasons.join('; ')} (failover ${r.failover.maxOutageMs} ms, failback ${r.failback.maxOutageMs} ms, budget ${r.budget.maxOutageMs} ms)`,
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
