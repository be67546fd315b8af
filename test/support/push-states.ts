/** What push's read step finds on a device, built for the plan's unit tests (no SSH). */
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { Device } from '../../src/model/types.js';
import { sshTarget } from '../../src/observe/ssh-runner.js';
import type { DeviceWork } from '../../src/push/read.js';
import type { ManifestFile } from '../../src/render/manifest.js';

/**
 * A device that already runs its rendered `files` but the targets in `changed`; FRR's running
 * config differing by `runningDrift`; a password change an earlier push left half done.
 */
export function onDevice(
  d: DeepReadonly<Device>,
  files: ManifestFile[],
  {
    changed = [],
    runningDrift = [],
    pendingCredentials = false,
  }: {
    changed?: readonly string[];
    runningDrift?: string[];
    pendingCredentials?: boolean;
  } = {},
): DeviceWork {
  return {
    device: d,
    target: sshTarget(d),
    files,
    previous: new Map(files.map((f) => [f.target, changed.includes(f.target) ? 'old' : f.sha256])),
    changed: files.filter((f) => changed.includes(f.target)),
    runningDrift,
    frrRestart: false,
    pendingCredentials,
  };
}
