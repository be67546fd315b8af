/**
 * Replaces a folder atomically: `fill` writes the new content into a fresh temporary folder
 * beside it, which then takes the old one's place with a rename. A reader never sees half of it;
 * a failure (in `fill` or the renames) leaves the previous folder as it was and nothing behind.
 * A run killed outright (SIGKILL, a power cut) cannot clean up: what it left beside the folder is
 * removed by the next run, once the process that wrote it is gone.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning } from './pid.js';

/** `<parent>/<name>` replaced by what `fill(tmp)` wrote into `tmp`; returns the final path. */
export function replaceDirAtomically(parent: string, name: string, fill: (tmp: string) => void): string {
  const final = join(parent, name);
  const tmp = join(parent, `.${name}.tmp-${process.pid}`);
  const old = join(parent, `.${name}.old-${process.pid}`);
  mkdirSync(parent, { recursive: true });
  removeLeftovers(parent, name);
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

/** `.<name>.tmp-<pid>` and `.<name>.old-<pid>` of a process that no longer runs. */
function removeLeftovers(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(`.${name}.`)) continue;
    const pid = /^\.(?:tmp|old)-(\d+)$/.exec(entry.slice(name.length + 1))?.[1];
    if (pid !== undefined && !isRunning(Number(pid)))
      rmSync(join(parent, entry), { recursive: true, force: true });
  }
}
