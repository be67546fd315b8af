/** In-process pipeline + render for tests that look at the output rather than at the CLI. */
import { join } from 'node:path';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { ClusterModel, SiteModel } from '../../src/model/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildManifest } from '../../src/render/manifest.js';
import { renderSite } from '../../src/render/render.js';
import { loadSecrets } from '../../src/render/secrets.js';
import { TemplateSet } from '../../src/render/templates.js';
import { REPO } from './cli.js';

export function compileExample(inventory = join(REPO, 'inventory')) {
  const r = runPipeline(inventory);
  if (!r.model)
    throw new Error(`example does not compile: ${r.inputErrors.map((d) => d.message).join('; ')}`);
  return r;
}

export function renderExample(inventory = join(REPO, 'inventory'), secretsFile = join(REPO, 'secrets.yaml')) {
  const { model, findings } = compileExample(inventory);
  const store = loadSecrets(secretsFile, {}).store!;
  const templates = new TemplateSet();
  return model!.sites.map((site) => {
    const r = renderSite(site, templates, store);
    if (!r.rendered) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return { site, rendered: r.rendered, manifest: buildManifest(site, r.rendered, 'fabric test'), findings };
  });
}

/** A site's cluster of the given speaker, narrowed to its model (fails the test when it is another). */
export function clusterOf<S extends ClusterModel['speaker']>(
  site: DeepReadonly<SiteModel>,
  speaker: S,
  index = 0,
): DeepReadonly<Extract<ClusterModel, { speaker: S }>> {
  const c = site.clusters?.[index];
  if (c?.speaker !== speaker) throw new Error(`cluster ${index} of ${site.name} is not a ${speaker} cluster`);
  return c as DeepReadonly<Extract<ClusterModel, { speaker: S }>>;
}
