/**
 * `--site S` for the lab commands: the site's configs are rendered, its containerlab topology is
 * exported to lab/<site>.clab.yml, and the lab is named after the site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSite } from '../render/write.js';
import { exportTopology } from '../topology/clab.js';
import { renderAll } from './commands/render.js';

export interface SiteLabOptions {
  inventory: string;
  out: string;
  secrets?: string;
  empty?: boolean;
  output?: string;
}

export function topologyPathOf(site: string): string {
  return join('lab', `${site}.clab.yml`);
}

/** Renders the site into out/, writes its topology, and returns the topology's path. */
export function exportSiteLab(site: string, opts: SiteLabOptions): string {
  const { rendered, model } = renderAll({ inventory: opts.inventory, site: [site], secrets: opts.secrets });
  const { site: files, manifest } = rendered[0]!;
  const renderedDir = writeSite(opts.out, files, manifest);
  const topologyPath = opts.output ?? topologyPathOf(site);
  mkdirSync(dirname(topologyPath), { recursive: true });
  writeFileSync(
    topologyPath,
    exportTopology(model.sites.find((s) => s.name === site)!, {
      topologyPath,
      renderedDir,
      manifest,
      empty: opts.empty ?? false,
    }),
  );
  return topologyPath;
}
