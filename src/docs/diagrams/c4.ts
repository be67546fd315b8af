/**
 * The C4 container diagram of a site in the reference drawings' zones: Edge / Internet, Physical
 * network, Compute / Storage, Virtual network, Ingress and one application zone per tenant. A
 * container is a redundancy group (or a tenant's pair), named with how it is redundant: "Spine
 * plane (A/B)", "Compute hosts (N+1, 4)", "L4 VIP + VRRP (A/B)".
 */

import type { RedundancyKind } from '../../model/types.js';
import type { FrozenSite } from '../../pipeline.js';
import { names, naturally, plural } from '../markdown.js';
import { asnOf, devicesAt, type Place, placeOf, type SiteDevice, tenantsOf } from '../places.js';
import { type TenantView, tenantView } from '../tenant-view.js';
import { c4Text, nodeId, redundancyTag } from './mermaid.js';

interface Container {
  id: string;
  /** The devices it stands for: cables between them become its relations. */
  devices?: readonly string[];
  name: string;
  technology: string;
  description: string;
  external?: boolean;
  database?: boolean;
}

interface Zone {
  id: string;
  title: string;
  containers: Container[];
}

const daemonsOf = (devices: readonly SiteDevice[]) =>
  [...new Set(devices.flatMap((d) => d.daemons))].sort().join(', ');

/** How the docs name a redundancy group's kind. */
const KIND_TITLE: Readonly<Record<RedundancyKind, string>> = {
  'superspine-plane': 'Super-spine plane',
  'spine-plane': 'Spine plane',
  'edge-pair': 'Edge routers',
  'leaf-pair': 'Leaf pair',
  'storage-hosts': 'Storage hosts',
  'k8s-cluster': 'Kubernetes cluster',
  hypervisors: 'Compute hosts',
  'vrrp-pair': 'VRRP pair',
  'haproxy-pair': 'HAProxy pair',
};

/** A container per redundancy group of the devices at `place`; devices in no group get one together. */
function groupContainers(site: FrozenSite, place: Place, title: string): Container[] {
  const devices = devicesAt(site, place);
  const inPlace = new Set(devices.map((d) => d.name));
  const groups = site.redundancyGroups.filter((g) => g.members.some((m) => inPlace.has(m)));
  const grouped = new Set(groups.flatMap((g) => g.members));
  const loose = devices.filter((d) => !grouped.has(d.name));
  const containers = groups.map((g) => {
    const members = devices.filter((d) => g.members.includes(d.name));
    return {
      id: nodeId(place, g.name),
      devices: g.members,
      name: `${KIND_TITLE[g.kind]} (${redundancyTag(g.members.length, g.maxUnavailable)})`,
      technology: daemonsOf(members),
      description: `${g.name}: ${names(naturally(g.members), 6)}`,
    };
  });
  if (loose.length)
    containers.push({
      id: nodeId(place, 'loose'),
      devices: loose.map((d) => d.name),
      name: `${title} (${redundancyTag(1, 0)})`,
      technology: daemonsOf(loose),
      description: names(
        loose.map((d) => d.name),
        6,
      ),
    });
  return containers;
}

/** The core and rack layers; with many groups (pods, racks) one container each stands for all. */
function physicalContainers(site: FrozenSite): Container[] {
  const core = groupContainers(site, 'core', 'Spine');
  const leaves = devicesAt(site, 'rack');
  const racks = [...new Set(leaves.map((d) => d.rack))];
  const bfd = `${site.timers.bfdFabric.intervalMs} ms × ${site.timers.bfdFabric.multiplier}`;
  const coreAll: Container[] =
    core.length > 3
      ? [
          {
            id: 'core_all',
            devices: core.flatMap((c) => c.devices ?? []),
            name: `Spine planes (${core.length} groups, ECMP)`,
            technology: daemonsOf(devicesAt(site, 'core')),
            description: `${devicesAt(site, 'core').length} switches, BFD ${bfd}`,
          },
        ]
      : core.map((c) => ({ ...c, description: `${c.description}, BFD ${bfd}` }));
  if (!leaves.length) return coreAll;
  const perRack = [...new Set(racks.map((r) => leaves.filter((d) => d.rack === r).length))].sort();
  // a rack may hold more than a pair (validate allows it): say so rather than draw "A/B"
  const name =
    perRack.length === 1 && perRack[0] === 2
      ? `Leaf pair per rack (A/B × ${racks.length})`
      : `Leaves per rack (${perRack.join(' or ')} per rack, ${plural(racks.length, 'rack')})`;
  return [
    ...coreAll,
    {
      id: 'racks',
      devices: leaves.map((d) => d.name),
      name,
      technology: daemonsOf(leaves),
      description: `racks ${names(naturally(racks), 6)}: ${leaves.length} leaves, one AS each`,
    },
  ];
}

