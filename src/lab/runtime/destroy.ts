/**
 * Removing a lab, complete and idempotent: works from the state file alone, after a crash too.
 * Processes are killed by identity, never by name: each node's recorded PID 1 when its start
 * time and PID namespace still match (the kernel then kills the rest of its PID namespace),
 * then any process still inside one of the lab's network namespaces.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { NodePlan } from '../plan/lab-plan.js';
import type { ProgressListener } from './events.js';
import { destroyNetwork, netnsOf, rootLinksOf } from './network.js';
import { isAlive, listProcesses, netnsId } from './processes.js';
import type { LabState } from './state.js';
import { run } from './system-command.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function destroyLab(
  state: LabState,
  onProgress: ProgressListener = () => {},
): Promise<string[]> {
  const { plan } = state;
  const removed: string[] = [];
  const netns = [...new Set([...netnsOf(plan), ...state.created.netns])];
  const rootLinks = [...new Set([...rootLinksOf(plan), ...state.created.rootLinks])];
  const total = 4;
  onProgress({ phase: 'destroy', done: 0, total });

  removed.push(...(await stopNodes(state, plan.nodes, netns)));
  onProgress({ phase: 'destroy', done: 1, total });

  // 3. namespaces and root-namespace links
  removed.push(...(await destroyNetwork(netns, rootLinks)));
  onProgress({ phase: 'destroy', done: 2, total });

  // 4. node layers; their mounts lived in the nodes' own mount namespaces, so none should be
  // left here, but a leak must not make rm -rf walk into a mounted host tree
  for (const mount of mountsUnder(plan.stateDir)) {
    await run('umount', ['-l', mount]);
    removed.push(`mount ${mount}`);
  }
  onProgress({ phase: 'destroy', done: 3, total });
  if (existsSync(plan.stateDir)) {
    rmSync(plan.stateDir, { recursive: true, force: true });
    removed.push(`dir ${plan.stateDir}`);
  }
  onProgress({ phase: 'destroy', done: 4, total });
  return removed;
}

/**
 * Kills the nodes' PID 1s (when still ours), then anything else inside `netns`, and waits until
 * nothing is left there.
 */
async function stopNodes(
  state: LabState,
  nodes: readonly NodePlan[],
  netns: readonly string[],
): Promise<string[]> {
  const removed: string[] = [];
  // 1. each node's PID 1, when it is still the process we started
  for (const node of nodes) {
    const init = state.nodes[node.name]?.init;
    if (init && isAlive(init)) {
      kill(init.pid);
      removed.push(`node ${node.name} (pid ${init.pid})`);
    }
  }
  // 2. anything else inside those network namespaces (a shell someone entered with ip netns exec …)
  const ours = new Set(netns.map(netnsId).filter((id): id is string => id !== undefined));
  const inOurs = () => listProcesses().filter((p) => p.netNs !== undefined && ours.has(p.netNs));
  await sleep(20);
  for (const p of inOurs()) {
    kill(p.pid);
    if (!removed.some((r) => r.includes(`pid ${p.pid})`))) removed.push(`process ${p.pid} (${p.comm})`);
  }
  for (let i = 0; i < 100 && inOurs().length; i++) await sleep(50);
  const left = inOurs();
  if (left.length)
    throw new Error(
      `processes still in the lab's namespaces: ${left.map((p) => `${p.pid} (${p.comm})`).join(', ')}`,
    );
  return removed;
}

/**
 * Removes some nodes of a running lab (deleted from the topology, or to be started again):
 * their processes, namespaces (with their links), root-namespace ends and layers.
 */
export async function destroyNodes(state: LabState, nodes: readonly NodePlan[]): Promise<string[]> {
  const netns = nodes.filter((n) => n.netns).map((n) => n.netns);
  const removed = await stopNodes(state, nodes, netns);
  removed.push(
    ...(await destroyNetwork(
      netns,
      nodes.map((n) => n.mgmtVeth || n.bridge),
    )),
  );
  for (const node of nodes) {
    if (!node.dir) continue;
    for (const mount of mountsUnder(node.dir)) await run('umount', ['-l', mount]);
    rmSync(node.dir, { recursive: true, force: true });
  }
  return removed;
}

/** Mount points at or under `dir` in our mount namespace, deepest first. */
export function mountsUnder(dir: string): string[] {
  const text = readFileSync('/proc/self/mountinfo', 'utf8');
  const points = text
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((p): p is string => !!p && (p === dir || p.startsWith(`${dir}/`)));
  return points.sort((a, b) => b.length - a.length);
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
