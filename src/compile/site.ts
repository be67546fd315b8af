/**
 * Second compile pass: each device's model from the site facts, then the site-wide views
 * (cables, segments, redundancy groups, IP plan). What every role shares (tier, failure domain,
 * daemons) comes from the role table (roles.ts); each role's daemon models are built in one
 * exhaustive switch, so a new role cannot be forgotten.
 */
import type { AddressFamily, FamilyAddress } from '../model/address.js';
import type { SiteTimers } from '../model/budgets.js';
import type { GdnsdModel } from '../model/gslb.js';
import { secretNamesOf } from '../model/secret-refs.js';
import type { Daemon, Device, DeviceBase, HostInterface, HostService, SiteModel } from '../model/types.js';
import { formatAddress, nth } from '../net/ipv4.js';
import { formatAddress6, nth6, onPrefix6 } from '../net/ipv6.js';
import { mgmtGateway } from './allocate.js';
import { compileBudgets } from './budgets.js';
import { nodeLinkAt } from './facts/clusters.js';
import type { VrrpAddressFacts } from './facts/tenants.js';
import { type DeviceFacts, ifaceOrder, type SiteFacts, tenantOf, VM_MTU } from './facts.js';
import { compileFrr } from './frr/index.js';
import { compileHaproxy } from './haproxy.js';
import { address4, address6, withValue } from './ip-family.js';
import { compileIpPlan } from './ip-plan.js';
import { compileClusters } from './k8s.js';
import { compileKeepalived, healthCheck } from './keepalived.js';
import { compileSysctls } from './kernel.js';
import { compileOvs, routedInterface } from './ovs.js';
import { compilePostgres } from './postgres.js';
import { compileAmqpWorker, compileRabbitmq } from './rabbitmq.js';
import { compileRedis } from './redis.js';
import { compileRedundancyGroups } from './redundancy.js';
import { dataVipDaemons, failureDomain, roleSpec, runsFrr } from './roles.js';
import { withoutSnmpd, withSnmpd } from './snmp.js';
import { compileTimers } from './timers.js';

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}

/**
 * `dnsServers`: gdnsd of each GSLB DNS server, by `<site>/<device>` (compileGslb, fabric-wide and
 * so compiled before the sites). A device's daemons are all known before anything is derived from
 * them (sysctls, snmpd); the one later stage that adds one (anycast: FRR on an L4 member) has the
 * pipeline derive them again (`rederived`).
 */
export function compileSite(
  facts: SiteFacts,
  dnsServers: ReadonlyMap<string, GdnsdModel> = new Map(),
): SiteModel {
  const timers = compileTimers(facts.inventory);
  const devices = [...facts.devices.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => withSnmpd(facts, compileDevice(facts, d, timers, dnsServers)));
  const redundancyGroups = compileRedundancyGroups(facts);
  return {
    name: facts.name,
    description: facts.inventory.description,
    devices,
    cables: facts.cables.map((c) => ({ a: c.a, b: c.b, kind: c.kind })),
    segments: [...facts.segments.values()].map((s) => ({
      tenant: s.tenant,
      name: s.name,
      vni: s.vni,
      vlan: s.vlan,
      subnet: s.subnet?.text ?? null,
      prefixLength: s.subnet?.length ?? null,
      ...(s.subnet6 ? { ipv6: { subnet: s.subnet6.text, prefixLength: s.subnet6.length } } : {}),
    })),
    redundancyGroups,
    ipPlan: compileIpPlan(facts, devices),
    mgmt: {
      subnet: facts.pools.mgmt.text,
      gateway: formatAddress(mgmtGateway(facts.pools.mgmt)),
      prefixLength: facts.pools.mgmt.length,
      ...withValue(
        'ipv6',
        facts.pools.mgmt6 && { subnet: facts.pools.mgmt6.text, prefixLength: facts.pools.mgmt6.length },
      ),
    },
    // what the devices reference: what the secrets check checks and render puts in
    secrets: secretNamesOf(devices),
    timers,
    budgets: compileBudgets(facts, devices, redundancyGroups, timers),
    ...withValue('clusters', facts.clusters.size ? compileClusters(facts, timers) : null),
  };
}

