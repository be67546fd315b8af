/**
 * The largest input fabric reads. Beyond these, an inventory is refused at once with a located
 * message instead of being worked on for minutes. The figures and the times they keep are in
 * docs/inventory-limits.md; bench/validate.ts measures them.
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { InventorySource } from './files.js';

/**
 * Bytes of YAML in the whole inventory, checked before anything is parsed: parsing holds about
 * 90 bytes of memory per byte of YAML, so this keeps a run under 2 GiB.
 */
export const MAX_INVENTORY_BYTES = 16 * 1024 * 1024;
/** Values one file may expand to through its aliases (its own values count too). */
export const MAX_EXPANDED_NODES = 5_000_000;
/** Nesting depth of mappings and lists; an inventory needs about 8. */
export const MAX_DEPTH = 64;
/** Devices of one site, over all its files: validated in under a minute on 2 vCPUs. */
export const MAX_DEVICES_PER_SITE = 50_000;

/**
 * Counts the devices of each site before anything else looks at them, and refuses a site beyond
 * MAX_DEVICES_PER_SITE at the `devices:` key of its largest file.
 */
export function checkSiteSizes(sources: readonly InventorySource[]): Diagnostic[] {
  const bySite = new Map<string, { count: number; largest: InventorySource; largestCount: number }>();
  for (const source of sources) {
    const data = source.data as { site?: unknown; devices?: unknown } | undefined;
    if (typeof data?.site !== 'string' || typeof data.devices !== 'object' || data.devices === null) continue;
    const count = Object.keys(data.devices).length;
    const entry = bySite.get(data.site);
    if (!entry) bySite.set(data.site, { count, largest: source, largestCount: count });
    else {
      entry.count += count;
      if (count > entry.largestCount) Object.assign(entry, { largest: source, largestCount: count });
    }
  }
  const out: Diagnostic[] = [];
  for (const [site, { count, largest }] of bySite)
    if (count > MAX_DEVICES_PER_SITE)
      out.push(
        error(
          'input-too-large',
          `site ${site} has ${count.toLocaleString('en')} devices; fabric handles at most ${MAX_DEVICES_PER_SITE.toLocaleString('en')} per site: split it into several sites (docs/inventory-limits.md)`,
          { file: largest.file, path: ['devices'], atKey: true },
        ),
      );
  return out;
}

/**
 * VXLAN flood-list entries of a site: every hypervisor lists every other one's VTEP for every
 * segment (head-end replication, src/compile/ovs.ts), so the model grows with
 * hypervisors² × segments. Beyond this the compile would run for minutes and take gigabytes.
 */
export const MAX_FLOOD_ENTRIES = 20_000_000;

/** Refuses a site whose flood lists would exceed MAX_FLOOD_ENTRIES, at its `tenants:` key. */
export function checkFloodListSize(
  site: string,
  hypervisors: number,
  segments: number,
): Diagnostic | undefined {
  const entries = hypervisors * Math.max(0, hypervisors - 1) * segments;
  if (entries <= MAX_FLOOD_ENTRIES) return undefined;
  const n = (x: number) => x.toLocaleString('en');
  return error(
    'input-too-large',
    `site ${site} has ${n(hypervisors)} hypervisors and ${n(segments)} tenant segments: every hypervisor would list every other one for every segment (${n(entries)} VXLAN flood-list entries, at most ${n(MAX_FLOOD_ENTRIES)}); split the site, or use fewer segments (docs/inventory-limits.md)`,
    { site, path: ['tenants'], atKey: true },
  );
}
