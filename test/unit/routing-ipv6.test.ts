/**
 * The eBGP simulation per address family (issue 14) on the dual-stack fixture (idc-a made
 * dual-stack, test/fixtures/dual-stack): which sessions carry IPv6, where IPv6 prefixes reach,
 * and what `fabric whatif` says when a failure breaks IPv6 only.
 */
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { SiteModel } from '../../src/model/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { loopback6Of, loopbackOf, speaksBgp } from '../../src/verify/checks/model.js';
import { sessionKey, simulateRouting } from '../../src/verify/routing.js';
import { analyseOne, analyseSite } from '../../src/whatif/analyse.js';
import type { Scenario } from '../../src/whatif/types.js';
import { DUAL_STACK, dualStackOneIpv6Upstream } from '../support/dual-stack.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';

type Site = DeepReadonly<SiteModel>;

function compile(dir: string): Site {
  const r = runPipeline(dir);
  expect(r.inputErrors.map((d) => d.message)).toEqual([]);
  return r.model!.sites[0]!;
}

const ds = compile(DUAL_STACK);
const SITE_PREFIX6 = '2001:db8:100::/48';

const fail = (devices: string[], links: string[] = []): Scenario => ({
  name: [...devices, ...links].join('+'),
  kind: 'combined',
  devices,
  links,
});

const details = (site: Site, scenario: Scenario) =>
  analyseOne(site, scenario).results[0]!.impacts.map((i) => `${i.severity} ${i.service}: ${i.detail}`);

describe('the IPv6 family of the routing simulation (dual-stack fixture)', () => {
  it('GIVEN the dual-stack site WHEN its sessions are paired per family THEN numbered sessions carry their own family only, unnumbered ones both', () => {
    const r = simulateRouting(ds);
    const v4 = new Set(r.sessions.map((s) => sessionKey(s.device, s.peer)));
    const v6 = new Set(r.ipv6!.sessions.map((s) => sessionKey(s.device, s.peer)));
    // the upstream link: an IPv4 session and an IPv6 session, each in its family
    expect(v4.has('edge1|192.0.2.0')).toBe(true);
    expect(v6.has('edge1|192.0.2.0')).toBe(false);
    expect(v6.has('edge1|2001:db8:ffff:1::')).toBe(true);
    expect(v4.has('edge1|2001:db8:ffff:1::')).toBe(false);
    expect(v6.has('isp1|2001:db8:ffff:1::1')).toBe(true);
    // every unnumbered session carries IPv6 too
    const unnumbered = [...v4].filter((k) => !/\|[\d.]+$/.test(k));
    expect(unnumbered.length).toBeGreaterThan(40);
    expect(unnumbered.filter((k) => !v6.has(k))).toEqual([]);
  });

  it('GIVEN the intact dual-stack site THEN every leaf reaches every IPv6 loopback, and every router each one it reaches over IPv4, as wide', () => {
    const r = simulateRouting(ds);
    const routers = ds.devices.filter(speaksBgp).filter((d) => d.managed);
    const targets = routers.filter((d) =>
      d.frr.routerBgp.ipv6Unicast?.networks.includes(`${loopback6Of(d)}/128`),
    );
    expect(targets.length).toBeGreaterThan(10);
    for (const d of routers)
      for (const t of targets) {
        if (t.name === d.name) continue;
        const six = r.ipv6!.nexthops.get(d.name)?.get(`${loopback6Of(t)}/128`);
        if (d.role === 'leaf') expect(six, `${d.name} → ${t.name}`).toBeDefined();
        // edge → edge: one AS, so neither family's route passes the loop check
        expect(six, `${d.name} → ${t.name}`).toEqual(r.nexthops.get(d.name)?.get(`${loopbackOf(t)}/32`));
      }
  });

  it('GIVEN the intact dual-stack site THEN both upstreams get the site IPv6 prefix, and the fabric their IPv6 default route', () => {
    const r = simulateRouting(ds);
    for (const isp of ['isp1', 'isp2']) expect(r.ipv6!.nexthops.get(isp)?.has(SITE_PREFIX6)).toBe(true);
    // over its IPv6 session an upstream accepts the site prefix, nothing else (SITE-PREFIXES-V6)
    expect(r.ipv6!.received.get('isp1|2001:db8:ffff:1::1')).toEqual({ certain: 1, possible: 1 });
    // and sends the edge its default route (default-originate in address-family ipv6 unicast)
    expect(r.ipv6!.nexthops.get('edge1')?.get('::/0')).toEqual({ certain: 1, possible: 1 });
    expect(r.ipv6!.nexthops.get('leaf1a')?.get('::/0')).toEqual({ certain: 2, possible: 2 });
    // no IPv4 prefix travels in the IPv6 family, and no IPv6 prefix in IPv4's
    expect([...r.ipv6!.nexthops.get('leaf1a')!.keys()].every((p) => p.includes(':'))).toBe(true);
    expect([...r.nexthops.get('leaf1a')!.keys()].some((p) => p.includes(':'))).toBe(false);
  });

  it('GIVEN an IPv4-only site THEN the simulation has no IPv6 family', () => {
    const idcA = ipv4OnlySite('idc-a');
    expect(simulateRouting(idcA).ipv6).toBeUndefined();
    expect(Object.keys(simulateRouting(idcA))).not.toContain('ipv6');
  });
});

