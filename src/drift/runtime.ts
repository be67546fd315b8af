/**
 * Runtime drift: what the devices do, against what the model says they should do. Three
 * sources, one kind of finding:
 * - the model-derived checks of `fabric verify` (the index of check kinds, src/verify/checks/),
 *   the kinds marked for drift, on managed devices: BGP identity and sessions with their prefix
 *   counts, BFD, ECMP widths, VXLAN flood lists, the VRRP master, HAProxy backends. The active
 *   probes (pings, VIP connects, HTTP through the service path) are verify's, not the NOC's;
 * - the processes of every daemon fabric configures;
 * - SNMP: IF-MIB interface state, BGP4-MIB identity and IPv4 peers, KEEPALIVED-MIB VRRP state.
 * Sections name what failed the way the config does (`bgp neighbor eth11`, `vrrp_instance X`,
 * `backend web`), so a config finding and its runtime effect sit side by side.
 */
import { hasIpv6Addresses } from '../model/address.js';
import type { DeepReadonly } from '../model/freeze.js';
import { runsVrrp, speaksBgp } from '../model/runs.js';
import type { Device, SiteModel } from '../model/types.js';
import { type DeriveOptions, deriveChecks, type Expectation, specOf } from '../verify/checks/index.js';
import { FILED_UNDER } from '../verify/checks/model.js';
import type { CheckIndex, CheckResult, ExpectationBase } from '../verify/checks/spec.js';
import { ipv6AddressDrift } from './ip-mib.js';
import type { SnmpCredentials, SnmpObservation } from './snmp.js';
import type { DriftDaemon, Finding, Severity } from './types.js';

/**
 * The checks drift runs (the index's `runs.drift`) on the watched devices, for the fabric left
 * when `down` has failed (nothing by default).
 */
export function driftChecks<E extends ExpectationBase = Expectation>(
  site: DeepReadonly<SiteModel>,
  watched: ReadonlySet<string>,
  opts: Omit<DeriveOptions<E>, 'tool'> = {},
): E[] {
  return deriveChecks(site, { ...opts, tool: 'drift' }).filter((e) => watched.has(e.device));
}

/**
 * The commands the checks read through `round.read` (their kinds' `reads`), by device, so the
 * collect can prefetch them. A command missing here is only slower: the check then runs it on its
 * own.
 */
export function prefetchCommands<E extends ExpectationBase>(
  checks: readonly E[],
  index?: CheckIndex<E>,
): Map<string, string[]> {
  const byDevice = new Map<string, string[]>();
  for (const e of checks)
    for (const r of specOf(e, index)?.reads(e) ?? [])
      byDevice.set(r.device, [...(byDevice.get(r.device) ?? []), r.command]);
  return byDevice;
}

/** How bad a failed check is (docs/drift.md, "Severities"): its kind's say. */
export function runtimeSeverity<E extends ExpectationBase = Expectation>(
  kind: E['kind'],
  code: string | undefined,
  index?: CheckIndex<E>,
): Severity {
  return specOf({ kind }, index)?.severity(code) ?? 'major';
}

export function runtimeId(device: string, daemon: string, section: string, kind: string): string {
  return `runtime|${device}|${daemon}|${section}|${kind}`;
}

/** A failed check as a finding, filed under the daemon and section its kind names. */
export function checkFinding<E extends ExpectationBase = Expectation>(
  e: E,
  r: CheckResult,
  now: string,
  index?: CheckIndex<E>,
): Finding {
  const { daemon, section } = specOf(e, index)?.filed(e) ?? { daemon: 'system', section: e.id };
  return {
    id: runtimeId(e.device, daemon, section, e.kind),
    device: e.device,
    source: 'runtime',
    daemon,
    section,
    kind: e.kind as Finding['kind'],
    severity: runtimeSeverity(e.kind, r.code, index),
    intended: e.title,
    running: r.detail,
    message: `${section}: ${r.detail} (expected: ${e.title})`,
    via: ['ssh'],
    since: now,
  };
}

