/**
 * Anycast, the L4 side, in compile (issue 11, docs/active-active.md "Anycast: the L4 side"): what
 * the active-active fixture's L4 members announce, to whom and under which conditions, the
 * vRouters' side of the sessions, the times against the budget; and that an L4 pair no `gslb`
 * service names (the reference inventory) is unchanged: no FRR, no quorum.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANYCAST_BUDGET_MS, QUORUM_FILE_PREFIX } from '../../src/compile/anycast.js';
import { runPipeline } from '../../src/pipeline.js';
import { sessionKey, simulateRouting } from '../../src/verify/routing.js';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

describe('GIVEN the active-active fixture (www in aa-a and aa-b)', () => {
  const r = runPipeline(FIXTURE);
  const site = (name: string) => r.model!.sites.find((s) => s.name === name)!;
  const device = (s: string, d: string) => site(s).devices.find((x) => x.name === d)!;

  it('THEN each L4 member of aa-a announces the IPv4 VIP /32 to both vRouters, keeps the IPv6 one as /128 unannounced', () => {
    for (const name of ['lb1', 'lb2']) {
      const lb = device('aa-a', name);
      if (!('anycast' in lb)) throw new Error(`${name} has no anycast`);
      expect(lb.daemons).toContain('frr');
      expect(
        lb.anycast.announcements.map((a) => [a.family, a.prefix, a.vrrpInstance, a.quorum, a.announced]),
      ).toEqual([
        ['ipv4', '203.0.113.10/32', 'shop_vip_www', 1, true],
        ['ipv6', '2001:db8:100:10::10/128', 'shop_vip_www_v6', 1, false],
      ]);
      expect(lb.anycast.peers).toEqual([
        { device: 'vr1', address: '203.0.113.2', remoteAs: 65241 },
        { device: 'vr2', address: '203.0.113.3', remoteAs: 65242 },
      ]);
      expect(lb.frr.routerBgp.ipv4Unicast.redistributeConnected).toBe('ANYCAST-CONNECTED');
      expect(lb.frr.prefixLists[0]!.entries.map((e) => e.prefix)).toEqual(['203.0.113.10/32']);
    }
    expect((device('aa-a', 'lb1') as { frr: { routerBgp: { asn: number } } }).frr.routerBgp.asn).toBe(65251);
  });

  it('THEN the VIP instance holds a host route and tracks one quorum file per virtual server; each has alpha and quorum 1', () => {
    const lb = device('aa-a', 'lb1');
    if (!('anycast' in lb)) throw new Error('lb1 has no anycast');
    const ka = lb.keepalived;
    const vip = ka.vrrpInstances.find((i) => i.name === 'shop_vip_www')!;
    expect(vip.virtualIpaddress.map((v) => `${v.address}/${v.prefixLength} ${v.dev}`)).toEqual([
      '203.0.113.10/32 eth1',
    ]);
    expect(vip.trackFiles).toEqual(['shop_vip_www_443_quorum', 'shop_vip_www_80_quorum']);
    // the gateway of the real servers is not an anycast VIP: unchanged
    const gw = ka.vrrpInstances.find((i) => i.name === 'shop_lb_gw')!;
    expect(gw.trackFiles).toBeUndefined();
    expect(gw.virtualIpaddress[0]!.prefixLength).toBe(24);
    for (const vs of ka.virtualServers) {
      const file = `${QUORUM_FILE_PREFIX}${vs.family === 'ipv6' ? 'shop_vip_www_v6' : 'shop_vip_www'}_${vs.port}_quorum`;
      expect(vs.quorum).toEqual({
        count: 1,
        up: `/bin/sh -c 'echo 0 > ${file}'`,
        down: `/bin/sh -c 'echo 1 > ${file}'`,
      });
    }
    expect(ka.vrrpTrackFiles?.every((f) => f.initValue === 1)).toBe(true);
    // every VIP keepalived holds (the real servers' gateway too, on its prefix), the anycast VIP as a host address
    expect(ka.stopPost).toEqual([
      '/sbin/ip -4 addr del 10.20.1.1/24 dev eth2',
      '/sbin/ip -4 addr del 203.0.113.10/32 dev eth1',
      '/sbin/ip -6 addr del 2001:db8:20:1::1/64 dev eth2',
      '/sbin/ip -6 addr del 2001:db8:100:10::10/128 dev eth1',
      ...ka.vrrpTrackFiles!.map((f) => `/bin/sh -c 'echo 1 > ${f.file}'`),
    ]);
    expect(ka.vrrpTrackFiles).toHaveLength(4);
  });

  it('THEN each vRouter accepts the VIPs only from both L4 members, with BFD, and sends them nothing', () => {
    const vr = device('aa-a', 'vr1');
    if (!('frr' in vr)) throw new Error('vr1 has no FRR');
    const group = vr.frr.routerBgp.peerGroups.find((g) => g.name === 'L4-ANYCAST')!;
    expect(group).toMatchObject({
      bfdProfile: 'fabric',
      routeMapIn: 'L4-ANYCAST-IN',
      routeMapOut: 'L4-ANYCAST-OUT',
    });
    expect(
      vr.frr.routerBgp.neighbors.filter((n) => n.peerGroup === 'L4-ANYCAST').map((n) => [n.peer, n.remoteAs]),
    ).toEqual([
      ['203.0.113.11', 65251],
      ['203.0.113.12', 65252],
    ]);
    expect(vr.frr.prefixLists.find((l) => l.name === 'ANYCAST-VIPS')!.entries.map((e) => e.prefix)).toEqual([
      '203.0.113.10/32',
    ]);
    expect(vr.frr.routeMaps.find((m) => m.name === 'L4-ANYCAST-OUT')!.entries.map((e) => e.action)).toEqual([
      'deny',
    ]);
  });

  it('THEN the times: real servers out in 0.2 + 0.2 + 1 × (0.1 + 0.2) s + 100 ms = 800 ms, keepalived dead 100 ms, node silent 150 + 100 ms, each within 3000 ms', () => {
    const lb = device('aa-b', 'lb2');
    if (!('anycast' in lb)) throw new Error('lb2 of aa-b has no anycast');
    const { quorumLostMs, keepalivedDeadMs, nodeDeadMs, budget } = lb.anycast;
    expect([quorumLostMs, keepalivedDeadMs, nodeDeadMs, budget]).toEqual([800, 100, 250, ANYCAST_BUDGET_MS]);
    expect(lb.anycast.announcements[0]!.prefix).toBe('198.51.100.10/32');
    expect(r.model!.gslb!.services[0]!.anycast).toEqual({ quorum: 1, budget: 3000 });
  });

  it("THEN verify's route simulation has either member announce the VIP /32 to both vRouters (the backup after the master's failure), and the /32 stops at the vRouters", () => {
    // what verify expects of a healthy pair (the master's 1, the backup's 0) is in the golden
    // checks.txt: bgp-session:vr1:203.0.113.12 … 0 prefixes received
    // each site: the VIP, and lb1's and lb2's addresses on its segment (the vRouters' neighbors)
    for (const [s, vip, lb1, lb2] of [
      ['aa-a', '203.0.113.10/32', '203.0.113.11', '203.0.113.12'],
      ['aa-b', '198.51.100.10/32', '198.51.100.11', '198.51.100.12'],
    ] as const) {
      const routing = simulateRouting(site(s));
      for (const vr of ['vr1', 'vr2']) {
        expect(routing.received.get(sessionKey(vr, lb1)), `${s} ${vr} from lb1`).toEqual({
          certain: 1,
          possible: 1,
        });
        expect(routing.received.get(sessionKey(vr, lb2)), `${s} ${vr} from lb2`).toEqual({
          certain: 1,
          possible: 1,
        });
        expect(routing.nexthops.get(vr)?.has(vip)).toBe(true);
      }
      for (const beyond of ['leaf1a', 'spine1', 'edge1'])
        expect(routing.nexthops.get(beyond)?.has(vip), beyond).toBe(false);
    }
  });
});

describe('GIVEN the fixture with www declared without `anycast`', () => {
  it('THEN its L4 members announce nothing: no FRR, no quorum, the VIP on the segment prefix', () => {
    const dir = tempDir('fabric-anycast-off-');
    cpSync(FIXTURE, dir, { recursive: true });
    const file = join(dir, 'gslb.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^\s+anycast: .*$/m, ''));
    const r = runPipeline(dir);
    expect(r.model!.gslb!.services[0]!.anycast).toBeUndefined();
    const lb1 = r.model!.sites.find((s) => s.name === 'aa-a')!.devices.find((d) => d.name === 'lb1')!;
    expect('frr' in lb1).toBe(false);
    if (lb1.role !== 'l4lb') throw new Error('lb1 is no L4 member');
    expect(
      lb1.keepalived.vrrpInstances.find((i) => i.name === 'shop_vip_www')!.virtualIpaddress[0]!.prefixLength,
    ).toBe(27);
  });
});

describe('GIVEN the fixture with an anycast budget of 500 ms', () => {
  it('THEN each L4 member (800 ms when the real servers fail) is a budget-exceeded finding at anycast', () => {
    const dir = tempDir('fabric-anycast-budget-');
    cpSync(FIXTURE, dir, { recursive: true });
    const file = join(dir, 'gslb.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('budget: 3000 }', 'budget: 500 }'));
    const r = runPipeline(dir);
    const over = r.findings.filter(
      (f) => f.code === 'budget-exceeded' && f.message.includes('anycast budget'),
    );
    expect(over.map((f) => f.message.split(' may ')[0])).toEqual([
      'lb1 in aa-a',
      'lb2 in aa-a',
      'lb1 in aa-b',
      'lb2 in aa-b',
    ]);
    expect(over[0]!.message).toContain('for 800 ms');
    expect(over[0]!.path).toEqual(['gslb', 'services', 'www', 'anycast']);
  });
});

describe('GIVEN the reference inventory (no gslb service)', () => {
  it('THEN its L4 members run keepalived only, with no quorum and the VIP on the segment prefix', () => {
    const r = runPipeline(join(REPO, 'inventory'));
    const l4 = r.model!.sites.flatMap((s) => s.devices.filter((d) => d.role === 'l4lb'));
    expect(l4.length).toBeGreaterThan(0);
    for (const d of l4) {
      expect('frr' in d).toBe(false);
      expect(d.daemons).not.toContain('frr');
      if (d.role !== 'l4lb') continue;
      expect(d.keepalived.virtualServers.some((v) => v.quorum)).toBe(false);
      // the drop-in every keepalived gets: its VIPs on their segments' prefixes, no quorum file
      expect(d.keepalived.stopPost).toEqual(
        d.keepalived.vrrpInstances.flatMap((i) =>
          i.virtualIpaddress.map(
            (v) =>
              `/sbin/ip ${i.family === 'ipv6' ? '-6' : '-4'} addr del ${v.address}/${v.prefixLength} dev ${v.dev}`,
          ),
        ),
      );
      expect(d.keepalived.stopPost.some((c) => c.includes('/32 ') || c.includes('quorum'))).toBe(false);
    }
  });
});
