/**
 * `fabric whatif`: N-1 analysis of a site from its compiled model, no devices needed; with
 * `--sites` or `--fail site:NAME`, whole sites as failure units (src/whatif/sites.ts).
 */
import { type Command, Option } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FrozenModel, FrozenSite } from '../../pipeline.js';
import { whatifJson, whatifMarkdown, whatifText } from '../../report/whatif.js';
import { sitesJson, sitesMarkdown, sitesText } from '../../report/whatif-sites.js';
import { plural } from '../../util/plural.js';
import { analyseOne, analyseShare, baselineOf, siteReport, WHOLE } from '../../whatif/analyse.js';
import { parseFailures, singleFailures } from '../../whatif/scenarios.js';
import {
  analyseSites,
  namesSites,
  parseSiteFailures,
  type SiteScenario,
  singleSiteServices,
  sitesOk,
} from '../../whatif/sites.js';
import type { Scenario, WhatifReport } from '../../whatif/types.js';
import { failList, positive } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { errorsGoingOn, errorsLine, type InventoryOptions, loadOrExit, withErrors } from '../inventory.js';
import { err, json, out, throttledProgress } from '../io.js';
import { analyseInParallel, jobsFor } from '../whatif-parallel.js';

export interface WhatifOptions extends InventoryOptions {
  fail?: string;
  sites?: boolean;
  format: 'text' | 'markdown';
  jobs?: number;
}

export function registerWhatif(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('whatif')
    .description(
      'N-1 analysis from the model: what every single failure (device, hypervisor, rack, cable, upstream; or a whole site) costs each service',
    )
    .option('-s, --site <name...>', 'the site (one; default: the only site of the inventory)')
    .option(
      '--fail <names>',
      'evaluate one scenario: devices, cable ends (device:interface) or racks (rack:NAME) of one site, or whole sites (site:NAME), comma-separated; repeated, the failures add up (--fail a --fail b is --fail a,b: one combined failure)',
      failList,
    )
    .option(
      '--sites',
      'every site lost as a whole, one at a time: what it costs the services that span sites (gslb)',
    )
    .option(
      '-j, --jobs <n>',
      'threads for the N-1 analysis of a site, at most the CPUs (default: every CPU on a large fabric, else 1; not with --sites or --fail site:NAME)',
      positive('--jobs', true),
    )
    .option('--json', 'one JSON document')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .addHelpText(
      'after',
      `
For each failure, the fabric that is left is recomputed from the model (the eBGP simulation and
the check kinds' derivation given what is down) and every service is checked: each public URL
from each upstream, each L4 VIP, each tenant gateway (VRRP master and its default route), the
VXLAN overlay between hypervisors, loopback reachability from every leaf, ECMP widths, HAProxy
backends, and the VMs a lost hypervisor leaves to re-home. See docs/whatif.md.

A whole site (--sites: each site of the inventory in turn; --fail site:aa-a, or site:aa-a,site:aa-b
for several at once; no --site, every site is compiled): for each service of the fabric-wide
gslb section the site offered, whether another site still offers it (moves) or not (lost), how
traffic moves (the DNS answer drops the site within the service's detectMs, against its budget;
with anycast, the site's L4 members stop announcing the VIP within their VM-silent time, against
anycast.budget), and the site's L4 services that span no site (lost with it). A service offered
by one site only is named (gslb-single-site), also in the N-1 report of that site. These modes
take no --jobs: they read one scenario per site off the model, nothing to share out.
See docs/active-active.md.

Exit status: 0 no single failure breaks a service, 1 one does (its name is printed: a single
point of failure; with --fail: the scenario breaks a service; a site: a service is lost with
it, or a move misses its budget; a service offered by the site only) or, without --fail, a
failure costs more than its budget (budget-exceeded, located), or the inventory has errors (the
findings validate reports, printed first: the model is analysed anyway, and each code gives the
exit status it gives in validate), 2 unusable inventory or arguments
(an unknown site lists the known ones; --jobs with --sites or --fail site:NAME).

Examples:
  fabric whatif --site idc-a
  fabric whatif --site idc-a --format markdown > n-1.md
  fabric whatif --site idc-a --fail spine1,leaf2a     # a double failure (N-2)
  fabric whatif --site idc-a --fail spine1 --fail leaf2a   # the same
  fabric whatif --site idc-a --fail rack:r1 --json
  fabric whatif --site big --jobs 4                   # four threads, one share of the failures each
  fabric whatif --sites                               # every site lost as a whole, one at a time
  fabric whatif --fail site:aa-a --json               # one site lost as a whole`,
    )
    .action((opts: Omit<WhatifOptions, 'fail'> & { fail?: string[] }, cmd: Command) =>
      run(whatif({ ...cmd.optsWithGlobals(), ...opts, fail: opts.fail?.join(',') })),
    );
}

