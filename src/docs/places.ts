/**
 * Where each device sits in the drawings and tables: its place in the reference architecture is
 * the `place` column of its role's row (src/compile/roles.ts), so a new role lands in a zone by
 * what its row says, never by its name.
 */
import { type Place, roleSpec } from '../compile/roles.js';
import { speaksBgp, tenantOf } from '../model/runs.js';
import type { FrozenSite } from '../pipeline.js';

export type { Place };
export { tenantOf };
export type SiteDevice = FrozenSite['devices'][number];

export function placeOf(d: SiteDevice): Place {
  return roleSpec(d.role).place;
}

export function devicesAt(site: FrozenSite, ...places: Place[]): SiteDevice[] {
  return site.devices.filter((d) => places.includes(placeOf(d)));
}

/** Every tenant of the site (from its segments and devices), sorted. */
export function tenantsOf(site: FrozenSite): string[] {
  const all = new Set<string>(site.segments.map((s) => s.tenant));
  for (const d of site.devices) {
    const t = tenantOf(d);
    if (t) all.add(t);
  }
  return [...all].sort();
}

/** The loopback (router-id, VTEP) of a device, `10.1.0.11/32`, or null. */
export function loopbackOf(d: SiteDevice): string | null {
  const a = d.interfaces.find((i) => i.kind === 'loopback')?.addresses.find((x) => x.family === 'ipv4');
  return a ? `${a.address}/${a.prefixLength}` : null;
}

/** The BGP AS a device speaks (a Kubernetes node: its cluster's, which its speaker speaks), or null. */
export function asnOf(d: SiteDevice): number | null {
  if (speaksBgp(d)) return d.frr.routerBgp.asn;
  return 'asn' in d && typeof d.asn === 'number' ? d.asn : null;
}

/** The pod of a fabric switch, or null. */
export function podOf(d: SiteDevice): number | null {
  return 'pod' in d ? d.pod : null;
}

/** Racks in order of first appearance in the sorted device list, with their physical devices. */
export function racksOf(site: FrozenSite, places: readonly Place[]): Map<string, SiteDevice[]> {
  const racks = new Map<string, SiteDevice[]>();
  for (const d of site.devices) {
    if (!places.includes(placeOf(d))) continue;
    racks.set(d.rack, [...(racks.get(d.rack) ?? []), d]);
  }
  return new Map([...racks].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

/** The VMs each hypervisor runs, by hypervisor name. */
export function vmsByHost(site: FrozenSite): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (const d of site.devices)
    if (d.hostedOn) byHost.set(d.hostedOn, [...(byHost.get(d.hostedOn) ?? []), d.name]);
  return byHost;
}
