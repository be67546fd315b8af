/**
 * `fabric whatif` reads a scenario's lost loopbacks and narrowed ECMP off what the incremental
 * simulation changed (src/whatif/table-deltas.ts) and a device's routes to an address through a
 * per-site index (`hasCovering`). This checks that the fast path answers as the straightforward
 * one does — every switch × loopback pair through the check kind's own derivation, every
 * device's every route, a scan of the routes per address — which whatif takes when the routing
 * is plain `Map`s instead of the simulation's table: on random small sites (test/support/
 * random-site.ts), for every single failure and for random double and triple failures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPipeline } from '../../src/pipeline.js';
import { deriveContext } from '../../src/verify/checks/index.js';
import { type FamilyRouting, type RoutingExpectation, simulateRouting } from '../../src/verify/routing.js';
import { analyseScenario, baselineOf, downOf, judge } from '../../src/whatif/analyse.js';
import { singleFailures } from '../../src/whatif/scenarios.js';
import { serviceState } from '../../src/whatif/services.js';
import type { Scenario } from '../../src/whatif/types.js';
import { buildSite, siteShape } from '../support/random-site.js';
import { tempDir } from '../support/tmp.js';

/** The same routing as plain maps, each family's: whatif then compares every pair and every route. */
function plain(r: RoutingExpectation): RoutingExpectation {
  const family = (f: FamilyRouting): FamilyRouting => ({
    sessions: f.sessions,
    received: f.received,
    nexthops: new Map([...f.nexthops].map(([device, routes]) => [device, new Map(routes)])),
  });
  return r.ipv6 ? { ...family(r), ipv6: family(r.ipv6) } : family(r);
}

function compile(shape: Parameters<typeof buildSite>[0]) {
  const dir = join(tempDir(), 'inventory');
  mkdirSync(dir);
  writeFileSync(join(dir, 'site.yaml'), stringify(buildSite(shape)));
  const r = runPipeline(dir);
  expect(r.inputErrors).toEqual([]);
  return r.model!.sites[0]!;
}

/** Several single failures at once: their devices and links together. */
function combined(picked: Scenario[]): Scenario {
  return {
    name: picked.map((s) => s.name).join('+'),
    kind: 'combined',
    devices: [...new Set(picked.flatMap((s) => s.devices))],
    links: [...new Set(picked.flatMap((s) => s.links))],
  };
}

describe('whatif fast path', () => {
  it('GIVEN random small sites WHEN every single failure and random multiple failures are analysed THEN the fast path gives the straightforward answer', () => {
    let compared = 0;
    let lostLoopbacks = 0;
    let narrowed = 0;
    let lostIpv6 = 0;
    fc.assert(
      fc.property(
        siteShape,
        fc.array(fc.array(fc.nat(), { minLength: 2, maxLength: 3 }), { maxLength: 6 }),
        (shape, picks) => {
          const site = compile(shape);
          const singles = singleFailures(site);
          const scenarios = [
            ...singles,
            ...picks.map((p) => combined(p.map((i) => singles[i % singles.length]!))),
          ];
          const base = baselineOf(site);
          const intact = plain(simulateRouting(site));
          const before = serviceState(deriveContext(site, undefined, intact));
          for (const s of scenarios) {
            const fast = analyseScenario(site, s, base);
            const ctx = deriveContext(site, downOf(s), intact);
            const slow = judge(s, before, { ...ctx, routing: plain(ctx.routing) });
            expect(fast, s.name).toEqual(slow);
            compared++;
            if (slow.impacts.some((i) => i.service === 'loopback')) lostLoopbacks++;
            if (slow.impacts.some((i) => i.service === 'ecmp')) narrowed++;
            if (slow.impacts.some((i) => i.detail.startsWith('IPv6 loopbacks lost'))) lostIpv6++;
          }
        },
      ),
      { numRuns: 15, seed: 10_005 },
    );
    // the property compared scenarios where loopbacks were lost and ECMP narrowed, not only survivors
    expect(compared).toBeGreaterThan(200);
    expect(lostLoopbacks).toBeGreaterThan(0);
    expect(narrowed).toBeGreaterThan(0);
    // and IPv6 loopbacks lost on the dual-stack and IPv6-only sites (issue 14)
    expect(lostIpv6).toBeGreaterThan(0);
  });
});
