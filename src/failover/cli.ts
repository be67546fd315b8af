/**
 * `fabric lab failover --site S`: measured failover in the running lab of a site (see
 * docs/failover.md). Exit 0: every scenario within its budget; 1: a budget violated, a fault
 * not undone, the lab not converged, or the run interrupted; 2: bad arguments or no lab.
 */

import type { Command } from 'commander';
import { nameList, once, secondsProblem } from '../cli/args.js';
import { CliError } from '../cli/exit.js';
import { errorsGoingOn, errorsLine, type InventoryOptions, loadOrExit } from '../cli/inventory.js';
import { writeReportFile } from '../cli/io.js';
import { compiledLabSites, siteInLab } from '../cli/lab-sites.js';
import { checkOutputPaths } from '../cli/output-paths.js';
import { runningLabs } from '../cli/site-choice.js';
import { driversOf } from '../daemons/index.js';
import { DEFAULT_STATE_ROOT, LabError, labExec, labStatus, stateDirOf } from '../lab/index.js';
import type { FrozenSite } from '../pipeline.js';
import { didYouMean } from '../util/did-you-mean.js';
import { waitConverged } from '../verify/converge.js';
import { sharedInternet } from '../verify/shared-internet.js';
import { type DataPlan, dataPlans } from '../whatif/data-services.js';
import { restoreAll } from './faults.js';
import { FaultJournal } from './journal.js';
import { annotateScenarios } from './prediction.js';
import { deriveProbes, type Probe } from './probe-plan.js';
import { failoverJson, failoverJunit, failoverText, scenarioListJson, scenarioListText } from './report.js';
import { interruption, type RunContext, runFailover } from './run.js';
import {
  dataInterfaces,
  deriveScenarios,
  FAULT_KINDS,
  type FaultKind,
  failoverGroups,
  type Scenario,
} from './scenarios.js';
import { SITE_LOSS_PARTS, siteLossCommand } from './site-loss-cli.js';

interface FailoverFlags {
  site?: string;
  name?: string;
  only?: string[];
  group?: string[];
  fault?: string[];
  hold: string;
  holdMin: string;
  convergeTimeout: string;
  list?: boolean;
  restore?: boolean;
  json?: boolean;
  junit?: string;
  siteLoss?: string | boolean;
}

const err = (line: string) => process.stderr.write(`${line}\n`);

function seconds(value: string, option: string): number {
  const problem = secondsProblem(value);
  if (problem) throw new CliError(`lab failover: ${option}: ${problem}`);
  return Number(value);
}

/** The scenarios asked for, or exit 2 naming what does not exist. */
function selectScenarios(site: FrozenSite, flags: FailoverFlags): Scenario[] {
  const faults = flags.fault ?? [];
  const badFault = faults.filter((f) => !(FAULT_KINDS as readonly string[]).includes(f));
  if (badFault.length)
    throw new CliError(
      `lab failover: unknown --fault ${badFault.join(', ')}; choose from ${FAULT_KINDS.join(', ')}`,
    );
  const { scenarios, unknown } = deriveScenarios(site, {
    only: flags.only,
    groups: flags.group,
    faults: faults as FaultKind[],
  });
  if (unknown.length) {
    const groups = failoverGroups(site).map((g) => g.name);
    const names = [...groups, ...site.devices.map((d) => d.name)];
    const hint = unknown.length === 1 ? didYouMean(unknown[0]!, names) : '';
    throw new CliError(
      `lab failover: ${unknown.join(', ')}: no such redundancy-group member, cable or group of ${site.name}${hint} ` +
        `(groups: ${groups.join(', ')}; a cable is DEV:IF--DEV:IF or one end DEV:IF; \`--list\` shows every scenario)`,
    );
  }
  if (!scenarios.length)
    throw new CliError(`lab failover: the selection leaves no scenario to run (\`--list\` shows them)`);
  return scenarios;
}

/**
 * The passwords of the data services the data probes log in with, read in the lab on a member,
 * where its driver says (`LabDriver.clientPassword`: Redis's redis.conf, PgBouncer's
 * userlist.txt): the lab runs what `lab up` rendered with the secrets given then, which this
 * command does not take again.
 */
function passwordOn(site: FrozenSite, plan: DataPlan, member: string): { file: string; sed: string } | null {
  const device = site.devices.find((d) => d.name === member);
  if (!device) return null;
  for (const driver of driversOf(device)) {
    const where = driver.lab.clientPassword?.(device, plan.clientUser);
    if (where) return where;
  }
  return null;
}

