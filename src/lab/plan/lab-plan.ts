/**
 * Everything about a lab decided before the machine is touched: names, management addresses,
 * what runs in each node, where its files live. A pure function of the topology and options;
 * the plan is stored in the state file, so `down` can undo a half-finished `up`.
 */

import { join } from 'node:path';
import type { DaemonRegistry } from '../../daemons/types.js';
import {
  contains,
  formatAddress,
  isNetworkOrBroadcast,
  nth,
  parseAddress,
  parsePrefix,
  prefixSize,
} from '../../net/ipv4.js';
import { formatAddress6, parseAddress6, parsePrefix6 } from '../../net/ipv6.js';
import { LabError } from '../errors.js';
import { SYSTEM_PATH } from '../runtime/system-command.js';
import type { Bind, Topology } from '../topology/types.js';
import { containerName, DEFAULT_STATE_ROOT, defaultLabDir, labTag, rootNames, stateDirOf } from './names.js';
import {
  ENV_DAEMONS,
  ENV_HTTP_PORTS,
  ENV_INTFS,
  type LabDaemon,
  type NodeRole,
  nodeRuntime,
} from './node-roles.js';

export interface PlanOptions {
  /** Lab name instead of the topology's `name` (a test's unique name, say). */
  name?: string;
  /** containerlab `prefix` instead of the topology's (`""` → bare node names). */
  prefixOverride?: string;
  /** Management IPv4 subnet instead of the topology's; the gateway is its first address. */
  mgmtSubnet?: string;
  /** Folder for the lab's SSH key, known_hosts, … @default `clab-<lab>/` next to the topology file */
  labDir?: string;
  /** @default /var/lib/fabric-lab */
  stateRoot?: string;
  /** The daemon drivers a node may start. @default DAEMONS */
  daemons?: DaemonRegistry;
}

export interface NodePlan {
  name: string;
  /** Position in the topology; root-namespace names derive from it. */
  index: number;
  kind: string;
  image: string;
  role: NodeRole;
  daemons: LabDaemon[];
  httpPorts: number[];
  /** The node's network namespace, named like containerlab's container; '' for a bridge. */
  netns: string;
  hostname: string;
  /** eth0's address; '' for a bridge. */
  mgmtIpv4: string;
  /** eth0's IPv6 address (RFC 5952, on `mgmt.prefixLength6`), from the node's `mgmt-ipv6`; absent without one. */
  mgmtIpv6?: string;
  /** Root-namespace end of eth0; '' for a bridge. */
  mgmtVeth: string;
  /** Root-namespace Linux bridge of a `kind: bridge` node; '' otherwise. */
  bridge: string;
  /** Data interfaces in the node, in link order. */
  interfaces: string[];
  /** Node layer (upper/work/merged) and console log; '' for a bridge. */
  dir: string;
  /** Environment of every process in the node (init, exec). */
  env: Record<string, string>;
  exec: string[];
  binds: Bind[];
  labels: Record<string, string>;
}

export interface LinkEndPlan {
  node: string;
  /** null: the root namespace (a bridge port). */
  netns: string | null;
  name: string;
  /** The interface as the topology names it (for a bridge end, `name` is a root-namespace name). */
  interface: string;
  mac: string | undefined;
  /** Root-namespace bridge this end joins. */
  master: string | undefined;
}

export interface LinkPlan {
  index: number;
  a: LinkEndPlan;
  z: LinkEndPlan;
  mtu: number;
}

export interface LabPlan {
  lab: string;
  tag: string;
  topologyFile: string;
  labDir: string;
  stateRoot: string;
  stateDir: string;
  mgmt: {
    bridge: string;
    subnet: string;
    gateway: string;
    prefixLength: number;
    /** Prefix length of the nodes' IPv6 management addresses; absent when no node has one. */
    prefixLength6?: number;
    mtu: number;
  };
  nodes: NodePlan[];
  links: LinkPlan[];
}

/**
 * With `previous` (the plan of the running lab, when `up` grows it), the nodes and links that
 * are still there keep their indices and management addresses, so their root-namespace names
 * stay those of the running objects; new ones get indices after the highest used.
 */
