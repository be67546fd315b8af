/** Open vSwitch: ovs.sh (templates/ovs/). */

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
