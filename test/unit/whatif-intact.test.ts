/**
 * `fabric whatif` against the intact fabric as it is, not as it should be (src/whatif/intact.ts,
 * upstreams.ts): what the internet reaches is read off the upstreams' simulated routing, with no
 * lab-only key (`lab.originate`) needed, and what is broken with nothing failed is said once,
 * never blamed on each failure. The inventory: test/findings/vip-not-announced.yaml, whose public
 * VIP 203.0.113.10 is outside its announced 203.0.113.128/25.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { analyseOne, analyseSite, baselineOf } from '../../src/whatif/analyse.js';
import { intactBreaks } from '../../src/whatif/intact.js';
import { REPO } from '../support/cli.js';
import { singleFileInventory } from '../support/tmp.js';

const TEXT = readFileSync(join(REPO, 'test', 'findings', 'vip-not-announced.yaml'), 'utf8');
const URL = 'http://203.0.113.10/';

function site(edit: (text: string) => string = (t) => t) {
  const r = runPipeline(join(singleFileInventory('t.yaml', edit(TEXT)), 'inventory'));
  expect(r.inputErrors).toEqual([]);
  return r.model!.sites[0]!;
}

const announced = (t: string) => t.replace('announce: [203.0.113.128/25]', 'announce: [203.0.113.0/24]');

describe('whatif: the intact fabric as it is', () => {
  it('GIVEN upstreams without lab.originate and the VIP announced THEN its URL is reached from both, and losing both edges breaks it', () => {
    expect(TEXT).not.toContain('originate');
    const s = site(announced);
    expect([...baselineOf(s).services.urls.get(URL)!.from].sort()).toEqual(['isp1', 'isp2']);
    const both = analyseOne(s, {
      name: 'edge1+edge2',
      kind: 'combined',
      devices: ['edge1', 'edge2'],
      links: [],
    });
    expect(both.results[0]!.impacts).toContainEqual({
      severity: 'breaks',
      service: 'vip',
      detail: `${URL} is reachable from no upstream`,
    });
    expect(analyseSite(s).brokenIntact).toBeUndefined();
  });

  it('GIVEN the VIP outside every announced prefix THEN whatif says so once, as broken with nothing failed, and blames no failure for it', () => {
    const s = site();
    expect(baselineOf(s).services.urls.get(URL)!.from.size).toBe(0);
    const report = analyseSite(s);
    expect(report.brokenIntact).toEqual([
      expect.objectContaining({ service: 'vip', address: '203.0.113.10', notAnnounced: true }),
    ]);
    expect(report.brokenIntact![0]!.detail).toContain('prefixes.announce: 203.0.113.128/25');
    const blamed = report.results.filter((r) => r.impacts.some((i) => i.detail.includes('://203.0.113.10')));
    expect(blamed.map((r) => r.scenario.name)).toEqual([]);
    // the same site with the VIP announced: the same single points of failure
    expect(report.singlePointsOfFailure).toEqual(analyseSite(site(announced)).singlePointsOfFailure);
  });
});

describe('whatif: loopbacks the intact fabric does not route', () => {
  it('GIVEN a switch without a route to a loopback with nothing failed THEN that pair is an intact break', () => {
    const s = site(announced);
    const base = baselineOf(s);
    const { sources, targets } = base.services.loopbacks;
    const source = sources[0]!;
    const target = targets.find((t) => t.device !== source)!;
    expect(intactBreaks(s, base.services, base.routing)).toEqual([]);
    const route = `${target.address}/32`;
    const nexthops = new Map(
      [...base.routing.nexthops].map(([d, m]) => [
        d,
        d === source ? new Map([...m].filter(([p]) => p !== route)) : m,
      ]),
    );
    expect(intactBreaks(s, base.services, { ...base.routing, nexthops })).toEqual([
      {
        service: 'loopback',
        detail: `loopbacks not routed with nothing failed: ${source} → ${target.device}`,
        device: source,
      },
    ]);
  });
});
