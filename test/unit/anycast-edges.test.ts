/**
 * Anycast, the edges (issue 11, docs/active-active.md "Anycast: the edges"): a service prefix
 * (`gslb.services.<s>.anycast.prefix`) lets the VIP host routes through the vRouters,
 * hypervisors and leaves to the edges, which announce the prefix upstream as an aggregate whose
 * only contributors are those host routes; the route simulation withdraws it when no VIP inside
 * is alive; bad input is located.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrrModel } from '../../src/model/frr.js';
import { runPipeline } from '../../src/pipeline.js';
import { moveText } from '../../src/report/whatif-sites.js';
import { advertiseStatusOf } from '../../src/verify/checks/conditional-advertisement.js';
import { deriveChecks } from '../../src/verify/checks/index.js';
import type { Down } from '../../src/verify/down.js';
import { sessionKey, simulateRouting } from '../../src/verify/routing.js';
import { analyseSiteLoss } from '../../src/whatif/sites.js';
import { anycastFixture } from '../support/anycast-fixture.js';

const PREFIX = '192.0.2.64/26';
const VIP = '192.0.2.80/32';

/** The anycast fixture with a text of its gslb file replaced. */
function fixtureWith(from: string, to: string): string {
  return anycastFixture((text) => {
    if (!text.includes(from)) throw new Error(`gslb.yaml: no ${from}`);
    return text.replace(from, to);
  });
}

