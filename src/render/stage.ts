/**
 * The render stage: every site of the frozen model printed into files in memory, each with its
 * manifest. Pure apart from reading templates; the CLI writes, pushes or compares the result.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { FabricModel } from '../model/types.js';
import { buildManifest, type Manifest } from './manifest.js';
import { type RenderedSite, renderSite } from './render.js';
import type { SecretStore } from './secrets.js';
import { TemplateSet } from './templates.js';

export interface RenderedWithManifest {
  site: RenderedSite;
  manifest: Manifest;
}

/** Renders every site; a site with problems (a secret a template cannot take) is left out. */
export function renderModel(
  model: DeepReadonly<FabricModel>,
  store: SecretStore,
  generator: string,
): { rendered: RenderedWithManifest[]; diagnostics: Diagnostic[] } {
  const templates = new TemplateSet();
  const diagnostics: Diagnostic[] = [];
  const rendered: RenderedWithManifest[] = [];
  for (const site of model.sites) {
    const r = renderSite(site, templates, store);
    diagnostics.push(...r.diagnostics);
    if (r.rendered) rendered.push({ site: r.rendered, manifest: buildManifest(site, r.rendered, generator) });
  }
  return { rendered, diagnostics };
}
