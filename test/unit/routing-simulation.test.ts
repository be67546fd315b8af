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
  /** interface → device and interface at the other end */
  links: Record<string, [string, string]>;
}

function device({ name, asn, networks, links }: Spec) {
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
        ipv4Unicast: { networks, maximumPaths: 16, defaultOriginate: [] },
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
