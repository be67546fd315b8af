/**
 * One drift pass over a site, and the state kept between passes (`--watch`):
 *
 *   collect (SSH, one command per device)  ─┬─ config drift: each daemon's file in use or running
 *                                           │  config, normalised, against the rendered intent
 *   SNMP (UDP, in parallel with SSH)        ├─ runtime drift: processes, the model's checks,
 *                                           │  IF-MIB / BGP4-MIB / KEEPALIVED-MIB
 *                                           └─ findings, merged, each with the time first seen
 *
 * Devices are read with bounded concurrency; the SSH sessions live in the caller's SessionPool,
 * so a watching NOC pays the handshakes once. A device that cannot be read over SSH is
 * `unreadable` (exit 2), never "clean".
 */
import { randomBytes } from 'node:crypto';
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry } from '../daemons/types.js';
import { hasIpv6Addresses } from '../model/address.js';
import { configuredDevices } from '../model/devices.js';
import type { DeepReadonly } from '../model/freeze.js';
import { runsVrrp, speaksBgp } from '../model/runs.js';
import type { Device, SiteModel } from '../model/types.js';
import { type CommandResult, type CommandRunner, ObservationRound } from '../observe/runner.js';
import { SshRunner } from '../observe/ssh-runner.js';
import type { RenderedFile } from '../render/render.js';
import { isSshError, type SessionPool } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import { FILED_UNDER } from '../verify/checks/model.js';
import type { CheckIndex, ExpectationBase } from '../verify/checks/spec.js';
import type { Down } from '../verify/down.js';
import { evaluate } from '../verify/evaluate.js';
import { collectPlan, collectScript, PrefetchRunner, parseCollected } from './collect.js';
import { type DeviceRead, deviceFindings } from './device-findings.js';
import {
  checkFinding,
  driftChecks,
  mergeFindings,
  prefetchCommands,
  snmpFindings,
  snmpUnansweredFinding,
} from './runtime.js';
import { pollSnmp, type SnmpCredentials, SnmpError, type SnmpObservation } from './snmp.js';
import { type DriftReport, type Finding, sortFindings, type Unreadable } from './types.js';

export { changesBetween, type DriftChanges, hasChanges, nextBaseline } from './changes.js';
export { type DeviceFindingsOptions, deviceFindings } from './device-findings.js';

type Dev = DeepReadonly<Device>;

export interface DriftOptions {
  site: DeepReadonly<SiteModel>;
  /** The rendered intent of the site (in memory, secrets resolved): what the devices must run. */
  files: readonly RenderedFile[];
  /** Masks secret values in everything reported. */
  redact: (text: string) => string;
  pool: SessionPool;
  /** Only these devices (all managed devices with daemons when empty). */
  only?: readonly string[];
  /** Devices read at once. @default 16 */
  concurrency?: number;
  /** null: no SNMP polling. */
  snmp: SnmpCredentials | null;
  /** Per SNMP request. @default 2000 */
  snmpTimeoutMs?: number;
  /** The SSH command that reads a device. @default 30000 */
  commandTimeoutMs?: number;
  /** `since` of findings seen before (from --state), by id. */
  since?: Record<string, string>;
  now?: () => Date;
  /** Seconds each phase of a pass took (bench, --verbose): `ssh`, `snmp` (in parallel), then `compare`, `checks`. */
  onPhase?: (phase: 'ssh' | 'snmp' | 'compare' | 'checks', seconds: number) => void;
  /** The index of check kinds; drift runs those marked for it. @default src/verify/checks/index.ts */
  checks?: CheckIndex;
  /** Devices and links known to be down (maintenance): checks answer for the fabric left. @default none */
  down?: Down;
  /**
   * The sites a lab being watched runs (its SSH config says, `labOfSshConfig`): checks of other
   * sites' parts (a DNS server's view of their VIPs) are not judged. @default every site
   */
  labSites?: readonly string[];
  /** The daemon drivers that say what to read and how to compare. @default DAEMONS */
  daemons?: DaemonRegistry;
  /**
   * Kubernetes clusters whose resources are compared too (`--cluster-resources`), each read once
   * per pass: its findings, or why it could not be read. @default none
   */
  clusters?: readonly ClusterSource[];
}

