/**
 * `fabric drift`: is the network still what the inventory says? Reads every managed device over
 * SSH (the daemons' configurations in use, FRR's JSON, OVSDB, HAProxy's socket) and SNMP, and
 * reports config and runtime drift as text, JSON or Prometheus. There is no `--accept`: the
 * inventory is the truth, and a drifted device goes back with `fabric push --only DEVICE`.
 */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { clusterDevice, clusterOfDevice } from '../../drift/cluster-resources.js';
import {
  type ClusterSource,
  changesBetween,
  DriftPoller,
  hasChanges,
  nextBaseline,
  watchedDevices,
} from '../../drift/poller.js';
import type { SnmpCredentials } from '../../drift/snmp.js';
import { type DriftReport, exitCodeOf, remediation } from '../../drift/types.js';
import type { FrozenSite } from '../../pipeline.js';
import { Redactor, type SecretStore } from '../../render/secrets.js';
import { driftChangesJson, driftChangesText, driftJson, driftText } from '../../report/drift.js';
import { driftPrometheus } from '../../report/prometheus.js';
import {
  addSshOptions,
  SessionPool,
  type SshCliOptions,
  sshFlagsInEffect,
  sshOptionsFromCli,
} from '../../ssh/index.js';
import { sleep } from '../../util/concurrency.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { shellQuote } from '../../util/shell.js';
import { nameList, positive, seconds } from '../args.js';
import { clusterSources } from '../cluster-sources.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import type { InventoryOptions } from '../inventory.js';
import { err, out, writeReportFile } from '../io.js';
import { checkOutputPaths } from '../output-paths.js';
import { renderAll } from '../render-all.js';
import { watchedLab } from '../watched-lab.js';

export type DriftFormat = 'text' | 'json' | 'prometheus';

export interface DriftCliOptions extends SshCliOptions, InventoryOptions {
  format?: DriftFormat;
  watch?: number;
  only?: string[];
  output?: string;
  secrets?: string;
  state?: string;
  snmpVersion: '3' | '2c' | 'off';
  snmpTimeout: number;
  concurrency: number;
  all?: boolean;
  accept?: string;
  clusterResources?: string[];
}

export function registerDrift(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  const cmd = program
    .command('drift')
    .description(
      'compare what the devices run with what the inventory says: configuration and runtime, over SSH and SNMP',
    )
    .option('-s, --site <name...>', 'the site (one; default: the only site of the inventory)')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'prometheus'])
        .default('text'),
    )
    .option('--json', 'same as --format json')
    .option('--only <device...>', 'only these devices', nameList)
    .addOption(
      new Option(
        '-w, --watch <seconds>',
        'keep polling every SECONDS; after the first report, print only changes',
      ).argParser(seconds('--watch')),
    )
    .option(
      '-o, --output <file>',
      'also write the full report to FILE after every pass (atomically), e.g. for node_exporter',
    )
    .option('--secrets <file>', 'secrets file (YAML name: value); FABRIC_SECRET_<NAME> variables win')
    .option('--state <file>', 'remember when each finding was first seen across runs (JSON file)')
    .addOption(
      new Option(
        '--snmp-version <version>',
        'SNMPv3 (authPriv, the default), v2c (needs defaults.snmp.community), or off',
      )
        .choices(['3', '2c', 'off'])
        .default('3'),
    )
    .addOption(
      new Option('--snmp-timeout <seconds>', 'per SNMP request')
        .argParser(seconds('--snmp-timeout'))
        .default(2),
    )
    .addOption(
      new Option('--concurrency <n>', 'devices read at once')
        .argParser(positive('--concurrency', true))
        .default(16),
    )
    .option('--all', 'text: list every finding (by default long runs of one kind are shortened)')
    .option(
      '--cluster-resources <[cluster=]file>',
      "also compare a Kubernetes cluster's resources, as `kubectl get … -o yaml` exports them (FILE, or - for stdin), with what render writes for it; CLUSTER= when the site has several (repeatable)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .addOption(new Option('--accept <device>').hideHelp());
  addSshOptions(cmd).addHelpText(
    'after',
    `
Config drift: each daemon's configuration in use (vtysh show running-config; the keepalived,
HAProxy and snmpd files their processes were started with; OVS bridges, ports and VXLAN tunnels
from OVSDB and the kernel) is normalised into sections and compared by meaning with what the
inventory renders to; each difference is missing, extra or changed, in its section.
Runtime drift: the checks fabric verify derives from the model (BGP sessions and prefix counts,
BFD, ECMP, the VRRP master, HAProxy backends, VXLAN flood lists), the daemons' processes, and
SNMP (IF-MIB interfaces, BGP4-MIB via FRR's AgentX, KEEPALIVED-MIB).
Severities: critical (traffic lost or about to be), major (not as intended), minor (no effect on
forwarding). Formats and metric names: docs/drift.md.

There is no --accept: the inventory is the truth. Put a device back with
\`fabric push --site SITE --only DEVICE\` (printed for every drifted device), or change the inventory.

Exit status: 0 no drift, 1 drift found, 2 some devices could not be read (named), or unusable
inventory or arguments.

SSH settings (keys, known_hosts, user, port, address) come from an OpenSSH client config, as for
ssh and Ansible: --ssh-config FILE, else FABRIC_SSH_CONFIG, else ssh_config in .fabric/config.yaml
(here or in a parent folder), else ~/.ssh/config. Flags override it.

Examples:
  fabric drift --site idc-a
  fabric drift --site idc-a --format prometheus --output /var/lib/node_exporter/fabric.prom
  fabric drift --site idc-a --watch 60 --only spine1 spine2
  kubectl get bgppeers,bfdprofiles,ipaddresspools,bgpadvertisements -n metallb-system -o yaml \
    | fabric drift --site k8s-a --only k8s:prod --cluster-resources -     # the cluster's resources alone
  export FABRIC_SSH_CONFIG=$PWD/lab/clab-idc-a/ssh_config && fabric drift --site idc-a     # the lab`,
  );
  cmd.action((opts: DriftCliOptions, c: Command) => run(drift({ ...c.optsWithGlobals(), ...opts })));
}

