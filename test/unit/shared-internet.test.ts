/**
 * verify in the lab of both sites (src/verify/shared-internet.ts): the merged upstreams' identity
 * and what crosses the internet link, from every site of the lab. The numbers are those the lab of
 * both sites showed (docs/active-active.md): each upstream receives 3 prefixes over the internet
 * link in each family (its peer's own, aa-a's and aa-b's), where one site's model says 2.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveProbes } from '../../src/failover/probe-plan.js';
import { runPipeline } from '../../src/pipeline.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { sharedInternet } from '../../src/verify/shared-internet.js';
import { anycastFixture } from '../support/anycast-fixture.js';
import { REPO } from '../support/cli.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const sites = runPipeline(FIXTURE).model!.sites;
const site = (name: string) => sites.find((s) => s.name === name)!;
const shared = sharedInternet(sites)!;

/** An upstream's port toward the other upstream: the internet link's, from the upstream's model. */
function linkPort(siteName: string, upstream: string, other: string): string {
  const d = site(siteName).devices.find((x) => x.name === upstream) as {
    frr: { routerBgp: { neighbors: readonly { peer: string; peerDevice: string }[] } };
  };
  return d.frr.routerBgp.neighbors.find((n) => n.peerDevice === other)!.peer;
}

describe('GIVEN the lab of aa-a and aa-b (their upstreams merged)', () => {
  it("THEN each merged upstream's identity is the lab's (the first site's router-id) for both sites", () => {
    const isp1 = (s: string) =>
      deriveExpectations(site(s), { tool: 'verify', sharedInternet: shared }).find(
        (e) => e.id === 'bgp-identity:isp1',
      );
    expect(isp1('aa-a')).toMatchObject({ routerId: '192.0.2.0' });
    expect(isp1('aa-b')).toMatchObject({ routerId: '192.0.2.0' });
    // aa-b's own model says otherwise: the check it would fail on in the shared lab
    expect(deriveExpectations(site('aa-b')).find((e) => e.id === 'bgp-identity:isp1')).toMatchObject({
      routerId: '192.0.2.4',
    });
  });

  it("THEN the internet link carries both sites' prefixes and the peer upstream's own: 3 in each direction and family, where a site alone says 2", () => {
    for (const [a, b] of [
      ['isp1', 'isp2'],
      ['isp2', 'isp1'],
    ] as const) {
      const port = linkPort('aa-a', a, b);
      for (const family of ['ipv4', 'ipv6'] as const)
        expect(shared.linkPrefixes(a, port, b, family), `${a} ${family}`).toEqual({
          certain: 3,
          possible: 3,
        });
      const alone = deriveExpectations(site('aa-a')).find((e) => e.id === `bgp-session:${a}:${port}`);
      expect(alone).toMatchObject({ prefixes: { certain: 2, possible: 2 } });
      const inLab = deriveExpectations(site('aa-b'), { sharedInternet: shared }).find(
        (e) => e.id === `bgp-session:${a}:${port}`,
      );
      expect(inLab).toMatchObject({ prefixes: { certain: 3, possible: 3 } });
    }
  });

  it("THEN a site's own sessions to an upstream, and every other device, keep the site's expectations", () => {
    const edge = site('aa-b').devices.find((d) => d.name === 'edge1') as {
      frr: { routerBgp: { neighbors: readonly { peer: string; peerDevice: string }[] } };
    };
    const toIsp = edge.frr.routerBgp.neighbors.find((n) => n.peerDevice === 'isp1')!;
    expect(shared.linkPrefixes('edge1', toIsp.peer, 'isp1', 'ipv4')).toBeUndefined();
    expect(shared.identity('edge1')).toBeUndefined();
    const plain = deriveExpectations(site('aa-b'), { tool: 'verify' }).filter(
      (e) => e.device !== 'isp1' && e.device !== 'isp2',
    );
    const inLab = deriveExpectations(site('aa-b'), { tool: 'verify', sharedInternet: shared }).filter(
      (e) => e.device !== 'isp1' && e.device !== 'isp2',
    );
    expect(inLab).toEqual(plain);
  });

  it('THEN one site has no shared internet', () => {
    expect(sharedInternet([site('aa-a')])).toBeUndefined();
  });
});

describe('GIVEN the lab of both sites with `any`, one VIP (192.0.2.80) in aa-a and aa-b', () => {
  const anycastSites = runPipeline(anycastFixture()).model!.sites;
  const inLab = sharedInternet(anycastSites)!;
  const checksOf = (s: string, withLab: boolean) =>
    deriveExpectations(anycastSites.find((x) => x.name === s)!, {
      tool: 'verify',
      ...(withLab ? { sharedInternet: inLab } : {}),
    }).filter((e) => e.kind === 'http-path' && e.id.includes('192.0.2.80')) as unknown as {
      id: string;
      servers: string[];
      title: string;
    }[];

  it("THEN from the shared internet it is served by either site's servers: the upstreams' ECMP may pick either", () => {
    // rehearsal A (2026-12-06): isp2's hash picked aa-b for /api/, which aa-b does not route (404)
    const alone = checksOf('aa-a', false).map((e) => e.id);
    expect(alone).toContain('http:isp2:http://192.0.2.80/api/');
    for (const s of ['aa-a', 'aa-b']) {
      const checks = checksOf(s, true);
      const root = checks.find((e) => e.id === 'http:isp2:http://192.0.2.80/')!;
      expect(root.title).toMatch(
        new RegExp(`by ${s}'s app1/.* or ${s === 'aa-a' ? 'aa-b' : 'aa-a'}'s app1/.* \\(anycast\\)`),
      );
      // the union of both sites' web backends
      const own = checksOf(s, false).find((e) => e.id === 'http:isp2:http://192.0.2.80/')!;
      expect(root.servers).toEqual(expect.arrayContaining(own.servers));
      // a URL one site lacks is not asked of the shared internet
      expect(checks.map((e) => e.id)).not.toContain('http:isp2:http://192.0.2.80/api/');
    }
  });

  it("THEN lab failover's HTTP probes from the shared internet ask the anycast VIP only what either site answers", () => {
    const urls = (withLab: boolean) =>
      deriveProbes(anycastSites.find((x) => x.name === 'aa-a')!, withLab ? { sharedInternet: inLab } : {})
        .flatMap((p) => (p.kind === 'http' && p.device === 'isp2' ? p.urls.map((u) => u.url) : []))
        .filter((u) => u.includes('192.0.2.80'));
    expect(urls(false)).toContain('http://192.0.2.80/api/');
    expect(urls(true)).toEqual(['http://192.0.2.80/']);
  });

  it("THEN a site's own VIP (www: 203.0.113.10 in aa-a only) keeps its checks, /api/ among them", () => {
    const www = deriveExpectations(anycastSites.find((x) => x.name === 'aa-a')!, {
      tool: 'verify',
      sharedInternet: inLab,
    }).map((e) => e.id);
    expect(www).toContain('http:isp2:http://203.0.113.10/api/');
  });
});
