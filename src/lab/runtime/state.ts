/**
 * The lab's state file, `<stateRoot>/<lab>/state.json`. Written before anything is created and
 * after each step, so that `down` (or the next `up`) can clean up after a run that was killed
 * half-way. Writes are atomic (temp file + rename) and synchronous, so parallel node tasks
 * never interleave them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LabError } from '../errors.js';
import type { LabPlan } from '../plan/lab-plan.js';
import { DEFAULT_STATE_ROOT, stateDirOf } from '../plan/names.js';
import type { ProcIdentity } from './processes.js';

export interface ExecRecord {
  command: string;
  code: number;
  /** Last lines of stderr (or stdout) when the command failed. */
  output?: string;
}

export interface NodeRecord {
  /** The node's PID 1 (tini) as seen from the host, with what proves it is still ours. */
  init?: ProcIdentity;
  /** The host-side `unshare` that holds PID 1 (it kills the node if it dies). */
  launcherPid?: number;
  /** Problems found while bringing the node up (boot, exec). */
  problems: string[];
  exec: ExecRecord[];
  /** Digest of the content of its bound files when it was provisioned (see grow.ts). */
  bindsDigest?: string;
}

export interface LabState {
  version: 1;
  plan: LabPlan;
  /** `creating` until `up` finished; a `creating` lab without live processes is stale. */
  phase: 'creating' | 'up';
  createdAt: string;
  /** The process running `up` while phase is `creating` (a dead runner means a killed run). */
  runner?: ProcIdentity;
  /** What exists so far (besides the plan's names), for cleanup. */
  created: { netns: string[]; rootLinks: string[] };
  nodes: Record<string, NodeRecord>;
}

export const STATE_FILE = 'state.json';

export function newState(plan: LabPlan): LabState {
  const nodes: Record<string, NodeRecord> = {};
  for (const n of plan.nodes) nodes[n.name] = { problems: [], exec: [] };
  return {
    version: 1,
    plan,
    phase: 'creating',
    createdAt: new Date().toISOString(),
    created: { netns: [], rootLinks: [] },
    nodes,
  };
}

export function writeState(state: LabState): void {
  mkdirSync(state.plan.stateDir, { recursive: true, mode: 0o700 });
  const file = join(state.plan.stateDir, STATE_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function readState(stateDir: string): LabState | undefined {
  const file = join(stateDir, STATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as LabState;
    return state.version === 1 ? state : undefined;
  } catch {
    return undefined;
  }
}

export function readAllStates(stateRoot: string): LabState[] {
  if (!existsSync(stateRoot)) return [];
  return readdirSync(stateRoot)
    .sort()
    .flatMap((name) => readState(join(stateRoot, name)) ?? []);
}

/**
 * A lab by name, or by its topology file: the lab of that file's `name`, or else the one lab
 * started from that file (under another name). Undefined when no state exists.
 */
export function findState(
  labOrFile: string,
  labNameOfFile: (file: string) => string | undefined,
  stateRoot = DEFAULT_STATE_ROOT,
): LabState | undefined {
  const looksLikeFile = /\.ya?ml$/.test(labOrFile) || labOrFile.includes('/');
  if (!looksLikeFile) return readState(stateDirOf(stateRoot, labOrFile));
  const file = resolve(labOrFile);
  const name = existsSync(file) ? labNameOfFile(file) : undefined;
  const byName = name === undefined ? undefined : readState(stateDirOf(stateRoot, name));
  if (byName && byName.plan.topologyFile === file) return byName;
  const fromFile = readAllStates(stateRoot).filter((s) => s.plan.topologyFile === file);
  if (fromFile.length > 1) {
    throw new LabError(2, [
      `several labs run from ${labOrFile}: ${fromFile.map((s) => s.plan.lab).join(', ')}; name the lab instead`,
    ]);
  }
  return fromFile[0] ?? byName;
}
