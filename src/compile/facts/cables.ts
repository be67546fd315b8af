/**
 * Cables and the ports they make: declared uplinks (checked against the role table), upstream
 * peering links, the simulated internet between upstreams, and each VM NIC as a port of its
 * hypervisor's OVS. Each device's ports are sorted by interface.
 */
import type { CableKind } from '../../model/types.js';
import { naturalOrder } from '../../util/natural-order.js';
import { own } from '../../util/own.js';
import { vmPortName } from '../allocate.js';
import { type CableFacts, type DeviceFacts, type UpstreamFacts, VM_MTU } from '../facts.js';
import { roleSpec, upstreamPeerRoles, vmHostRoles } from '../roles.js';
import { type FactsContext, listOf, suggest } from './context.js';
import { namesOf } from './devices.js';

interface InterfaceSettings {
  interfaces?: Record<string, { mtu?: number; description?: string }>;
}

export function cableFacts(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  upstreams: Map<string, UpstreamFacts>,
  defaultMtu: number,
): CableFacts[] {
  const settings = (device: string, iface: string) =>
    own((own(ctx.site.devices, device) as InterfaceSettings | undefined)?.interfaces, iface);
  const end = (device: string, iface: string, mtu = settings(device, iface)?.mtu ?? defaultMtu) => ({
    device,
    interface: iface,
    mtu,
  });
  const cables: CableFacts[] = [
    ...uplinks(ctx, devices, end),
    ...upstreamLinks(ctx, devices, upstreams, end),
    ...internet(devices, upstreams, defaultMtu),
    ...vmPorts(devices),
  ];
  const deviceOrder = rankBy(
    cables.map((c) => c.a.device),
    (x, y) => x.localeCompare(y),
  );
  cables.sort(
    (x, y) =>
      deviceOrder.get(x.a.device)! - deviceOrder.get(y.a.device)! || ifaceOrder(x.a.interface, y.a.interface),
  );
  // each cable is a port at both ends (no closure per cable: 60,000 cables in a 5,000-device site)
  for (const c of cables) {
    addPort(devices, c, c.a, c.b, settings(c.a.device, c.a.interface)?.description ?? null);
    addPort(devices, c, c.b, c.a, settings(c.b.device, c.b.interface)?.description ?? null);
  }
  for (const d of devices.values()) d.ports.sort((x, y) => ifaceOrder(x.interface, y.interface));
  return cables;
}

function addPort(
  devices: Map<string, DeviceFacts>,
  c: CableFacts,
  end: CableFacts['a'],
  other: CableFacts['a'],
  description: string | null,
): void {
  devices.get(end.device)?.ports.push({
    interface: end.interface,
    peer: { device: other.device, interface: other.interface },
    kind: c.kind,
    mtu: end.mtu,
    description,
    path: c.path,
  });
}

/**
 * Each distinct name's rank in `compare`'s order, names it finds equal ranked alike. Sorting by
 * rank is sorting by `compare` (a stable sort keeps the same order), but costs one ICU comparison
 * per name pair of the distinct names, not per pair of the 60,000 cables they are the ends of.
 */
function rankBy(names: readonly string[], compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(names)].sort(compare);
  const rank = new Map<string, number>();
  distinct.forEach((name, i) => {
    const previous = distinct[i - 1];
    rank.set(name, previous !== undefined && compare(previous, name) === 0 ? rank.get(previous)! : i);
  });
  return rank;
}

type End = (device: string, iface: string, mtu?: number) => CableFacts['a'];

