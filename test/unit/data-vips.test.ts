/**
 * The data VIPs' own addresses (issue 12, docs/data-tier.md "Where the VIPs live"): the HAProxy
 * pair holds them itself with keepalived VRRP on the VIP's segment (the clients' one), one
 * instance per segment, tracking HAProxy, and binds them; budgets, redundancy groups and whatif
 * know the pair as a VRRP pair.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataVipPriority, dataVipVrid } from '../../src/compile/allocate.js';
import { HAPROXY_ALIVE_SCRIPT } from '../../src/compile/keepalived.js';
import { runsProxy, runsVrrp } from '../../src/model/runs.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { inventoryWith } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
const TENANTS = 'data-a-tenants.yaml';

const siteOf = (inventory: string) => runPipeline(inventory).model!.sites[0]!;
/** The fixture with the cache's read VIP moved to another segment. */
const readVipOn = (segment: string, address: string) =>
  inventoryWith(FIXTURE, TENANTS, (t) =>
    t.replace(
      'ro: { role: read, segment: app, address: 10.20.2.41, address6: 2001:db8:20:2::41',
      `ro: { role: read, segment: ${segment}, address: ${address}`,
    ),
  );
/** The fixture with the cache's write VIP's IPv6 address replaced. */
const writeVip6 = (address6: string) =>
  inventoryWith(FIXTURE, TENANTS, (t) =>
    t.replace('address6: 2001:db8:20:2::40,', `address6: '${address6}',`),
  );

