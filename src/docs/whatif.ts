/** The `whatif` verdict of every single failure, as a README table (src/whatif/ decides it). */
import type { WhatifReport } from '../whatif/types.js';
import { mdTable } from './markdown.js';

export function whatifSummaryLine(report: WhatifReport): string {
  const c = { survives: 0, degraded: 0, breaks: 0 };
  for (const r of report.results) c[r.verdict]++;
  const spofs = report.singlePointsOfFailure;
  return (
    `${report.results.length} single failures: ${c.survives} survive, ${c.degraded} degraded, ${c.breaks} break a service.` +
    (spofs.length ? ` Single points of failure: ${spofs.map((s) => `\`${s}\``).join(', ')}.` : '')
  );
}

export function whatifTable(report: WhatifReport): string {
  return mdTable(
    ['failure', 'kind', 'verdict', 'what it costs'],
    report.results.map((r) => [
      r.scenario.name,
      r.scenario.kind,
      r.verdict === 'breaks' ? '**breaks**' : r.verdict,
      r.impacts.map((i) => `${i.service}: ${i.detail}`).join('\n') || null,
    ]),
  );
}
