/**
 * Kubernetes clusters on the fabric (`clusters:`, docs/kubernetes.md): each cluster's AS, pools
 * and CIDRs parsed once, and its nodes (the devices of a role whose ASN rule is `per-cluster`)
 * resolved. A node naming a cluster that does not exist is an input error, as an unknown tenant is.
 */

import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import type { Prefix4 } from '../../net/ipv4.js';
import type { Prefix6 } from '../../net/ipv6.js';
import type { DeviceFacts } from '../facts.js';
import { clusterNodeRoles } from '../roles.js';
import { type FactsContext, suggest } from './context.js';

/** The leaves' `maximum-prefix` per node session when the cluster sets none. */
export const DEFAULT_MAXIMUM_PREFIX = 1000;

export interface ClusterFacts {
  name: string;
  asn: number;
  speaker: 'metallb';
  /** IPv4 LoadBalancer pools, in the order written (the order of the prefix-lists and resources). */
  pools: Prefix4[];
  /** IPv6 LoadBalancer pools; empty when the cluster has none. */
  pools6: Prefix6[];
  podCidr: Prefix4;
  serviceCidr: Prefix4;
  maximumPrefix: number;
  /** Its nodes' names, sorted by id. */
  nodes: string[];
  path: InventoryPath;
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
    if (pools.some((p) => !p) || pools6.some((p) => !p) || !podCidr || !serviceCidr) continue;
    clusters.set(name, {
      name,
      asn: c.asn,
      speaker: c.speaker,
      pools: pools as Prefix4[],
      pools6: pools6 as Prefix6[],
      podCidr,
      serviceCidr,
      maximumPrefix: c.maximum_prefix ?? DEFAULT_MAXIMUM_PREFIX,
      nodes: [],
      path,
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
