/** `fabric push`: the rendered configs of a site onto its devices, wave by wave, gated and reversible. */

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { type Command, Option } from 'commander';
import { type PushReport, push } from '../../push/push.js';
import { withTraffic } from '../../push/traffic.js';
import { MANIFEST_FILE, type Manifest } from '../../render/manifest.js';
import { TemplateSet } from '../../render/templates.js';
import { pushText } from '../../report/push.js';
import { addSshOptions, SessionPool, type SshCliOptions, sshOptionsFromCli } from '../../ssh/index.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { own } from '../../util/own.js';
import { shellQuote } from '../../util/shell.js';
import { nameList, positive, seconds } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { err, json, out } from '../io.js';
import { checkOutputPaths } from '../output-paths.js';
import { renderAll } from '../render-all.js';
import { type PushProbes, startPushProbes } from './push-probes.js';

/** Devices worked on at once: each is its own machine, so only the controller's load limits it. */
const CONCURRENCY = 32;
/**
 * With --probe-lab the devices are namespaces sharing this machine's CPUs: eight reloads at once
 * (frr-reload.py, HAProxy, OVS) starve the other nodes' BFD (50 ms x 3) and health checks, and the
 * probes measure outages no real device would cause (BFD flaps, measured 1.3-1.5 s of lost
 * pings at load 10-27 on 2 vCPUs). Two at a time keeps the lab's own reactions on time.
 */
const PROBED_CONCURRENCY = 2;

export interface PushCliOptions extends SshCliOptions {
  inventory: string;
  site?: string[];
  out: string;
  secrets?: string;
  dryRun?: boolean;
  diff?: boolean;
  only?: string[];
  yes?: boolean;
  canary: boolean;
  gateTimeout: number;
  reconnectTimeout: number;
  concurrency?: number;
  lockDir?: string;
  json?: boolean;
  probeLab?: string;
}

