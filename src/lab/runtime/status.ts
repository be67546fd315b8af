/**
 * What a lab is doing now, checked live: each node's PID 1 (by its recorded identity), whether
 * its init finished, and whether each requested daemon has its processes in the node's PID
 * namespace (one pass over /proc for the whole lab).
 */
import { driverOf } from '../../daemons/index.js';
import { oneProcessStatus } from '../../daemons/steps.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NodePlan } from '../plan/lab-plan.js';
import type { LabDaemon, NodeRole } from '../plan/node-roles.js';
import type { LabChanges } from '../plan/plan-diff.js';
import { isBooted, readNodeFile } from './boot.js';
import { knownHostsPath, sshConfigPath, sshKeyPath } from './lab-folder.js';
import { isAlive, listProcesses, type ProcIdentity, type ProcInfo } from './processes.js';
import type { LabState, NodeRecord } from './state.js';

export interface DaemonStatus {
  name: LabDaemon;
  up: boolean;
  /** Not running because it has no configuration yet (an empty lab waiting for a push): not a problem. */
  unconfigured?: boolean;
  /** e.g. "not running: ldpd (ldpd needs MPLS, which this kernel lacks)" */
  detail: string;
}

export interface NodeStatus {
  name: string;
  /** Network namespace (= containerlab container name); '' for a bridge. */
  netns: string;
  kind: string;
  image: string;
  role: NodeRole;
  running: boolean;
  /** Host PID of the node's PID 1 (`nsenter -t <pid> -a` for a shell); null when not running. */
  pid: number | null;
  mgmtIpv4: string;
  /** The node init has started every requested daemon. */
  booted: boolean;
  daemons: DaemonStatus[];
  /** Why this node is not healthy (empty when it is). */
  problems: string[];
}

export interface LabStatus {
  lab: string;
  topologyFile: string;
  /** `clab-<lab>/`: SSH key, known_hosts, ssh_config, topology-data.json */
  labDir: string;
  sshKey: string;
  knownHosts: string;
  /** OpenSSH client config with a Host entry per node (`ssh -F`, `FABRIC_SSH_CONFIG`). */
  sshConfig: string;
  /**
   * running: every node healthy; degraded: up with problems; creating: `up` in progress;
   * stale: its `up` was killed half-way (`lab down`, or `lab up` again, cleans it); stopped: no node runs
   */
  state: 'running' | 'degraded' | 'creating' | 'stale' | 'stopped';
  nodes: NodeStatus[];
  /** Warnings about the topology (ignored fields …), from `labUp`. */
  warnings: Diagnostic[];
  /** From `labUp` on a running lab: what it changed (absent when the lab was started afresh). */
  changes?: LabChanges;
}

export function statusOf(state: LabState, warnings: Diagnostic[] = []): LabStatus {
  const byPidNs = new Map<string, ProcInfo[]>();
  for (const p of listProcesses()) {
    if (!p.pidNs) continue;
    const list = byPidNs.get(p.pidNs) ?? [];
    list.push(p);
    byPidNs.set(p.pidNs, list);
  }
  const nodes = state.plan.nodes.map((n) => nodeStatus(n, state.nodes[n.name], byPidNs));
  const live = nodes.filter((n) => n.role !== 'bridge');
  const anyRunning = live.some((n) => n.running);
  const healthy = live.every((n) => n.problems.length === 0);
  const plan = state.plan;
  return {
    lab: plan.lab,
    topologyFile: plan.topologyFile,
    labDir: plan.labDir,
    sshKey: sshKeyPath(plan),
    knownHosts: knownHostsPath(plan),
    sshConfig: sshConfigPath(plan),
    state: labState(state, anyRunning, healthy),
    nodes,
    warnings,
  };
}

function labState(state: LabState, anyRunning: boolean, healthy: boolean): LabStatus['state'] {
  if (state.phase === 'creating') return isAlive(state.runner) ? 'creating' : 'stale';
  if (!anyRunning) return 'stopped';
  return healthy ? 'running' : 'degraded';
}

function nodeStatus(
  node: NodePlan,
  rec: NodeRecord | undefined,
  byPidNs: Map<string, ProcInfo[]>,
): NodeStatus {
  const base = {
    name: node.name,
    netns: node.netns,
    kind: node.kind,
    image: node.image,
    role: node.role,
    mgmtIpv4: node.mgmtIpv4,
  };
  if (node.role === 'bridge')
    return { ...base, running: true, pid: null, booted: true, daemons: [], problems: [] };
  const init = rec?.init;
  const running = isAlive(init);
  if (!init || !running) {
    return {
      ...base,
      running: false,
      pid: null,
      booted: false,
      daemons: [],
      problems: [...(rec?.problems ?? []), 'not running'],
    };
  }
  const procs = byPidNs.get(init.pidNs) ?? [];
  const reported = parseDaemonReport(readNodeFile(init, '/run/fabric-lab/daemons') ?? '');
  const daemons = node.daemons.map((name) => daemonStatus(name, node, init, procs, reported));
  const booted = isBooted(init);
  const problems = [...(rec?.problems ?? [])];
  if (!booted) problems.push('init has not finished');
  for (const d of daemons)
    if (!d.up && !d.unconfigured) problems.push(`${d.name} is down${d.detail ? `: ${d.detail}` : ''}`);
  return { ...base, running, pid: init.pid, booted, daemons, problems };
}

/** A daemon is up when its processes run in the node's PID namespace (its driver says which). */
function daemonStatus(
  name: LabDaemon,
  node: NodePlan,
  init: ProcIdentity,
  procs: readonly ProcInfo[],
  reported: ReadonlyMap<string, string>,
): DaemonStatus {
  const has = (comm: string) => procs.some((p) => p.comm === comm);
  const detail = reported.get(name) ?? '';
  if (name === 'http') {
    const serving = (port: number) =>
      procs.some((p) => p.cmdline.includes('http.server') && p.cmdline.split(' ').includes(String(port)));
    const down = node.httpPorts.filter((port) => !serving(port));
    return {
      name,
      up: down.length === 0,
      detail: down.length ? `not serving port ${down.join(', ')}` : `ports ${node.httpPorts.join(', ')}`,
    };
  }
  const probe = { has, readFile: (path: string) => readNodeFile(init, path) ?? null, reported: detail };
  const status = driverOf(name)?.lab.status(probe) ?? SSHD(probe);
  return { name, ...status };
}

/** sshd, which every node runs: up while its process runs. */
const SSHD = oneProcessStatus('sshd');

/** Lines "<daemon> <result>" written by the node init. */
function parseDaemonReport(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [name, ...rest] = line.split(' ');
    if (name) out.set(name, rest.join(' '));
  }
  return out;
}

/**
 * A degraded lab whose only problems are daemons down on nodes that run and have booted: what a
 * daemon between two restarts looks like (the lab's stand-in for systemd's `Restart=`, e.g. a
 * RabbitMQ worker retrying until the cluster has declared its queue), so worth waiting for.
 * A node that is not running or whose init has not finished is not.
 */
export function onlyDaemonsDown(status: LabStatus): boolean {
  if (status.state !== 'degraded') return false;
  return status.nodes.every(
    (n) =>
      n.problems.length === 0 ||
      (n.running &&
        n.booted &&
        n.problems.length === n.daemons.filter((d) => !d.up && !d.unconfigured).length),
  );
}
