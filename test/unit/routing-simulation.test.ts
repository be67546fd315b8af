/**
 * The eBGP simulation itself (src/verify/routing.ts), on small hand-built fabrics where the
 * answer is known by hand: two spines sharing one AS, two leaves with one AS each, every leaf
 * uplinked to both spines over unnumbered sessions, every route-map permitting everything.
 */
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { SiteModel } from '../../src/model/types.js';
import type { Down } from '../../src/verify/down.js';
import { sessionKey, simulateRouting } from '../../src/verify/routing.js';

interface Spec {
  name: string;
  asn: number;
  networks: string[];
  /** `aggregate-address`: announced while a prefix inside is in the device's table. */
  aggregates?: string[];
  /** interface → device and interface at the other end */
  links: Record<string, [string, string]>;
}

function device({ name, asn, networks, aggregates = [], links }: Spec) {
  const ends = Object.entries(links);
  return {
    name,
    role: 'leaf',
    failureDomain: [name],
    interfaces: ends.map(([iface, [peer, peerIface]]) => ({
      name: iface,
      addresses: [],
      peer: { device: peer, interface: peerIface },
      kind: 'fabric',
    })),
    frr: {
      prefixLists: [],
      routeMaps: [{ name: 'ANY', entries: [{ seq: 10, action: 'permit', matchPrefixList: null }] }],
      routerBgp: {
        asn,
        routerId: '192.0.2.1',
        peerGroups: [{ name: 'FABRIC', bfdProfile: null, routeMapIn: 'ANY', routeMapOut: 'ANY' }],
        neighbors: ends.map(([iface, [peer]]) => ({
          peer: iface,
          unnumbered: true,
          peerGroup: 'FABRIC',
          remoteAs: 0,
          peerDevice: peer,
        })),
        ipv4Unicast: { networks, aggregates, maximumPaths: 16, defaultOriginate: [] },
      },
    },
  };
}

// spine1 eth1/eth2 and spine2 eth1/eth2 go to leaf1 and leaf2; each leaf's eth1 to spine1, eth2 to spine2
const fabric = {
  name: 'tiny',
  devices: [
    device({
      name: 'leaf1',
      asn: 65201,
      networks: ['10.0.1.0/24'],
      links: { eth1: ['spine1', 'eth1'], eth2: ['spine2', 'eth1'] },
    }),
    device({
      name: 'leaf2',
      asn: 65202,
      networks: ['10.0.2.0/24'],
      links: { eth1: ['spine1', 'eth2'], eth2: ['spine2', 'eth2'] },
    }),
    device({
      name: 'spine1',
      asn: 65100,
      networks: [],
      links: { eth1: ['leaf1', 'eth1'], eth2: ['leaf2', 'eth1'] },
    }),
    device({
      name: 'spine2',
      asn: 65100,
      networks: [],
      links: { eth1: ['leaf1', 'eth2'], eth2: ['leaf2', 'eth2'] },
    }),
  ],
} as unknown as DeepReadonly<SiteModel>;

const down = (devices: string[], links: string[] = []): Down => ({
  devices: new Set(devices),
  links: new Set(links),
});