export function registerPush(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  const cmd = program
    .command('push')
    .description(
      'push the rendered configs of a site over SSH, in waves that never change both halves of a pair',
    )
    .option('-s, --site <name...>', 'the site (one; default: the only site of the inventory)')
    .option('--dry-run', 'read the devices, print the wave plan and the diffs, change nothing')
    .option('--diff', 'print the diff of every file that changes')
    .option('--only <device...>', 'push these devices only (still in waves, still gated)', nameList)
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .option('--no-canary', 'do not push the first device of the first wave alone')
    .addOption(
      new Option('--gate-timeout <seconds>', 'how long the health checks after a wave may take to pass')
        .argParser(seconds('--gate-timeout'))
        .default(90),
    )
    .addOption(
      new Option(
        '--reconnect-timeout <seconds>',
        'how long to wait for a device that lost its connection mid-change before reporting it unknown',
      )
        .argParser(seconds('--reconnect-timeout'))
        .default(60),
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        `devices read, staged, validated and applied at once (a wave never holds both halves of a pair, whatever this is); default ${CONCURRENCY}, ${PROBED_CONCURRENCY} with --probe-lab`,
      ).argParser(positive('--concurrency', true)),
    )
    .option('-o, --out <dir>', 'rendered configs (from `fabric render`)', 'out')
    .option('--secrets <file>', 'secrets file (to check that out/ is what the inventory renders to)')
    .option(
      '--lock-dir <dir>',
      'where the per-site push lock lives (default: .fabric/locks beside the inventory)',
    )
    .option('--json', 'the push report as JSON on stdout (progress stays on stderr)')
    .option(
      '--probe-lab <lab>',
      "run `lab failover`'s probes in this running lab during the push and report per wave what they saw; exit 1 over the budget",
    );
  addSshOptions(cmd).addHelpText(
    'after',
    `
What it does, per device: upload to a staging folder, validate there with the daemons' own
parsers (vtysh -C, keepalived -t, haproxy -c, an OVS dry run), then apply as an on-device
transaction (atomic renames, frr-reload.py / reload, health check, automatic restore on failure)
that finishes even if SSH drops. After each wave, health gates derived from the model (BGP
sessions and prefixes, ECMP, BFD, one VRRP master, HAProxy backends, VIPs) must pass, or the wave
is reverted and the rollout stops. Devices that already run the rendered configs are skipped.

With --probe-lab LAB (a lab of the site, from \`fabric lab up\`): the probes of \`fabric lab
failover\` run inside the lab while the push runs (ping every 10 ms between leaf loopbacks and
between VMs on different hypervisors, HTTP to every VIP from every upstream), and the report
says per wave the longest outage, the pings lost and the requests failed. A wave may lose no
request and no more pings than the fabric budget (budgets.fabric, 350 ms by default).

Exit status: 0 pushed (or nothing to do, or a dry run), 1 the push failed or was refused (every
device is left on a complete config: see the report), or a dry run could not read some device
(named, and shown as new: every file), or with --probe-lab a wave exceeded the budget, 2
unusable inventory, arguments, out/, ssh config, or --probe-lab without a running lab.

SSH settings (keys, known_hosts, user, port, address) come from an OpenSSH client config, as for
ssh and Ansible: --ssh-config FILE, else FABRIC_SSH_CONFIG, else ssh_config in .fabric/config.yaml
(here or in a parent folder), else ~/.ssh/config; Host entries match a device's inventory name or
its management address. Flags override the config.

Examples:
  fabric render && fabric push --site idc-a --dry-run --diff
  fabric push --site idc-a --yes
  fabric push --site idc-a --only leaf1a leaf1b --yes
  fabric push --site idc-a --yes --identity ~/.ssh/fabric_ed25519 --known-hosts ~/.ssh/fabric_known_hosts
  export FABRIC_SSH_CONFIG=$PWD/lab/clab-idc-a/ssh_config && fabric push --site idc-a --yes     # the lab
  fabric push --site idc-a --yes --probe-lab idc-a      # the lab, measuring what traffic sees`,
  );
  cmd.action((opts: PushCliOptions, c: Command) => run(pushCommand({ ...c.optsWithGlobals(), ...opts })));
}

/** `fabric render` as the user must run it to match this push: the same inventory, out/ and secrets. */
function renderCommand(opts: PushCliOptions, site: string): string {
  return [
    'fabric',
    ...(opts.inventory !== 'inventory' ? ['--inventory', shellQuote(opts.inventory)] : []),
    'render',
    '--site',
    site,
    ...(opts.out !== 'out' ? ['--out', shellQuote(opts.out)] : []),
    ...(opts.secrets ? ['--secrets', shellQuote(opts.secrets)] : []),
  ].join(' ');
}

/** The rendered files on disk must be exactly what the inventory renders to now. */
function checkRenderedOutput(opts: PushCliOptions, site: string, manifest: Manifest): void {
  const outDir = opts.out;
  const render = renderCommand(opts, site);
  const path = join(outDir, site, MANIFEST_FILE);
  if (!existsSync(path))
    throw new CliError(`no rendered configs in ${join(outDir, site)}: run \`${render}\` first`);
  const onDisk = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const key = (m: Manifest) =>
    JSON.stringify(
      Object.entries(m.devices)
        .flatMap(([d, x]) => x.files.map((f) => `${d}/${f.path}:${f.sha256}`))
        .sort(),
    );
  if (key(onDisk) !== key(manifest))
    throw new CliError(
      `${join(outDir, site)} is not what the inventory renders to now: run \`${render}\`, review, then push`,
    );
  for (const [device, d] of Object.entries(onDisk.devices))
    for (const f of d.files) {
      const file = join(outDir, site, device, f.path);
      if (!existsSync(file)) throw new CliError(`${file} is missing: run \`${render}\``);
    }
}

