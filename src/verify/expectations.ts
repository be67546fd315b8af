/**
 * What a running site must show, derived from the compiled model (and the routing simulation
 * over it), never from a hand-written list. Each expectation names the device it is checked on
 * and says in plain words what it expects, so a failure names what is wrong.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { Device, SiteModel, VrrpInstance } from '../model/types.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { type Range, sessionKey, simulateRouting } from './routing.js';

interface Base {
  /** Stable id, e.g. `bgp-session:leaf1a:eth1`. */
  id: string;
  /** What is expected, in words: `leaf1a eth1 ↔ spine1: Established, AS65100`. */
  title: string;
  /** Device the check runs on. */
  device: string;
}

export type Expectation =
  | (Base & { kind: 'bgp-identity'; asn: number; routerId: string })
  | (Base & { kind: 'bgp-session'; peer: string; peerDevice: string; remoteAs: number; prefixes: Range })
  | (Base & { kind: 'bfd-peer'; peer: string; peerDevice: string; unnumbered: boolean })
  | (Base & { kind: 'ecmp'; prefix: string; nexthops: Range })
  | (Base & { kind: 'loopbacks-reachable'; source: string; targets: { device: string; address: string }[] })
  | (Base & {
      kind: 'vrrp-master';
      instance: string;
      vip: string;
      members: { device: string; interface: string }[];
      intendedMaster: string;
    })
  | (Base & { kind: 'vip-answers'; address: string; port: number })
  | (Base & { kind: 'haproxy-backends'; backend: string; servers: string[]; socket: string })
  | (Base & { kind: 'http-path'; source: string; url: string; servers: string[]; insecure: boolean })
  | (Base & {
      kind: 'vxlan-tunnels';
      port: string;
      vni: number;
      tag: number;
      remotes: { device: string; address: string }[];
    })
  | (Base & {
      kind: 'overlay-ping';
      address: string;
      target: string;
      /** Hypervisor of the source VM and its VXLAN device for the segment: its counters must move. */
      hypervisor: string;
      vxlanDevice: string;
    });

export type ExpectationKind = Expectation['kind'];

/** Order in which kinds are reported: the underlay first, the service path last. */
export const KIND_ORDER: ExpectationKind[] = [
  'bgp-identity',
  'bgp-session',
  'bfd-peer',
  'ecmp',
  'loopbacks-reachable',
  'vxlan-tunnels',
  'vrrp-master',
  'haproxy-backends',
  'overlay-ping',
  'vip-answers',
  'http-path',
];

type Dev = DeepReadonly<Device>;

function loopbackOf(d: Dev): string | undefined {
  return d.interfaces.find((i) => i.kind === 'loopback')?.addresses[0]?.address;
}

