/**
 * The cluster side of Kubernetes on the fabric (docs/kubernetes.md): per cluster, the MetalLB
 * resources its platform team applies, decided here from the same facts as the leaves' side
 * (compile/frr: the peer group `K8S-<CLUSTER>`), so the two ends cannot disagree: the node's
 * AS is the leaves' `remote-as`, each leaf's AS the node's `peerASN`, the node's port the leaf's
 * unnumbered neighbor, the BFD timers the fabric profile's.
 */
import type {
  ClusterModel,
  ClusterModelBase,
  MetallbBfdProfile,
  MetallbBgpAdvertisement,
  MetallbBgpPeer,
  MetallbClusterModel,
  MetallbIpAddressPool,
  SiteTimers,
  SpeakerModel,
  SpeakerNeighbor,
  SpeakerPrefixListEntry,
} from '../model/types.js';
import { formatAddress, withLength } from '../net/ipv4.js';
import { withLength6 } from '../net/ipv6.js';
import type { ClusterFacts, SiteFacts } from './facts.js';
import { ciliumCluster } from './k8s-cilium.js';

/** Where MetalLB runs and reads its resources (its manifests' namespace). */
export const METALLB_NAMESPACE = 'metallb-system';
/** The node label a BGPPeer's `nodeSelectors` match: the inventory name is the node's name. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/** The BFD profile's name on the cluster: the leaves' profile of the same timers. */
export const BFD_PROFILE = 'fabric';

export function compileClusters(facts: SiteFacts, timers: SiteTimers): ClusterModel[] {
  return [...facts.clusters.values()].map((c) =>
    c.speaker === 'cilium' ? ciliumCluster(facts, c, timers) : metallbCluster(facts, c, timers),
  );
}

/** What every cluster's model has: its AS, nodes, the leaves they are cabled to, its pools. */
export function clusterBase(facts: SiteFacts, c: ClusterFacts, file: string): ClusterModelBase {
  const leaves = c.nodes.flatMap((n) =>
    facts.devices.get(n)!.ports.flatMap((p) => (p.kind === 'host' ? [p.peer.device] : [])),
  );
  return {
    name: c.name,
    speaker: c.speaker,
    asn: c.asn,
    nodes: [...c.nodes],
    leaves: [...new Set(leaves)].sort(),
    loadBalancerPools: [...c.pools, ...c.pools6].map((p) => p.text),
    // no node, no Service announced: nothing for whatif, verify or the lab to expect
    // (`cluster-without-nodes` says so where the cluster is written)
    poolRoutes: c.nodes.length ? poolRoutes(c) : [],
    file: `${CLUSTERS_DIR}/${c.name}/${file}`,
  };
}

function metallbCluster(facts: SiteFacts, c: ClusterFacts, timers: SiteTimers): MetallbClusterModel {
  const meta = (name: string) => ({ name, namespace: METALLB_NAMESPACE });
  const bfd: MetallbBfdProfile = {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'BFDProfile',
    metadata: meta(BFD_PROFILE),
    spec: {
      receiveInterval: timers.bfdFabric.intervalMs,
      transmitInterval: timers.bfdFabric.intervalMs,
      detectMultiplier: timers.bfdFabric.multiplier,
    },
  };
  const sessions = bgpPeers(facts, c);
  const peers = sessions.map(
    (p): MetallbBgpPeer => ({
      apiVersion: 'metallb.io/v1beta2',
      kind: 'BGPPeer',
      metadata: meta(p.name),
      spec: {
        myASN: c.asn,
        peerASN: p.leafAsn,
        interface: p.interface,
        bfdProfile: BFD_PROFILE,
        holdTime: `${timers.bgp.holdS}s`,
        keepaliveTime: `${timers.bgp.keepaliveS}s`,
        nodeSelectors: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: p.nodes }] }],
      },
    }),
  );
  const pools = [...c.pools, ...c.pools6].map(
    (p): MetallbIpAddressPool => ({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: meta(poolName(p.text)),
      spec: { addresses: [p.text], autoAssign: true },
    }),
  );
  const advertisement: MetallbBgpAdvertisement = {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'BGPAdvertisement',
    metadata: meta(c.name),
    spec: {
      ipAddressPools: pools.map((p) => p.metadata.name),
      // one host route per LoadBalancer IP: the leaves accept nothing longer, ECMP per IP
      aggregationLength: 32,
      aggregationLengthV6: 128,
      peers: peers.map((p) => p.metadata.name),
    },
  };
  return {
    ...clusterBase(facts, c, 'metallb.yaml'),
    speaker: 'metallb',
    resources: [bfd, ...peers, ...pools, advertisement],
    speakers: c.nodes.map((node) => speakerOf(facts, c, node, sessions, bfd, timers)),
  };
}

/** MetalLB's default `peerPort` (the BGPPeer CRD's default, applied by the API server). */
const BGP_PORT = 179;

/** Text order, as Go's `sort.Strings` (MetalLB sorts its sets and map keys so). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The LoadBalancer IP each pool stands for in the model: the pool's first address, as a host
 * route. The model has no Services; MetalLB's allocator hands out a pool's addresses from its
 * first (internal/allocator/allocator.go, getIPFromCIDR: the first free one; the pools set no
 * `avoidBuggyIPs`), so the first Service of the pool gets it, and every node announces it (with
 * `externalTrafficPolicy: Cluster`). One route per pool is enough for what the simulation asks
 * (which nodes, leaves and upstreams reach the pool), and it is inside what the leaves accept.
 */
