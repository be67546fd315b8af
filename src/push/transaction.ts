/**
 * The on-device transaction of one device in one push: which staged file goes where, how each
 * daemon validates and reloads. Decided here as plain data; templates/push/transaction.sh.hbs
 * only prints it.
 */
import { HAPROXY_CERT_DIR } from '../compile/haproxy.js';
import type { Daemon } from '../model/types.js';
import { TARGETS } from '../render/files.js';
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
  daemon: Daemon;
  sha256: string;
}

export interface Transaction {
  pushId: string;
  device: string;
  dir: string;
  files: TransactionFile[];
  /** Where FRR's config and the OVS description live on the device (render/files.ts). */
  paths: { frrConf: string; ovs: string };
  validate: {
    frr: string | null;
    keepalived: string | null;
    haproxy: string | null;
    ovs: string | null;
    /** Staged TLS bundles and their file names in the certificate folder. */
    certificates: { n: string; name: string }[];
    /** HAProxy's certificate folder: validation checks a copy of haproxy.cfg pointing at a staging copy of it. */
    certDir: string;
  };
  reload: {
    frr: boolean;
    frrRestart: boolean;
    frrReload: boolean;
    keepalived: boolean;
    haproxy: boolean;
    ovs: boolean;
    /** Restarted, not reloaded: net-snmp creates its USM users (createUser) only when it starts. */
    snmpd: boolean;
  };
}

export function pushDir(pushId: string): string {
  return `${PUSH_ROOT}/${pushId}`;
}

/**
 * Builds the transaction for the files of a device that change. FRR restarts when its daemons
 * file changes what runs (`frrRestart`, decided by the caller from the device's current file:
 * frr-daemons.ts), and frr-reload.py applies a new frr.conf in place otherwise; keepalived and
 * HAProxy reload (keepalived keeps its VIPs, HAProxy hands over its sockets); OVS re-runs its
 * idempotent description; snmpd, which carries no traffic, restarts.
 */
export function buildTransaction(
  pushId: string,
  device: string,
  changed: readonly ManifestFile[],
  decided: { frrRestart: boolean },
): Transaction {
  const files: TransactionFile[] = changed.map((f, i) => {
    const [owner, group] = f.owner.split(':') as [string, string];
    return {
      n: String(i + 1),
      target: f.target,
      mode: f.mode,
      owner,
      group,
      daemon: f.daemon as Daemon,
      sha256: f.sha256,
    };
  });
  const staged = (pred: (f: TransactionFile) => boolean) => files.find(pred)?.n ?? null;
  const has = (d: Daemon) => files.some((f) => f.daemon === d);
  const frrRestart = decided.frrRestart;
  const frrConf = files.some((f) => f.target === TARGETS.frrConf);
  return {
    pushId,
    device,
    dir: pushDir(pushId),
    files,
    paths: { frrConf: TARGETS.frrConf, ovs: TARGETS.ovs },
    validate: {
      frr: staged((f) => f.target === TARGETS.frrConf),
      keepalived: staged((f) => f.daemon === 'keepalived'),
      haproxy: staged((f) => f.target === TARGETS.haproxy),
      ovs: staged((f) => f.daemon === 'ovs'),
      certificates: files
        .filter((f) => f.daemon === 'haproxy' && f.target.startsWith(`${HAPROXY_CERT_DIR}/`))
        .map((f) => ({ n: f.n, name: f.target.slice(HAPROXY_CERT_DIR.length + 1) })),
      certDir: HAPROXY_CERT_DIR,
    },
    reload: {
      frr: has('frr'),
      frrRestart,
      frrReload: frrConf && !frrRestart,
      keepalived: has('keepalived'),
      // a new certificate needs a reload too: HAProxy reads certificates when it (re)starts
      haproxy: has('haproxy'),
      ovs: has('ovs'),
      snmpd: has('snmpd'),
    },
  };
}

export function transactionScript(templates: TemplateSet, t: Transaction): string {
  return templates.get('push/transaction.sh')(t);
}
