/**
 * `--site A --site B` for `lab up` and `lab export`: the sites in one lab with their shared
 * internet and a client (src/topology/shared/, docs/active-active.md "Both sites in one lab").
 * Each site is rendered to out/<site> as for its own lab; the shared internet's upstreams to
 * out/<lab>/; the topology to lab/<lab>.clab.yml, the lab named `<site>_<site>` by default.
 *
 * Like `prepareSiteLab`, this renders in memory and writes nothing until `write()`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Locator } from '../../../inventory/locate.js';
import { LabError } from '../../../lab/index.js';
import { buildManifest } from '../../../render/manifest.js';
import { renderSite } from '../../../render/render.js';
import { TemplateSet } from '../../../render/templates.js';
import { writeSite } from '../../../render/write.js';
import { exportSharedTopology } from '../../../topology/clab.js';
import { internetSite, planSharedLab, sharedLabName } from '../../../topology/shared/index.js';
import { EXIT } from '../../exit.js';
import { checkOutputPaths } from '../../output-paths.js';
import { renderAll } from '../../render-all.js';
import { generator } from '../../version.js';
import { type PreparedSiteLab, type SiteLabOptions, topologyPathOf } from './site.js';

/** Several sites' lab, rendered but not yet written. */
export interface PreparedSharedLab extends Omit<PreparedSiteLab, 'site'> {
  /** The sites' compiled models, sorted by name (what `--wait` checks the lab against, one by one). */
  sites: PreparedSiteLab['site'][];
  /** The lab's name: `--name`, else the sites' names joined by `_`. */
  name: string;
}

export function prepareSharedLab(
  given: readonly string[],
  opts: SiteLabOptions & { name?: string },
): PreparedSharedLab {
  const name = opts.name ?? sharedLabName(given);
  checkOutputPaths('lab', [
    { option: '--out', path: opts.out, kind: 'folder' },
    { option: '--out', path: join(opts.out, name), kind: 'folder' },
    {
      option: '--output',
      path: opts.output ?? topologyPathOf(name),
      kind: 'file',
      example: topologyPathOf(name),
    },
  ]);
  const { rendered, model, store, sources } = renderAll(
    { inventory: opts.inventory, site: [...given], secrets: opts.secrets },
    { command: 'lab', consequence: 'nothing was written', findingsExit: EXIT.PROBLEMS },
  );
  const sites = [...model.sites].sort((a, b) => a.name.localeCompare(b.name));
  const planned = planSharedLab(sites);
  if (!planned.plan)
    throw new LabError(
      2,
      [`lab: sites ${given.join(', ')} cannot share one lab (above); nothing was written`],
      new Locator(sources).locate([...planned.problems]),
    );
  const { plan } = planned;
  const internet = internetSite(plan, sites);
  const printed = renderSite(internet, new TemplateSet(), store);
  if (!printed.rendered)
    throw new LabError(2, [
      `lab: the shared internet's upstreams cannot be rendered: ${printed.diagnostics.map((d) => d.message).join('; ')}`,
    ]);
  const internetFiles = { ...printed.rendered, site: name };
  const internetManifest = buildManifest(internet, printed.rendered, generator());
  const internetDir = join(opts.out, name);
  const topologyPath = opts.output ?? topologyPathOf(name);
  const bySite = new Map(rendered.map((r) => [r.site.site, r]));
  const topologyText = exportSharedTopology(plan, {
    topologyPath,
    name,
    sites: Object.fromEntries(
      sites.map((s) => [
        s.name,
        { model: s, renderedDir: join(opts.out, s.name), manifest: bySite.get(s.name)!.manifest },
      ]),
    ),
    internet: { model: internet, renderedDir: internetDir, manifest: internetManifest },
    empty: opts.empty ?? false,
  });
  const pendingFiles = new Set([
    ...rendered.flatMap((r) => [
      ...r.site.files.map((f) => resolve(opts.out, r.site.site, f.device, f.file)),
      ...r.site.siteFiles.map((f) => resolve(opts.out, r.site.site, f.path)),
    ]),
    ...internetFiles.files.map((f) => resolve(internetDir, f.device, f.file)),
  ]);
  return {
    sites,
    name,
    topologyPath,
    topologyText,
    pendingFiles,
    write: () => {
      for (const r of rendered) writeSite(opts.out, r.site, r.manifest);
      writeSite(opts.out, internetFiles, internetManifest);
      mkdirSync(dirname(topologyPath), { recursive: true });
      writeFileSync(topologyPath, topologyText);
    },
  };
}

/** Renders the sites and their shared internet into out/, writes the topology, returns its path. */
export function exportSharedLab(given: readonly string[], opts: SiteLabOptions & { name?: string }): string {
  const prepared = prepareSharedLab(given, opts);
  prepared.write();
  return prepared.topologyPath;
}
