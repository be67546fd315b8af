/** `fabric whatif` output: a table of scenarios for people, Markdown for a wiki, one JSON document. */

import { plural } from '../util/plural.js';
import type { WhatifReport } from '../whatif/types.js';
import { table } from './table.js';
import { verdictCounts } from './verdicts.js';
import { singleSiteLine } from './whatif-sites.js';

/** One line: what was tried and how it went. */
export function whatifSummary(report: WhatifReport): string {
  const c = verdictCounts(report.results);
  const what =
    report.mode === 'n-1'
      ? plural(report.results.length, 'single failure')
      : `scenario ${report.results[0]?.scenario.name}`;
  return `${report.site}: ${what}: ${c.survives} survive, ${c.degraded} degraded, ${c.breaks} break a service`;
}

function spofLines(report: WhatifReport): string[] {
  return report.results
    .filter((r) => report.singlePointsOfFailure.includes(r.scenario.name))
    .map(
      (r) =>
        `${r.scenario.name}: ${r.impacts
          .filter((i) => i.severity === 'breaks')
          .map((i) => i.detail)
          .join('; ')}`,
    );
}

export function whatifText(report: WhatifReport): string {
  const rows: string[][] = [];
  for (const r of report.results) {
    const first = [r.scenario.name, r.scenario.kind, r.verdict];
    if (!r.impacts.length) rows.push([...first, '-']);
    for (const [n, i] of r.impacts.entries())
      rows.push([...(n ? ['', '', ''] : first), `${i.service}: ${i.detail}`]);
  }
  const lines = [table(['scenario', 'kind', 'verdict', 'what'], rows), '', whatifSummary(report)];
  const intact = report.brokenIntact ?? [];
  if (intact.length)
    lines.push(
      'broken with nothing failed (no failure is blamed for it):',
      ...intact.map((b) => `  ${b.service}: ${b.detail}`),
    );
  const spofs = spofLines(report);
  if (spofs.length) lines.push('single points of failure:', ...spofs.map((l) => `  ${l}`));
  const single = report.singleSiteServices ?? [];
  if (single.length)
    lines.push('services offered by this site only:', ...single.map((s) => `  ${singleSiteLine(s)}`));
  for (const n of report.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function whatifMarkdown(report: WhatifReport): string {
  const lines = [
    `# whatif ${report.site}`,
    '',
    '| scenario | kind | verdict | what |',
    '| --- | --- | --- | --- |',
    ...report.results.map(
      (r) =>
        `| ${cell(r.scenario.name)} | ${r.scenario.kind} | ${r.verdict} | ${
          r.impacts.map((i) => cell(`${i.service}: ${i.detail}`)).join('<br>') || '-'
        } |`,
    ),
    '',
    whatifSummary(report),
  ];
  const intact = report.brokenIntact ?? [];
  if (intact.length)
    lines.push(
      '',
      'Broken with nothing failed (no failure is blamed for it):',
      '',
      ...intact.map((b) => `- ${cell(`${b.service}: ${b.detail}`)}`),
    );
  const spofs = spofLines(report);
  if (spofs.length) lines.push('', 'Single points of failure:', '', ...spofs.map((l) => `- ${cell(l)}`));
  const single = report.singleSiteServices ?? [];
  if (single.length)
    lines.push(
      '',
      'Services offered by this site only:',
      '',
      ...single.map((s) => `- ${cell(singleSiteLine(s))}`),
    );
  for (const n of report.notes) lines.push('', `Note: ${n}`);
  return lines.join('\n');
}

export function whatifJson(report: WhatifReport): unknown {
  return {
    ok:
      report.singlePointsOfFailure.length === 0 &&
      !report.singleSiteServices?.length &&
      !report.brokenIntact?.length &&
      report.results.every((r) => r.verdict !== 'breaks'),
    site: report.site,
    mode: report.mode,
    summary: verdictCounts(report.results),
    singlePointsOfFailure: report.singlePointsOfFailure,
    ...(report.singleSiteServices ? { singleSiteServices: report.singleSiteServices } : {}),
    ...(report.brokenIntact ? { brokenIntact: report.brokenIntact } : {}),
    scenarios: report.results.map((r) => ({
      name: r.scenario.name,
      kind: r.scenario.kind,
      devices: r.scenario.devices,
      links: r.scenario.links,
      verdict: r.verdict,
      impacts: r.impacts,
    })),
    notes: report.notes,
  };
}