export function deriveExpectations(site: DeepReadonly<SiteModel>): Expectation[] {
  const out: Expectation[] = [];
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const routing = simulateRouting(site);

  // --- BGP: identity, every session up with its prefixes, BFD on every session that has it ---
  for (const d of site.devices) {
    if (!('frr' in d)) continue;
    const bgp = d.frr.routerBgp;
    out.push({
      kind: 'bgp-identity',
      id: `bgp-identity:${d.name}`,
      device: d.name,
      title: `${d.name} runs BGP as AS${bgp.asn}, router-id ${bgp.routerId}`,
      asn: bgp.asn,
      routerId: bgp.routerId,
    });
    for (const n of bgp.neighbors) {
      const prefixes = routing.received.get(sessionKey(d.name, n.peer)) ?? { certain: 0, possible: 0 };
      const range =
        prefixes.certain === prefixes.possible
          ? `${prefixes.certain}`
          : `${prefixes.certain}-${prefixes.possible}`;
      out.push({
        kind: 'bgp-session',
        id: `bgp-session:${d.name}:${n.peer}`,
        device: d.name,
        title: `${d.name} ${n.peer} ↔ ${n.peerDevice} (AS${n.remoteAs}) Established, ${range} prefixes received`,
        peer: n.peer,
        peerDevice: n.peerDevice,
        remoteAs: n.remoteAs,
        prefixes,
      });
      const group = bgp.peerGroups.find((g) => g.name === n.peerGroup);
      if (group?.bfdProfile)
        out.push({
          kind: 'bfd-peer',
          id: `bfd-peer:${d.name}:${n.peer}`,
          device: d.name,
          title: `${d.name} ${n.peer} ↔ ${n.peerDevice}: BFD up`,
          peer: n.peer,
          peerDevice: n.peerDevice,
          unnumbered: n.unnumbered,
        });
    }
  }

  // --- ECMP: every route the simulation says is reached over several paths --------------------
  for (const d of site.devices) {
    if (!('frr' in d) || !d.managed) continue;
    for (const [prefix, nexthops] of routing.nexthops.get(d.name) ?? []) {
      if (nexthops.possible < 2 && prefix !== '0.0.0.0/0') continue;
      const range =
        nexthops.certain === nexthops.possible
          ? `${nexthops.certain}`
          : `${nexthops.certain}-${nexthops.possible}`;
      out.push({
        kind: 'ecmp',
        id: `ecmp:${d.name}:${prefix}`,
        device: d.name,
        title: `${d.name} reaches ${prefix} over ${range} equal-cost next hops`,
        prefix,
        nexthops,
      });
    }
  }

  // --- every announced loopback answers from every leaf, sourced from the leaf's loopback ------
  const loopbacks = site.devices
    .filter(
      (d) =>
        d.managed &&
        'frr' in d &&
        d.frr.routerBgp.ipv4Unicast.networks.some(
          (n) => n.endsWith('/32') && n.startsWith(`${loopbackOf(d)}/`),
        ),
    )
    .map((d) => ({ device: d.name, address: loopbackOf(d)! }));
  for (const leaf of site.devices.filter((d) => d.role === 'leaf')) {
    const source = loopbackOf(leaf)!;
    const targets = loopbacks.filter((t) => t.device !== leaf.name);
    out.push({
      kind: 'loopbacks-reachable',
      id: `loopbacks:${leaf.name}`,
      device: leaf.name,
      title: `${leaf.name} (${source}) reaches the ${targets.length} other loopbacks`,
      source,
      targets,
    });
  }

  // --- overlay: every hypervisor has its tunnels; VMs reach VMs on other hypervisors ----------
  for (const d of site.devices) {
    if (!('ovs' in d)) continue;
    for (const p of d.ovs.vxlanPorts)
      out.push({
        kind: 'vxlan-tunnels',
        id: `vxlan:${d.name}:${p.name}`,
        device: d.name,
        title: `${d.name} ${p.name} (${p.segment}, VNI ${p.vni}) floods to ${p.remotes.map((r) => r.device).join(', ')}`,
        port: p.name,
        vni: p.vni,
        tag: p.tag,
        remotes: p.remotes.map((r) => ({ device: r.device, address: r.address })),
      });
  }
  out.push(...overlayPings(site, byName));

  // --- VRRP: one master per instance, the intended one -----------------------------------------
  const instances = new Map<
    string,
    { vip: string; members: { device: string; interface: string; v: DeepReadonly<VrrpInstance> }[] }
  >();
  for (const d of site.devices) {
    if (!('keepalived' in d)) continue;
    for (const v of d.keepalived.vrrpInstances) {
      const key = `${v.segment}#${v.virtualRouterId}`;
      const vip = v.virtualIpaddress[0]!;
      const entry = instances.get(key) ?? { vip: `${vip.address}/${vip.prefixLength}`, members: [] };
      entry.members.push({ device: d.name, interface: v.interface, v });
      instances.set(key, entry);
    }
  }
  for (const [key, { vip, members }] of [...instances].sort(([a], [b]) => a.localeCompare(b))) {
    const master = members.find((m) => m.v.intendedMaster)?.device ?? members[0]!.device;
    const name = members[0]!.v.name;
    out.push({
      kind: 'vrrp-master',
      id: `vrrp:${key}`,
      device: master,
      title: `VRRP ${name} (VRID ${members[0]!.v.virtualRouterId}, ${vip}): exactly one master, ${master}`,
      instance: name,
      vip,
      members: members
        .map((m) => ({ device: m.device, interface: m.interface }))
        .sort((a, b) => a.device.localeCompare(b.device)),
      intendedMaster: master,
    });
  }

  // --- HAProxy: every server of every backend UP, as HAProxy's own health checks see it -------
  for (const d of site.devices) {
    if (d.role !== 'l7lb') continue;
    for (const b of d.haproxy.backends)
      out.push({
        kind: 'haproxy-backends',
        id: `haproxy:${d.name}:${b.name}`,
        device: d.name,
        title: `${d.name} backend ${b.name}: ${b.servers.map((s) => s.name).join(', ')} UP`,
        backend: b.name,
        servers: b.servers.map((s) => s.name),
        socket: d.haproxy.statsSocket,
      });
  }

  // --- the service: every VIP answers on the segment; HTTP from the internet reaches the apps --
  for (const d of site.devices) {
    if (d.role !== 'l4lb' || !('keepalived' in d)) continue;
    for (const vs of d.keepalived.virtualServers) {
      const from = tenantRouter(site, d.tenant, vs.address);
      const id = `vip:${vs.address}:${vs.port}`;
      if (!from || out.some((e) => e.id === id)) continue;
      out.push({
        kind: 'vip-answers',
        id,
        device: from,
        title: `${vs.address}:${vs.port} answers TCP from ${from}`,
        address: vs.address,
        port: vs.port,
      });
    }
  }
  out.push(...httpPaths(site), ...l4HttpPaths(site, byName));
  return out;
}

