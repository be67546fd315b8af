/**
 * keepalived for the VRRP pairs of a tenant: the vRouters (the default gateway of each segment),
 * the L4 balancers (the service VIPs, the real servers' gateway, and the IPVS virtual servers),
 * and the HAProxy pair when the tenant has data VIPs (one instance per segment holding its data
 * VIPs, tracking HAProxy; no IPVS: HAProxy binds them, docs/data-tier.md). keepalived takes one
 * address family per instance, so a virtual address with `address` and `address6` is two
 * instances (`<name>`, `<name>_v6`) and a dual-stack VIP two sets of virtual servers. All instances of one device, of both families, are in one sync group, so
 * they fail over together and traffic never enters through one member and leaves through the
 * other; a device with a single instance has no group (keepalived refuses a group of one).
 */
import { ADDRESS_FAMILIES, type AddressFamily, cidrOf, type InterfaceAddress } from '../model/address.js';
import type { HealthCheckTimers } from '../model/budgets.js';
import type {
  HealthCheck,
  KeepalivedModel,
  VirtualServer,
  VrrpInstance,
  VrrpScript,
} from '../model/types.js';
import { formatAddress, onPrefix } from '../net/ipv4.js';
import { formatAddress6, onPrefix6 } from '../net/ipv6.js';
import { vrrpInstanceName, vrrpInstanceName6, vrrpVrid } from './allocate.js';
import type { TenantFacts, VrrpAddressFacts } from './facts/tenants.js';
import { type DeviceFacts, type SiteFacts, tenantOf } from './facts.js';
import { HAPROXY_HEALTH } from './haproxy.js';
import { roleSpec, routesWithFrr, serviceRoles } from './roles.js';
import { checkTimers, compileTimers, DEFAULT_TIMERS } from './timers.js';

/**
 * A gateway that routes with BGP is a gateway only while it has BGP routes: without them (its
 * sessions down, or coming back after a failure) it would take the gateway address and drop what
 * it receives. `ip route show proto bgp` is what zebra installed; once a second, keepalived's
 * shortest interval. One script per family: an instance tracks the routes of its own family, so
 * an IPv6 gateway without IPv6 routes faults (and its sync group with it) while IPv4 still routes.
 */
export const BGP_ROUTES_SCRIPTS: Readonly<Record<AddressFamily, VrrpScript>> = {
  ipv4: bgpRoutesScript('fabric_bgp_routes', '-4'),
  ipv6: bgpRoutesScript('fabric_bgp_routes_v6', '-6'),
};

function bgpRoutesScript(name: string, family: '-4' | '-6'): VrrpScript {
  return {
    name,
    script: `/bin/sh -c 'ip ${family} route show proto bgp | grep -q .'`,
    interval: 1,
    fall: 1,
    rise: 1,
  };
}

interface VrrpSpec {
  name: string;
  vip: VrrpAddressFacts;
  /** More IPv4 addresses the instance holds beside `vip.address` (the data VIPs of one segment). */
  more: number[];
  /** More IPv6 addresses beside `vip.address6` (the data VIPs of one segment). */
  more6: bigint[];
}

/**
 * HAProxy is alive: the instance holding the data VIPs faults without it, and the peer takes
 * them (docs/data-tier.md). A `vrrp_script`, not `track_process`: keepalived's process tracking
 * listens to the kernel's proc connector, which serves only the initial PID namespace, and the
 * lab runs each node in a PID namespace of its own. `pidof` sees the node's own processes only.
 * Every second, keepalived's shortest script interval (2.2.7 refuses fractions).
 */
export const HAPROXY_ALIVE_SCRIPT: VrrpScript = {
  name: 'fabric_haproxy',
  script: "/bin/sh -c 'pidof haproxy >/dev/null'",
  interval: 1,
  fall: 1,
  rise: 1,
};

