/** Cables: one cable per port, the same MTU on both ends, every leaf and host cabled where redundancy needs it. */
import { MGMT_INTERFACE } from '../compile/allocate.js';
import { type CableFacts, VM_MTU } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { runsOverlay } from '../model/runs.js';
import { own } from '../util/own.js';
import { type CheckContext, finding, notice } from './context.js';

/** Where one end of a cable is written: an upstream's end of its peering is its peer_interface. */
function endPath(c: CableFacts, end: { device: string; interface: string }): InventoryPath {
  const upstreamEnd = c.kind === 'upstream' && c.b.device === end.device && c.b.interface === end.interface;
  return upstreamEnd ? [...c.path.slice(0, -1), 'peer_interface'] : c.path;
}

export function checkPorts(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // the first cable at each port, and its other end, by device and interface: no string made per
  // port (120,000 of them), one spelt out only for a finding
  const seen = new Map<string, Map<string, { other: CableFacts['a']; cable: CableFacts }>>();
  const visit = (c: CableFacts, end: CableFacts['a'], other: CableFacts['a']) => {
    let ports = seen.get(end.device);
    if (!ports) {
      ports = new Map();
      seen.set(end.device, ports);
    }
    const first = ports.get(end.interface);
    if (!first) {
      ports.set(end.interface, { other, cable: c });
      return;
    }
    const key = `${end.device}:${end.interface}`;
    // the simulated internet is implicit: point at the cable the user wrote
    const internet = c.kind === 'internet' || first.cable.kind === 'internet';
    out.push(
      finding(
        ctx,
        'port-in-use',
        `${key} is cabled twice: to ${other.device}:${other.interface} and to ${first.other.device}:${first.other.interface}${internet ? ` (simulated upstreams reach each other on eth<id of the other upstream>)` : ''}`,
        endPath(c.kind === 'internet' ? first.cable : c, end),
      ),
    );
  };
  for (const c of ctx.facts.cables) {
    visit(c, c.a, c.b);
    visit(c, c.b, c.a);
  }
  return out;
}

export function checkMtu(ctx: CheckContext): Diagnostic[] {
  return ctx.facts.cables
    .filter((c) => c.a.mtu !== c.b.mtu)
    .map((c) =>
      finding(
        ctx,
        'mtu-mismatch',
        `MTU differs across ${c.a.device}:${c.a.interface} (${c.a.mtu}) — ${c.b.device}:${c.b.interface} (${c.b.mtu}); set the same MTU on both ends`,
        c.path,
      ),
    );
}

/** The management interface carries the out-of-band network; the lab refuses a cable on it too. */
export function checkMgmtInterface(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of ctx.facts.cables)
    for (const [end, other] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const) {
      if (end.interface !== MGMT_INTERFACE) continue;
      const path = endPath(c, end);
      out.push(
        finding(
          ctx,
          'mgmt-interface-cabled',
          `${end.device}:${MGMT_INTERFACE} (cabled to ${other.device}:${other.interface}) is the management interface of ${end.device}, addressed from pools.mgmt; cable eth1 and up`,
          path,
        ),
      );
    }
  return out;
}

/**
 * Names fabric gives devices it creates on a hypervisor (the VXLAN device of each segment, the
 * integration bridge, a vRouter uplink's bridge): a cable on an interface of the same name would
 * make ovs.sh fail.
 */
export function checkGeneratedNames(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ctx.site.devices) {
    if (!runsOverlay(d)) continue;
    const generated = new Map<string, string>([
      ...d.ovs.bridges.map((b): [string, string] => [
        b.name,
        b.uplink
          ? `the OVS bridge of ${b.uplink.vm}:${b.uplink.vmInterface}'s uplink (the VM runs here)`
          : 'the OVS integration bridge on every hypervisor',
      ]),
      ...d.ovs.vxlanPorts.map((v): [string, string] => [
        v.name,
        `the VXLAN device of segment ${v.segment} on every hypervisor`,
      ]),
    ]);
    for (const p of ctx.facts.devices.get(d.name)?.ports ?? []) {
      const what = generated.get(p.interface);
      if (what)
        out.push(
          finding(
            ctx,
            'port-in-use',
            `${d.name}:${p.interface} (cabled to ${p.peer.device}:${p.peer.interface}) is the name fabric gives ${what}; cable another interface`,
            p.path,
          ),
        );
    }
  }
  return out;
}

/** Outer Ethernet, IPv4, UDP and VXLAN headers around a VM's frame (RFC 7348 section 5). */
const VXLAN_OVERHEAD = 50;

/**
 * Fabric and host links carry the VMs' 1500-byte frames inside VXLAN: below 1550 bytes the
 * kernel fragments every full-size packet (it works, slowly), so this is a warning.
 */
export function checkVxlanMtu(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  if (facts.segments.size === 0) return [];
  const need = VM_MTU + VXLAN_OVERHEAD;
  const why = `VXLAN adds ${VXLAN_OVERHEAD} bytes to the VMs' ${VM_MTU}-byte frames, so full-size packets would be fragmented; use at least ${need}`;
  const out: Diagnostic[] = [];
  if (facts.defaults.mtu < need)
    out.push(
      notice(
        ctx,
        'mtu-below-vxlan',
        `defaults.mtu ${facts.defaults.mtu} is too small for the overlay: ${why}`,
        ['defaults', 'mtu'],
      ),
    );
  for (const c of facts.cables) {
    if (c.kind !== 'fabric' && c.kind !== 'host') continue;
    const mtu = Math.min(c.a.mtu, c.b.mtu);
    if (mtu < need && mtu !== facts.defaults.mtu)
      out.push(
        notice(
          ctx,
          'mtu-below-vxlan',
          `${c.a.device}:${c.a.interface} — ${c.b.device}:${c.b.interface} has MTU ${mtu}: ${why}`,
          c.path,
        ),
      );
  }
  return out;
}

/** `interfaces:` settings for a port no cable uses apply to nothing: most likely a typo. */
export function checkInterfaceSettings(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ctx.facts.devices.values()) {
    const input = d.managed ? own(ctx.facts.inventory.devices, d.name) : undefined;
    const settings = input && 'interfaces' in input ? input.interfaces : undefined;
    const cabled = new Set(d.ports.map((p) => p.interface));
    for (const iface of Object.keys(settings ?? {}))
      if (!cabled.has(iface))
        out.push(
          notice(
            ctx,
            'interface-not-cabled',
            `${d.name} has settings for ${iface}, but no cable uses ${iface}, so they apply to nothing (cabled: ${[...cabled].join(', ') || 'none'})`,
            [...d.path, 'interfaces', iface],
          ),
        );
  }
  return out;
}
