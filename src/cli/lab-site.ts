/**
 * `--site S` for the lab commands: the site's configs are rendered, its containerlab topology is
 * exported to lab/<site>.clab.yml, and the lab is named after the site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSite } from '../render/write.js';
import { exportTopology } from '../topology/clab.js';
import { renderAll } from './commands/render.js';
import { EXIT } from './exit.js';
import { checkOutputPaths } from './output-paths.js';

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

/**
 * Renders the site (the named one, or the only one of the inventory) into out/, writes its
 * topology, and returns the topology's path.
 */
export function exportSiteLab(given: string | undefined, opts: SiteLabOptions): string {
  checkOutputPaths('lab', [
    { option: '--out', path: opts.out, kind: 'folder' },
    { option: '--output', path: opts.output, kind: 'file', example: 'lab/site.clab.yml' },
  ]);
  const { rendered, model } = renderAll(
    { inventory: opts.inventory, site: given === undefined ? [] : [given], secrets: opts.secrets },
    { command: 'lab', consequence: 'nothing was written', findingsExit: EXIT.PROBLEMS, oneSite: true },
  );
  const { site: files, manifest } = rendered[0]!;
  const site = files.site;
  checkOutputPaths('lab', [
    { option: '--out', path: join(opts.out, site), kind: 'folder' },
    {
      option: '--output',
      path: opts.output ?? topologyPathOf(site),
      kind: 'file',
      example: topologyPathOf(site),
    },
  ]);
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