/** A line on stderr every `ms` on a fabric large enough to take that long (docs/benchmarks.md). */
function progressEvery(ms: number): (done: number, total: number) => void {
  return throttledProgress((done, total) => `whatif: ${done}/${total} failures analysed`, ms);
}

/** Every single failure, in one thread or several (`--jobs`): the same report either way. */
async function analyseAll(opts: WhatifOptions, site: FrozenSite): Promise<WhatifReport> {
  const scenarios = singleFailures(site);
  const jobs = jobsFor(site, scenarios, opts.jobs);
  if (opts.jobs !== undefined && jobs < opts.jobs)
    err(
      `whatif: --jobs ${opts.jobs} is more than this machine's ${plural(jobs, 'CPU')}: ${plural(jobs, 'thread')}`,
    );
  return jobs > 1
    ? analyseInParallel(opts.inventory, site, scenarios, jobs, progressEvery(10_000))
    : singleThread(site, scenarios);
}

/** Every single failure in this thread, against one intact fabric. */
function singleThread(site: FrozenSite, scenarios: Scenario[]): WhatifReport {
  const base = baselineOf(site);
  return siteReport(site, analyseShare(site, scenarios, WHOLE, progressEvery(10_000), base), base);
}

function scenarioOf(site: FrozenSite, fail: string): Scenario {
  const parsed = parseFailures(site, fail.split(','));
  if ('error' in parsed) throw new CliError(`whatif: ${parsed.error}`);
  return parsed.scenario;
}

export async function whatif(opts: WhatifOptions): Promise<ExitCode> {
  if (opts.fail !== undefined && !opts.fail.trim())
    throw new CliError('whatif: --fail needs names: --fail spine1 or --fail spine1,leaf2a');
  if (opts.sites || (opts.fail !== undefined && namesSites(opts.fail.split(',')))) return whatifSites(opts);
  const { model, findings } = loadOrExit(opts, { command: 'whatif', labs: [] });
  const site = model.sites[0]!;
  const errors = errorsGoingOn('whatif', findings, 'analysing its model anyway');
  const report =
    opts.fail !== undefined
      ? analyseOne(site, scenarioOf(site, opts.fail))
      : { ...(await analyseAll(opts, site)), ...singleSiteOf(model.gslb, site.name) };
  // N-1 also answers "what does each failure cost": a budget the timers cannot meet is a problem
  const overBudget = opts.fail === undefined ? findings.filter((f) => f.code === 'budget-exceeded') : [];
  const single = report.singleSiteServices ?? [];
  const broken = report.results.some((r) => r.verdict === 'breaks');
  if (opts.json) json(withErrors(withBudgets(whatifJson(report), overBudget), errors));
  else out(opts.format === 'markdown' ? whatifMarkdown(report) : whatifText(report));
  if (broken && !opts.json)
    err(
      report.singlePointsOfFailure.length
        ? `whatif: single point${report.singlePointsOfFailure.length === 1 ? '' : 's'} of failure: ${report.singlePointsOfFailure.join(', ')}`
        : `whatif: ${report.results[0]!.scenario.name} breaks a service`,
    );
  if (single.length && !opts.json)
    err(
      `whatif: site ${site.name} is a single point of failure of ${single.map((s) => s.fqdn).join(', ')} (gslb-single-site)`,
    );
  if (overBudget.length && !opts.json)
    err(`whatif: over budget (budget-exceeded above): ${overBudget.map(budgetSubject).join(', ')}`);
  // the budgets were named on the line above: the others, if any, on this one
  const others = errors.filter((f) => !overBudget.includes(f));
  if (others.length && !opts.json) err(errorsLine('whatif', others));
  const intact = report.brokenIntact ?? [];
  if (intact.length && !opts.json)
    err(
      `whatif: broken with nothing failed: ${intact.map((b) => b.address ?? b.prefix ?? b.detail.split(':')[0]).join(', ')}`,
    );
  return broken || single.length || overBudget.length || errors.length || intact.length
    ? EXIT.PROBLEMS
    : EXIT.OK;
}