function tenantContainers(t: TenantView): { virtual: Container[]; ingress: Container[]; app: Container[] } {
  const pair = (members: readonly string[]) => members.join(', ');
  const gw = t.vrrp.filter((v) => v.place === 'gateway');
  const serviceAddresses = new Set(t.virtualServers.map((v) => v.address));
  const isVip = (v: (typeof t.vrrp)[number]) =>
    v.addresses.some((a) => serviceAddresses.has(a.split('/')[0]!));
  const vips = t.vrrp.filter((v) => v.place === 'l4' && isVip(v));
  const l4Gateways = t.vrrp.filter((v) => v.place === 'l4' && !isVip(v));
  const dataVips = t.vrrp.filter((v) => v.place === 'l7');
  const ports = [...new Set(t.virtualServers.map((v) => v.port))].sort((a, b) => a - b);
  const virtual = t.routers.length
    ? [
        {
          id: nodeId('vr', t.name),
          name: `vRouter pair ${t.name} (VRRP ${redundancyTag(t.routers.length, 1)})`,
          technology: 'VRRP gateway + BGP',
          description: `${pair(t.routers)}; gateways ${gw.map((v) => v.addresses.join(' ')).join(', ')}`,
        },
      ]
    : [];
  const ingress: Container[] = [];
  if (t.l4.length)
    ingress.push({
      id: nodeId('l4', t.name),
      name: `L4 VIP + VRRP ${t.name} (${redundancyTag(t.l4.length, 1)})`,
      technology: `IPVS ${[...new Set(t.virtualServers.map((v) => v.lbAlgo))].join(', ')}`,
      description: `${pair(t.l4)}; VIP ${vips.map((v) => v.addresses.join(' ')).join(', ')} :${ports.join(' :')}${
        l4Gateways.length ? `; gateway ${l4Gateways.map((v) => v.addresses.join(' ')).join(', ')}` : ''
      }`,
    });
  if (t.l7.length)
    ingress.push({
      id: nodeId('l7', t.name),
      name: `L7 proxy pair ${t.name} (${redundancyTag(t.l7.length, 1)})`,
      technology: 'HAProxy: TLS, routing, rate limit',
      description: `${pair(t.l7)}; frontends ${t.haproxy?.frontends.map((f) => f.name).join(', ') ?? '-'}${
        dataVips.length ? `; data VIPs ${dataVips.map((v) => v.addresses.join(' ')).join(', ')}` : ''
      }`,
    });
  // apps back each other up only where a balancer spreads over them (an L4 service or a backend)
  const balanced = new Set([
    ...t.virtualServers.flatMap((v) => v.realServers.map((r) => r.device)),
    ...(t.haproxy?.backends.flatMap((b) => b.servers.map((s) => s.name)) ?? []),
  ]);
  const apps = t.apps.some((a) => balanced.has(a))
    ? `App servers ${t.name} (${redundancyTag(t.apps.length, 1)})`
    : `App VMs ${t.name} (${t.apps.length}, no balancer)`;
  const app: Container[] = t.apps.length
    ? [
        {
          id: nodeId('app', t.name),
          name: apps,
          technology: 'VMs',
          description: `${names(t.apps, 6)}${t.haproxy ? `; backends ${t.haproxy.backends.map((b) => b.name).join(', ')}` : ''}`,
        },
      ]
    : [];
  // VMs that run a service of their own (a GSLB DNS server, a data tier) are not app servers
  const byDaemons = new Map<string, string[]>();
  for (const v of t.serviceVms) {
    const key = v.daemons.join(', ');
    byDaemons.set(key, [...(byDaemons.get(key) ?? []), v.name]);
  }
  for (const [daemons, vms] of byDaemons)
    app.push({
      id: nodeId('svc', `${t.name}-${daemons}`),
      name: `Service VMs ${t.name} (${vms.length})`,
      technology: daemons,
      description: names(vms, 6),
    });
  return { virtual, ingress, app };
}

