/**
 * `lab up`, in order:
 * 1. check: parse (strict, located diagnostics), runtime support, preflight, leftovers of an
 *    earlier run, management subnet and namespace names free: nothing is touched before this
 *    passes, so an unsupported lab is never half-run;
 * 2. state file written (the plan: every name that will exist);
 * 3. network: one root-namespace batch (mgmt bridge, namespaces, veths);
 * 4. provision (parallel): node addresses, TX offload off, node layers, host keys; then the
 *    opaque marks and the lab folder (key, known_hosts);
 * 5. boot (parallel): launch every node, then per node wait for its init and run its `exec`.
 * A failure in 2-5 that is not a node's own problem removes everything created.
 */

import { mapLimit } from '../util/concurrency.js';
import { writeArtifacts } from './artifacts.js';
import { launchNode, waitBooted } from './boot.js';
import { destroyLab } from './destroy.js';
import { LabError } from './errors.js';
import type { LabPhase, ProgressListener } from './events.js';
import { ensureLabKey } from './keys.js';
import {
  configureBridgePorts,
  configureNodeNetwork,
  createRootNetwork,
  destroyNetwork,
  existingLinks,
  existingNetns,
  mgmtSubnetConflicts,
  netnsOf,
  rootLinksOf,
} from './network.js';
import { runTopologyExec } from './node-exec.js';
import { type LabPlan, type PlanOptions, planLab } from './plan.js';
import { defaultPreflightEnv, type PreflightEnv, preflight } from './preflight.js';
import { identityOf, isAlive, listProcesses, netnsId } from './procs.js';
import { markLayers, provisionNode } from './provision.js';
import { type LabState, newState, readState, writeState } from './state.js';
import { type LabStatus, statusOf } from './status.js';
import { parseTopology } from './topology.js';

export interface LabUpOptions extends PlanOptions {
  onProgress?: ProgressListener;
  /** Node tasks run in parallel. @default 8 */
  concurrency?: number;
  /** How long a node's init may take to start its daemons. @default 120 000 ms */
  bootTimeoutMs?: number;
  /** The machine as preflight sees it (tests simulate a missing program with it). */
  preflightEnv?: PreflightEnv;
}

export async function labUp(file: string, options: LabUpOptions = {}): Promise<LabStatus> {
  const emit = options.onProgress ?? (() => {});
  emit({ phase: 'check', done: 0, total: 1 });
  const { topology, diagnostics } = parseTopology(file, { forRuntime: true });
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (!topology)
    throw new LabError(2, [`${file}: the topology cannot run here (see the diagnostics)`], diagnostics);
  const plan = planLab(topology, options);
  const missing = preflight(plan, options.preflightEnv ?? defaultPreflightEnv());
  if (missing.length) throw new LabError(2, missing, warnings);
  await clearLeftovers(plan, emit);
  await checkFree(plan);
  emit({ phase: 'check', done: 1, total: 1 });

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
  const nodes = plan.nodes.filter((n) => n.role !== 'bridge');
  const step = (phase: LabPhase, total: number) => {
    let done = 0;
    emit({ phase, done, total });
    return (node?: string) => emit({ phase, node, done: ++done, total });
  };
  const pool = options.concurrency ?? 8;

  const networkDone = step('network', 1);
  state.created = { netns: netnsOf(plan), rootLinks: rootLinksOf(plan) };
  writeState(state);
  const labKey = await ensureLabKey(plan.labDir, plan.lab);
  await createRootNetwork(plan);
  await configureBridgePorts(plan);
  networkDone();

  const provisioned = step('provision', nodes.length);
  const layers = await mapLimit(nodes, pool, async (node) => {
    await configureNodeNetwork(node, plan);
    const layer = await provisionNode(node, labKey);
    provisioned(node.name);
    return layer;
  });
  await markLayers(layers.map((l) => l.marks));
  writeArtifacts(plan, new Map(nodes.map((n, i) => [n.name, layers[i]!.hostKey])));

  // launching is cheap, so a wide pool: a node that boots early competes with the rest anyway
  const launched = step('boot', nodes.length);
  const inits = await mapLimit(nodes, pool * 4, async (node) => {
    const { init, launcherPid } = await launchNode(node, plan.stateRoot);
    state.nodes[node.name] = { ...state.nodes[node.name]!, init, launcherPid };
    writeState(state);
    launched(node.name);
    return init;
  });

  const booted = step('init', nodes.length);
  const execDone = step('exec', nodes.filter((n) => n.exec.length).length);
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
