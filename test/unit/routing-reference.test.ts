/**
 * The breadth-first eBGP simulation (src/verify/routing.ts) against the path-listing rounds it
 * replaced (test/support/reference-routing.ts), on random small fabrics: shared and distinct
 * ASes (loop rejection), parallel links, prefixes originated by several devices, route-maps that
 * deny some prefixes in or out, default-originate, and random failed devices and links (several
 * per fabric: the fast simulation derives each from its intact run, re-propagating from the
 * devices that lost a best path). Both must give the same sessions, the same accepted-prefix
 * counts and the same ECMP widths. The fabrics are dual-stack (issue 14): links are unnumbered
 * (both families where both ends activate the group in IPv6) or numbered in one family, and IPv6
 * has its own networks, route-maps, prefix-list and default-originate; each family must match.
 * Devices also aggregate prefixes (`aggregate-address`: announced only while a prefix inside is
 * in their table), nested ones too. With advertise-maps (FRR's conditional advertisement: what the
 * advertise-map permits goes to the group only while the sender holds the default route), the
 * rounds run twice: the first gives each device's state, the second denies what a withdrawn
 * group's advertise-map permits in its out route-map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { PeerGroup, SiteModel } from '../../src/model/types.js';
import type { Down } from '../../src/verify/down.js';
import { type FamilyRouting, simulateRouting } from '../../src/verify/routing.js';
import { referenceRouting } from '../support/reference-routing.js';

const PREFIXES = ['10.0.0.0/24', '10.0.1.0/24', '10.0.0.0/16', '10.0.1.128/25', '192.0.2.0/24', '0.0.0.0/0'];
/** IPv6's, likewise nested, the default route last. */
const PREFIXES6 = [
  '2001:db8::/48',
  '2001:db8:0:1::/64',
  '2001:db8::/32',
  '2001:db8:0:1:8000::/65',
  '2001:db8:1::1/128',
  '::/0',
];

interface Link {
  a: number;
  b: number;
  /** Unnumbered (both families, IPv6 where activated), or a numbered session of one family. */
  kind?: 'unnumbered' | 'ipv4' | 'ipv6';
}

interface FabricSpec {
  asns: number[];
  networks: number[][];
  /** Per device: the prefixes (of PREFIXES, and of PREFIXES6 in IPv6) it aggregates. */
  aggregates?: number[][];
  links: Link[];
  /** Per link end (2 per link): the peer group (0 permits all, 1 filters in, 2 filters out). */
  groups: number[];
  /** Per link end: whether the device originates a default route to that neighbor. */
  defaults: boolean[];
  /** The filter's prefix-list: per prefix of PREFIXES, permit or deny (or no entry). */
  filter: ('permit' | 'deny' | null)[];
  /** Also match longer prefixes (`le 32`). */
  filterLe: boolean;
  /** IPv6, per device: its networks (of PREFIXES6), and per group whether it is activated (none: no IPv6 family). */
  networks6?: number[][];
  active6?: boolean[][];
  /** Per link end: whether the device originates an IPv6 default route to that neighbor. */
  defaults6?: boolean[];
  /** The IPv6 filter's prefix-list, per prefix of PREFIXES6 (`le 128` with `filterLe`). */
  filter6?: ('permit' | 'deny' | null)[];
  /**
   * The advertise-map's prefix-list, per prefix of PREFIXES but the default route (`le 32` with
   * `advertiseLe`), for groups 3 (out: all) and 4 (out: the filter), whose advertise-map sends what
   * it permits only while the sender holds the default route (exist-map DEFAULT-ROUTE).
   */
  advertise?: ('permit' | 'deny' | null)[];
  advertiseLe?: boolean;
}

/** The groups of `siteOf`: 0 permits all, 1 filters in, 2 filters out, 3 and 4 as 0 and 2 with an advertise-map. */
const GROUPS = 5;

/** Numbered link `k`'s two addresses in a family, end a's first. */
function numbered(k: number, kind: 'ipv4' | 'ipv6'): [string, string] {
  return kind === 'ipv4' ? [`10.200.${k}.0`, `10.200.${k}.1`] : [`2001:db8:ff:${k}::`, `2001:db8:ff:${k}::1`];
}

