/**
 * The on-device transaction of one device in one push: which staged file goes where, and the
 * shell lines with which each daemon's driver (src/daemons/) validates, reloads and checks it
 * and brings its previous state back. Decided here as plain data; templates/push/transaction.sh.hbs
 * only prints it.
 */
import { DAEMONS } from '../daemons/index.js';
import type { DaemonRegistry, TransactionDecisions, TransactionSteps } from '../daemons/types.js';
import type { ManifestFile } from '../render/manifest.js';
import type { TemplateSet } from '../render/templates.js';

/** Where pushes stage their files on a device; one folder per push id. */
export const PUSH_ROOT = '/var/lib/fabric/push';

export interface TransactionFile {
  /** Staged file name under files/. */
  n: string;
  target: string;
  mode: string;
  owner: string;
  group: string;
  daemon: string;
  sha256: string;
}

export interface Transaction {
  pushId: string;
  device: string;
  dir: string;
  files: TransactionFile[];
  /** The systemd units whose activity before the push a restore brings back. */
  units: string[];
  /** The drivers' lines, per function of the script, in the order they run. */
  steps: TransactionSteps;
}

export function pushDir(pushId: string): string {
  return `${PUSH_ROOT}/${pushId}`;
}

/**
 * Builds the transaction for the files of a device that change: the lines of each daemon with a
 * changed file, in registry order, except that a driver's reload that others depend on (snmpd's
 * AgentX socket) comes first.
 */
export function buildTransaction(
  pushId: string,
  device: string,
  changed: readonly ManifestFile[],
  decided: TransactionDecisions,
  registry: DaemonRegistry = DAEMONS,
): Transaction {
  const files: TransactionFile[] = changed.map((f, i) => {
    const [owner, group] = f.owner.split(':') as [string, string];
    return {
      n: String(i + 1),
      target: f.target,
      mode: f.mode,
      owner,
      group,
      daemon: f.daemon,
      sha256: f.sha256,
    };
  });
  const drivers = Object.values(registry).filter((d) => files.some((f) => f.daemon === d.name));
  const parts = drivers.map((d) => ({
    driver: d,
    steps: d.push.steps(
      files.filter((f) => f.daemon === d.name),
      decided,
    ),
  }));
  const first = [...parts].sort(
    (a, b) => Number(!!b.driver.push.reloadFirst) - Number(!!a.driver.push.reloadFirst),
  );
  const lines = (key: keyof TransactionSteps, order = parts) => order.flatMap((p) => p.steps[key] ?? []);
  return {
    pushId,
    device,
    dir: pushDir(pushId),
    files,
    units: drivers.flatMap((d) => (d.push.unit ? [d.push.unit] : [])),
    steps: {
      validate: lines('validate'),
      reload: lines('reload', first),
      healthy: lines('healthy'),
      reloadPrevious: lines('reloadPrevious', first),
      healthyPrevious: lines('healthyPrevious'),
      backup: lines('backup'),
      adopt: lines('adopt'),
      functions: lines('functions'),
    },
  };
}

export function transactionScript(templates: TemplateSet, t: Transaction): string {
  return templates.get('push/transaction.sh')(t);
}