function snmpCredentials(
  site: FrozenSite,
  store: SecretStore,
  version: '3' | '2c' | 'off',
): SnmpCredentials | null {
  if (version === 'off') return null;
  const snmpd = site.devices.find((d) => d.snmpd)?.snmpd;
  if (!snmpd) return null;
  const secret = (name: string, use: 'snmp-auth' | 'snmp-priv' | 'snmp-community') => {
    const r = store.resolve(name, use, 'drift (SNMP)');
    if ('error' in r) throw new CliError(`drift: ${r.error.message}`);
    return r.value;
  };
  if (version === '2c') {
    if (!snmpd.community)
      throw new CliError(
        `drift: --snmp-version 2c needs a community (defaults.snmp.community in ${site.name}'s inventory); SNMPv3 is the default`,
      );
    return { version: '2c', community: secret(snmpd.community.secret.secret, 'snmp-community') };
  }
  return {
    version: '3',
    user: snmpd.user.name,
    authProtocol: snmpd.user.authProtocol,
    authKey: secret(snmpd.user.auth.secret, 'snmp-auth'),
    privKey: secret(snmpd.user.priv.secret, 'snmp-priv'),
  };
}

function readState(file: string | undefined): Record<string, string> {
  if (!file) return {};
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as { since?: Record<string, string> };
    return s.since ?? {};
  } catch {
    return {}; // no state yet (or unreadable): every finding is new
  }
}

/**
 * What a pasted `fabric push` needs besides the site and device: the inventory and secrets this
 * drift read, and the SSH flags given (an ssh config from the environment or the settings file
 * carries over by itself).
 */
function pushArgs(opts: DriftCliOptions): string[] {
  return [
    ...(opts.inventory !== 'inventory' ? ['--inventory', shellQuote(opts.inventory)] : []),
    ...(opts.secrets ? ['--secrets', shellQuote(opts.secrets)] : []),
    ...sshFlagsInEffect(opts),
  ];
}

function full(format: DriftFormat, r: DriftReport, opts: DriftCliOptions): string {
  if (format === 'json') return `${JSON.stringify(driftJson(r, pushArgs(opts)), null, opts.watch ? 0 : 2)}\n`;
  if (format === 'prometheus') return driftPrometheus(r);
  return `${driftText(r, r.site, { all: opts.all, pushArgs: pushArgs(opts) })}\n`;
}

/** `--only`: every name a device drift reads, or a cluster given with --cluster-resources; else why not. */
function checkOnly(
  site: FrozenSite,
  only: readonly string[],
  watched: ReadonlySet<string>,
  clusters: readonly ClusterSource[],
): void {
  for (const c of clusters)
    if (only.length && !only.includes(c.device))
      throw new CliError(
        `drift: --cluster-resources gives ${c.device}, which --only leaves out: add it (--only … ${c.device}) or drop the export`,
      );
  for (const d of only) {
    // a cluster compared with --cluster-resources: `k8s:<cluster>`
    if (clusterOfDevice(d) !== undefined) {
      const known = (site.clusters ?? []).map((c) => clusterDevice(c.name));
      if (!known.includes(d))
        throw new CliError(
          `drift: --only ${d}: no such cluster in ${site.name} (clusters: ${known.join(', ') || 'none'})`,
        );
      if (!clusters.some((c) => c.device === d))
        throw new CliError(`drift: --only ${d}: give its resources with --cluster-resources [CLUSTER=]FILE`);
      continue;
    }
    if (!site.devices.some((x) => x.name === d))
      throw new CliError(
        `drift: --only ${d}: no such device in ${site.name}${didYouMean(d, [...watched])} (devices: ${[...watched].join(', ')})`,
      );
    if (!watched.has(d)) {
      const device = site.devices.find((x) => x.name === d)!;
      // what it is, in the user's words: a cluster's node is compared through its cluster's resources
      const cluster = (site.clusters ?? []).find((c) => c.nodes.includes(d));
      const what = cluster
        ? `a node of cluster ${cluster.name}: its speaker is the platform team's; compare the cluster's resources with --only ${clusterDevice(cluster.name)} --cluster-resources FILE`
        : `a ${device.role}`;
      throw new CliError(`drift: ${d} runs no daemon fabric configures (${what}): nothing to compare`);
    }
  }
}

