/**
 * `--site S` for the lab commands: the site's configs are rendered, its containerlab topology is
 * exported to lab/<site>.clab.yml, and the lab is named after the site.
 *
 * `prepareSiteLab` renders in memory and writes nothing: `lab up` checks the lab first and
 * writes out/<site> and the topology only once the checks pass (a refused `lab up` leaves the
 * files of the running lab as they were).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FrozenSite } from '../../../pipeline.js';
import { writeSite } from '../../../render/write.js';
import { exportTopology } from '../../../topology/clab.js';
import { EXIT } from '../../exit.js';
import { checkOutputPaths } from '../../output-paths.js';
import { renderAll } from '../../render-all.js';

export interface SiteLabOptions {
  inventory: string;
  out: string;
  secrets?: string;
  empty?: boolean;
  output?: string;
}

/** A site's lab, rendered but not yet written. */
export interface PreparedSiteLab {
  /** The site's compiled model (what `--wait` checks the lab against). */
  site: FrozenSite;
  topologyPath: string;
  topologyText: string;
  /** Absolute paths of the files `write` creates (the topology binds them). */
  pendingFiles: ReadonlySet<string>;
  /** Writes out/<site> and the topology file. */
  write(): void;
}

export function topologyPathOf(site: string): string {
  return join('lab', `${site}.clab.yml`);
}

/**
 * Renders the site (the named one, or the only one of the inventory) in memory; checks the
 * output paths first, so that a path that cannot be written stops before any work.
 */
export function prepareSiteLab(given: string | undefined, opts: SiteLabOptions): PreparedSiteLab {
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
  const renderedDir = join(opts.out, site);
  const topologyPath = opts.output ?? topologyPathOf(site);
  const siteModel = model.sites.find((s) => s.name === site)!;
  const topologyText = exportTopology(siteModel, {
    topologyPath,
    renderedDir,
    manifest,
    empty: opts.empty ?? false,
  });
  const pendingFiles = new Set([
    ...files.files.map((f) => resolve(renderedDir, f.device, f.file)),
    // the Kubernetes nodes' speaker configs (the topology binds them as the nodes' frr.conf)
    ...files.siteFiles.map((f) => resolve(renderedDir, f.path)),
  ]);
  return {
    site: siteModel,
    topologyPath,
    topologyText,
    pendingFiles,
    write: () => {
      writeSite(opts.out, files, manifest);
      mkdirSync(dirname(topologyPath), { recursive: true });
      writeFileSync(topologyPath, topologyText);
    },
  };
}

/**
 * Renders the site (the named one, or the only one of the inventory) into out/, writes its
 * topology, and returns the topology's path.
 */
export function exportSiteLab(site: string | undefined, opts: SiteLabOptions): string {
  const prepared = prepareSiteLab(site, opts);
  prepared.write();
  return prepared.topologyPath;
}