/** A process of a daemon that is not running: critical (watchfrr, FRR's supervisor: major). */
export function daemonFinding(device: string, daemon: string, process: string, now: string): Finding {
  return {
    id: runtimeId(device, daemon, process, 'daemon'),
    device,
    source: 'runtime',
    daemon: daemon as DriftDaemon,
    section: process,
    kind: 'daemon',
    severity: process === 'watchfrr' ? 'major' : 'critical',
    intended: `${process} running`,
    running: 'not running',
    message:
      process === 'watchfrr'
        ? 'watchfrr is not running: FRR daemons that die are no longer restarted'
        : `${process} is not running${daemon === FILED_UNDER.routing ? ': its configuration and state cannot be read' : ''}`,
    via: ['ssh'],
    since: now,
  };
}

/** A device whose snmpd runs (or was not seen down) but does not answer the poll. */
export function snmpUnansweredFinding(
  d: DeepReadonly<Device>,
  version: SnmpCredentials['version'],
  message: string,
  now: string,
): Finding {
  return {
    id: runtimeId(d.name, 'snmpd', 'snmpd', 'snmp'),
    device: d.name,
    source: 'runtime',
    daemon: 'snmpd',
    section: 'snmpd',
    kind: 'snmp',
    severity: 'major',
    intended: `answers SNMP${version === '3' ? 'v3 (authPriv)' : 'v2c'} on ${d.mgmt.address}:161`,
    running: message,
    message,
    via: ['snmp'],
    since: now,
  };
}

/**
 * BGP4-MIB's bgpLocalAs is an INTEGER (0..65535) (RFC 4273): a 4-byte AS is shown as AS_TRANS
 * (23456, RFC 6793), or, as FRR 8.4 sends it, wrapped to a signed 32-bit integer.
 */
export function snmpAsMatches(seen: number, asn: number): boolean {
  if (seen === asn) return true;
  return asn > 65535 && (seen === 23456 || seen === (asn | 0));
}

type SnmpFindingFields = [
  daemon: DriftDaemon,
  section: string,
  kind: Finding['kind'],
  severity: Severity,
  intended: string,
  running: string,
];

/** A runtime finding seen over SNMP. */
function snmpFinding(
  device: string,
  now: string,
  ...[daemon, section, kind, severity, intended, running]: SnmpFindingFields
): Finding {
  return {
    id: runtimeId(device, daemon, section, kind),
    device,
    source: 'runtime',
    daemon,
    section,
    kind,
    severity,
    intended,
    running,
    message: `${section}: ${running} (expected: ${intended})`,
    via: ['snmp'],
    since: now,
  };
}

