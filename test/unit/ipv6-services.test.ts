/**
 * IPv6 for the tenant services (issue 14): the compile decisions behind keepalived's VRRPv3 IPv6
 * instances, IPVS virtual servers of IPv6 VIPs and HAProxy's IPv6 binds, on the dual-stack
 * fixture (test/fixtures/dual-stack, idc-a made dual-stack), and their absence on IPv4-only sites.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vrrpInstanceName6, vrrpVrid } from '../../src/compile/allocate.js';
import { isIntendedMaster } from '../../src/compile/keepalived.js';
import { poolUsage } from '../../src/docs/ip-plan.js';
import { siteDocs } from '../../src/docs/site-docs.js';
import { ofFamily } from '../../src/model/address.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { DUAL_STACK, dualStackMgmt6, dualStackVrrp2WithAuth } from '../support/dual-stack.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { renderExample } from '../support/render.js';
import { tempDir } from '../support/tmp.js';

type Site = NonNullable<ReturnType<typeof runPipeline>['model']>['sites'][number];
type Device = Site['devices'][number];

function compile(dir: string): readonly Site[] {
  const r = runPipeline(dir);
  expect(r.inputErrors.map((d) => d.message)).toEqual([]);
  return r.model!.sites;
}

const ds = compile(DUAL_STACK)[0]!;
const device = (site: Site, name: string): Device => site.devices.find((d) => d.name === name)!;
const keepalived = (name: string) => {
  const d = device(ds, name);
  if (d.role !== 'vrouter' && d.role !== 'l4lb') throw new Error(`${name} runs no keepalived`);
  return d.keepalived;
};
const haproxy = (name: string) => {
  const d = device(ds, name);
  if (d.role !== 'l7lb') throw new Error(`${name} runs no HAProxy`);
  return d.haproxy;
};

describe('keepalived VRRPv3 for IPv6 (dual-stack fixture)', () => {
  it('GIVEN gateways with address6 WHEN compiled THEN each has its own IPv6 instance, the IPv6-only segment too', () => {
    const k = keepalived('vr1');
    expect(ofFamily(k.vrrpInstances, 'ipv4').map((i) => i.name)).toEqual(['shop_gw_app', 'shop_gw_public']);
    expect(ofFamily(k.vrrpInstances, 'ipv6').map((i) => [i.name, i.interface, i.virtualIpaddress])).toEqual([
      ['shop_gw_app_v6', 'eth3', [{ address: '2001:db8:20:2::1', prefixLength: 64, dev: 'eth3' }]],
      ['shop_gw_data_v6', 'eth4', [{ address: '2001:db8:100:40::1', prefixLength: 64, dev: 'eth4' }]],
      // written long in the inventory, printed in RFC 5952 form
      ['shop_gw_public_v6', 'eth2', [{ address: '2001:db8:100:10::1', prefixLength: 64, dev: 'eth2' }]],
    ]);
    // one family per instance: no IPv4 address in an IPv6 instance, nor the reverse
    for (const i of ofFamily(k.vrrpInstances, 'ipv6'))
      for (const a of i.virtualIpaddress) expect(a.address).toContain(':');
    for (const i of ofFamily(k.vrrpInstances, 'ipv4'))
      for (const a of i.virtualIpaddress) expect(a.address).not.toContain(':');
    // one list, IPv4 first: the order keepalived.conf lists them in
    expect(k.vrrpInstances.map((i) => i.family)).toEqual(['ipv4', 'ipv4', 'ipv6', 'ipv6', 'ipv6']);
  });

  it('GIVEN a dual-stack virtual address WHEN compiled THEN its IPv6 instance has the IPv4 one`s VRID, interface, priority and tracked interfaces', () => {
    for (const name of ['vr1', 'vr2', 'lb1', 'lb2']) {
      const k = keepalived(name);
      for (const v4 of ofFamily(k.vrrpInstances, 'ipv4')) {
        const v6 = k.vrrpInstances.find((i) => i.name === vrrpInstanceName6(v4.name));
        expect(v6, `${name} ${v4.name}`).toBeDefined();
        expect(v6?.family).toBe('ipv6');
        const { name: _a, family: _g, virtualIpaddress: _b, trackScripts: _e, ...same4 } = v4;
        const { name: _c, family: _h, virtualIpaddress: _d, trackScripts: _f, ...same6 } = v6!;
        expect(same6).toEqual(same4);
      }
    }
  });

  it('GIVEN a dual-stack gateway pair WHEN compiled THEN each instance tracks the BGP routes of its own family', () => {
    for (const name of ['vr1', 'vr2']) {
      const k = keepalived(name);
      expect(k.vrrpScripts.map((s) => [s.name, s.script])).toEqual([
        ['fabric_bgp_routes', "/bin/sh -c 'ip -4 route show proto bgp | grep -q .'"],
        ['fabric_bgp_routes_v6', "/bin/sh -c 'ip -6 route show proto bgp | grep -q .'"],
      ]);
      for (const i of ofFamily(k.vrrpInstances, 'ipv4'))
        expect(i.trackScripts, i.name).toEqual(['fabric_bgp_routes']);
      // the IPv6-only segment's instance too
      for (const i of ofFamily(k.vrrpInstances, 'ipv6'))
        expect(i.trackScripts, i.name).toEqual(['fabric_bgp_routes_v6']);
    }
    // the L4 balancers route statically: no script of either family
    for (const name of ['lb1', 'lb2']) {
      const k = keepalived(name);
      expect(k.vrrpScripts).toEqual([]);
      for (const i of k.vrrpInstances) expect(i.trackScripts).toEqual([]);
    }
  });

  it('GIVEN the instances of one device WHEN their VRIDs are listed per interface and family THEN none repeats', () => {
    for (const name of ['vr1', 'vr2', 'lb1', 'lb2']) {
      const k = keepalived(name);
      for (const list of [ofFamily(k.vrrpInstances, 'ipv4'), ofFamily(k.vrrpInstances, 'ipv6')]) {
        const keys = list.map((i) => `${i.interface}#${i.virtualRouterId}`);
        expect(new Set(keys).size, `${name}: ${keys.join(' ')}`).toBe(keys.length);
      }
    }
    expect(vrrpVrid({ vrid: 21 })).toBe(21);
  });

  it('GIVEN both families WHEN compiled THEN one sync group holds every instance, sorted', () => {
    expect(keepalived('vr1').vrrpSyncGroups).toEqual([
      {
        name: 'shop_gateway',
        instances: [
          'shop_gw_app',
          'shop_gw_app_v6',
          'shop_gw_data_v6',
          'shop_gw_public',
          'shop_gw_public_v6',
        ],
      },
    ]);
    expect(keepalived('lb2').vrrpSyncGroups).toEqual([
      {
        name: 'shop_balancer',
        instances: ['shop_lb_gw', 'shop_lb_gw_v6', 'shop_vip_www', 'shop_vip_www_v6'],
      },
    ]);
  });

  it('GIVEN the pair priorities WHEN compiled THEN the IPv6 master is the IPv4 master', () => {
    expect(ofFamily(keepalived('vr1').vrrpInstances, 'ipv6').every((i) => i.intendedMaster)).toBe(true);
    expect(ofFamily(keepalived('vr2').vrrpInstances, 'ipv6').some((i) => i.intendedMaster)).toBe(false);
  });

  it('GIVEN a priority tie WHEN the master is decided THEN the higher primary address wins, IPv6 addresses too', () => {
    expect(isIntendedMaster(100, (0x20010db8n << 96n) | 3n, 100, (0x20010db8n << 96n) | 2n)).toBe(true);
    expect(isIntendedMaster(100, 2n, 100, 3n)).toBe(false);
    expect(isIntendedMaster(100, 2, 150, 3)).toBe(false);
    expect(isIntendedMaster(100, 2n)).toBe(true);
  });
});

describe('VRRPv2 with a password on a dual-stack pair', () => {
  it('GIVEN defaults.vrrp.version 2 and routers.auth WHEN compiled THEN only the IPv4 instances carry the password (IPv6 is VRRPv3 only)', () => {
    const vr1 = device(compile(dualStackVrrp2WithAuth())[0]!, 'vr1');
    if (vr1.role !== 'vrouter') throw new Error('vr1 is a vRouter');
    expect(vr1.keepalived.globalDefs.vrrpVersion).toBe(2);
    expect(
      ofFamily(vr1.keepalived.vrrpInstances, 'ipv4').map((i) => i.authentication?.authPass.secret),
    ).toEqual(['shop-vrrp', 'shop-vrrp']);
    expect(ofFamily(vr1.keepalived.vrrpInstances, 'ipv6').map((i) => i.authentication)).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('IPVS and HAProxy for IPv6 VIPs (dual-stack fixture)', () => {
  it('GIVEN an L4 service with address6 WHEN compiled THEN an IPv6 virtual server per port sends to the real servers` IPv6 addresses', () => {
    const k = keepalived('lb1');
    expect(ofFamily(k.virtualServers, 'ipv4').map((v) => `${v.address} ${v.port}`)).toEqual([
      '203.0.113.10 80',
      '203.0.113.10 443',
    ]);
    expect(
      ofFamily(k.virtualServers, 'ipv6').map((v) => [
        v.address,
        v.port,
        v.realServers.map((r) => `${r.device} ${r.address} ${r.port}`),
      ]),
    ).toEqual([
      ['2001:db8:100:10::10', 80, ['web1 2001:db8:20:1::11 80', 'web2 2001:db8:20:1::12 80']],
      ['2001:db8:100:10::10', 443, ['web1 2001:db8:20:1::11 443', 'web2 2001:db8:20:1::12 443']],
    ]);
    // the same health check as the IPv4 servers: HAProxy's health frontend, which binds IPv6 too
    expect(ofFamily(k.virtualServers, 'ipv6')[0]?.realServers[0]?.check).toEqual(
      k.virtualServers[0]?.realServers[0]?.check,
    );
    // one list, IPv4 first
    expect(k.virtualServers.map((v) => v.family)).toEqual(['ipv4', 'ipv4', 'ipv6', 'ipv6']);
  });

  it('GIVEN an L7 balancer whose L4-facing NIC has address6 WHEN compiled THEN every frontend binds there too, and its rate limit tracks IPv6 clients', () => {
    const h = haproxy('web1');
    const www = h.frontends.find((f) => f.name === 'www')!;
    expect(ofFamily(www.binds, 'ipv6')).toEqual([
      // v6only: a reload hands the IPv6 sockets over only then (daemon-configs.test.ts)
      {
        family: 'ipv6',
        address: '2001:db8:20:1::11',
        port: 80,
        certificate: null,
        transparent: true,
        v6only: true,
      },
      {
        family: 'ipv6',
        address: '2001:db8:20:1::11',
        port: 443,
        certificate: '/etc/haproxy/certs/www.pem',
        transparent: true,
        v6only: true,
      },
    ]);
    expect(ofFamily(www.binds, 'ipv4').every((b) => !b.v6only)).toBe(true);
    expect(www.rateLimit?.tableType).toBe('ipv6');
    expect(h.health?.address6).toBe('2001:db8:20:1::11');
    // the backends stay IPv4: a proxy's servers need not speak the client's family
    expect(h.backends.flatMap((b) => b.servers.map((s) => s.address)).every((a) => !a.includes(':'))).toBe(
      true,
    );
  });
});

describe('IPv6 management (pools.mgmt6)', () => {
  it('GIVEN pools.mgmt6 WHEN compiled THEN every inventory device has pool + id beside its IPv4 address, in RFC 5952 form', () => {
    expect(ds.mgmt.ipv6).toEqual({ subnet: '2001:db8:18:1::/64', prefixLength: 64 });
    // id 41 = 0x29: the same offset as 198.18.1.41
    expect(device(ds, 'vr1').mgmt).toMatchObject({
      address: '198.18.1.41',
      ipv6: { address: '2001:db8:18:1::29', prefixLength: 64 },
    });
    expect(device(ds, 'app1').mgmt.ipv6?.address).toBe('2001:db8:18:1::47');
    for (const d of ds.devices)
      if (d.managed) expect(d.mgmt.ipv6?.address, d.name).toBe(`2001:db8:18:1::${d.id.toString(16)}`);
    // the simulated upstreams live on the lab's management network, which is IPv4 only
    expect(device(ds, 'isp1').mgmt.ipv6).toBeUndefined();
  });

  it('GIVEN IPv6 management WHEN snmpd is compiled and rendered THEN it listens on both addresses', () => {
    const edge1 = device(ds, 'edge1');
    expect(edge1.snmpd?.agentAddress6).toEqual({ address: '2001:db8:18:1::2', port: 161 });
    const conf = renderExample(DUAL_STACK)[0]!.rendered.files.find(
      (f) => f.device === 'edge1' && f.file === 'snmpd.conf',
    )!.content;
    // one agentAddress with both transports (net-snmp's comma list)
    expect(conf).toContain('agentAddress udp:198.18.1.2:161,udp6:[2001:db8:18:1::2]:161\n');
  });

  it('GIVEN IPv6 management and an SNMPv2c community WHEN rendered THEN the community is answered from pools.mgmt6 too (rocommunity6)', () => {
    const dir = dualStackMgmt6({ community: 'snmp-noc-community' });
    const secrets = join(tempDir(), 'secrets.yaml');
    writeFileSync(
      secrets,
      `${readFileSync(join(REPO, 'secrets.yaml'), 'utf8')}snmp-noc-community: lab-community-01\n`,
    );
    const [site] = renderExample(dir, secrets);
    expect(device(site!.site, 'edge1').snmpd?.community?.source6).toBe('2001:db8:18:1::/64');
    const conf = site!.rendered.files.find((f) => f.device === 'edge1' && f.file === 'snmpd.conf')!.content;
    expect(conf).toContain('rocommunity lab-community-01 198.18.1.0/24 -V fabric\n');
    expect(conf).toContain('rocommunity6 lab-community-01 2001:db8:18:1::/64 -V fabric\n');
  });

  it('GIVEN pools.mgmt6 WHEN the IP plan is compiled THEN it lists the pool and each device`s IPv6 management address', () => {
    expect(ds.ipPlan).toContainEqual({
      prefix: '2001:db8:18:1::/64',
      kind: 'pool',
      description: 'IPv6 management (network + id)',
    });
    expect(ds.ipPlan).toContainEqual({
      prefix: '2001:db8:18:1::29/64',
      kind: 'mgmt',
      device: 'vr1',
      interface: 'eth0',
      description: 'management',
    });
  });

  it('GIVEN pools.mgmt6 equal to pools.loopback6 WHEN checked THEN the overlap and each address used twice are findings, at the pool and at the ids', () => {
    const r = runPipeline(dualStackMgmt6({ mgmt6: '2001:db8:1::/64' }));
    expect(r.inputErrors).toEqual([]);
    const messages = r.findings.map((f) => `${f.code} ${f.message}`);
    expect(messages).toContain(
      'prefix-overlap pools.mgmt6 (2001:db8:1::/64) overlaps pools.loopback6 (2001:db8:1::/64)',
    );
    expect(messages).toContain(
      'duplicate-address 2001:db8:1::b is used twice: IPv6 management address of leaf1a and IPv6 loopback of leaf1a; give one of them another address',
    );
    // located at the device's id, the number both addresses derive from
    const dup = r.findings.find((f) => f.code === 'duplicate-address' && f.message.includes('of leaf1a'));
    expect(dup?.path).toEqual(['devices', 'leaf1a', 'id']);
    expect(dup?.location?.file).toMatch(/idc-ds-fabric\.yaml$/);
  });
});

describe('IPv4-only sites', () => {
  it('GIVEN the reference sites without their IPv6 WHEN compiled THEN no IPv6 service field exists at all', () => {
    for (const site of [ipv4OnlySite('idc-a'), ipv4OnlySite('idc-b')])
      for (const d of site.devices) {
        const text = JSON.stringify(d);
        for (const key of ['address6', 'agentAddress6', 'source6'])
          expect(text, `${site.name}/${d.name}`).not.toContain(`"${key}"`);
        // no instance, virtual server or bind of the IPv6 family
        expect(text, `${site.name}/${d.name}`).not.toContain('"family":"ipv6"');
        expect(text, `${site.name}/${d.name}`).not.toContain('fabric_bgp_routes_v6');
        expect(d.mgmt.ipv6, `${site.name}/${d.name}`).toBeUndefined();
        expect(text, `${site.name}/${d.name}`).not.toContain('"tableType":"ipv6"');
      }
  });
});

describe('fabric docs of a dual-stack site', () => {
  it('GIVEN IPv6 pools and segments in the IP plan WHEN the site docs are written THEN they are, with the IPv4 space sized and the IPv6 VIPs listed', () => {
    const docs = siteDocs({ site: ds, whatif: null, failover: null, acrossSites: null });
    const readme = docs.files.find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain('2001:db8:100:10::10/64');
    expect(poolUsage(ds).map((u) => u.entry.prefix)).toContain('10.20.1.0/24');
    expect(poolUsage(ds).some((u) => u.entry.prefix.includes(':'))).toBe(false);
  });
});
