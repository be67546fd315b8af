/**
 * OVS on a hypervisor: one integration bridge; every local VM NIC as an access port of its
 * segment's local VLAN; and per segment one kernel VXLAN device, also an access port, whose
 * flood list holds every other hypervisor's VTEP (head-end replication; the kernel learns
 * remote MACs from received frames).
 *
 * VXLAN is done by the kernel rather than by OVS-native `type=vxlan` ports: the kernel routes
 * the encapsulated packets over FRR's ECMP routes on both uplinks, which OVS's userspace
 * datapath cannot do (its native tunnels need the underlay NIC inside an OVS bridge). One device
 * per VNI is also all the kernel allows on one UDP port. No loops are possible: OVS never sends
 * a frame back out of its ingress port, and a VXLAN device never forwards between remotes.
 *
 * A vRouter's uplink (its routed link to the hypervisor, where BGP runs) is an OVS port too, alone
 * on a bridge of its own whose internal port carries the hypervisor's side of the session. As on
 * a real hypervisor, where every vNIC is a vswitch port, the session then fails with the vswitch:
 * when ovs-vswitchd dies the internal port loses its carrier, FRR drops the session at once and
 * the fabric stops sending the tenant's traffic to a vRouter whose segments are dead. Routed by
 * the hypervisor's kernel beside OVS, the session stayed up and the fabric kept sending (issue 10:
 * 3–15 s lost in the lab's hv1/crash).
 */
import type { OvsBridge, OvsExternalId, OvsModel, VmPort, VxlanPort } from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import { vmPortName, vmUplinkBridgeName, vxlanPortName } from './allocate.js';
import { type DeviceFacts, ifaceOrder, type PortFacts, type SiteFacts, VM_MTU } from './facts.js';
import { vmHostRoles } from './roles.js';

export const INTEGRATION_BRIDGE = 'br-int';
export const VXLAN_PORT = 4789;

/** The marker of every port fabric manages, then what the port is for. */
function externalIds(kind: 'tunnel' | 'vm' | 'vm-uplink', about: Record<string, string>): OvsExternalId[] {
  return [
    { key: 'fabric', value: 'managed' },
    { key: 'fabric-kind', value: kind },
    ...Object.entries(about).map(([key, value]) => ({ key, value })),
  ];
}

/** What every hypervisor of a site reads, built once per site rather than once per hypervisor. */
interface SiteIndex {
  vteps: { address: string; device: string }[];
  vmsByHost: Map<string, DeviceFacts[]>;
}
const indexes = new WeakMap<SiteFacts, SiteIndex>();

function siteIndex(facts: SiteFacts): SiteIndex {
  let index = indexes.get(facts);
  if (index) return index;
  const vteps = vmHostRoles()
    .flatMap((r) => facts.byRole.get(r) ?? [])
    .map((n) => facts.devices.get(n)!)
    .filter((h) => h.loopback !== null)
    .map((h) => ({ address: formatAddress(h.loopback!), device: h.name }));
  const vmsByHost = new Map<string, DeviceFacts[]>();
  for (const vm of facts.devices.values()) {
    if (vm.hostedOn === null) continue;
    const list = vmsByHost.get(vm.hostedOn);
    if (list) list.push(vm);
    else vmsByHost.set(vm.hostedOn, [vm]);
  }
  index = { vteps, vmsByHost };
  indexes.set(facts, index);
  return index;
}

/**
 * The interface a device routes a cabled port on: for a hypervisor's end of a vRouter uplink, the
 * internal port of the uplink's OVS bridge (see the file's comment); else the port itself.
 */
export function routedInterface(facts: SiteFacts, d: DeviceFacts, port: PortFacts): string {
  if (port.kind !== 'vm-uplink') return port.interface;
  const vm = facts.devices.get(port.peer.device);
  return vm?.hostedOn === d.name ? vmUplinkBridgeName(vm.id, port.peer.interface) : port.interface;
}

export function compileOvs(facts: SiteFacts, d: DeviceFacts): OvsModel {
  const { vteps, vmsByHost } = siteIndex(facts);
  // the flood list is only needed when there are segments to flood
  const remotes = facts.segments.size ? vteps.filter((r) => r.device !== d.name) : [];
  const vxlanPorts: VxlanPort[] = [...facts.segments.values()].map((seg) => ({
    name: vxlanPortName(seg.vni),
    bridge: INTEGRATION_BRIDGE,
    vni: seg.vni,
    tag: seg.vlan,
    local: formatAddress(d.loopback!),
    remotes,
    segment: seg.key,
    dstPort: VXLAN_PORT,
    mtu: VM_MTU,
    externalIds: externalIds('tunnel', {
      'fabric-vni': String(seg.vni),
      'fabric-segment': seg.key,
      'fabric-remotes': remotes.map((r) => r.device).join(','),
    }),
  }));
  const vmPorts: VmPort[] = [];
  const uplinkBridges: OvsBridge[] = [];
  for (const vm of vmsByHost.get(d.name) ?? []) {
    for (const nic of vm.nics) {
      if (nic.segment === null) {
        const about = { 'fabric-vm': vm.name, 'fabric-vm-interface': nic.name };
        const port = vmPortName(vm.id, nic.name);
        const bridge = vmUplinkBridgeName(vm.id, nic.name);
        uplinkBridges.push({
          name: bridge,
          failMode: 'standalone',
          uplink: { vm: vm.name, vmInterface: nic.name, port, mtu: VM_MTU },
          externalIds: externalIds('vm-uplink', about),
        });
        vmPorts.push({
          name: port,
          bridge,
          tag: null,
          vm: vm.name,
          vmInterface: nic.name,
          segment: null,
          externalIds: externalIds('vm-uplink', about),
        });
        continue;
      }
      if (nic.on === null) continue;
      vmPorts.push({
        name: vmPortName(vm.id, nic.name),
        bridge: INTEGRATION_BRIDGE,
        tag: nic.on.vlan,
        vm: vm.name,
        vmInterface: nic.name,
        segment: nic.segment,
        externalIds: externalIds('vm', {
          'fabric-vm': vm.name,
          'fabric-vm-interface': nic.name,
          'fabric-segment': nic.segment,
        }),
      });
    }
  }
  return {
    datapathType: facts.defaults.datapath,
    bridges: [
      { name: INTEGRATION_BRIDGE, failMode: 'standalone', uplink: null, externalIds: [] },
      ...uplinkBridges.sort((a, b) => ifaceOrder(a.name, b.name)),
    ],
    vtep: formatAddress(d.loopback!),
    vxlanPorts: vxlanPorts.sort((a, b) => a.vni - b.vni),
    vmPorts: vmPorts.sort((a, b) => ifaceOrder(a.name, b.name)),
  };
}
