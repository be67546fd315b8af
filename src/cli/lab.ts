/**
 * `fabric lab up|down|status|exec`: the lab runtime (src/lab) on the command line.
 * Exit codes: 0 ok; 1 the command ran and found problems (a node did not boot, a daemon is
 * down, the lab is not running); 2 unusable input or arguments, or missing requirements
 * (nothing was touched). `lab exec` exits with the command's own code.
 *
 * Each action hands its exit code to `run` (main.ts's convention), and usage errors go to the
 * program's own exitOverride. Without `run`, actions set process.exitCode and usage errors exit 2.
 */
import type { Command, CommanderError } from 'commander';
import { registerFailoverCommand } from '../failover/cli.js';
import { loadInventoryDir } from '../inventory/files.js';
import { LabError, type LabStatus, labDown, labExec, labStatus, labUp } from '../lab/index.js';
import { formatDiagnostic, formatStatus, ProgressDisplay } from '../lab/report.js';
import type { FrozenSite } from '../pipeline.js';
import { labDownJson, labDownText } from '../report/lab-down.js';
import { once } from './args.js';
import { CliError } from './exit.js';
import { exportSiteLab, prepareSiteLab } from './lab-site.js';
import { DEFAULT_WAIT_SECONDS, waitConverged, waitSeconds } from './lab-wait.js';
import { chooseLab, chooseLabToRemove, runningLabs } from './site-choice.js';

/** Receives a command's exit code (a promise that never rejects). */
export type ExitCodeSink = (code: Promise<number>) => void;

interface Target {
  topology?: string;
  name?: string;
  /** A site of the inventory: its lab is named after it. */
  site?: string;
}

/** The lab named by --name, --site or --topology, or else the only lab on this machine. */
function target(opts: Target, command: string): string | undefined {
  return opts.name ?? opts.site ?? opts.topology ?? chooseLab(command, runningLabs());
}

/** The site names of the inventory's files, without compiling it (none when it cannot be read). */
function inventorySites(dir: string): string[] {
  const sites = loadInventoryDir(dir).sources.map((s) => (s.data as { site?: unknown } | undefined)?.site);
  return [...new Set(sites.filter((s): s is string => typeof s === 'string'))];
}

function requiredTarget(opts: Target, command: string): string {
  const t = target(opts, command);
  if (!t) throw new LabError(2, [`${command}: no lab is running here: start one with \`fabric lab up\``]);
  return t;
}

interface SiteFlags {
  inventory: string;
  out: string;
  secrets?: string;
  empty?: boolean;
}

