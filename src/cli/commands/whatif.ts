/** `fabric whatif`: N-1 analysis of a site from its compiled model, no devices needed. */
import { type Command, Option } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FrozenSite } from '../../pipeline.js';
import { countBySeverity } from '../../report/diagnostics.js';
import { whatifJson, whatifMarkdown, whatifText } from '../../report/whatif.js';
import { analyseOne, analyseShare, siteReport, WHOLE } from '../../whatif/analyse.js';
import { parseFailures, singleFailures } from '../../whatif/scenarios.js';
import type { Scenario, WhatifReport } from '../../whatif/types.js';
import { positive } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { type InventoryOptions, loadOrExit } from '../inventory.js';
import { err, json, out, printDiagnostics } from '../io.js';
import { analyseInParallel, jobsFor } from '../whatif-parallel.js';

export interface WhatifOptions extends InventoryOptions {
  fail?: string;
  format: 'text' | 'markdown';
  jobs?: number;
}

export function registerWhatif(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('whatif')
    .description(
      'N-1 analysis from the model: what every single failure (device, hypervisor, rack, cable, upstream) costs each service',
    )
    .option('-s, --site <name...>', 'the site (one; default: the only site of the inventory)')
    .option(
      '--fail <names>',
      'evaluate one scenario: devices, cable ends (device:interface) or racks (rack:NAME), comma-separated',
    )
    .option(
      '-j, --jobs <n>',
      'threads for the N-1 analysis (default: every CPU on a large fabric, else 1)',
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

Exit status: 0 no single failure breaks a service, 1 one does (its name is printed: a single
point of failure; with --fail: the scenario breaks a service) or, without --fail, a failure
costs more than its budget (budget-exceeded, located), 2 unusable inventory or arguments.

Examples:
  fabric whatif --site idc-a
  fabric whatif --site idc-a --format markdown > n-1.md
  fabric whatif --site idc-a --fail spine1,leaf2a     # a double failure (N-2)
  fabric whatif --site idc-a --fail rack:r1 --json
  fabric whatif --site big --jobs 4                   # four threads, one share of the failures each`,
    )
    .action((opts: WhatifOptions, cmd: Command) => run(whatif({ ...cmd.optsWithGlobals(), ...opts })));
}

/** A line on stderr every `ms` on a fabric large enough to take that long (docs/benchmarks.md). */
function progressEvery(ms: number): (done: number, total: number) => void {
  const start = Date.now();
  let last = start;
  return (done, total) => {
    if (Date.now() - last < ms) return;
    last = Date.now();
    err(`whatif: ${done}/${total} failures analysed in ${Math.round((last - start) / 1000)} s`);
  };
}

/** Every single failure, in one thread or several (`--jobs`): the same report either way. */
async function analyseAll(opts: WhatifOptions, site: FrozenSite): Promise<WhatifReport> {
  const scenarios = singleFailures(site);
  const jobs = jobsFor(site, scenarios, opts.jobs);
  return jobs > 1
    ? analyseInParallel(opts.inventory, site, scenarios, jobs, progressEvery(10_000))
    : siteReport(site, analyseShare(site, scenarios, WHOLE, progressEvery(10_000)));
}

function scenarioOf(site: FrozenSite, fail: string): Scenario {
  const parsed = parseFailures(site, fail.split(','));
  if ('error' in parsed) throw new CliError(`whatif: ${parsed.error}`);
  return parsed.scenario;
}

export async function whatif(opts: WhatifOptions): Promise<ExitCode> {
  if (opts.fail !== undefined && !opts.fail.trim())
    throw new CliError('whatif: --fail needs names: --fail spine1 or --fail spine1,leaf2a');
  const { model, findings } = loadOrExit(opts, { command: 'whatif', labs: [] });
  const site = model.sites[0]!;
  if (countBySeverity(findings).errors) {
    err('whatif: the inventory has findings; analysing its model anyway:');
    printDiagnostics(findings.filter((f) => f.severity === 'error'));
  }
  const report =
    opts.fail !== undefined ? analyseOne(site, scenarioOf(site, opts.fail)) : await analyseAll(opts, site);
  // N-1 also answers "what does each failure cost": a budget the timers cannot meet is a problem
  const overBudget = opts.fail === undefined ? findings.filter((f) => f.code === 'budget-exceeded') : [];
  const broken = report.results.some((r) => r.verdict === 'breaks');
  if (opts.json) json(withBudgets(whatifJson(report), overBudget));
  else out(opts.format === 'markdown' ? whatifMarkdown(report) : whatifText(report));
  if (broken && !opts.json)
    err(
      report.singlePointsOfFailure.length
        ? `whatif: single point${report.singlePointsOfFailure.length === 1 ? '' : 's'} of failure: ${report.singlePointsOfFailure.join(', ')}`
        : `whatif: ${report.results[0]!.scenario.name} breaks a service`,
    );
  if (overBudget.length && !opts.json)
    err(`whatif: over budget (budget-exceeded above): ${overBudget.map(budgetSubject).join(', ')}`);
  return broken || overBudget.length ? EXIT.PROBLEMS : EXIT.OK;
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