interface End {
  iface: string;
  peer: number;
  peerIface: string;
  group: number;
  dflt: boolean;
  dflt6: boolean;
  kind: 'unnumbered' | 'ipv4' | 'ipv6';
  /** A numbered end's address and its peer's. */
  mine?: string;
  theirs?: string;
}

function siteOf(spec: FabricSpec) {
  const n = spec.asns.length;
  const ends: End[][] = Array.from({ length: n }, () => []);
  spec.links.forEach(({ a, b, kind = 'unnumbered' }, k) => {
    const [at, bt] = kind === 'unnumbered' ? [undefined, undefined] : numbered(k, kind);
    const end = (
      i: number,
      peer: number,
      x: 'a' | 'b',
      y: 'a' | 'b',
      mine?: string,
      theirs?: string,
    ): End => ({
      iface: `eth${k}${x}`,
      peer,
      peerIface: `eth${k}${y}`,
      group: spec.groups[i]!,
      dflt: spec.defaults[i]!,
      dflt6: spec.defaults6?.[i] ?? false,
      kind,
      ...(mine && theirs ? { mine, theirs } : {}),
    });
    ends[a]!.push(end(2 * k, b, 'a', 'b', at, bt));
    ends[b]!.push(end(2 * k + 1, a, 'b', 'a', bt, at));
  });
  const listOf = (prefixes: string[], filter: FabricSpec['filter'], le: number) =>
    filter.flatMap((action, i) =>
      action
        ? [{ seq: 10 * (i + 1), action, prefix: prefixes[i]!, ge: null, le: spec.filterLe ? le : null }]
        : [],
    );
  const entries = listOf(PREFIXES, spec.filter, 32);
  const advertised = (spec.advertise ?? []).flatMap((action, i) =>
    action
      ? [{ seq: 10 * (i + 1), action, prefix: PREFIXES[i]!, ge: null, le: spec.advertiseLe ? 32 : null }]
      : [],
  );
  const advertiseMap = { advertise: 'ADV', existMap: 'DEFAULT-ROUTE' };
  const entries6 = listOf(PREFIXES6, spec.filter6 ?? [], 128);
  const devices = spec.asns.map((asn, i) => ({
    name: `d${i}`,
    role: 'leaf',
    failureDomain: [`d${i}`],
    interfaces: ends[i]!.map((e) => ({
      name: e.iface,
      addresses:
        e.kind === 'unnumbered'
          ? []
          : [{ family: e.kind, address: e.mine!, prefixLength: e.kind === 'ipv4' ? 31 : 127 }],
      peer: { device: `d${e.peer}`, interface: e.peerIface },
      kind: 'fabric',
    })),
    frr: {
      prefixLists: [
        { name: 'PL', entries },
        { name: 'PL-V6', family: 'ipv6', entries: entries6 },
        { name: 'ADV-PL', entries: advertised },
        {
          name: 'DEFAULT-ONLY',
          entries: [{ seq: 10, action: 'permit', prefix: '0.0.0.0/0', ge: null, le: null }],
        },
      ],
      routeMaps: [
        { name: 'ANY', entries: [{ seq: 10, action: 'permit', matchPrefixList: null }] },
        { name: 'SOME', entries: [{ seq: 10, action: 'permit', matchPrefixList: 'PL' }] },
        { name: 'ADV', entries: [{ seq: 10, action: 'permit', matchPrefixList: 'ADV-PL' }] },
        { name: 'DEFAULT-ROUTE', entries: [{ seq: 10, action: 'permit', matchPrefixList: 'DEFAULT-ONLY' }] },
        { name: 'ANY-V6', family: 'ipv6', entries: [{ seq: 10, action: 'permit', matchPrefixList: null }] },
        {
          name: 'SOME-V6',
          family: 'ipv6',
          entries: [{ seq: 10, action: 'permit', matchPrefixList: 'PL-V6' }],
        },
      ],
      routerBgp: {
        asn,
        routerId: '192.0.2.1',
        peerGroups: [
          { name: 'G0', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'ANY' },
          { name: 'G1', bfdProfile: null, routeMapIn: 'SOME', routeMapOut: 'ANY' },
          { name: 'G2', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'SOME' },
          { name: 'G3', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'ANY', advertiseMap },
          { name: 'G4', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'SOME', advertiseMap },
        ],
        neighbors: ends[i]!.map((e) => ({
          peer: e.theirs ?? e.iface,
          unnumbered: e.kind === 'unnumbered',
          peerGroup: `G${e.group}`,
          remoteAs: 0,
          peerDevice: `d${e.peer}`,
          ...(e.kind === 'ipv6' ? { family: 'ipv6' } : {}),
        })),
        ipv4Unicast: {
          networks: spec.networks[i]!.map((p) => PREFIXES[p]!),
          aggregates: (spec.aggregates?.[i] ?? []).map((p) => PREFIXES[p]!),
          maximumPaths: 16,
          defaultOriginate: ends[i]!.filter((e) => e.dflt && e.kind !== 'ipv6').map(
            (e) => e.theirs ?? e.iface,
          ),
        },
        ...(spec.active6?.[i]?.some((x) => x)
          ? {
              ipv6Unicast: {
                networks: (spec.networks6?.[i] ?? []).map((p) => PREFIXES6[p]!),
                aggregates: (spec.aggregates?.[i] ?? []).map((p) => PREFIXES6[p]!),
                maximumPaths: 16,
                defaultOriginate: ends[i]!.filter((e) => e.dflt6 && e.kind !== 'ipv4').map(
                  (e) => e.theirs ?? e.iface,
                ),
                peerGroups: spec.active6[i]!.flatMap((on, g) =>
                  on
                    ? [
                        {
                          name: `G${g}`,
                          routeMapIn: g === 1 ? 'SOME-V6' : 'ANY-V6',
                          routeMapOut: g === 2 || g === 4 ? 'SOME-V6' : 'ANY-V6',
                        },
                      ]
                    : [],
                ),
              },
            }
          : {}),
      },
    },
  }));
  return { name: 'random', devices } as unknown as DeepReadonly<SiteModel>;
}