/** Runs an action, turning LabError into its message and exit code (no stack traces for user errors). */
async function guarded(action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof LabError) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      for (const line of e.lines) process.stderr.write(`${line}\n`);
      return e.exitCode;
    }
    if (e instanceof CliError) {
      process.stderr.write(`fabric: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`lab: ${(e as Error).message}\n`);
    if (process.env.FABRIC_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

function setProcessExitCode(code: Promise<number>): void {
  code.then((c) => {
    process.exitCode = c;
  });
}

export function registerLabCommands(program: Command, run?: ExitCodeSink): Command {
  const report = run ?? setProcessExitCode;
  /** commander awaits the action; its exit code goes to `report`. */
  const act = async (action: () => Promise<number>): Promise<void> => {
    const code = guarded(action);
    report(code);
    await code;
  };
  /** Usage errors exit 2, like every other unusable input (main.ts maps them itself). */
  const command = (parent: Command, name: string): Command => {
    const cmd = parent.command(name);
    return run ? cmd : cmd.exitOverride((err: CommanderError) => process.exit(err.exitCode === 0 ? 0 : 2));
  };

  const lab = command(program, 'lab').description(
    'run a containerlab topology on this machine without Docker (network namespaces)',
  );

  command(lab, 'export')
    .description("write a site's containerlab topology (lab/<site>.clab.yml), rendering its configs first")
    .option('-s, --site <name>', 'the site (default: the only site of the inventory)', once('--site'))
    .option('-o, --output <file>', 'topology file (default: lab/<site>.clab.yml)', undefined)
    .option('--out <dir>', 'rendered configs folder', 'out')
    .option('--secrets <file>', 'secrets file')
    .option('--empty', 'nodes boot with distribution defaults, for a first `fabric push`')
    .addHelpText(
      'after',
      `
Examples:
  fabric lab export --site idc-a                      # lab/idc-a.clab.yml, configs in out/idc-a
  fabric lab export --site idc-a --output /tmp/idc-a.clab.yml && containerlab deploy -t /tmp/idc-a.clab.yml`,
    )
    .action((opts: SiteFlags & { site?: string; output?: string }, cmd: Command) =>
      act(async () => {
        const file = exportSiteLab(opts.site, { ...(cmd.optsWithGlobals() as SiteFlags), ...opts });
        process.stdout.write(`${file}: containerlab topology${opts.empty ? ' (empty)' : ''}\n`);
        return 0;
      }),
    );

  command(lab, 'up')
    .description(
      'start a lab: every node in its own namespaces, links, daemons, exec; on a running lab, apply the changes',
    )
    .option(
      '-s, --site <name>',
      'a site of the inventory: render it, export lab/<site>.clab.yml, run it (default without --topology: the only site)',
      once('--site'),
    )
    .option('--topology <file>', 'any containerlab topology file (*.clab.yml)')
    .option('--empty', 'with --site: nodes boot with distribution defaults, for a first `fabric push`')
    .option('--out <dir>', 'with --site: rendered configs folder', 'out')
    .option('--secrets <file>', 'with --site: secrets file')
    .option('--name <lab>', 'lab name instead of the topology name')
    .option('--mgmt-subnet <cidr>', 'management subnet instead of the topology one')
    .option(
      '--wait [seconds]',
      `with --site: then wait until the fabric has converged (every \`fabric verify\` check passes; default ${DEFAULT_WAIT_SECONDS} s)`,
    )
    .option('--json', 'print the lab status as JSON')
    .addHelpText(
      'after',
      `
On a running lab, \`lab up\` applies the difference: new nodes and links are added, deleted ones
removed, a node whose definition changed is restarted, and the rest keeps running.

Examples:
  fabric lab up --site idc-a --wait                   # render, export, run, wait for BGP & co
  fabric lab up --site idc-a --empty && fabric push --site idc-a --yes
  fabric lab up --topology ../shared/containerlab/examples/frr01/frr01.clab.yml`,
    )
    .action(
      (
        opts: Target & SiteFlags & { mgmtSubnet?: string; json?: boolean; wait?: string | boolean },
        cmd: Command,
      ) =>
        act(async () => {
          if (opts.site && opts.topology)
            throw new LabError(2, [
              'lab up: say which lab to start: --site SITE or --topology FILE, not both',
            ]);
          const wait = waitSeconds(opts.wait);
          if (wait === 'bad') throw new LabError(2, [`--wait "${opts.wait}" is not a number of seconds`]);
          if (wait !== undefined && opts.topology)
            throw new LabError(2, [
              "--wait needs a site (--site): the site's model says what a converged lab is",
            ]);
          // rendered in memory: nothing is written until the lab's checks pass
          const prepared = !opts.topology
            ? prepareSiteLab(opts.site, { ...(cmd.optsWithGlobals() as SiteFlags), ...opts })
            : undefined;
          const progress = new ProgressDisplay(process.stderr);
          const status = await labUp(prepared?.topologyPath ?? opts.topology!, {
            name: opts.name,
            mgmtSubnet: opts.mgmtSubnet,
            onProgress: progress.onProgress,
            source: prepared && {
              text: prepared.topologyText,
              pendingFiles: prepared.pendingFiles,
              write: prepared.write,
            },
          });
          for (const w of status.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
          process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
          if (status.state !== 'running') return 1;
          if (wait !== undefined && prepared) {
            const code = await waitForSite(prepared.site, status.lab, wait, !!opts.empty);
            if (code) return code;
          }
          if (prepared && !opts.json) process.stdout.write(setupStep(status, prepared.site.name));
          return 0;
        }),
    );

  command(lab, 'down')
    .description(
      'stop a lab and remove its namespaces, links and node layers (harmless if it is not running)',
    )
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('-v, --verbose', 'list everything removed, not only how many of each kind')
    .option('--json', 'what was removed, by kind, as JSON')
    .addHelpText(
      'after',
      `
Without --site, --topology or --name: the only lab running here, if it is the lab of a site
of the inventory (a lab started elsewhere is removed only when named).

Examples:
  fabric lab down --site idc-a
  fabric lab down --verbose                           # every namespace, link and process removed`,
    )
    .action((opts: Target & { verbose?: boolean; json?: boolean }, cmd: Command) =>
      act(async () => {
        const named = opts.name ?? opts.site ?? opts.topology;
        const lab =
          named ??
          chooseLabToRemove(runningLabs(), inventorySites((cmd.optsWithGlobals() as SiteFlags).inventory));
        if (!lab) {
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(labDownJson('', []))}\n`
              : 'no lab is running here: nothing to remove\n',
          );
          return 0;
        }
        const progress = new ProgressDisplay(process.stderr);
        const { removed } = await labDown(lab, { onProgress: progress.onProgress });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(labDownJson(lab, removed), null, 2)}\n`
            : labDownText(lab, removed, opts.verbose),
        );
        return 0;
      }),
    );

  command(lab, 'status')
    .description('show each node: running, PID, management address, daemons')
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Exit status: 0 running, 1 not running or degraded, 2 no such lab.

Examples:
  fabric lab status                                   # the only lab running here
  fabric lab status --site idc-a --json`,
    )
    .action((opts: Target & { json?: boolean }) =>
      act(async () => {
        const status = await labStatus(requiredTarget(opts, 'lab status'));
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
        return status.state === 'running' ? 0 : 1;
      }),
    );

  command(lab, 'exec')
    .description('run a command inside a node: lab exec NODE -- CMD [ARGS...] (no shell)')
    .argument('<node>', 'node name')
    .argument('<command...>', 'command and arguments (after --)')
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('--timeout <seconds>', 'kill the command after this long', '600')
    .addHelpText(
      'after',
      `
Exit status: the command's own.

Examples:
  fabric lab exec --site idc-a leaf1a -- vtysh -c 'show bgp summary'
  fabric lab exec hv1 -- ovs-vsctl show               # in the only lab running here`,
    )
    .action((node: string, argv: string[], opts: Target & { timeout: string }) =>
      act(async () => {
        const timeoutMs = Number(opts.timeout) * 1000;
        if (!(timeoutMs > 0))
          throw new LabError(2, [`--timeout "${opts.timeout}" is not a number of seconds`]);
        const r = await labExec(requiredTarget(opts, 'lab exec'), node, argv, { timeoutMs });
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        return r.code;
      }),
    );

  registerFailoverCommand(command(lab, 'failover'), act);
  return lab;
}

