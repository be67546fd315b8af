/**
 * Running a command inside a node: `nsenter -t <PID 1> -a`, which joins all of the node's
 * namespaces, its mount namespace included. (`ip netns exec` would build a new mount namespace
 * with the host's /run, so vtysh there talks to the wrong FRR: recipe, "what failed" 2.)
 */
import type { NodePlan } from '../plan/lab-plan.js';
import { isAlive, type ProcIdentity } from './processes.js';
import { splitWords } from './shell-words.js';
import type { ExecRecord } from './state.js';
import { type RunResult, run } from './system-command.js';

export interface ExecOptions {
  input?: string;
  /** @default 60 000 */
  timeoutMs?: number;
}

export async function execInNode(
  init: ProcIdentity,
  env: Record<string, string>,
  argv: readonly string[],
  options: ExecOptions = {},
): Promise<RunResult> {
  if (!isAlive(init)) return { code: 125, stdout: '', stderr: 'the node is not running\n' };
  return run('nsenter', ['-t', String(init.pid), '-a', '--', ...argv], {
    env,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
}

/** The topology's `exec:` list, in order, each split into words (no shell). */
export async function runTopologyExec(node: NodePlan, init: ProcIdentity): Promise<ExecRecord[]> {
  const out: ExecRecord[] = [];
  for (const command of node.exec) {
    const split = splitWords(command);
    if ('error' in split) {
      out.push({ command, code: 2, output: `cannot split into words: ${split.error}` });
      continue;
    }
    if (!split.words.length) continue;
    const r = await execInNode(init, node.env, split.words);
    const tail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-2).join(' | ');
    out.push(r.code === 0 ? { command, code: 0 } : { command, code: r.code, output: tail });
  }
  return out;
}