async function dataPasswords(
  site: FrozenSite,
  lab: string,
  probes: readonly Probe[],
  nodeOf: (device: string) => string,
) {
  const out: Record<string, string> = {};
  for (const p of probes) {
    if (p.kind !== 'data' || !p.auth || out[p.service] !== undefined) continue;
    const plan = dataPlans(site).find((x) => x.service === p.service);
    const member = plan?.members[0];
    if (!plan || !member) continue;
    const where = passwordOn(site, plan, member);
    if (!where)
      throw new LabError(2, [
        `lab failover: ${member} of ${p.service} has no driver that keeps its clients' password (src/daemons: LabDriver.clientPassword)`,
      ]);
    const { file, sed } = where;
    const r = await labExec(lab, nodeOf(member), ['sed', '-n', sed, file]);
    const password = r.stdout.trim().split('\n')[0];
    if (r.code !== 0 || !password)
      throw new LabError(2, [
        `lab failover: no password of ${p.service} in ${member}'s ${file} (${(r.stderr || `exit ${r.code}`).trim()}): is the lab the site's (\`fabric lab up --site ${site.name}\`)?`,
      ]);
    out[p.service] = password;
  }
  return out;
}

async function runContext(
  site: FrozenSite,
  lab: string,
  journal: FaultJournal,
  inventory: string,
): Promise<RunContext> {
  const { status, nodeOf, netnsOf, siteNames } = await siteInLab(lab, site.name);
  if (status.state !== 'running')
    throw new LabError(2, [
      `lab failover: lab ${lab} is ${status.state}, not running: \`fabric lab status --name ${lab}\``,
    ]);
  const peers = new Map(
    site.devices.flatMap((d) => d.interfaces.map((i) => [`${d.name}\0${i.name}`, i.peer] as const)),
  );
  const interfaces = new Map(site.devices.map((d) => [d.name, dataInterfaces(d).map((i) => i.name)]));
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const labSites = compiledLabSites('lab failover', site, siteNames, inventory, lab);
  const probes = deriveProbes(site, { dataProbes: true, sharedInternet: sharedInternet(labSites) });
  return {
    lab,
    run,
    journal,
    site,
    labSites,
    probes,
    passwords: await dataPasswords(site, lab, probes, nodeOf),
    netnsOf,
    nodeOf,
    interfacesOf: (d) => interfaces.get(d) ?? [],
    peerOf: (d, ifname) => peers.get(`${d}\0${ifname}`),
  };
}

/** Undoes what an earlier (killed) run left; false when something could not be undone. */
async function restoreLeftovers(lab: string, journal: FaultJournal, explicit: boolean): Promise<boolean> {
  const left = journal.entries();
  if (!left.length) {
    if (explicit) process.stdout.write(`lab ${lab}: no fault left to undo\n`);
    return true;
  }
  if (!explicit)
    err(`lab failover: undoing ${left.length} fault(s) left by an earlier run (${journal.file})`);
  const { undone, problems } = await restoreAll(lab, journal);
  for (const u of undone) (explicit ? (l: string) => process.stdout.write(`${l}\n`) : err)(`undone: ${u}`);
  for (const p of problems) err(`NOT undone: ${p}`);
  return !problems.length;
}