/** The virtual addresses a member of the tenant's `pair` holds, each an instance (per family). */
function vrrpSpecs(tenant: TenantFacts | undefined, pair: 'routers' | 'l4' | 'data'): VrrpSpec[] {
  const tenantName = tenant?.name ?? '';
  const specs: VrrpSpec[] = [];
  if (pair === 'routers') {
    for (const g of tenant?.routers?.gateways ?? [])
      specs.push({ name: vrrpInstanceName(tenantName, `gw_${g.segment}`), vip: g, more: [], more6: [] });
  } else if (pair === 'data') {
    // one instance per segment holds all the tenant's data VIPs there
    for (const g of tenant?.dataVrrp?.groups ?? []) {
      const [first, ...rest] = g.addresses;
      const [first6, ...rest6] = g.addresses6;
      if (!first || g.vrid === null) continue; // reported by checks: data-vip-no-vrid
      specs.push({
        name: vrrpInstanceName(tenantName, `data_${g.segment}`),
        vip: {
          segment: g.segment,
          key: g.key,
          vrid: g.vrid,
          address: first.address,
          address6: first6?.address ?? null,
        },
        more: rest.map((a) => a.address),
        more6: rest6.map((a) => a.address),
      });
    }
  } else if (tenant?.l4) {
    for (const s of tenant.l4.services)
      specs.push({ name: vrrpInstanceName(tenantName, `vip_${s.name}`), vip: s, more: [], more6: [] });
    specs.push({ name: vrrpInstanceName(tenantName, 'lb_gw'), vip: tenant.l4.gateway, more: [], more6: [] });
  }
  return specs;
}

