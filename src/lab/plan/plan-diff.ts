/**
 * `lab up` on a running lab: the difference between the running plan and the new one. Nodes
 * that are the same keep running untouched; a node whose definition changed (image, env, exec,
 * addresses, the content of its bound files) is started again; new nodes and links are added
 * and deleted ones removed. A running node that only gains or loses links is replugged, not
 * restarted.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabPlan, LinkPlan, NodePlan } from './lab-plan.js';
import { planLinkKey } from './lab-plan.js';
import { ENV_INTFS } from './node-roles.js';

export interface LabDiff {
  /** Nodes to start (new ones and restarted ones), as in the new plan. */
  start: NodePlan[];
  /** Nodes to stop (deleted ones and the old version of restarted ones), as in the old plan. */
  stop: NodePlan[];
  /** Names of nodes in both plans that are started again. */
  restarted: string[];
  /** Running nodes that stay, with the interfaces they gain. */
  replug: { node: NodePlan; interfaces: string[] }[];
  addLinks: LinkPlan[];
  /** Old links to delete (those of stopped nodes go with their namespaces, but a bridge's do not). */
  deleteLinks: LinkPlan[];
  /**
   * Links between a restarted node and one that keeps running: the restarted node's end is
   * parked in the root namespace while the node restarts and moved into its new namespace, so
   * the running node's end (its addresses, routes, OVS port) is never touched.
   */
  moves: LinkMove[];
}

export interface LinkMove {
  /** The link in the new plan. */
  link: LinkPlan;
  /** The restarted node's end. */
  side: 'a' | 'z';
  /** Namespace the end is in now (the old node's). */
  from: string;
}

/** Names of what changes, for the user. */
export interface LabChanges {
  added: string[];
  removed: string[];
  restarted: string[];
  /** Running nodes whose links changed (replugged, not restarted). */
  replugged: string[];
  linksAdded: number;
  linksRemoved: number;
  /** Nodes left running untouched (replugged ones included). */
  kept: number;
}

/** What defines a running node, apart from its links. */
function definition(n: NodePlan, bindsDigest: string | undefined): string {
  const env = Object.entries(n.env)
    .filter(([k]) => k !== ENV_INTFS)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    n.kind,
    n.image,
    n.role,
    n.daemons,
    n.httpPorts,
    n.netns,
    n.hostname,
    n.mgmtIpv4,
    // only when set: a running lab's nodes from before IPv6 management are not "changed"
    ...(n.mgmtIpv6 ? [n.mgmtIpv6] : []),
    n.mgmtVeth,
    n.bridge,
    env,
    n.exec,
    n.binds.map((b) => [b.target, b.readOnly]),
    bindsDigest ?? null,
  ]);
}

export function diffPlans(
  old: LabPlan,
  oldDigests: ReadonlyMap<string, string | undefined>,
  plan: LabPlan,
  digests: ReadonlyMap<string, string>,
): LabDiff {
  const before = new Map(old.nodes.map((n) => [n.name, n]));
  const after = new Map(plan.nodes.map((n) => [n.name, n]));
  const start: NodePlan[] = [];
  const restarted: string[] = [];
  for (const n of plan.nodes) {
    const was = before.get(n.name);
    if (!was) start.push(n);
    else if (
      definition(was, oldDigests.get(n.name)) !== definition(n, digests.get(n.name)) ||
      oldDigests.get(n.name) === undefined
    ) {
      start.push(n);
      restarted.push(n.name);
    }
  }
  const restarting = new Set(restarted);
  const stop = old.nodes.filter((n) => !after.has(n.name) || restarting.has(n.name));
  const fresh = new Set(start.map((n) => n.name));
  const stopped = new Set(stop.map((n) => n.name));

  const oldByKey = new Map(old.links.map((l) => [planLinkKey(l), l]));
  const newKeys = new Set(plan.links.map(planLinkKey));
  const touches = (l: LinkPlan, names: ReadonlySet<string>) => names.has(l.a.node) || names.has(l.z.node);
  const moves: LinkMove[] = [];
  for (const l of plan.links) {
    const was = oldByKey.get(planLinkKey(l));
    if (!was) continue;
    const [a, z] = [restarting.has(l.a.node), restarting.has(l.z.node)];
    const side = a && !z ? 'a' : z && !a ? 'z' : undefined;
    if (!side || !l[side].netns || !was[side].netns) continue;
    const other = side === 'a' ? l.z : l.a;
    if (stopped.has(other.node) || fresh.has(other.node)) continue;
    moves.push({ link: l, side, from: was[side].netns! });
  }
  const moved = new Set(moves.map((m) => planLinkKey(m.link)));
  const deleteLinks = old.links.filter(
    (l) => !moved.has(planLinkKey(l)) && (!newKeys.has(planLinkKey(l)) || touches(l, stopped)),
  );
  const addLinks = plan.links.filter(
    (l) => !moved.has(planLinkKey(l)) && (!oldByKey.has(planLinkKey(l)) || touches(l, fresh)),
  );

  const gained = new Map<string, string[]>();
  for (const l of addLinks)
    for (const e of [l.a, l.z])
      if (e.netns && !fresh.has(e.node)) gained.set(e.node, [...(gained.get(e.node) ?? []), e.name]);
  const replug = [...gained].map(([name, interfaces]) => ({ node: after.get(name)!, interfaces }));
  return { start, stop, restarted, replug, addLinks, deleteLinks, moves };
}

export function summarize(diff: LabDiff, plan: LabPlan): LabChanges {
  const restarted = new Set(diff.restarted);
  const lost = new Set(
    diff.deleteLinks.flatMap((l) => [l.a.node, l.z.node]).filter((n) => !restarted.has(n)),
  );
  const running = new Set(plan.nodes.map((n) => n.name));
  const starting = new Set(diff.start.map((n) => n.name));
  const replugged = new Set([
    ...diff.replug.map((r) => r.node.name),
    ...[...lost].filter((n) => running.has(n) && !starting.has(n)),
  ]);
  return {
    added: diff.start.filter((n) => !restarted.has(n.name)).map((n) => n.name),
    removed: diff.stop.filter((n) => !restarted.has(n.name)).map((n) => n.name),
    restarted: diff.restarted,
    replugged: [...replugged].sort(),
    linksAdded: diff.addLinks.length,
    linksRemoved: diff.deleteLinks.length,
    kept: plan.nodes.filter((n) => !starting.has(n.name)).length,
  };
}

export function isEmptyDiff(diff: LabDiff): boolean {
  return (
    !diff.start.length &&
    !diff.stop.length &&
    !diff.addLinks.length &&
    !diff.deleteLinks.length &&
    !diff.moves.length
  );
}

/** A digest of the content of a node's bound files (a changed config restarts the node). */
export function bindsDigest(node: NodePlan): string {
  const hash = createHash('sha256');
  const add = (path: string, target: string) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) hash.update(`${target} missing\n`);
    else if (st.isDirectory())
      for (const name of readdirSync(path).sort()) add(join(path, name), `${target}/${name}`);
    else if (st.isFile()) hash.update(`${target} ${st.mode & 0o7777}\n`).update(readFileSync(path));
    else hash.update(`${target} other\n`);
  };
  for (const b of node.binds) add(b.source, b.target);
  return hash.digest('hex');
}