function zones(site: FrozenSite, tenants: readonly TenantView[]): Zone[] {
  const upstreams = devicesAt(site, 'internet');
  const edge = groupContainers(site, 'border', 'Edge router');
  const internet: Container[] = upstreams.length
    ? [
        {
          id: 'upstreams',
          devices: upstreams.map((d) => d.name),
          name: `Upstreams (${redundancyTag(upstreams.length, 1)})`,
          technology: 'transit, eBGP',
          description: upstreams.map((d) => `${d.name} AS${asnOf(d)}`).join(', '),
          external: true,
        },
      ]
    : [];
  const hosts = devicesAt(site, 'compute');
  const segments = [...new Set(site.segments.map((s) => s.vni))].sort((a, b) => a - b);
  const perTenant = tenants.map(tenantContainers);
  const vswitch: Container[] = hosts.length
    ? [
        {
          id: 'vswitch',
          name: `vSwitch on every compute host (${hosts.length})`,
          technology: 'OVS, VXLAN',
          description: `VNIs ${names(segments.map(String), 8) || 'none'}`,
        },
      ]
    : [];
  const computeStorage = [
    ...groupContainers(site, 'compute', 'Compute host'),
    ...groupContainers(site, 'data', 'Storage host').map((c) => ({ ...c, database: true })),
  ];
  return [
    { id: 'z_edge', title: 'Edge / Internet', containers: [...internet, ...edge] },
    { id: 'z_physical', title: 'Physical network', containers: physicalContainers(site) },
    { id: 'z_compute', title: 'Compute / Storage', containers: computeStorage },
    {
      id: 'z_virtual',
      title: 'Virtual network',
      containers: [...vswitch, ...perTenant.flatMap((t) => t.virtual)],
    },
    { id: 'z_ingress', title: 'Ingress', containers: perTenant.flatMap((t) => t.ingress) },
    ...tenants.map((t, i) => ({
      id: nodeId('z_app', t.name),
      title: `Application: ${t.name}`,
      containers: perTenant[i]!.app,
    })),
  ].filter((z) => z.containers.length);
}

function containerLine(c: Container): string {
  const kind = c.external ? 'Container_Ext' : c.database ? 'ContainerDb' : 'Container';
  return `    ${kind}(${c.id}, ${c4Text(c.name)}, ${c4Text(c.technology)}, ${c4Text(c.description)})`;
}

/** What a cable between two places carries, for the relation's label. */
function cableRelation(upper: Place, lower: Place, homing: string): string {
  if (upper === 'internet') return 'eBGP + BFD, default route';
  if (lower === 'rack') return 'eBGP unnumbered, ECMP';
  if (upper === 'rack') return `BGP to the host, ${homing}`;
  return 'eBGP, ECMP';
}

const ORDER: readonly Place[] = ['internet', 'border', 'core', 'rack', 'compute', 'data'];

