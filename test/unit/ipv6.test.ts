/**
 * IPv6 in the inventory (issue 14): the arithmetic of src/net/ipv6.ts, RFC 5952 printing, and the
 * allocation rule (pool `loopback6` + id, stable when devices are added), on the dual-stack
 * fixture (test/fixtures/dual-stack, idc-a made dual-stack).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Address6 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import {
  contains6,
  formatAddress6,
  notAHost6,
  nth6,
  overlaps6,
  parseAddress6,
  parsePrefix6,
} from '../../src/net/ipv6.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { tempDir } from '../support/tmp.js';

const DUAL_STACK = join(REPO, 'test', 'fixtures', 'dual-stack', 'inventory');

type Site = NonNullable<ReturnType<typeof runPipeline>['model']>['sites'][number];
type Device = Site['devices'][number];

function compile(dir: string): Site {
  const r = runPipeline(dir);
  expect(r.inputErrors.map((d) => d.message)).toEqual([]);
  return r.model!.sites[0]!;
}

const device = (site: Site, name: string): Device => site.devices.find((d) => d.name === name)!;
const lo6 = (d: Device) =>
  d.interfaces.find((i) => i.name === 'lo')?.addresses.find((a) => a.family === 'ipv6')?.address;

describe('IPv6 arithmetic (src/net/ipv6.ts)', () => {
  it('GIVEN addresses in any RFC 4291 form WHEN printed THEN they are in RFC 5952 form', () => {
    expect(formatAddress6(parseAddress6('2001:0DB8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    expect(formatAddress6(parseAddress6('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(formatAddress6(parseAddress6('2001:db8:0:1:1:1:1:1')!)).toBe('2001:db8:0:1:1:1:1:1');
    expect(parsePrefix6('2001:DB8:100:0010::/64')!.prefix.text).toBe('2001:db8:100:10::/64');
  });

  it('GIVEN any address WHEN printed THEN the text is ip-address’s RFC 5952 form, and parses back', () => {
    // groups are often zero, so that runs of zeros of every length and place are common
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    const address = fc
      .array(group, { minLength: 8, maxLength: 8 })
      .map((groups) => groups.reduce((n, g) => (n << 16n) | BigInt(g), 0n));
    fc.assert(
      fc.property(address, (n) => {
        const text = formatAddress6(n);
        expect(text).toBe(Address6.fromBigInt(n).correctForm());
        expect(parseAddress6(text)).toBe(n);
      }),
      { numRuns: 5000 },
    );
    expect(formatAddress6(0n)).toBe('::');
    expect(formatAddress6((1n << 128n) - 1n)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  it('GIVEN IPv4 text, a prefix or garbage WHEN parsed as an IPv6 address THEN it is refused', () => {
    expect(parseAddress6('10.1.0.1')).toBeUndefined();
    expect(parseAddress6('2001:db8::/64')).toBeUndefined();
    expect(parseAddress6('2001:db8:::1')).toBeUndefined();
    expect(parsePrefix6('2001:db8::/129')).toBeUndefined();
    expect(parsePrefix6('10.0.0.0/8')).toBeUndefined();
  });

  it('GIVEN a prefix with host bits WHEN parsed THEN its network is kept and the host bits are flagged', () => {
    const p = parsePrefix6('2001:db8:1::5/64')!;
    expect(p.hostBits).toBe(true);
    expect(p.prefix.text).toBe('2001:db8:1::/64');
    expect(parsePrefix6('2001:db8:1::/64')!.hostBits).toBe(false);
  });

  it('GIVEN prefixes WHEN compared THEN contains, overlaps and nth follow the bits', () => {
    const a = parsePrefix6('2001:db8:1::/48')!.prefix;
    const b = parsePrefix6('2001:db8:1:ff::/64')!.prefix;
    const c = parsePrefix6('2001:db8:2::/64')!.prefix;
    expect(overlaps6(a, b)).toBe(true);
    expect(overlaps6(b, a)).toBe(true);
    expect(overlaps6(a, c)).toBe(false);
    expect(contains6(a, parseAddress6('2001:db8:1:ff::9')!)).toBe(true);
    expect(contains6(c, parseAddress6('2001:db8:1:ff::9')!)).toBe(false);
    expect(formatAddress6(nth6(b, 11)!)).toBe('2001:db8:1:ff::b');
    const small = parsePrefix6('2001:db8::/126')!.prefix;
    expect(nth6(small, 3)).toBeDefined();
    expect(nth6(small, 4)).toBeUndefined();
  });

  it('GIVEN the all-zero address of a subnet WHEN checked as a host THEN it is the Subnet-Router anycast, except on a /127', () => {
    const p = parsePrefix6('2001:db8:20::/64')!.prefix;
    expect(notAHost6(p, p.network)).toMatch(/Subnet-Router anycast/);
    expect(notAHost6(p, p.network + 1n)).toBeUndefined();
    const link = parsePrefix6('2001:db8:ffff::/127')!.prefix;
    expect(notAHost6(link, link.network)).toBeUndefined();
  });
});

describe('IPv6 in the compiled model (dual-stack fixture)', () => {
  const site = compile(DUAL_STACK);

  it('GIVEN pools.loopback6 WHEN compiled THEN every routed device has network + id as its /128 loopback', () => {
    expect(lo6(device(site, 'leaf1a'))).toBe('2001:db8:1::b'); // id 11
    expect(lo6(device(site, 'hv1'))).toBe('2001:db8:1::15'); // id 21
    expect(lo6(device(site, 'vr1'))).toBe('2001:db8:1::29'); // id 41
    // one list, IPv4 first
    expect(device(site, 'leaf1a').interfaces.find((i) => i.name === 'lo')!.addresses).toEqual([
      { family: 'ipv4', address: '10.1.0.11', prefixLength: 32 },
      { family: 'ipv6', address: '2001:db8:1::b', prefixLength: 128 },
    ]);
    expect(lo6(device(site, 'app1'))).toBeUndefined(); // a VM has no loopback
  });

  it('GIVEN an address written long WHEN compiled THEN the model holds its RFC 5952 form', () => {
    expect(device(site, 'app1').defaultGateway6).toBe('2001:db8:20:2::1');
    const ip = site.ipPlan.map((e) => e.prefix);
    expect(ip).toContain('2001:db8:100:10::/64');
    expect(ip.filter((p) => /[A-F]|:0[0-9a-f]/.test(p))).toEqual([]);
  });

  it('GIVEN dual-stack and IPv6-only segments WHEN compiled THEN each carries the families it has', () => {
    const seg = (name: string) => site.segments.find((s) => s.name === name)!;
    expect(seg('app')).toMatchObject({ subnet: '10.20.2.0/24', ipv6: { subnet: '2001:db8:20:2::/64' } });
    expect(seg('data')).toMatchObject({ subnet: null, prefixLength: null, ipv6: { prefixLength: 64 } });
    const db1 = device(site, 'db1');
    expect(db1.defaultGateway).toBeNull();
    expect(db1.defaultGateway6).toBe('2001:db8:100:40::1');
    expect(db1.interfaces.find((i) => i.name === 'eth1')).toMatchObject({
      addresses: [{ family: 'ipv6', address: '2001:db8:100:40::75', prefixLength: 64 }],
    });
  });

  it('GIVEN an IPv4-only site WHEN compiled THEN its model has no IPv6 field at all', () => {
    const idcA = ipv4OnlySite('idc-a');
    // the GSLB server's model (dns1, issue 11) lists both families' addresses, empty when none:
    // new with it, not a field an IPv4-only site had before
    const json = JSON.stringify(idcA, (key, value) => (key === 'gdnsd' ? undefined : value));
    expect(json).not.toMatch(/addresses6|ipv6Unicast|defaultGateway6|"ipv6"/); // no "family":"ipv6" either
  });

  it('GIVEN a device added with a new id WHEN compiled THEN no existing IPv6 address changes', () => {
    const dir = tempDir();
    cpSync(DUAL_STACK, dir, { recursive: true });
    const fabric = join(dir, 'idc-ds-fabric.yaml');
    writeFileSync(
      fabric,
      `${readFileSync(fabric, 'utf8')}  leaf3a:\n    role: leaf\n    id: 15\n    rack: r3\n    uplinks: { eth1: spine1:eth15, eth2: spine2:eth15 }\n`,
    );
    const grown = compile(dir);
    for (const d of site.devices) expect(lo6(device(grown, d.name)), d.name).toBe(lo6(d));
    expect(lo6(device(grown, 'leaf3a'))).toBe('2001:db8:1::f');
  });
});

describe('IPv6 in FRR (dual-stack fixture)', () => {
  const site = compile(DUAL_STACK);
  const frr = (name: string) => {
    const d = device(site, name);
    if (!('frr' in d)) throw new Error(`${name} runs no FRR`);
    return d.frr;
  };

  it('GIVEN a dual-stack site WHEN compiled THEN every unnumbered group is activated in ipv6 unicast with its own route-maps', () => {
    const leaf = frr('leaf1a').routerBgp.ipv6Unicast!;
    expect(leaf.peerGroups.map((g) => `${g.name} ${g.routeMapIn} ${g.routeMapOut}`)).toEqual([
      'HOSTS HOSTS-V6-IN HOSTS-V6-OUT',
      'SPINES SPINES-V6-IN SPINES-V6-OUT',
    ]);
    expect(leaf.networks).toEqual(['2001:db8:1::b/128']);
    const hostRoutes = frr('leaf1a').prefixLists.find((l) => l.name === 'HOST-ROUTES-V6')!;
    expect(hostRoutes.family).toBe('ipv6');
    expect(hostRoutes.entries[0]).toMatchObject({ prefix: '2001:db8:1::/64', ge: 128, le: 128 });
  });

  it('GIVEN an upstream with address6/peer6 WHEN compiled THEN the IPv6 session is its own neighbor in an IPv6-only group', () => {
    const edge = frr('edge1');
    const v6 = edge.routerBgp.neighbors.find((n) => n.family === 'ipv6')!;
    expect(v6).toMatchObject({ peer: '2001:db8:ffff:1::', peerGroup: 'UPSTREAMS-V6', remoteAs: 64496 });
    expect(edge.routerBgp.peerGroups.find((g) => g.name === 'UPSTREAMS-V6')!.family).toBe('ipv6');
    const af = edge.routerBgp.ipv6Unicast!;
    expect(af.peerGroups.map((g) => g.name)).toEqual(['SPINES', 'UPSTREAMS-V6']); // not the IPv4 UPSTREAMS
    expect(af.networks).toEqual(['2001:db8:1::2/128']);
    // the site prefix holds the fixture's IPv6 segments: an aggregate, announced while one is routed
    expect(af.aggregates).toEqual(['2001:db8:100::/48']);
    expect(edge.prefixLists.find((l) => l.name === 'SITE-PREFIXES-V6')!.entries.map((e) => e.prefix)).toEqual(
      ['2001:db8:100::/48'],
    );
    expect(edge.staticRoutes.filter((r) => r.family === 'ipv6').map((r) => r.prefix)).toEqual([
      '2001:db8:100::/48',
    ]);
  });

  it('GIVEN the simulated upstream with full table towards us WHEN compiled THEN it originates ::/0 to our IPv6 session only', () => {
    const isp2 = frr('isp2').routerBgp;
    expect(isp2.ipv6Unicast!.defaultOriginate).toEqual(['2001:db8:ffff:2::1']);
    expect(isp2.ipv4Unicast.defaultOriginate).toEqual(['192.0.2.3']);
    const full = frr('edge2').prefixLists.find((l) => l.name === 'FULL-TABLE-V6')!;
    expect(full.entries.map((e) => `${e.action} ${e.prefix} le ${e.le}`)).toEqual([
      'deny 2001:db8:100::/48 le 128',
      'permit ::/0 le 48',
    ]);
  });

  it('GIVEN a vRouter on an IPv6-only segment WHEN compiled THEN it has the IPv6 address only and announces the subnet6', () => {
    const vr = frr('vr1');
    expect(vr.interfaces.find((i) => i.name === 'eth4')).toMatchObject({
      addresses: [{ family: 'ipv6', address: '2001:db8:100:40::2', prefixLength: 64 }],
    });
    expect(vr.routerBgp.ipv6Unicast!.networks).toContain('2001:db8:100:40::/64');
    expect(vr.routerBgp.ipv4Unicast.networks.some((n) => n.includes(':'))).toBe(false);
  });
});
