/**
 * The compiled fabric model: plain, serialisable, fully resolved data. Every address, ASN, VRID,
 * interface name, neighbor and priority is decided by compile and only printed by templates.
 * Lists are sorted by compile, so `fabric show --json` lists things in config order.
 *
 * Field names follow the daemons' own nouns (routerBgp.neighbors, vrrpInstances, virtualServers,
 * frontends), and the same name is used by the compile function, the template partial and the
 * golden file.
 */

import type { Daemon } from '../daemons/index.js';
import type { Device1 as InventoryDevice } from '../inventory/types.gen.js';

/**
 * A device's role: the inventory's device roles (generated from the schema, so a role added
 * there reaches every exhaustive switch and the role table) and the lab's simulated upstreams.
 */
export type Role = InventoryDevice['role'] | 'upstream';

/**
 * A reference to a secret by name; its value is only resolved when files are rendered, and is
 * checked against what its use allows (a VRRP PASS key has at most 8 characters, a TLS bundle
 * holds a certificate and a key).
 */
export interface SecretRef {
  secret: string;
  use: SecretUse;
}

export type SecretUse =
  | 'bgp-password'
  | 'vrrp-auth'
  | 'tls-bundle'
  | 'snmp-auth'
  | 'snmp-priv'
  | 'snmp-community';

/** A daemon whose configuration fabric renders and pushes: its driver's key (src/daemons/index.ts). */
export type { Daemon };

// ---------------------------------------------------------------------------------------------
// Site

export interface FabricModel {
  /** Sites, sorted by name. */
  sites: SiteModel[];
}

export interface SiteModel {
  name: string;
  description: string;
  /** Devices sorted by name, including simulated upstreams (managed: false). */
  devices: Device[];
  /** Every cable (physical, or a VM's virtual NIC on its hypervisor), sorted. */
  cables: Cable[];
  /** Tenant overlay segments, sorted by tenant then name. */
  segments: Segment[];
  /** Devices that back each other up; push never changes more than `maxUnavailable` of one group at once. */
  redundancyGroups: RedundancyGroup[];
  /** The IP plan, for people: every prefix and address the site uses. */
  ipPlan: IpPlanEntry[];
  /** Out-of-band management network. */
  mgmt: { subnet: string; gateway: string; prefixLength: number };
  /** Names of every secret the site references. */
  secrets: string[];
}

/** `internet` joins the simulated upstreams of the lab to each other, as the real ones are. */
export type CableKind = 'fabric' | 'host' | 'upstream' | 'internet' | 'vm-uplink' | 'vm-port';

export interface CableEnd {
  device: string;
  interface: string;
  /** MTU configured on this end, bytes. */
  mtu: number;
}

export interface Cable {
  /** `a` is the lower tier (the end that declared the cable), `b` the upper tier. */
  a: CableEnd;
  b: CableEnd;
  kind: CableKind;
}

export interface Segment {
  tenant: string;
  name: string;
  vni: number;
  /** Local VLAN tag of the segment on every hypervisor's br-int: 1 + (vni mod 4094). */
  vlan: number;
  subnet: string;
  prefixLength: number;
}

export type RedundancyKind =
  | 'superspine-plane'
  | 'spine-plane'
  | 'edge-pair'
  | 'leaf-pair'
  | 'storage-hosts'
  | 'hypervisors'
  | 'vrrp-pair'
  | 'haproxy-pair';

export interface RedundancyGroup {
  name: string;
  kind: RedundancyKind;
  /** Member device names, sorted. */
  members: string[];
  /** How many members may be changed (or down) at the same time. */
  maxUnavailable: number;
  /** Why these devices back each other up, for people reading a wave plan. */
  reason: string;
}