/** What SNMP shows against the model: interfaces up with their IPv6 addresses, BGP identity and IPv4 peers, VRRP states. */
export function snmpFindings(d: DeepReadonly<Device>, o: SnmpObservation, now: string): Finding[] {
  const out: Finding[] = [];
  const add = (...what: SnmpFindingFields) => out.push(snmpFinding(d.name, now, ...what));

  // --- IF-MIB: every interface of the model present, admin and oper up ------------------------
  const ifs = new Map(o.interfaces.map((i) => [i.name, i]));
  for (const i of d.interfaces) {
    if (i.kind === 'loopback') continue;
    const seen = ifs.get(i.name);
    const section = `interface ${i.name}`;
    const want = `${i.name} up (to ${i.peer.device} ${i.peer.interface})`;
    if (!seen) add('system', section, 'interface', 'major', want, 'not in IF-MIB (no such interface)');
    else if (seen.admin !== 'up')
      add('system', section, 'interface', 'major', want, `administratively ${seen.admin}`);
    else if (seen.oper !== 'up') add('system', section, 'interface', 'major', want, `oper ${seen.oper}`);
  }

  // --- IP-MIB: every IPv6 address of the model on its interface, with its prefix, usable -------
  if (o.addresses6 !== undefined && hasIpv6Addresses(d.interfaces)) {
    if (o.addresses6 === null)
      add(
        'snmpd',
        'IP-MIB',
        'snmp',
        'minor',
        'IP-MIB ipAddressTable served by snmpd',
        'not served: no ipAddressTable row (the view lacks .1.3.6.1.2.1.4.34)',
      );
    else
      for (const x of ipv6AddressDrift(d.interfaces, o.addresses6))
        add('system', x.section, 'interface', 'major', x.intended, x.running);
  }

  // --- BGP4-MIB: identity; IPv4 peers (unnumbered ones are not in BGP4-MIB, nor IPv6 ones) -----
  if (speaksBgp(d)) {
    const bgp = d.frr.routerBgp;
    if (!o.bgp)
      add(
        'snmpd',
        'BGP4-MIB',
        'snmp',
        'minor',
        'BGP4-MIB served by bgpd over AgentX',
        "not served: bgpd is not registered with snmpd's AgentX (agentx in frr.conf, -M snmp)",
      );
    else {
      if (!snmpAsMatches(o.bgp.localAs, bgp.asn) || o.bgp.identifier !== bgp.routerId)
        add(
          FILED_UNDER.routing,
          `router bgp ${bgp.asn}`,
          'bgp-identity',
          'critical',
          `AS${bgp.asn}, router-id ${bgp.routerId}`,
          `AS${o.bgp.localAs}, router-id ${o.bgp.identifier}`,
        );
      const peers = new Map(o.bgp.peers.map((p) => [p.address, p]));
      for (const n of bgp.neighbors) {
        // BGP4-MIB lists IPv4 peers only (RFC 4273): an IPv6 session's own end is in IP-MIB above
        if (n.unnumbered || n.family === 'ipv6') continue;
        const p = peers.get(n.peer);
        const section = `bgp neighbor ${n.peer}`;
        const want = `${n.peer} (${n.peerDevice}, AS${n.remoteAs}) established`;
        if (!p) add(FILED_UNDER.routing, section, 'bgp-session', 'critical', want, 'not in bgpPeerTable');
        else if (p.state !== 'established')
          add(
            FILED_UNDER.routing,
            section,
            'bgp-session',
            'critical',
            want,
            `${p.state} (BGP4-MIB bgpPeerState)`,
          );
      }
    }
  }

  // --- KEEPALIVED-MIB: each instance master where intended, backup elsewhere, never FAULT ------
  if (runsVrrp(d)) {
    // vrrpInstanceTable lists every instance by name, of both families (IPv6: `<name>_v6`)
    const instances = d.keepalived.vrrpInstances;
    if (instances.length && !o.vrrp)
      add(
        'snmpd',
        'KEEPALIVED-MIB',
        'snmp',
        'minor',
        'KEEPALIVED-MIB served by keepalived over AgentX',
        "not served: keepalived is not registered with snmpd's AgentX (enable_snmp_vrrp)",
      );
    else if (o.vrrp) {
      const rows = new Map(o.vrrp.map((v) => [v.name, v]));
      for (const v of instances) {
        const row = rows.get(v.name);
        const section = `vrrp_instance ${v.name}`;
        const wanted = v.intendedMaster ? 'master' : 'backup';
        const want = `${wanted} (priority ${v.priority})`;
        if (!row) add(FILED_UNDER.vrrp, section, 'vrrp-master', 'critical', want, 'not in KEEPALIVED-MIB');
        else if (row.state === 'fault' || row.state === 'init' || row.state === 'shutdown')
          add(
            FILED_UNDER.vrrp,
            section,
            'vrrp-master',
            'critical',
            want,
            `${row.state.toUpperCase()} (priority ${row.effectivePriority})`,
          );
        else if (row.state !== wanted)
          add(
            FILED_UNDER.vrrp,
            section,
            'vrrp-master',
            'major',
            want,
            `${row.state} (priority ${row.basePriority}${row.effectivePriority !== row.basePriority ? `, effective ${row.effectivePriority}` : ''})`,
          );
      }
    }
  }
  return out;
}

/**
 * One finding per device, section and kind: what SSH and SNMP both saw is one finding seen
 * `via` both, with the worse severity and both details.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  const rank = { critical: 3, major: 2, minor: 1 } as const;
  for (const f of findings) {
    const seen = byId.get(f.id);
    if (!seen) {
      byId.set(f.id, { ...f, via: [...f.via] });
      continue;
    }
    const via = [...new Set([...seen.via, ...f.via])].sort() as Finding['via'];
    const worse = rank[f.severity] > rank[seen.severity] ? f : seen;
    byId.set(f.id, {
      ...worse,
      via,
      running:
        seen.running === f.running ? seen.running : `${seen.running}; ${f.via.join('+')}: ${f.running}`,
      message:
        seen.message === f.message ? seen.message : `${seen.message}; ${f.via.join('+')}: ${f.running}`,
    });
  }
  return [...byId.values()];
}
