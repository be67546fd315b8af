/**
 * Replaces a folder atomically: `fill` writes the new content into a fresh temporary folder
 * beside it, which then takes the old one's place with a rename. A reader never sees half of it;
 * a failure (in `fill` or the renames) leaves the previous folder as it was and nothing behind.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `<parent>/<name>` replaced by what `fill(tmp)` wrote into `tmp`; returns the final path. */
export function replaceDirAtomically(parent: string, name: string, fill: (tmp: string) => void): string {
  const final = join(parent, name);
  const tmp = join(parent, `.${name}.tmp-${process.pid}`);
  const old = join(parent, `.${name}.old-${process.pid}`);
  mkdirSync(parent, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp, { recursive: true });
    fill(tmp);
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