export function compileKeepalived(facts: SiteFacts, d: DeviceFacts): KeepalivedModel {
  const tenant = tenantOf(facts, d);
  const tenantName = tenant?.name ?? '';
  // the role table says which VRRP pair of its tenant the device is in: the gateway routers, the
  // L4 balancers, or the HAProxy pair holding the data VIPs
  const spec = roleSpec(d.role);
  const serves = spec.serves;
  const gateway = serves.includes('routers');
  const dataVips = !gateway && !serves.includes('l4') && spec.dataVips !== undefined;
  const pair = gateway ? tenant?.routers : dataVips ? tenant?.dataVrrp : tenant?.l4;
  const specs = vrrpSpecs(tenant, gateway ? 'routers' : dataVips ? 'data' : 'l4');
  const timers = compileTimers(facts.inventory);
  const members = pair?.members ?? [];
  const me = members.find((m) => m.device === d.name);
  const other = members.find((m) => m.device !== d.name);
  const tracksRoutes = gateway && routesWithFrr(spec);
  // the scripts an instance of the family tracks: BGP routes on a routing gateway, HAProxy on a data VIP holder
  const scriptsOf = (family: AddressFamily): VrrpScript[] =>
    tracksRoutes ? [BGP_ROUTES_SCRIPTS[family]] : dataVips ? [HAPROXY_ALIVE_SCRIPT] : [];
  const instances: VrrpInstance[] = [];
  for (const vs of specs) {
    const key = vs.vip.key;
    const nic = d.nics.find((n) => n.segment === key);
    if (!nic || !me) continue; // reported by checks: vrrp-member-not-on-segment
    const seg = nic.on;
    const otherNic = other ? facts.devices.get(other.device)?.nics.find((n) => n.segment === key) : undefined;
    // one instance per family (keepalived: one family per instance), alike but for name,
    // address and the tie-break address; the fields in the model's order
    const instance = (
      name: string,
      vip: InterfaceAddress,
      intendedMaster: boolean,
      family: AddressFamily,
    ): VrrpInstance => ({
      name,
      family,
      state: 'BACKUP',
      interface: nic.name,
      virtualRouterId: vrrpVrid(vs.vip),
      priority: me.priority,
      advertInt: timers.vrrp.advertS,
      // VRRPv3 has no authentication (RFC 5798 section 9): `auth` with v3 is a finding (vrrp-auth-v3).
      // An IPv6 instance is VRRPv3 whatever `vrrp_version` says (VRRPv2 is IPv4 only, RFC 3768),
      // and keepalived -t refuses one with `authentication` ("does not support authentication").
      authentication:
        pair?.auth && timers.vrrp.version === 2 && family === 'ipv4'
          ? { authType: 'PASS', authPass: { secret: pair.auth, use: 'vrrp-auth' } }
          : null,
      virtualIpaddress: [
        vip,
        ...(family === 'ipv4' && seg?.subnet ? vs.more.map((a) => onPrefix(a, seg.subnet!.length)) : []),
        ...(family === 'ipv6' && seg?.subnet6 ? vs.more6.map((a) => onPrefix6(a, seg.subnet6!.length)) : []),
      ].map((a) => ({ ...a, dev: nic.name })),
      trackInterfaces: d.nics.filter((n) => n.name !== nic.name).map((n) => n.name),
      trackScripts: scriptsOf(family).map((x) => x.name),
      segment: key,
      peer: other?.device ?? null,
      intendedMaster,
    });
    if (seg?.subnet && vs.vip.address !== null)
      instances.push(
        instance(
          vs.name,
          onPrefix(vs.vip.address, seg.subnet.length),
          isIntendedMaster(me.priority, nic.address ?? 0, other?.priority, otherNic?.address ?? undefined),
          'ipv4',
        ),
      );
    if (seg?.subnet6 && vs.vip.address6 !== null)
      instances.push(
        instance(
          vrrpInstanceName6(vs.name),
          onPrefix6(vs.vip.address6, seg.subnet6.length),
          isIntendedMaster(me.priority, nic.address6 ?? 0n, other?.priority, otherNic?.address6 ?? undefined),
          'ipv6',
        ),
      );
  }
  // IPv4 first, then by name: the order keepalived.conf lists them in
  const rank = (f: AddressFamily) => ADDRESS_FAMILIES.indexOf(f);
  instances.sort((a, b) => rank(a.family) - rank(b.family) || a.name.localeCompare(b.name));
  // one sync group holds both families' instances: the IPv4 and IPv6 gateways move together
  const grouped = instances.map((i) => i.name).sort((a, b) => a.localeCompare(b));
  return {
    stopPost: vipCleanup(instances),
    restartMs: KEEPALIVED_RESTART_MS,
    globalDefs: {
      routerId: d.name,
      enableScriptSecurity: true,
      scriptUser: 'root',
      enableSnmpVrrp: false,
      vrrpVersion: timers.vrrp.version,
      // the failback of a silent master: measured in the lab, the hosts kept the backup's MAC
      // for the IPv6 gateway (REACHABLE, never re-probed) when the master sent no NA again
      higherPrioSendAdvert: true,
      garpMasterRefreshS: GARP_MASTER_REFRESH_S,
    },
    // the scripts its instances track, each once: per family that has an instance
    vrrpScripts: [
      ...new Map(
        ADDRESS_FAMILIES.filter((f) => instances.some((i) => i.family === f))
          .flatMap(scriptsOf)
          .map((x) => [x.name, { ...x }] as const),
      ).values(),
    ],
    // `keepalived -t` (2.2.7) refuses a sync group of one instance ("Sync group … has only 1
    // virtual router(s)", exit 5), and one instance needs no group to fail over with.
    vrrpSyncGroups:
      grouped.length > 1
        ? [
            {
              name: vrrpInstanceName(tenantName, gateway ? 'gateway' : dataVips ? 'data' : 'balancer'),
              instances: grouped,
            },
          ]
        : [],
    vrrpInstances: instances,
    virtualServers: serves.includes('l4')
      ? ADDRESS_FAMILIES.flatMap((f) => compileVirtualServers(facts, d, timers.checks, f))
      : [],
  };
}

/** systemd's pause before starting a keepalived that ended (the drop-in's `RestartSec=`). */
export const KEEPALIVED_RESTART_MS = 1000;

/**
 * What systemd runs after keepalived ended, any way (`ExecStopPost=`): every VIP of its instances
 * deleted, with the exact prefix length keepalived added it with (`ip addr del` of another
 * length deletes nothing). A SIGKILLed keepalived cannot clean up: the address would stay while
 * the peer takes it over, two holders on one segment.
 */
export function vipCleanup(instances: readonly VrrpInstance[]): string[] {
  return instances.flatMap((i) =>
    i.virtualIpaddress.map(
      (v) => `/sbin/ip ${i.family === 'ipv6' ? '-6' : '-4'} addr del ${cidrOf(v)} dev ${v.dev}`,
    ),
  );
}

/**
 * The intended master has the higher priority; on a tie VRRP elects the member with the higher
 * primary address (RFC 5798 section 6.4.3), and so does the model.
 */
