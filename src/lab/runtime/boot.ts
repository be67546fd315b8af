/**
 * Starting a node: `nsenter --net` into its namespace, `unshare` new mount/UTS/IPC/PID
 * namespaces, tini as PID 1, then ../node/enter-root.sh builds the root and runs the node init
 * (lab/image/labnode-init.sh). The host-side `unshare` stays as the node's holder: it has
 * --kill-child, so the node dies with it. The node's PID 1 is recorded with its identity.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodePlan } from '../plan/lab-plan.js';
import { NODE_FILES } from './node-files.js';
import { childrenOf, identityOf, isAlive, type ProcIdentity } from './processes.js';

export interface Launched {
  init: ProcIdentity;
  launcherPid: number;
}

const BOOTED = '/run/fabric-lab/booted';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function consoleLog(node: NodePlan): string {
  return join(node.dir, 'console.log');
}

export async function launchNode(node: NodePlan, stateRoot: string): Promise<Launched> {
  const log = openSync(consoleLog(node), 'a');
  const args = [
    `--net=/run/netns/${node.netns}`,
    '--',
    'unshare',
    '--mount',
    '--uts',
    '--ipc',
    '--pid',
    '--fork',
    '--kill-child=SIGKILL',
    '--',
    'tini',
    '--',
    '/bin/sh',
    NODE_FILES.enterRoot,
    node.dir,
    stateRoot,
  ];
  // detached: its own session, so the node outlives the CLI that started it
  const child = spawn('nsenter', args, { detached: true, stdio: ['ignore', log, log], env: node.env });
  closeSync(log);
  let spawnError: Error | undefined;
  child.on('error', (e) => {
    spawnError = e;
  });
  child.unref();
  for (let i = 0; i < 250; i++) {
    if (spawnError) throw new Error(`cannot start node ${node.name}: ${spawnError.message}`);
    const pid = child.pid === undefined ? undefined : childrenOf(child.pid)[0];
    const init = pid === undefined ? undefined : identityOf(pid);
    // PID 1 is ours once it is in a PID namespace other than its parent's
    if (init && child.pid !== undefined && init.pidNs !== identityOf(child.pid)?.pidNs) {
      return { init, launcherPid: child.pid };
    }
    await sleep(i < 50 ? 2 : 20);
  }
  throw new Error(`node ${node.name}: its PID 1 did not appear (see ${consoleLog(node)})`);
}

/** Waits for the node init's "booted" mark; returns a problem, or undefined when booted. */
export async function waitBooted(
  node: NodePlan,
  init: ProcIdentity,
  timeoutMs: number,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  const mark = `/proc/${init.pid}/root${BOOTED}`;
  while (Date.now() < deadline) {
    if (existsSync(mark)) return undefined;
    if (!isAlive(init)) return `node ${node.name} stopped while booting: ${consoleTail(node)}`;
    await sleep(25);
  }
  return `node ${node.name} did not finish booting in ${Math.round(timeoutMs / 1000)} s: ${consoleTail(node)}`;
}

export function isBooted(init: ProcIdentity): boolean {
  return existsSync(`/proc/${init.pid}/root${BOOTED}`);
}

function consoleTail(node: NodePlan): string {
  try {
    const lines = readFileSync(consoleLog(node), 'utf8').trim().split('\n');
    return `${lines.slice(-3).join(' | ')} (${consoleLog(node)})`;
  } catch {
    return `no console output (${consoleLog(node)})`;
  }
}

/** A file inside a running node, read through its PID 1's root. */
export function readNodeFile(init: ProcIdentity, path: string): string | undefined {
  try {
    return readFileSync(`/proc/${init.pid}/root${path}`, 'utf8');
  } catch {
    return undefined;
  }
}