/** The answer without the order of the maps: sorted entries. */
function plain(r: FamilyRouting | undefined) {
  if (!r) return undefined;
  return {
    sessions: r.sessions,
    received: [...r.received].sort(([a], [b]) => a.localeCompare(b)),
    nexthops: [...r.nexthops]
      .map(([d, m]) => [d, [...m].sort(([a], [b]) => a.localeCompare(b))] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  };
}

/**
 * The site as it routes once the advertise-maps' states are known from `first` (the rounds with
 * every advertise-map advertising, which route the default route as the second run does: no
 * advertise-map permits it): a device without the default route has, in each group with an
 * advertise-map, an out route-map that denies what the advertise-map permits first. Undefined
 * when no neighbor of such a device is in such a group (nothing to run again).
 */
function withConditions(
  site: ReturnType<typeof siteOf>,
  first: FamilyRouting,
): ReturnType<typeof siteOf> | undefined {
  type Device = {
    name: string;
    frr: {
      routeMaps: { name: string; entries: object[] }[];
      routerBgp: { peerGroups: PeerGroup[]; neighbors: { peerGroup: string }[] };
    };
  };
  let withdrawn = false;
  const devices = (site.devices as unknown as Device[]).map((d) => {
    if (first.nexthops.get(d.name)?.has('0.0.0.0/0')) return d;
    const conditional = new Set(d.frr.routerBgp.peerGroups.flatMap((g) => (g.advertiseMap ? [g.name] : [])));
    if (!d.frr.routerBgp.neighbors.some((n) => conditional.has(n.peerGroup))) return d;
    withdrawn = true;
    const less = (name: string) => `${name}-LESS-ADV`;
    const routeMaps = d.frr.routeMaps.flatMap((m) =>
      m.name === 'ANY' || m.name === 'SOME'
        ? [
            m,
            {
              name: less(m.name),
              entries: [{ seq: 5, action: 'deny', matchPrefixList: 'ADV-PL' }, ...m.entries],
            },
          ]
        : [m],
    );
    const peerGroups = d.frr.routerBgp.peerGroups.map((g) =>
      g.advertiseMap ? { ...g, routeMapOut: less(g.routeMapOut) } : g,
    );
    return { ...d, frr: { ...d.frr, routeMaps, routerBgp: { ...d.frr.routerBgp, peerGroups } } };
  });
  return withdrawn ? ({ ...site, devices } as unknown as ReturnType<typeof siteOf>) : undefined;
}

/** Each family's answer is the path-listing rounds'; IPv6's exists where a device routes it. */
function expectSame(site: ReturnType<typeof siteOf>, down?: Down) {
  const fast = simulateRouting(site, down);
  const first = referenceRouting(site, down);
  const conditioned = withConditions(site, first);
  expect(plain(fast)).toEqual(plain(conditioned ? referenceRouting(conditioned, down) : first));
  const six = referenceRouting(site, down, 'ipv6');
  if (fast.ipv6) expect(plain(fast.ipv6)).toEqual(plain(six));
  else expect(six.sessions).toEqual([]);
}

/**
 * Fabrics of 2 to `maxDevices` devices and up to `maxLinks` links, with failures; `conditional`:
 * with the advertise-map groups too, and default routes more often (their loss flips states).
 */
const fabricsOf = (maxDevices: number, maxLinks: number, conditional = false) =>
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
        // mostly none; the nested prefixes make aggregates inside aggregates, and a device may
        // both `network` and aggregate a prefix
        aggregates: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: PREFIXES.length - 2 }), { maxLength: 2 }),
          { minLength: n, maxLength: n },
        ),
        links: fc.array(
          fc
            .tuple(
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 0, max: n - 1 }),
              fc.constantFrom('unnumbered' as const, 'unnumbered' as const, 'ipv4' as const, 'ipv6' as const),
            )
            .filter(([a, b]) => a !== b)
            .map(([a, b, kind]): Link => ({ a, b, kind })),
          { maxLength: maxLinks },
        ),
        filter: fc.array(fc.constantFrom('permit' as const, 'deny' as const, null), {
          minLength: PREFIXES.length,
          maxLength: PREFIXES.length,
        }),
        filterLe: fc.boolean(),
        networks6: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: PREFIXES6.length - 2 }), { maxLength: 2 }),
          { minLength: n, maxLength: n },
        ),
        // mostly every group activated; some devices without IPv6, some groups IPv4-only
        active6: fc.array(
          fc.array(
            fc.integer({ min: 0, max: 4 }).map((x) => x !== 0),
            { minLength: conditional ? GROUPS : 3, maxLength: conditional ? GROUPS : 3 },
          ),
          { minLength: n, maxLength: n },
        ),
        filter6: fc.array(fc.constantFrom('permit' as const, 'deny' as const, null), {
          minLength: PREFIXES6.length,
          maxLength: PREFIXES6.length,
        }),
        ...(conditional
          ? {
              advertise: fc.array(fc.constantFrom('permit' as const, 'deny' as const, null), {
                minLength: PREFIXES.length - 1,
                maxLength: PREFIXES.length - 1,
              }),
              advertiseLe: fc.boolean(),
            }
          : {}),
      })
      .chain((base) =>
        fc.record({
          spec: fc.record({
            ...Object.fromEntries(Object.entries(base).map(([k, v]) => [k, fc.constant(v)])),
            groups: fc.array(fc.integer({ min: 0, max: conditional ? GROUPS - 1 : 2 }), {
              minLength: 2 * base.links.length,
              maxLength: 2 * base.links.length,
            }),
            defaults: fc.array(
              fc.integer({ min: 0, max: conditional ? 2 : 6 }).map((x) => x === 0),
              {
                minLength: 2 * base.links.length,
                maxLength: 2 * base.links.length,
              },
            ),
            defaults6: fc.array(
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
          expectSame(site, down);
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
          expectSame(site, down);
      }),
      { numRuns: 60 },
    );
  });

  it('GIVEN random fabrics with advertise-maps and failures (default routes lost, states flipped) THEN it answers as the rounds', () => {
    fc.assert(
      fc.property(fabricsOf(10, 18, true), ({ spec, failures }) => {
        const site = siteOf(spec);
        for (const down of [
          undefined,
          ...failures.map((f): Down => ({ devices: new Set(f.devices), links: new Set(f.links) })),
        ])
          expectSame(site, down);
      }),
      { numRuns: 200 },
    );
    // longer paths to propagate again after a flip
    fc.assert(
      fc.property(fabricsOf(16, 30, true), ({ spec, failures }) => {
        const site = siteOf(spec);
        for (const down of [
          undefined,
          ...failures.map((f): Down => ({ devices: new Set(f.devices), links: new Set(f.links) })),
        ])
          expectSame(site, down);
      }),
      { numRuns: 40 },
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
