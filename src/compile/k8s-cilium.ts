/**
 * A Cilium cluster on the fabric (docs/kubernetes.md, "Cilium"): the resources of Cilium's BGP
 * control plane (cilium.io/v2) its platform team applies, and per node the GoBGP configuration
 * Cilium programs from them, decided from the same facts as the leaves' side (compile/frr): each
 * node cable's /31 (`node_links`, facts/clusters.ts) is the leaf's numbered neighbor and the
 * node's `peerAddress`, the cluster's AS the leaves' `remote-as`, each leaf's AS the `peerASN`.
 *
 * Cilium has no BFD, and its hold time is at least 3 s (the CRD's minimum): without BFD the hold
 * timer is what notices a dead node, so fabric sets the shortest one Cilium takes (3 s, with
 * keepalives every second), and the leaves' sessions negotiate it down from the fabric's 9 s.
 */
import type {
  CiliumBgpAdvertisement,
  CiliumBgpClusterConfig,
  CiliumBgpPeerConfig,
  CiliumClusterModel,
  CiliumLoadBalancerIpPool,
  CiliumSpeakerModel,
  SiteTimers,
} from '../model/types.js';
import { formatAddress, nth, withLength } from '../net/ipv4.js';
import type { NodeLink } from './facts/clusters.js';
import type { ClusterFacts, SiteFacts } from './facts.js';
import { CLUSTERS_DIR, clusterBase, HOSTNAME_LABEL, poolName } from './k8s.js';

/** cilium.io/v2: the BGP control plane's API since Cilium 1.18 (v2alpha1 before). */
const API = 'cilium.io/v2';
/** The instance's name in every node's CiliumBGPClusterConfig. */
const INSTANCE = 'fabric';
/** CiliumBGPTimers' minimum hold time (its CRD: `minimum: 3`). */
export const CILIUM_HOLD_S = 3;
/** A keepalive a third of the hold time, as RFC 4271 suggests. */
export const CILIUM_KEEPALIVE_S = 1;
/** GoBGP's idle hold after a reset, which Cilium sets for every peer (pkg/bgpv1/gobgp/peer.go). */
const IDLE_HOLD_AFTER_RESET_S = 5;

export function ciliumCluster(facts: SiteFacts, c: ClusterFacts, timers: SiteTimers): CiliumClusterModel {
  const shared = `${c.name}-fabric`;
  const selects = { matchLabels: { 'fabric/advertise': shared } };
  const pools = c.pools.map(
    (p): CiliumLoadBalancerIpPool => ({
      apiVersion: API,
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: poolName(p.text) },
      spec: { blocks: [{ cidr: p.text }] },
    }),
  );
  const peerConfig: CiliumBgpPeerConfig = {
    apiVersion: API,
    kind: 'CiliumBGPPeerConfig',
    metadata: { name: shared },
    spec: {
      timers: {
        connectRetryTimeSeconds: timers.bgp.connectRetryS,
        holdTimeSeconds: CILIUM_HOLD_S,
        keepAliveTimeSeconds: CILIUM_KEEPALIVE_S,
      },
      families: [{ afi: 'ipv4', safi: 'unicast', advertisements: selects }],
    },
  };
  const advertisement: CiliumBgpAdvertisement = {
    apiVersion: API,
    kind: 'CiliumBGPAdvertisement',
    metadata: { name: shared, labels: selects.matchLabels },
    spec: {
      advertisements: [
        { advertisementType: 'PodCIDR' },
        // every Service: Cilium selects none without a selector, so one that matches all
        {
          advertisementType: 'Service',
          service: { addresses: ['LoadBalancerIP'] },
          selector: {
            matchExpressions: [{ key: 'fabric/no-advertisement', operator: 'NotIn', values: ['true'] }],
          },
        },
      ],
    },
  };
  const configs = c.nodes.map(
    (node): CiliumBgpClusterConfig => ({
      apiVersion: API,
      kind: 'CiliumBGPClusterConfig',
      metadata: { name: `${c.name}-${node}` },
      spec: {
        nodeSelector: { matchLabels: { [HOSTNAME_LABEL]: node } },
        bgpInstances: [
          {
            name: INSTANCE,
            localASN: c.asn,
            peers: c.nodeLinks
              .filter((l) => l.node === node)
              .map((l, _, mine) => ({
                name: peerName(l, mine),
                peerASN: facts.devices.get(l.leaf)!.asn!,
                peerAddress: formatAddress(l.leafAddress),
                peerConfigRef: { name: shared },
              })),
          },
        ],
      },
    }),
  );
  const base = clusterBase(facts, c, 'cilium.yaml');
  return {
    ...base,
    speaker: 'cilium',
    resources: [...pools, peerConfig, advertisement, ...configs],
    speakers: c.nodes.map((node, i): CiliumSpeakerModel => {
      const mgmt = facts.devices.get(node)!.mgmt;
      const pod = podCidrOf(c, i);
      return {
        node,
        file: `${CLUSTERS_DIR}/${c.name}/speakers/${node}.gobgpd.toml`,
        asn: c.asn,
        routerId: mgmt === null ? '' : formatAddress(mgmt),
        listenPort: -1,
        neighbors: c.nodeLinks
          .filter((l) => l.node === node)
          .map((l, _, mine) => ({
            name: peerName(l, mine),
            peerDevice: l.leaf,
            iface: l.nodeInterface,
            address: formatAddress(l.leafAddress),
            localAddress: formatAddress(l.nodeAddress),
            peerAsn: facts.devices.get(l.leaf)!.asn!,
            connectRetryS: peerConfig.spec.timers.connectRetryTimeSeconds,
            holdS: CILIUM_HOLD_S,
            keepaliveS: CILIUM_KEEPALIVE_S,
            idleHoldTimeAfterResetS: IDLE_HOLD_AFTER_RESET_S,
          })),
        paths: [
          ...(pod ? [{ prefix: pod, kind: 'PodCIDR' as const }] : []),
          ...base.poolRoutes.map((r) => ({ prefix: r.route, kind: 'Service' as const })),
        ],
      };
    }),
  };
}

/**
 * A peer's name in the node's instance (Cilium keys its peers by name): the leaf, or with two
 * cables to one leaf (a finding: not dual-homed) the leaf and the node's port.
 */
function peerName(l: NodeLink, mine: readonly NodeLink[]): string {
  return mine.filter((m) => m.leaf === l.leaf).length > 1 ? `${l.leaf}-${l.nodeInterface}` : l.leaf;
}

/**
 * The pod CIDR the model gives the node at `index` (in id order): the index-th block of
 * `pod_cidr_mask`. A node added with a smaller id shifts the others' blocks in the model and the
 * lab; no leaf's configuration depends on which block is whose (docs/kubernetes.md).
 * Which block a node gets is Cilium's IPAM's choice (in the order nodes join); the leaves accept
 * any block of that length, so the model's choice only stands for one. None when the cluster's
 * pod CIDR has fewer blocks than nodes (a finding: `pod-cidr-too-small`).
 */
export function podCidrOf(c: ClusterFacts, index: number): string | null {
  const block = nth(c.podCidr, index * 2 ** (32 - c.podCidrMask));
  return block === undefined ? null : withLength(block, c.podCidrMask);
}
