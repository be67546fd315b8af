/**
 * Kubernetes clusters on the fabric (`clusters:`, docs/kubernetes.md): each cluster's AS, pools
 * and CIDRs parsed once, and its nodes (the devices of a role whose ASN rule is `per-cluster`)
 * resolved. A node naming a cluster that does not exist is an input error, as an unknown tenant is.
 */

import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import { nth, type Prefix4 } from '../../net/ipv4.js';
import type { Prefix6 } from '../../net/ipv6.js';
import { type DeviceFacts, ifaceOrder } from '../facts.js';
import { clusterNodeRoles } from '../roles.js';
import { type FactsContext, suggest } from './context.js';

/** The leaves' `maximum-prefix` per node session when the cluster sets none. */
export const DEFAULT_MAXIMUM_PREFIX = 1000;
/** Each node's pod CIDR length when a Cilium cluster sets none (Cilium's `clusterPoolIPv4MaskSize`). */
export const DEFAULT_POD_CIDR_MASK = 24;

/** What announces a cluster's LoadBalancer IPs on its nodes (docs/kubernetes.md). */
export type ClusterSpeaker = 'metallb' | 'cilium';

/**
 * A numbered cable between a Cilium node and a leaf (`clusters.<c>.node_links`): a /31, the
 * leaf's end the even address, the node's the odd one. Cilium peers by address only.
 */
export interface NodeLink {
  node: string;
  /** The node's port. */
  nodeInterface: string;
  leaf: string;
  leafInterface: string;
  /** The /31's addresses (uint32): the leaf's end and the node's. */
  leafAddress: number;
  nodeAddress: number;
  length: 31;
}

export interface ClusterFacts {
  name: string;
  asn: number;
  speaker: ClusterSpeaker;
  /** IPv4 LoadBalancer pools, in the order written (the order of the prefix-lists and resources). */
  pools: Prefix4[];
  /** IPv6 LoadBalancer pools; empty when the cluster has none. */
  pools6: Prefix6[];
  podCidr: Prefix4;
  serviceCidr: Prefix4;
  maximumPrefix: number;
  /** The cluster's own failure budget (ms), or null for the site's `budgets.fabric`. */
  budgetMs: number | null;
  /** The length of each node's pod CIDR: what a Cilium node announces of `podCidr`. */
  podCidrMask: number;
  /** The numbered cables of a Cilium cluster's nodes, in node id then port order; empty for MetalLB. */
  nodeLinks: NodeLink[];
  /** Its nodes' names, sorted by id. */
  nodes: string[];
  path: InventoryPath;
  /** `node_links`, parsed (Cilium only). */
  linkPool?: Prefix4;
}

/** The clusters by name, sorted; a cluster with an unusable prefix is left out (already reported). */
export function clusterFacts(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
): Map<string, ClusterFacts> {
  const clusters = new Map<string, ClusterFacts>();
  for (const [name, c] of Object.entries(ctx.site.clusters).sort(([a], [b]) => a.localeCompare(b))) {
    const path = ['clusters', name];
    const pools = c.load_balancer_pools.map((p, i) => ctx.prefix(p, [...path, 'load_balancer_pools', i]));
    const pools6 = (c.load_balancer_pools6 ?? []).map((p, i) =>
      ctx.prefix6(p, [...path, 'load_balancer_pools6', i]),
    );
    const podCidr = ctx.prefix(c.pod_cidr, [...path, 'pod_cidr']);
    const serviceCidr = ctx.prefix(c.service_cidr, [...path, 'service_cidr']);
    const linkPool =
      c.node_links === undefined ? undefined : ctx.prefix(c.node_links, [...path, 'node_links']);
    if (pools.some((p) => !p) || pools6.some((p) => !p) || !podCidr || !serviceCidr) continue;
    if (!speakerInputUsable(ctx, name, c, path) || (c.node_links !== undefined && !linkPool)) continue;
    if (c.pod_cidr_mask !== undefined && c.pod_cidr_mask < podCidr.length) {
      ctx.fail(
        'pod-cidr-mask-too-short',
        `cluster ${name}'s pod_cidr_mask /${c.pod_cidr_mask} is shorter than its pod_cidr ${podCidr.text}: each node's pod CIDR is a block of the cluster's, so /${podCidr.length} or longer`,
        [...path, 'pod_cidr_mask'],
      );
      continue;
    }
    clusters.set(name, {
      name,
      asn: c.asn,
      speaker: c.speaker,
      pools: pools as Prefix4[],
      pools6: pools6 as Prefix6[],
      podCidr,
      serviceCidr,
      maximumPrefix: c.maximum_prefix ?? DEFAULT_MAXIMUM_PREFIX,
      podCidrMask: c.pod_cidr_mask ?? DEFAULT_POD_CIDR_MASK,
      budgetMs: c.budget ?? null,
      nodeLinks: [],
      nodes: [],
      path,
      ...(linkPool ? { linkPool } : {}),
    });
  }
  const nodeRoles = clusterNodeRoles();
  const known = Object.keys(ctx.site.clusters).sort((a, b) => a.localeCompare(b));
  for (const d of [...devices.values()].sort((a, b) => a.id - b.id || a.name.localeCompare(b.name))) {
    if (!nodeRoles.includes(d.role) || d.cluster === null) continue;
    const cluster = clusters.get(d.cluster);
    if (cluster) {
      cluster.nodes.push(d.name);
      d.asn = cluster.asn;
    } else if (!known.includes(d.cluster))
      ctx.fail(
        'unknown-cluster',
        `${d.name} is a node of unknown cluster '${d.cluster}'${suggest(d.cluster, known)} (clusters: ${known.join(', ') || 'none; define it under clusters:'})`,
        [...d.path, 'cluster'],
      );
  }
  return clusters;
}

