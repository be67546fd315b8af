/** The compiled fabric and its sites: devices, cables, segments, redundancy groups, IP plan. */

import type { FailureBudget, SiteTimers } from './budgets.js';
import type { Device } from './device.js';
import type { GslbModel } from './gslb.js';
import type { ClusterModel } from './k8s.js';

export interface FabricModel {
  /** Sites, sorted by name. */
  sites: SiteModel[];
  /** Services that span sites and their GSLB zones (docs/active-active.md); absent without `gslb`. */
  gslb?: GslbModel;
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
  mgmt: {
    subnet: string;
    gateway: string;
    prefixLength: number;
    /** The IPv6 management subnet (`pools.mgmt6`, RFC 5952); absent when the site has none. */
    ipv6?: { subnet: string; prefixLength: number };
  };
  /** Names of every secret the site's devices reference (model/secret-refs.ts `secretNamesOf`): what the secrets check checks and render puts in. */
  secrets: string[];
  /** The timers that decide every failover (src/compile/timers.ts). */
  timers: SiteTimers;
  /** Per redundancy group and service: worst-case outage from the timers, and the budget. */
  budgets: FailureBudget[];
  /** Kubernetes clusters on the fabric and their resources (docs/kubernetes.md); absent when none. */
  clusters?: ClusterModel[];
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
  /** The IPv4 subnet, or null on an IPv6-only segment. */
  subnet: string | null;
  prefixLength: number | null;
  /** The IPv6 subnet (RFC 5952) of a dual-stack or IPv6-only segment; absent on an IPv4-only one. */
  ipv6?: { subnet: string; prefixLength: number };
}

export type RedundancyKind =
  | 'superspine-plane'
  | 'spine-plane'
  | 'edge-pair'
  | 'leaf-pair'
  | 'storage-hosts'
  | 'k8s-cluster'
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
    | 'lab-originate'
    | 'lb-pool'
    | 'cluster-cidr'
    /** A pool of point-to-point /31s (a Cilium cluster's `node_links`): no address is lost to a subnet's ends. */
    | 'link-pool';
  device?: string;
  interface?: string;
  description: string;
}
