/**
 * The push report: what happened to every device, every gate and the baseline, as data. The
 * summary sentences are derived from the same data as the per-device lines (`waveOutcome`), so
 * the two can never say different things.
 */
import type { ConfigState } from './apply.js';
import type { TrafficBudget, WaveTraffic } from './traffic.js';

export type DeviceStatus =
  | 'unchanged'
  | 'planned'
  | 'applied'
  | 'rolled-back'
  | 'reverted'
  | 'validation-failed'
  | 'unreachable'
  | 'unknown'
  | 'not-reached';

export interface DeviceReport {
  device: string;
  status: DeviceStatus;
  wave: number | null;
  /** Paths on the device that change. */
  changes: string[];
  /** The complete config the device ends on, judged by hashes. */
  config: ConfigState | 'untouched';
  detail: string;
}

export interface GateFailure {
  id: string;
  expected: string;
  seen: string;
  /** The check passed before the push started. */
  passedBefore: boolean;
  /** The wave's devices the failure is laid to (gates.ts `attributeFailures`); empty: none of them. */
  blamed: string[];
}

export interface GateReport {
  ok: boolean;
  checks: number;
  seconds: number;
  failures: GateFailure[];
  /** Rounds of reads the gate took (1: everything passed at the first look). */
  rounds?: number;
  /** The check that passed last when that took more than one round, and when (seconds into the gate): what the gate waited for. */
  slowest?: { id: string; seconds: number };
}

/** The health checks run before anything changed: the failing ones are named, not only counted. */
export interface BaselineReport {
  checks: number;
  passing: number;
  failing: { id: string; expected: string; seen: string }[];
}

export interface PushReport {
  site: string;
  pushId: string;
  dryRun: boolean;
  result: 'ok' | 'nothing-to-do' | 'planned' | 'failed' | 'aborted';
  message: string;
  waves: {
    index: number;
    devices: string[];
    gate: GateReport | null;
    traffic?: WaveTraffic;
    /** Where the wave's time went, seconds (absent for a wave that did not start). */
    timings?: { stage: number; validate: number; apply: number; gates: number };
  }[];
  constraints: string[];
  baseline: BaselineReport | null;
  devices: DeviceReport[];
  diffs: { device: string; target: string; diff: string }[];
  /**
   * Client passwords changed in two phases around the waves (src/push/credentials.ts): what each
   * device said before the first wave and after the last; absent when none changes.
   */
  credentials?: CredentialReport[];
  /** What the lab's failover probes saw during the push (`--probe-lab`); absent without. */
  probes?: ProbesReport;
  /** Where the time went, seconds. */
  timings: { total: number; read: number; stage: number; validate: number; apply: number; gates: number };
}

/** One daemon's client password on one device, around the waves. */
export interface CredentialReport {
  device: string;
  daemon: string;
  /** What the phase said (null: it did not run). */
  before: string | null;
  after: string | null;
  ok: boolean;
}

/** The probes that ran during a push (`--probe-lab`), and the verdict over every wave. */
export interface ProbesReport {
  lab: string;
  budget: TrafficBudget;
  /** Probes that ran and counted, by kind. */
  pings: number;
  requests: number;
  /** Probes that did not answer before the push started: not measured (named). */
  notAnswering: string[];
  /** Every wave that ran within the budget (and the probes ran). */
  ok: boolean;
  /** Why not, one clause per wave or problem. */
  reasons: string[];
}

export { plural } from '../util/plural.js';

/**
 * What became of a wave that was undone, in one clause, from the devices' own statuses: "the
 * wave was reverted" only when every device that had changed is back on its previous config.
 */
export function revertOutcome(devices: readonly DeviceReport[]): string {
  const undone = devices.filter((d) => d.status === 'reverted' || d.status === 'rolled-back');
  const stuck = devices.filter(
    (d) => d.status !== 'reverted' && d.status !== 'rolled-back' && d.status !== 'not-reached',
  );
  if (stuck.length === 0) return undone.length ? 'the wave was reverted' : 'nothing in the wave was changed';
  const names = stuck.map((d) => `${d.device} (${d.status}, on its ${d.config} config)`).join(', ');
  return `${undone.length ? `${undone.map((d) => d.device).join(', ')} reverted; ` : ''}NOT reverted: ${names}: see the device's detail`;
}

/** How a push ends: the report's result and its one-line message. */
export interface Verdict {
  result: PushReport['result'];
  message: string;
}

/** A failed gate check in one line, as progress and in the text report. */
export function gateFailureLine(f: GateFailure): string {
  return `FAIL ${f.expected}: ${f.seen} (${f.blamed.length ? `laid to ${f.blamed.join(', ')}` : "involves none of the wave's devices"})`;
}
