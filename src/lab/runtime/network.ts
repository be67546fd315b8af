/**
 * Namespaces, the management bridge and the links. Root-namespace changes go through one
 * `ip -batch` (one process for the whole lab), node-side changes through one batch per node.
 * Veth ends are created directly inside their namespaces under their final names, so no
 * temporary names ever exist in the root namespace.
 */
import { readdirSync } from 'node:fs';
import { overlaps, parsePrefix } from '../../net/ipv4.js';
import type { LabPlan, NodePlan } from '../plan/lab-plan.js';
import { run, runOk } from './system-command.js';

interface RouteJson {
  dst: string;
  dev?: string;
  type?: string;
  table?: string;
}

/** Routes of the root namespace that already cover the management subnet ("dst via dev"). */
export async function mgmtSubnetConflicts(plan: LabPlan): Promise<string[]> {
  const routes = JSON.parse(
    (await runOk('ip', ['-j', '-4', 'route', 'show', 'table', 'all'])) || '[]',
  ) as RouteJson[];
  const mgmt = parsePrefix(plan.mgmt.subnet)!.prefix;
  const out: string[] = [];
  for (const r of routes) {
    if (r.dst === 'default' || r.dev === plan.mgmt.bridge) continue;
    const dst = parsePrefix(r.dst.includes('/') ? r.dst : `${r.dst}/32`)?.prefix;
    if (dst && overlaps(dst, mgmt)) out.push(`${r.dst} ${r.dev ? `dev ${r.dev}` : `(${r.type ?? 'route'})`}`);
  }
  return [...new Set(out)];
}

export function existingNetns(): Set<string> {
  try {
    return new Set(readdirSync('/run/netns'));
  } catch {
    return new Set();
  }
}

export async function existingLinks(): Promise<Set<string>> {
  const links = JSON.parse((await runOk('ip', ['-j', 'link', 'show'])) || '[]') as { ifname: string }[];
  return new Set(links.map((l) => l.ifname));
}

/** Root-namespace links and bridges of the plan (what `down` deletes there). */
export function rootLinksOf(plan: LabPlan): string[] {
  const names = [plan.mgmt.bridge];
  for (const n of plan.nodes) names.push(n.mgmtVeth || n.bridge);
  for (const l of plan.links) for (const e of [l.a, l.z]) if (e.netns === null) names.push(e.name);
  return names;
}

export function netnsOf(plan: LabPlan): string[] {
  return plan.nodes.filter((n) => n.netns).map((n) => n.netns);
}

function vethEnd(e: LabPlan['links'][number]['a'], mtu: number): string {
  return [
    e.name,
    ...(e.netns ? ['netns', e.netns] : []),
    'mtu',
    String(mtu),
    ...(e.mac ? ['address', e.mac] : []),
  ].join(' ');
}

/** The root-namespace batch: mgmt bridge, namespaces, eth0 of every node, bridges, links. */
export function rootBatch(plan: LabPlan): string {
  const { bridge, gateway, prefixLength } = plan.mgmt;
  const lines = [
    `link add ${bridge} type bridge`,
    `addr add ${gateway}/${prefixLength} dev ${bridge}`,
    `link set ${bridge} up`,
  ];
  return growBatch(plan, plan.nodes, plan.links, lines);
}

/** Namespaces, eth0s and bridges of `nodes`, then `links`, on the plan's management bridge. */
export function growBatch(
  plan: LabPlan,
  nodes: readonly NodePlan[],
  links: readonly LabPlan['links'][number][],
  lines: string[] = [],
): string {
  const { bridge, mtu } = plan.mgmt;
  for (const n of nodes) {
    if (n.bridge) {
      lines.push(`link add ${n.bridge} type bridge`, `link set ${n.bridge} up`);
      continue;
    }
    lines.push(
      `netns add ${n.netns}`,
      `link add eth0 netns ${n.netns} mtu ${mtu} type veth peer name ${n.mgmtVeth} mtu ${mtu}`,
      `link set ${n.mgmtVeth} master ${bridge} up`,
    );
  }
  for (const l of links) {
    lines.push(`link add ${vethEnd(l.a, l.mtu)} type veth peer name ${vethEnd(l.z, l.mtu)}`);
    for (const e of [l.a, l.z]) if (e.master) lines.push(`link set ${e.name} master ${e.master} up`);
  }
  return `${lines.join('\n')}\n`;
}

/** Deletes veth pairs (one end each: the kernel removes its peer). */
export async function deleteLinks(links: readonly LabPlan['links'][number][]): Promise<void> {
  for (const l of links) {
    const ns = l.a.netns ? ['-n', l.a.netns] : [];
    await run('ip', [...ns, 'link', 'del', l.a.name]);
  }
}