export async function drift(opts: DriftCliOptions): Promise<ExitCode> {
  if (opts.accept !== undefined)
    throw new CliError(
      `drift: there is no --accept: the inventory is the truth. Put ${opts.accept} back with \`${remediation(opts.site?.[0] ?? 'SITE', shellQuote(opts.accept), pushArgs(opts))}\`, or change the inventory and push`,
    );
  const format: DriftFormat = opts.json ? 'json' : (opts.format ?? 'text');
  if (format === 'prometheus' && opts.watch && !opts.output)
    throw new CliError(
      'drift: --format prometheus --watch needs --output FILE (the metrics are rewritten every pass)',
    );
  checkOutputPaths('drift', [
    { option: '--output', path: opts.output, kind: 'file', example: 'drift.prom' },
    { option: '--state', path: opts.state, kind: 'file', example: 'drift-state.json' },
  ]);

  // the rendered intent, in memory: what the devices must run
  const { model, rendered, store } = renderAll(opts, {
    command: 'drift',
    consequence: 'there is no intent to compare with; fix it first',
    findingsExit: EXIT.UNUSABLE,
    oneSite: true,
  });
  const site = model.sites[0]!;
  const files = rendered[0]!.site.files;
  const watched = new Set(watchedDevices(site).map((d) => d.name));
  const clusters = clusterSources(site, opts.clusterResources ?? [], !!opts.watch);
  checkOnly(site, opts.only ?? [], watched, clusters);
  const snmp = snmpCredentials(site, store, opts.snmpVersion);
  // after every secret was resolved (rendering, SNMP): nothing reported can show one
  const redactor = new Redactor(store.resolvedValues());
  const redact = (t: string) => redactor.redact(t);
  const ssh = sshOptionsFromCli(opts, { redact });
  if ('error' in ssh) throw new CliError(`drift: ${ssh.error}`);
  const pool = new SessionPool(ssh);
  const lab = watchedLab(site, ssh.sshConfig?.file);
  if (lab)
    err(
      `drift: watching lab ${lab.lab} (sites ${lab.sites.join(', ')}): the other sites' parts are not judged`,
    );
  const poller = new DriftPoller({
    site,
    ...(lab ? { labSites: lab.sites } : {}),
    files,
    redact,
    pool,
    only: opts.only,
    concurrency: opts.concurrency,
    snmp,
    snmpTimeoutMs: opts.snmpTimeout * 1000,
    commandTimeoutMs: (opts.commandTimeout ?? 60) * 1000,
    since: readState(opts.state),
    clusters,
  });
  const afterPass = (r: DriftReport) => {
    if (opts.output) writeReportFile(opts.output, full(format, r, { ...opts, watch: undefined }));
    if (opts.state)
      writeReportFile(
        opts.state,
        `${JSON.stringify({ site: site.name, since: poller.sinceState() }, null, 2)}\n`,
      );
    if (r.unreadable.length && format !== 'text')
      err(
        `drift: ${r.unreadable.length} device${r.unreadable.length === 1 ? '' : 's'} could not be read: ${r.unreadable.map((u) => u.device).join(', ')}`,
      );
  };

  try {
    let report = await poller.poll();
    afterPass(report);
    if (!opts.watch) {
      process.stdout.write(full(format, report, opts));
      return exitCodeOf(report) as ExitCode;
    }

    // --- watch: the first report in full, then only what changes --------------------------------
    if (format === 'prometheus')
      out(driftText(report, site.name, { all: opts.all, pushArgs: pushArgs(opts) }));
    else process.stdout.write(full(format, report, opts));
    let baseline = report;
    let stopping = false;
    const stop = () => {
      stopping = true;
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      while (!stopping) {
        const started = Date.now();
        while (!stopping && Date.now() - started < opts.watch * 1000)
          await sleep(Math.min(250, opts.watch * 1000 - (Date.now() - started)));
        if (stopping) break;
        const next = await poller.poll();
        afterPass(next);
        const changes = changesBetween(baseline, next);
        baseline = nextBaseline(baseline, next);
        report = next;
        if (!hasChanges(changes)) continue;
        if (format === 'json') out(JSON.stringify(driftChangesJson(changes, next)));
        else out(driftChangesText(changes, site.name, pushArgs(opts)));
      }
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
    return exitCodeOf(report) as ExitCode;
  } finally {
    await pool.closeAll();
  }
}
