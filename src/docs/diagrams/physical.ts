/**
 * The physical topology: upstreams, edges, spines, then each rack with its leaves and hosts (the
 * VMs each hypervisor runs in its box), every cable labelled with its ports. A large site (more
 * than FULL_DETAIL_MAX devices) is drawn by group instead: a node per spine plane and per rack
 * (or per pod when a pod has many racks), and one line per pair of groups with its cable count.
 */

import { isPhysical } from '../../model/cables.js';
import type { FrozenSite } from '../../pipeline.js';
import { names, naturally, plural } from '../markdown.js';
import { asnOf, loopbackOf, type Place, placeOf, podOf, type SiteDevice, vmsByHost } from '../places.js';
import { edgeText, flowLabel, flowText, type Layer, layerClasses, nodeId } from './mermaid.js';

/** Devices drawn one by one up to this many; above it, by group. */
export const FULL_DETAIL_MAX = 80;
/** A pod with more racks than this is drawn as one node. */
const RACKS_PER_POD_DRAWN = 8;

/** Top to bottom: the order of the boxes and the direction of every line. */
const PHYSICAL: readonly Place[] = ['internet', 'border', 'core', 'rack', 'compute', 'data'];
const rank = (d: SiteDevice) => PHYSICAL.indexOf(placeOf(d));

const styleOf = (d: SiteDevice): Layer =>
  placeOf(d) === 'internet'
    ? 'internet'
    : SERVERS.includes(placeOf(d)) && placeOf(d) !== 'rack'
      ? 'server'
      : 'network';
const SERVERS: readonly Place[] = ['rack', 'compute', 'data'];

interface Node {
  id: string;
  /** The subgraph it is drawn in. */
  box: string;
  boxTitle: string;
  /** The redundancy group a group node stands for, if it is one. */
  groupName?: string;
  devices: SiteDevice[];
}

function podOfRack(devices: readonly SiteDevice[]): Map<string, number | null> {
  const pods = new Map<string, number | null>();
  for (const d of devices) {
    const pod = podOf(d);
    if (placeOf(d) === 'rack' && !pods.has(d.rack)) pods.set(d.rack, pod);
  }
  return pods;
}

/** Which node each physical device is drawn in: its own, or its group's on a large site. */
function nodesOf(site: FrozenSite, devices: readonly SiteDevice[]): Map<string, Node> {
  const full = devices.length <= FULL_DETAIL_MAX;
  const groupOf = new Map(site.redundancyGroups.flatMap((g) => g.members.map((m) => [m, g.name] as const)));
  const podOfR = podOfRack(devices);
  const racksInPod = new Map<string, Set<string>>();
  for (const [rack, pod] of podOfR)
    racksInPod.set(String(pod), (racksInPod.get(String(pod)) ?? new Set()).add(rack));
  const byDevice = new Map<string, Node>();
  const nodes = new Map<string, Node>();
  for (const d of devices) {
    const place = placeOf(d);
    let key: string;
    let box: string;
    let boxTitle: string;
    if (place === 'internet' || place === 'border' || place === 'core') {
      box = place;
      boxTitle = place === 'internet' ? 'Internet' : place === 'border' ? 'Edge' : 'Spines';
      key = full || place !== 'core' ? `d:${d.name}` : `g:${groupOf.get(d.name) ?? 'core'}`;
    } else {
      const pod = podOfR.get(d.rack) ?? null;
      const manyRacks = (racksInPod.get(String(pod))?.size ?? 0) > RACKS_PER_POD_DRAWN;
      box = full ? `rack ${d.rack}` : pod === null ? 'racks' : `pod ${pod}`;
      boxTitle = full ? `rack ${d.rack}` : pod === null ? 'racks' : `pod ${pod}`;
      key = full ? `d:${d.name}` : manyRacks ? `p:${pod}` : `r:${d.rack}`;
    }
    const group = key.startsWith('g:') ? key.slice(2) : undefined;
    const node = nodes.get(key) ?? {
      id: nodeId('n', key),
      box,
      boxTitle,
      devices: [],
      ...(group ? { groupName: group } : {}),
    };
    node.devices.push(d);
    nodes.set(key, node);
    byDevice.set(d.name, node);
  }
  return byDevice;
}