function uplinks(ctx: FactsContext, devices: Map<string, DeviceFacts>, end: End): CableFacts[] {
  const cables: CableFacts[] = [];
  for (const [name, d] of Object.entries(ctx.site.devices)) {
    const me = devices.get(name);
    if (!('uplinks' in d) || !d.uplinks || !me) continue;
    const allowed = roleSpec(me.role).uplinksTo;
    for (const [iface, endpoint] of Object.entries(d.uplinks).sort(([a], [b]) => a.localeCompare(b))) {
      const path = ['devices', name, 'uplinks', iface];
      // indexed, not destructured: 60,000 uplinks, and destructuring walks an iterator
      const parts = endpoint.split(':');
      const peerName = parts[0] ?? '';
      const peerIface = parts[1] ?? '';
      const peer = devices.get(peerName);
      if (!peer?.managed) {
        const candidates = namesOf(devices, allowed);
        ctx.fail(
          'unknown-device',
          `uplink ${iface} of ${name} goes to unknown device '${peerName}'${suggest(peerName, candidates)} (${allowed.map((r) => (r.endsWith('f') ? `${r.slice(0, -1)}ves` : `${r}s`)).join('/')}: ${listOf(candidates)})`,
          path,
        );
        continue;
      }
      if (!allowed.includes(peer.role)) {
        ctx.fail(
          'wrong-role',
          `uplink ${iface} of ${name} (a ${me.role}) goes to ${peerName}, a ${peer.role}; a ${me.role} uplinks to a ${allowed.join(' or ')}`,
          path,
        );
        continue;
      }
      const kind: CableKind = roleSpec(me.role).uplinkCable;
      cables.push({ a: end(name, iface), b: end(peerName, peerIface), kind, path });
    }
  }
  return cables;
}

function upstreamLinks(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  upstreams: Map<string, UpstreamFacts>,
  end: End,
): CableFacts[] {
  const cables: CableFacts[] = [];
  const peerRoles = upstreamPeerRoles();
  for (const [name, u] of upstreams) {
    const edge = devices.get(u.edge);
    if (!edge || !peerRoles.includes(edge.role)) {
      const edges = namesOf(devices, peerRoles);
      ctx.fail(
        edge ? 'wrong-role' : 'unknown-device',
        edge
          ? `upstream ${name} peers with ${u.edge}, a ${edge.role}; upstreams peer with an edge router (${listOf(edges)})`
          : `upstream ${name} peers with unknown edge '${u.edge}'${suggest(u.edge, edges)} (edges: ${listOf(edges)})`,
        [...u.path, 'edge'],
      );
      continue;
    }
    const ours = end(u.edge, u.interface);
    cables.push({
      a: ours,
      b: { device: name, interface: u.peerInterface, mtu: ours.mtu },
      kind: 'upstream',
      path: [...u.path, 'interface'],
    });
  }
  return cables;
}

/** The simulated upstreams are on the same internet: a reply may leave through the other edge. */
function internet(
  devices: Map<string, DeviceFacts>,
  upstreams: Map<string, UpstreamFacts>,
  mtu: number,
): CableFacts[] {
  const cables: CableFacts[] = [];
  const simulated = [...upstreams.keys()]
    .map((n) => devices.get(n))
    .filter((d): d is DeviceFacts => d !== undefined)
    .sort((a, b) => a.id - b.id);
  simulated.forEach((a, i) => {
    for (const b of simulated.slice(i + 1))
      cables.push({
        a: { device: a.name, interface: `eth${b.id}`, mtu },
        b: { device: b.name, interface: `eth${a.id}`, mtu },
        kind: 'internet',
        path: [...a.path, 'id'],
      });
  });
  return cables;
}

/** Each NIC of a VM placed on a hypervisor is a port of the hypervisor's OVS. */
function vmPorts(devices: Map<string, DeviceFacts>): CableFacts[] {
  const cables: CableFacts[] = [];
  const vmHosts = vmHostRoles();
  for (const d of devices.values()) {
    const host = d.hostedOn ? devices.get(d.hostedOn) : undefined;
    if (!roleSpec(d.role).hosted || !host || !vmHosts.includes(host.role)) continue;
    for (const nic of d.nics)
      cables.push({
        a: { device: d.name, interface: nic.name, mtu: VM_MTU },
        b: { device: host.name, interface: vmPortName(d.id, nic.name), mtu: VM_MTU },
        kind: nic.segment === null ? 'vm-uplink' : 'vm-port',
        path: nic.path,
      });
  }
  return cables;
}

/** Orders interface names naturally: eth2 before eth10. */
export const ifaceOrder = naturalOrder;
