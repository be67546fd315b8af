/**
 * Writes a rendered site to `<out>/<site>/` atomically: everything goes into a fresh temporary
 * folder beside it, which then replaces the old folder with a rename. A failure leaves the
 * previous output untouched and no half-written folder behind.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import type { RenderedSite } from './render.js';

export function writeSite(outDir: string, rendered: RenderedSite, manifest: Manifest): string {
  const final = join(outDir, rendered.site);
  const tmp = join(outDir, `.${rendered.site}.tmp-${process.pid}`);
  const old = join(outDir, `.${rendered.site}.old-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  try {
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
    writeFileSync(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(final)) renameSync(final, old);
    renameSync(tmp, final);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(final) && existsSync(old)) renameSync(old, final);
    throw e;
  }
  return final;
}