/** The tenant's intended-master vRouter with a NIC on the VIP's segment: a client inside the tenant. */
function tenantRouter(site: DeepReadonly<SiteModel>, tenant: string, vip: string): string | undefined {
  for (const d of site.devices) {
    if (d.role !== 'vrouter' || d.tenant !== tenant) continue;
    const onSegment = d.keepalived.vrrpInstances.some(
      (v) =>
        v.intendedMaster &&
        sameSubnet(`${v.virtualIpaddress[0]!.address}/${v.virtualIpaddress[0]!.prefixLength}`, vip),
    );
    if (onSegment) return d.name;
  }
  return undefined;
}

function sameSubnet(cidr: string, address: string): boolean {
  const prefix = parsePrefix(cidr)?.prefix;
  const a = parseAddress(address);
  return !!prefix && a !== undefined && contains(prefix, a);
}

/**
 * From each simulated upstream, HTTP (and HTTPS where the frontend terminates TLS) to each
 * public VIP: edge → spine → leaf → hypervisor → vRouter → overlay → L4 → HAProxy → app. The
 * answer must come from a server of the backend the path routes to.
 */
function httpPaths(site: DeepReadonly<SiteModel>): Expectation[] {
  const out: Expectation[] = [];
  const upstreams = site.devices.filter((d) => d.role === 'upstream' && d.clientAddress);
  for (const l7 of site.devices) {
    if (l7.role !== 'l7lb') continue;
    const vips = site.devices
      .filter((d) => d.role === 'l4lb' && d.tenant === l7.tenant)
      .flatMap((d) => ('keepalived' in d ? d.keepalived.virtualServers : []))
      .filter((vs) => vs.realServers.some((r) => r.device === l7.name));
    for (const fe of l7.haproxy.frontends) {
      const backend = (name: string) =>
        l7.haproxy.backends.find((b) => b.name === name)!.servers.map((s) => s.name);
      const paths = [
        { path: '/', servers: backend(fe.defaultBackend) },
        ...fe.routes.map((r) => ({ path: r.pathPrefix, servers: backend(r.backend) })),
      ];
      for (const bind of fe.binds)
        for (const vs of vips.filter((v) => v.port === bind.port))
          for (const up of upstreams)
            for (const p of paths) {
              const scheme = bind.certificate ? 'https' : 'http';
              const url = `${scheme}://${vs.address}${p.path}`;
              const id = `http:${up.name}:${url}`;
              if (out.some((e) => e.id === id)) continue;
              out.push({
                kind: 'http-path',
                id,
                device: up.name,
                title: `${url} from ${up.name} (${up.role === 'upstream' ? up.clientAddress : ''}) is served by ${p.servers.join('/')}`,
                source: up.role === 'upstream' ? up.clientAddress! : '',
                url,
                servers: [...p.servers],
                insecure: !!bind.certificate,
              });
            }
    }
  }
  return out;
}

