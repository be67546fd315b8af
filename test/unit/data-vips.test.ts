/**
 * The data VIPs' own addresses (issue 12, docs/data-tier.md "Where the VIPs live"): the HAProxy
 * pair holds them itself with keepalived VRRP on the VIP's segment (the clients' one), one
 * instance per segment, tracking HAProxy, and binds them; budgets, redundancy groups and whatif
 * know the pair as a VRRP pair.
 */
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
      'ro: { role: read, segment: app, address: 10.20.2.41',
      `ro: { role: read, segment: ${segment}, address: ${address}`,
    ),
  );

describe('the data VIPs held by the HAProxy pair', () => {
  const site = siteOf(FIXTURE);
  const device = (name: string) => site.devices.find((x) => x.name === name)!;
  const keepalivedOf = (name: string) => {
    const d = device(name);
    if (!runsVrrp(d)) throw new Error(`${name} runs no keepalived`);
    return d.keepalived;
  };

  it('GIVEN data-a (cache rw/ro on app) THEN web1 and web2 run keepalived: one instance on app holding both VIPs, VRID 255, 150/100, tracking HAProxy', () => {
    for (const name of ['web1', 'web2']) expect(device(name).daemons).toContain('keepalived');
    const [w1] = keepalivedOf('web1').vrrpInstances;
    const [w2] = keepalivedOf('web2').vrrpInstances;
    expect(keepalivedOf('web1').vrrpInstances).toHaveLength(1);
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
    expect(keepalivedOf('web1').vrrpScripts).toEqual([HAPROXY_ALIVE_SCRIPT]);
    // one instance: no sync group (keepalived refuses a group of one)
    expect(keepalivedOf('web1').vrrpSyncGroups).toEqual([]);
    expect(keepalivedOf('web1').virtualServers).toEqual([]);
  });

  it('GIVEN web1 THEN each data frontend binds its VIP, and the kernel lets the backup bind it too', () => {
    const web2 = device('web2');
    if (!runsProxy(web2)) throw new Error('web2 runs no HAProxy');
    expect(web2.haproxy.tcpFrontends.map((f) => f.binds.map((b) => `${b.address}:${b.port}`))).toEqual([
      ['10.20.2.41:6380'],
      ['10.20.2.40:6379'],
    ]);
    expect(web2.sysctls).toContainEqual({ key: 'net.ipv4.ip_nonlocal_bind', value: '1' });
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
    expect(w1.keepalived.vrrpInstances.map((i) => [i.name, i.virtualRouterId])).toEqual([
      ['shop_data_app', 255],
      ['shop_data_lbnet', 255],
    ]);
    expect(w1.keepalived.vrrpSyncGroups).toEqual([
      { name: 'shop_data', instances: ['shop_data_app', 'shop_data_lbnet'] },
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
});
