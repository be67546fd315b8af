/**
 * `fabric lab up`: a site (rendered, exported, run) or any containerlab topology; on a running
 * lab, the difference is applied.
 */
import type { Command } from 'commander';
import { formatDiagnostic } from '../../../diagnostics/format.js';
import { LabError, labUp } from '../../../lab/index.js';
import { formatSshSetup, formatStatus, ProgressDisplay } from '../../../report/lab.js';
import { siteList } from '../../args.js';
import type { LabCli, SiteFlags, Target } from './common.js';
import { prepareSiteLab } from './site.js';
import { prepareSharedLab } from './sites.js';
import { DEFAULT_WAIT_SECONDS, waitForDaemons, waitForSite, waitSeconds } from './wait.js';

type UpOptions = Omit<Target, 'site'> &
  SiteFlags & { site?: string[]; mgmtSubnet?: string; json?: boolean; wait?: string | boolean };

export function registerLabUp({ lab, command, act }: LabCli): void {
  command(lab, 'up')
    .description(
      'start a lab: every node in its own namespaces, links, daemons, exec; on a running lab, apply the changes',
    )
    .option(
      '-s, --site <name>',
      'a site of the inventory: render it, export lab/<site>.clab.yml, run it (default without --topology: the only site); repeat it for several sites in one lab with a shared internet',
      siteList,
    )
    .option('--topology <file>', 'any containerlab topology file (*.clab.yml)')
    .option('--empty', 'with --site: nodes boot with distribution defaults, for a first `fabric push`')
    .option('--out <dir>', 'with --site: rendered configs folder', 'out')
    .option('--secrets <file>', 'with --site: secrets file')
    .option('--name <lab>', 'lab name instead of the topology name')
    .option('--mgmt-subnet <cidr>', 'management subnet instead of the topology one')
    .option(
      '--wait [seconds]',
      `with --site: then wait until every daemon runs (one between restarts is waited for) and the fabric has converged (every \`fabric verify\` check passes; default ${DEFAULT_WAIT_SECONDS} s)`,
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
  fabric lab up --site aa-a --site aa-b --wait       # both sites, their upstreams shared, a client
                                                      # (lab aa-a_aa-b, nodes aa-a-edge1 …, isp1, client)
  fabric lab up --topology ../shared/containerlab/examples/frr01/frr01.clab.yml`,
    )
    .action((opts: UpOptions, cmd: Command) => act(() => up(opts, cmd)));
}

async function up(opts: UpOptions, cmd: Command): Promise<number> {
  const sites = opts.site ?? [];
  if (sites.length && opts.topology)
    throw new LabError(2, ['lab up: say which lab to start: --site SITE or --topology FILE, not both']);
  const wait = waitSeconds(opts.wait);
  if (typeof wait === 'object') throw new LabError(2, [`--wait: ${wait.problem}`]);
  if (wait !== undefined && opts.topology)
    throw new LabError(2, ["--wait needs a site (--site): the site's model says what a converged lab is"]);
  // rendered in memory: nothing is written until the lab's checks pass
  const flags = { ...(cmd.optsWithGlobals() as SiteFlags), ...opts };
  const prepared = opts.topology
    ? undefined
    : sites.length > 1
      ? prepareSharedLab(sites, flags)
      : prepareSiteLab(sites[0], flags);
  const models = prepared === undefined ? [] : 'sites' in prepared ? prepared.sites : [prepared.site];
  const progress = new ProgressDisplay(process.stderr);
  const booted = await labUp(prepared?.topologyPath ?? opts.topology!, {
    name: opts.name,
    mgmtSubnet: opts.mgmtSubnet,
    onProgress: progress.onProgress,
    source: prepared && {
      text: prepared.topologyText,
      pendingFiles: prepared.pendingFiles,
      write: prepared.write,
    },
  });
  for (const w of booted.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  // a daemon between restarts is given the wait too; without --wait the status is a snapshot
  const started = Date.now();
  const status =
    wait !== undefined ? { ...(await waitForDaemons(booted, wait)), warnings: booted.warnings } : booted;
  const left = wait === undefined ? 0 : Math.max(1, wait - (Date.now() - started) / 1000);
  process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  if (status.state !== 'running') return 1;
  // each site's checks, on its own nodes (src/topology/lab-nodes.ts maps its devices to them)
  if (wait !== undefined)
    for (const site of models) {
      const code = await waitForSite(site, status.lab, left, !!opts.empty, models);
      if (code) return code;
    }
  if (prepared && !opts.json)
    process.stdout.write(
      formatSshSetup(
        status,
        models.map((m) => m.name),
      ),
    );
  return 0;
}
