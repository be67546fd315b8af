/**
 * IPv6 in SNMP drift (issue 14): IP-MIB ipAddressTable parsed from a recorded walk, compared with
 * the model's IPv6 interface addresses; the IPv6 upstream sessions that BGP4-MIB cannot list are
 * not reported missing from it; snmpd's view has the table only where the device has IPv6.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRR_COMBINED, FRR_COMBINED6, splitFrrCombined } from '../../src/daemons/frr/collect.js';
import { collectPlan } from '../../src/drift/collect.js';
import { ipv6AddressDrift, ipv6Addresses } from '../../src/drift/ip-mib.js';
import { driftChecks, prefetchCommands, snmpFindings } from '../../src/drift/runtime.js';
import type { SnmpObservation } from '../../src/drift/snmp.js';
import { FRR, FRR_FAMILY } from '../../src/observe/frr.js';
import { REPO } from '../support/cli.js';
import { DUAL_STACK } from '../support/dual-stack.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { compileExample } from '../support/render.js';

const NOW = '2026-01-01T10:00:00.000Z';
const ds = compileExample(DUAL_STACK).model!.sites[0]!;
const v4 = ipv4OnlySite('idc-a');
const edge1 = ds.devices.find((d) => d.name === 'edge1')!;

/** `snmpwalk -On` lines as the varbinds net-snmp (node) hands over: INTEGER a number, OID a string. */
function recorded(file: string): { oid: string; value: unknown }[] {
  return readFileSync(join(REPO, 'test', 'fixtures', 'drift', 'snmpd', file), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('.'))
    .map((l) => {
      const [, oid, type, value] = /^\.(\S+) = (\w+): (.*)$/.exec(l)!;
      return { oid: oid!, value: type === 'INTEGER' ? Number(value) : value!.replace(/^\./, '') };
    });
}

const IF_NAMES = new Map([
  ['1', 'lo'],
  ['2', 'eth0'],
  ['3', 'eth1'],
  ['4', 'eth2'],
  ['5', 'eth3'],
]);
const walk = recorded('edge1-ip-address-table.walk');

describe('IP-MIB ipAddressTable, parsed', () => {
  it('GIVEN a recorded walk WHEN parsed THEN the IPv6 rows, in RFC 5952 form, on their interfaces by ifName, with prefix length and status; IPv4 rows skipped', () => {
    expect(ipv6Addresses(walk, IF_NAMES)).toEqual([
      { address: '::1', interface: 'lo', prefixLength: 128, status: 'preferred' },
      { address: '2001:db8:1::2', interface: 'lo', prefixLength: 128, status: 'preferred' },
      { address: '2001:db8:ffff:1::1', interface: 'eth3', prefixLength: 127, status: 'preferred' },
      { address: 'fe80::a8c1:abff:fe00:3', interface: 'eth3', prefixLength: 64, status: 'preferred' },
    ]);
  });

  it('GIVEN an ifIndex IF-MIB does not name, a status out of range or a null prefix pointer THEN the row says so', () => {
    const rows = ipv6Addresses(
      [
        { oid: '1.3.6.1.2.1.4.34.1.3.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9', value: 42 },
        { oid: '1.3.6.1.2.1.4.34.1.5.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9', value: '0.0' },
        { oid: '1.3.6.1.2.1.4.34.1.7.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9', value: 12 },
        // not this table, and a malformed index: skipped
        { oid: '1.3.6.1.2.1.2.2.1.8.5', value: 1 },
        { oid: '1.3.6.1.2.1.4.34.1.3.2.4.1.2.3.4', value: 1 },
      ],
      IF_NAMES,
    );
    expect(rows).toEqual([
      { address: '2001:db8::9', interface: 'ifIndex 42', prefixLength: null, status: 'status 12' },
    ]);
  });
});

