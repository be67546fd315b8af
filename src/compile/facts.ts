/**
 * First compile pass: site-wide facts. Resolves every reference of the inventory (cables, VM
 * placement, tenant members, backends), parses every prefix, and allocates loopbacks, management
 * addresses and ASNs. Device compilers (second pass) read only these facts, never a peer's raw
 * inventory.
 *
 * A reference that cannot be resolved, or a prefix that cannot be used, is an input error
 * (exit 2); the facts are then incomplete and compile stops after this pass.
 */

import { closest, distance } from 'fastest-levenshtein';
import { type Diagnostic, error, type InventoryPath } from '../diagnostics/diagnostic.js';
import type { SiteInventory } from '../inventory/merge.js';
import type { Device as InputDevice, Tenant, Upstream } from '../inventory/types.gen.js';
import type { CableKind, Role } from '../model/types.js';
import { type Prefix4, parseAddress, parsePrefix } from '../net/ipv4.js';
import { naturalOrder } from '../util/natural-order.js';
import { own } from '../util/own.js';
import {
  type AsnPlan,
  deviceAsn,
  loopbackAddress,
  mgmtAddress,
  segmentVlan,
  vmPortName,
} from './allocate.js';
import { fromSitePlan, roleSpec, rolesRunning } from './roles.js';

export interface PortFacts {
  interface: string;
  peer: { device: string; interface: string };
  kind: CableKind;
  mtu: number;
  /** Inventory path of the declaration, for findings. */
  path: InventoryPath;
}

export interface NicFacts {
  name: string;
  /** `tenant/segment` key, or null for a vRouter uplink. */
  segment: string | null;
  address: number | null;
  path: InventoryPath;
}

export interface DeviceFacts {
  name: string;
  role: Role;
  id: number;
  rack: string;
  pod: number;
  description: string;
  managed: boolean;
  asn: number | null;
  loopback: number | null;
  mgmt: number | null;
  hostedOn: string | null;
  tenant: string | null;
  ports: PortFacts[];
  nics: NicFacts[];
  /** Path of the device in the inventory. */
  path: InventoryPath;
}

export interface CableFacts {
  a: { device: string; interface: string; mtu: number };
  b: { device: string; interface: string; mtu: number };
  kind: CableKind;
  path: InventoryPath;
}

export interface SegmentFacts {
  key: string;
  tenant: string;
  name: string;
  vni: number;
  vlan: number;
  subnet: Prefix4;
  path: InventoryPath;
}

export interface VrrpPairFacts {
  tenant: string;
  kind: 'routers' | 'l4';
  members: { device: string; priority: number }[];
  auth: string | null;
  path: InventoryPath;
}

export interface SiteFacts {
  name: string;
  inventory: SiteInventory;
  pools: { loopback: Prefix4; mgmt: Prefix4 };
  announce: Prefix4[];
  asns: AsnPlan;
  defaults: {
    mtu: number;
    bfd: { interval: number; multiplier: number };
    ssh: { user: string; port: number };
    datapath: 'system' | 'netdev';
    advertInt: number;
  };
  /** Devices and upstreams by name. */
  devices: Map<string, DeviceFacts>;
  /** Device names sorted by id within each role. */
  byRole: Map<Role, string[]>;
  cables: CableFacts[];
  segments: Map<string, SegmentFacts>;
  tenants: Map<string, Tenant>;
  upstreams: Map<string, Upstream>;
}

/** MTU of a VM NIC and of the tunnel devices carrying it. */
export const VM_MTU = 1500;

function suggest(name: string, known: string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, known);
  const near = best !== name && distance(name, best) <= Math.max(2, Math.floor(name.length / 3));
  return near ? `; did you mean '${best}'?` : ''; // never the name itself: that would be a false hint
}

