/**
 * Merges the files of each site into one site inventory. Whole sections (`asns`, `pools`,
 * `prefixes`, `defaults`, `budgets`, `description`) belong to one file; named maps (`devices`, `upstreams`,
 * `tenants`, `clusters`) are merged by name, and a name defined twice is an error that names both files.
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import { closestNames } from '../util/did-you-mean.js';
import type { InventorySource } from './files.js';
import type {
  Asns,
  Budgets,
  Cluster,
  Defaults,
  Device,
  Gslb,
  InventoryFile,
  Pools,
  Prefixes,
  Tenant,
  Upstream,
} from './types.gen.js';

export interface SiteInventory {
  name: string;
  description: string;
  asns: Asns;
  pools: Pools;
  prefixes: Prefixes;
  defaults: Defaults;
  /** Failure budgets (absent: the data-centre defaults of src/compile/budgets.ts). */
  budgets?: Budgets;
  upstreams: Record<string, Upstream>;
  devices: Record<string, Device>;
  tenants: Record<string, Tenant>;
  /** Kubernetes clusters on the fabric, by name (docs/kubernetes.md). */
  clusters: Record<string, Cluster>;
  /** Files that make up the site, in load order. */
  files: string[];
}

const SECTIONS = ['description', 'asns', 'pools', 'prefixes', 'defaults', 'budgets'] as const;
const MAPS = ['upstreams', 'devices', 'tenants', 'clusters'] as const;
const REQUIRED = ['asns', 'pools', 'prefixes'] as const;

/** The fabric-wide `gslb` section and the file it comes from (docs/active-active.md). */
export interface GslbInventory {
  gslb: Gslb;
  file: string;
}

export function mergeSites(sources: readonly InventorySource[]): {
  sites: SiteInventory[];
  /** The services that span sites, when a file declares them. */
  gslb?: GslbInventory;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const bySite = new Map<string, { site: Partial<SiteInventory>; origin: Map<string, string> }>();
  let gslb: GslbInventory | undefined;
  for (const source of sources) {
    const data = source.data as InventoryFile;
    // gslb: fabric-wide, in one file of the whole inventory (the schema lets that file name no site)
    if (data.gslb !== undefined) {
      if (gslb)
        diagnostics.push(
          error(
            'duplicate-section',
            `'gslb' is already defined in ${gslb.file}; define it in one file only`,
            {
              file: source.file,
              path: ['gslb'],
              atKey: true,
            },
          ),
        );
      else gslb = { gslb: data.gslb, file: source.file };
    }
    const name = data.site;
    if (name === undefined) continue; // a file of `gslb` only
    let entry = bySite.get(name);
    if (!entry) {
      entry = {
        site: { name, upstreams: {}, devices: {}, tenants: {}, clusters: {}, files: [] },
        origin: new Map(),
      };
      bySite.set(name, entry);
    }
    const { site, origin } = entry;
    site.files!.push(source.file);
    for (const key of SECTIONS) {
      if (data[key] === undefined) continue;
      const first = origin.get(key);
      if (first) {
        diagnostics.push(
          error(
            'duplicate-section',
            `'${key}' of site ${name} is already defined in ${first}; define it in one file only`,
            {
              file: source.file,
              path: [key],
              atKey: true,
            },
          ),
        );
        continue;
      }
      origin.set(key, source.file);
      (site as Record<string, unknown>)[key] = data[key];
    }
    for (const key of MAPS) {
      const map = data[key] as Record<string, unknown> | undefined;
      if (!map) continue;
      for (const [item, value] of Object.entries(map)) {
        const id = `${key}.${item}`;
        const first = origin.get(id);
        if (first) {
          diagnostics.push(
            error(
              'duplicate-name',
              `${key.slice(0, -1)} '${item}' of site ${name} is already defined in ${first}`,
              {
                file: source.file,
                path: [key, item],
                atKey: true,
              },
            ),
          );
          continue;
        }
        origin.set(id, source.file);
        (site[key] as Record<string, unknown>)[item] = value;
      }
    }
  }
  const sites: SiteInventory[] = [];
  const completeSites = [...bySite]
    .filter(([, { site }]) => REQUIRED.every((key) => site[key] !== undefined))
    .map(([name]) => name)
    .sort();
  for (const [name, { site }] of [...bySite].sort(([a], [b]) => a.localeCompare(b))) {
    // files whose `site:` names no site that has any section: a typo of a site's name is one
    // error at each `site:`, not every section that site would then miss
    const guess = REQUIRED.some((key) => site[key] !== undefined)
      ? undefined
      : closestNames(name, completeSites, 1)[0];
    if (guess !== undefined) {
      for (const file of site.files!)
        diagnostics.push(
          error(
            'unknown-site',
            `site ${name} is not a site of the inventory: none of its files (${site.files!.join(', ')}) has asns, pools or prefixes; did you mean ${guess}? (sites: ${completeSites.join(', ')})`,
            { file, path: ['site'] },
          ),
        );
      continue;
    }
    let complete = true;
    for (const key of REQUIRED) {
      if (site[key] === undefined) {
        complete = false;
        diagnostics.push(
          error(
            'missing-section',
            `site ${name} has no '${key}'; add it to one of its files (${site.files!.join(', ')})`,
            {
              file: site.files![0],
              path: ['site'],
            },
          ),
        );
      }
    }
    if (!complete) continue;
    sites.push({ description: '', defaults: {}, ...site } as SiteInventory);
  }
  return { sites, ...(gslb ? { gslb } : {}), diagnostics };
}

export type { Cluster, Device, Gslb, Tenant, Upstream };