function compileDevice(
  facts: SiteFacts,
  d: DeviceFacts,
  timers: SiteTimers,
  dnsServers: ReadonlyMap<string, GdnsdModel>,
): Device {
  // Redis and Sentinel on a data service's members and on its HAProxy pair (redis.ts)
  const redis = d.role === 'vm' || d.role === 'l7lb' ? compileRedis(facts, d, timers) : null;
  // etcd, Patroni (PostgreSQL) and PgBouncer on a postgres service's members (postgres.ts)
  const postgres = d.role === 'vm' ? compilePostgres(facts, d, timers) : null;
  // a RabbitMQ node on a rabbitmq service's members, amqp-consume on its workers (rabbitmq.ts)
  const rabbitmq = d.role === 'vm' ? compileRabbitmq(facts, d, timers) : null;
  const amqpWorker = d.role === 'vm' ? compileAmqpWorker(facts, d, timers) : null;
  // gdnsd on a GSLB DNS server, a VM (gslb.ts)
  const gdnsd = d.role === 'vm' ? dnsServers.get(`${facts.name}/${d.name}`) : undefined;
  // keepalived on an HAProxy member holding its tenant's data VIPs (the role table's `dataVips`)
  const dataVips = dataVipDaemons(
    d.role,
    !!tenantOf(facts, d)?.dataVrrp?.members.some((m) => m.device === d.name),
  );
  const base = deviceBase(facts, d, [
    ...dataVips,
    ...(redis ? ['redis' as const] : []),
    ...(postgres ? (['etcd', 'patroni', 'pgbouncer'] as const) : []),
    ...(rabbitmq ? ['rabbitmq-server' as const] : []),
    ...(amqpWorker ? ['amqp-worker' as const] : []),
    ...(gdnsd ? ['gdnsd' as const] : []),
  ]);
  switch (d.role) {
    case 'superspine':
    case 'edge':
    case 'storage':
      return { ...base, role: d.role, frr: compileFrr(facts, d) };
    case 'spine':
    case 'leaf':
      return { ...base, role: d.role, pod: d.pod, frr: compileFrr(facts, d) };
    case 'hypervisor':
      return {
        ...base,
        role: d.role,
        frr: compileFrr(facts, d),
        ovs: compileOvs(facts, d),
      };
    case 'vrouter':
      return {
        ...base,
        role: d.role,
        tenant: d.tenant!,
        frr: compileFrr(facts, d),
        keepalived: compileKeepalived(facts, d),
      };
    case 'l4lb':
      return {
        ...base,
        role: d.role,
        tenant: d.tenant!,
        keepalived: compileKeepalived(facts, d),
      };
    case 'l7lb':
      return {
        ...base,
        role: d.role,
        tenant: d.tenant!,
        haproxy: compileHaproxy(facts, d),
        ...withValue('keepalived', dataVips.length ? compileKeepalived(facts, d) : null),
        ...withValue('redis', redis),
      };
    case 'vm':
      return {
        ...base,
        role: d.role,
        tenant: d.tenant!,
        ...withValue('redis', redis),
        ...withValue('postgres', postgres),
        ...withValue('rabbitmq', rabbitmq),
        ...withValue('amqpWorker', amqpWorker),
        ...withValue('gdnsd', gdnsd),
      };
    case 'k8s-node':
      return { ...base, role: d.role, cluster: d.cluster!, asn: d.asn! };
    case 'upstream': {
      // the first host of the first originated prefix, per family: the loopback address FRR adds
      const upstream = facts.upstreams.get(d.name);
      const originate = upstream?.originate[0];
      const client = originate ? nth(originate, 1) : undefined;
      const originate6 = upstream?.ipv6?.originate[0];
      const client6 = originate6 ? nth6(originate6, 1) : undefined;
      return {
        ...base,
        role: d.role,
        frr: compileFrr(facts, d),
        clientAddress: client === undefined ? null : formatAddress(client),
        ...withValue('clientAddress6', client6 === undefined ? null : formatAddress6(client6)),
      };
    }
    default:
      return assertNever(d.role);
  }
}

/**
 * What every device has; `more`: the daemons it runs beyond its role's (a data member's redis, a
 * DNS server's gdnsd). Everything derived from `daemons` is decided here, so `more` must be complete.
 */
