/**
 * The breadth-first eBGP simulation (src/verify/routing.ts) against the path-listing rounds it
 * replaced (test/support/reference-routing.ts), on random small fabrics: shared and distinct
 * ASes (loop rejection), parallel links, prefixes originated by several devices, route-maps that
 * deny some prefixes in or out, default-originate, and random failed devices and links (several
 * per fabric: the fast simulation derives each from its intact run, re-propagating from the
 * devices that lost a best path). Both must give the same sessions, the same accepted-prefix
 * counts and the same ECMP widths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { SiteModel } from '../../src/model/types.js';
import type { Down } from '../../src/verify/down.js';
import { type RoutingExpectation, simulateRouting } from '../../src/verify/routing.js';
import { referenceRouting } from '../support/reference-routing.js';

const PREFIXES = ['10.0.0.0/24', '10.0.1.0/24', '10.0.0.0/16', '10.0.1.128/25', '192.0.2.0/24', '0.0.0.0/0'];

interface Link {
  a: number;
  b: number;
}

interface FabricSpec {
  asns: number[];
  networks: number[][];
  links: Link[];
  /** Per link end (2 per link): the peer group (0 permits all, 1 filters in, 2 filters out). */
  groups: number[];
  /** Per link end: whether the device originates a default route to that neighbor. */
  defaults: boolean[];
  /** The filter's prefix-list: per prefix of PREFIXES, permit or deny (or no entry). */
  filter: ('permit' | 'deny' | null)[];
  /** Also match longer prefixes (`le 32`). */
  filterLe: boolean;
}

function siteOf(spec: FabricSpec) {
  const n = spec.asns.length;
  const ends: { iface: string; peer: number; peerIface: string; group: number; dflt: boolean }[][] =
    Array.from({ length: n }, () => []);
  spec.links.forEach(({ a, b }, k) => {
    ends[a]!.push({
      iface: `eth${k}a`,
      peer: b,
      peerIface: `eth${k}b`,
      group: spec.groups[2 * k]!,
      dflt: spec.defaults[2 * k]!,
    });
    ends[b]!.push({
      iface: `eth${k}b`,
      peer: a,
      peerIface: `eth${k}a`,
      group: spec.groups[2 * k + 1]!,
      dflt: spec.defaults[2 * k + 1]!,
    });
  });
  const entries = spec.filter.flatMap((action, i) =>
    action
      ? [{ seq: 10 * (i + 1), action, prefix: PREFIXES[i]!, ge: null, le: spec.filterLe ? 32 : null }]
      : [],
  );
  const devices = spec.asns.map((asn, i) => ({
    name: `d${i}`,
    role: 'leaf',
    failureDomain: [`d${i}`],
    interfaces: ends[i]!.map((e) => ({
      name: e.iface,
      addresses: [],
      peer: { device: `d${e.peer}`, interface: e.peerIface },
      kind: 'fabric',
    })),
    frr: {
      prefixLists: [{ name: 'PL', entries }],
      routeMaps: [
        { name: 'ANY', entries: [{ seq: 10, action: 'permit', matchPrefixList: null }] },
        { name: 'SOME', entries: [{ seq: 10, action: 'permit', matchPrefixList: 'PL' }] },
      ],
      routerBgp: {
        asn,
        routerId: '192.0.2.1',
        peerGroups: [
          { name: 'G0', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'ANY' },
          { name: 'G1', bfdProfile: null, routeMapIn: 'SOME', routeMapOut: 'ANY' },
          { name: 'G2', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'SOME' },
        ],
        neighbors: ends[i]!.map((e) => ({
          peer: e.iface,
          unnumbered: true,
          peerGroup: `G${e.group}`,
          remoteAs: 0,
          peerDevice: `d${e.peer}`,
        })),
        ipv4Unicast: {
          networks: spec.networks[i]!.map((p) => PREFIXES[p]!),
          maximumPaths: 16,
          defaultOriginate: ends[i]!.filter((e) => e.dflt).map((e) => e.iface),
        },
      },
    },
  }));
  return { name: 'random', devices } as unknown as DeepReadonly<SiteModel>;
}