/** A cluster compared in a pass (cluster-resources.ts), in the report as device `k8s:<cluster>`. */
export interface ClusterSource {
  device: string;
  read(now: string): { findings: Finding[] } | { unreadable: Unreadable };
}

/** Managed devices with daemons fabric configures: the ones drift watches. */
export function watchedDevices(site: DeepReadonly<SiteModel>, only: readonly string[] = []): Dev[] {
  const all = configuredDevices(site);
  return only.length ? all.filter((d) => only.includes(d.name)) : all;
}

/** What the collect step of a pass gathered: every device's reads (SSH) and SNMP answers. */
interface Collected {
  reads: DeviceRead[];
  unreadable: Unreadable[];
  readable: Set<string>;
  snmpTargets: Dev[];
  snmp: (SnmpObservation | SnmpError)[];
}

type Phase = Parameters<NonNullable<DriftOptions['onPhase']>>[0];

export class DriftPoller {
  private readonly since: Map<string, string>;
  private readonly devices: Dev[];
  private readonly expectations: ExpectationBase[];
  private readonly now: () => Date;
  private readonly ssh: CommandRunner;

  constructor(private readonly o: DriftOptions) {
    this.since = new Map(Object.entries(o.since ?? {}));
    this.devices = watchedDevices(o.site, o.only);
    const watched = new Set(this.devices.map((d) => d.name));
    this.expectations = driftChecks(o.site, watched, {
      index: o.checks,
      down: o.down,
      ...(o.labSites ? { labSites: o.labSites } : {}),
    });
    this.now = o.now ?? (() => new Date());
    this.ssh = new SshRunner(o.pool, o.site.devices);
  }

  get watched(): readonly Dev[] {
    return this.devices;
  }

