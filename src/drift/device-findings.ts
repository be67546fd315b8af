/**
 * The compare step of a drift pass for one device: the processes its drivers name, then each
 * driver's compare of its configuration (and state) against the rendered intent.
 */
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry } from '../daemons/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import type { CommandResult } from '../observe/runner.js';
import { processesOf } from './collect.js';
import { daemonFinding } from './runtime.js';
import type { Finding } from './types.js';

type Dev = DeepReadonly<Device>;

/** What the collect step read from one device over SSH. */
export interface DeviceRead {
  device: Dev;
  reads: Map<string, CommandResult>;
  prefetched: Map<string, CommandResult>;
}

export interface DeviceFindingsOptions {
  /** The rendered file of this device by name; undefined when fabric renders none. */
  intended: (file: string) => string | undefined;
  redact: (text: string) => string;
  now: string;
  /** @default DAEMONS */
  daemons?: DaemonRegistry;
}

/**
 * A device's collected reads against its rendered files: the processes its drivers name, then
 * each driver's compare of its configuration (and state).
 */
export function deviceFindings(
  r: { device: Dev; reads: ReadonlyMap<string, CommandResult> },
  o: DeviceFindingsOptions,
): Finding[] {
  const d = r.device;
  const registry = o.daemons ?? DAEMONS;
  const out: Finding[] = [];
  const procs = new Map<string, number>();
  for (const line of (r.reads.get('procs')?.stdout ?? '').split('\n')) {
    const p = line.trim().split(' ')[1];
    if (p) procs.set(p, (procs.get(p) ?? 0) + 1);
  }
  const down = new Set<string>();
  for (const { daemon, process } of processesOf(d, registry))
    if (r.reads.has('procs') && !(procs.get(process)! > 0)) {
      down.add(process);
      out.push(daemonFinding(d.name, daemon, process, o.now));
    }
  const ctx = { device: d, reads: r.reads, intended: o.intended, down, redact: o.redact, now: o.now };
  for (const driver of driversOf(d, registry)) out.push(...driver.drift.compare(ctx));
  return out;
}