export function planLab(topology: Topology, options: PlanOptions = {}, previous?: LabPlan): LabPlan {
  const lab = options.name ?? topology.name;
  const tag = labTag(lab);
  const prefix = options.prefixOverride ?? topology.prefix;
  const stateRoot = options.stateRoot ?? DEFAULT_STATE_ROOT;
  const stateDir = stateDirOf(stateRoot, lab);
  const mgmt = planMgmt(topology, options.mgmtSubnet);
  const kept = new Map(previous?.nodes.map((n) => [n.name, n]));
  const addresses = assignMgmtAddresses(topology, mgmt, kept);
  const nodeIndex = stableIndices(
    topology.nodes.map((n) => n.name),
    new Map(previous?.nodes.map((n) => [n.name, n.index])),
  );
  const linkIndex = stableIndices(
    topology.links.map(linkKey),
    new Map(previous?.links.map((l) => [planLinkKey(l), l.index])),
  );

  const nodes: NodePlan[] = topology.nodes.map((node, position) => {
    const index = nodeIndex[position]!;
    const { runtime } = nodeRuntime(node, options.daemons);
    const isBridge = runtime.role === 'bridge';
    const interfaces = topology.links.flatMap((l) =>
      [l.a, l.z].filter((e) => e.node === node.name).map((e) => e.interface),
    );
    const env: Record<string, string> = {
      PATH: SYSTEM_PATH,
      HOME: '/root',
      LANG: 'C.UTF-8',
      TERM: 'xterm',
      ...node.env,
      [ENV_DAEMONS]: runtime.daemons.filter((d) => d !== 'sshd').join(','),
      [ENV_INTFS]: String(interfaces.length),
      FABRIC_LAB: lab,
      FABRIC_NODE: node.name,
    };
    if (runtime.httpPorts.length) env[ENV_HTTP_PORTS] = runtime.httpPorts.join(',');
    const mgmtIpv6 = isBridge || node.mgmtIpv6 === undefined ? undefined : parseAddress6(node.mgmtIpv6);
    return {
      name: node.name,
      index,
      kind: node.kind,
      image: node.image,
      role: runtime.role,
      daemons: runtime.daemons,
      httpPorts: runtime.httpPorts,
      netns: isBridge ? '' : containerName(prefix, lab, node.name),
      hostname: node.hostname,
      mgmtIpv4: isBridge ? '' : addresses.get(node.name)!,
      ...(mgmtIpv6 === undefined ? {} : { mgmtIpv6: formatAddress6(mgmtIpv6) }),
      mgmtVeth: isBridge ? '' : rootNames.mgmtVeth(tag, index),
      bridge: isBridge ? rootNames.bridge(tag, index) : '',
      interfaces,
      dir: isBridge ? '' : join(stateDir, 'nodes', node.name),
      env,
      exec: node.exec,
      binds: node.binds,
      labels: node.labels,
    };
  });

  const byName = new Map(nodes.map((n) => [n.name, n]));
  const end = (linkIndex: number, side: 'a' | 'z', e: Topology['links'][number]['a']): LinkEndPlan => {
    const node = byName.get(e.node)!;
    return node.bridge
      ? {
          node: node.name,
          netns: null,
          name: rootNames.bridgePort(tag, linkIndex, side),
          interface: e.interface,
          mac: e.mac,
          master: node.bridge,
        }
      : {
          node: node.name,
          netns: node.netns,
          name: e.interface,
          interface: e.interface,
          mac: e.mac,
          master: undefined,
        };
  };
  const links = topology.links.map((l, position) => {
    const index = linkIndex[position]!;
    return { index, a: end(index, 'a', l.a), z: end(index, 'z', l.z), mtu: l.mtu };
  });

  return {
    lab,
    tag,
    topologyFile: topology.file,
    labDir: options.labDir ?? defaultLabDir(topology.dir, lab),
    stateRoot,
    stateDir,
    mgmt: {
      bridge: rootNames.mgmtBridge(tag),
      ...mgmt,
      ...(nodes.some((n) => n.mgmtIpv6)
        ? { prefixLength6: parsePrefix6(topology.mgmt.ipv6Subnet)!.prefix.length }
        : {}),
      mtu: topology.mgmt.mtu,
    },
    nodes,
    links,
  };
}