/**
 * From each simulated upstream, HTTP to each public VIP of an L4 service whose real servers are
 * VMs (no L7 balancer between): the answer must come from one of them. A VIP outside the
 * prefixes the site announces is not reachable from the internet, so it gets no such check.
 */
function l4HttpPaths(site: DeepReadonly<SiteModel>, byName: Map<string, Dev>): Expectation[] {
  const out: Expectation[] = [];
  const upstreams = site.devices.filter((d) => d.role === 'upstream' && d.clientAddress);
  const announced = site.ipPlan.filter((p) => p.kind === 'announce').map((p) => p.prefix);
  for (const d of site.devices) {
    if (d.role !== 'l4lb') continue;
    for (const vs of d.keepalived.virtualServers) {
      const servers = vs.realServers.map((r) => byName.get(r.device));
      const vms = servers.filter((s) => s?.role === 'vm' && s.services.some((x) => x.port === vs.port));
      if (!vms.length || vms.length !== servers.length) continue;
      if (!announced.some((p) => sameSubnet(p, vs.address))) continue;
      const url = `http://${vs.address}${vs.port === 80 ? '' : `:${vs.port}`}/`;
      const names = vms.map((v) => v!.name);
      for (const up of upstreams) {
        const id = `http:${up.name}:${url}`;
        if (out.some((e) => e.id === id)) continue;
        const source = up.role === 'upstream' ? up.clientAddress! : '';
        out.push({
          kind: 'http-path',
          id,
          device: up.name,
          title: `${url} from ${up.name} (${source}) is served by ${names.join('/')}`,
          source,
          url,
          servers: names,
          insecure: false,
        });
      }
    }
  }
  return out;
}

/** For each segment, each VM pings one VM of the segment that runs on another hypervisor. */
function overlayPings(site: DeepReadonly<SiteModel>, byName: Map<string, Dev>): Expectation[] {
  const out: Expectation[] = [];
  const members = new Map<string, { device: Dev; address: string; iface: string }[]>();
  for (const d of site.devices) {
    if (!d.hostedOn) continue;
    for (const i of d.interfaces)
      if (i.segment && i.addresses[0])
        members.set(i.segment, [
          ...(members.get(i.segment) ?? []),
          { device: d, address: i.addresses[0].address, iface: i.name },
        ]);
  }
  for (const [segment, list] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
    const vni = site.segments.find((s) => `${s.tenant}/${s.name}` === segment)?.vni;
    for (const from of list) {
      const to = list.find((t) => t.device.hostedOn !== from.device.hostedOn);
      if (!to || vni === undefined) continue;
      const hv = byName.get(from.device.hostedOn!)!;
      out.push({
        kind: 'overlay-ping',
        id: `overlay:${segment}:${from.device.name}:${to.device.name}`,
        device: from.device.name,
        title: `${from.device.name} (${from.device.hostedOn}) pings ${to.device.name} ${to.address} (${to.device.hostedOn}) over VXLAN ${vni}`,
        address: to.address,
        target: to.device.name,
        hypervisor: hv.name,
        vxlanDevice: `vxlan${vni}`,
      });
    }
  }
  return out;
}