function deviceLabel(d: SiteDevice, vms: ReadonlyMap<string, string[]>): string {
  const asn = asnOf(d);
  const lo = loopbackOf(d);
  const hosted = vms.get(d.name);
  return flowLabel(
    d.name,
    [d.role, asn === null ? '' : `AS${asn}`].filter(Boolean).join(' · '),
    lo ? lo.replace(/\/32$/, '') : '',
    hosted ? `VMs: ${names(hosted, 6)}` : '',
  );
}

function groupLabel(n: Node): string {
  const byRole = new Map<string, string[]>();
  for (const d of n.devices) byRole.set(d.role, [...(byRole.get(d.role) ?? []), d.name]);
  for (const [role, members] of byRole) byRole.set(role, naturally(members));
  const racks = [...new Set(n.devices.filter((d) => SERVERS.includes(placeOf(d))).map((d) => d.rack))];
  const group = n.groupName ?? n.devices[0]!.role;
  const title = racks.length > 1 ? plural(racks.length, 'rack') : racks.length ? `rack ${racks[0]}` : group;
  return flowLabel(
    title,
    ...(racks.length > 1 ? [names(naturally(racks), 3)] : []),
    ...[...byRole].map(([role, members]) => `${members.length} × ${role}: ${names(members, 3)}`),
  );
}

export function physicalDiagram(site: FrozenSite): string {
  const devices = site.devices.filter((d) => PHYSICAL.includes(placeOf(d)));
  devices.sort((a, b) => rank(a) - rank(b) || a.rack.localeCompare(b.rack, 'en', { numeric: true }));
  const byDevice = nodesOf(site, devices);
  const vms = vmsByHost(site);
  const boxes = new Map<string, { title: string; nodes: Node[] }>();
  for (const n of new Set(byDevice.values())) {
    const box = boxes.get(n.box) ?? { title: n.boxTitle, nodes: [] };
    box.nodes.push(n);
    boxes.set(n.box, box);
  }
  const lines = ['flowchart TB'];
  for (const [key, box] of boxes) {
    lines.push(`  subgraph ${nodeId('z', key)}["${flowText(box.title)}"]`);
    for (const n of box.nodes)
      lines.push(`    ${n.id}[${n.devices.length === 1 ? deviceLabel(n.devices[0]!, vms) : groupLabel(n)}]`);
    lines.push('  end');
  }
  // one line per pair of nodes: a cable's ports, or how many cables join two groups
  const links = new Map<string, { from: Node; to: Node; ports: string[] }>();
  // the lab's cable between its simulated upstreams is in the cabling table, not in the drawing
  for (const c of site.cables.filter(isPhysical)) {
    const a = byDevice.get(c.a.device);
    const b = byDevice.get(c.b.device);
    if (!a || !b || a === b) continue;
    const aFirst = rank(a.devices[0]!) < rank(b.devices[0]!);
    const [upper, lower, ports] = aFirst
      ? [a, b, `${c.a.interface} – ${c.b.interface}`]
      : [b, a, `${c.b.interface} – ${c.a.interface}`];
    const key = `${upper.id} ${lower.id}`;
    const link = links.get(key) ?? { from: upper, to: lower, ports: [] };
    link.ports.push(ports);
    links.set(key, link);
  }
  for (const l of links.values()) {
    const label = l.ports.length === 1 ? l.ports[0]! : plural(l.ports.length, 'cable');
    lines.push(`  ${l.from.id} ---|${edgeText(label)}| ${l.to.id}`);
  }
  lines.push(
    ...layerClasses(new Map([...new Set(byDevice.values())].map((n) => [n.id, styleOf(n.devices[0]!)]))),
  );
  lines.push('  classDef box fill:#f4f6fa,stroke:#8a94a6,stroke-dasharray:4 3');
  lines.push(`  class ${[...boxes.keys()].map((k) => nodeId('z', k)).join(',')} box`);
  return `${lines.join('\n')}\n`;
}
