/** In-process pipeline + render for tests that look at the output rather than at the CLI. */
import { join } from 'node:path';
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