/** One relation per pair of containers joined by a cable, from the upper layer down. */
function cableRelations(site: FrozenSite, zs: readonly Zone[]): [string, string, string][] {
  const containerOf = new Map<string, string>();
  for (const c of zs.flatMap((z) => z.containers)) for (const d of c.devices ?? []) containerOf.set(d, c.id);
  const placeOfDevice = new Map(site.devices.map((d) => [d.name, placeOf(d)]));
  const tierOf = new Map(site.devices.map((d) => [d.name, d.tier]));
  const order = zs.flatMap((z) => z.containers.map((c) => c.id));
  const rels = new Map<string, [string, string, string]>();
  const hostCables = new Map<string, number>();
  for (const c of site.cables)
    if (c.kind === 'host')
      for (const d of [c.a.device, c.b.device]) hostCables.set(d, (hostCables.get(d) ?? 0) + 1);
  const hosts = devicesAt(site, 'compute', 'data');
  const homing = hosts.every((h) => hostCables.get(h.name) === 2) ? 'dual-homed' : 'multi-homed';
  for (const cable of site.cables) {
    const [a, b] = [cable.a.device, cable.b.device];
    const [ca, cb, pa, pb] = [
      containerOf.get(a),
      containerOf.get(b),
      placeOfDevice.get(a)!,
      placeOfDevice.get(b)!,
    ];
    if (!ca || !cb || ca === cb || !ORDER.includes(pa) || !ORDER.includes(pb)) continue;
    // the layer nearer the internet first; within one (super-spines and spines) the lower tier
    const aUpper = ORDER.indexOf(pa) - ORDER.indexOf(pb) || tierOf.get(a)! - tierOf.get(b)!;
    if (aUpper === 0) continue;
    const [from, to] = aUpper < 0 ? [ca, cb] : [cb, ca];
    const label = aUpper < 0 ? cableRelation(pa, pb, homing) : cableRelation(pb, pa, homing);
    rels.set(`${from} ${to}`, [from, to, label]);
  }
  const at = (id: string) => order.indexOf(id);
  return [...rels.values()].sort((x, y) => at(x[0]) - at(y[0]) || at(x[1]) - at(y[1]));
}

/** Relations between the containers that exist, in the direction traffic enters the site. */
function relations(site: FrozenSite, zs: readonly Zone[], tenants: readonly TenantView[]): string[] {
  const ids = new Set(zs.flatMap((z) => z.containers.map((c) => c.id)));
  const rels = cableRelations(site, zs);
  for (const h of zs.find((z) => z.id === 'z_compute')?.containers ?? [])
    if (!h.database) rels.push([h.id, 'vswitch', 'runs, VTEP on its loopback']);
  for (const t of tenants) {
    const [vr, l4, l7, app] = ['vr', 'l4', 'l7', 'app'].map((p) => nodeId(p, t.name)) as [
      string,
      string,
      string,
      string,
    ];
    const ports = [...new Set(t.virtualServers.map((v) => v.port))].sort((a, b) => a - b);
    const backendPorts = [...new Set(t.haproxy?.backends.flatMap((b) => b.servers.map((s) => s.port)) ?? [])];
    rels.push(['vswitch', vr, 'tenant segments']);
    rels.push([vr, l4, `routes to the VIPs, ${ports.map((p) => `:${p}`).join(' ')}`]);
    rels.push([l4, l7, 'IPVS NAT']);
    rels.push([l7, app, `HTTP ${backendPorts.map((p) => `:${p}`).join(' ')}`]);
    if (!ids.has(l4) && !ids.has(l7)) rels.push(['vswitch', app, 'tenant segments']);
  }
  return rels
    .filter(([a, b]) => ids.has(a) && ids.has(b))
    .map(([a, b, l]) => `  Rel(${a}, ${b}, ${c4Text(l)})`);
}

export function c4Diagram(site: FrozenSite): string {
  const tenants = tenantsOf(site).map((t) => tenantView(site, t));
  const zs = zones(site, tenants);
  const lines = [
    'C4Container',
    `  title ${site.name}: containers by zone (C4)`,
    ...zs.flatMap((z) => [
      `  Boundary(${z.id}, ${c4Text(z.title)}, "zone") {`,
      ...z.containers.map(containerLine),
      '  }',
    ]),
    ...relations(site, zs, tenants),
    `  UpdateLayoutConfig($c4ShapeInRow="2", $c4BoundaryInRow="3")`,
  ];
  return `${lines.join('\n')}\n`;
}