function poolRoutes(c: ClusterFacts): ClusterModel['poolRoutes'] {
  return [
    ...c.pools.map((p) => ({ pool: p.text, family: 'ipv4' as const, route: withLength(p.network, 32) })),
    ...c.pools6.map((p) => ({ pool: p.text, family: 'ipv6' as const, route: withLength6(p.network, 128) })),
  ];
}

/**
 * What MetalLB's FRR mode writes on one node for the cluster's resources (its createConfig,
 * internal/bgp/frr/frr.go): a neighbor per BGPPeer selecting the node, each announced every
 * pool's representative route (the BGPAdvertisement names every peer), the out filters its
 * template numbers with `counter`, and the BFD profile.
 */
function speakerOf(
  facts: SiteFacts,
  c: ClusterFacts,
  node: string,
  sessions: ReturnType<typeof bgpPeers>,
  bfd: MetallbBfdProfile,
  timers: SiteTimers,
): SpeakerModel {
  const routes = poolRoutes(c);
  const v4 = routes.flatMap((r) => (r.family === 'ipv4' ? [r.route] : [])).sort(byText);
  const v6 = routes.flatMap((r) => (r.family === 'ipv6' ? [r.route] : [])).sort(byText);
  const entries = (prefixes: string[]): SpeakerPrefixListEntry[] =>
    prefixes.length
      ? prefixes.map((prefix, i) => ({ seq: i + 1, action: 'permit', prefix }))
      : [{ seq: 1, action: 'deny', prefix: 'any' }];
  const neighbors = sessions
    .filter((p) => p.nodes.includes(node))
    .map((p): SpeakerNeighbor => {
      const asn = String(p.leafAsn);
      const id = p.interface;
      return {
        name: `${asn}@${p.interface}@`,
        peerDevice: p.leaf,
        ipFamily: 'dual',
        asn,
        iface: p.interface,
        port: BGP_PORT,
        keepaliveTime: timers.bgp.keepaliveS,
        holdTime: timers.bgp.holdS,
        bfdProfile: BFD_PROFILE,
        prefixesV4: v4,
        prefixesV6: v6,
        id,
        routeMapIn: `${id}-in`,
        routeMapOut: `${id}-out`,
        prefixListV4: { name: `${id}-allowed-ipv4`, entries: entries(v4) },
        prefixListV6: { name: `${id}-allowed-ipv6`, entries: entries(v6) },
        routeMapOutEntries: [
          { seq: 1, family: 'ip', prefixList: `${id}-allowed-ipv4` },
          { seq: 2, family: 'ipv6', prefixList: `${id}-allowed-ipv6` },
        ],
      };
    })
    .sort((a, b) => byText(a.name, b.name));
  const mgmt = facts.devices.get(node)!.mgmt;
  return {
    node,
    file: `${CLUSTERS_DIR}/${c.name}/speakers/${node}.frr.conf`,
    hostname: node,
    loglevel: 'informational',
    impliedRouterId: mgmt === null ? '' : formatAddress(mgmt),
    routers: [
      {
        myAsn: c.asn,
        routerId: '',
        neighbors,
        ipv4Prefixes: v4,
        ipv6Prefixes: v6,
      },
    ],
    bfdProfiles: [
      {
        name: bfd.metadata.name,
        receiveInterval: bfd.spec.receiveInterval,
        transmitInterval: bfd.spec.transmitInterval,
        detectMultiplier: bfd.spec.detectMultiplier,
      },
    ],
  };
}

/**
 * The folder of the clusters' files in a site's output. Its `_` keeps it apart from every
 * device's folder: a device name is lower-case letters, digits and `-`.
 */
export const CLUSTERS_DIR = '_clusters';

/**
 * The cluster's BGP peers: one per leaf its nodes are cabled to, for the nodes of that leaf's
 * rack, on the node's port towards it. Nodes that reach one leaf on different port names need
 * a peer each (a BGPPeer has one `interface`): `<leaf>.<interface>` then, else `<leaf>`.
 */
function bgpPeers(facts: SiteFacts, c: ClusterFacts) {
  const byLeaf = new Map<string, Map<string, string[]>>();
  for (const name of c.nodes) {
    const node = facts.devices.get(name)!;
    for (const port of node.ports) {
      if (port.kind !== 'host') continue;
      const ports = byLeaf.get(port.peer.device) ?? new Map<string, string[]>();
      ports.set(port.interface, [...(ports.get(port.interface) ?? []), name]);
      byLeaf.set(port.peer.device, ports);
    }
  }
  return [...byLeaf]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([leaf, ports]) =>
      [...ports]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([iface, nodes]) => ({
          name: ports.size === 1 ? leaf : `${leaf}.${iface}`,
          leaf,
          leafAsn: facts.devices.get(leaf)!.asn!,
          interface: iface,
          nodes: [...nodes].sort(),
        })),
    );
}

/**
 * A pool's resource name from its prefix (RFC 5952 text, so one name per prefix):
 * `203.0.113.64/27` → `lb-203-0-113-64-27`, `2001:db8:100:40::/64` → `lb-2001-db8-100-40---64`.
 */
export function poolName(prefix: string): string {
  return `lb-${prefix.replace(/[.:/]/g, '-')}`;
}