/** The answer without the order of the maps: sorted entries. */
function plain(r: RoutingExpectation) {
  return {
    sessions: r.sessions,
    received: [...r.received].sort(([a], [b]) => a.localeCompare(b)),
    nexthops: [...r.nexthops]
      .map(([d, m]) => [d, [...m].sort(([a], [b]) => a.localeCompare(b))] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Fabrics of 2 to `maxDevices` devices and up to `maxLinks` links, with failures. */
const fabricsOf = (maxDevices: number, maxLinks: number) =>
  fc.integer({ min: 2, max: maxDevices }).chain((n) =>
    fc
      .record({
        asns: fc.array(fc.integer({ min: 65001, max: 65005 }), { minLength: n, maxLength: n }),
        networks: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: PREFIXES.length - 2 }), { maxLength: 2 }),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        links: fc.array(
          fc
            .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => ({ a, b })),
          { maxLength: maxLinks },
        ),
        filter: fc.array(fc.constantFrom('permit' as const, 'deny' as const, null), {
          minLength: PREFIXES.length,
          maxLength: PREFIXES.length,
        }),
        filterLe: fc.boolean(),
      })
      .chain((base) =>
        fc.record({
          spec: fc.record({
            ...Object.fromEntries(Object.entries(base).map(([k, v]) => [k, fc.constant(v)])),
            groups: fc.array(fc.integer({ min: 0, max: 2 }), {
              minLength: 2 * base.links.length,
              maxLength: 2 * base.links.length,
            }),
            defaults: fc.array(
              fc.integer({ min: 0, max: 6 }).map((x) => x === 0),
              {
                minLength: 2 * base.links.length,
                maxLength: 2 * base.links.length,
              },
            ),
          }) as fc.Arbitrary<FabricSpec>,
          // several failures of one fabric: each is simulated from the same intact run
          failures: fc.array(
            fc.record({
              devices: fc.subarray(
                Array.from({ length: n }, (_, i) => `d${i}`),
                { maxLength: Math.min(2, n) },
              ),
              links: fc.subarray(
                base.links.map((_, k) => `d${base.links[k]!.a}:eth${k}a`),
                { maxLength: Math.min(3, base.links.length) },
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
      ),
  );

const fabricArb = fabricsOf(8, 14);

describe('the breadth-first eBGP simulation', () => {
  it('GIVEN random small fabrics and failures THEN it answers exactly as the path-listing rounds', () => {
    fc.assert(
      fc.property(fabricArb, ({ spec, failures }) => {
        const site = siteOf(spec);
        for (const down of [
          undefined,
          ...failures.map((f): Down => ({ devices: new Set(f.devices), links: new Set(f.links) })),
        ])
          expect(plain(simulateRouting(site, down))).toEqual(plain(referenceRouting(site, down)));
      }),
      { numRuns: 250 },
    );
  });

  it('GIVEN larger random fabrics and failures (longer paths to re-propagate) THEN it answers as the rounds', () => {
    fc.assert(
      fc.property(fabricsOf(16, 30), ({ spec, failures }) => {
        const site = siteOf(spec);
        for (const down of [
          undefined,
          ...failures.map((f): Down => ({ devices: new Set(f.devices), links: new Set(f.links) })),
        ])
          expect(plain(simulateRouting(site, down))).toEqual(plain(referenceRouting(site, down)));
      }),
      { numRuns: 60 },
    );
  });

  it('GIVEN a wide fabric of one AS per device THEN more than 16 equal paths are cut as before', () => {
    // 2 edges of one AS each, 18 middles of their own AS: 18 distinct 3-AS paths from one edge to the other
    const middles = 18;
    const spec: FabricSpec = {
      asns: [65001, 65002, ...Array.from({ length: middles }, (_, i) => 65100 + i)],
      networks: [[0], [1], ...Array.from({ length: middles }, () => [])],
      links: Array.from({ length: middles }, (_, i) => [
        { a: 0, b: i + 2 },
        { a: 1, b: i + 2 },
      ]).flat(),
      groups: Array.from({ length: 4 * middles }, () => 0),
      defaults: Array.from({ length: 4 * middles }, () => false),
      filter: PREFIXES.map(() => null),
      filterLe: false,
    };
    const site = siteOf(spec);
    const fast = simulateRouting(site);
    expect(fast.nexthops.get('d0')?.get('10.0.1.0/24')).toEqual({ certain: 18, possible: 18 });
    expect(plain(fast)).toEqual(plain(referenceRouting(site)));
  });
});
