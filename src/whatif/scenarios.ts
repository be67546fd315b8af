/**
 * The failures `fabric whatif` tries, from the compiled model: every device (a hypervisor with
 * its VMs), every physical cable, every rack, every upstream; and the scenario a `--fail` list
 * names. A rack is the leaf pair and everything physical that shares its rack (hypervisors,
 * storage), with the VMs on those hypervisors: what a rack's power or its top-of-rack pair takes
 * down. The network racks of spines and edges are not racks in this sense (each of their devices
 * is tried on its own).
 */

import { rackSwitchRoles } from '../compile/roles.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Cable, SiteModel } from '../model/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Scenario } from './types.js';

type Site = DeepReadonly<SiteModel>;

/** Cables that can fail on their own; a VM's virtual NICs fail with the VM or its hypervisor. */
const PHYSICAL = new Set(['fabric', 'host', 'upstream']);

export function cableName(c: DeepReadonly<Cable>): string {
  return `${c.a.device}:${c.a.interface}~${c.b.device}:${c.b.interface}`;
}

/** Devices that host VMs. */
function hypervisors(site: Site): Set<string> {
  return new Set(site.devices.flatMap((d) => (d.hostedOn ? [d.hostedOn] : [])));
}

/** Racks that hold a leaf (by the role that hosts uplink to: the top of rack), sorted. */
function rackMembers(site: Site): Map<string, string[]> {
  const leafRacks = new Set(
    site.devices.filter((d) => rackSwitchRoles().includes(d.role)).map((d) => d.rack),
  );
  const racks = new Map<string, string[]>();
  for (const d of site.devices)
    if (!d.hostedOn && d.managed && leafRacks.has(d.rack))
      racks.set(d.rack, [...(racks.get(d.rack) ?? []), d.name]);
  return new Map([...racks].sort(([a], [b]) => a.localeCompare(b)));
}

/** Every single failure of the site, in a stable order: devices, hypervisors, racks, cables, upstreams. */
export function singleFailures(site: Site): Scenario[] {
  const hosts = hypervisors(site);
  const out: Scenario[] = [];
  for (const d of site.devices)
    if (d.managed)
      out.push({
        name: d.name,
        kind: hosts.has(d.name) ? 'host' : 'device',
        devices: [d.name],
        links: [],
      });
  for (const [rack, devices] of rackMembers(site))
    out.push({ name: `rack:${rack}`, kind: 'rack', devices, links: [] });
  for (const c of site.cables)
    if (PHYSICAL.has(c.kind))
      out.push({ name: cableName(c), kind: 'cable', devices: [], links: [`${c.a.device}:${c.a.interface}`] });
  for (const d of site.devices)
    if (!d.managed) out.push({ name: d.name, kind: 'transit', devices: [d.name], links: [] });
  const order = ['device', 'host', 'rack', 'cable', 'transit'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

export type ParsedFailures = { scenario: Scenario } | { error: string };

/**
 * The scenario a `--fail` list names: devices (`spine1`), cables by either end (`leaf1a:eth1`)
 * or by their full name, racks (`rack:r1`). An unknown name is an error with the closest known one.
 */
export function parseFailures(site: Site, names: readonly string[]): ParsedFailures {
  const known = new Map(singleFailures(site).map((s) => [s.name, s]));
  for (const c of site.cables)
    if (PHYSICAL.has(c.kind))
      for (const end of [c.a, c.b]) known.set(`${end.device}:${end.interface}`, known.get(cableName(c))!);
  const devices = new Set<string>();
  const links = new Set<string>();
  const picked: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name)
      return { error: 'an empty name in --fail; list names separated by commas: --fail spine1,leaf2a' };
    const s = known.get(name);
    if (!s) {
      const hint = didYouMean(name, [...known.keys()]);
      return {
        error: `--fail: no device, cable end (device:interface) or rack (rack:NAME) '${name}' in site ${site.name}${hint}`,
      };
    }
    // a failure named twice (`spine1, spine1`, or both ends of one cable) is one failure
    if (picked.includes(s.name)) continue;
    for (const d of s.devices) devices.add(d);
    for (const l of s.links) links.add(l);
    picked.push(s.name);
  }
  if (!picked.length)
    return { error: '--fail needs at least one name: --fail spine1 or --fail spine1,leaf2a' };
  const single = picked.length === 1 ? known.get(picked[0]!) : undefined;
  return {
    scenario: {
      name: picked.join('+'),
      kind: single?.kind ?? 'combined',
      devices: [...devices],
      links: [...links],
    },
  };
}