function listOf(names: string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, ...` : names.join(', ');
}

export function computeFacts(site: SiteInventory): {
  facts: SiteFacts | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const at = (path: InventoryPath, atKey = false) => ({ site: site.name, path, atKey });
  const fail = (code: string, message: string, path: InventoryPath, atKey = false) =>
    diagnostics.push(error(code, message, at(path, atKey)));

  // --- prefixes and ASN ranges -----------------------------------------------------------
  const prefix = (text: string, path: InventoryPath): Prefix4 | undefined => {
    const parsed = parsePrefix(text);
    if (!parsed) {
      fail('bad-prefix', `'${text}' is not a usable IPv4 prefix; write it like 10.1.0.0/24`, path);
      return undefined;
    }
    if (parsed.hostBits) {
      fail('bad-prefix', `'${text}' has host bits set; did you mean ${parsed.prefix.text}?`, path);
      return undefined;
    }
    return parsed.prefix;
  };
  const loopbackPool = prefix(site.pools.loopback, ['pools', 'loopback']);
  const mgmtPool = prefix(site.pools.mgmt, ['pools', 'mgmt']);
  const announce = site.prefixes.announce
    .map((p, i) => prefix(p, ['prefixes', 'announce', i]))
    .filter((p): p is Prefix4 => !!p);

  const [firstText, lastText] = site.asns.pool.split('-');
  const pool = { first: Number(firstText), last: Number(lastText) };
  if (pool.first > pool.last || pool.last > 4294967294 || pool.first < 1)
    fail(
      'bad-asn-range',
      `ASN pool '${site.asns.pool}' must be first-last with first <= last <= 4294967294`,
      ['asns', 'pool'],
    );
  const asns: AsnPlan = {
    edge: site.asns.edge,
    spine: site.asns.spine,
    superspine: site.asns.superspine,
    pool,
  };

  const defaults: SiteFacts['defaults'] = {
    mtu: site.defaults.mtu ?? 9000,
    bfd: { interval: site.defaults.bfd?.interval ?? 300, multiplier: site.defaults.bfd?.multiplier ?? 3 },
    ssh: { user: site.defaults.ssh?.user ?? 'root', port: site.defaults.ssh?.port ?? 22 },
    datapath: site.defaults.ovs?.datapath ?? 'system',
    advertInt: site.defaults.vrrp?.advert_int ?? 1,
  };

  // --- segments --------------------------------------------------------------------------
  const segments = new Map<string, SegmentFacts>();
  /** Segments that exist but whose subnet is unusable (already reported): a reference to one is not "unknown". */
  const unusableSegments = new Set<string>();
  const tenants = new Map<string, Tenant>(
    Object.entries(site.tenants).sort(([a], [b]) => a.localeCompare(b)),
  );
  for (const [tenant, t] of tenants) {
    for (const [name, s] of Object.entries(t.segments).sort(([a], [b]) => a.localeCompare(b))) {
      const path = ['tenants', tenant, 'segments', name];
      const subnet = prefix(s.subnet, [...path, 'subnet']);
      const key = `${tenant}/${name}`;
      if (!subnet) {
        unusableSegments.add(key);
        continue;
      }
      segments.set(key, { key, tenant, name, vni: s.vni, vlan: segmentVlan(s.vni), subnet, path });
    }
  }

  // --- devices -----------------------------------------------------------------------------
  const devices = new Map<string, DeviceFacts>();
  const inputs = Object.entries(site.devices);
  for (const [name, d] of inputs) {
    const path = ['devices', name];
    const role = d.role as Role;
    const pod = 'pod' in d && d.pod ? d.pod : 1;
    const asnRule = roleSpec(role).asn;
    let asn: number | null = null;
    if (asnRule !== null && asnRule !== 'own') {
      if (asnRule === 'shared-superspine' && asns.superspine === undefined && !('asn' in d && d.asn))
        fail('missing-asn', `super-spine ${name} needs asns.superspine (or its own asn)`, [...path, 'role']);
      const derived = 'asn' in d && d.asn ? d.asn : deviceAsn(asnRule, asns, d.id, pod);
      // past the end of asns.pool: wrong, not unusable (checkAsns reports asn-outside-pool)
      asn = derived ?? (asnRule === 'shared-superspine' ? null : pool.first + d.id);
    }
    // an id past the end of a pool is reported by checkAddressesInPools (address-outside-pool)
    let loopback: number | null = null;
    if (fromSitePlan(role) && loopbackPool)
      loopback = loopbackAddress(loopbackPool, d.id) ?? pastThePool(loopbackPool, d.id);
    let mgmt: number | null = null;
    if (d.mgmt) {
      mgmt = parseAddress(d.mgmt) ?? null;
    } else if (mgmtPool) {
      mgmt = mgmtAddress(mgmtPool, d.id) ?? pastThePool(mgmtPool, d.id);
    }
    devices.set(name, {
      name,
      role,
      id: d.id,
      rack: 'rack' in d ? d.rack : '',
      pod,
      description: d.description ?? '',
      managed: true,
      asn,
      loopback,
      mgmt,
      hostedOn: 'host' in d ? d.host : null,
      tenant: 'tenant' in d ? d.tenant : null,
      ports: [],
      nics: [],
      path,
    });
  }
  const upstreams = new Map<string, Upstream>(
    Object.entries(site.upstreams).sort(([a], [b]) => a.localeCompare(b)),
  );
  for (const [name, u] of upstreams) {
    const path = ['upstreams', name];
    if (devices.has(name)) {
      fail(
        'duplicate-name',
        `upstream '${name}' has the name of a device; names must be unique in the site`,
        path,
        true,
      );
      continue;
    }
    devices.set(name, {
      name,
      role: 'upstream',
      id: u.id,
      rack: '',
      pod: 1,
      description: u.description ?? `upstream AS${u.asn}`,
      managed: false,
      asn: u.asn,
      loopback: null,
      mgmt: mgmtPool ? (mgmtAddress(mgmtPool, u.id) ?? pastThePool(mgmtPool, u.id)) : null,
      hostedOn: null,
      tenant: null,
      ports: [],
      nics: [],
      path,
    });
  }

  const namesOf = (roles: readonly Role[]) =>
    [...devices.values()].filter((d) => roles.includes(d.role)).map((d) => d.name);

  // --- VM placement and tenants ---------------------------------------------------------
  // a VM's NICs are ports of its host's OVS: it runs on a role that runs OVS (a hypervisor)
  const vmHosts = rolesRunning('ovs');
  for (const d of devices.values()) {
    if (!roleSpec(d.role).hosted) continue;
    const input = own(site.devices, d.name) as Extract<InputDevice, { host: string }>;
    const host = devices.get(d.hostedOn!);
    if (!host) {
      const hvs = namesOf(vmHosts);
      fail(
        'unknown-device',
        `${d.name} runs on unknown host '${d.hostedOn}'${suggest(d.hostedOn!, hvs)} (hypervisors: ${listOf(hvs)})`,
        [...d.path, 'host'],
      );
    } else if (!vmHosts.includes(host.role)) {
      fail('wrong-role', `${d.name} runs on '${host.name}', which is a ${host.role}, not a hypervisor`, [
        ...d.path,
        'host',
      ]);
    } else {
      d.rack = host.rack;
      d.pod = host.pod;
    }
    if (!tenants.has(d.tenant!)) {
      fail(
        'unknown-tenant',
        `${d.name} belongs to unknown tenant '${d.tenant}'${suggest(d.tenant!, [...tenants.keys()])}`,
        [...d.path, 'tenant'],
      );
      continue;
    }
    for (const [nic, n] of Object.entries(input.nics).sort(([a], [b]) => nicOrder(a) - nicOrder(b))) {
      const path = [...d.path, 'nics', nic];
      if (n.uplink) {
        if (n.segment || n.address)
          fail('bad-nic', `${d.name} ${nic}: an uplink NIC has no segment or address`, path);
        if (d.role !== 'vrouter')
          fail('bad-nic', `${d.name} ${nic}: only a vRouter has an uplink NIC; attach it to a segment`, path);
        d.nics.push({ name: nic, segment: null, address: null, path });
        continue;
      }
      if (!n.segment || !n.address) {
        fail(
          'bad-nic',
          `${d.name} ${nic}: a NIC needs a segment and an address (or uplink: true on a vRouter)`,
          path,
        );
        continue;
      }
      const key = `${d.tenant}/${n.segment}`;
      if (unusableSegments.has(key)) continue;
      if (!segments.has(key)) {
        const known = Object.keys(tenants.get(d.tenant!)!.segments);
        fail(
          'unknown-segment',
          `${d.name} ${nic}: tenant ${d.tenant} has no segment '${n.segment}'${suggest(n.segment, known)} (segments: ${known.join(', ')})`,
          [...path, 'segment'],
        );
        continue;
      }
      d.nics.push({ name: nic, segment: key, address: parseAddress(n.address) ?? null, path });
    }
    if (d.role === 'vrouter' && d.nics.filter((n) => n.segment === null).length !== 1)
      fail('bad-nic', `vRouter ${d.name} needs exactly one NIC with uplink: true`, [...d.path, 'nics']);
  }

  // --- cables --------------------------------------------------------------------------------
  const cables: CableFacts[] = [];
  const mtuOf = (device: string, iface: string): number => {
    const input = own(site.devices, device) as { interfaces?: Record<string, { mtu?: number }> } | undefined;
    return own(input?.interfaces, iface)?.mtu ?? defaults.mtu;
  };
  for (const [name, d] of inputs) {
    if (!('uplinks' in d) || !d.uplinks) continue;
    const me = devices.get(name)!;
    const allowed = roleSpec(me.role).uplinksTo;
    for (const [iface, endpoint] of Object.entries(d.uplinks).sort(([a], [b]) => a.localeCompare(b))) {
      const path = ['devices', name, 'uplinks', iface];
      const [peerName, peerIface] = endpoint.split(':') as [string, string];
      const peer = devices.get(peerName);
      if (!peer || peer.role === 'upstream') {
        const candidates = namesOf(allowed);
        fail(
          'unknown-device',
          `uplink ${iface} of ${name} goes to unknown device '${peerName}'${suggest(peerName, candidates)} (${allowed.join('/')}s: ${listOf(candidates)})`,
          path,
        );
        continue;
      }
      if (!allowed.includes(peer.role)) {
        fail(
          'wrong-role',
          `uplink ${iface} of ${name} (a ${me.role}) goes to ${peerName}, a ${peer.role}; a ${me.role} uplinks to a ${allowed.join(' or ')}`,
          path,
        );
        continue;
      }
      const kind: CableKind = roleSpec(me.role).uplinkCable;
      cables.push({
        a: { device: name, interface: iface, mtu: mtuOf(name, iface) },
        b: { device: peerName, interface: peerIface, mtu: mtuOf(peerName, peerIface) },
        kind,
        path,
      });
    }
  }
  for (const [name, u] of upstreams) {
    const path = ['upstreams', name];
    const edge = devices.get(u.edge);
    if (edge?.role !== 'edge') {
      const edges = namesOf(['edge']);
      fail(
        edge ? 'wrong-role' : 'unknown-device',
        edge
          ? `upstream ${name} peers with ${u.edge}, a ${edge.role}; upstreams peer with an edge router (${listOf(edges)})`
          : `upstream ${name} peers with unknown edge '${u.edge}'${suggest(u.edge, edges)} (edges: ${listOf(edges)})`,
        [...path, 'edge'],
      );
      continue;
    }
    const link = parsePrefix(u.address);
    const peer = parseAddress(u.peer);
    if (!link || peer === undefined) continue;
    cables.push({
      a: { device: u.edge, interface: u.interface, mtu: mtuOf(u.edge, u.interface) },
      b: { device: name, interface: u.peer_interface ?? 'eth1', mtu: mtuOf(u.edge, u.interface) },
      kind: 'upstream',
      path: [...path, 'interface'],
    });
  }
  // the simulated upstreams are on the same internet: a reply may leave through the other edge
  const simulated = [...upstreams.keys()].map((n) => devices.get(n)!).sort((a, b) => a.id - b.id);
  for (let i = 0; i < simulated.length; i++)
    for (let j = i + 1; j < simulated.length; j++) {
      const [a, b] = [simulated[i]!, simulated[j]!];
      cables.push({
        a: { device: a.name, interface: `eth${b.id}`, mtu: defaults.mtu },
        b: { device: b.name, interface: `eth${a.id}`, mtu: defaults.mtu },
        kind: 'internet',
        path: [...a.path, 'id'],
      });
    }
  for (const d of devices.values()) {
    const host = d.hostedOn ? devices.get(d.hostedOn) : undefined;
    if (!roleSpec(d.role).hosted || !host || !vmHosts.includes(host.role)) continue;
    for (const nic of d.nics) {
      cables.push({
        a: { device: d.name, interface: nic.name, mtu: VM_MTU },
        b: { device: host.name, interface: vmPortName(d.id, nic.name), mtu: VM_MTU },
        kind: nic.segment === null ? 'vm-uplink' : 'vm-port',
        path: nic.path,
      });
    }
  }
  cables.sort((x, y) => x.a.device.localeCompare(y.a.device) || ifaceOrder(x.a.interface, y.a.interface));
  for (const c of cables) {
    const end = (e: CableFacts['a']) => ({ device: e.device, interface: e.interface });
    devices
      .get(c.a.device)!
      .ports.push({ interface: c.a.interface, peer: end(c.b), kind: c.kind, mtu: c.a.mtu, path: c.path });
    devices
      .get(c.b.device)!
      .ports.push({ interface: c.b.interface, peer: end(c.a), kind: c.kind, mtu: c.b.mtu, path: c.path });
  }
  for (const d of devices.values()) d.ports.sort((x, y) => ifaceOrder(x.interface, y.interface));

  // --- tenant services: members and servers must exist and have the right role ------------
  for (const [tenant, t] of tenants) {
    const base = ['tenants', tenant];
    const member = (device: string, roles: Role[], path: InventoryPath) => {
      const d = devices.get(device);
      const candidates = namesOf(roles).filter((n) => devices.get(n)!.tenant === tenant);
      if (!d) {
        fail(
          'unknown-device',
          `unknown device '${device}'${suggest(device, candidates)} (${roles.join('/')}s of ${tenant}: ${listOf(candidates)})`,
          path,
        );
        return false;
      }
      if (!roles.includes(d.role)) {
        fail('wrong-role', `'${device}' is a ${d.role}; expected a ${roles.join(' or ')}`, path);
        return false;
      }
      if (d.tenant !== tenant) {
        // a device of an unknown tenant is already reported there (unknown-tenant)
        if (tenants.has(d.tenant!))
          fail('wrong-tenant', `'${device}' belongs to tenant ${d.tenant}, not ${tenant}`, path);
        return false;
      }
      return true;
    };
    const segment = (name: string, path: InventoryPath) => {
      if (segments.has(`${tenant}/${name}`)) return true;
      if (unusableSegments.has(`${tenant}/${name}`)) return false;
      fail(
        'unknown-segment',
        `tenant ${tenant} has no segment '${name}'${suggest(name, Object.keys(t.segments))} (segments: ${Object.keys(t.segments).join(', ')})`,
        path,
      );
      return false;
    };
    t.routers?.members.forEach(
      (m, i) => void member(m.device, ['vrouter'], [...base, 'routers', 'members', i, 'device']),
    );
    for (const s of Object.keys(t.routers?.gateways ?? {})) segment(s, [...base, 'routers', 'gateways', s]);
    t.l4?.members.forEach((m, i) => void member(m.device, ['l4lb'], [...base, 'l4', 'members', i, 'device']));
    if (t.l4) segment(t.l4.gateway.segment, [...base, 'l4', 'gateway', 'segment']);
    for (const [svc, s] of Object.entries(t.l4?.services ?? {})) {
      segment(s.segment, [...base, 'l4', 'services', svc, 'segment']);
      s.real_servers.forEach(
        (r, i) => void member(r, ['l7lb', 'vm'], [...base, 'l4', 'services', svc, 'real_servers', i]),
      );
    }
    t.l7?.members.forEach((m, i) => void member(m, ['l7lb'], [...base, 'l7', 'members', i]));
    for (const [be, b] of Object.entries(t.l7?.backends ?? {}))
      b.servers.forEach((s, i) => void member(s, ['vm'], [...base, 'l7', 'backends', be, 'servers', i]));
    const backends = Object.keys(t.l7?.backends ?? {});
    for (const [fe, f] of Object.entries(t.l7?.frontends ?? {})) {
      const refs: [string, InventoryPath][] = [
        [f.default_backend, [...base, 'l7', 'frontends', fe, 'default_backend']],
        ...(f.routes ?? []).map((r, i): [string, InventoryPath] => [
          r.backend,
          [...base, 'l7', 'frontends', fe, 'routes', i, 'backend'],
        ]),
      ];
      for (const [ref, path] of refs)
        if (!backends.includes(ref))
          fail(
            'unknown-backend',
            `frontend ${fe} uses unknown backend '${ref}'${suggest(ref, backends)} (backends: ${backends.join(', ')})`,
            path,
          );
    }
  }
  for (const [name, u] of upstreams)
    (u.lab?.originate ?? []).forEach((p, i) => void prefix(p, ['upstreams', name, 'lab', 'originate', i]));

  const byRole = new Map<Role, string[]>();
  for (const d of [...devices.values()].sort((x, y) => x.id - y.id || x.name.localeCompare(y.name))) {
    if (!byRole.has(d.role)) byRole.set(d.role, []);
    byRole.get(d.role)!.push(d.name);
  }

  if (diagnostics.length || !loopbackPool || !mgmtPool) return { facts: undefined, diagnostics };
  return {
    facts: {
      name: site.name,
      inventory: site,
      pools: { loopback: loopbackPool, mgmt: mgmtPool },
      announce,
      asns,
      defaults,
      devices,
      byRole,
      cables,
      segments,
      tenants,
      upstreams,
    },
    diagnostics,
  };
}

/** Network + offset even past the end of the pool: the checks report it, compile still has a value. */
function pastThePool(pool: Prefix4, offset: number): number {
  return (pool.network + offset) >>> 0;
}

function nicOrder(nic: string): number {
  return Number(nic.replace(/\D/g, ''));
}

/** Orders interface names naturally: eth2 before eth10. */
export const ifaceOrder = naturalOrder;
