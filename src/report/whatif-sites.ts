/** `fabric whatif --sites` / `--fail site:NAME` output: a table for people, Markdown, one JSON document. */

import type { ServiceMove, SiteLossResult, SitesReport } from '../whatif/sites.js';
import { sitesOk } from '../whatif/sites.js';
import type { SingleSiteService } from '../whatif/types.js';
import { table } from './table.js';
import { verdictCounts } from './verdicts.js';

/** How a service fares, in one line. */
export function moveText(m: ServiceMove, failed: readonly string[]): string {
  const name = `${m.service} (${m.fqdn})`;
  if (m.outcome === 'lost') return `${name}: lost, ${m.reason}`;
  const over = (what: 'dns' | 'anycast') => (m.overBudget.includes(what) ? ', OVER BUDGET' : '');
  const parts = [`${name}: moves to ${m.left.join(', ')}`];
  if (m.dns)
    parts.push(
      `DNS answer drops ${failed.join(', ')} within ${m.dns.dropMs} ms (budget ${m.dns.budget} ms${over('dns')}; clients with a cached answer ${m.dns.clientsFollowMs} ms)`,
    );
  if (m.anycast)
    parts.push(
      `anycast announcement withdrawn within ${m.anycast.withdrawnMs} ms (the vRouters' BFD: L4 members ${m.anycast.members.join(', ')} silent; budget ${m.anycast.budget} ms${over('anycast')})`,
    );
  if (m.prefix)
    parts.push(
      `with the last VIP, ${failed.join(', ')}'s edges withdraw the service prefix ${m.prefix} from the upstreams (the DNS answer is the same address in every site: routing moves the traffic)`,
    );
  return parts.join('; ');
}

const NOTHING = 'no service of its own (no L4 VIP, no gslb service)';

function lines(r: SiteLossResult): string[] {
  const failed = r.scenario.sites;
  return [
    ...r.services.map((m) => moveText(m, failed)),
    ...r.local.map((v) => `${v}: lost with its site (no gslb service offers it from another site)`),
  ];
}

export function sitesSummary(report: SitesReport): string {
  const c = verdictCounts(report.results);
  const what =
    report.mode === 'sites'
      ? `${report.results.length} site${report.results.length === 1 ? '' : 's'}, each lost as a whole`
      : `scenario ${report.results[0]?.scenario.name}`;
  return `${what}: ${c.survives} survive, ${c.degraded} degraded, ${c.breaks} break a service`;
}

function spofLines(report: SitesReport): string[] {
  return report.results
    .filter((r) => report.singlePointsOfFailure.includes(r.scenario.name))
    .map(
      (r) =>
        `${r.scenario.name}: ${[
          ...r.services.filter((m) => m.outcome === 'lost').map((m) => `${m.fqdn} ${m.reason}`),
          ...r.local.map((v) => `${v} lost with its site`),
        ].join('; ')}`,
    );
}

/** The `gslb-single-site` services, one line each. */
export function singleSiteLine(s: SingleSiteService): string {
  return `${s.service} (${s.fqdn}) is offered by site ${s.site} only: losing ${s.site} loses it (gslb-single-site)`;
}

function overBudgetLines(report: SitesReport): string[] {
  return report.results.flatMap((r) =>
    r.services
      .filter((m) => m.overBudget.length)
      .map((m) => `${r.scenario.name}: ${m.fqdn} misses its ${m.overBudget.join(' and ')} budget`),
  );
}

export function sitesText(report: SitesReport): string {
  const rows: string[][] = [];
  for (const r of report.results) {
    const first = [r.scenario.name, r.verdict];
    const what = lines(r);
    if (!what.length) rows.push([...first, NOTHING]);
    for (const [n, l] of what.entries()) rows.push([...(n ? ['', ''] : first), l]);
  }
  const out = [table(['scenario', 'verdict', 'what'], rows), '', sitesSummary(report)];
  const spofs = spofLines(report);
  if (spofs.length) out.push('single points of failure:', ...spofs.map((l) => `  ${l}`));
  if (report.singleSiteServices.length)
    out.push(
      'services offered by one site only:',
      ...report.singleSiteServices.map((s) => `  ${singleSiteLine(s)}`),
    );
  const over = overBudgetLines(report);
  if (over.length) out.push('over budget:', ...over.map((l) => `  ${l}`));
  for (const n of report.notes) out.push(`note: ${n}`);
  return out.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function sitesMarkdown(report: SitesReport): string {
  const out = [
    '# whatif: sites lost as a whole',
    '',
    '| scenario | verdict | what |',
    '| --- | --- | --- |',
    ...report.results.map(
      (r) => `| ${cell(r.scenario.name)} | ${r.verdict} | ${lines(r).map(cell).join('<br>') || NOTHING} |`,
    ),
    '',
    sitesSummary(report),
  ];
  const spofs = spofLines(report);
  if (spofs.length) out.push('', 'Single points of failure:', '', ...spofs.map((l) => `- ${cell(l)}`));
  if (report.singleSiteServices.length)
    out.push(
      '',
      'Services offered by one site only:',
      '',
      ...report.singleSiteServices.map((s) => `- ${cell(singleSiteLine(s))}`),
    );
  const over = overBudgetLines(report);
  if (over.length) out.push('', 'Over budget:', '', ...over.map((l) => `- ${cell(l)}`));
  for (const n of report.notes) out.push('', `Note: ${n}`);
  return out.join('\n');
}

export function sitesJson(report: SitesReport): unknown {
  return {
    ok: sitesOk(report),
    mode: report.mode,
    summary: verdictCounts(report.results),
    singlePointsOfFailure: report.singlePointsOfFailure,
    singleSiteServices: report.singleSiteServices,
    scenarios: report.results.map((r) => ({
      name: r.scenario.name,
      kind: 'site',
      sites: r.scenario.sites,
      verdict: r.verdict,
      services: r.services,
      local: r.local,
    })),
    notes: report.notes,
  };
}
