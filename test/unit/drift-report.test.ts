/**
 * Runtime findings (severities, SNMP against the model, merging SSH and SNMP), the reports:
 * text grouped by severity and device, the documented JSON shape, watch changes, exit codes, and
 * the Prometheus exposition, checked with a strict parser of the text format.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesBetween, hasChanges, nextBaseline } from '../../src/drift/poller.js';
import { mergeFindings, runtimeSeverity, snmpAsMatches, snmpFindings } from '../../src/drift/runtime.js';
import type { SnmpObservation } from '../../src/drift/snmp.js';
import { type DriftReport, exitCodeOf, type Finding } from '../../src/drift/types.js';
import { haproxyServers, serverUp } from '../../src/observe/haproxy.js';
import { ObservationRound } from '../../src/observe/runner.js';
import { driftChangesText, driftJson, driftText } from '../../src/report/drift.js';
import { driftPrometheus, escapeLabel } from '../../src/report/prometheus.js';
import { evaluate } from '../../src/verify/evaluate.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { renderExample } from '../support/render.js';

const site = renderExample()[0]!.site;
const device = (name: string) => site.devices.find((d) => d.name === name)!;
const NOW = '2026-01-01T10:00:00.000Z';

function finding(over: Partial<Finding>): Finding {
  return {
    id: `runtime|spine1|frr|bgp neighbor eth11|bgp-session`,
    device: 'spine1',
    source: 'runtime',
    daemon: 'frr',
    section: 'bgp neighbor eth11',
    kind: 'bgp-session',
    severity: 'critical',
    intended: 'Established',
    running: 'Idle (Admin)',
    message: 'bgp neighbor eth11: Idle (Admin)',
    via: ['ssh'],
    since: NOW,
    ...over,
  };
}

function report(over: Partial<DriftReport> = {}): DriftReport {
  return {
    site: 'idc-a',
    time: NOW,
    seconds: 1.234,
    devices: ['leaf1a', 'spine1', 'vr1'].map((name) => ({
      name,
      role: device(name).role,
      daemons: [...device(name).daemons],
      snmp: 'answered' as const,
    })),
    findings: [],
    unreadable: [],
    snmp: { version: '3', polled: 3, answered: 3 },
    ...over,
  };
}

describe('runtime findings', () => {
  it('GIVEN a failed check THEN its severity says how bad: sessions down critical, wrong prefix counts major, …', () => {
    expect(runtimeSeverity('bgp-session', undefined)).toBe('critical');
    expect(runtimeSeverity('bgp-session', 'prefix-count')).toBe('major');
    expect(runtimeSeverity('ecmp', undefined)).toBe('major');
    expect(runtimeSeverity('ecmp', 'no-route')).toBe('critical');
    expect(runtimeSeverity('vrrp-master', undefined)).toBe('critical'); // none or two masters
    expect(runtimeSeverity('vrrp-master', 'wrong-master')).toBe('major');
    expect(runtimeSeverity('haproxy-backends', undefined)).toBe('major');
    expect(runtimeSeverity('haproxy-backends', 'all-down')).toBe('critical');
    expect(runtimeSeverity('bfd-peer', undefined)).toBe('major');
  });

  it('GIVEN what SNMP shows of edge1 and vr1 THEN interfaces down, BGP peers not established and VRRP on the wrong node are findings', () => {
    const ok = (names: string[]) => names.map((name) => ({ name, admin: 'up', oper: 'up' }));
    const edge1: SnmpObservation = {
      sysName: 'edge1',
      interfaces: [...ok(['lo', 'eth0', 'eth1', 'eth2']), { name: 'eth3', admin: 'up', oper: 'down' }],
      bgp: {
        localAs: 65001,
        identifier: '10.1.0.2',
        peers: [{ address: '192.0.2.0', state: 'active', remoteAs: 64496 }],
      },
      vrrp: null,
    };
    expect(
      snmpFindings(device('edge1'), edge1, NOW).map((f) => [f.kind, f.section, f.severity, f.running]),
    ).toEqual([
      ['interface', 'interface eth3', 'major', 'oper down'],
      ['bgp-session', 'bgp neighbor 192.0.2.0', 'critical', 'active (BGP4-MIB bgpPeerState)'],
    ]);
    const vr1: SnmpObservation = {
      sysName: 'vr1',
      interfaces: ok(['lo', 'eth0', 'eth1', 'eth2', 'eth3']),
      bgp: { localAs: 65241, identifier: '10.1.0.41', peers: [] },
      vrrp: [
        { name: 'shop_gw_app', state: 'backup', basePriority: 50, effectivePriority: 50 },
        { name: 'shop_gw_public', state: 'fault', basePriority: 150, effectivePriority: 150 },
        // idc-a is dual-stack: the IPv6 instances (keepalived's own per family) as intended
        { name: 'shop_gw_app_v6', state: 'master', basePriority: 150, effectivePriority: 150 },
        { name: 'shop_gw_public_v6', state: 'master', basePriority: 150, effectivePriority: 150 },
      ],
    };
    expect(
      snmpFindings(device('vr1'), vr1, NOW).map((f) => [f.kind, f.section, f.severity, f.running]),
    ).toEqual([
      ['vrrp-master', 'vrrp_instance shop_gw_app', 'major', 'backup (priority 50)'],
      ['vrrp-master', 'vrrp_instance shop_gw_public', 'critical', 'FAULT (priority 150)'],
    ]);
    expect(
      snmpFindings(device('vr1'), { ...vr1, bgp: null, vrrp: null }, NOW).map((f) => [
        f.kind,
        f.section,
        f.severity,
      ]),
    ).toEqual([
      ['snmp', 'BGP4-MIB', 'minor'],
      ['snmp', 'KEEPALIVED-MIB', 'minor'],
    ]);
  });

  it('GIVEN a 4-byte AS THEN BGP4-MIB may show it as AS_TRANS or, as FRR 8.4 does, wrapped to 32 signed bits (found by the 100-node bench)', () => {
    expect(snmpAsMatches(65001, 65001)).toBe(true);
    expect(snmpAsMatches(65002, 65001)).toBe(false);
    expect(snmpAsMatches(-94967295, 4200000001)).toBe(true);
    expect(snmpAsMatches(23456, 4200000001)).toBe(true);
    expect(snmpAsMatches(-94967294, 4200000001)).toBe(false);
  });

  it('GIVEN the same problem seen over SSH and over SNMP THEN one finding, via both, the worse severity', () => {
    const merged = mergeFindings([
      finding({ severity: 'major', running: 'master is vr2' }),
      finding({ severity: 'critical', running: 'backup', via: ['snmp'] }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ severity: 'critical', via: ['snmp', 'ssh'] });
  });

  it('GIVEN idc-a THEN verify (and drift) check every server of every HAProxy backend; a disabled server fails the check', async () => {
    const checks = deriveExpectations(site).filter((e) => e.kind === 'haproxy-backends');
    expect(checks.map((e) => e.id)).toEqual([
      'haproxy:web1:api',
      'haproxy:web1:web',
      'haproxy:web2:api',
      'haproxy:web2:web',
    ]);
    const csv = readFileSync(
      join(import.meta.dirname, '../fixtures/drift/haproxy/web1.stat-app1-disabled.csv'),
      'utf8',
    );
    const round = new ObservationRound({ run: async () => ({ code: 0, stdout: csv, stderr: '' }) });
    expect(await evaluate(checks[0]!, round)).toEqual({ ok: true, detail: '2 servers UP' });
    expect(await evaluate(checks[1]!, round)).toEqual({ ok: false, detail: 'app1 MAINT' });
  });

  it("GIVEN HAProxy's `show stat` (captured, with app1 disabled on the socket) THEN the servers and their states", () => {
    const csv = readFileSync(
      join(import.meta.dirname, '../fixtures/drift/haproxy/web1.stat-app1-disabled.csv'),
      'utf8',
    );
    const servers = haproxyServers(csv);
    expect(servers.filter((s) => s.backend === 'web').map((s) => [s.server, s.status])).toEqual([
      ['app1', 'MAINT'],
      ['app2', 'UP'],
      ['app3', 'UP'],
      ['app4', 'UP'],
    ]);
    expect(serverUp('UP 1/3')).toBe(true);
    expect(serverUp('DOWN 1/2')).toBe(false);
    expect(serverUp('MAINT')).toBe(false);
  });
});

describe('reports', () => {
  const config = finding({
    id: 'config|spine1|frr|router bgp 65100|extra|neighbor eth11 shutdown',
    source: 'config',
    section: 'router bgp 65100',
    kind: 'extra',
    severity: 'major',
    intended: undefined,
    running: 'neighbor eth11 shutdown',
    message: 'extra in router bgp 65100: "neighbor eth11 shutdown"',
  });
  const downstream = finding({
    id: 'runtime|leaf1a|frr|bgp neighbor eth1|bgp-session',
    device: 'leaf1a',
    section: 'bgp neighbor eth1',
  });
  const drifted = report({ findings: [finding({}), downstream, config] });

  it('GIVEN drift THEN exit 1; devices unreadable THEN exit 2 even with drift; nothing THEN exit 0', () => {
    expect(exitCodeOf(report())).toBe(0);
    expect(exitCodeOf(drifted)).toBe(1);
    expect(
      exitCodeOf({
        ...drifted,
        unreadable: [{ device: 'vr1', reason: 'unreachable', message: 'vr1: no route' }],
      }),
    ).toBe(2);
  });

  it('GIVEN drift THEN the text groups by severity then device, with a remediation per device, causes first', () => {
    const text = driftText(drifted, 'idc-a');
    expect(text.split('\n')[0]).toBe(
      'drift idc-a: 3 configured devices, 2 drifted, 0 unreadable; 2 critical, 1 major, 0 minor (1.2 s, SNMPv3 3/3 answered)',
    );
    const table = text.split('\n').filter((l) => /^(spine1|leaf1a)\s/.test(l));
    expect(table[0]).toMatch(
      /^spine1\s+spine\s+critical\s+1\s+1\s+-\s+1\s+fabric push --site idc-a --only spine1$/,
    );
    expect(table[1]).toMatch(
      /^leaf1a\s+leaf\s+critical\s+1\s+-\s+-\s+-\s+fabric push --site idc-a --only leaf1a$/,
    );
    expect(text.indexOf('CRITICAL')).toBeLessThan(text.indexOf('MAJOR'));
    expect(text).toContain('    + neighbor eth11 shutdown');
    expect(text).toContain('The inventory is the truth');
    expect(driftText(report(), 'idc-a')).toContain('no drift');
  });

  it('GIVEN a report THEN the JSON has the documented shape', () => {
    const j = driftJson({
      ...drifted,
      unreadable: [{ device: 'vr1', reason: 'unreachable', message: 'vr1 (198.18.1.41:22): timed out' }],
    });
    expect(Object.keys(j)).toEqual([
      'format',
      'type',
      'site',
      'time',
      'seconds',
      'exitCode',
      'summary',
      'snmp',
      'devices',
    ]);
    expect(j).toMatchObject({
      format: 1,
      type: 'report',
      exitCode: 2,
      summary: { devices: 3, drifted: 2, unreadable: 1, findings: 3, critical: 2, major: 1, minor: 0 },
    });
    expect(j.devices.map((d) => [d.name, d.status, d.worst, d.remediation])).toEqual([
      ['leaf1a', 'drift', 'critical', 'fabric push --site idc-a --only leaf1a'],
      ['spine1', 'drift', 'critical', 'fabric push --site idc-a --only spine1'],
      ['vr1', 'unreadable', null, null],
    ]);
    expect(j.devices[2]!.error).toEqual({
      reason: 'unreachable',
      message: 'vr1 (198.18.1.41:22): timed out',
    });
    expect(Object.keys(j.devices[1]!.findings[0]!).sort()).toEqual(
      [
        'id',
        'device',
        'source',
        'daemon',
        'section',
        'kind',
        'severity',
        'intended',
        'running',
        'message',
        'via',
        'since',
      ].sort(),
    );
  });

  it('GIVEN two passes THEN only what appeared and what was resolved; findings of a now unreadable device are not "resolved"', () => {
    const later = report({
      time: '2026-01-01T10:01:00.000Z',
      findings: [config],
      unreadable: [{ device: 'leaf1a', reason: 'unreachable', message: 'leaf1a: timed out' }],
    });
    const c = changesBetween(drifted, later);
    expect(c.added).toEqual([]);
    expect(c.resolved.map((f) => f.id)).toEqual([finding({}).id]);
    expect(c.unreadable.map((u) => u.device)).toEqual(['leaf1a']);
    expect(hasChanges(changesBetween(later, later))).toBe(false);
    expect(driftChangesText(c, 'idc-a').split('\n')).toEqual([
      '10:01:00 - resolved spine1 runtime frr bgp neighbor eth11 [bgp-session] (since 10:00:00)',
      '10:01:00 ! unreadable leaf1a: leaf1a: timed out',
    ]);
  });

  it('GIVEN a device unreadable for one pass THEN its findings are resolved, or kept, against what was last seen on it', () => {
    const mine = finding({ device: 'leaf1a', id: 'runtime|leaf1a|frr|bgp neighbor eth1|bgp-session' });
    const first = report({ findings: [mine] });
    const blind = report({
      time: '2026-01-01T10:01:00.000Z',
      unreadable: [{ device: 'leaf1a', reason: 'unreachable', message: 'leaf1a: timed out' }],
    });
    const fixed = report({ time: '2026-01-01T10:02:00.000Z' });
    const baseline = nextBaseline(first, blind);
    expect(changesBetween(first, blind).resolved).toEqual([]);
    // read again and clean: resolved; read again and still drifted: nothing new
    expect(changesBetween(baseline, fixed).resolved.map((f) => f.id)).toEqual([mine.id]);
    expect(changesBetween(baseline, fixed).readableAgain).toEqual(['leaf1a']);
    expect(changesBetween(baseline, report({ findings: [mine] })).added).toEqual([]);
    // a readable device's findings are not carried
    expect(nextBaseline(first, fixed).findings).toEqual([]);
  });
});

/** A strict reader of the Prometheus text format 0.0.4: throws on any line it does not accept. */
function parseExposition(
  text: string,
): Map<string, { type: string; samples: { labels: Record<string, string>; value: number }[] }> {
  const metrics = new Map<
    string,
    { type: string; help: boolean; samples: { labels: Record<string, string>; value: number }[] }
  >();
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const label = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
  const sample = new RegExp(
    `^(${name})(\\{(${label}(?:,${label})*)?\\})? (NaN|[+-]Inf|-?[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)$`,
  );
  const seen = new Set<string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    let m = /^# HELP (\S+) (.*)$/.exec(line);
    if (m) {
      const entry = metrics.get(m[1]!) ?? { type: '', help: false, samples: [] };
      if (entry.help || entry.samples.length) throw new Error(`HELP after samples or twice: ${line}`);
      metrics.set(m[1]!, { ...entry, help: true });
      continue;
    }
    m = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (m) {
      const entry = metrics.get(m[1]!) ?? { type: '', help: false, samples: [] };
      if (entry.type || entry.samples.length) throw new Error(`TYPE after samples or twice: ${line}`);
      metrics.set(m[1]!, { ...entry, type: m[2]! });
      continue;
    }
    m = sample.exec(line);
    if (!m) throw new Error(`not a valid exposition line: ${JSON.stringify(line)}`);
    const entry = metrics.get(m[1]!);
    if (!entry?.type) throw new Error(`sample before its TYPE: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const key = `${m[1]}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(key)) throw new Error(`duplicate series: ${line}`);
    seen.add(key);
    entry.samples.push({ labels, value: Number(m[4]) });
  }
  return metrics;
}

