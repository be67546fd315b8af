/**
 * Writes a site's docs to `<out>/<site>/` atomically, as `fabric render` writes its configs
 * (src/render/write.ts): a fresh temporary folder beside it replaces the old one with a rename, so
 * a reader never sees half of it and a failure keeps the previous docs.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocFile } from './site-docs.js';

export function writeSiteDocs(outDir: string, site: string, files: readonly DocFile[]): string {
  const final = join(outDir, site);
  const tmp = join(outDir, `.${site}.docs-tmp-${process.pid}`);
  const old = join(outDir, `.${site}.docs-old-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
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