/** Numbers the Cilium clusters' cables (`nodeLinks`), once the cables are known (facts.ts). */
export function allocateNodeLinks(
  ctx: FactsContext,
  clusters: Map<string, ClusterFacts>,
  devices: Map<string, DeviceFacts>,
): void {
  for (const c of clusters.values()) if (c.speaker === 'cilium') c.nodeLinks = nodeLinks(ctx, c, devices);
}

/**
 * What each speaker needs and refuses, at the key that says it: Cilium peers by address, so its
 * cables need `node_links`; its sessions here are IPv4 only (IPv6 routes over an IPv4 session
 * need the extended next hop Cilium does not negotiate); MetalLB peers unnumbered and has no use
 * for either Cilium key.
 */
function speakerInputUsable(
  ctx: FactsContext,
  name: string,
  c: FactsContext['site']['clusters'][string],
  path: InventoryPath,
): boolean {
  const problems: [string, string, InventoryPath][] = [];
  if (c.speaker === 'cilium') {
    if (c.node_links === undefined)
      problems.push([
        'cilium-without-node-links',
        `cluster ${name}'s speaker is cilium, which peers by address only (no unnumbered peers): give it node_links, a pool for the /31s of its nodes' cables, e.g. node_links: 10.41.0.0/24`,
        [...path, 'speaker'],
      ]);
    if (c.load_balancer_pools6)
      problems.push([
        'cilium-ipv6-pools',
        `cluster ${name}'s speaker is cilium, whose sessions with the leaves are IPv4 (node_links): IPv6 LoadBalancer pools are not supported with it yet; drop load_balancer_pools6 or use speaker: metallb`,
        [...path, 'load_balancer_pools6'],
      ]);
  } else
    for (const key of ['node_links', 'pod_cidr_mask'] as const)
      if (c[key] !== undefined)
        problems.push([
          'cilium-only-key',
          `cluster ${name}'s ${key} is for speaker: cilium; MetalLB peers unnumbered on the node's uplinks and announces no pod CIDR: drop ${key}`,
          [...path, key],
        ]);
  for (const [code, message, at] of problems) ctx.fail(code, message, at, true);
  return problems.length === 0;
}

/** A Cilium cluster's cables, each the next /31 of `node_links` in node id then port order. */
function nodeLinks(ctx: FactsContext, c: ClusterFacts, devices: Map<string, DeviceFacts>): NodeLink[] {
  const pool = c.linkPool!;
  const links: NodeLink[] = [];
  for (const name of c.nodes) {
    const node = devices.get(name)!;
    const cables = node.ports
      .filter((p) => p.kind === 'host')
      .sort((a, b) => ifaceOrder(a.interface, b.interface));
    for (const port of cables) {
      const leafAddress = nth(pool, links.length * 2);
      const nodeAddress = nth(pool, links.length * 2 + 1);
      if (leafAddress === undefined || nodeAddress === undefined) {
        const needed = cables.length + links.length;
        ctx.fail(
          'node-links-exhausted',
          `cluster ${c.name}'s node_links ${pool.text} holds ${Math.floor(2 ** (32 - pool.length) / 2)} /31s, too few for its nodes' cables (${name}'s ${port.interface} is number ${links.length + 1}, ${needed} at least): give it a larger prefix, e.g. /${Math.max(0, 32 - Math.ceil(Math.log2(needed * 2)))}`,
          [...c.path, 'node_links'],
        );
        return [];
      }
      links.push({
        node: name,
        nodeInterface: port.interface,
        leaf: port.peer.device,
        leafInterface: port.peer.interface,
        leafAddress,
        nodeAddress,
        length: 31,
      });
    }
  }
  return links;
}

/** The numbered cable at a port of `device` (a Cilium node's, or its leaf's end), if it is one. */
export function nodeLinkAt(
  clusters: ReadonlyMap<string, ClusterFacts>,
  device: string,
  iface: string,
): { link: NodeLink; mine: number; theirs: number } | undefined {
  for (const c of clusters.values())
    for (const link of c.nodeLinks) {
      if (link.node === device && link.nodeInterface === iface)
        return { link, mine: link.nodeAddress, theirs: link.leafAddress };
      if (link.leaf === device && link.leafInterface === iface)
        return { link, mine: link.leafAddress, theirs: link.nodeAddress };
    }
  return undefined;
}
