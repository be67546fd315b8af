/**
 * Writes a rendered site to `<out>/<site>/` atomically (src/util/replace-dir.ts): a failure
 * leaves the previous output untouched and no half-written folder behind.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceDirAtomically } from '../util/replace-dir.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import type { RenderedSite } from './render.js';

export function writeSite(outDir: string, rendered: RenderedSite, manifest: Manifest): string {
  return replaceDirAtomically(outDir, rendered.site, (tmp) => {
    const dirs = new Set<string>();
    for (const f of rendered.files) {
      const path = join(tmp, f.device, f.file);
      const dir = dirname(path);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      writeFileSync(path, f.content, { mode: f.secrets.length ? 0o600 : 0o644 });
      if (f.mode & 0o100) chmodSync(path, f.secrets.length ? 0o700 : 0o755);
    }
    for (const f of rendered.siteFiles) {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content, { mode: 0o644 });
    }
    writeFileSync(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  });
}