export interface IpPlanEntry {
  /** Address with prefix length, e.g. 10.1.0.11/32, or a prefix such as 203.0.113.0/24. */
  prefix: string;
  kind:
    | 'pool'
    | 'announce'
    | 'segment'
    | 'loopback'
    | 'mgmt'
    | 'upstream-link'
    | 'nic'
    | 'vrrp-vip'
    | 'lab-originate';
  device?: string;
  interface?: string;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// Devices

export interface DeviceBase {
  name: string;
  role: Role;
  id: number;
  site: string;
  /** Rack of the device; a VM inherits its hypervisor's rack. */
  rack: string;
  description: string;
  /** False for simulated upstreams: rendered for the lab, never pushed or watched for drift. */
  managed: boolean;
  /** The hypervisor a VM runs on; null for physical devices. */
  hostedOn: string | null;
  /** Push order from the role table (src/compile/roles.ts): lower tiers change first. */
  tier: number;
  /** The devices whose failure takes this one down: itself, and its hypervisor if it is a VM. */
  failureDomain: string[];
  mgmt: Mgmt;
  /** Operating-system view of the device's data interfaces (for the lab, verify and drift). */
  interfaces: HostInterface[];
  /** Default gateway of a device without FRR (VMs), or null. */
  defaultGateway: string | null;
  /** Services the device itself serves (application VMs), for the lab and verify. */
  services: HostService[];
  /**
   * Daemons fabric renders for this device, sorted: its role's (src/compile/roles.ts), plus snmpd
   * when the site has SNMP. The lab starts exactly these; push and drift handle exactly these.
   */
  daemons: Daemon[];
  /** The device's SNMP agent for the NOC, or null when the site configures no SNMP (and for VMs). */
  snmpd: SnmpdModel | null;
}

export interface Mgmt {
  address: string;
  prefixLength: number;
  /** SSH login used by push and drift. */
  ssh: { user: string; port: number };
}

export interface HostInterface {
  name: string;
  /** Addresses with prefix length, e.g. 10.20.2.21/24. Empty for unnumbered interfaces. */
  addresses: string[];
  /** MTU in bytes. */
  mtu: number;
  /** What the interface connects to. */
  peer: { device: string; interface: string };
  kind: CableKind | 'loopback';
  /** Tenant segment of a VM NIC, as `tenant/segment`, else null. */
  segment: string | null;
}

export interface HostService {
  kind: 'http';
  port: number;
  /** Path that answers 200 for health checks. */
  healthPath: string;
  /** URL paths routed to this server: '/' and the route prefixes of its backends; '/' for an L4 service. */
  paths: string[];
  /**
   * The L4 services (of the VM's tenant) that have this VM as a real server on this port: IPVS
   * sends their VIP's traffic here directly. Empty when only HAProxy backends use the port.
   */
  l4Services: string[];
}

interface WithFrr {
  frr: FrrModel;
}

export interface SuperspineDevice extends DeviceBase, WithFrr {
  role: 'superspine';
}
export interface SpineDevice extends DeviceBase, WithFrr {
  role: 'spine';
  pod: number;
}
export interface LeafDevice extends DeviceBase, WithFrr {
  role: 'leaf';
  pod: number;
}
export interface EdgeDevice extends DeviceBase, WithFrr {
  role: 'edge';
}
export interface HypervisorDevice extends DeviceBase, WithFrr {
  role: 'hypervisor';
  ovs: OvsModel;
}
export interface StorageDevice extends DeviceBase, WithFrr {
  role: 'storage';
}
export interface VrouterDevice extends DeviceBase, WithFrr {
  role: 'vrouter';
  tenant: string;
  keepalived: KeepalivedModel;
}
export interface L4lbDevice extends DeviceBase {
  role: 'l4lb';
  tenant: string;
  keepalived: KeepalivedModel;
}
export interface L7lbDevice extends DeviceBase {
  role: 'l7lb';
  tenant: string;
  haproxy: HaproxyModel;
}
export interface VmDevice extends DeviceBase {
  role: 'vm';
  tenant: string;
}
/** A simulated upstream ISP (lab only). */
export interface UpstreamDevice extends DeviceBase, WithFrr {
  role: 'upstream';
  /** Address the lab's test client uses as its source (first address of the first originated prefix). */
  clientAddress: string | null;
}

export type Device =
  | SuperspineDevice
  | SpineDevice
  | LeafDevice
  | EdgeDevice
  | HypervisorDevice
  | StorageDevice
  | VrouterDevice
  | L4lbDevice
  | L7lbDevice
  | VmDevice
  | UpstreamDevice;

export type FrrDevice = Extract<Device, WithFrr>;

export function hasFrr(d: Device): d is FrrDevice {
  return 'frr' in d;
}

// ---------------------------------------------------------------------------------------------
// FRR

export interface FrrModel {
  hostname: string;
  /** Daemons enabled in /etc/frr/daemons (zebra, staticd and watchfrr always run). */
  daemons: {
    bgpd: boolean;
    bfdd: boolean;
    /** Load FRR's SNMP AgentX module in zebra and bgpd (BGP4-MIB through the local snmpd). */
    agentx: boolean;
  };
  interfaces: FrrInterface[];
  staticRoutes: StaticRoute[];
  prefixLists: PrefixList[];
  routeMaps: RouteMap[];
  bfdProfiles: BfdProfile[];
  routerBgp: RouterBgp;
}

export interface FrrInterface {
  name: string;
  description: string;
  /** Addresses with prefix length; empty for unnumbered (IPv6 link-local) fabric ports. */
  addresses: string[];
}

export interface StaticRoute {
  prefix: string;
  /** `blackhole` anchors an aggregate so that `network` can announce it. */
  nexthop: 'blackhole';
  description: string;
}

export interface PrefixList {
  name: string;
  entries: { seq: number; action: 'permit' | 'deny'; prefix: string; ge: number | null; le: number | null }[];
}

export interface RouteMap {
  name: string;
  entries: {
    seq: number;
    action: 'permit' | 'deny';
    matchPrefixList: string | null;
    description: string | null;
  }[];
}

/**
 * A BFD profile. A value equal to FRR's default (300 ms, multiplier 3) is null and not printed:
 * FRR never shows defaults in its running config, so a printed default would read as drift.
 */
export interface BfdProfile {
  name: string;
  /** Milliseconds; null: FRR's default, 300. */
  receiveInterval: number | null;
  /** Milliseconds; null: FRR's default, 300. */
  transmitInterval: number | null;
  /** null: FRR's default, 3. */
  detectMultiplier: number | null;
}

export interface PeerGroup {
  name: string;
  description: string;
  bfdProfile: string | null;
  /** Route-maps applied in the ipv4 unicast address family. */
  routeMapIn: string;
  routeMapOut: string;
}

export interface BgpNeighbor {
  /** Interface name for unnumbered neighbors, else the peer address. */
  peer: string;
  unnumbered: boolean;
  peerGroup: string;
  remoteAs: number;
  description: string;
  /** The device on the other end (or the upstream's name). */
  peerDevice: string;
  password: SecretRef | null;
  /** Upstream sessions: the peer address is directly connected (ttl 1). */
  updateSource: string | null;
}

export interface RouterBgp {
  asn: number;
  routerId: string;
  peerGroups: PeerGroup[];
  neighbors: BgpNeighbor[];
  ipv4Unicast: {
    /** Prefixes originated with `network` (each must exist in the RIB). */
    networks: string[];
    maximumPaths: number;
    /** Neighbors (by peer) that get a default route originated towards them. */
    defaultOriginate: string[];
  };
}

// ---------------------------------------------------------------------------------------------
// keepalived

export interface KeepalivedModel {
  globalDefs: {
    routerId: string;
    /** Register with the local snmpd over AgentX and serve KEEPALIVED-MIB (`enable_snmp_vrrp`). @default false */
    enableSnmpVrrp: boolean;
  };
  vrrpSyncGroups: VrrpSyncGroup[];
  vrrpInstances: VrrpInstance[];
  virtualServers: VirtualServer[];
}

export interface VrrpSyncGroup {
  name: string;
  instances: string[];
}

export interface VrrpInstance {
  name: string;
  /** Always BACKUP: the priority elects the master, so a restart never causes two masters. */
  state: 'BACKUP';
  interface: string;
  virtualRouterId: number;
  priority: number;
  /** Seconds. */
  advertInt: number;
  authentication: { authType: 'PASS'; authPass: SecretRef } | null;
  /** Virtual addresses with prefix length and device, e.g. `203.0.113.1/27 dev eth2`. */
  virtualIpaddress: { address: string; dev: string }[];
  /**
   * Interfaces whose failure puts the instance in FAULT. Instances are in a sync group, so a fault
   * moves the whole group to the peer (keepalived ignores tracking weights in sync groups).
   */
  trackInterfaces: string[];
  /** Segment the instance runs on, as `tenant/segment`. */
  segment: string;
  /** The peer member of the pair (the other device), or null for a lone member. */
  peer: string | null;
  /** True on the member that should be master when both are healthy. */
  intendedMaster: boolean;
}

export interface HealthCheck {
  kind: 'tcp' | 'http';
  path: string | null;
  /** Seconds. */
  interval: number;
  /** Seconds. */
  timeout: number;
}

export interface VirtualServer {
  address: string;
  port: number;
  protocol: 'TCP';
  lbAlgo: 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh';
  lbKind: 'NAT';
  /** Seconds between health checks. */
  delayLoop: number;
  realServers: { device: string; address: string; port: number; weight: number; check: HealthCheck }[];
}

// ---------------------------------------------------------------------------------------------
// HAProxy

export interface HaproxyModel {
  /** Admin socket, used by drift to read backend state. */
  statsSocket: string;
  maxconn: number;
  /** Milliseconds. */
  timeouts: { connect: number; client: number; server: number; httpRequest: number };
  frontends: HaproxyFrontend[];
  backends: HaproxyBackend[];
  /** TLS bundles the frontends need, written next to haproxy.cfg. */
  certificates: { file: string; path: string; secret: SecretRef }[];
}

export interface HaproxyFrontend {
  name: string;
  /**
   * `transparent`: bind even when the address is not (yet) on the box, as when HAProxy starts
   * before the network is configured or listens on a keepalived VIP.
   */
  binds: { address: string; port: number; certificate: string | null; transparent: boolean }[];
  rateLimit: { requests: number; period: string; table: string } | null;
  routes: { acl: string; pathPrefix: string; backend: string }[];
  defaultBackend: string;
}

export interface HaproxyBackend {
  name: string;
  balance: 'roundrobin' | 'leastconn' | 'source';
  httpCheck: { path: string } | null;
  /** Milliseconds between health checks. */
  checkInterval: number;
  servers: { name: string; address: string; port: number }[];
}

// ---------------------------------------------------------------------------------------------
// OVS

export interface OvsModel {
  datapathType: 'system' | 'netdev';
  bridges: OvsBridge[];
  /** Local tunnel endpoint (the hypervisor's loopback). */
  vtep: string;
  /** One kernel VXLAN device per segment, attached to br-int as an access port of the segment. */
  vxlanPorts: VxlanPort[];
  /** VM NICs attached to br-int as access ports of their segment. */
  vmPorts: VmPort[];
}

export interface OvsBridge {
  name: string;
  failMode: 'standalone' | 'secure';
}

export interface VxlanPort {
  /** `vxlan<vni>`. */
  name: string;
  bridge: string;
  vni: number;
  /** Local VLAN tag of the segment on br-int. */
  tag: number;
  local: string;
  /** Every other VTEP, in the device's flood list (head-end replication), sorted by device id. */
  remotes: { address: string; device: string }[];
  segment: string;
  /** UDP port, IANA 4789. */
  dstPort: number;
  /** MTU of the tunnel device: the VM MTU. */
  mtu: number;
  /** The port's OVSDB `external_ids`, in the order ovs.sh sets them (see OvsExternalId). */
  externalIds: OvsExternalId[];
}

export interface VmPort {
  name: string;
  bridge: string;
  tag: number;
  vm: string;
  vmInterface: string;
  segment: string;
  /** The port's OVSDB `external_ids`, in the order ovs.sh sets them (see OvsExternalId). */
  externalIds: OvsExternalId[];
}

/**
 * One OVSDB `external_ids` entry of a port fabric manages: `fabric=managed` marks it as fabric's
 * (ovs.sh removes managed ports it no longer describes), the others say what it is for. Drift
 * compares them with what OVSDB holds.
 */
export interface OvsExternalId {
  key: string;
  value: string;
}

// ---------------------------------------------------------------------------------------------
// snmpd

/**
 * net-snmp's snmpd as the NOC polls it: SNMPv3 authPriv on the management address, a read-only
 * view of the MIBs drift reads, and the AgentX master socket that FRR and keepalived register with.
 */
export interface SnmpdModel {
  /** Where snmpd listens: the management address, UDP port 161. */
  agentAddress: { address: string; port: number };
  /** `sysLocation`: site and rack, as the NOC sees them. */
  sysLocation: string;
  /**
   * The AgentX master socket for the device's subagents. `group`: the socket's group, `frr` where
   * FRR runs (zebra and bgpd run as user frr and register BGP4-MIB), else null (root only: keepalived).
   */
  agentx: { socket: string; group: string | null };
  /** The read-only view `name`: the subtrees the NOC may read, sorted by OID. */
  view: { name: string; subtrees: { oid: string; mib: string }[] };
  /** The SNMPv3 user, authPriv only. */
  user: {
    name: string;
    authProtocol: 'SHA' | 'SHA-256' | 'SHA-512';
    auth: SecretRef;
    /** AES-128 (CFB). */
    privProtocol: 'AES';
    priv: SecretRef;
  };
  /** SNMPv2c read-only community answered only from `source` (the management subnet); null: v2c off. */
  community: { secret: SecretRef; source: string } | null;
}
