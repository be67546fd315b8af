/**
 * OVS and its tunnels in sections: `bridge NAME` (datapath and fail mode), `port NAME` (bridge,
 * VLAN tag, fabric's external_ids) and, for each segment, `vxlan NAME`: the kernel VXLAN device
 * the port is (VNI, local VTEP, UDP port, MTU, up) and its flood list (`flood <remote VTEP>`).
 * The intended side comes from the model (ovs.sh is a script, the model is what it converges
 * to); the running side from OVSDB's JSON (`ovs-vsctl --format=json list …`) and iproute2's.
 * Ignored because OVS adds them by itself: the internal port a bridge has under its own name.
 */

import type { ConfigSection } from '../../drift/types.js';
import type { DeepReadonly } from '../../model/freeze.js';
import type { OvsExternalId, OvsModel } from '../../model/types.js';

/** The reads: OVSDB's Bridge and Port tables (one JSON line each), the kernel's VXLAN devices, their flood lists. */
export const OVS_READS = {
  tables:
    'ovs-vsctl --format=json -- --columns=name,datapath_type,fail_mode,ports list bridge -- --columns=_uuid,name,tag,external_ids list port',
  vxlan: 'ip -d -j link show type vxlan',
  /** One line per VXLAN device: `NAME<TAB>[fdb JSON]`. */
  flood:
    "for d in $(ip -o link show type vxlan | awk -F': ' '{print $2}' | cut -d@ -f1); do printf '%s\\t' \"$d\"; bridge -j fdb show dev \"$d\"; done",
} as const;

export interface OvsReads {
  /** `ovs-vsctl --format=json list bridge` */
  bridges: string;
  /** `ovs-vsctl --format=json list port` (with _uuid) */
  ports: string;
  /** `ip -d -j link show type vxlan` */
  vxlan: string;
  /** `NAME<TAB>[bridge -j fdb show dev NAME]` per VXLAN device */
  flood: string;
}

function portLines(bridge: string, tag: number | null, ids: readonly OvsExternalId[]): string[] {
  const lines = [`bridge ${bridge}`];
  if (tag !== null) lines.push(`tag ${tag}`);
  for (const { key, value } of [...ids].sort((a, b) => a.key.localeCompare(b.key)))
    lines.push(`external_ids:${key}=${value}`);
  return lines;
}

/** What the model says OVS and the kernel hold on a hypervisor. */
export function ovsIntended(ovs: DeepReadonly<OvsModel>): ConfigSection[] {
  const out: ConfigSection[] = [];
  for (const b of ovs.bridges)
    out.push({
      name: `bridge ${b.name}`,
      lines: [`datapath_type ${ovs.datapathType}`, `fail_mode ${b.failMode}`],
    });
  for (const p of ovs.vxlanPorts) {
    out.push({ name: `port ${p.name}`, lines: portLines(p.bridge, p.tag, p.externalIds) });
    out.push({
      name: `vxlan ${p.name}`,
      lines: [
        `id ${p.vni}`,
        `local ${p.local}`,
        `dstport ${p.dstPort}`,
        `mtu ${p.mtu}`,
        'up',
        ...p.remotes.map((r) => `flood ${r.address}`),
      ],
    });
  }
  for (const p of ovs.vmPorts)
    out.push({ name: `port ${p.name}`, lines: portLines(p.bridge, p.tag, p.externalIds) });
  return out;
}

type Atom = unknown;
interface Table {
  headings: string[];
  data: Atom[][];
}

function table(json: string, what: string): Table {
  const t = JSON.parse(json) as Partial<Table>;
  if (!Array.isArray(t.headings) || !Array.isArray(t.data)) throw new Error(`${what}: not an OVSDB table`);
  return t as Table;
}

/** OVSDB atoms: `["uuid", x]`, `["set", [...]]`, `["map", [[k, v], ...]]`, or a plain value. */
function setOf(v: Atom): Atom[] {
  if (Array.isArray(v) && v[0] === 'set') return v[1] as Atom[];
  return [v];
}

function uuidOf(v: Atom): string {
  return Array.isArray(v) && v[0] === 'uuid' ? String(v[1]) : String(v);
}

function externalIdsOf(v: Atom): OvsExternalId[] {
  return Array.isArray(v) && v[0] === 'map'
    ? (v[1] as [string, string][]).map(([key, value]) => ({ key, value }))
    : [];
}

function scalar(v: Atom): string | number | null {
  if (Array.isArray(v) && v[0] === 'set')
    return (v[1] as Atom[]).length ? (scalar((v[1] as Atom[])[0]) ?? null) : null;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/** What OVS and the kernel hold, from the reads of OVS_READS; throws when a read is not what it should be. */
export function ovsRunning(reads: OvsReads): ConfigSection[] {
  const out: ConfigSection[] = [];
  const bridges = table(reads.bridges, 'ovs-vsctl list bridge');
  const col = (t: Table, name: string) => t.headings.indexOf(name);
  const bridgeOfPort = new Map<string, string>();
  for (const row of bridges.data) {
    const name = String(row[col(bridges, 'name')]);
    const datapath = scalar(row[col(bridges, 'datapath_type')]) || 'system';
    const failMode = scalar(row[col(bridges, 'fail_mode')]) ?? 'standalone';
    out.push({ name: `bridge ${name}`, lines: [`datapath_type ${datapath}`, `fail_mode ${failMode}`] });
    for (const p of setOf(row[col(bridges, 'ports')])) bridgeOfPort.set(uuidOf(p), name);
  }
  const ports = table(reads.ports, 'ovs-vsctl list port');
  for (const row of ports.data) {
    const name = String(row[col(ports, 'name')]);
    const bridge = bridgeOfPort.get(uuidOf(row[col(ports, '_uuid')])) ?? '(none)';
    if (name === bridge) continue; // the bridge's own internal port
    const tag = scalar(row[col(ports, 'tag')]);
    out.push({
      name: `port ${name}`,
      lines: portLines(
        bridge,
        typeof tag === 'number' ? tag : null,
        externalIdsOf(row[col(ports, 'external_ids')]),
      ),
    });
  }
  const flood = new Map<string, string[]>();
  for (const line of reads.flood.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const entries = JSON.parse(line.slice(tab + 1) || '[]') as { mac: string; dst?: string }[];
    flood.set(
      line.slice(0, tab),
      entries.filter((e) => e.mac === '00:00:00:00:00:00' && e.dst).map((e) => e.dst!),
    );
  }
  const links = JSON.parse(reads.vxlan || '[]') as {
    ifname: string;
    mtu: number;
    flags: string[];
    linkinfo?: { info_data?: { id?: number; local?: string; port?: number } };
  }[];
  for (const l of links) {
    const d = l.linkinfo?.info_data ?? {};
    out.push({
      name: `vxlan ${l.ifname}`,
      lines: [
        `id ${d.id}`,
        `local ${d.local ?? '(none)'}`,
        `dstport ${d.port}`,
        `mtu ${l.mtu}`,
        ...(l.flags.includes('UP') ? ['up'] : []),
        ...(flood.get(l.ifname) ?? []).map((a) => `flood ${a}`),
      ],
    });
  }
  return out;
}

export function ovsLineKey(line: string): string | null {
  if (line.startsWith('flood ')) return null;
  if (line.startsWith('external_ids:')) return line.split('=')[0]!;
  if (line === 'up') return null;
  return line.split(' ')[0]!;
}

/** Every OVS difference changes what a segment reaches. */
export function ovsAffectsForwarding(_section: string, _line: string): boolean {
  return true;
}