export function isIntendedMaster<A extends number | bigint>(
  priority: number,
  address: A,
  otherPriority?: number,
  otherAddress?: A,
): boolean {
  if (otherPriority === undefined) return true;
  if (priority !== otherPriority) return priority > otherPriority;
  return otherAddress === undefined ? address > 0 : address > otherAddress;
}

/**
 * A health check: the service's own `check`, over the site's check timers. A server is removed
 * after `fall` failed checks: keepalived's `retry` counts the checks after the first failure.
 */
export function healthCheck(
  input: { kind: 'tcp' | 'http'; path?: string; interval?: number; timeout?: number } | undefined,
  site: HealthCheckTimers = DEFAULT_TIMERS.checks,
): HealthCheck {
  const t = checkTimers(site, input);
  return {
    kind: input?.kind ?? 'tcp',
    path: input?.kind === 'http' ? (input.path ?? '/') : null,
    interval: t.intervalS,
    timeout: t.timeoutS,
    retry: t.fall - 1,
    delayBeforeRetry: t.fastIntervalS,
    connectPort: null,
  };
}

/**
 * IPVS virtual servers of one family: a VIP of that family, per port, and the real servers by
 * their address of the same family on the L4 gateway segment (IPVS NAT does not translate
 * between families, so a real server without an address of the VIP's family is not one of its
 * servers; an IPv6 VIP whose real servers have none is a finding, vip-family-unserved).
 */
function compileVirtualServers(
  facts: SiteFacts,
  d: DeviceFacts,
  checks: HealthCheckTimers,
  family: AddressFamily,
): VirtualServer[] {
  const l4 = tenantOf(facts, d)?.l4;
  if (!l4) return [];
  const v6 = family === 'ipv6';
  const out: { vip: number | bigint; server: VirtualServer }[] = [];
  for (const s of l4.services) {
    const check = healthCheck(s.check, checks);
    // a real server that is fabric's HAProxy is checked on its health frontend: it answers 200
    // only while it has an application server to send to (a TCP connect only says it listens)
    const viaHealth: HealthCheck = {
      ...check,
      kind: 'http',
      path: HAPROXY_HEALTH.uri,
      connectPort: HAPROXY_HEALTH.port,
    };
    const l7Roles = serviceRoles().l7;
    const vip = v6 ? s.address6 : s.address;
    if (vip === null) continue;
    for (const port of s.ports) {
      const realServers = s.realServers
        .map((name) => {
          const nic = facts.devices.get(name)?.nics.find((n) => n.segment === l4.gateway.key);
          const address = v6
            ? nic?.address6 == null
              ? undefined
              : formatAddress6(nic.address6)
            : nic?.address == null
              ? undefined
              : formatAddress(nic.address);
          if (address === undefined) return undefined;
          // an L7 balancer as a real server has the health frontend
          const proxy = l7Roles.includes(facts.devices.get(name)!.role);
          return {
            device: name,
            address,
            port,
            weight: 1,
            check: proxy ? viaHealth : check,
          };
        })
        .filter((r): r is NonNullable<typeof r> => !!r)
        .sort((a, b) => a.device.localeCompare(b.device));
      const server: VirtualServer = {
        family,
        address: v6 ? formatAddress6(vip as bigint) : formatAddress(vip as number),
        port,
        protocol: 'TCP',
        lbAlgo: s.scheduler,
        lbKind: 'NAT',
        delayLoop: check.interval,
        realServers,
      };
      out.push({ vip, server });
    }
  }
  return out
    .sort((a, b) => (a.vip < b.vip ? -1 : a.vip > b.vip ? 1 : 0) || a.server.port - b.server.port)
    .map((v) => v.server);
}

/**
 * How often a VRRP master sends its gratuitous ARPs and NAs again (`vrrp_garp_master_refresh`).
 * Measured in the data-mq lab (2026-12-07): after a split brain of lb1/lb2 healed, web1 kept
 * lb2's MAC for the IPv6 gateway, REACHABLE, for over 20 minutes (the IPv6 VIP answered no TCP),
 * the advert that `vrrp_higher_prio_send_advert` relies on having been lost with the packets
 * that caused the split brain. Every 5 s bounds that to 5 s at one packet per address and 5 s.
 */
export const GARP_MASTER_REFRESH_S = 5;