describe('fabric whatif on IPv6 (dual-stack fixture)', () => {
  it('GIVEN the dual-stack site WHEN every single failure is analysed THEN none loses an IPv6 loopback or the IPv6 prefix upstream, and the IPv6 HTTP paths fare as the IPv4 ones', () => {
    const report = analyseSite(ds);
    const lines = report.results.flatMap((r) =>
      r.impacts.filter((i) => i.service !== 'ecmp').map((i) => i.detail),
    );
    const ipv6 = lines.filter((l) => l.startsWith('IPv6') || l.includes('2001:db8'));
    // the only IPv6 impacts are the http-path kind's IPv6 paths and the L4 VIPs' real servers,
    // each beside its IPv4 twin
    const ipv4Paths = lines
      .filter((l) => l.includes('://203.0.113.10/') || l.startsWith('203.0.113.10:'))
      .map((l) => l.replace('203.0.113.10', '[2001:db8:100:10::10]'));
    expect(ipv4Paths.length).toBeGreaterThan(0);
    expect(ipv6).toEqual(ipv4Paths);
  });

  it('GIVEN a site whose IPv6 reaches the internet through edge1 alone WHEN edge1 fails THEN IPv6 breaks (its prefix and its HTTP paths), IPv4 survives', () => {
    const site = compile(dualStackOneIpv6Upstream());
    const impacts = analyseOne(site, fail(['edge1'])).results[0]!;
    expect(impacts.verdict).toBe('breaks');
    const unreachable = (url: string) => ({
      severity: 'breaks',
      service: 'vip',
      detail: `${url} is reachable from no upstream`,
    });
    expect(impacts.impacts.filter((i) => i.severity === 'breaks')).toEqual([
      unreachable('http://[2001:db8:100:10::10]/'),
      unreachable('http://[2001:db8:100:10::10]/api/'),
      unreachable('https://[2001:db8:100:10::10]/'),
      unreachable('https://[2001:db8:100:10::10]/api/'),
      {
        severity: 'breaks',
        service: 'announce',
        // isp2 has no IPv6 session: it reached the prefix through isp1, it never carried it
        detail: `${SITE_PREFIX6} is routed from no upstream (was from isp1)`,
      },
    ]);
    // and edge2, whose upstream peers over IPv4 only, is no single point of failure
    expect(analyseOne(site, fail(['edge2'])).results[0]!.verdict).not.toBe('breaks');
    expect(analyseSite(site).singlePointsOfFailure).toEqual(expect.arrayContaining(['edge1']));
  });

  it('GIVEN a spine that does not activate IPv6 WHEN the other spine fails THEN IPv6 loopbacks are lost, named as IPv6, and no IPv4 one', () => {
    // the model edited as a device would be misconfigured: spine1 carries IPv4 only
    const site = structuredClone(ds) as SiteModel;
    const spine1 = site.devices.find((d) => d.name === 'spine1')!;
    if (!speaksBgp(spine1)) throw new Error('spine1 speaks BGP');
    spine1.frr.routerBgp.ipv6Unicast!.peerGroups = [];
    const lines = details(site, fail(['spine2']));
    expect(lines.filter((l) => l.includes('loopbacks lost'))).toEqual([
      expect.stringMatching(/^breaks loopback: IPv6 loopbacks lost: leaf1a → edge1, leaf1a → edge2, /),
    ]);
    // the same failure on the intact model loses no loopback of either family
    expect(details(ds, fail(['spine2'])).filter((l) => l.includes('loopbacks lost'))).toEqual([]);
  });

  it('GIVEN web1 down on the dual-stack site THEN the real servers left are reported for the IPv6 VIPs as for the IPv4 one', () => {
    expect(details(ds, fail(['web1'])).filter((l) => l.startsWith('degraded l4'))).toEqual([
      'degraded l4: 203.0.113.10:80: real servers web2 left of web1, web2',
      'degraded l4: 203.0.113.10:443: real servers web2 left of web1, web2',
      'degraded l4: [2001:db8:100:10::10]:80: real servers web2 left of web1, web2',
      'degraded l4: [2001:db8:100:10::10]:443: real servers web2 left of web1, web2',
    ]);
  });

  it('GIVEN both spines down on the dual-stack site THEN the loopbacks lost are reported per family, each named', () => {
    const lines = details(ds, fail(['spine1', 'spine2'])).filter((l) => l.includes('loopbacks lost'));
    expect(lines.map((l) => l.split(':')[1]!.trim())).toEqual(['IPv4 loopbacks lost', 'IPv6 loopbacks lost']);
  });

  it('GIVEN spine1 down on the dual-stack site THEN ECMP narrows in both families, each line naming its own', () => {
    const ecmp = details(ds, fail(['spine1'])).filter((l) => l.startsWith('degraded ecmp'));
    expect(ecmp).toEqual([
      expect.stringMatching(
        /^degraded ecmp: \d+ IPv4 routes on 6 devices narrowed \(e\.g\. edge1 → 10\.1\.0\.11\/32: 1 of 2\)$/,
      ),
      expect.stringMatching(
        /^degraded ecmp: \d+ IPv6 routes on 6 devices narrowed \(e\.g\. edge1 → 2001:db8:1::b\/128: 1 of 2\)$/,
      ),
    ]);
  });
});