describe('GIVEN the active-active fixture with service any (192.0.2.80 in aa-a and aa-b, prefix 192.0.2.64/26)', () => {
  const r = runPipeline(anycastFixture());
  const site = (name: string) => r.model!.sites.find((s) => s.name === name)!;
  const frr = (s: string, d: string) =>
    (site(s).devices.find((x) => x.name === d) as unknown as { frr: FrrModel }).frr;
  const list = (f: FrrModel, name: string) =>
    f.prefixLists.find((p) => p.name === name)!.entries.map((e) => `${e.prefix}${e.le ? ` le ${e.le}` : ''}`);

  it('THEN the inventory is valid: the VIP off its segment is no finding, nor a single point of failure', () => {
    expect(r.inputErrors).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.model!.gslb!.services.find((s) => s.name === 'any')!.anycast).toEqual({
      quorum: 1,
      budget: 3000,
      prefix: PREFIX,
    });
  });

  it('THEN each edge aggregates the service prefix (anchored by a blackhole) and announces it upstream, nothing longer', () => {
    for (const s of ['aa-a', 'aa-b'])
      for (const e of ['edge1', 'edge2']) {
        const f = frr(s, e);
        expect(f.routerBgp.ipv4Unicast.aggregates, `${s} ${e}`).toContain(PREFIX);
        expect(f.routerBgp.ipv4Unicast.networks).not.toContain(PREFIX);
        expect(f.staticRoutes.some((x) => x.prefix === PREFIX && x.nexthop === 'blackhole')).toBe(true);
        expect(list(f, 'SITE-PREFIXES')).toContain(PREFIX);
        expect(list(f, 'SITE-PREFIXES')).not.toContain(`${PREFIX} le 32`);
      }
  });

  it('THEN the VIP host routes pass the vRouters (out), the hypervisors (in) and the leaves (in)', () => {
    expect(list(frr('aa-a', 'vr1'), 'OWN-SEGMENTS')).toContain(`${PREFIX} le 32`);
    expect(list(frr('aa-a', 'hv1'), 'TENANT-PREFIXES')).toContain(`${PREFIX} le 32`);
    expect(list(frr('aa-a', 'leaf1a'), 'HOST-ROUTES')).toContain(`${PREFIX} le 32`);
  });

  it('THEN the vRouters send the VIP host routes only while they hold the default route (advertise-map), and nothing else does', () => {
    for (const s of ['aa-a', 'aa-b'])
      for (const d of site(s).devices) {
        if (!('frr' in d)) continue;
        const f = frr(s, d.name);
        const maps = f.routerBgp.peerGroups.flatMap((g) =>
          g.advertiseMap ? [[g.name, g.advertiseMap]] : [],
        );
        if (d.role !== 'vrouter') {
          expect(maps, `${s} ${d.name}`).toEqual([]);
          expect(f.routerBgp.conditionalAdvertisementTimer).toBeUndefined();
          continue;
        }
        expect(maps, `${s} ${d.name}`).toEqual([
          ['HYPERVISOR', { advertise: 'SERVICE-PREFIX-HOSTS', existMap: 'DEFAULT-ROUTE' }],
        ]);
        expect(f.routerBgp.conditionalAdvertisementTimer).toBe(5);
        expect(list(f, 'SERVICE-PREFIX-HOSTS')).toEqual([`${PREFIX} le 32`]);
        expect(list(f, 'DEFAULT-ONLY')).toEqual(['0.0.0.0/0']);
        const rm = (name: string) => f.routeMaps.find((m) => m.name === name)?.entries[0]?.matchPrefixList;
        expect(rm('SERVICE-PREFIX-HOSTS')).toBe('SERVICE-PREFIX-HOSTS');
        expect(rm('DEFAULT-ROUTE')).toBe('DEFAULT-ONLY');
      }
  });

  it('THEN verify expects each advertise-map advertising in the intact site and withdrawn in one without its edges', () => {
    const aa = site('aa-a');
    const states = (down?: Down) =>
      deriveChecks(aa, { ...(down ? { down } : {}) })
        .filter((e) => e.kind === 'conditional-advertisement')
        .map((e) => `${e.device} ${(e as { status: string }).status}`);
    expect(states()).toEqual(['vr1 Advertise', 'vr2 Advertise']);
    expect(states({ devices: new Set(['edge1', 'edge2']), links: new Set() })).toEqual([
      'vr1 Withdraw',
      'vr2 Withdraw',
    ]);
  });

  it('THEN the simulation carries the /32 to the edges and the prefix to the upstreams, and withdraws it with both L4 members down', () => {
    const aa = site('aa-a');
    const isp1 = frr('aa-a', 'isp1');
    const toEdge1 = isp1.routerBgp.neighbors.find((n) => n.peerDevice === 'edge1')!.peer;
    const intact = simulateRouting(aa);
    expect(intact.nexthops.get('edge1')?.has(VIP)).toBe(true);
    expect(intact.nexthops.get('isp1')?.has(PREFIX)).toBe(true);
    const before = intact.received.get(sessionKey('isp1', toEdge1))!;
    // one member down: the other announces (the pair's backup), the prefix stays
    const lb1Down = simulateRouting(aa, { devices: new Set(['lb1']), links: new Set() });
    expect(lb1Down.nexthops.get('isp1')?.has(PREFIX)).toBe(true);
    // both down: no VIP alive in aa-a, the edges withdraw the aggregate
    const bothDown = simulateRouting(aa, { devices: new Set(['lb1', 'lb2']), links: new Set() });
    expect(bothDown.nexthops.get('edge1')?.has(VIP)).toBe(false);
    expect(bothDown.nexthops.get('isp1')?.has(PREFIX)).toBe(false);
    expect(bothDown.received.get(sessionKey('isp1', toEdge1))!.certain).toBe(before.certain - 1);
  });
});

describe('GIVEN the fixture with service any WHEN whatif loses aa-a as a whole', () => {
  it('THEN any moves by its service prefix (no DNS move: one address), www by its DNS answer', () => {
    const model = runPipeline(anycastFixture()).model!;
    const r = analyseSiteLoss(model, { name: 'site:aa-a', sites: ['aa-a'] });
    const any = r.services.find((m) => m.service === 'any')!;
    expect(any).toMatchObject({ outcome: 'moves', left: ['aa-b'], prefix: PREFIX, overBudget: [] });
    expect(any.dns).toBeUndefined();
    expect(moveText(any, ['aa-a'])).toContain(
      "with the last VIP, aa-a's edges withdraw the service prefix 192.0.2.64/26 from the upstreams",
    );
    const www = r.services.find((m) => m.service === 'www')!;
    expect(www.prefix).toBeUndefined();
    expect(www.dns).toEqual({ dropMs: 5000, clientsFollowMs: 35000, budget: 10000 });
  });
});

