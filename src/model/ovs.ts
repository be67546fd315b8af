/** Open vSwitch: ovs.sh (templates/ovs/). */

export interface OvsModel {
  datapathType: 'system' | 'netdev';
  bridges: OvsBridge[];
  /** Local tunnel endpoint (the hypervisor's loopback). */
  vtep: string;
  /** One kernel VXLAN device per segment, attached to br-int as an access port of the segment. */
  vxlanPorts: VxlanPort[];
  /**
   * VM NICs: on br-int as access ports of their segment, and a vRouter's uplink alone on its own
   * uplink bridge (see OvsBridge.uplink).
   */
  vmPorts: VmPort[];
}

export interface OvsBridge {
  name: string;
  failMode: 'standalone' | 'secure';
  /**
   * Set on a vRouter uplink's bridge: the VM NIC it carries. The bridge's own internal port (same
   * name) is the hypervisor's routed interface to the vRouter, where its BGP session runs, so the
   * session shares the vswitch's fate with the VM's segment NICs: a dead ovs-vswitchd takes the
   * port's carrier and the session down at once (issue 10, hv1/crash). Null on br-int.
   */
  uplink: { vm: string; vmInterface: string; port: string; mtu: number } | null;
  /** The bridge's OVSDB `external_ids` (fabric's marker on the bridges it may remove); empty on br-int. */
  externalIds: OvsExternalId[];
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
  /** Local VLAN tag of the segment on br-int; null for a vRouter uplink (alone on its bridge). */
  tag: number | null;
  vm: string;
  vmInterface: string;
  /** `tenant/segment`, or null for a vRouter uplink. */
  segment: string | null;
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
