/**
 * The drift report for people (grouped by severity, then device) and for machines (JSON, shape
 * documented in docs/drift.md). Watch mode prints only what changed after the first pass.
 */
import type { DriftChanges } from '../drift/poller.js';
import {
  type DriftReport,
  exitCodeOf,
  type Finding,
  remediation,
  SEVERITIES,
  type Severity,
  severityRank,
} from '../drift/types.js';
import { plural } from '../util/plural.js';
import { table } from './table.js';

/** Version of the JSON shape; bumped only with an incompatible change (docs/drift.md). */
export const DRIFT_JSON_FORMAT = 1;

function worst(findings: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of findings) if (!w || severityRank(f.severity) > severityRank(w)) w = f.severity;
  return w;
}

function count(findings: readonly Finding[], s: Severity): number {
  return findings.filter((f) => f.severity === s).length;
}

function clock(iso: string): string {
  return iso.slice(11, 19);
}

/** The change of one finding in diff style: `- intended` / `+ running`, or its message. */
function findingLines(f: Finding): string[] {
  const head = `${f.source.padEnd(7)} ${f.daemon.padEnd(10)} ${f.section}  [${f.kind}]${f.via.includes('snmp') ? ` (${f.via.join('+')})` : ''}  since ${clock(f.since)}`;
  const body: string[] = [];
  if (f.source === 'config') {
    const show = (sign: string, text: string | undefined) => {
      if (text === undefined) return;
      const lines = text.split('\n');
      for (const l of lines.slice(0, 4)) body.push(`${sign} ${l}`);
      if (lines.length > 4) body.push(`  … ${lines.length - 4} more lines`);
    };
    show('-', f.intended);
    show('+', f.running);
  } else body.push(`  ${f.running ?? f.message}   (expected: ${f.intended ?? '?'})`);
  return [head, ...body.map((b) => `    ${b}`)];
}

export interface TextOptions {
  /** Every finding, instead of the first few of each kind per device. */
  all?: boolean;
  /** Arguments the REMEDIATION commands carry so they work when pasted (the inventory, SSH flags in effect). */
  pushArgs?: readonly string[];
}

/** Findings of one device and severity, at most a few of each kind unless `all`. */
function deviceBlock(findings: readonly Finding[], all: boolean): string[] {
  const out: string[] = [];
  const byKind = new Map<string, Finding[]>();
  for (const f of findings)
    byKind.set(`${f.source}:${f.kind}`, [...(byKind.get(`${f.source}:${f.kind}`) ?? []), f]);
  for (const [, list] of byKind) {
    const shown = all || list.length <= 6 ? list : list.slice(0, 5);
    for (const f of shown) out.push(...findingLines(f).map((l) => `    ${l}`));
    if (shown.length < list.length)
      out.push(`    … and ${list.length - shown.length} more ${list[0]!.kind} findings (--all lists them)`);
  }
  return out;
}

export function driftText(r: DriftReport, site: string, o: TextOptions = {}): string {
  const lines: string[] = [];
  const byDevice = new Map<string, Finding[]>();
  for (const f of r.findings) byDevice.set(f.device, [...(byDevice.get(f.device) ?? []), f]);
  const drifted = [...byDevice.keys()];
  const snmp =
    r.snmp.version === 'off'
      ? 'SNMP off'
      : `SNMPv${r.snmp.version} ${r.snmp.answered}/${r.snmp.polled} answered`;
  lines.push(
    `drift ${site}: ${plural(r.devices.length, 'configured device')}, ${drifted.length} drifted, ${r.unreadable.length} unreadable; ` +
      `${count(r.findings, 'critical')} critical, ${count(r.findings, 'major')} major, ${count(r.findings, 'minor')} minor ` +
      `(${r.seconds.toFixed(1)} s, ${snmp})`,
  );
  if (drifted.length) {
    const roles = new Map(r.devices.map((d) => [d.name, d.role]));
    // likely causes first: devices whose own configuration or daemons drifted
    const own = (f: readonly Finding[]) =>
      f.filter((x) => x.source === 'config' || x.kind === 'daemon').length;
    const rows = drifted
      .map((d) => ({ d, f: byDevice.get(d)! }))
      .sort(
        (a, b) =>
          Number(own(b.f) > 0) - Number(own(a.f) > 0) ||
          severityRank(worst(b.f)!) - severityRank(worst(a.f)!) ||
          a.d.localeCompare(b.d),
      )
      .map(({ d, f }) => [
        d,
        roles.get(d) ?? '',
        worst(f)!,
        count(f, 'critical') || '-',
        count(f, 'major') || '-',
        count(f, 'minor') || '-',
        own(f) || '-',
        remediation(site, d, o.pushArgs),
      ]);
    lines.push(
      '',
      table(['DEVICE', 'ROLE', 'WORST', 'CRITICAL', 'MAJOR', 'MINOR', 'OWN', 'REMEDIATION'], rows),
      "(OWN: findings in the device's own configuration or daemons; a device without any most likely suffers from another one's drift)",
    );
  }
  for (const s of SEVERITIES) {
    const these = r.findings.filter((f) => f.severity === s);
    if (!these.length) continue;
    lines.push('', s.toUpperCase());
    const devices = [...new Set(these.map((f) => f.device))].sort();
    for (const d of devices) {
      lines.push(`  ${d}`);
      lines.push(
        ...deviceBlock(
          these.filter((f) => f.device === d),
          o.all ?? false,
        ),
      );
    }
  }
  if (r.unreadable.length) {
    lines.push('', 'UNREADABLE (drift unknown)');
    lines.push(...r.unreadable.map((u) => `  ${u.device}  ${u.reason}  ${u.message}`));
  }
  if (!r.findings.length && !r.unreadable.length)
    lines.push('no drift: every device runs what the inventory says');
  else if (drifted.length)
    lines.push(
      '',
      'The inventory is the truth: put a device back with its REMEDIATION command (drift never accepts).',
    );
  return lines.join('\n');
}