describe('Prometheus exposition', () => {
  it('GIVEN drift THEN every line parses, a gauge per device and kind of drift (0 when clean), per severity, and the scrape duration', () => {
    const text = driftPrometheus({
      ...report({ findings: [finding({}), finding({ id: 'x', kind: 'ecmp', severity: 'major' })] }),
      unreadable: [{ device: 'vr1', reason: 'unreachable', message: 'x' }],
    });
    const m = parseExposition(text);
    expect([...m.keys()]).toEqual([
      'fabric_drift_findings',
      'fabric_drift_severity_findings',
      'fabric_drift_device_readable',
      'fabric_drift_snmp_up',
      'fabric_drift_devices',
      'fabric_drift_scrape_duration_seconds',
      'fabric_drift_last_pass_timestamp_seconds',
    ]);
    for (const [, metric] of m) expect(metric.type).toBe('gauge');
    const value = (metric: string, labels: Record<string, string>) =>
      m.get(metric)!.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value('fabric_drift_findings', { device: 'spine1', kind: 'bgp-session' })).toBe(1);
    expect(value('fabric_drift_findings', { device: 'spine1', kind: 'ecmp' })).toBe(1);
    expect(value('fabric_drift_findings', { device: 'leaf1a', kind: 'config-extra' })).toBe(0);
    expect(value('fabric_drift_severity_findings', { device: 'spine1', severity: 'critical' })).toBe(1);
    // an unreadable device has no findings series: unknown is not zero
    expect(value('fabric_drift_findings', { device: 'vr1' })).toBeUndefined();
    expect(value('fabric_drift_device_readable', { device: 'vr1' })).toBe(0);
    expect(value('fabric_drift_device_readable', { device: 'spine1' })).toBe(1);
    expect(value('fabric_drift_scrape_duration_seconds', { site: 'idc-a' })).toBe(1.234);
    expect(value('fabric_drift_last_pass_timestamp_seconds', { site: 'idc-a' })).toBe(Date.parse(NOW) / 1000);
  });

  it('GIVEN label values with quotes, backslashes and newlines THEN they are escaped and read back', () => {
    expect(escapeLabel('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    const text = driftPrometheus(report({ site: 'we"ird\\site\n' }));
    expect(parseExposition(text).get('fabric_drift_devices')!.samples[0]!.labels.site).toBe('we"ird\\site\n');
  });
});