  /** First-seen times of the current findings, for --state. */
  sinceState(): Record<string, string> {
    return Object.fromEntries([...this.since].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** One pass: collect, compare, then the state carried between passes and the report. */
  async poll(): Promise<DriftReport> {
    const now = this.now().toISOString();
    const t0 = performance.now();
    const pass = await this.collectAll();
    const findings = await this.compareAll(pass, now);
    for (const c of this.o.clusters ?? []) {
      const r = c.read(now);
      if ('findings' in r) findings.push(...r.findings);
      else pass.unreadable.push(r.unreadable);
    }
    const merged = this.carrySince(findings, pass.unreadable);
    return this.report(pass, merged, now, (performance.now() - t0) / 1000);
  }

  private get concurrency(): number {
    return this.o.concurrency ?? 16;
  }

  /** Runs `work` and reports the seconds it took as `name` (bench, --verbose). */
  private async timed<T>(name: Phase, work: () => Promise<T>): Promise<T> {
    const t = performance.now();
    const r = await work();
    this.o.onPhase?.(name, (performance.now() - t) / 1000);
    return r;
  }

  /** Collect: read every device (SSH) and poll it (SNMP) at the same time. */
  private async collectAll(): Promise<Collected> {
    const nonce = `@@fabric-${randomBytes(6).toString('hex')}`;
    const commandsByDevice = prefetchCommands(this.expectations, this.o.checks);
    const snmpTargets = this.o.snmp ? this.devices.filter((d) => d.snmpd) : [];
    const [collected, snmp] = await Promise.all([
      this.timed('ssh', () =>
        mapLimit(this.devices, this.concurrency, (d) =>
          this.collect(d, commandsByDevice.get(d.name) ?? [], nonce),
        ),
      ),
      this.timed('snmp', () =>
        mapLimit(snmpTargets, Math.max(this.concurrency, 32), (d) => this.pollSnmp(d)),
      ),
    ]);
    const reads = collected.filter((c): c is DeviceRead => !('reason' in c));
    const unreadable = collected.filter((c): c is Unreadable => 'reason' in c);
    const readable = new Set(reads.map((r) => r.device.name));
    return { reads, unreadable, readable, snmpTargets, snmp };
  }

  /** Compare: config drift and processes, the model's checks, then SNMP; every finding of the pass. */
  private async compareAll(pass: Collected, now: string): Promise<Finding[]> {
    const findings = this.configFindings(pass.reads, now);
    findings.push(...(await this.checkFindings(pass, now)));
    this.addSnmpFindings(pass, findings, now);
    return findings;
  }

  /** Config drift and processes of every device read. */
  private configFindings(reads: readonly DeviceRead[], now: string): Finding[] {
    const t = performance.now();
    const findings: Finding[] = [];
    for (const r of reads)
      findings.push(
        ...deviceFindings(r, {
          intended: (file) => this.intendedFile(r.device.name, file),
          redact: this.o.redact,
          now,
          ...(this.o.daemons ? { daemons: this.o.daemons } : {}),
        }),
      );
    this.o.onPhase?.('compare', (performance.now() - t) / 1000);
    return findings;
  }

  /** The model's checks over SSH (answered from the collect where it can), on readable devices. */
  private async checkFindings(pass: Collected, now: string): Promise<Finding[]> {
    const prefetched = new Map(pass.reads.map((r) => [r.device.name, r.prefetched]));
    const round = new ObservationRound(new PrefetchRunner(this.ssh, prefetched));
    const due = this.expectations.filter((e) => pass.readable.has(e.device));
    const results = await this.timed('checks', () =>
      mapLimit(due, this.concurrency, async (e) => {
        try {
          return await evaluate(e, round, this.o.checks);
        } catch (err) {
          if (isSshError(err)) return null; // a device it reads became unreadable: not a finding of this one
          return { ok: false, detail: `could not check: ${(err as Error).message}` };
        }
      }),
    );
    const findings: Finding[] = [];
    due.forEach((e, i) => {
      const r = results[i];
      if (r && !r.ok) findings.push(checkFinding(e, r, now, this.o.checks));
    });
    return findings;
  }

  /** SNMP: unanswered polls, and what the answers say beyond the SSH findings already in `findings`. */
  private addSnmpFindings(pass: Collected, findings: Finding[], now: string): void {
    const { snmpTargets, snmp, readable } = pass;
    const byName = new Map(this.devices.map((d) => [d.name, d]));
    snmpTargets.forEach((d, i) => {
      const s = snmp[i]!;
      if (s instanceof SnmpError) {
        const snmpdDown = findings.some(
          (f) => f.device === d.name && f.kind === 'daemon' && f.section === 'snmpd',
        );
        if (!snmpdDown && readable.has(d.name))
          findings.push(snmpUnansweredFinding(d, this.o.snmp!.version, s.message, now));
      } else if (readable.has(d.name))
        findings.push(...this.snmpChecked(byName.get(d.name)!, s, findings, now));
    });
  }

  /**
   * The state between passes: findings merged and redacted, each keeping the time it was first
   * seen (across passes and --state).
   */
  private carrySince(findings: readonly Finding[], unreadable: readonly Unreadable[]): Finding[] {
    const merged = mergeFindings(findings).map((f) => ({
      ...f,
      message: this.o.redact(f.message),
      ...(f.running !== undefined ? { running: this.o.redact(f.running) } : {}),
      ...(f.intended !== undefined ? { intended: this.o.redact(f.intended) } : {}),
    }));
    const current = new Set(merged.map((f) => f.id));
    for (const f of merged) {
      const first = this.since.get(f.id);
      if (first) f.since = first;
      else this.since.set(f.id, f.since);
    }
    // a finding of an unreadable device is unknown, not resolved: keep its first-seen time
    const unreadableNames = new Set(unreadable.map((u) => u.device));
    for (const id of [...this.since.keys()])
      if (!current.has(id) && !unreadableNames.has(id.split('|')[1]!)) this.since.delete(id);
    return merged;
  }

  /** The report of a pass: devices with their SNMP status, findings and unreadable devices sorted. */
  private report(pass: Collected, merged: Finding[], now: string, seconds: number): DriftReport {
    const { snmpTargets, snmp, unreadable } = pass;
    return {
      site: this.o.site.name,
      time: now,
      seconds,
      devices: [
        ...this.devices.map((d): DriftReport['devices'][number] => {
          const i = snmpTargets.indexOf(d);
          const status = i < 0 ? 'off' : snmp[i] instanceof SnmpError ? 'failed' : 'answered';
          return { name: d.name, role: d.role, daemons: [...d.daemons], snmp: status };
        }),
        ...(this.o.clusters ?? []).map((c) => ({
          name: c.device,
          role: 'k8s-cluster',
          daemons: ['k8s'],
          snmp: 'off' as const,
        })),
      ],
      findings: sortFindings(merged),
      unreadable: unreadable.sort((a, b) => a.device.localeCompare(b.device)),
      snmp: {
        version: this.o.snmp ? this.o.snmp.version : 'off',
        polled: snmpTargets.length,
        answered: snmp.filter((s) => !(s instanceof SnmpError)).length,
      },
    };
  }

  /** SNMP findings that say more than SSH already did about a daemon that is down. */
  private snmpChecked(d: Dev, s: SnmpObservation, sshFindings: readonly Finding[], now: string): Finding[] {
    const down = new Set(
      sshFindings.filter((f) => f.device === d.name && f.kind === 'daemon').map((f) => f.section),
    );
    // keepalived's process is named as its daemon; FRR's BGP is bgpd
    const vrrpProcess = FILED_UNDER.vrrp;
    return snmpFindings(d, s, now).filter((f) => {
      if (f.section === 'BGP4-MIB') return !down.has('bgpd') && !down.has('snmpd');
      if (f.section === 'KEEPALIVED-MIB') return !down.has(vrrpProcess) && !down.has('snmpd');
      if (f.daemon === FILED_UNDER.routing) return !down.has('bgpd');
      if (f.daemon === FILED_UNDER.vrrp) return !down.has(vrrpProcess);
      return true;
    });
  }

  private async collect(d: Dev, runtimeCommands: string[], nonce: string): Promise<DeviceRead | Unreadable> {
    const registry = this.o.daemons ?? DAEMONS;
    const plan = collectPlan(d, runtimeCommands, registry);
    const script = collectScript(plan, nonce);
    try {
      const r = await this.ssh.run(d.name, script, { timeoutMs: this.o.commandTimeoutMs ?? 30_000 });
      const reads = parseCollected(r.stdout, nonce);
      if (reads.size === 0)
        return {
          device: d.name,
          reason: 'command',
          message: this.o.redact(
            `${d.name}: the read command failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`,
          ),
        };
      const prefetched = new Map<string, CommandResult>();
      for (const c of plan.prefetch) {
        const v = reads.get(c);
        if (v) prefetched.set(c, v);
      }
      // what the daemons' own reads answer (FRR's JSON, OVSDB's ports)
      for (const driver of driversOf(d, registry))
        for (const [c, v] of driver.drift.prefetched?.(reads, plan.prefetch) ?? [])
          if (!prefetched.has(c)) prefetched.set(c, v);
      return { device: d, reads, prefetched };
    } catch (e) {
      if (isSshError(e)) return { device: d.name, reason: e.kind, message: this.o.redact(e.message) };
      throw e;
    }
  }

  private async pollSnmp(d: Dev): Promise<SnmpObservation | SnmpError> {
    try {
      return await pollSnmp(d.mgmt.address, this.o.snmp!, {
        timeoutMs: this.o.snmpTimeoutMs ?? 2000,
        retries: 1,
        bgp: speaksBgp(d),
        vrrp: runsVrrp(d),
        ipv6: hasIpv6Addresses(d.interfaces),
      });
    } catch (e) {
      if (e instanceof SnmpError) return e;
      return new SnmpError('error', `SNMP ${d.mgmt.address}: ${(e as Error).message}`);
    }
  }

  private intendedFile(device: string, file: string): string | undefined {
    return this.o.files.find((f) => f.device === device && f.file === file)?.content;
  }
}