/** A link by what it connects (and how): the same key in two plans is the same veth pair. */
export function linkKey(l: Topology['links'][number]): string {
  const ends = [l.a, l.z].map((e) => `${e.node}:${e.interface}:${e.mac ?? ''}`).sort();
  return `${ends.join(' ')} mtu ${l.mtu}`;
}

export function planLinkKey(l: LinkPlan): string {
  // states written before `interface` existed: a netns end's name is its interface
  const ends = [l.a, l.z].map((e) => `${e.node}:${e.interface ?? e.name}:${e.mac ?? ''}`).sort();
  return `${ends.join(' ')} mtu ${l.mtu}`;
}

/** Each key keeps its previous index; new keys get the next unused ones, in order. */
function stableIndices(keys: string[], previous: ReadonlyMap<string, number>): number[] {
  if (!previous.size) return keys.map((_, i) => i);
  let next = Math.max(-1, ...previous.values()) + 1;
  const taken = new Set<number>();
  return keys.map((k) => {
    const old = previous.get(k);
    if (old !== undefined && !taken.has(old)) {
      taken.add(old);
      return old;
    }
    return next++;
  });
}

function planMgmt(
  topology: Topology,
  override: string | undefined,
): { subnet: string; gateway: string; prefixLength: number } {
  if (override === undefined) {
    const subnet = parsePrefix(topology.mgmt.ipv4Subnet)!.prefix;
    return { subnet: subnet.text, gateway: topology.mgmt.ipv4Gw, prefixLength: subnet.length };
  }
  const parsed = parsePrefix(override);
  if (!parsed || parsed.hostBits || parsed.prefix.length > 29) {
    throw new LabError(2, [
      `management subnet "${override}" must be an IPv4 network such as 198.18.99.0/24 (at most /29)`,
    ]);
  }
  return {
    subnet: parsed.prefix.text,
    gateway: formatAddress(nth(parsed.prefix, 1)!),
    prefixLength: parsed.prefix.length,
  };
}

/** Static `mgmt-ipv4`s as given; the others get the lowest free host addresses, in node order. */
function assignMgmtAddresses(
  topology: Topology,
  mgmt: { subnet: string; gateway: string },
  kept: ReadonlyMap<string, NodePlan>,
): Map<string, string> {
  const subnet = parsePrefix(mgmt.subnet)!.prefix;
  const used = new Set<number>([parseAddress(mgmt.gateway)!]);
  const out = new Map<string, string>();
  for (const node of topology.nodes) {
    if (node.mgmtIpv4 === undefined || node.kind === 'bridge') continue;
    const addr = parseAddress(node.mgmtIpv4)!;
    if (!contains(subnet, addr) || used.has(addr)) {
      throw new LabError(2, [
        `mgmt-ipv4 ${node.mgmtIpv4} of node "${node.name}" is not a free address of ${subnet.text}`,
      ]);
    }
    used.add(addr);
    out.set(node.name, node.mgmtIpv4);
  }
  // a running node without a static address keeps the one it has
  for (const node of topology.nodes) {
    const had = kept.get(node.name)?.mgmtIpv4;
    const addr = had ? parseAddress(had) : undefined;
    if (out.has(node.name) || node.kind === 'bridge' || addr === undefined) continue;
    if (!contains(subnet, addr) || used.has(addr)) continue;
    used.add(addr);
    out.set(node.name, had!);
  }
  let offset = 1;
  for (const node of topology.nodes) {
    if (out.has(node.name) || node.kind === 'bridge') continue;
    let addr = nth(subnet, offset);
    while (addr !== undefined && (used.has(addr) || isNetworkOrBroadcast(subnet, addr)))
      addr = nth(subnet, ++offset);
    if (addr === undefined) {
      throw new LabError(2, [
        `management subnet ${subnet.text} has ${prefixSize(subnet) - 2} addresses, too few for the nodes`,
      ]);
    }
    used.add(addr);
    out.set(node.name, formatAddress(addr));
  }
  return out;
}
