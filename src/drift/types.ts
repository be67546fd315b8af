/**
 * Drift: what the devices run, compared with what the inventory says. Every difference is a
 * `Finding` with the device, the daemon, the section it is in, what kind of difference it is,
 * how bad it is and since when it is seen. The shapes here are the JSON output's (docs/drift.md);
 * change them only together with that document.
 */
import type { Daemon } from '../model/types.js';
import { CHECKS, type Expectation } from '../verify/checks/index.js';
import { clusterOfDevice } from './cluster-resources.js';

/**
 * How bad a finding is (docs/drift.md, "Severities"):
 * - critical: traffic is (or is about to be) lost: a BGP session down, two or no VRRP masters, a
 *   daemon not running, every server of a backend down;
 * - major: the network runs, but not as intended: missing or changed configuration, ECMP paths
 *   or tunnels missing, BFD down, a backend server down, the VRRP master on the unintended node;
 * - minor: differences that change no forwarding: extra non-routing lines, descriptions.
 */
export type Severity = 'critical' | 'major' | 'minor';

export const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor'];

export function severityRank(s: Severity): number {
  return s === 'critical' ? 3 : s === 'major' ? 2 : 1;
}

/** A daemon's configuration, in sections of normalised lines, in the order the daemon uses. */
export interface ConfigSection {
  /** `router bgp 65100`, `router bgp 65100 / address-family ipv4 unicast`, `vrrp_instance shop_gw_public`, `backend web`, `port vxlan10010`. */
  name: string;
  lines: string[];
}

/** Config drift: a section, or a line of a section, that is missing, extra or changed on the device. */
export type ConfigDriftKind = 'missing' | 'extra' | 'changed';

/**
 * Runtime drift: a check derived from the model that fails (a kind of the check index that drift
 * runs: src/verify/checks/), or what the poller itself checks.
 */
export type RuntimeDriftKind =
  | Expectation['kind']
  /** A process of a daemon fabric configures is not running. */
  | 'daemon'
  /** An interface of the model is not up (IF-MIB), or lacks one of its IPv6 addresses (IP-MIB), over SNMP. */
  | 'interface'
  /** snmpd does not answer the NOC's SNMP requests. */
  | 'snmp';

/**
 * Daemons as drift reports them: the rendered ones, plus `system` for the device itself
 * (interfaces) and `k8s` for a Kubernetes cluster's resources (`--cluster-resources`).
 */
export type DriftDaemon = Daemon | 'system' | 'k8s';

export interface Finding {
  /** Stable across polls: the same problem keeps its id (watch and --state rely on it). */
  id: string;
  device: string;
  source: 'config' | 'runtime';
  daemon: DriftDaemon;
  section: string;
  kind: ConfigDriftKind | RuntimeDriftKind;
  severity: Severity;
  /** What the inventory says (config: the normalised line or section; secrets masked). */
  intended?: string;
  /** What the device runs or shows. */
  running?: string;
  /** One line for people. */
  message: string;
  /** How it was observed: over SSH (configs, FRR JSON, iproute2, OVSDB, HAProxy socket), over SNMP, or both. */
  via: ('ssh' | 'snmp')[];
  /** When this finding was first seen (ISO 8601): in this process, or from --state. */
  since: string;
}

/** A device that could not be read at all (SSH): its drift is unknown. */
export interface Unreadable {
  device: string;
  /** `unreachable`, `auth`, `host-key-unknown`, … (SshError kinds) */
  reason: string;
  message: string;
}

export interface DriftReport {
  site: string;
  /** ISO 8601 time the pass started. */
  time: string;
  /** Wall-clock seconds of the pass. */
  seconds: number;
  /** Devices checked (managed devices with daemons, after --only), sorted. */
  devices: {
    name: string;
    role: string;
    daemons: string[];
    /** `answered`, `failed` (no or a wrong answer), `off` (not polled: no SNMP on the site or --snmp-version off). */
    snmp: 'answered' | 'failed' | 'off';
  }[];
  findings: Finding[];
  unreadable: Unreadable[];
  /** SNMP polling: version used, devices polled and answered (0/0 when the site has no SNMP). */
  snmp: { version: '3' | '2c' | 'off'; polled: number; answered: number };
}

/** The exit code of a pass: 2 devices unreadable, 1 drift, 0 clean. */
export function exitCodeOf(r: Pick<DriftReport, 'findings' | 'unreadable'>): 0 | 1 | 2 {
  if (r.unreadable.length) return 2;
  return r.findings.length ? 1 : 0;
}

/** `config-missing`, `bgp-session`, …: the kind label of the Prometheus gauge. */
export function driftKindOf(f: Pick<Finding, 'source' | 'kind'>): string {
  return f.source === 'config' ? `config-${f.kind}` : f.kind;
}

/**
 * The verify checks drift runs (the index's `runs.drift`): state on managed devices; no active
 * probes (pings, HTTP).
 */
export const CHECK_KINDS: readonly RuntimeDriftKind[] = CHECKS.filter((c) => c.runs.drift).map((c) => c.kind);

/** The kinds of a file (or resource) compared with its rendered version. */
export const CONFIG_DRIFT_KINDS: readonly string[] = ['config-missing', 'config-extra', 'config-changed'];

/** Every kind label, so that a clean device reports 0 for each (alerts never see a missing series). */
export const DRIFT_KINDS: readonly string[] = [
  ...CONFIG_DRIFT_KINDS,
  'daemon',
  ...CHECK_KINDS,
  'interface',
  'snmp',
];

/**
 * The command that puts a drifted device back to the inventory; `args` are the global and SSH
 * arguments in effect (already shell-quoted), so that it works when pasted.
 */
export function remediation(site: string, device: string, args: readonly string[] = []): string {
  // a cluster's resources (`k8s:<cluster>`): fabric renders them, the platform team applies them
  const cluster = clusterOfDevice(device);
  if (cluster) return `kubectl apply -f out/${site}/_clusters/${cluster}/  (after fabric render)`;
  return ['fabric', 'push', '--site', site, '--only', device, ...args].join(' ');
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.device.localeCompare(b.device) ||
      a.source.localeCompare(b.source) ||
      a.daemon.localeCompare(b.daemon) ||
      a.section.localeCompare(b.section) ||
      a.id.localeCompare(b.id),
  );
}