describe('IPv6 addresses against the model', () => {
  const rows = ipv6Addresses(walk, IF_NAMES);

  it('GIVEN edge1 with every IPv6 address as intended THEN no difference (link-local and ::1 are not the model`s, and not differences)', () => {
    expect(ipv6AddressDrift(edge1.interfaces, rows)).toEqual([]);
  });

  it('GIVEN an address missing, one on another interface, one with another prefix length, and one that failed DAD THEN each is a difference', () => {
    const changed = rows
      .filter((r) => r.address !== '2001:db8:1::2')
      .map((r) => (r.address === '2001:db8:ffff:1::1' ? { ...r, status: 'duplicate' } : r));
    expect(ipv6AddressDrift(edge1.interfaces, changed)).toEqual([
      {
        section: 'interface lo address 2001:db8:1::2/128',
        intended: '2001:db8:1::2/128 on lo',
        running: 'not in IP-MIB ipAddressTable (no such address)',
      },
      {
        section: 'interface eth3 address 2001:db8:ffff:1::1/127',
        intended: '2001:db8:ffff:1::1/127 on eth3',
        running: 'duplicate (IP-MIB ipAddressStatus)',
      },
    ]);
    const moved = rows.map((r) =>
      r.address === '2001:db8:1::2'
        ? { ...r, interface: 'eth1' }
        : r.address === '2001:db8:ffff:1::1'
          ? { ...r, prefixLength: 64 }
          : r,
    );
    expect(ipv6AddressDrift(edge1.interfaces, moved).map((x) => x.running)).toEqual([
      'on eth1',
      '2001:db8:ffff:1::1/64 on eth3',
    ]);
  });
});

describe('SNMP findings of a dual-stack edge', () => {
  const ok = (names: string[]) => names.map((name) => ({ name, admin: 'up', oper: 'up' }));
  const observed: SnmpObservation = {
    sysName: 'edge1',
    interfaces: ok(['lo', 'eth0', 'eth1', 'eth2', 'eth3']),
    bgp: {
      localAs: 65001,
      identifier: '10.1.0.2',
      peers: [{ address: '192.0.2.0', state: 'established', remoteAs: 64496 }],
    },
    vrrp: null,
    addresses6: ipv6Addresses(walk, IF_NAMES),
  };

  it('GIVEN its IPv4 and IPv6 upstream sessions and BGP4-MIB listing the IPv4 one THEN no finding: the IPv6 session is not looked for in BGP4-MIB', () => {
    expect(edge1.role === 'edge' && edge1.frr.routerBgp.neighbors.some((n) => n.family === 'ipv6')).toBe(
      true,
    );
    expect(snmpFindings(edge1, observed, NOW)).toEqual([]);
  });

  it('GIVEN its IPv6 upstream address gone THEN a major interface finding over SNMP', () => {
    const gone = { ...observed, addresses6: observed.addresses6!.filter((r) => r.interface !== 'eth3') };
    expect(
      snmpFindings(edge1, gone, NOW).map((f) => [f.daemon, f.kind, f.section, f.severity, f.running]),
    ).toEqual([
      [
        'system',
        'interface',
        'interface eth3 address 2001:db8:ffff:1::1/127',
        'major',
        'not in IP-MIB ipAddressTable (no such address)',
      ],
    ]);
  });

  it('GIVEN snmpd serving no IP-MIB row THEN a minor snmp finding, as for the other MIBs', () => {
    expect(
      snmpFindings(edge1, { ...observed, addresses6: null }, NOW).map((f) => [f.section, f.kind, f.severity]),
    ).toEqual([['IP-MIB', 'snmp', 'minor']]);
  });
});

describe('snmpd view', () => {
  it('GIVEN a device with IPv6 addresses THEN its view has IP-MIB ipAddressTable; an IPv4-only device`s does not', () => {
    const oids = (d: (typeof ds.devices)[number]) => d.snmpd?.view.subtrees.map((s) => s.oid) ?? [];
    expect(oids(edge1)).toContain('.1.3.6.1.2.1.4.34');
    for (const d of v4.devices) expect(oids(d), d.name).not.toContain('.1.3.6.1.2.1.4.34');
  });
});

