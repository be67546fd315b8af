/**
 * OVS on a hypervisor: one integration bridge, every local VM NIC as an access port of its
 * segment's local VLAN, and one VXLAN tunnel per remote hypervisor and segment.
 *
 * Tunnels are kernel VXLAN devices attached to br-int rather than OVS-native `type=vxlan` ports:
 * the kernel encapsulates and routes them over FRR's ECMP routes on both uplinks, which OVS's
 * userspace datapath cannot do (its native tunnels need the underlay NIC inside an OVS bridge).
 * Tunnel ports are `protected`, so a frame from one tunnel is never flooded into another
 * (split horizon across the full mesh).
 */
import type { OvsModel, VmPort, VxlanPort } from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import { vmPortName, vxlanPortName } from './allocate.js';
import { type DeviceFacts, ifaceOrder, type SiteFacts, VM_MTU } from './facts.js';

export const INTEGRATION_BRIDGE = 'br-int';
export const VXLAN_PORT = 4789;

export function compileOvs(facts: SiteFacts, d: DeviceFacts): OvsModel {
  const remotes = (facts.byRole.get('hypervisor') ?? [])
    .map((n) => facts.devices.get(n)!)
    .filter((h) => h.name !== d.name && h.loopback !== null);
  const vxlanPorts: VxlanPort[] = [];
  for (const seg of facts.segments.values()) {
    for (const r of remotes) {
      vxlanPorts.push({
        name: vxlanPortName(seg.vlan, r.id),
        bridge: INTEGRATION_BRIDGE,
        vni: seg.vni,
        tag: seg.vlan,
        local: formatAddress(d.loopback!),
        remote: formatAddress(r.loopback!),
        remoteDevice: r.name,
        segment: seg.key,
        dstPort: VXLAN_PORT,
        mtu: VM_MTU,
      });
    }
  }
  const vmPorts: VmPort[] = [];
  for (const vm of facts.devices.values()) {
    if (vm.hostedOn !== d.name) continue;
    for (const nic of vm.nics) {
      if (nic.segment === null) continue;
      vmPorts.push({
        name: vmPortName(vm.id, nic.name),
        bridge: INTEGRATION_BRIDGE,
        tag: facts.segments.get(nic.segment)!.vlan,
        vm: vm.name,
        vmInterface: nic.name,
        segment: nic.segment,
      });
    }
  }
  return {
    datapathType: facts.defaults.datapath,
    bridges: [{ name: INTEGRATION_BRIDGE, failMode: 'standalone' }],
    vtep: formatAddress(d.loopback!),
    vxlanPorts: vxlanPorts.sort((a, b) => ifaceOrder(a.name, b.name)),
    vmPorts: vmPorts.sort((a, b) => ifaceOrder(a.name, b.name)),
  };
}
