/**
 * The route simulation applies the vRouters' advertise-map (docs/active-active.md "Anycast: the
 * edges"): `neighbor HYPERVISOR advertise-map SERVICE-PREFIX-HOSTS exist-map DEFAULT-ROUTE`
 * sends the VIP host routes inside the service prefix only while the vRouter holds the default
 * route. On the active-active fixture with service `any` (192.0.2.80 in the prefix
 * 192.0.2.64/26): a site that loses its default route (upstreams down, edges cut off from them)
 * keeps the VIP /32 on its vRouters only; the incremental run of such a failure (whatif's) is
 * the full run of the fabric left.
 */
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { SiteModel } from '../../src/model/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { deriveChecks } from '../../src/verify/checks/index.js';
import type { Down } from '../../src/verify/down.js';
import { type FamilyRouting, sessionKey, simulateRouting } from '../../src/verify/routing.js';
import { analyseScenario, baselineOf } from '../../src/whatif/analyse.js';
import { parseFailures } from '../../src/whatif/scenarios.js';
import { anycastFixture } from '../support/anycast-fixture.js';

const VIP = '192.0.2.80/32';
const DEFAULT = '0.0.0.0/0';
/** Where the VIP goes from the vRouters while they hold the default route. */
const FABRIC = ['hv1', 'hv2', 'hv3', 'hv4', 'leaf1a', 'leaf1b', 'leaf2a', 'leaf2b', 'spine1', 'spine2'];

const down = (devices: string[], links: string[] = []): Down => ({
  devices: new Set(devices),
  links: new Set(links),
});

/** The devices whose routes hold the prefix. */
const holding = (r: FamilyRouting, prefix: string) =>
  [...r.nexthops].flatMap(([d, routes]) => (routes.has(prefix) ? [d] : [])).sort();

/** The answer without the order of the maps. */
function plain(r: FamilyRouting) {
  return {
    received: [...r.received].sort(([a], [b]) => a.localeCompare(b)),
    nexthops: [...r.nexthops]
      .map(([d, m]) => [d, [...m].sort(([a], [b]) => a.localeCompare(b))] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  };
}

describe('GIVEN aa-a of the active-active fixture with service any (its vRouters with an advertise-map)', () => {
  const model = runPipeline(anycastFixture()).model!;
  const aa = model.sites.find((s) => s.name === 'aa-a')!;
  /** The edges' links to the upstreams: `lab failover --site-loss`'s `edges` scenario. */
  const edgeUplinks = aa.devices
    .filter((d) => d.role === 'edge')
    .flatMap((d) =>
      d.interfaces.filter((i) => i.peer.device.startsWith('isp')).map((i) => `${d.name}:${i.name}`),
    );
  /** The site without some devices: its own intact run, the full simulation of the fabric left. */
  const without = (names: string[]): DeepReadonly<SiteModel> => ({
    ...aa,
    devices: aa.devices.filter((d) => !names.includes(d.name)),
  });
  /** hv1's session from vr1, as hv1 names it. */
  const hv1FromVr1 = () => {
    const hv1 = aa.devices.find((d) => d.name === 'hv1') as unknown as {
      frr: { routerBgp: { neighbors: { peer: string; peerDevice: string }[] } };
    };
    return sessionKey('hv1', hv1.frr.routerBgp.neighbors.find((n) => n.peerDevice === 'vr1')!.peer);
  };

  it('THEN intact, the vRouters hold the default route and the VIP /32 reaches the hypervisors, leaves, spines and edges', () => {
    const r = simulateRouting(aa);
    expect(holding(r, DEFAULT)).toEqual(expect.arrayContaining(['vr1', 'vr2']));
    expect(holding(r, VIP)).toEqual([...FABRIC, 'edge1', 'edge2', 'st1', 'st2', 'vr1', 'vr2'].sort());
  });

  it('WHEN both upstreams fail THEN no vRouter has a default route and the VIP /32 stays on the vRouters: off the hypervisors, leaves, spines and edges', () => {
    const r = simulateRouting(aa, down(['isp1', 'isp2']));
    expect(holding(r, DEFAULT)).toEqual([]);
    expect(holding(r, VIP)).toEqual(['vr1', 'vr2']);
    // the vRouters' other routes still go: hv1 receives from vr1 the VIP less than intact
    const key = hv1FromVr1();
    const intact = simulateRouting(aa).received.get(key)!;
    expect(r.received.get(key)).toEqual({ certain: intact.certain - 1, possible: intact.possible - 1 });
    expect(r.received.get(key)!.certain).toBeGreaterThan(0);
  });

  it('WHEN the edges are cut off from the upstreams (their links down) THEN the VIP /32 is withdrawn from the fabric as well', () => {
    expect(edgeUplinks).toHaveLength(2);
    const r = simulateRouting(aa, down([], edgeUplinks));
    expect(holding(r, DEFAULT)).toEqual([]);
    expect(holding(r, VIP)).toEqual(['vr1', 'vr2']);
  });

  it('WHEN one edge fails THEN the default route comes through the other and the VIP /32 stays everywhere', () => {
    const r = simulateRouting(aa, down(['edge1']));
    expect(holding(r, DEFAULT)).toEqual(expect.arrayContaining(['vr1', 'vr2']));
    expect(holding(r, VIP)).toEqual([...FABRIC, 'edge2', 'st1', 'st2', 'vr1', 'vr2'].sort());
  });

  it('THEN a failure that takes the default route away, run incrementally from the intact run, is the full run of the fabric left (which has no default route)', () => {
    for (const gone of [['isp1', 'isp2'], ['edge1', 'edge2'], ['isp1', 'isp2', 'lb1'], ['edge1']]) {
      const full = simulateRouting(without(gone));
      expect(plain(simulateRouting(aa, down(gone))), gone.join('+')).toEqual(plain(full));
    }
    // a fabric without a default route from the start keeps the VIP on its vRouters
    expect(holding(simulateRouting(without(['isp1', 'isp2'])), VIP)).toEqual(['vr1', 'vr2']);
  });

  it('THEN verify expects the advertise-maps withdrawn, and whatif reports the VIP lost at the edges, when the upstreams fail', () => {
    const states = deriveChecks(aa, { down: down(['isp1', 'isp2']) })
      .filter((e) => e.kind === 'conditional-advertisement')
      .map((e) => `${e.device} ${(e as { status: string }).status}`);
    expect(states).toEqual(['vr1 Withdraw', 'vr2 Withdraw']);
    const p = parseFailures(aa, ['isp1', 'isp2']);
    if (!('scenario' in p)) throw new Error(p.error);
    const details = analyseScenario(aa, p.scenario, baselineOf(aa)).impacts.map((i) => i.detail);
    expect(details).toContain('edge1 has no route to 192.0.2.80');
    expect(details).toContain('edge2 has no route to 192.0.2.80');
  });
});