describe('drift of the IPv6 families (issue 14)', () => {
  const vr1 = ds.devices.find((d) => d.name === 'vr1')!;
  const keepalived = vr1.role === 'vrouter' ? vr1.keepalived : undefined;
  const instances = keepalived?.vrrpInstances ?? [];
  const vrrpRows = (state: (name: string) => string) =>
    instances.map((v) => ({
      name: v.name,
      state: state(v.name),
      basePriority: v.priority,
      effectivePriority: v.priority,
    }));
  const observed = (vrrp: SnmpObservation['vrrp']): SnmpObservation => ({
    sysName: 'vr1',
    interfaces: [],
    bgp: null,
    vrrp,
    addresses6: [],
  });
  const vrrpFindings = (vrrp: SnmpObservation['vrrp']) =>
    snmpFindings(vr1, observed(vrrp), NOW)
      .filter((f) => f.kind === 'vrrp-master')
      .map((f) => [f.section, f.severity, f.running]);

  it('GIVEN KEEPALIVED-MIB listing every instance as intended THEN no VRRP finding, the VRRPv3 IPv6 ones included', () => {
    expect(instances.some((v) => v.name.endsWith('_v6'))).toBe(true);
    const wanted = new Map(instances.map((v) => [v.name, v.intendedMaster ? 'master' : 'backup']));
    expect(vrrpFindings(vrrpRows((n) => wanted.get(n)!))).toEqual([]);
  });

  it('GIVEN an IPv6 instance missing from KEEPALIVED-MIB or in FAULT THEN a critical finding under its own vrrp_instance', () => {
    const v6 = instances.find((v) => v.name.endsWith('_v6'))!;
    const wanted = new Map(instances.map((v) => [v.name, v.intendedMaster ? 'master' : 'backup']));
    const rows = vrrpRows((n) => (n === v6.name ? 'fault' : wanted.get(n)!));
    expect(vrrpFindings(rows)).toEqual([
      [`vrrp_instance ${v6.name}`, 'critical', `FAULT (priority ${v6.priority})`],
    ]);
    expect(vrrpFindings(rows.filter((r) => r.name !== v6.name))).toEqual([
      [`vrrp_instance ${v6.name}`, 'critical', 'not in KEEPALIVED-MIB'],
    ]);
  });

  it('GIVEN the dual-stack site THEN drift runs the IPv6 checks with the IPv6 reads, and an IPv4-only site reads what it always read', () => {
    const checks = driftChecks(ds, new Set(['edge1', 'vr1']));
    const reads = prefetchCommands(checks);
    expect(reads.get('edge1')).toEqual(
      expect.arrayContaining([
        "vtysh -c 'show bgp ipv6 unicast summary json'",
        "vtysh -c 'show ipv6 route json'",
        'ip -j -6 route show',
      ]),
    );
    expect(checks.filter((e) => e.family === 'ipv6').map((e) => e.kind)).toEqual(
      expect.arrayContaining(['bgp-session', 'ecmp', 'kernel-ecmp', 'vrrp-master']),
    );
    const v4Reads = [
      ...prefetchCommands(driftChecks(v4, new Set(v4.devices.map((d) => d.name)))).values(),
    ].flat();
    expect(v4Reads.filter((c) => c.includes('ipv6') || c.includes(' -6 '))).toEqual([]);
  });
});

describe('drift reads FRR in one vtysh per device, both families on a dual-stack router (issue 14)', () => {
  it('GIVEN edge1 of the dual-stack site THEN its collect reads IPv6 in the same vtysh and its IPv6 checks are answered by it; an IPv4-only router keeps its read', () => {
    const checks = driftChecks(ds, new Set(['edge1']));
    const plan = collectPlan(edge1, prefetchCommands(checks).get('edge1') ?? []);
    expect(plan.reads.get('frr')).toBe(FRR_COMBINED6.command);
    expect(plan.prefetch).toEqual(
      expect.arrayContaining([FRR_FAMILY.ipv6.bgpSummary, FRR_FAMILY.ipv6.routes, FRR.bgpSummary]),
    );
    expect([...plan.reads.values()].filter((c) => c.startsWith('vtysh'))).toEqual([FRR_COMBINED6.command]);
    const spine1 = v4.devices.find((d) => d.name === 'spine1')!;
    expect(collectPlan(spine1, []).reads.get('frr')).toBe(FRR_COMBINED.command);
  });

  it('GIVEN the combined output with the IPv6 reads THEN each JSON is split off under its command', () => {
    const out = `Building configuration...\n\nCurrent configuration:\n!\nend\n{"r4":1}\n[]\n{"as":1}\n{"r6":1}\n{"as":6}\n`;
    const { json } = splitFrrCombined({ code: 0, stdout: out, stderr: '' });
    expect([...json.keys()]).toEqual([...FRR_COMBINED6.json]);
    expect(JSON.parse(json.get(FRR_FAMILY.ipv6.bgpSummary)!.stdout)).toEqual({ as: 6 });
  });
});
