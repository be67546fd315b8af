/**
 * Renders a compiled site into files, in memory: for every device and daemon, its root template
 * printed over the device model with secrets resolved. Pure apart from reading templates, so
 * rendering twice gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { driverOf } from '../daemons/index.js';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { DeepReadonly } from '../model/freeze.js';
import { replacedAt, secretRefsOf } from '../model/secret-refs.js';
import type { Device, SiteModel } from '../model/types.js';
import { renderClusterFiles, type SiteFile } from './clusters.js';
import { type FileSpec, fileSpecs } from './files.js';
import type { SecretStore } from './secrets.js';
import type { TemplateSet } from './templates.js';

export interface RenderedFile {
  device: string;
  daemon: string;
  /** Path inside the device's output folder. */
  file: string;
  target: string;
  mode: number;
  owner: string;
  content: string;
  sha256: string;
  /** Names of the secrets the file contains. */
  secrets: string[];
}

export interface RenderedSite {
  site: string;
  files: RenderedFile[];
  /** Files of the site that belong to no device: each Kubernetes cluster's resources. */
  siteFiles: SiteFile[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The view a template prints: the device with every secret reference replaced by its value, and
 * the site's name. What holds no reference is shared with the model, not copied. Problems (a
 * secret missing or unfit for its use) are added to `problems`, and the view is then not usable.
 */
function viewOf(
  device: DeepReadonly<Device>,
  site: string,
  store: SecretStore,
  found: Set<string>,
  problems: Diagnostic[],
): object {
  let resolved: unknown = device;
  for (const { path, ref } of secretRefsOf(device)) {
    const r = store.resolve(ref.secret, ref.use, device.name);
    if ('error' in r) {
      problems.push(r.error);
      continue;
    }
    found.add(ref.secret);
    resolved = replacedAt(resolved, path, r.value);
  }
  return { ...(resolved as object), site };
}

function renderFile(
  spec: FileSpec,
  device: DeepReadonly<Device>,
  view: unknown,
  templates: TemplateSet,
  store: SecretStore,
): { content: string; secrets: string[] } | { error: Diagnostic } {
  if (spec.secret) {
    const r = store.resolve(spec.secret.name, 'tls-bundle', device.name);
    return 'error' in r
      ? r
      : { content: r.value.endsWith('\n') ? r.value : `${r.value}\n`, secrets: [spec.secret.name] };
  }
  try {
    return {
      content: templates.get(spec.template!)(
        spec.part === undefined ? view : { ...(view as object), part: spec.part },
      ),
      secrets: [],
    };
  } catch (e) {
    // strict mode: the model lacks a value the template prints. A bug in compile, not in the inventory.
    return {
      error: error(
        'render',
        `${device.name} ${spec.file}: template ${spec.template}: ${(e as Error).message}`,
      ),
    };
  }
}

export function renderSite(
  site: DeepReadonly<SiteModel>,
  templates: TemplateSet,
  store: SecretStore,
): { rendered?: RenderedSite; diagnostics: Diagnostic[] } {
  const files: RenderedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const device of site.devices) {
    const specs = fileSpecs(device as Device);
    if (specs.length === 0) continue;
    const found = new Set<string>();
    const problems: Diagnostic[] = [];
    const view = viewOf(device, site.name, store, found, problems);
    for (const p of problems) {
      if (reported.has(p.message)) continue;
      reported.add(p.message);
      diagnostics.push({ ...p, site: site.name });
    }
    if (problems.length) continue;
    for (const spec of specs) {
      const r = renderFile(spec, device, view, templates, store);
      if ('error' in r) {
        diagnostics.push({ ...r.error, site: site.name });
        continue;
      }
      const secrets = spec.secret
        ? r.secrets
        : [...found].filter((s) => fileMentions(spec, device as Device, s)).sort();
      files.push({
        device: device.name,
        daemon: spec.daemon,
        file: spec.file,
        target: spec.target,
        mode: spec.mode,
        owner: spec.owner,
        content: r.content,
        sha256: sha256(r.content),
        secrets,
      });
    }
  }
  return diagnostics.length
    ? { diagnostics }
    : {
        rendered: { site: site.name, files, siteFiles: renderClusterFiles(site, sha256, templates) },
        diagnostics,
      };
}

/** Which secrets end up in which daemon's file: the part of the model its driver says its files print. */
function fileMentions(spec: FileSpec, device: Device, secret: string): boolean {
  const json = JSON.stringify(driverOf(spec.daemon)?.printed(device) ?? {});
  return json.includes(`"secret":${JSON.stringify(secret)}`);
}
