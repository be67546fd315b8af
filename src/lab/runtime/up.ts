/**
 * `lab up`, in order:
 * 1. check: parse (strict, located diagnostics), runtime support, preflight, leftovers of an
 *    earlier run, management subnet and namespace names free: nothing is touched (and no file
 *    written, see `LabUpOptions.source`) before this passes, so an unsupported lab is never
 *    half-run;
 * 2. state file written (the plan: every name that will exist);
 * 3. network: one root-namespace batch (mgmt bridge, namespaces, veths);
 * 4. provision (parallel): node addresses, TX offload off, node layers, host keys; then the
 *    opaque marks and the lab folder (key, known_hosts);
 * 5. boot (parallel): launch every node, then per node wait for its init and run its `exec`.
 * A failure in 2-5 that is not a node's own problem removes everything created.
 *
 * On a running lab of the same topology file, `up` applies the difference instead (../plan/plan-diff.ts):
 * new nodes and links are added, deleted ones removed, the rest keeps running.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mapLimit } from '../../util/concurrency.js';
import { LabError } from '../errors.js';
import { type LabPlan, type NodePlan, type PlanOptions, planLab } from '../plan/lab-plan.js';
import { rootNames } from '../plan/names.js';
import {
  bindsDigest,
  diffPlans,
  isEmptyDiff,
  type LabChanges,
  type LabDiff,
  summarize,
} from '../plan/plan-diff.js';
import { parseTopology, parseTopologyText } from '../topology/parse.js';
import { launchNode, waitBooted } from './boot.js';
import { destroyLab, destroyNodes } from './destroy.js';
import type { LabPhase, ProgressListener } from './events.js';
import { writeArtifacts } from './lab-folder.js';
import {
  configureBridgePorts,
  configureNodeNetwork,
  createRootNetwork,
  deleteLinks,
  destroyNetwork,
  existingLinks,
  existingNetns,
  growBatch,
  mgmtSubnetConflicts,
  netnsOf,
  type ParkedEnd,
  parkEnds,
  plugLinks,
  rootLinksOf,
  unparkLines,
} from './network.js';
import { runTopologyExec } from './node-exec.js';
import { defaultPreflightEnv, type PreflightEnv, preflight } from './preflight.js';
import { identityOf, isAlive, listProcesses, netnsId } from './processes.js';
import { markLayers, provisionNode } from './provision.js';
import { ensureLabKey } from './ssh-keys.js';
import { type LabState, newState, readState, writeState } from './state.js';
import { type LabStatus, statusOf } from './status.js';
import { runOk } from './system-command.js';

export interface LabUpOptions extends PlanOptions {
  onProgress?: ProgressListener;
  /** Node tasks run in parallel. @default 8 */
  concurrency?: number;
  /** How long a node's init may take to start its daemons. @default 120 000 ms */
  bootTimeoutMs?: number;
  /** The machine as preflight sees it (tests simulate a missing program with it). */
  preflightEnv?: PreflightEnv;
  /**
   * The topology as text, not yet written: `write` is called once every check has passed and
   * must create the topology file and every file in `pendingFiles` (what its binds name).
   */
  source?: { text: string; pendingFiles: ReadonlySet<string>; write: () => void };
}