describe('the data VIPs held by the HAProxy pair', () => {
  const site = siteOf(FIXTURE);
  const device = (name: string) => site.devices.find((x) => x.name === name)!;
  const keepalivedOf = (name: string) => {
    const d = device(name);
    if (!runsVrrp(d)) throw new Error(`${name} runs no keepalived`);
    return d.keepalived;
  };

  it('GIVEN data-a (cache rw/ro on app, dual-stack) THEN web1 and web2 run keepalived: an instance per family on app holding both VIPs, VRID 255, 150/100, tracking HAProxy, in one sync group', () => {
    for (const name of ['web1', 'web2']) expect(device(name).daemons).toContain('keepalived');
    const [w1, w1v6] = keepalivedOf('web1').vrrpInstances;
    const [w2] = keepalivedOf('web2').vrrpInstances;
    expect(keepalivedOf('web1').vrrpInstances).toHaveLength(2);
    expect(w1).toMatchObject({
      name: 'shop_data_app',
      family: 'ipv4',
      interface: 'eth2',
      virtualRouterId: 255,
      priority: 150,
      advertInt: site.timers.vrrp.advertS,
      segment: 'shop/app',
      peer: 'web2',
      intendedMaster: true,
      trackScripts: ['fabric_haproxy'],
    });
    expect(w1!.virtualIpaddress.map((a) => `${a.address}/${a.prefixLength} ${a.dev}`)).toEqual([
      '10.20.2.40/24 eth2',
      '10.20.2.41/24 eth2',
    ]);
    expect(w2).toMatchObject({ priority: 100, intendedMaster: false, virtualRouterId: 255 });
    // the IPv6 VIPs (address6): an instance of their own, the same VRID (VRRPv3 per family)
    expect(w1v6).toMatchObject({
      name: 'shop_data_app_v6',
      family: 'ipv6',
      interface: 'eth2',
      virtualRouterId: 255,
      priority: 150,
      intendedMaster: true,
      trackScripts: ['fabric_haproxy'],
      authentication: null,
    });
    expect(w1v6!.virtualIpaddress.map((a) => `${a.address}/${a.prefixLength} ${a.dev}`)).toEqual([
      '2001:db8:20:2::40/64 eth2',
      '2001:db8:20:2::41/64 eth2',
    ]);
    expect(keepalivedOf('web1').vrrpScripts).toEqual([HAPROXY_ALIVE_SCRIPT]);
    // both families move together; systemd deletes all four addresses after a dead keepalived
    expect(keepalivedOf('web1').vrrpSyncGroups).toEqual([
      { name: 'shop_data', instances: ['shop_data_app', 'shop_data_app_v6'] },
    ]);
    expect(keepalivedOf('web1').stopPost).toEqual([
      '/sbin/ip -4 addr del 10.20.2.40/24 dev eth2',
      '/sbin/ip -4 addr del 10.20.2.41/24 dev eth2',
      '/sbin/ip -6 addr del 2001:db8:20:2::40/64 dev eth2',
      '/sbin/ip -6 addr del 2001:db8:20:2::41/64 dev eth2',
    ]);
    expect(keepalivedOf('web1').virtualServers).toEqual([]);
  });

  it('GIVEN web1 THEN each data frontend binds its VIP, and the kernel lets the backup bind it too', () => {
    const web2 = device('web2');
    if (!runsProxy(web2)) throw new Error('web2 runs no HAProxy');
    expect(web2.haproxy.tcpFrontends.map((f) => f.binds.map((b) => `${b.address}:${b.port}`))).toEqual([
      ['10.20.2.41:6380', '2001:db8:20:2::41:6380'],
      ['10.20.2.40:6379', '2001:db8:20:2::40:6379'],
    ]);
    expect(web2.haproxy.tcpFrontends[0]!.binds[1]).toMatchObject({
      family: 'ipv6',
      transparent: true,
      v6only: true,
    });
    expect(web2.sysctls).toContainEqual({ key: 'net.ipv4.ip_nonlocal_bind', value: '1' });
    expect(web2.sysctls).toContainEqual({ key: 'net.ipv6.ip_nonlocal_bind', value: '1' });
    // a device holding no data VIP has no such setting
    expect(device('lb1').sysctls.some((s) => s.key === 'net.ipv4.ip_nonlocal_bind')).toBe(false);
  });

  it('GIVEN the pair THEN a redundancy group shop-data-vips and a data-vip budget: a silent master or a dead HAProxy, within budgets.data', () => {
    expect(site.redundancyGroups.find((g) => g.name === 'shop-data-vips')).toMatchObject({
      kind: 'vrrp-pair',
      members: ['web1', 'web2'],
      maxUnavailable: 1,
    });
    const b = site.budgets.find((x) => x.kind === 'data-vip')!;
    // the dead HAProxy: the script's next run (1 s) then the backup's skew (156/256 × 150 ms)
    expect(b).toMatchObject({ subject: 'shop-data-vips', expectedOutageMs: 1092, budgetMs: 5000, met: true });
    expect(b.timers).toMatchObject({ backupPriority: 100, scriptIntervalS: 1, scriptFall: 1 });
    // a hypervisor takes the VM: the silent master's 3 × advert + skew, not the script's second
    const hv = site.budgets.find((x) => x.kind === 'hypervisor' && x.members.includes('web1'))!;
    expect(hv.timers['data-vip:shop-data-vips']).toBe(542);
  });

  it('GIVEN the VRIDs THEN the highest free one on the segment; priorities from the members’ order', () => {
    expect(dataVipVrid(new Set([13]))).toBe(255);
    expect(dataVipVrid(new Set([255, 254, 13]))).toBe(253);
    expect(dataVipVrid(new Set(Array.from({ length: 255 }, (_, i) => i + 1)))).toBeNull();
    expect([0, 1, 2].map(dataVipPriority)).toEqual([150, 100, 90]);
  });

  it('GIVEN the vRouters’ gateway on app at VRID 255 THEN the data VIPs take 254', () => {
    const s = siteOf(
      inventoryWith(FIXTURE, TENANTS, (t) =>
        t.replace(/app: \{ vrid: \d+, address: 10\.20\.2\.1/, 'app: { vrid: 255, address: 10.20.2.1'),
      ),
    );
    const w1 = s.devices.find((x) => x.name === 'web1')!;
    if (!runsVrrp(w1)) throw new Error('web1 runs no keepalived');
    expect(w1.keepalived.vrrpInstances[0]!.virtualRouterId).toBe(254);
  });

  it('GIVEN a data VIP on lbnet and one on app THEN one instance per segment, both in the sync group shop_data', () => {
    const s = siteOf(readVipOn('lbnet', '10.20.1.41'));
    const w1 = s.devices.find((x) => x.name === 'web1')!;
    if (!runsVrrp(w1)) throw new Error('web1 runs no keepalived');
    // the read VIP moved without its address6: lbnet's instance is IPv4 only, app's has both
    expect(w1.keepalived.vrrpInstances.map((i) => [i.name, i.virtualRouterId])).toEqual([
      ['shop_data_app', 255],
      ['shop_data_lbnet', 255],
      ['shop_data_app_v6', 255],
    ]);
    expect(w1.keepalived.vrrpSyncGroups).toEqual([
      { name: 'shop_data', instances: ['shop_data_app', 'shop_data_app_v6', 'shop_data_lbnet'] },
    ]);
  });

  it('GIVEN an IPv6 data VIP outside app’s subnet6, or on another device’s address THEN located address findings, as for the IPv4 ones', () => {
    const outside = runPipeline(writeVip6('2001:db8:99::40')).findings.filter(
      (f) => f.code === 'address-outside-pool',
    );
    expect(outside.map((f) => f.path)).toEqual([
      ['tenants', 'shop', 'data', 'cache', 'vips', 'rw', 'address6'],
    ]);
    expect(outside[0]!.message).toBe(
      'IPv6 VIP rw of cache 2001:db8:99::40 is outside segment shop/app (2001:db8:20:2::/64); give it an address inside 2001:db8:20:2::/64',
    );
    // web1's own address on app
    const taken = runPipeline(writeVip6('2001:db8:20:2::2')).findings.filter(
      (f) => f.code === 'duplicate-address',
    );
    expect(taken.some((f) => f.path?.join('.').startsWith('tenants.shop.data.cache.vips.rw'))).toBe(true);
  });

  it('GIVEN an IPv6 data VIP on a segment without subnet6 THEN wrong-family at its address6, never an IPv6 instance without a prefix', () => {
    const r = runPipeline(
      inventoryWith(FIXTURE, TENANTS, (t) =>
        t.replace(
          'ro: { role: read, segment: app, address: 10.20.2.41, address6: 2001:db8:20:2::41',
          'ro: { role: read, segment: data, address: 10.20.3.41, address6: 2001:db8:20:3::41',
        ),
      ),
    );
    expect(r.model).toBeUndefined();
    expect(r.inputErrors.map((e) => [e.code, e.path, e.message])).toEqual([
      [
        'wrong-family',
        ['tenants', 'shop', 'data', 'cache', 'vips', 'ro', 'address6'],
        'segment shop/data has no IPv6 subnet (subnet6); remove address6 or give the segment one',
      ],
    ]);
  });

  it('GIVEN a data VIP on a segment web2 has no NIC on THEN data-vip-off-proxy names the segments the pair shares', () => {
    const r = runPipeline(readVipOn('public', '203.0.113.41'));
    const f = r.findings.filter((x) => x.code === 'data-vip-off-proxy');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('where web1 and web2 of the HAProxy pair have no NIC');
    expect(f[0]!.message).toContain('app or data or lbnet');
  });

  it('GIVEN web2 on web1’s hypervisor THEN one redundancy-shared-host, at the l7 group: the data-vips group has the same members', () => {
    const r = runPipeline(
      inventoryWith(FIXTURE, TENANTS, (t) => t.replace(/(\n {2}web2:\n(?:.*\n)*? {4}host: )hv3/, '$1hv1')),
    );
    const shared = r.findings.filter((x) => x.code === 'redundancy-shared-host');
    expect(shared.map((f) => f.message)).toEqual([
      expect.stringContaining('members of shop-l7 (web1, web2)'),
    ]);
  });

  it('GIVEN a VRRPv2 site and l7.auth THEN the data VIPs’ IPv4 instances carry the PASS key, the IPv6 ones none (VRRPv3)', () => {
    const dir = inventoryWith(FIXTURE, TENANTS, (t) =>
      t.replace(
        '    l7:\n      members: [web1, web2]',
        '    l7:\n      auth: { secret: shop-vrrp }\n      members: [web1, web2]',
      ),
    );
    const site = join(dir, 'data-a.yaml');
    writeFileSync(
      site,
      readFileSync(site, 'utf8').replace(
        'vrrp: { version: 3, advert_int: 0.15 }',
        'vrrp: { version: 2, advert_int: 1 }',
      ),
    );
    const r = runPipeline(dir);
    expect(r.inputErrors).toEqual([]);
    const web1 = r.model!.sites[0]!.devices.find((d) => d.name === 'web1')!;
    if (!runsVrrp(web1)) throw new Error('web1 runs no keepalived');
    expect(web1.keepalived.vrrpInstances.map((v) => [v.name, v.authentication])).toEqual([
      ['shop_data_app', { authType: 'PASS', authPass: { secret: 'shop-vrrp', use: 'vrrp-auth' } }],
      ['shop_data_app_v6', null],
    ]);
    // and on the default VRRPv3 site the same key is a finding at its place
    const v3 = runPipeline(
      inventoryWith(FIXTURE, TENANTS, (t) =>
        t.replace(
          '    l7:\n      members: [web1, web2]',
          '    l7:\n      auth: { secret: shop-vrrp }\n      members: [web1, web2]',
        ),
      ),
    );
    expect(v3.findings.filter((f) => f.code === 'vrrp-auth-v3').map((f) => f.path)).toEqual([
      ['tenants', 'shop', 'l7', 'auth'],
    ]);
  });
});