/** `--wait`: 0 when converged, 1 (with what is still down) on timeout. */
async function waitForSite(site: FrozenSite, lab: string, seconds: number, empty: boolean): Promise<number> {
  if (empty) {
    process.stderr.write('--wait: an empty lab has nothing to converge until `fabric push` configures it\n');
    return 0;
  }
  const down = await waitConverged(site, lab, seconds, (l) => process.stderr.write(`${l}\n`));
  if (!down.length) {
    process.stderr.write(`lab ${lab}: converged, every check of \`fabric verify\` passes\n`);
    return 0;
  }
  const shown = down.slice(0, 20);
  process.stderr.write(
    [
      `lab ${lab}: not converged after ${seconds} s; ${down.length} check(s) still fail:`,
      ...shown.map((l) => `  ${l}`),
      ...(down.length > shown.length
        ? [`  … and ${down.length - shown.length} more: fabric verify --site ${site.name} --lab ${lab}`]
        : []),
    ].join('\n') + '\n',
  );
  return 1;
}

/**
 * The one step that makes `fabric push` and `fabric drift` reach the lab with no SSH flags: the
 * lab's OpenSSH client config (a Host entry per node: address, user, key, known_hosts).
 */
function setupStep(status: LabStatus, site: string): string {
  return [
    '',
    `To push to and watch this lab with no SSH flags, point fabric at its SSH config:`,
    `  export FABRIC_SSH_CONFIG=${status.sshConfig}`,
    `then: fabric push --site ${site} --yes; fabric drift --site ${site}`,
    `(or put "ssh_config: ${status.sshConfig}" in .fabric/config.yaml)`,
    '',
  ].join('\n');
}