/** The gslb services a site alone offers, for its N-1 report (nothing without `gslb`). */
function singleSiteOf(gslb: FrozenModel['gslb'], site: string): Pick<WhatifReport, 'singleSiteServices'> {
  return gslb ? { singleSiteServices: singleSiteServices(gslb, site) } : {};
}

function siteScenarioOf(model: FrozenModel, fail: string): SiteScenario {
  const parsed = parseSiteFailures(model, fail.split(','));
  if ('error' in parsed) throw new CliError(`whatif: ${parsed.error}`);
  return parsed.scenario;
}

/** Whole sites as failure units: `--sites` (each on its own) or `--fail site:NAME,…` (together). */
function whatifSites(opts: WhatifOptions): ExitCode {
  if (opts.site?.length)
    throw new CliError(
      `whatif: ${opts.sites ? '--sites' : '--fail site:NAME'} looks at every site of the inventory; drop --site ${opts.site.join(' ')}`,
    );
  if (opts.sites && opts.fail !== undefined)
    throw new CliError(
      'whatif: --sites tries each site on its own; --fail site:NAME tries the ones named: use one',
    );
  // one scenario per site, each a few look-ups in the model: a worker thread would only compile
  // the inventory again (docs/active-active.md, "A site as a failure unit")
  if (opts.jobs !== undefined)
    throw new CliError(
      `whatif: --jobs shares out the failures inside one site; ${opts.sites ? '--sites' : '--fail site:NAME'} reads each site's loss off the model (one scenario per site, no routing simulated), which one thread does at once: drop --jobs`,
    );
  const { model, findings } = loadOrExit(opts);
  const errors = errorsGoingOn('whatif', findings, 'analysing its model anyway');
  const report = analyseSites(model, opts.fail !== undefined ? siteScenarioOf(model, opts.fail) : undefined);
  if (opts.json) json(withErrors(sitesJson(report), errors));
  else out(opts.format === 'markdown' ? sitesMarkdown(report) : sitesText(report));
  const ok = sitesOk(report);
  if (!ok && !opts.json) {
    const spofs = report.singlePointsOfFailure;
    const broken = report.results.filter((r) => r.verdict === 'breaks');
    if (spofs.length)
      err(`whatif: single point${spofs.length === 1 ? '' : 's'} of failure: ${spofs.join(', ')}`);
    else if (broken.length) err(`whatif: ${broken[0]!.scenario.name} breaks a service`);
    const over = report.results.filter((r) => r.services.some((m) => m.overBudget.length));
    if (over.length) err(`whatif: over budget: ${over.map((r) => r.scenario.name).join(', ')}`);
  }
  if (errors.length && !opts.json) err(errorsLine('whatif', errors));
  return ok && !errors.length ? EXIT.OK : EXIT.PROBLEMS;
}

/** `shop-routers (vrrp-gateway)`: what a budget-exceeded finding is about (its message's subject). */
function budgetSubject(f: Diagnostic): string {
  return /^(.+? \([a-z0-9-]+\)):/.exec(f.message)?.[1] ?? f.message;
}

/** The JSON document with the budgets the timers cannot meet, located; not ok if there is one. */
function withBudgets(doc: unknown, overBudget: readonly Diagnostic[]): unknown {
  const d = doc as { ok: boolean };
  return {
    ...d,
    ok: d.ok && !overBudget.length,
    budgetsExceeded: overBudget.map((f) => ({
      subject: budgetSubject(f),
      location: f.location ? `${f.location.file}:${f.location.line}:${f.location.col}` : null,
      message: f.message,
    })),
  };
}
