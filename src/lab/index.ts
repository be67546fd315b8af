/**
 * The lab runtime: runs a containerlab topology (`*.clab.yml`) on this machine without Docker.
 * Every node is its own network namespace plus mount/UTS/IPC/PID namespaces and an overlay root
 * (the host's root filesystem + the node's own layer); see docs in ./runtime/up.ts and
 * ../shared/notes/lab-node-recipe.md.
 *
 *   labUp(file)            → LabStatus    (throws LabError: exitCode 2 input/preflight, 1 lab problem)
 *   labStatus(labOrFile)   → LabStatus
 *   labExec(lab, node, argv) → { code, stdout, stderr }
 *   labDown(labOrFile)     → { removed }
 *   labNodes(labOrFile)    → its nodes and their labels
 */

import { LabError } from './errors.js';
import { DEFAULT_STATE_ROOT } from './plan/names.js';
import { destroyLab } from './runtime/destroy.js';
import type { ProgressListener } from './runtime/events.js';
import { type ExecOptions, execInNode } from './runtime/node-exec.js';
import { findState, type LabState } from './runtime/state.js';
import { type LabStatus, statusOf } from './runtime/status.js';
import type { RunResult } from './runtime/system-command.js';
import { parseTopology } from './topology/parse.js';

export { LabError } from './errors.js';
export type { LabPlan, NodePlan, PlanOptions } from './plan/lab-plan.js';
export { DEFAULT_STATE_ROOT, stateDirOf } from './plan/names.js';
export { DAEMONS, ENV_DAEMONS, ENV_HTTP_PORTS, type LabDaemon, type NodeRole } from './plan/node-roles.js';
export type { LabEvent, LabPhase, ProgressListener } from './runtime/events.js';
export { defaultPreflightEnv, type PreflightEnv, preflight } from './runtime/preflight.js';
export type { DaemonStatus, LabStatus, NodeStatus } from './runtime/status.js';
export { onlyDaemonsDown } from './runtime/status.js';
export { type LabUpOptions, labUp } from './runtime/up.js';
export { type ParseOptions, type ParseResult, parseTopology } from './topology/parse.js';
export type { Topology } from './topology/types.js';

export interface LabLocation {
  /** @default /var/lib/fabric-lab */
  stateRoot?: string;
}

function labNameOfFile(file: string): string | undefined {
  return parseTopology(file).topology?.name;
}

function requireState(labOrFile: string, where: LabLocation): LabState {
  const state = findState(labOrFile, labNameOfFile, where.stateRoot ?? DEFAULT_STATE_ROOT);
  if (!state)
    throw new LabError(2, [
      `no lab "${labOrFile}" here (no state in ${where.stateRoot ?? DEFAULT_STATE_ROOT})`,
    ]);
  return state;
}

export async function labStatus(labOrFile: string, where: LabLocation = {}): Promise<LabStatus> {
  return statusOf(requireState(labOrFile, where));
}

/** The lab's nodes (not its bridges) with their labels: which device each runs (src/topology/lab-nodes.ts). */
export async function labNodes(
  labOrFile: string,
  where: LabLocation = {},
): Promise<{ name: string; labels: Record<string, string> }[]> {
  return requireState(labOrFile, where)
    .plan.nodes.filter((n) => n.role !== 'bridge')
    .map((n) => ({ name: n.name, labels: n.labels ?? {} }));
}

/** Removes the lab (by name or topology file); a lab that does not exist is not an error. */
export async function labDown(
  labOrFile: string,
  options: LabLocation & { onProgress?: ProgressListener } = {},
): Promise<{ removed: string[] }> {
  const state = findState(labOrFile, labNameOfFile, options.stateRoot ?? DEFAULT_STATE_ROOT);
  if (!state) return { removed: [] };
  return { removed: await destroyLab(state, options.onProgress) };
}

/** Runs `argv` inside a node (all its namespaces, like `docker exec`); no shell. */
export async function labExec(
  labOrFile: string,
  node: string,
  argv: readonly string[],
  options: ExecOptions & LabLocation = {},
): Promise<RunResult> {
  const state = requireState(labOrFile, options);
  const plan = state.plan.nodes.find((n) => n.name === node);
  if (!plan || plan.role === 'bridge') {
    const names = state.plan.nodes.filter((n) => n.role !== 'bridge').map((n) => n.name);
    throw new LabError(2, [`lab ${state.plan.lab} has no node "${node}"; nodes: ${names.join(', ')}`]);
  }
  const init = state.nodes[node]?.init;
  if (!init) throw new LabError(1, [`node ${node} of lab ${state.plan.lab} was never started`]);
  return execInNode(init, plan.env, argv, options);
}