async function failover(flags: FailoverFlags & InventoryOptions): Promise<number> {
  if (flags.siteLoss !== undefined) return siteLossCommand(flags);
  const holdMs = seconds(flags.hold, '--hold') * 1000;
  const holdMinMs = Math.min(seconds(flags.holdMin, '--hold-min') * 1000, holdMs);
  const convergeSeconds = seconds(flags.convergeTimeout, '--converge-timeout');
  checkOutputPaths('lab failover', [
    { option: '--junit', path: flags.junit, kind: 'file', example: 'reports/failover.xml' },
  ]);
  const { model, sources, findings } = loadOrExit(
    { inventory: flags.inventory, site: flags.site === undefined ? [] : [flags.site], json: flags.json },
    { command: 'lab failover', labs: runningLabs() },
  );
  const site = model.sites[0]!;
  const lab = flags.name ?? site.name;
  const journal = new FaultJournal(stateDirOf(DEFAULT_STATE_ROOT, lab));
  if (flags.restore) {
    await labStatus(lab); // no lab: exit 2
    return (await restoreLeftovers(lab, journal, true)) ? 0 : 1;
  }
  const scenarios = annotateScenarios(site, selectScenarios(site, flags), sources);
  // an inventory with errors is still measured (the lab runs what lab up rendered), but counts
  const errors = errorsGoingOn('lab failover', findings, 'measuring the lab anyway');
  if (flags.list) {
    process.stdout.write(
      flags.json
        ? `${JSON.stringify(scenarioListJson(site.name, scenarios), null, 2)}\n`
        : scenarioListText(scenarios),
    );
    if (errors.length) err(errorsLine('lab failover', errors));
    return errors.length ? 1 : 0;
  }
  const ctx = await runContext(site, lab, journal, flags.inventory);
  if (!(await restoreLeftovers(lab, journal, false))) return 1;
  err(
    `lab failover: ${scenarios.length} scenario(s), ${ctx.probes.length} probes; checking that ${lab} has converged`,
  );
  const down = await waitConverged(site, lab, convergeSeconds, () => {}, ctx.labSites);
  if (down.length) {
    err(
      `lab failover: lab ${lab} has not converged before any fault (${down.length} verify check(s) fail), e.g.:`,
    );
    for (const d of down.slice(0, 5)) err(`  ${d}`);
    return 1;
  }
  const started = Date.now();
  const onSignal = (signal: string) => {
    interruption.requested = true;
    err(`lab failover: ${signal}: undoing the fault in place, then stopping`);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let outcome: Awaited<ReturnType<typeof runFailover>>;
  try {
    outcome = await runFailover(scenarios, ctx, {
      holdMaxMs: holdMs,
      holdMinMs,
      convergeSeconds,
      progress: err,
    });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await restoreLeftovers(lab, journal, false);
  }
  const count = (kind: Probe['kind']) => ctx.probes.filter((p) => p.kind === kind).length;
  const report = {
    ...outcome,
    site: site.name,
    lab,
    probes: { ping: count('ping'), http: count('http'), data: count('data') },
    seconds: (Date.now() - started) / 1000,
  };
  if (flags.junit) writeReportFile(flags.junit, failoverJunit(report));
  process.stdout.write(
    flags.json ? `${JSON.stringify(failoverJson(report), null, 2)}\n` : failoverText(report),
  );
  const ok =
    outcome.results.every((r) => r.verdict === 'pass') && !outcome.notRun.length && !outcome.interrupted;
  if (errors.length) err(errorsLine('lab failover', errors));
  return ok && !errors.length ? 0 : 1;
}

/** Fills in `fabric lab failover` (the command object comes from the lab commands' factory). */
export function registerFailoverCommand(
  command: Command,
  act: (action: () => Promise<number>) => Promise<void>,
): Command {
  return command
    .description(
      'measure failover in the running lab of a site: inject each fault, probe, restore, compare with the budget',
    )
    .option('-s, --site <name>', 'the site (default: the only site of the inventory)', once('--site'))
    .option('--name <lab>', 'lab name, when it is not the site name')
    .option(
      '--only <device|cable>',
      'only these group members, daemons failing alone (DEV:pgbouncer) or cables (DEV:IF--DEV:IF or DEV:IF; repeat or comma-separate)',
      nameList,
    )
    .option(
      '--group <group>',
      'only the members of these groups: redundancy groups, app:<backend>, data:<tenant>/<service>, pgbouncer:<tenant>/<service> (repeat or comma-separate)',
      nameList,
    )
    .option(
      '--fault <kind>',
      `only these fault kinds: ${FAULT_KINDS.join(', ')} (repeat or comma-separate)`,
      nameList,
    )
    .option(
      '--hold <seconds>',
      'hold a fault at most this long while waiting for the probes to recover',
      '15',
    )
    .option('--hold-min <seconds>', 'hold a fault at least this long', '2')
    .option(
      '--converge-timeout <seconds>',
      'wait this long for `fabric verify` to be green after each scenario',
      '120',
    )
    .option('--list', 'list the scenarios and their budgets; touch nothing')
    .option('--restore', 'undo every fault an interrupted run left (from the fault journal), then exit')
    .option(
      '--site-loss [parts]',
      `in a lab of several sites: the site-level scenarios of --site instead, ${SITE_LOSS_PARTS.join(', ')} (comma-separate; default all)`,
    )
    .option('--json', 'machine-readable results (with --list: the scenarios)')
    .option('--junit <file>', 'also write a JUnit XML report (one test case per scenario)')
    .addHelpText(
      'after',
      `
Faults: cut (the links down), silent (links up, every packet dropped: only BFD, VRRP and health
checks notice), crash (kill -9 of the daemon, by the PID in its own PID file). Probes: ping every
10 ms between leaf loopbacks and between VMs on different hypervisors, HTTP to every VIP from
every upstream, 20 requests/s each; a data service's members add its VIPs' own protocol at the
same rate, and a member's crash runs those alone. Progress goes to stderr.

Examples:
  fabric lab failover --site idc-a --list
  fabric lab failover --site idc-a --list --json | jq -r '.scenarios[] | select(.group != "cables") | .id'
  fabric lab failover --site idc-a --only spine1 --fault cut,silent --junit reports/failover.xml
  fabric lab failover --site idc-a --group shop-routers --fault crash
  fabric lab failover --site idc-a --restore          # after a run was killed
  fabric lab failover --site aa-a --name aa-a_aa-b --site-loss l4,apps   # a site's loss, by name from the internet

Site-level scenarios (--site-loss, in the lab of several sites: \`fabric lab up --site aa-a --site aa-b\`):
aa-a's L4 pairs, its application servers, its edges' upstream links or all of it silenced while a
client on the internet side fetches each shared gslb service by name at 20 requests/s; each passes
when every request later than the service's budget is served by another site, the DNS answers
drop the site within their budget, the anycast route is withdrawn within its budget, and the
site serves again after the repair with no failed request.`,
    )
    .action((opts: FailoverFlags, cmd: Command) =>
      act(() =>
        failover({ ...(cmd.optsWithGlobals() as InventoryOptions), ...opts } as FailoverFlags &
          InventoryOptions),
      ),
    );
}
