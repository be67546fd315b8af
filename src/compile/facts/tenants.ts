/**
 * Tenants resolved: each tenant's VRRP pairs with their virtual addresses parsed and tied to a
 * segment key, its L4 services with parsed VIPs and sorted ports, its L7 backends with their
 * servers resolved to devices. The second compile pass reads these, not the inventory's tenants.
 * Built after the references are checked, so every name here exists.
 */
import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import type {
  Backend,
  DataMember,
  DataService,
  DataVip,
  Frontend,
  HealthCheck,
  L4Service,
  Tenant,
} from '../../inventory/types.gen.js';
import { parseAddress } from '../../net/ipv4.js';
import { parseAddress6 } from '../../net/ipv6.js';
import { dataVipPriority, dataVipVrid } from '../allocate.js';
import type { DeviceFacts, SegmentFacts } from '../facts.js';
import type { FactsContext } from './context.js';
import { familiesMatch } from './devices.js';

export interface VrrpMemberFacts {
  device: string;
  priority: number;
}

/** A virtual address a VRRP pair holds on one of its tenant's segments. */
export interface VrrpAddressFacts {
  /** The segment's name in the tenant, and its `tenant/segment` key. */
  segment: string;
  key: string;
  vrid: number;
  /** The IPv4 virtual address, or null when the pair holds only an IPv6 one here. */
  address: number | null;
  /** The IPv6 virtual address (its own VRRPv3 instance, same VRID), or null. */
  address6: bigint | null;
}

export interface VrrpPairFacts {
  members: VrrpMemberFacts[];
  /** Name of the secret holding the VRRP password, or null. */
  auth: string | null;
  /** Milliseconds: the pair's own failure budget, or null for the site's. */
  budget: number | null;
}

export interface L4ServiceFacts extends VrrpAddressFacts {
  name: string;
  /** Ports, ascending. */
  ports: number[];
  realServers: string[];
  scheduler: NonNullable<L4Service['scheduler']>;
  check: HealthCheck | undefined;
  /** Milliseconds: the service's own failure budget, or null for the site's. */
  budget: number | null;
}

/** A backend's `response_timeout` unless it sets one: HAProxy's usual `timeout server`. */
export const DEFAULT_RESPONSE_TIMEOUT_S = 30;

export interface L7BackendFacts {
  name: string;
  port: number;
  balance: NonNullable<Backend['balance']>;
  /** Seconds an answer may take (`response_timeout`). */
  responseTimeoutS: number;
  check: HealthCheck | undefined;
  /** The backend's servers, resolved, in the order written. */
  servers: DeviceFacts[];
}

/** The port a data service's members serve on unless it sets one. */
export const DEFAULT_DATA_PORTS: Readonly<Record<DataService['kind'], number>> = {
  redis: 6379,
  postgres: 6432,
  rabbitmq: 5672,
};

/** One VIP of a data service, its address parsed. */
export interface DataVipFacts {
  name: string;
  role: DataVip['role'];
  /** The segment's name in the tenant, and its `tenant/segment` key. */
  segment: string;
  key: string;
  /** The IPv4 VIP, or null when it does not parse (reported in validate). */
  address: number | null;
  /** The IPv6 VIP beside it (`address6`), or null: none, or it does not parse. */
  address6: bigint | null;
  port: number;
}

/** A data service of a tenant: its members resolved to devices, its VIPs by name. */
export interface DataServiceFacts {
  name: string;
  kind: DataService['kind'];
  /** The members' port. */
  port: number;
  /** The members that exist, in the order written, with the role each starts in. */
  members: { device: DeviceFacts; role: DataMember['role'] }[];
  /** Its VIPs, sorted by name. */
  vips: DataVipFacts[];
  /** Milliseconds: the service's own budget, or null for the site's `budgets.data`. */
  budget: number | null;
  /** Name of the secret holding the service's password (`auth`), or null: no password. */
  auth: string | null;
  /** `rabbitmq`: name of the secret holding the nodes' Erlang cookie (`cookie`), or null. */
  cookie: string | null;
  /** `rabbitmq`: its workers that exist, in the order written (empty otherwise). */
  workers: DataWorkerFacts[];
}

/** A worker of a `rabbitmq` service: the VM and the queue it consumes. */
export interface DataWorkerFacts {
  device: DeviceFacts;
  queue: string;
  /** Unacknowledged messages it holds at once. */
  prefetch: number;
}

/** A worker's `prefetch` unless it sets one: one message at a time, the fairest spread over workers. */
export const DEFAULT_WORKER_PREFETCH = 1;

