/**
 * The read phase of a push: every target device's current files (hashes) and FRR's running
 * config, before anything changes. A device that cannot be read is a value (its SSH error), so a
 * dry run can still diff the others.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import { sshTarget } from '../observe/ssh-runner.js';
import { TARGETS } from '../render/files.js';
import type { ManifestFile } from '../render/manifest.js';
import { isSshError, type SessionPool, type SshErrorKind, type SshTarget } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import { CREDENTIALS_STATE, hasCredentials } from './credentials.js';
import { frrRunningDiff, type Hashes, readHashes } from './device-state.js';
import { daemonsNeedRestart } from './frr-daemons.js';

export interface DeviceWork {
  device: DeepReadonly<Device>;
  target: SshTarget;
  files: ManifestFile[];
  previous: Hashes;
  changed: ManifestFile[];
  runningDrift: string[];
  /** FRR's daemons file changes what runs: restart rather than reload. */
  frrRestart: boolean;
  /** A client password change an earlier push left half done (credentials.ts): the next one finishes it. */
  pendingCredentials: boolean;
}

export interface Unreadable {
  device: DeepReadonly<Device>;
  files: ManifestFile[];
  kind: SshErrorKind;
  /** The SSH layer's message: device, address, what failed and what would fix it. */
  error: string;
}

export interface ReadInput {
  devices: readonly DeepReadonly<Device>[];
  filesOf: (device: string) => ManifestFile[];
  /** Rendered content by `device/path`. */
  contents: ReadonlyMap<string, string>;
  pool: SessionPool;
  concurrency: number;
  redact: (text: string) => string;
}

export async function readDevices(input: ReadInput): Promise<(DeviceWork | Unreadable)[]> {
  return mapLimit(input.devices, input.concurrency, async (d): Promise<DeviceWork | Unreadable> => {
    const files = input.filesOf(d.name);
    const target = sshTarget(d);
    try {
      return await input.pool.use(target, async (s) => {
        const previous = await readHashes(
          s,
          files.map((f) => f.target),
        );
        const changed = files.filter((f) => previous.get(f.target) !== f.sha256);
        const frrConf = files.find((f) => f.target === TARGETS.frrConf);
        let runningDrift: string[] = [];
        if (frrConf && !changed.includes(frrConf) && previous.get(frrConf.target) !== null)
          runningDrift = await frrRunningDiff(
            s,
            d.name,
            input.contents.get(`${d.name}/${frrConf.path}`)!,
            input.redact,
          );
        // a new daemons file restarts FRR only when it sets something else (frr-daemons.ts)
        const daemons = changed.find((f) => f.target === TARGETS.frrDaemons);
        const frrRestart =
          !!daemons &&
          daemonsNeedRestart(
            previous.get(TARGETS.frrDaemons) === null
              ? null
              : ((await s.readFile(TARGETS.frrDaemons))?.toString('utf8') ?? null),
            input.contents.get(`${d.name}/${daemons.path}`)!,
          );
        const pendingCredentials =
          hasCredentials(d) &&
          (await s.exec(`ls -A ${CREDENTIALS_STATE} 2>/dev/null`, { timeoutMs: 20_000 })).stdout.trim() !==
            '';
        return { device: d, target, files, previous, changed, runningDrift, frrRestart, pendingCredentials };
      });
    } catch (e) {
      if (isSshError(e)) return { device: d, files, kind: e.kind, error: e.message };
      throw e;
    }
  });
}

export function isUnreadable(w: DeviceWork | Unreadable): w is Unreadable {
  return 'error' in w;
}
