/**
 * Redundancy of Kubernetes clusters on the fabric (docs/kubernetes.md): a cluster's LoadBalancer
 * IPs survive one node only if another node announces them (N+1), and one rack only if its nodes
 * are in two racks at least. Each node's dual-homing to its rack's leaf pair is checked with
 * every host's (`host-not-dual-homed`, redundancy.ts); its pools' overlaps with the addressing
 * (`prefix-overlap`, addressing.ts).
 */

import { CABLES_PER_NODE } from '../compile/facts/clusters.js';
import type { SiteFacts } from '../compile/facts.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { contains } from '../net/ipv4.js';
import { plural } from '../util/plural.js';
import type { AddressRange } from './address-findings.js';
import { type CheckContext, finding, notice } from './context.js';

export function checkClusters(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  for (const c of facts.clusters.values()) {
    // the leaves' sessions carry IPv6 only on a site with IPv6 (compile/frr/ipv6.ts)
    if (c.pools6.length && !facts.pools.loopback6)
      out.push(
        finding(
          ctx,
          'cluster-ipv6-without-site-ipv6',
          `cluster ${c.name} has IPv6 LoadBalancer pools but site ${facts.name} has no IPv6 (pools.loopback6): its leaves would not take them; give the site pools.loopback6 or drop load_balancer_pools6`,
          [...c.path, 'load_balancer_pools6'],
        ),
      );
    // the leaves tear down a session over maximum-prefix (`force` counts what they reject too)
    const least = Math.max(c.pools.length + (c.speaker === 'cilium' ? 1 : 0), c.pools6.length);
    if (c.maximumPrefix < least)
      out.push(
        finding(
          ctx,
          'maximum-prefix-too-low',
          `cluster ${c.name}'s maximum_prefix ${c.maximumPrefix} is below what each node announces at least (${plural(least, 'prefix', 'prefixes')}: a LoadBalancer IP per pool${c.speaker === 'cilium' ? ' and its pod CIDR block' : ''}, in one family): the leaves would tear every node's session down; set it well above the cluster's LoadBalancer IPs per node (default 1000)`,
          [...c.path, 'maximum_prefix'],
        ),
      );
    const nodes = c.nodes.map((n) => facts.devices.get(n)!);
    const last = nodes[nodes.length - 1];
    if (!last) {
      out.push(
        notice(
          ctx,
          'cluster-without-nodes',
          `cluster ${c.name} has no node: nothing announces its LoadBalancer pools (give devices role: k8s-node, cluster: ${c.name})`,
          c.path,
        ),
      );
      continue;
    }
    if (nodes.length === 1) {
      out.push(
        finding(
          ctx,
          'cluster-single-node',
          `cluster ${c.name} has a single node (${last.name}): no N+1, its LoadBalancer IPs go down with it; add a node, in another rack`,
          [...last.path, 'cluster'],
        ),
      );
      continue;
    }
    // node_links numbered by id, as loopbacks are: an id past the end of the pool has no /31
    const pool = c.linkPool;
    const past = pool ? c.nodeLinks.filter((l) => !contains(pool, l.nodeAddress)) : [];
    if (pool && past.length) {
      const maxId = Math.max(...nodes.map((n) => n.id));
      const fits = 32 - Math.ceil(Math.log2((maxId + 1) * CABLES_PER_NODE * 2));
      const first = nodes.find((n) => n.name === past[0]!.node)!;
      out.push(
        finding(
          ctx,
          'node-links-exhausted',
          `cluster ${c.name}'s node_links ${pool.text} holds ${plural(2 ** (31 - pool.length), '/31')}; its nodes' cables are numbered by id (${CABLES_PER_NODE} /31s per id, as loopbacks are network + id), and ${first.name} (id ${first.id}) needs number ${first.id * CABLES_PER_NODE + 1}: give it a /${fits} at least (ids up to ${maxId})`,
          [...c.path, 'node_links'],
        ),
      );
    }
    // every Cilium node announces a pod CIDR block of its own
    const blocks = 2 ** (c.podCidrMask - c.podCidr.length);
    if (c.speaker === 'cilium' && blocks < nodes.length)
      out.push(
        finding(
          ctx,
          'pod-cidr-too-small',
          `cluster ${c.name}'s pod_cidr ${c.podCidr.text} holds ${plural(blocks, 'node block')} of /${c.podCidrMask}, fewer than its ${nodes.length} nodes: the nodes beyond get no pod CIDR; give it a larger pod_cidr or a longer pod_cidr_mask`,
          [...c.path, 'pod_cidr'],
        ),
      );
    const racks = new Set(nodes.map((d) => d.rack));
    const all = nodes.length === 2 ? 'both' : `all ${nodes.length}`;
    if (racks.size === 1)
      out.push(
        finding(
          ctx,
          'cluster-shared-rack',
          `${all} nodes of cluster ${c.name} (${c.nodes.join(', ')}) are in rack ${last.rack}; a rack failure would take down every LoadBalancer IP of the cluster: put nodes in two racks at least`,
          [...last.path, 'rack'],
        ),
      );
  }
  return out;
}

/**
 * The clusters' address space in one family, for `prefix-overlap` (addressing.ts): each
 * LoadBalancer pool where it is written, and the pod and service CIDRs (IPv4 only). The suffix
 * says the family: `P` is its prefix type (Prefix4 for '', Prefix6 for '6').
 */
export function clusterRanges<P extends { text: string }>(
  facts: SiteFacts,
  suffix: '' | '6',
): AddressRange<P>[] {
  const ranges: AddressRange<P>[] = [];
  for (const c of facts.clusters.values()) {
    (suffix ? c.pools6 : c.pools).forEach((prefix, i) => {
      ranges.push({
        prefix: prefix as unknown as P,
        what: `the LoadBalancer pool of cluster ${c.name}`,
        path: [...c.path, `load_balancer_pools${suffix}`, i],
        kind: 'lb-pool',
        cluster: c.name,
      });
    });
    if (suffix) continue;
    // a Cilium cluster announces its pod CIDR into the fabric: routed, as its pools are
    const announced = c.speaker === 'cilium';
    for (const [key, prefix] of [
      ['pod', c.podCidr],
      ['service', c.serviceCidr],
    ] as const)
      ranges.push({
        prefix: prefix as unknown as P,
        what: `the ${key} CIDR ${key === 'pod' && announced ? 'Cilium announces for' : 'of'} cluster ${c.name}`,
        path: [...c.path, `${key}_cidr`],
        kind: key === 'pod' && announced ? 'lb-pool' : 'cluster-cidr',
        cluster: c.name,
      });
    if (c.linkPool)
      ranges.push({
        prefix: c.linkPool as unknown as P,
        what: `node_links of cluster ${c.name}`,
        path: [...c.path, 'node_links'],
        kind: 'link',
        cluster: c.name,
      });
  }
  return ranges;
}
