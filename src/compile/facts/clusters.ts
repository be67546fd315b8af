/**
 * Kubernetes clusters on the fabric (`clusters:`, docs/kubernetes.md): each cluster's AS, pools
 * and CIDRs parsed once, and its nodes (the devices of a role whose ASN rule is `per-cluster`)
 * resolved. A node naming a cluster that does not exist is an input error, as an unknown tenant is.
 */

import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import type { Prefix4 } from '../../net/ipv4.js';
import type { Prefix6 } from '../../net/ipv6.js';
import { type DeviceFacts, ifaceOrder } from '../facts.js';
import { clusterNodeRoles } from '../roles.js';
import { type FactsContext, pastThePool, suggest } from './context.js';

/** The leaves' `maximum-prefix` per node session when the cluster sets none. */
export const DEFAULT_MAXIMUM_PREFIX = 1000;
/** Each node's pod CIDR length when a Cilium cluster sets none (Cilium's `clusterPoolIPv4MaskSize`). */
export const DEFAULT_POD_CIDR_MASK = 24;

/** What announces a cluster's LoadBalancer IPs on its nodes (docs/kubernetes.md). */
export type ClusterSpeaker = 'metallb' | 'cilium';

/**
 * A numbered cable between a Cilium node and a leaf (`clusters.<c>.node_links`): a /31, the
 * leaf's end the even address, the node's the odd one (numbered by the node's id: nodeLinks).
 * Cilium peers by address only.
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
    const mask = c.pod_cidr_mask ?? DEFAULT_POD_CIDR_MASK;
    if (c.speaker === 'cilium' && mask < podCidr.length) {
      const given = c.pod_cidr_mask !== undefined;
      ctx.fail(
        'pod-cidr-mask-too-short',
        `cluster ${name}'s pod_cidr_mask /${mask}${given ? '' : ' (the default)'} is shorter than its pod_cidr ${podCidr.text}: each node's pod CIDR is a block of the cluster's, so ${given ? '' : 'set pod_cidr_mask to '}/${podCidr.length} or longer${given ? '' : ', or give it a larger pod_cidr'}`,
        [...path, given ? 'pod_cidr_mask' : 'pod_cidr'],
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
      podCidrMask: mask,
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
        `cluster ${name}'s speaker is cilium, which peers by address only (no unnumbered peers): give it node_links, the pool of its nodes' /31s (two per node, by id: a /22 holds ids up to 255, a /23 up to 127), e.g. node_links: 10.41.0.0/22`,
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

/** The /31s of `node_links` a Cilium node's cables are numbered in: two, one per leaf of its pair. */
export const CABLES_PER_NODE = 2;

/**
 * A Cilium cluster's cables, numbered as the fabric's other pools are, by device id: the node
 * with id N has the /31s number 2N and 2N+1 of `node_links` (its cables in port order), so a
 * node added, removed or renumbered moves no other node's addresses. A node with more cables
 * than that is an input error; an id beyond the pool a finding (`node-links-exhausted`) naming the
 * size that fits, as for the loopbacks.
 */
function nodeLinks(ctx: FactsContext, c: ClusterFacts, devices: Map<string, DeviceFacts>): NodeLink[] {
  const pool = c.linkPool!;
  const links: NodeLink[] = [];
  const nodes = c.nodes.map((name) => devices.get(name)!);
  for (const node of nodes) {
    const cables = node.ports
      .filter((p) => p.kind === 'host')
      .sort((a, b) => ifaceOrder(a.interface, b.interface));
    if (cables.length > CABLES_PER_NODE) {
      ctx.fail(
        'cilium-node-cables',
        `${node.name} has ${cables.length} cables to leaves; a node of Cilium cluster ${c.name} is numbered ${CABLES_PER_NODE} (a /31 to each leaf of its rack's pair, from node_links by its id): cable it to its two leaves`,
        [...node.path, 'uplinks'],
      );
      continue;
    }
    for (const [j, port] of cables.entries()) {
      // past the end of the pool too, as loopbacks are: a finding (checks/clusters.ts), not an input error
      const slot = node.id * CABLES_PER_NODE + j;
      const leafAddress = pastThePool(pool, slot * 2);
      const nodeAddress = pastThePool(pool, slot * 2 + 1);
      links.push({
        node: node.name,
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