export async function labUp(file: string, options: LabUpOptions = {}): Promise<LabStatus> {
  const emit = options.onProgress ?? (() => {});
  emit({ phase: 'check', done: 0, total: 1 });
  const { source } = options;
  const parseOptions = { forRuntime: true, pendingFiles: source?.pendingFiles };
  const { topology, diagnostics } = source
    ? parseTopologyText(resolve(file), source.text, parseOptions)
    : parseTopology(file, parseOptions);
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (!topology)
    throw new LabError(2, [`${file}: the topology cannot run here (see the diagnostics)`], diagnostics);
  let plan = planLab(topology, options);
  const missing = preflight(plan, options.preflightEnv ?? defaultPreflightEnv());
  if (missing.length) throw new LabError(2, missing, warnings);
  const running = runningState(plan);
  if (running) {
    plan = planLab(topology, options, running.plan);
    await checkGrowable(running, plan);
    emit({ phase: 'check', done: 1, total: 1 });
    source?.write();
    const changes = await grow(running, plan, options, emit);
    return { ...statusOf(running, warnings), changes };
  }
  await clearLeftovers(plan, emit);
  await checkFree(plan);
  emit({ phase: 'check', done: 1, total: 1 });
  source?.write();

  const state = newState(plan);
  state.runner = identityOf(process.pid);
  writeState(state);
  try {
    await create(state, options, emit);
  } catch (e) {
    await destroyLab(state).catch(() => []);
    if (e instanceof LabError) throw e;
    throw new LabError(1, [
      `lab up failed: ${(e as Error).message}`,
      'everything it had created was removed',
    ]);
  }
  state.phase = 'up';
  writeState(state);
  return statusOf(state, warnings);
}

async function create(state: LabState, options: LabUpOptions, emit: ProgressListener): Promise<void> {
  const { plan } = state;
  const networkDone = step(emit, 'network', 1);
  state.created = { netns: netnsOf(plan), rootLinks: rootLinksOf(plan) };
  writeState(state);
  await createRootNetwork(plan);
  await configureBridgePorts(plan);
  networkDone();
  await startNodes(state, plan.nodes, new Map(), options, emit);
}

function step(emit: ProgressListener, phase: LabPhase, total: number): (node?: string) => void {
  let done = 0;
  emit({ phase, done, total });
  return (node?: string) => emit({ phase, node, done: ++done, total });
}

/**
 * Provisions and boots `nodes` (their namespaces and links exist), then rewrites the lab folder
 * with the host keys of these and of the nodes already running (`runningKeys`).
 */
async function startNodes(
  state: LabState,
  subset: readonly NodePlan[],
  runningKeys: ReadonlyMap<string, string>,
  options: LabUpOptions,
  emit: ProgressListener,
): Promise<void> {
  const { plan } = state;
  const nodes = subset.filter((n) => n.role !== 'bridge');
  for (const b of subset.filter((n) => n.role === 'bridge'))
    state.nodes[b.name] = { problems: [], exec: [], bindsDigest: bindsDigest(b) };
  const pool = options.concurrency ?? 8;
  const labKey = await ensureLabKey(plan.labDir, plan.lab);

  const provisioned = step(emit, 'provision', nodes.length);
  const layers = await mapLimit(nodes, pool, async (node) => {
    await configureNodeNetwork(node, plan);
    const layer = await provisionNode(node, labKey);
    state.nodes[node.name] = { problems: [], exec: [], bindsDigest: bindsDigest(node) };
    provisioned(node.name);
    return layer;
  });
  await markLayers(layers.map((l) => l.marks));
  const hostKeys = new Map(runningKeys);
  for (const [i, n] of nodes.entries()) hostKeys.set(n.name, layers[i]!.hostKey);
  writeArtifacts(plan, hostKeys);

  // launching is cheap, so a wide pool: a node that boots early competes with the rest anyway
  const launched = step(emit, 'boot', nodes.length);
  const inits = await mapLimit(nodes, pool * 4, async (node) => {
    const { init, launcherPid } = await launchNode(node, plan.stateRoot);
    state.nodes[node.name] = { ...state.nodes[node.name]!, init, launcherPid };
    writeState(state);
    launched(node.name);
    return init;
  });

  const booted = step(emit, 'init', nodes.length);
  const execDone = step(emit, 'exec', nodes.filter((n) => n.exec.length).length);
  await Promise.all(
    nodes.map(async (node, i) => {
      const init = inits[i]!;
      const record = state.nodes[node.name]!;
      const problem = await waitBooted(node, init, options.bootTimeoutMs ?? 120_000);
      if (problem) record.problems.push(problem);
      booted(node.name);
      if (!node.exec.length || problem) return;
      record.exec = await runTopologyExec(node, init);
      for (const r of record.exec) {
        if (r.code !== 0)
          record.problems.push(
            `exec "${r.command}" failed (exit ${r.code})${r.output ? `: ${r.output}` : ''}`,
          );
      }
      writeState(state);
      execDone(node.name);
    }),
  );
}