async function askConfirmation(summary: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY)
    throw new CliError('push: refusing to change devices without a terminal to confirm: pass --yes');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`push: ${summary}. Apply? [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

function pushId(): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

export async function pushCommand(opts: PushCliOptions): Promise<ExitCode> {
  checkOutputPaths('push', [
    { option: '--lock-dir', path: opts.lockDir, kind: 'folder', example: '.fabric/locks' },
  ]);
  const { rendered, model, redactor } = renderAll(
    { inventory: opts.inventory, site: opts.site, secrets: opts.secrets },
    { command: 'push', consequence: 'nothing was pushed', findingsExit: EXIT.PROBLEMS, oneSite: true },
  );
  const site = model.sites[0]!;
  const { site: files, manifest } = rendered[0]!;
  checkRenderedOutput(opts, site.name, manifest);
  if (opts.probeLab !== undefined && opts.dryRun)
    throw new CliError(
      'push: --probe-lab measures traffic while devices change, and --dry-run changes nothing: drop one of them',
    );
  const only = opts.only ?? [];
  for (const name of only) {
    const d = site.devices.find((x) => x.name === name);
    if (!d)
      throw new CliError(
        `push: --only ${name}: no such device in ${site.name}${didYouMean(
          name,
          site.devices.map((x) => x.name),
        )}`,
      );
    if (!own(manifest.devices, name) || !d.managed)
      throw new CliError(`push: --only ${name}: fabric manages no configuration on ${name}`);
  }
  const ssh = sshOptionsFromCli(opts, { redact: (t) => redactor.redact(t) });
  if ('error' in ssh) throw new CliError(`push: ${ssh.error}`);
  const pool = new SessionPool(ssh);
  const probes =
    opts.probeLab === undefined ? null : await startPushProbes(site, opts.probeLab, opts.inventory, err);
  try {
    const report = await probed(probes, {
      site,
      manifest,
      rendered: files,
      pushId: pushId(),
      only,
      dryRun: !!opts.dryRun,
      showDiff: !!opts.diff,
      canary: opts.canary,
      gateTimeoutMs: opts.gateTimeout * 1000,
      applyTimeoutMs: 120_000,
      reconnectMs: opts.reconnectTimeout * 1000,
      concurrency: opts.concurrency ?? (opts.probeLab === undefined ? CONCURRENCY : PROBED_CONCURRENCY),
      lockDir: opts.lockDir ?? join(dirname(resolve(opts.inventory)), '.fabric', 'locks'),
      command: `fabric ${process.argv.slice(2).join(' ')}`,
      pool,
      templates: new TemplateSet(),
      redactor,
      confirm: (summary) => askConfirmation(summary, opts.yes),
      progress: err,
      onWaveStart: probes?.onWaveStart,
    });
    if (opts.json) json(report);
    else out(pushText(report, !!opts.diff || !!opts.dryRun));
    return pushExitCode(report);
  } finally {
    await pool.closeAll();
  }
}

/** The push, with what the probes saw per wave when they run; they are stopped whatever happens. */
async function probed(probes: PushProbes | null, input: Parameters<typeof push>[0]): Promise<PushReport> {
  let report: PushReport;
  try {
    report = await push(input);
  } catch (e) {
    await probes?.finish();
    throw e;
  }
  return probes ? withTraffic(report, await probes.finish()) : report;
}

/**
 * 0 pushed, nothing to do or planned; 1 otherwise, for a dry run that could not read every
 * device, and when the probes saw a wave exceed the budget.
 */
export function pushExitCode(r: PushReport): ExitCode {
  if (r.probes && !r.probes.ok) return EXIT.PROBLEMS;
  if (r.result === 'planned')
    return r.devices.some((d) => d.status === 'unreachable') ? EXIT.PROBLEMS : EXIT.OK;
  return r.result === 'ok' || r.result === 'nothing-to-do' ? EXIT.OK : EXIT.PROBLEMS;
}
