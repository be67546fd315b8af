/**
 * Random valid sites for property tests: 1-4 spines, 1-3 racks of leaf pairs, 0-3 hypervisors
 * per rack, optionally an edge pair with upstreams and a tenant whose pairs sit in different
 * racks; IPv4 only, dual-stack, or dual-stack with IPv6-only tenant segments (issue 14). Valid by
 * construction: no input errors and no error findings.
 */
import fc from 'fast-check';

export interface SiteShape {
  spines: number;
  racks: number;
  hostsPerRack: number;
  edges: boolean;
  tenant: boolean;
  segments: number;
  vms: number;
  /** `none`: IPv4 only; `dual`: every pool, segment, VIP and upstream also IPv6; `only`: dual, with IPv6-only segments. */
  ipv6: 'none' | 'dual' | 'only';
}

export const siteShape: fc.Arbitrary<SiteShape> = fc.record({
  spines: fc.integer({ min: 1, max: 4 }),
  racks: fc.integer({ min: 1, max: 3 }),
  hostsPerRack: fc.integer({ min: 0, max: 3 }),
  edges: fc.boolean(),
  tenant: fc.boolean(),
  segments: fc.integer({ min: 1, max: 3 }),
  vms: fc.integer({ min: 0, max: 4 }),
  ipv6: fc.constantFrom('none' as const, 'dual' as const, 'only' as const),
});

export function buildSite(shape: SiteShape): Record<string, unknown> {
  const devices: Record<string, unknown> = {};
  const spines = Array.from({ length: shape.spines }, (_, i) => `spine${i + 1}`);
  spines.forEach((s, i) => {
    devices[s] = { role: 'spine', id: 5 + i, rack: `net${(i % 2) + 1}` };
  });
  const spinePort = new Map(spines.map((s) => [s, 1]));
  const uplinksToSpines = () =>
    Object.fromEntries(
      spines.map((s, i) => {
        const port = spinePort.get(s)!;
        spinePort.set(s, port + 1);
        return [`eth${i + 1}`, `${s}:eth${port}`];
      }),
    );
  if (shape.edges)
    for (const e of [1, 2])
      devices[`edge${e}`] = { role: 'edge', id: 1 + e, rack: `net${e}`, uplinks: uplinksToSpines() };
  const hypervisors: { name: string; rack: number }[] = [];
  for (let r = 1; r <= shape.racks; r++) {
    for (const side of ['a', 'b'])
      devices[`leaf${r}${side}`] = {
        role: 'leaf',
        id: 10 + r * 2 + (side === 'a' ? 0 : 1),
        rack: `r${r}`,
        uplinks: uplinksToSpines(),
      };
    for (let h = 1; h <= shape.hostsPerRack; h++) {
      const name = `hv${r}${h}`;
      devices[name] = {
        role: 'hypervisor',
        id: 100 + r * 10 + h,
        rack: `r${r}`,
        uplinks: { eth1: `leaf${r}a:eth${10 + h}`, eth2: `leaf${r}b:eth${10 + h}` },
      };
      hypervisors.push({ name, rack: r });
    }
  }
  const v6 = shape.ipv6 !== 'none';
  const v4Segments = shape.ipv6 !== 'only';
  /** The address fields of a NIC or VRRP address on segment `i` (0-based), host `host`. */
  const on = (i: number, host: number) => ({
    ...(v4Segments ? { address: `10.20.${i}.${host}` } : {}),
    ...(v6 ? { address6: `2001:db8:20:${i}::${host.toString(16)}` } : {}),
  });
  const site: Record<string, unknown> = {
    site: 'prop',
    asns: { edge: 65001, spine: 65100, pool: '65200-65999' },
    pools: {
      loopback: '10.9.0.0/22',
      mgmt: '172.16.0.0/22',
      ...(v6 ? { loopback6: '2001:db8:9::/64' } : {}),
    },
    prefixes: { announce: ['203.0.113.0/24'], ...(v6 ? { announce6: ['2001:db8:100::/48'] } : {}) },
    defaults: { ovs: { datapath: 'netdev' } },
    devices,
  };
  if (shape.edges)
    site.upstreams = {
      isp1: {
        id: 91,
        asn: 64496,
        edge: 'edge1',
        interface: 'eth9',
        address: '192.0.2.1/31',
        peer: '192.0.2.0',
        ...(v6 ? { address6: '2001:db8:ffff:1::1/127', peer6: '2001:db8:ffff:1::' } : {}),
        lab: { originate: ['198.51.100.0/24'], ...(v6 ? { originate6: ['2001:db8:f1::/48'] } : {}) },
      },
      isp2: {
        id: 92,
        asn: 64497,
        edge: 'edge2',
        interface: 'eth9',
        address: '192.0.2.3/31',
        peer: '192.0.2.2',
        ...(v6 ? { address6: '2001:db8:ffff:2::1/127', peer6: '2001:db8:ffff:2::' } : {}),
      },
    };
  if (shape.tenant && hypervisors.length) {
    const segments = Object.fromEntries(
      Array.from({ length: shape.segments }, (_, i) => [
        `seg${i + 1}`,
        {
          vni: 10000 + i,
          ...(v4Segments ? { subnet: `10.20.${i}.0/24` } : {}),
          ...(v6 ? { subnet6: `2001:db8:20:${i}::/64` } : {}),
        },
      ]),
    );
    const tenant: Record<string, unknown> = { segments };
    // a vRouter pair only when two racks have hypervisors, so the pair never shares a rack
    const first = hypervisors.find((h) => h.rack === 1);
    const second = hypervisors.find((h) => h.rack === 2);
    if (first && second) {
      devices.vr1 = {
        role: 'vrouter',
        id: 41,
        host: first.name,
        tenant: 'shop',
        nics: { eth1: { uplink: true }, eth2: { segment: 'seg1', ...on(0, 2) } },
      };
      devices.vr2 = {
        role: 'vrouter',
        id: 42,
        host: second.name,
        tenant: 'shop',
        nics: { eth1: { uplink: true }, eth2: { segment: 'seg1', ...on(0, 3) } },
      };
      tenant.routers = {
        members: [
          { device: 'vr1', priority: 150 },
          { device: 'vr2', priority: 100 },
        ],
        gateways: { seg1: { vrid: 1, ...on(0, 1) } },
      };
    }
    for (let v = 0; v < shape.vms; v++) {
      const h = hypervisors[v % hypervisors.length]!;
      const seg = (v % shape.segments) + 1;
      devices[`app${v + 1}`] = {
        role: 'vm',
        id: 200 + v,
        host: h.name,
        tenant: 'shop',
        nics: { eth1: { segment: `seg${seg}`, ...on(seg - 1, 50 + v) } },
      };
    }
    site.tenants = { shop: tenant };
  }
  return site;
}