/** The state of this lab when it is up and its nodes run (then `up` grows it). */
function runningState(plan: LabPlan): LabState | undefined {
  const old = readState(plan.stateDir);
  if (old?.phase !== 'up') return undefined;
  return Object.values(old.nodes).some((n) => isAlive(n.init)) ? old : undefined;
}

/** What a running lab cannot change in place: the refusal comes before anything is written. */
async function checkGrowable(running: LabState, plan: LabPlan): Promise<void> {
  const old = running.plan;
  const problems: string[] = [];
  if (old.topologyFile !== plan.topologyFile)
    problems.push(
      `lab ${plan.lab} is already running from ${old.topologyFile}; run "lab down" first, or give this one another --name`,
    );
  if (old.mgmt.subnet !== plan.mgmt.subnet || old.mgmt.gateway !== plan.mgmt.gateway)
    problems.push(
      `lab ${plan.lab} runs on management subnet ${old.mgmt.subnet} (gateway ${old.mgmt.gateway}), the topology now says ${plan.mgmt.subnet} (gateway ${plan.mgmt.gateway}); a running lab cannot move: run "lab down" first`,
    );
  if (old.labDir !== plan.labDir)
    problems.push(
      `lab ${plan.lab} keeps its files in ${old.labDir}, not ${plan.labDir}; run "lab down" first`,
    );
  if (!problems.length) {
    const had = new Set(old.nodes.map((n) => n.netns));
    const taken = netnsOf(plan).filter((n) => !had.has(n) && existingNetns().has(n));
    if (taken.length)
      problems.push(
        `network namespaces already exist: ${taken.join(', ')}; use another lab name or remove them`,
      );
  }
  // another topology under this lab's name is the running lab's conflict (1); the rest is input (2)
  if (problems.length) throw new LabError(old.topologyFile !== plan.topologyFile ? 1 : 2, problems);
}

/** Applies the difference between the running lab and `plan`; returns what changed. */
async function grow(
  state: LabState,
  plan: LabPlan,
  options: LabUpOptions,
  emit: ProgressListener,
): Promise<LabChanges> {
  // a node that died since (no digest, so "changed") is started again: `up` repairs the lab
  const alive = (n: NodePlan) => n.role === 'bridge' || isAlive(state.nodes[n.name]?.init);
  const oldDigests = new Map(
    plan.nodes.map((n) => [n.name, alive(n) ? state.nodes[n.name]?.bindsDigest : undefined]),
  );
  const digests = new Map(plan.nodes.map((n) => [n.name, bindsDigest(n)]));
  const diff = diffPlans(state.plan, oldDigests, plan, digests);
  const changes = summarize(diff, plan);
  if (isEmptyDiff(diff)) {
    state.plan = plan;
    writeState(state);
    return changes;
  }
  state.phase = 'creating';
  state.runner = identityOf(process.pid);
  writeState(state);
  try {
    await applyDiff(state, diff, plan, options, emit);
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw new LabError(1, [
      `lab up could not change the running lab: ${(e as Error).message}`,
      'run "lab down", then "lab up" again to start it afresh',
    ]);
  }
  state.phase = 'up';
  writeState(state);
  return changes;
}

