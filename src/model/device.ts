/**
 * A compiled device: what every role shares (DeviceBase) and the union of the roles, each with
 * the models of the daemons its row of the role table lists.
 */

import type { Daemon } from '../daemons/index.js';
import type { Device1 as InventoryDevice } from '../inventory/types.gen.js';
import type { FamilyAddress, InterfaceAddress } from './address.js';
import type { FrrModel } from './frr.js';
import type { AnycastModel, GdnsdModel } from './gslb.js';
import type { HaproxyModel } from './haproxy.js';
import type { KeepalivedModel } from './keepalived.js';
import type { OvsModel } from './ovs.js';
import type { PostgresModel } from './postgres.js';
import type { AmqpWorkerModel, RabbitmqModel } from './rabbitmq.js';
import type { RedisModel } from './redis.js';
import type { CableKind } from './site.js';
import type { SnmpdModel } from './snmpd.js';

/**
 * A device's role: the inventory's device roles (generated from the schema, so a role added
 * there reaches every exhaustive switch and the role table) and the lab's simulated upstreams.
 */
export type Role = InventoryDevice['role'] | 'upstream';

/** A daemon whose configuration fabric renders and pushes: its driver's key (src/daemons/index.ts). */
export type { Daemon };

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
  /** Its IPv6 default gateway (RFC 5952), when its gateway segment carries IPv6; else absent. */
  defaultGateway6?: string;
  /** Services the device itself serves (application VMs), for the lab and verify. */
  services: HostService[];
  /**
   * Daemons fabric renders for this device, sorted: its role's (src/compile/roles.ts), plus snmpd
   * when the site has SNMP. The lab starts exactly these; push and drift handle exactly these.
   */
  daemons: Daemon[];
  /** The device's SNMP agent for the NOC, or null when the site configures no SNMP (and for VMs). */
  snmpd: SnmpdModel | null;
  /**
   * Kernel settings fabric renders to /etc/sysctl.d/90-fabric.conf (only `net.*`: per network
   * namespace), sorted by key; empty when the device needs none (it does not route).
   */
  sysctls: Sysctl[];
}

export interface Mgmt {
  address: string;
  prefixLength: number;
  /**
   * Its IPv6 management address (RFC 5952): pool `mgmt6` + id, on the pool's prefix; absent
   * when the site has no `mgmt6` (and on the simulated upstreams: the lab's management is IPv4).
   * snmpd listens on it too; push and drift connect to `address`.
   */
  ipv6?: InterfaceAddress;
  /** SSH login used by push and drift. */
  ssh: { user: string; port: number };
}

export interface HostInterface {
  name: string;
  /**
   * Its addresses, IPv4 first (10.20.2.21 on a /24), then IPv6 (RFC 5952, 2001:db8:20:2::21 on a
   * /64). Empty for unnumbered interfaces.
   */
  addresses: FamilyAddress[];
  /** MTU in bytes. */
  mtu: number;
  /** What the interface connects to. */
  peer: { device: string; interface: string };
  /**
   * The cable's kind, `loopback`, or `vm-router`: a hypervisor's routed side of a vRouter's
   * uplink, the internal port of the uplink's OVS bridge (its `vm-uplink` port is the VM's NIC).
   */
  kind: CableKind | 'loopback' | 'vm-router';
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
/**
 * A Kubernetes node: its cluster's speaker peers with its rack's leaves. fabric runs nothing on it
 * (no daemons, no files); its cluster's resources are the site's (`SiteModel.clusters`).
 */
export interface K8sNodeDevice extends DeviceBase {
  role: 'k8s-node';
  /** Its cluster (`clusters.<name>`). */
  cluster: string;
  /** Its cluster's AS, which its speaker speaks to both leaves. */
  asn: number;
}
export interface VrouterDevice extends DeviceBase, WithFrr {
  role: 'vrouter';
  tenant: string;
  keepalived: KeepalivedModel;
}
/** A member of a tenant's L4 pair: the plain one, or one that announces anycast VIPs. */
export type L4lbDevice = L4lbPlainDevice | L4lbAnycastDevice;
export interface L4lbPlainDevice extends DeviceBase {
  role: 'l4lb';
  tenant: string;
  keepalived: KeepalivedModel;
}
/**
 * A member of an L4 pair whose VIP a `gslb` service names: FRR announces the VIP to the tenant's
 * vRouters while keepalived holds it (src/compile/anycast.ts, docs/active-active.md).
 */
export interface L4lbAnycastDevice extends L4lbPlainDevice, WithFrr {
  /** What it announces and why, with the withdrawal times against the budget. */
  anycast: AnycastModel;
}
/** A member of a tenant's HAProxy pair: the plain one, or one that holds the tenant's data VIPs. */
export type L7lbDevice = L7lbPlainDevice | L7lbDataVipDevice;
export interface L7lbPlainDevice extends DeviceBase {
  role: 'l7lb';
  tenant: string;
  haproxy: HaproxyModel;
  /** The Sentinel watching the tenant's Redis services (absent without one). */
  redis?: RedisModel;
}
/**
 * A member of an HAProxy pair whose tenant has data VIPs: keepalived holds them with VRRP on
 * their segments, one instance per segment, tracking HAProxy (src/compile/keepalived.ts,
 * docs/data-tier.md).
 */
export interface L7lbDataVipDevice extends L7lbPlainDevice {
  keepalived: KeepalivedModel;
}
export interface VmDevice extends DeviceBase {
  role: 'vm';
  tenant: string;
  /** Its Redis and Sentinel when it is a member of a `redis` data service (absent otherwise). */
  redis?: RedisModel;
  /** Its etcd, Patroni (PostgreSQL) and PgBouncer when it is a member of a `postgres` data service (absent otherwise). */
  postgres?: PostgresModel;
  /** Its RabbitMQ node when it is a member of a `rabbitmq` data service (absent otherwise). */
  rabbitmq?: RabbitmqModel;
  /** Its consumer when it is a worker of a `rabbitmq` data service (absent otherwise). */
  amqpWorker?: AmqpWorkerModel;
  /** A GSLB DNS server (`gslb.zones.<z>.servers`): gdnsd (docs/active-active.md); else absent. */
  gdnsd?: GdnsdModel;
}
/** A simulated upstream ISP (lab only). */
export interface UpstreamDevice extends DeviceBase, WithFrr {
  role: 'upstream';
  /** Address the lab's test client uses as its source (first address of the first originated prefix). */
  clientAddress: string | null;
  /**
   * Its IPv6 counterpart (issue 14): the first address of the first `lab.originate6` prefix, in
   * RFC 5952 form; absent when the upstream originates no IPv6 prefix.
   */
  clientAddress6?: string;
}

export type Device =
  | SuperspineDevice
  | SpineDevice
  | LeafDevice
  | EdgeDevice
  | HypervisorDevice
  | StorageDevice
  | K8sNodeDevice
  | VrouterDevice
  | L4lbDevice
  | L7lbDevice
  | VmDevice
  | UpstreamDevice;

export type FrrDevice = Extract<Device, WithFrr>;

export function hasFrr(d: Device): d is FrrDevice {
  return 'frr' in d;
}

/** One kernel setting, e.g. `net.ipv4.conf.all.ignore_routes_with_linkdown = 1`. */
export interface Sysctl {
  key: string;
  value: string;
}