describe('the eBGP simulation', () => {
  it('GIVEN the intact fabric THEN each leaf reaches the other over both spines (ECMP 2), AS path leaf-spine-leaf', () => {
    const r = simulateRouting(fabric);
    expect(r.sessions).toHaveLength(8);
    expect(r.nexthops.get('leaf1')?.get('10.0.2.0/24')).toEqual({ certain: 2, possible: 2 });
    expect(r.nexthops.get('leaf2')?.get('10.0.1.0/24')).toEqual({ certain: 2, possible: 2 });
    // each spine reaches each leaf prefix over its one link to it
    expect(r.nexthops.get('spine1')?.get('10.0.2.0/24')).toEqual({ certain: 1, possible: 1 });
    // a leaf hears the other leaf's prefix from each spine; its own comes back with its AS and is dropped
    expect(r.received.get(sessionKey('leaf1', 'eth1'))).toEqual({ certain: 1, possible: 1 });
    // spines share an AS: spine1 never accepts what spine2 sends through a leaf
    expect(r.received.get(sessionKey('spine1', 'eth1'))).toEqual({ certain: 1, possible: 1 });
  });

  it('GIVEN spine1 down THEN its sessions are gone and ECMP between the leaves drops to 1', () => {
    const r = simulateRouting(fabric, down(['spine1']));
    expect(r.sessions.some((s) => s.device === 'spine1' || s.from === 'spine1')).toBe(false);
    expect(r.sessions).toHaveLength(4);
    expect(r.nexthops.get('leaf1')?.get('10.0.2.0/24')).toEqual({ certain: 1, possible: 1 });
    expect(r.nexthops.has('spine1')).toBe(false);
  });

  it('GIVEN one link of leaf2 down (named by the spine end) THEN only leaf2 and that spine lose the session', () => {
    const r = simulateRouting(fabric, down([], ['spine1:eth2']));
    expect(r.received.has(sessionKey('leaf2', 'eth1'))).toBe(false);
    expect(r.received.has(sessionKey('spine1', 'eth2'))).toBe(false);
    expect(r.sessions).toHaveLength(6);
    expect(r.nexthops.get('leaf1')?.get('10.0.2.0/24')).toEqual({ certain: 1, possible: 1 });
  });

  it('GIVEN both uplinks of leaf2 down THEN its prefix is unreachable from everywhere, and leaf2 reaches nothing', () => {
    const r = simulateRouting(fabric, down([], ['leaf2:eth1', 'leaf2:eth2']));
    for (const d of ['leaf1', 'spine1', 'spine2']) expect(r.nexthops.get(d)?.has('10.0.2.0/24')).toBe(false);
    expect(r.nexthops.get('leaf2')?.size).toBe(0);
    expect(r.nexthops.get('leaf1')?.size).toBe(0);
  });
});

// the tiny fabric with an edge on both spines (their eth3) that aggregates the leaves' prefixes
// towards an upstream
const withEdge = {
  name: 'tiny-edge',
  devices: [
    ...fabric.devices.filter((d) => d.name.startsWith('leaf')),
    ...(['spine1', 'spine2'] as const).map((name, k) =>
      device({
        name,
        asn: 65100,
        networks: [],
        links: {
          eth1: ['leaf1', `eth${k + 1}`],
          eth2: ['leaf2', `eth${k + 1}`],
          eth3: ['edge', `eth${k + 1}`],
        },
      }),
    ),
    device({
      name: 'edge',
      asn: 65001,
      networks: [],
      aggregates: ['10.0.0.0/16'],
      links: { eth1: ['spine1', 'eth3'], eth2: ['spine2', 'eth3'], eth3: ['isp', 'eth1'] },
    }),
    device({ name: 'isp', asn: 64496, networks: [], links: { eth1: ['edge', 'eth3'] } }),
  ],
} as unknown as DeepReadonly<SiteModel>;

describe('an aggregate in the eBGP simulation (the edge announcing the site prefix)', () => {
  it('GIVEN the intact fabric THEN the edge announces it: the upstream has it, the leaves too', () => {
    const r = simulateRouting(withEdge);
    expect(r.nexthops.get('isp')?.get('10.0.0.0/16')).toEqual({ certain: 1, possible: 1 });
    expect(r.nexthops.get('leaf1')?.get('10.0.0.0/16')).toEqual({ certain: 2, possible: 2 });
    expect(r.received.get(sessionKey('isp', 'eth1'))).toEqual({ certain: 3, possible: 3 });
  });

  it("GIVEN one leaf down THEN the other leaf's prefix keeps it announced", () => {
    const r = simulateRouting(withEdge, down(['leaf1']));
    expect(r.nexthops.get('isp')?.get('10.0.0.0/16')).toEqual({ certain: 1, possible: 1 });
  });

  it('GIVEN the edge cut off from both spines THEN it withdraws the aggregate: the upstream has no route into the site', () => {
    const r = simulateRouting(withEdge, down([], ['edge:eth1', 'edge:eth2']));
    expect(r.nexthops.get('isp')?.has('10.0.0.0/16')).toBe(false);
    expect(r.received.get(sessionKey('isp', 'eth1'))).toEqual({ certain: 0, possible: 0 });
  });

  it('GIVEN both leaves down THEN nothing is left inside it and it is withdrawn', () => {
    const r = simulateRouting(withEdge, down(['leaf1', 'leaf2']));
    expect(r.nexthops.get('isp')?.has('10.0.0.0/16')).toBe(false);
    expect(r.nexthops.get('spine1')?.has('10.0.0.0/16')).toBe(false);
  });
});