describe('GIVEN bad service prefixes', () => {
  it("THEN a VIP outside the prefix is an input error at the site's vip", () => {
    const dir = fixtureWith('prefix: 192.0.2.64/26', 'prefix: 192.0.2.96/27');
    const r = runPipeline(dir);
    const e = r.inputErrors.filter((d) => d.code === 'anycast-vip-outside-prefix');
    expect(e.map((d) => d.path?.join('.'))).toEqual([
      'gslb.services.any.sites.aa-a.vip',
      'gslb.services.any.sites.aa-b.vip',
    ]);
    expect(e[0]!.message).toContain(
      'VIP 192.0.2.80 (shop/any in site aa-a) is outside the service prefix 192.0.2.96/27',
    );
    // at aa-a's `vip: any` under service any, the last such line of the file
    const lines = readFileSync(join(dir, 'gslb.yaml'), 'utf8').split('\n');
    const line = lines.findLastIndex((l) => l.includes('aa-a: { tenant: shop, vip: any }')) + 1;
    expect(e[0]!.location).toEqual({
      file: join(dir, 'gslb.yaml'),
      line,
      col: lines[line - 1]!.indexOf('any }') + 1,
    });
  });

  it("THEN a prefix that holds a site's segment is an input error at the prefix", () => {
    const dir = fixtureWith('prefix: 192.0.2.64/26', 'prefix: 203.0.113.0/24');
    const r = runPipeline(dir);
    const e = r.inputErrors.filter((d) => d.code === 'anycast-prefix-overlap');
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.path).toEqual(['gslb', 'services', 'any', 'anycast', 'prefix']);
    expect(e.map((d) => d.message).join('\n')).toContain(
      'overlaps segment shop/public 203.0.113.0/27 of site aa-a',
    );
  });

  it("THEN a prefix over an upstream's peering link and lab prefix is an input error naming them", () => {
    const r = runPipeline(fixtureWith('prefix: 192.0.2.64/26', 'prefix: 192.0.2.0/24'));
    const text = r.inputErrors.map((d) => d.message).join('\n');
    expect(text).toContain('overlaps the peering link of upstream isp1 192.0.2.0/31 of site aa-a');
    expect(text).toContain('overlaps the lab prefix of upstream isp1 192.0.2.128/26 of site aa-a');
  });

  it('THEN a prefix with host bits names the network meant', () => {
    const r = runPipeline(fixtureWith('prefix: 192.0.2.64/26', 'prefix: 192.0.2.80/26'));
    expect(r.inputErrors.map((d) => d.message)).toContain(
      '192.0.2.80/26 is not a network prefix: its host bits are set; did you mean 192.0.2.64/26?',
    );
  });

  it('THEN without the prefix, the VIP off its segment is a located finding again', () => {
    const r = runPipeline(fixtureWith('anycast: { prefix: 192.0.2.64/26 }', 'anycast: {}'));
    const off = r.findings.filter(
      (f) => f.code === 'address-outside-pool' && f.message.includes('192.0.2.80'),
    );
    expect(off.map((f) => f.site)).toEqual(['aa-a', 'aa-b']);
    expect(off[0]!.message).toBe(
      'VIP of any 192.0.2.80 is outside segment shop/public (203.0.113.0/27); give it an address inside 203.0.113.0/27',
    );
  });
});

describe("GIVEN FRR 8.4's `show bgp neighbors <peer> json`", () => {
  // the shape captured from the lab's vr1 (2026-12-06)
  const shown = (advertiseMap?: object) => ({
    eth1: {
      addressFamilyInfo: {
        ipv4Unicast: { routeMapForIncomingAdvertisements: 'HYPERVISOR-IN', advertiseMap },
      },
    },
  });
  it('THEN the advertise-map state is read, and its absence said', () => {
    const map = { condition: 'EXIST', conditionMap: 'DEFAULT-ROUTE', advertiseMap: 'SERVICE-PREFIX-HOSTS' };
    expect(advertiseStatusOf(shown({ ...map, advertiseStatus: 'Advertise' }), 'eth1')).toEqual({
      status: 'Advertise',
    });
    expect(advertiseStatusOf(shown({ ...map, advertiseStatus: 'Withdraw' }), 'eth1')).toEqual({
      status: 'Withdraw',
    });
    expect(advertiseStatusOf(shown(), 'eth1')).toEqual({
      error: 'eth1 has no advertise-map in IPv4 unicast',
    });
    expect(advertiseStatusOf(shown(), 'eth2')).toEqual({ error: 'no BGP neighbor eth2' });
    expect(advertiseStatusOf(null, 'eth1')).toEqual({ error: 'no BGP neighbor eth1' });
  });
});
