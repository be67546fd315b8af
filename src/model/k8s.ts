/**
 * Kubernetes clusters on the fabric (docs/kubernetes.md): what the platform team applies to each
 * cluster, as the resources themselves. Compile decides every field (peers, ASNs, interfaces,
 * BFD timers, pools); render only prints them, one YAML document each.
 */

/** A Kubernetes object: `apiVersion`, `kind`, `metadata`, `spec`, as `kubectl apply` takes it. */
export interface K8sResource<Kind extends string = string, Spec = unknown> {
  apiVersion: string;
  kind: Kind;
  /** `namespace` for MetalLB's namespaced kinds; Cilium's BGP kinds are cluster-scoped. */
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
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

/** A cluster's model, by its speaker: MetalLB's resources and FRR, or Cilium's resources and GoBGP. */
export type ClusterModel = MetallbClusterModel | CiliumClusterModel;

/** What every cluster's model has, whatever its speaker. */
export interface ClusterModelBase {
  name: string;
  /** What announces the LoadBalancer IPs on the nodes. */
  speaker: 'metallb' | 'cilium';
  /** The cluster's AS: every node's, the leaves' `remote-as` for it. */
  asn: number;
  /** Its nodes, by id. */
  nodes: string[];
  /** The leaves its nodes peer with, sorted. */
  leaves: string[];
  /** IPv4 and IPv6 LoadBalancer pools (RFC 5952), IPv4 first. */
  loadBalancerPools: string[];
  /**
   * Per pool, in `loadBalancerPools`' order, the host route that stands for its LoadBalancer IPs
   * in the model (which has no Services): the pool's first address, `/32` or `/128`, the first
   * address MetalLB hands out. Every node's speaker announces it; whatif asks who routes it.
   * None for a cluster without nodes: nothing announces its pools.
   */
  poolRoutes: { pool: string; family: 'ipv4' | 'ipv6'; route: string }[];
  /** The file `fabric render` writes for the platform team (`<out>/<site>/<file>`): the resources. */
  file: string;
}

export interface MetallbClusterModel extends ClusterModelBase {
  speaker: 'metallb';
  /** The resources, in the order they are applied: BFD profile, peers, pools, advertisement. */
  resources: (MetallbBfdProfile | MetallbBgpPeer | MetallbIpAddressPool | MetallbBgpAdvertisement)[];
  /**
   * Per node (sorted by id), the FRR configuration MetalLB's FRR mode writes on it for these
   * resources: the speaker side of the node's sessions with its leaves.
   */
  speakers: SpeakerModel[];
}

/**
 * The speaker of one Kubernetes node: MetalLB's FRR-mode configuration for the node (its
 * `frrConfig`, internal/bgp/frr/config.go), as MetalLB computes it from the cluster's resources
 * before templating. Field names are MetalLB's (camelCase; the reference test feeds this object
 * to MetalLB's own Go templates, whose JSON decoding matches names case-insensitively). Only the
 * fields fabric's resources set are present: MetalLB's others (passwords, multihop, source
 * address, communities, local preference, VRFs, connect time, graceful restart) stay at their
 * zero value. fabric does not write it to the node (MetalLB does); render prints it as a
 * reference (`file`), the lab runs it, and the route simulation originates its prefixes.
 */
export interface SpeakerModel {
  /** The node (its inventory name, `kubernetes.io/hostname`). */
  node: string;
  /** Where `fabric render` prints it, inside the site's output (`_clusters/<c>/speakers/<node>.frr.conf`). */
  file: string;
  /** `hostname`: the node's (the speaker pod runs in the host's network namespace). */
  hostname: string;
  /** `log stdout <level>`: the speaker's default log level (`info`), in FRR's words. @default 'informational' */
  loglevel: 'informational';
  /**
   * The router ID FRR chooses, which MetalLB does not write (the BGPPeers set no `routerID`, as
   * one BGPPeer serves several nodes): the highest IPv4 address on the node, its management
   * address (pool `mgmt` + id). Not printed; the lab puts that address on the node.
   */
  impliedRouterId: string;
  /** One BGP instance: MetalLB keys routers by AS, router ID and VRF, and all three are the same. */
  routers: SpeakerRouter[];
  /** `bfd` profiles: every BFDProfile of the cluster, by name. */
  bfdProfiles: SpeakerBfdProfile[];
}

export interface SpeakerRouter {
  /** `router bgp <myASN>`: the cluster's AS. */
  myAsn: number;
  /** `bgp router-id`: empty, MetalLB writes none (see `SpeakerModel.impliedRouterId`). */
  routerId: '';
  /** One per BGPPeer selecting the node, sorted as MetalLB sorts them (by `<asn>@<iface>@<vrf>`). */
  neighbors: SpeakerNeighbor[];
  /**
   * `network` statements: every prefix announced to some neighbor, sorted as text (MetalLB's
   * sets), per family. The representative LoadBalancer IP of each pool (`SpeakerNeighbor.prefixesV4`).
   */
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
}

/** A numbered FRR prefix-list entry MetalLB writes (`seq` from its template's `counter`). */
export interface SpeakerPrefixListEntry {
  seq: number;
  action: 'permit' | 'deny';
  /** A prefix, or `any` (MetalLB's `deny any` when nothing of the family is announced). */
  prefix: string;
}

export interface SpeakerNeighbor {
  /** MetalLB's key of the neighbor: `<asn>@<iface>@<vrf>`. */
  name: string;
  /** The leaf at the other end of the cable (fabric's, not MetalLB's: the route simulation's). */
  peerDevice: string;
  /** `dual`: an interface peer carries both families (MetalLB's `ipfamily.DualStack`). */
  ipFamily: 'dual';
  /** `remote-as`: the BGPPeer's `peerASN`, the leaf's AS, as text (MetalLB's field is a string). */
  asn: string;
  /** `neighbor <iface> interface`: the node's port to the leaf (an unnumbered session). */
  iface: string;
  /** `neighbor … port`: the BGPPeer's `peerPort`, which the API server defaults. @default 179 */
  port: number;
  /** `neighbor … timers <keepalive> <hold>`, seconds: the fabric's BGP timers. */
  keepaliveTime: number;
  holdTime: number;
  /** `neighbor … bfd profile`: the BGPPeer's `bfdProfile`. */
  bfdProfile: string;
  /** The prefixes announced to this neighbor, per family, sorted as text: a host route per pool. */
  prefixesV4: string[];
  prefixesV6: string[];
  /** MetalLB's `ID()`: the interface; the prefix of its route-map and prefix-list names. */
  id: string;
  /** `route-map <id>-in deny 20`: the node accepts nothing from its leaves. */
  routeMapIn: string;
  /** `route-map <id>-out`: permit what the two prefix-lists permit. */
  routeMapOut: string;
  /** `<id>-allowed-ipv4` / `<id>-allowed-ipv6` and their entries. */
  prefixListV4: { name: string; entries: SpeakerPrefixListEntry[] };
  prefixListV6: { name: string; entries: SpeakerPrefixListEntry[] };
  /** The out route-map's entries: one per family, matching the family's prefix-list. */
  routeMapOutEntries: { seq: number; family: 'ip' | 'ipv6'; prefixList: string }[];
}

/** A BFD profile as MetalLB passes it to FRR: intervals in ms. */
export interface SpeakerBfdProfile {
  name: string;
  receiveInterval: number;
  transmitInterval: number;
  detectMultiplier: number;
}

/** A Kubernetes `LabelSelector`, as Cilium's resources take it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn'; values: string[] }[];
}

/** Cilium `CiliumLoadBalancerIPPool` (cilium.io/v2): one per LoadBalancer pool of the inventory. */
export type CiliumLoadBalancerIpPool = K8sResource<
  'CiliumLoadBalancerIPPool',
  { blocks: { cidr: string }[] }
>;

/** Cilium `CiliumBGPAdvertisement`: every node's pod CIDR and every Service's LoadBalancer IP. */
export type CiliumBgpAdvertisement = K8sResource<
  'CiliumBGPAdvertisement',
  {
    advertisements: (
      | { advertisementType: 'PodCIDR' }
      | { advertisementType: 'Service'; service: { addresses: ['LoadBalancerIP'] }; selector: LabelSelector }
    )[];
  }
>;

/** Cilium `CiliumBGPPeerConfig`: the timers and families of every session with a leaf. */
export type CiliumBgpPeerConfig = K8sResource<
  'CiliumBGPPeerConfig',
  {
    timers: { connectRetryTimeSeconds: number; holdTimeSeconds: number; keepAliveTimeSeconds: number };
    families: { afi: 'ipv4'; safi: 'unicast'; advertisements: LabelSelector }[];
  }
>;

/**
 * Cilium `CiliumBGPClusterConfig`, one per node: a peer's `peerAddress` is the leaf's end of the
 * node's own /31, so no two nodes share a peer list.
 */
export type CiliumBgpClusterConfig = K8sResource<
  'CiliumBGPClusterConfig',
  {
    nodeSelector: LabelSelector;
    bgpInstances: {
      name: string;
      localASN: number;
      peers: { name: string; peerASN: number; peerAddress: string; peerConfigRef: { name: string } }[];
    }[];
  }
>;

export interface CiliumClusterModel extends ClusterModelBase {
  speaker: 'cilium';
  /** The resources, in the order they are applied: pools, peer config, advertisement, per-node configs. */
  resources: (
    | CiliumLoadBalancerIpPool
    | CiliumBgpPeerConfig
    | CiliumBgpAdvertisement
    | CiliumBgpClusterConfig
  )[];
  /** Per node (sorted by id), what Cilium's BGP control plane programs into its GoBGP for them. */
  speakers: CiliumSpeakerModel[];
}

/**
 * The speaker of one Cilium node: the GoBGP server Cilium's BGP control plane runs in its agent,
 * as it configures it for the cluster's resources (pkg/bgpv1/gobgp: StartBgp, AddPeer,
 * AdvertisePath). fabric does not write it to the node (Cilium does); render prints it as a gobgpd
 * configuration (`file`), a reference for the platform team that the lab runs.
 */
export interface CiliumSpeakerModel {
  node: string;
  /** Where `fabric render` prints it (`_clusters/<c>/speakers/<node>.gobgpd.toml`). */
  file: string;
  /** The cluster's AS (the instance's `localASN`). */
  asn: number;
  /** The node's InternalIP (Cilium's default router ID): its management address. */
  routerId: string;
  /**
   * -1: the instance sets no `localPort`, so Cilium's GoBGP does not listen; the node connects
   * to its leaves, never the other way round.
   */
  listenPort: -1;
  neighbors: CiliumSpeakerNeighbor[];
  /** The paths Cilium adds through GoBGP's API: the node's pod CIDR, each pool's representative LoadBalancer IP. */
  paths: { prefix: string; kind: 'PodCIDR' | 'Service' }[];
}

export interface CiliumSpeakerNeighbor {
  /** The peer's `name` in the CiliumBGPClusterConfig: the leaf. */
  name: string;
  peerDevice: string;
  /** The node's port the /31 is on. */
  iface: string;
  /** The leaf's end of the /31 (`peerAddress`), and the node's. */
  address: string;
  localAddress: string;
  peerAsn: number;
  /** CiliumBGPPeerConfig's timers, seconds; Cilium adds an idle hold of 5 s after a reset. */
  connectRetryS: number;
  holdS: number;
  keepaliveS: number;
  idleHoldTimeAfterResetS: number;
}