/** Watch mode: one line per change, prefixed with the time of the pass. */
export function driftChangesText(c: DriftChanges, site: string, pushArgs: readonly string[] = []): string {
  const t = clock(c.time);
  const lines: string[] = [];
  for (const f of c.added)
    lines.push(
      `${t} + ${f.severity.padEnd(8)} ${f.device} ${f.source} ${f.daemon} ${f.section} [${f.kind}]: ${f.message}`,
    );
  for (const f of c.resolved)
    lines.push(
      `${t} - resolved ${f.device} ${f.source} ${f.daemon} ${f.section} [${f.kind}] (since ${clock(f.since)})`,
    );
  for (const u of c.unreadable) lines.push(`${t} ! unreadable ${u.device}: ${u.message}`);
  for (const d of c.readableAgain) lines.push(`${t} = readable again ${d}`);
  if (c.added.some((f) => f.source === 'config'))
    for (const d of [...new Set(c.added.filter((f) => f.source === 'config').map((f) => f.device))])
      lines.push(`${t}   fix: ${remediation(site, d, pushArgs)}`);
  return lines.join('\n');
}

export interface DriftJson {
  format: typeof DRIFT_JSON_FORMAT;
  type: 'report';
  site: string;
  time: string;
  seconds: number;
  exitCode: 0 | 1 | 2;
  summary: {
    devices: number;
    drifted: number;
    unreadable: number;
    findings: number;
    critical: number;
    major: number;
    minor: number;
  };
  snmp: DriftReport['snmp'];
  devices: {
    name: string;
    role: string;
    status: 'clean' | 'drift' | 'unreadable';
    worst: Severity | null;
    remediation: string | null;
    snmp: 'answered' | 'failed' | 'off';
    error?: { reason: string; message: string };
    findings: Finding[];
  }[];
}

export function driftJson(r: DriftReport, pushArgs: readonly string[] = []): DriftJson {
  const unreadable = new Map(r.unreadable.map((u) => [u.device, u]));
  const devices = r.devices.map((d) => {
    const findings = r.findings.filter((f) => f.device === d.name);
    const u = unreadable.get(d.name);
    return {
      name: d.name,
      role: d.role,
      status: u ? ('unreadable' as const) : findings.length ? ('drift' as const) : ('clean' as const),
      worst: worst(findings),
      remediation: findings.length ? remediation(r.site, d.name, pushArgs) : null,
      snmp: d.snmp,
      ...(u ? { error: { reason: u.reason, message: u.message } } : {}),
      findings,
    };
  });
  return {
    format: DRIFT_JSON_FORMAT,
    type: 'report',
    site: r.site,
    time: r.time,
    seconds: Math.round(r.seconds * 1000) / 1000,
    exitCode: exitCodeOf(r),
    summary: {
      devices: r.devices.length,
      drifted: devices.filter((d) => d.status === 'drift').length,
      unreadable: r.unreadable.length,
      findings: r.findings.length,
      critical: count(r.findings, 'critical'),
      major: count(r.findings, 'major'),
      minor: count(r.findings, 'minor'),
    },
    snmp: r.snmp,
    devices,
  };
}

export interface DriftChangesJson {
  format: typeof DRIFT_JSON_FORMAT;
  type: 'changes';
  site: string;
  time: string;
  seconds: number;
  exitCode: 0 | 1 | 2;
  added: Finding[];
  resolved: Finding[];
  unreadable: DriftReport['unreadable'];
  readableAgain: string[];
}

export function driftChangesJson(c: DriftChanges, r: DriftReport): DriftChangesJson {
  return {
    format: DRIFT_JSON_FORMAT,
    type: 'changes',
    site: r.site,
    time: c.time,
    seconds: Math.round(r.seconds * 1000) / 1000,
    exitCode: exitCodeOf(r),
    added: c.added,
    resolved: c.resolved,
    unreadable: c.unreadable,
    readableAgain: c.readableAgain,
  };
}
