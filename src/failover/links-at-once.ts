/**
 * Sets links of several lab nodes down at (nearly) the same instant, as a node that fails loses
 * all its links at once. Starting one `ip` per node after the fault is decided spreads the downs
 * over the time it takes to exec them: on the loaded 2-vCPU lab 0.1-0.5 s for a spine's six
 * peers, which the probes then measure as outage (issue 10, finding 1). So one `ip -batch` per
 * node is started first and armed (it has entered its namespace and answered a harmless read);
 * only then does each get its `link set … down` lines, all in the same tick.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { LabError } from '../lab/index.js';
import { SYSTEM_ENV } from '../lab/runtime/system-command.js';

export interface NodeLinks {
  device: string;
  netns: string;
  ifnames: string[];
}

const ARM_TIMEOUT_MS = 15_000;

interface Armed {
  links: NodeLinks;
  child: ChildProcess;
  stderr: string[];
  exited: Promise<number>;
}

function start(links: NodeLinks): { armed: Promise<Armed>; exited: Promise<number> } {
  const child = spawn('ip', ['-n', links.netns, '-batch', '-'], {
    env: SYSTEM_ENV,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  child.stdin!.on('error', () => {}); // EPIPE when ip exited early: its exit code and stderr say why
  const exited = new Promise<number>((resolve) => {
    child.on('error', (e) => {
      stderr.push(e.message);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? -1));
  });
  const armed = new Promise<Armed>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ARM_TIMEOUT_MS);
    child.stdout!.once('data', () => {
      clearTimeout(timer);
      child.stdout!.resume(); // drain the rest
      resolve({ links, child, stderr, exited });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(stderr.join('').trim() || 'ip exited'));
    });
  });
  child.stdin!.write(`link show dev ${links.ifnames[0]}\n`);
  return { armed, exited };
}

/** Every listed link down, all in one tick once every node's `ip` is ready; rejects naming what failed. */
export async function linksDownAtOnce(nodes: readonly NodeLinks[], what: string): Promise<void> {
  const started = nodes.map(start);
  const armed = await Promise.allSettled(started.map((s) => s.armed));
  const notArmed = armed.flatMap((a, i) =>
    a.status === 'rejected' ? [`${nodes[i]!.device}: ${(a.reason as Error).message}`] : [],
  );
  if (notArmed.length) {
    for (const s of started) void s.exited;
    for (const a of armed) if (a.status === 'fulfilled') a.value.child.stdin!.end();
    throw new LabError(1, [`${what}: ${notArmed.join('; ')}`]);
  }
  const ready = armed.map((a) => (a as PromiseFulfilledResult<Armed>).value);
  for (const r of ready) r.child.stdin!.end(r.links.ifnames.map((i) => `link set ${i} down\n`).join(''));
  const codes = await Promise.all(ready.map((r) => r.exited));
  const failed = ready.flatMap((r, i) =>
    codes[i] === 0 ? [] : [`${r.links.device} ${r.links.ifnames.join(',')}: ${r.stderr.join('').trim()}`],
  );
  if (failed.length) throw new LabError(1, [`${what}: ${failed.join('; ')}`]);
}