function deviceBase(facts: SiteFacts, d: DeviceFacts, more: readonly Daemon[] = []): DeviceBase {
  const spec = roleSpec(d.role);
  const interfaces = hostInterfaces(facts, d);
  const daemons = [...spec.daemons, ...more].sort();
  return {
    name: d.name,
    role: d.role,
    id: d.id,
    site: facts.name,
    rack: d.rack,
    description: d.description,
    managed: d.managed,
    hostedOn: d.hostedOn,
    tier: spec.tier,
    failureDomain: failureDomain(d.name, d.hostedOn),
    mgmt: {
      address: d.mgmt !== null ? formatAddress(d.mgmt) : '',
      prefixLength: facts.pools.mgmt.length,
      ...withValue(
        'ipv6',
        facts.pools.mgmt6 && d.mgmt6 !== null ? onPrefix6(d.mgmt6, facts.pools.mgmt6.length) : null,
      ),
      ssh: facts.defaults.ssh,
    },
    interfaces,
    defaultGateway: defaultGateway(facts, d, 'ipv4'),
    ...withValue('defaultGateway6', defaultGateway(facts, d, 'ipv6')),
    services: services(facts, d),
    daemons,
    snmpd: null,
    sysctls: kernelSettings(facts, d.name, d.role, daemons, interfaces, d.hostedOn !== null),
  };
}

/**
 * A device's kernel settings, from its daemons (FRR: routed; any: configured; its role's
 * `dataVips` daemon: holds data VIPs) and NICs.
 */
function kernelSettings(
  facts: SiteFacts,
  name: string,
  role: Device['role'],
  daemons: readonly Daemon[],
  interfaces: readonly HostInterface[],
  isVm: boolean,
) {
  // the role's `dataVips` daemon runs: it holds data VIPs, IPv6 ones where its tenant has some
  const holds = dataVipDaemons(role, true);
  const holdsDataVips = holds.length > 0 && holds.every((x) => daemons.includes(x));
  const d = facts.devices.get(name);
  const holdsDataVips6 =
    holdsDataVips && !!(d && tenantOf(facts, d)?.dataVrrp?.groups.some((g) => g.addresses6.length));
  return compileSysctls(
    { routed: runsFrr(daemons), configured: daemons.length > 0, isVm, holdsDataVips, holdsDataVips6 },
    interfaces,
  );
}

/**
 * A device that a fabric-wide stage after the site compile gave another daemon (anycast gives an
 * L4 member FRR, src/compile/anycast.ts), with what is derived from its daemons decided again:
 * its kernel settings, then snmpd (which MIBs, AgentX for FRR).
 */
export function rederived(facts: SiteFacts, device: Device): Device {
  const bare = withoutSnmpd(device);
  return withSnmpd(facts, {
    ...bare,
    sysctls: kernelSettings(
      facts,
      bare.name,
      bare.role,
      bare.daemons,
      bare.interfaces,
      bare.hostedOn !== null,
    ),
  });
}

function hostInterfaces(facts: SiteFacts, d: DeviceFacts): HostInterface[] {
  const out: HostInterface[] = [];
  if (d.loopback !== null)
    out.push({
      name: 'lo',
      addresses: [address4(d.loopback, 32), ...(d.loopback6 === null ? [] : [address6(d.loopback6, 128)])],
      mtu: 65536,
      peer: { device: d.name, interface: 'lo' },
      kind: 'loopback',
      segment: null,
    });
  for (const p of d.ports) {
    const nic = d.nics.find((n) => n.name === p.interface);
    const addresses4: FamilyAddress[] = [];
    const addresses6: FamilyAddress[] = [];
    const seg = nic?.segment ? facts.segments.get(nic.segment) : undefined;
    if (nic?.address != null && seg?.subnet) addresses4.push(address4(nic.address, seg.subnet.length));
    if (nic?.address6 != null && seg?.subnet6) addresses6.push(address6(nic.address6, seg.subnet6.length));
    // a Cilium node's numbered cable, at either end (facts/clusters.ts)
    const cable = p.kind === 'host' ? nodeLinkAt(facts.clusters, d.name, p.interface) : undefined;
    if (cable) addresses4.push(address4(cable.mine, cable.link.length));
    if (p.kind === 'upstream') {
      const simulated = facts.upstreams.get(d.name);
      const u = simulated ?? facts.upstreams.get(p.peer.device);
      if (u) addresses4.push(address4(simulated ? u.theirs : u.ours, u.link.length));
      if (u?.ipv6) addresses6.push(address6(simulated ? u.ipv6.theirs : u.ipv6.ours, u.ipv6.link.length));
    }
    out.push({
      name: p.interface,
      addresses: [...addresses4, ...addresses6],
      mtu: p.kind === 'vm-port' || p.kind === 'vm-uplink' ? VM_MTU : p.mtu,
      peer: p.peer,
      kind: p.kind,
      segment: nic?.segment ?? (p.kind === 'vm-port' ? segmentOfVmPort(facts, p.peer) : null),
    });
    // a hypervisor's routed side of a vRouter uplink: the internal port of the uplink's OVS bridge
    const routed = routedInterface(facts, d, p);
    if (routed !== p.interface)
      out.push({ name: routed, addresses: [], mtu: VM_MTU, peer: p.peer, kind: 'vm-router', segment: null });
  }
  return out.sort((a, b) => (a.name === 'lo' ? -1 : b.name === 'lo' ? 1 : ifaceOrder(a.name, b.name)));
}