async function applyDiff(
  state: LabState,
  diff: LabDiff,
  plan: LabPlan,
  options: LabUpOptions,
  emit: ProgressListener,
): Promise<void> {
  const networkDone = step(emit, 'network', 1);
  const parked: ParkedEnd[] = diff.moves.map((m) => ({
    from: m.from,
    name: m.link[m.side].name,
    park: rootNames.parked(plan.tag, m.link.index),
    to: m.link[m.side].netns!,
  }));
  // recorded first: `lab down` removes a parked end if this run dies half-way
  state.created.rootLinks = [...new Set([...state.created.rootLinks, ...parked.map((p) => p.park)])];
  writeState(state);
  await deleteLinks(diff.deleteLinks);
  await parkEnds(parked);
  await destroyNodes(state, diff.stop);
  for (const n of diff.stop) delete state.nodes[n.name];
  const starting = new Set(diff.start.map((n) => n.name));
  const runningKeys = new Map<string, string>();
  for (const n of plan.nodes) if (!starting.has(n.name) && n.dir) runningKeys.set(n.name, hostKeyOf(n));
  state.plan = plan;
  state.created = {
    netns: [...new Set([...state.created.netns, ...netnsOf(plan)])],
    rootLinks: [...new Set([...state.created.rootLinks, ...rootLinksOf(plan)])],
  };
  for (const n of diff.start) state.nodes[n.name] = { problems: [], exec: [] };
  writeState(state);
  const batch = growBatch(plan, diff.start, diff.addLinks) + unparkLines(parked);
  await runOk('ip', ['-batch', '-'], { input: batch });
  await configureBridgePorts(plan, diff.addLinks);
  for (const r of diff.replug) await plugLinks(r.node, r.interfaces);
  networkDone();
  await startNodes(state, diff.start, runningKeys, options, emit);
}

/** A running node's SSH host key, from its layer (for known_hosts). */
function hostKeyOf(node: NodePlan): string {
  const text = readFileSync(join(node.dir, 'upper/etc/ssh/ssh_host_ed25519_key.pub'), 'utf8');
  const [type, blob] = text.trim().split(/\s+/);
  return `${type} ${blob}`;
}

/**
 * An earlier run of this lab: refused while it runs; cleaned when it is stale (its `up` was
 * killed, or its nodes are gone).
 */
async function clearLeftovers(plan: LabPlan, emit: ProgressListener): Promise<void> {
  const old = readState(plan.stateDir);
  if (!old) {
    // no state, but root links with this lab's tag: a run killed before it wrote its state
    const have = await existingLinks();
    const ours = rootLinksOf(plan).filter((l) => have.has(l));
    if (ours.length) {
      emit({ phase: 'cleanup-stale', done: 0, total: 1 });
      await destroyNetwork([], ours);
      emit({ phase: 'cleanup-stale', done: 1, total: 1 });
    }
    return;
  }
  const nodesAlive = Object.values(old.nodes).some((n) => isAlive(n.init));
  if (old.phase === 'creating' && isAlive(old.runner)) {
    throw new LabError(1, [`lab ${plan.lab} is being created right now (pid ${old.runner!.pid})`]);
  }
  if (old.phase === 'up' && nodesAlive) {
    throw new LabError(1, [
      `lab ${plan.lab} is already running (from ${old.plan.topologyFile}); run "lab down" first`,
    ]);
  }
  emit({ phase: 'cleanup-stale', done: 0, total: 1 });
  await destroyLab(old);
  emit({ phase: 'cleanup-stale', done: 1, total: 1 });
}

/** The namespaces and the management subnet must not be in use by anything else. */
async function checkFree(plan: LabPlan): Promise<void> {
  const problems: string[] = [];
  const taken = netnsOf(plan).filter((n) => existingNetns().has(n));
  if (taken.length) {
    const users = new Set(taken.map(netnsId));
    const inUse = listProcesses().some((p) => p.netNs && users.has(p.netNs));
    problems.push(
      `network namespaces already exist: ${taken.join(', ')} (another lab or containerlab${inUse ? ', with processes in them' : ''}); ` +
        'use another lab name or remove them',
    );
  }
  const conflicts = await mgmtSubnetConflicts(plan);
  if (conflicts.length) {
    problems.push(
      `management subnet ${plan.mgmt.subnet} is already routed here: ${conflicts.join('; ')}; ` +
        'give this lab another mgmt.ipv4-subnet (two labs need different subnets)',
    );
  }
  if (problems.length) throw new LabError(2, problems);
}
