/**
 * The systemd drop-in fabric renders for a daemon whose Debian unit does not restart it, or does
 * not clean up after it (`<daemon>/restart.conf` → `/etc/systemd/system/<unit>.service.d/fabric.conf`):
 * its file, its drift read and its drift comparison, one home for every driver that has one
 * (pgbouncer, gdnsd, keepalived, rabbitmq-server). Push reloads systemd when it changes (`withDropIns`, steps.ts).
 */
import { compareFileInUse, type DriftCompareContext } from '../drift/driver.js';
import type { DriftDaemon, Finding } from '../drift/types.js';
import { flatRules, normaliseLines } from './lines.js';
import type { FileSpec } from './types.js';

export interface RestartDropIn {
  /** Its path on the device. */
  target: string;
  /** Its file (`<folder>/restart.conf` in the device's output folder, from the template of that name). */
  file: FileSpec;
  /** Drift's read of the file in use: [read name, command]. */
  read: [string, string];
  /** Drift's comparison of that read with the rendered file. */
  compare(ctx: DriftCompareContext): Finding[];
}

/** `folder`: where the daemon's templates are, when not under its own name (rabbitmq-server's: `rabbitmq`). */
export function restartDropIn(daemon: DriftDaemon, unit: string, folder: string = daemon): RestartDropIn {
  const file = `${folder}/restart.conf`;
  const target = `/etc/systemd/system/${unit}.service.d/fabric.conf`;
  const normalise = normaliseLines('restart.conf', /^\s*#/);
  return {
    target,
    file: { daemon, file, template: file, target, mode: 0o644, owner: 'root:root' },
    read: [file, `echo ${target}; cat ${target}`],
    compare: (ctx) => compareFileInUse(ctx, file, file, flatRules(daemon), normalise),
  };
}