function segmentOfVmPort(facts: SiteFacts, vmEnd: { device: string; interface: string }): string | null {
  return facts.devices.get(vmEnd.device)?.nics.find((n) => n.name === vmEnd.interface)?.segment ?? null;
}

/**
 * A VM's default gateway: an HAProxy (or any real server of the L4 pair) routes through the L4
 * gateway VIP so that IPVS NAT sees the replies; everything else through its tenant's vRouter
 * gateway on the first segment that has one. FRR devices (and routed VMs, `uplinkNic` in the
 * role table) route by BGP and have none.
 */
function defaultGateway(facts: SiteFacts, d: DeviceFacts, family: AddressFamily): string | null {
  const spec = roleSpec(d.role);
  const of = tenantOf(facts, d);
  if (spec.uplinkNic || !of) return null;
  const text = (g: VrrpAddressFacts) =>
    family === 'ipv4'
      ? g.address === null
        ? null
        : formatAddress(g.address)
      : g.address6 === null
        ? null
        : formatAddress6(g.address6);
  const l4 = of.l4;
  if (l4 && !spec.serves.includes('l4') && d.nics.some((n) => n.segment === l4.gateway.key))
    return text(l4.gateway);
  for (const nic of d.nics) {
    const gw = of.routers?.gateways.find((g) => g.key === nic.segment);
    if (gw) return text(gw);
  }
  return null;
}

/**
 * What an application VM serves: the port of each HAProxy backend it is a server of (with the
 * paths routed there), and each port of each L4 service that has it as a real server (IPVS NAT
 * sends the VIP's port unchanged, every path). One entry per port.
 */
function services(facts: SiteFacts, d: DeviceFacts): HostService[] {
  const of = tenantOf(facts, d);
  if (!roleSpec(d.role).serves.includes('l7-server') || !of) return [];
  const byPort = new Map<number, HostService>();
  const serve = (port: number, healthPath: string, paths: Iterable<string>, l4Service?: string) => {
    const s = byPort.get(port) ?? { kind: 'http' as const, port, healthPath, paths: [], l4Services: [] };
    s.paths = [...new Set([...s.paths, ...paths])].sort();
    if (l4Service) s.l4Services = [...new Set([...s.l4Services, l4Service])].sort();
    byPort.set(port, s);
  };
  for (const b of of.l7?.backends ?? []) {
    if (!b.servers.some((s) => s.name === d.name)) continue;
    const paths = new Set<string>();
    for (const [, f] of of.l7?.frontends ?? []) {
      if (f.default_backend === b.name) paths.add('/');
      for (const r of f.routes ?? []) if (r.backend === b.name) paths.add(r.path);
    }
    serve(b.port, healthCheck(b.check).path ?? '/', paths);
  }
  for (const s of of.l4?.services ?? []) {
    if (!s.realServers.includes(d.name)) continue;
    for (const port of s.ports) serve(port, healthCheck(s.check).path ?? '/', ['/'], s.name);
  }
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}
