/**
 * Writes a site's docs to `<out>/<site>/` atomically, as `fabric render` writes its configs: a
 * reader never sees half of it and a failure keeps the previous docs (src/util/replace-dir.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceDirAtomically } from '../util/replace-dir.js';
import type { DocFile } from './site-docs.js';

export function writeSiteDocs(outDir: string, site: string, files: readonly DocFile[]): string {
  return replaceDirAtomically(outDir, site, (tmp) => {
    for (const f of files) {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
  });
}