/** A link end moved out of a restarting node (see grow.ts `moves`), under a root-namespace name. */
export interface ParkedEnd {
  /** Its namespace now, and its name there. */
  from: string;
  name: string;
  /** Its name while parked in the root namespace. */
  park: string;
  /** The namespace it moves into, under `name`, once the node's new namespace exists. */
  to: string;
}

/** Moves each end into our own (root) namespace, renamed, so deleting its node's namespace spares it. */
export async function parkEnds(ends: readonly ParkedEnd[]): Promise<void> {
  for (const e of ends)
    await runOk('ip', [
      '-n',
      e.from,
      'link',
      'set',
      'dev',
      e.name,
      'netns',
      String(process.pid),
      'name',
      e.park,
    ]);
}

/** Root-namespace batch lines that move parked ends into their new namespaces. */
export function unparkLines(ends: readonly ParkedEnd[]): string {
  return ends.map((e) => `link set dev ${e.park} netns ${e.to} name ${e.name}\n`).join('');
}

/** Brings new data links of a running node up, TX offload off (what configureNodeNetwork does at start). */
export async function plugLinks(node: NodePlan, ifaces: readonly string[]): Promise<void> {
  if (!ifaces.length) return;
  const lines = ifaces.map((i) => `link set ${i} up`);
  await runOk('ip', ['-n', node.netns, '-batch', '-'], { input: `${lines.join('\n')}\n` });
  await txOff([`--net=/run/netns/${node.netns}`], ifaces);
}

export async function createRootNetwork(plan: LabPlan): Promise<void> {
  await runOk('ip', ['-batch', '-'], { input: rootBatch(plan) });
}

/**
 * Inside the node's namespace: lo, eth0's addresses (no default route: the data plane uses the
 * lab's routing; the IPv6 one without duplicate address detection, since daemons bind to it as
 * they boot and a tentative address cannot be bound), data links up, and TX checksum offload off on every data veth, like
 * containerlab does: OVS's userspace datapath forwards CHECKSUM_PARTIAL packets unfilled, so
 * TCP into an OVS node would arrive with bad checksums (../shared/notes/ovs-userspace-overlay.md).
 */
export async function configureNodeNetwork(node: NodePlan, plan: LabPlan): Promise<void> {
  const lines = [
    'link set lo up',
    `addr add ${node.mgmtIpv4}/${plan.mgmt.prefixLength} dev eth0`,
    'link set eth0 up',
  ];
  if (node.mgmtIpv6) lines.push(`addr add ${node.mgmtIpv6}/${plan.mgmt.prefixLength6} dev eth0 nodad`);
  for (const i of node.interfaces) lines.push(`link set ${i} up`);
  await runOk('ip', ['-n', node.netns, '-batch', '-'], { input: `${lines.join('\n')}\n` });
  await txOff([`--net=/run/netns/${node.netns}`], node.interfaces);
}

/** Root-namespace ends of links on `kind: bridge` nodes. */
export async function configureBridgePorts(
  plan: LabPlan,
  links: readonly LabPlan['links'][number][] = plan.links,
): Promise<void> {
  await txOff(
    [],
    links.flatMap((l) => [l.a, l.z].filter((e) => e.netns === null).map((e) => e.name)),
  );
}

/** `ethtool -K <if> tx off` for each interface, one process per namespace (a spine has many). */
async function txOff(nsenterArgs: string[], ifaces: readonly string[]): Promise<void> {
  if (!ifaces.length) return;
  const loop = ['sh', '-c', 'for i do ethtool -K "$i" tx off || exit 1; done', 'sh', ...ifaces];
  if (nsenterArgs.length) await runOk('nsenter', [...nsenterArgs, '--', ...loop]);
  else await runOk(loop[0]!, loop.slice(1));
}

/** Deletes what exists of the given namespaces and root links; missing ones are fine. */
export async function destroyNetwork(
  netns: readonly string[],
  rootLinks: readonly string[],
): Promise<string[]> {
  const haveNetns = existingNetns();
  const haveLinks = await existingLinks();
  const ns = netns.filter((n) => haveNetns.has(n));
  const links = rootLinks.filter((l) => haveLinks.has(l));
  const batch = [...links.map((l) => `link del ${l}`), ...ns.map((n) => `netns del ${n}`)];
  if (batch.length) await run('ip', ['-force', '-batch', '-'], { input: `${batch.join('\n')}\n` });
  return [...ns.map((n) => `netns ${n}`), ...links.map((l) => `link ${l}`)];
}