export interface TenantFacts {
  name: string;
  /** The inventory's tenant, for the checks that still read it. */
  input: Tenant;
  /** The vRouter pair and its gateway address per segment (in the order written), or null. */
  routers: (VrrpPairFacts & { gateways: VrrpAddressFacts[] }) | null;
  /** The L4 balancer pair, its gateway address and its services (in the order written), or null. */
  l4: (VrrpPairFacts & { gateway: VrrpAddressFacts; services: L4ServiceFacts[] }) | null;
  /** The L7 pair's frontends and backends, in the order written, or null. */
  l7: { members: string[]; frontends: [string, Frontend][]; backends: L7BackendFacts[] } | null;
  /** Its data services, sorted by name (empty without `data`). */
  data: DataServiceFacts[];
  /**
   * The HAProxy pair as the VRRP pair holding the data VIPs (docs/data-tier.md): its members with
   * priorities from their order (allocate.ts `dataVipPriority`) and one group per segment that
   * carries data VIPs; null without an HAProxy pair or without data VIPs.
   */
  dataVrrp: (VrrpPairFacts & { groups: DataVipGroupFacts[] }) | null;
  /** Name of the secret holding the Sentinels' own password (`sentinels.auth`), or null: none. */
  sentinelAuth: string | null;
}

/**
 * The data VIPs of a tenant on one segment: one VRRP instance on the HAProxy pair
 * (`<tenant>_data_<segment>`) holds them all, with a VRID allocated here (allocate.ts `dataVipVrid`).
 */
export interface DataVipGroupFacts {
  /** The segment's name in the tenant, and its `tenant/segment` key. */
  segment: string;
  key: string;
  /** Null when every VRID of the segment is taken (checks: `data-vip-no-vrid`). */
  vrid: number | null;
  /** The VIPs' addresses that parse, ascending, each once, with the `<service>/<vip>` names holding it. */
  addresses: { address: number; vips: string[] }[];
  /** The same for their IPv6 addresses (`address6`): empty when no VIP of the segment has one. */
  addresses6: { address: bigint; vips: string[] }[];
}

/** Every tenant, sorted by name. */
export function tenantFacts(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  segments: Map<string, SegmentFacts>,
): Map<string, TenantFacts> {
  const out = new Map<string, TenantFacts>();
  for (const [name, t] of Object.entries(ctx.site.tenants).sort(([a], [b]) => a.localeCompare(b))) {
    const base = ['tenants', name];
    const vrrp = (
      segment: string,
      vrid: number,
      given: { address?: string; address6?: string },
      path: InventoryPath,
    ): VrrpAddressFacts => {
      const key = `${name}/${segment}`;
      const on = segments.get(key);
      if (on) familiesMatch(ctx, `VRRP address of ${key}`, on, given, path);
      const address = given.address === undefined ? null : (parseAddress(given.address) ?? null);
      const address6 = given.address6 === undefined ? null : (parseAddress6(given.address6) ?? null);
      if (given.address !== undefined && address === null)
        ctx.fail('bad-address', `'${given.address}' is not an IPv4 address; write it like 10.1.0.1`, [
          ...path,
          'address',
        ]);
      return { segment, key, vrid, address, address6 };
    };
    const pair = (p: {
      members: VrrpMemberFacts[];
      auth?: { secret: string };
      budget?: number;
    }): VrrpPairFacts => ({
      members: p.members.map((m) => ({ device: m.device, priority: m.priority })),
      auth: p.auth?.secret ?? null,
      budget: p.budget ?? null,
    });
    const { routers, l4, l7, data } = t;
    const dataServices = Object.entries(data ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([svc, ds]) => ({
        name: svc,
        kind: ds.kind,
        port: ds.port ?? DEFAULT_DATA_PORTS[ds.kind],
        members: ds.members
          .map((m) => ({ device: devices.get(m.device), role: m.role }))
          .filter((m): m is { device: DeviceFacts; role: DataMember['role'] } => m.device !== undefined),
        vips: Object.entries(ds.vips)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([vip, v]) => ({
            name: vip,
            role: v.role,
            segment: v.segment,
            key: `${name}/${v.segment}`,
            address: parseAddress(v.address) ?? null,
            address6: dataVipAddress6(ctx, segments.get(`${name}/${v.segment}`), v.address6, [
              ...base,
              'data',
              svc,
              'vips',
              vip,
              'address6',
            ]),
            port: v.port,
          })),
        budget: ds.budget ?? null,
        auth: ds.auth?.secret ?? null,
        cookie: ds.cookie?.secret ?? null,
        workers: (ds.workers ?? []).flatMap((w) => {
          const device = devices.get(w.device);
          return device ? [{ device, queue: w.queue, prefetch: w.prefetch ?? DEFAULT_WORKER_PREFETCH }] : [];
        }),
      }));
    out.set(name, {
      name,
      input: t,
      routers: routers
        ? {
            ...pair(routers),
            gateways: Object.entries(routers.gateways).map(([s, g]) =>
              vrrp(s, g.vrid, g, [...base, 'routers', 'gateways', s]),
            ),
          }
        : null,
      l4: l4
        ? {
            ...pair(l4),
            gateway: vrrp(l4.gateway.segment, l4.gateway.vrid, l4.gateway, [...base, 'l4', 'gateway']),
            services: Object.entries(l4.services).map(([svc, s]) => ({
              ...vrrp(s.segment, s.vrid, s, [...base, 'l4', 'services', svc]),
              name: svc,
              ports: [...s.ports].sort((a, b) => a - b),
              realServers: [...s.real_servers],
              scheduler: s.scheduler ?? 'wrr',
              check: s.check,
              budget: s.budget ?? null,
            })),
          }
        : null,
      l7: l7
        ? {
            members: [...l7.members],
            frontends: Object.entries(l7.frontends),
            backends: Object.entries(l7.backends).map(([be, b]) => ({
              name: be,
              port: b.port,
              balance: b.balance ?? 'roundrobin',
              responseTimeoutS: b.response_timeout ?? DEFAULT_RESPONSE_TIMEOUT_S,
              check: b.check,
              servers: b.servers.map((s) => devices.get(s)).filter((s): s is DeviceFacts => s !== undefined),
            })),
          }
        : null,
      data: dataServices,
      dataVrrp: l7 ? dataVrrpOf(t, l7.members, dataServices) : null,
      sentinelAuth: t.sentinels?.auth?.secret ?? null,
    });
  }
  return out;
}

