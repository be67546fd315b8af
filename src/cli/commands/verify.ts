/** `fabric verify`: the running lab of a site checked against what its compiled model says. */
import { type Command, Option } from 'commander';
import { DockerRunner } from '../../observe/docker-runner.js';
import { LabRunner } from '../../observe/lab-runner.js';
import type { FrozenSite } from '../../pipeline.js';
import { RoundReporter, verifyJson, verifyJunit, verifyText } from '../../report/verify.js';
import { deriveExpectations } from '../../verify/expectations.js';
import { runChecks } from '../../verify/run.js';
import { sharedInternet } from '../../verify/shared-internet.js';
import { secondsProblem } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { errorsGoingOn, errorsLine, type InventoryOptions, loadOrExit, withErrors } from '../inventory.js';
import { err, json, out, writeReportFile } from '../io.js';
import { compiledLabSites } from '../lab-sites.js';
import { checkOutputPaths } from '../output-paths.js';
import { runningLabs } from '../site-choice.js';

export interface VerifyOptions extends InventoryOptions {
  lab?: string;
  via: 'lab' | 'docker';
  timeout: string;
  junit?: string;
  all?: boolean;
  stateRoot?: string;
}

export function registerVerify(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('verify')
    .description(
      "check a running lab against the site's model: BGP, BFD, ECMP, reachability, VRRP, overlay, the service path",
    )
    .option(
      '-s, --site <name...>',
      'the site (one; default: the only site of the inventory, or the only one with a running lab)',
    )
    .option('--lab <name>', 'lab name, when it is not the site name')
    .addOption(
      new Option(
        '--via <runtime>',
        'where the lab runs: fabric lab (namespaces) or containerlab (docker exec clab-<lab>-<node>)',
      )
        .choices(['lab', 'docker'])
        .default('lab'),
    )
    .option('--timeout <seconds>', 'keep polling failing checks until this deadline', '90')
    .option('--json', 'machine-readable results')
    .option('--junit <file>', 'also write a JUnit XML report (for CI)')
    .option('--all', 'list every check, not only the failures')
    .addHelpText(
      'after',
      `
Every check is derived from the compiled model (and a simulation of its BGP), never from a
hand list: sessions and prefix counts, BFD, ECMP widths, loopback reachability from every leaf,
VXLAN flood lists, one VRRP master per instance on the intended node, VM-to-VM pings through
VXLAN, the L4 VIPs, and HTTP from each simulated upstream through the whole service path.

Exit status: 0 every check passed, 1 some failed or the inventory has errors (the findings
validate reports, printed first: the lab is checked anyway), 2 unusable inventory or no such lab.

Examples:
  fabric lab up --site idc-a && fabric verify --site idc-a
  containerlab deploy -t lab/idc-a.clab.yml && fabric verify --site idc-a --via docker
  fabric verify --site idc-a --junit reports/verify.xml --timeout 120`,
    )
    .action((opts: VerifyOptions, cmd: Command) => run(verify({ ...cmd.optsWithGlobals(), ...opts })));
}

export async function verify(opts: VerifyOptions): Promise<ExitCode> {
  const problem = secondsProblem(String(opts.timeout));
  if (problem) throw new CliError(`verify: --timeout: ${problem}`);
  const deadline = Number(opts.timeout);
  checkOutputPaths('verify', [
    { option: '--junit', path: opts.junit, kind: 'file', example: 'reports/verify.xml' },
  ]);
  const { model, findings } = loadOrExit(opts, {
    command: 'verify',
    labs: opts.site?.length ? [] : runningLabs(opts.stateRoot),
  });
  const site = model.sites[0]!;
  const errors = errorsGoingOn('verify', findings, 'checking the lab against it anyway');
  const lab = opts.lab ?? site.name;
  const runner =
    opts.via === 'docker' ? new DockerRunner(lab) : new LabRunner(lab, opts.stateRoot, site.name);
  const sites = await labSites(runner, site, lab, opts);
  const expectations = deriveExpectations(site, {
    tool: 'verify',
    sharedInternet: sharedInternet(sites),
    labSites: sites.map((s) => s.name),
  });
  // the lab must exist before polling for 90 seconds, and a node it lacks is said once, here
  let probe = expectations[0]!.device;
  try {
    if (runner instanceof LabRunner) {
      const nodes = new Set(await runner.nodes());
      const missing = [...new Set(expectations.map((e) => e.device))].filter((d) => !nodes.has(d));
      if (missing.length)
        err(
          `verify: lab ${lab} has no node for ${missing.length} device${missing.length === 1 ? '' : 's'} of ${site.name}: ${missing.join(', ')}; their checks fail (was the lab started from another inventory? \`fabric lab up --site ${site.name}\`)`,
        );
      probe = expectations.find((e) => nodes.has(e.device))?.device ?? probe;
    }
    const r = await runner.run(probe, 'true', { timeoutMs: 10_000 });
    if (r.code !== 0) throw new Error(r.stderr.trim() || `exit ${r.code}`);
  } catch (e) {
    throw new CliError(
      `verify: cannot reach lab ${lab}: ${(e as Error).message}; start it with \`fabric lab up --site ${site.name}\``,
    );
  }
  const started = Date.now();
  const rounds = new RoundReporter(site.name, err);
  const results = await runChecks(expectations, runner, {
    deadlineMs: deadline * 1000,
    intervalMs: 1000,
    concurrency: 8,
    onRound: opts.json ? undefined : rounds.onRound,
  });
  rounds.finish();
  const seconds = (Date.now() - started) / 1000;
  if (opts.junit) writeReportFile(opts.junit, verifyJunit(site.name, results));
  if (opts.json) json(withErrors(verifyJson(site.name, results, seconds), errors));
  else out(verifyText(site.name, results, seconds, opts.all));
  if (errors.length && !opts.json) err(errorsLine('verify', errors));
  return results.every((r) => r.ok) && !errors.length ? EXIT.OK : EXIT.PROBLEMS;
}

/**
 * Every site of the lab, when it runs several (`lab up --site aa-a --site aa-b`): their upstreams
 * are one internet, which verify of one site must expect (src/verify/shared-internet.ts). Just the
 * site otherwise, or when the lab is not there yet (the reachability probe below says so).
 */
async function labSites(
  runner: LabRunner | DockerRunner,
  site: FrozenSite,
  lab: string,
  opts: VerifyOptions,
): Promise<readonly FrozenSite[]> {
  if (!(runner instanceof LabRunner)) return [site];
  const names = await runner.sites().catch(() => [] as string[]);
  return compiledLabSites('verify', site, names, opts.inventory, lab);
}
