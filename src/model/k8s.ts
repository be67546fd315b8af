/**
 * Kubernetes clusters on the fabric (docs/kubernetes.md): what the platform team applies to each
 * cluster, as the resources themselves. Compile decides every field (peers, ASNs, interfaces,
 * BFD timers, pools); render only prints them, one YAML document each.
 */

/** A Kubernetes object: `apiVersion`, `kind`, `metadata`, `spec`, as `kubectl apply` takes it. */
export interface K8sResource<Kind extends string = string, Spec = unknown> {
  apiVersion: string;
  kind: Kind;
  metadata: { name: string; namespace: string };
  spec: Spec;
}

/** A node selector term of MetalLB's `nodeSelectors` (Kubernetes' `LabelSelector`). */
export interface NodeSelector {
  matchExpressions: { key: string; operator: 'In'; values: string[] }[];
}

/** MetalLB `BFDProfile` (metallb.io/v1beta1): milliseconds, as MetalLB passes them to FRR. */
export type MetallbBfdProfile = K8sResource<
  'BFDProfile',
  { receiveInterval: number; transmitInterval: number; detectMultiplier: number }
>;

/**
 * MetalLB `BGPPeer` (metallb.io/v1beta2): one per leaf, an unnumbered session on the node's
 * `interface` towards it, for the nodes of the leaf's rack only (`nodeSelectors`).
 */
export type MetallbBgpPeer = K8sResource<
  'BGPPeer',
  {
    myASN: number;
    peerASN: number;
    interface: string;
    bfdProfile: string;
    /** Durations as MetalLB takes them (`9s`): the fabric's BGP timers. */
    holdTime: string;
    keepaliveTime: string;
    nodeSelectors: NodeSelector[];
  }
>;

/** MetalLB `IPAddressPool` (metallb.io/v1beta1): one per LoadBalancer pool of the inventory. */
export type MetallbIpAddressPool = K8sResource<'IPAddressPool', { addresses: string[]; autoAssign: boolean }>;

/** MetalLB `BGPAdvertisement` (metallb.io/v1beta1): every pool, as host routes, to every peer. */
export type MetallbBgpAdvertisement = K8sResource<
  'BGPAdvertisement',
  { ipAddressPools: string[]; aggregationLength: number; aggregationLengthV6: number; peers: string[] }
>;

export interface ClusterModel {
  name: string;
  /** What announces the LoadBalancer IPs on the nodes. */
  speaker: 'metallb';
  /** The cluster's AS: every node's, the leaves' `remote-as` for it. */
  asn: number;
  /** Its nodes, by id. */
  nodes: string[];
  /** The leaves its nodes peer with, sorted. */
  leaves: string[];
  /** IPv4 and IPv6 LoadBalancer pools (RFC 5952), IPv4 first. */
  loadBalancerPools: string[];
  /**
   * The file `fabric render` writes for the platform team (`<out>/<site>/<file>`), and the
   * resources in it, in the order they are applied: BFD profile, peers, pools, advertisement.
   */
  file: string;
  resources: (MetallbBfdProfile | MetallbBgpPeer | MetallbIpAddressPool | MetallbBgpAdvertisement)[];
}