/**
 * A data VIP's IPv6 address, optional even on a dual-stack segment (an IPv4-only VIP there is
 * fine); given on a segment without `subnet6` or not an IPv6 address, a located error.
 */
function dataVipAddress6(
  ctx: FactsContext,
  on: SegmentFacts | undefined,
  given: string | undefined,
  path: InventoryPath,
): bigint | null {
  if (given === undefined) return null;
  if (on && !on.subnet6) {
    ctx.fail(
      'wrong-family',
      `segment ${on.key} has no IPv6 subnet (subnet6); remove address6 or give the segment one`,
      path,
    );
    return null;
  }
  const address6 = parseAddress6(given) ?? null;
  if (address6 === null)
    ctx.fail('bad-address', `'${given}' is not an IPv6 address; write it like 2001:db8:20:2::40`, path);
  return address6;
}

/**
 * The HAProxy pair's VRRP for the tenant's data VIPs: a group per segment carrying one, its VRID
 * the highest the tenant's inventory VRRP groups leave free on that segment.
 */
function dataVrrpOf(
  t: Tenant,
  members: readonly string[],
  services: readonly DataServiceFacts[],
): (VrrpPairFacts & { groups: DataVipGroupFacts[] }) | null {
  const bySegment = new Map<
    string,
    { key: string; addresses: Map<number, string[]>; addresses6: Map<bigint, string[]> }
  >();
  for (const svc of services)
    for (const v of svc.vips) {
      const g = bySegment.get(v.segment) ?? {
        key: v.key,
        addresses: new Map<number, string[]>(),
        addresses6: new Map<bigint, string[]>(),
      };
      const name = `${svc.name}/${v.name}`;
      if (v.address !== null) g.addresses.set(v.address, [...(g.addresses.get(v.address) ?? []), name]);
      if (v.address6 !== null) g.addresses6.set(v.address6, [...(g.addresses6.get(v.address6) ?? []), name]);
      bySegment.set(v.segment, g);
    }
  if (!bySegment.size) return null;
  // the VRIDs the inventory writes on each segment: the gateway, the L4 gateway, the L4 services
  const taken = (segment: string) =>
    new Set([
      ...Object.entries(t.routers?.gateways ?? {})
        .filter(([s]) => s === segment)
        .map(([, g]) => g.vrid),
      ...(t.l4?.gateway.segment === segment ? [t.l4.gateway.vrid] : []),
      ...Object.values(t.l4?.services ?? {})
        .filter((s) => s.segment === segment)
        .map((s) => s.vrid),
    ]);
  return {
    members: members.map((device, i) => ({ device, priority: dataVipPriority(i) })),
    auth: t.l7?.auth?.secret ?? null,
    budget: null,
    groups: [...bySegment]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([segment, g]) => ({
        segment,
        key: g.key,
        vrid: dataVipVrid(taken(segment)),
        addresses: [...g.addresses]
          .sort(([a], [b]) => a - b)
          .map(([address, vips]) => ({ address, vips: vips.sort() })),
        addresses6: [...g.addresses6]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([address, vips]) => ({ address, vips: vips.sort() })),
      })),
  };
}
