/**
 * The config normalisers against real output captured from the lab of idc-a
 * (test/fixtures/drift/: `*.intended.*` is the rendered file the lab ran, `*.running.*` what the
 * daemon showed: FRR 8.4's `vtysh -c 'show running-config'`, the keepalived, HAProxy and snmpd
 * files in use, OVSDB's JSON). A clean device compares equal; each hand-made change found in the
 * lab is one finding with its section, kind and severity; and nothing FRR does not add by itself
 * is ignored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  frrAffectsForwarding,
  frrLineKey,
  frrSectionHeader,
  normaliseFrr,
} from '../../src/daemons/frr/drift.js';
import {
  haproxyAffectsForwarding,
  haproxyLineKey,
  normaliseHaproxy,
} from '../../src/daemons/haproxy/drift.js';
import {
  keepalivedAffectsForwarding,
  keepalivedLineKey,
  normaliseKeepalived,
} from '../../src/daemons/keepalived/drift.js';
import { ovsAffectsForwarding, ovsIntended, ovsLineKey, ovsRunning } from '../../src/daemons/ovs/drift.js';
import {
  normaliseSnmpd,
  snmpdAffectsForwarding,
  snmpdLineKey,
  snmpdSectionHeader,
} from '../../src/daemons/snmpd/drift.js';
import { compareSections, type DaemonRules } from '../../src/drift/compare.js';
import type { ConfigSection, Finding } from '../../src/drift/types.js';
import type { HypervisorDevice } from '../../src/model/types.js';
import { Redactor } from '../../src/render/secrets.js';
import { renderExample } from '../support/render.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/drift');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const NOW = '2026-01-01T00:00:00.000Z';

const FRR: DaemonRules = {
  daemon: 'frr',
  key: frrLineKey,
  affectsForwarding: frrAffectsForwarding,
  header: frrSectionHeader,
};
const KEEPALIVED: DaemonRules = {
  daemon: 'keepalived',
  key: keepalivedLineKey,
  affectsForwarding: keepalivedAffectsForwarding,
};
const HAPROXY: DaemonRules = {
  daemon: 'haproxy',
  key: haproxyLineKey,
  affectsForwarding: haproxyAffectsForwarding,
};
const OVS: DaemonRules = { daemon: 'ovs', key: ovsLineKey, affectsForwarding: ovsAffectsForwarding };
const SNMPD: DaemonRules = {
  daemon: 'snmpd',
  key: snmpdLineKey,
  affectsForwarding: snmpdAffectsForwarding,
  header: snmpdSectionHeader,
};

function compare(
  rules: DaemonRules,
  intended: ConfigSection[],
  running: ConfigSection[],
  redact = (t: string) => t,
): Finding[] {
  return compareSections(intended, running, { device: 'dev', rules, redact, now: NOW });
}

const brief = (f: Finding[]) =>
  f.map((x) => ({
    section: x.section,
    kind: x.kind,
    severity: x.severity,
    intended: x.intended,
    running: x.running,
  }));

describe('FRR: rendered frr.conf against show running-config', () => {
  const frr = (device: string, running = `${device}.running.conf`) =>
    compare(
      FRR,
      normaliseFrr(fixture(`frr/${device}.intended.conf`), 'intended'),
      normaliseFrr(fixture(`frr/${running}`), 'running'),
    );

  it.each(['edge1', 'spine1', 'leaf1a', 'hv1', 'st1', 'vr1'])(
    'GIVEN %s as rendered and as FRR 8.4 runs it THEN they are the same by meaning',
    (device) => {
      expect(frr(device)).toEqual([]);
    },
  );

  it('GIVEN the running config THEN it is in sections: global, interfaces, router bgp per address family, route-maps, prefix-lists, bfd profiles', () => {
    const sections = normaliseFrr(fixture('frr/edge1.running.conf'), 'running');
    expect(sections.map((s) => s.name)).toEqual([
      'global',
      'ip route',
      'interface eth1',
      'interface eth2',
      'interface eth3',
      'interface lo',
      'router bgp 65001',
      'router bgp 65001 / address-family ipv4 unicast',
      'ip prefix-list DEFAULT-ONLY',
      'ip prefix-list SITE-PREFIXES',
      'route-map SPINES-IN permit 10',
      'route-map SPINES-OUT permit 10',
      'route-map UPSTREAMS-IN permit 10',
      'route-map UPSTREAMS-IN deny 100',
      'route-map UPSTREAMS-OUT permit 10',
      'route-map UPSTREAMS-OUT deny 100',
      'bfd',
      'bfd / profile fabric',
      'bfd / profile upstream',
    ]);
    expect(sections.find((s) => s.name === 'global')!.lines).toEqual([
      'frr defaults traditional',
      'hostname edge1',
      'log file /var/log/frr/frr.log informational',
      'agentx',
      // FRR's defaults, which it does not print, made explicit on both sides
      'ip forwarding',
      'ipv6 forwarding',
    ]);
    expect(sections.find((s) => s.name === 'bfd / profile upstream')!.lines).toEqual([
      'transmit-interval 1000',
      'receive-interval 1000',
      'detect-multiplier 3',
    ]);
  });

  it('GIVEN a BGP neighbor shut by hand (captured in the lab) THEN one extra line in router bgp, major', () => {
    expect(brief(frr('spine1', 'spine1.running-neighbor-shutdown.conf'))).toEqual([
      {
        section: 'router bgp 65100',
        kind: 'extra',
        severity: 'major',
        intended: undefined,
        running: 'neighbor eth11 shutdown',
      },
    ]);
  });

  it('GIVEN an extra static route (captured in the lab) THEN an extra `ip route` section, major', () => {
    expect(brief(frr('leaf1a', 'leaf1a.running-static-route.conf'))).toEqual([
      {
        section: 'ip route',
        kind: 'extra',
        severity: 'major',
        intended: undefined,
        running: 'ip route 198.51.100.0/24 blackhole',
      },
    ]);
  });

  it('GIVEN exactly what FRR prints by itself THEN that and only that is ignored', () => {
    const running = fixture('frr/spine1.running.conf');
    const intended = normaliseFrr(fixture('frr/spine1.intended.conf'), 'intended');
    const withRunning = (text: string) => compare(FRR, intended, normaliseFrr(text, 'running'));
    // the vtysh framing, the version line, vtysh.conf's line, comments and `exit`s are not configuration
    expect(withRunning(running.replace('frr version 8.4.4', 'frr version 8.5.7'))).toEqual([]);
    expect(running).toContain('service integrated-vtysh-config');
    // forwarding turned off is printed as `no …`: changed against the default
    expect(
      brief(withRunning(running.replace('hostname spine1\n', 'hostname spine1\nno ip forwarding\n'))),
    ).toEqual([
      {
        section: 'global',
        kind: 'changed',
        severity: 'major',
        intended: 'ip forwarding',
        running: 'no ip forwarding',
      },
    ]);
    // an unknown line is never ignored: a daemon-wide setting nobody rendered
    expect(
      brief(
        withRunning(running.replace('hostname spine1\n', 'hostname spine1\nip nht resolve-via-default\n')),
      ),
    ).toEqual([
      {
        section: 'global',
        kind: 'extra',
        severity: 'minor',
        intended: undefined,
        running: 'ip nht resolve-via-default',
      },
    ]);
    // a BFD timer that differs from FRR's default is printed, and changed against the default
    expect(
      brief(
        withRunning(
          running.replace('\nbfd\n profile fabric\n', '\nbfd\n profile fabric\n  detect-multiplier 5\n'),
        ),
      ),
    ).toEqual([
      {
        section: 'bfd / profile fabric',
        kind: 'changed',
        severity: 'major',
        intended: 'detect-multiplier 3',
        running: 'detect-multiplier 5',
      },
    ]);
    // defaults written out and defaults left implicit are the same configuration
    const explicit = normaliseFrr(
      'ip forwarding\nipv6 forwarding\nbfd\n profile x\n  detect-multiplier 3\n exit\nexit\n',
      'intended',
    );
    const implicit = normaliseFrr('bfd\n profile x\n exit\nexit\n', 'running');
    expect(compare(FRR, explicit, implicit)).toEqual([]);
    expect(implicit.find((s) => s.name === 'bfd / profile x')!.lines).toEqual([
      'detect-multiplier 3',
      'receive-interval 300',
      'transmit-interval 300',
    ]);
    // `service integrated-vtysh-config` is vtysh's, on the running side only
    expect(normaliseFrr('service integrated-vtysh-config\n', 'intended')[0]!.lines).toContain(
      'service integrated-vtysh-config',
    );
    expect(normaliseFrr('service integrated-vtysh-config\n', 'running')[0]!.lines).not.toContain(
      'service integrated-vtysh-config',
    );
  });

  it('GIVEN a changed remote AS and a changed description THEN each is one `changed` line: major, and minor for the description', () => {
    const running = fixture('frr/spine1.running.conf')
      .replace('neighbor eth11 remote-as 65211', 'neighbor eth11 remote-as 65299')
      .replace('description edge1:eth1\n', 'description to edge one\n');
    expect(
      brief(
        compare(
          FRR,
          normaliseFrr(fixture('frr/spine1.intended.conf'), 'intended'),
          normaliseFrr(running, 'running'),
        ),
      ),
    ).toEqual([
      {
        section: 'interface eth1',
        kind: 'changed',
        severity: 'minor',
        intended: 'description edge1:eth1',
        running: 'description to edge one',
      },
      {
        section: 'router bgp 65100',
        kind: 'changed',
        severity: 'major',
        intended: 'neighbor eth11 remote-as 65211',
        running: 'neighbor eth11 remote-as 65299',
      },
    ]);
  });

  it('GIVEN a section missing on the device THEN one finding for the whole section, with its lines', () => {
    const running = fixture('frr/edge1.running.conf').replace(
      /route-map UPSTREAMS-OUT permit 10\n[^!]*!\n/,
      '',
    );
    const f = compare(
      FRR,
      normaliseFrr(fixture('frr/edge1.intended.conf'), 'intended'),
      normaliseFrr(running, 'running'),
    );
    expect(brief(f)).toEqual([
      {
        section: 'route-map UPSTREAMS-OUT permit 10',
        kind: 'missing',
        severity: 'major',
        intended: 'route-map UPSTREAMS-OUT permit 10\n match ip address prefix-list SITE-PREFIXES',
        running: undefined,
      },
    ]);
  });

  it('GIVEN a changed BGP password THEN it is found, and neither value is ever printed', () => {
    const running = fixture('frr/edge1.running.conf').replace(
      'password lab-isp1-md5',
      'password hand-typed-1',
    );
    const redactor = new Redactor(['lab-isp1-md5', 'hand-typed-1']);
    const [f, ...rest] = compare(
      FRR,
      normaliseFrr(fixture('frr/edge1.intended.conf'), 'intended'),
      normaliseFrr(running, 'running'),
      (t) => redactor.redact(t),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'changed', section: 'router bgp 65001', severity: 'major' });
    expect(JSON.stringify(f)).not.toMatch(/lab-isp1-md5|hand-typed-1/);
    expect(f!.running).toBe('neighbor 192.0.2.0 password ********');
  });
});

describe('keepalived: the file in use', () => {
  it.each(['vr1', 'lb1'])('GIVEN %s as rendered and as running THEN the same', (device) => {
    expect(
      compare(
        KEEPALIVED,
        normaliseKeepalived(fixture(`keepalived/${device}.intended.conf`)),
        normaliseKeepalived(fixture(`keepalived/${device}.running.conf`)),
      ),
    ).toEqual([]);
  });

  it('GIVEN lb1 THEN sections per sync group, instance, virtual server and real server; nested blocks as paths', () => {
    const sections = normaliseKeepalived(fixture('keepalived/lb1.running.conf'));
    expect(sections.map((s) => s.name)).toContain(
      'virtual_server 203.0.113.10 443 / real_server 10.20.1.11 443',
    );
    const vs = sections.find(
      (s) => s.name === 'virtual_server 203.0.113.10 443 / real_server 10.20.1.11 443',
    )!;
    expect(vs.lines).toContain('weight 1');
    expect(sections.find((s) => s.name.startsWith('vrrp_instance'))!.lines).toEqual(
      expect.arrayContaining(['state BACKUP', expect.stringMatching(/^authentication auth_pass /)]),
    );
  });

  it('GIVEN a changed VRRP priority THEN `changed` in each vrrp_instance, major', () => {
    const running = fixture('keepalived/vr1.running.conf').replaceAll('priority 150', 'priority 50');
    expect(
      brief(
        compare(
          KEEPALIVED,
          normaliseKeepalived(fixture('keepalived/vr1.intended.conf')),
          normaliseKeepalived(running),
        ),
      ),
    ).toEqual([
      {
        section: 'vrrp_instance shop_gw_app',
        kind: 'changed',
        severity: 'major',
        intended: 'priority 150',
        running: 'priority 50',
      },
      {
        section: 'vrrp_instance shop_gw_public',
        kind: 'changed',
        severity: 'major',
        intended: 'priority 150',
        running: 'priority 50',
      },
    ]);
  });

  it('GIVEN a different VIP THEN a missing and an extra member of virtual_ipaddress (a set, never `changed`)', () => {
    const running = fixture('keepalived/vr1.running.conf').replace('203.0.113.1/27', '203.0.113.9/27');
    expect(
      brief(
        compare(
          KEEPALIVED,
          normaliseKeepalived(fixture('keepalived/vr1.intended.conf')),
          normaliseKeepalived(running),
        ),
      ).map((f) => [f.kind, f.intended ?? f.running]),
    ).toEqual([
      ['missing', 'virtual_ipaddress 203.0.113.1/27 dev eth2'],
      ['extra', 'virtual_ipaddress 203.0.113.9/27 dev eth2'],
    ]);
  });
});

describe('HAProxy: the file in use, and the admin socket', () => {
  it('GIVEN web1 as rendered and as running THEN the same; sections are global, defaults, frontends, backends', () => {
    const running = normaliseHaproxy(fixture('haproxy/web1.running.cfg'));
    expect(compare(HAPROXY, normaliseHaproxy(fixture('haproxy/web1.intended.cfg')), running)).toEqual([]);
    expect(running.map((s) => s.name)).toEqual([
      'global',
      'defaults',
      'frontend www',
      'backend api',
      'backend web',
    ]);
  });

  it('GIVEN a server changed and a rule order swapped THEN a changed server line and changed rule positions', () => {
    const intended = fixture('haproxy/web1.intended.cfg');
    const lines = intended.split('\n');
    const a = lines.findIndex((l) => l.includes('http-request track-sc0'));
    [lines[a], lines[a + 1]] = [lines[a + 1]!, lines[a]!];
    const running = lines
      .join('\n')
      .replace(/server app1 (\S+) check inter \d+ms/, 'server app1 $1 check inter 9000ms');
    const f = compare(HAPROXY, normaliseHaproxy(intended), normaliseHaproxy(running));
    expect(f.map((x) => [x.section, x.kind, x.intended?.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['frontend www', 'changed', '#1 http-request'],
      ['frontend www', 'changed', '#2 http-request'],
      ['backend web', 'changed', 'server app1'],
    ]);
  });
});

describe('OVS: OVSDB and the kernel against the model', () => {
  const hv1 = renderExample()[0]!.site.devices.find((d) => d.name === 'hv1') as HypervisorDevice;
  const reads = (tables = 'ovs/hv1.tables.json') => {
    const [bridges, ports] = fixture(tables).split('\n').filter(Boolean);
    return {
      bridges: bridges!,
      ports: ports!,
      vxlan: fixture('ovs/hv1.vxlan.json'),
      flood: fixture('ovs/hv1.flood.txt'),
    };
  };

  it('GIVEN hv1 as the lab runs it THEN OVS and its tunnels are what the model says', () => {
    const running = ovsRunning(reads());
    expect(compare(OVS, ovsIntended(hv1.ovs), running)).toEqual([]);
    expect(running.find((s) => s.name === 'vxlan vxlan10010')!.lines).toEqual([
      'id 10010',
      'local 10.1.0.21',
      'dstport 4789',
      'mtu 1500',
      'up',
      'flood 10.1.0.22',
      'flood 10.1.0.23',
      'flood 10.1.0.24',
    ]);
  });

  it('GIVEN the tunnel port deleted (captured in the lab) THEN `port vxlan10010` is missing, major', () => {
    expect(
      compare(OVS, ovsIntended(hv1.ovs), ovsRunning(reads('ovs/hv1.tables-vxlan10010-deleted.json'))).map(
        (f) => [f.section, f.kind, f.severity],
      ),
    ).toEqual([['port vxlan10010', 'missing', 'major']]);
  });
});

describe('snmpd: the file in use', () => {
  it('GIVEN spine1 THEN the same; a community added by hand is extra', () => {
    const intended = normaliseSnmpd(fixture('snmpd/spine1.intended.conf'));
    expect(compare(SNMPD, intended, normaliseSnmpd(fixture('snmpd/spine1.running.conf')))).toEqual([]);
    const open = normaliseSnmpd(`${fixture('snmpd/spine1.running.conf')}rocommunity public default\n`);
    expect(brief(compare(SNMPD, intended, open))).toEqual([
      {
        section: 'community',
        kind: 'extra',
        severity: 'minor',
        intended: undefined,
        running: 'rocommunity public default',
      },
    ]);
  });
});
