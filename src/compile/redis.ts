/**
 * Redis and Sentinel for the `redis` data services (issue 12, docs/data-tier.md): each member's
 * redis-server, and the Sentinels that watch each service, one on every member and one on each
 * member of the tenant's HAProxy pair. Where they run, what they bind and announce, the quorum and
 * the timers are decided here; templates/redis/ prints them.
 */
import type { SiteTimers } from '../model/budgets.js';
import type { RedisModel, RedisServerModel, SentinelMonitor } from '../model/redis.js';
import type { SecretRef } from '../model/secrets.js';
import { formatAddress } from '../net/ipv4.js';
import { majority } from '../util/majority.js';
import type { DataServiceFacts, TenantFacts } from './facts/tenants.js';
import type { DeviceFacts, NicFacts, SiteFacts } from './facts.js';

/** Sentinel's port (Debian's sentinel.conf and every client library's default). */
export const SENTINEL_PORT = 26379;
/** `replica-priority`: Redis's default, the same for every member (the model's JSDoc says why). */
export const REPLICA_PRIORITY = 100;
/** `min-replicas-max-lag`, seconds: Redis's example value; replicas ACK every second. */
export const MIN_REPLICAS_MAX_LAG_S = 10;
/** `parallel-syncs`: one replica at a time re-syncs with the new primary, the others keep serving reads. */
export const PARALLEL_SYNCS = 1;

/**
 * A device's address toward others: its first NIC (in the order written) on a segment one of
 * `others` has a NIC on, or null. A member toward the HAProxy pair is the address HAProxy checks
 * and Sentinel monitors; an HAProxy toward the members is where its Sentinel listens.
 */
export function addressToward(d: DeviceFacts, others: readonly DeviceFacts[]): string | null {
  const nic = nicToward(d, others);
  return nic?.address != null ? formatAddress(nic.address) : null;
}

/** The NIC `addressToward` takes the address of (checks/data.ts: the members' one segment), or null. */
export function nicToward(d: DeviceFacts, others: readonly DeviceFacts[]): NicFacts | null {
  const theirs = new Set(others.flatMap((o) => o.nics.map((n) => n.segment)).filter((s) => s !== null));
  return d.nics.find((n) => n.segment !== null && theirs.has(n.segment) && n.address !== null) ?? null;
}

/** The HAProxy pair of a service's tenant, resolved. */
export function proxiesOf(facts: SiteFacts, tenant: string): DeviceFacts[] {
  const names = facts.tenants.get(tenant)?.l7?.members ?? [];
  return names.map((n) => facts.devices.get(n)).filter((d): d is DeviceFacts => !!d);
}

/**
 * The devices whose Sentinels watch a service: every member and every member of the HAProxy
 * pair that shares a segment with the members, sorted by name. A majority of them must survive
 * any single failure domain (checks/data.ts `sentinel-quorum-at-risk`).
 */
export function sentinelsOf(facts: SiteFacts, tenant: string, svc: DataServiceFacts): DeviceFacts[] {
  // one Sentinel per device, even with a member listed twice (data-member-listed-twice says so)
  const members = [...new Set(svc.members.map((m) => m.device))];
  const proxies = proxiesOf(facts, tenant).filter((p) => addressToward(p, members) !== null);
  return [...members, ...proxies.filter((p) => !members.includes(p))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** The service's password as a secret reference, or null when it has none (checks/data.ts warns). */
export function redisAuth(svc: Pick<DataServiceFacts, 'auth'>): SecretRef | null {
  return svc.auth ? { secret: svc.auth, use: 'redis-auth' } : null;
}

/** The tenant's Sentinel password (`sentinels.auth`) as a secret reference, or null without one. */
export function sentinelAuth(tenant: Pick<TenantFacts, 'sentinelAuth'> | undefined): SecretRef | null {
  return tenant?.sentinelAuth ? { secret: tenant.sentinelAuth, use: 'redis-auth' } : null;
}

/** A majority of `n` Sentinels. */
export function sentinelQuorum(n: number): number {
  return majority(n);
}

/** A service's `sentinel monitor` and its settings, the same on every one of its Sentinels. */
function monitor(
  facts: SiteFacts,
  tenant: string,
  svc: DataServiceFacts,
  timers: SiteTimers,
): SentinelMonitor | null {
  const proxies = proxiesOf(facts, tenant);
  const primary = svc.members.find((m) => m.role === 'primary')?.device;
  const address = primary ? addressToward(primary, proxies) : null;
  if (!address) return null;
  const sentinels = sentinelsOf(facts, tenant, svc).map((d) => d.name);
  return {
    name: svc.name,
    address,
    port: svc.port,
    quorum: sentinelQuorum(sentinels.length),
    sentinels,
    downAfterMs: timers.sentinel.downAfterMs,
    failoverTimeoutMs: timers.sentinel.failoverTimeoutMs,
    parallelSyncs: PARALLEL_SYNCS,
    authPass: redisAuth(svc),
  };
}

/**
 * The Redis part of a device: its redis-server when it is a member of a `redis` service (the
 * first one it is a member of: a VM runs one redis-server), and its Sentinel when it watches a
 * service. Null for every other device.
 */
export function compileRedis(facts: SiteFacts, d: DeviceFacts, timers: SiteTimers): RedisModel | null {
  if (d.tenant === null) return null;
  const t = facts.tenants.get(d.tenant);
  if (!t) return null;
  const proxies = proxiesOf(facts, d.tenant);
  let server: RedisServerModel | null = null;
  const monitors: SentinelMonitor[] = [];
  let sentinelAddress: string | null = null;
  for (const svc of t.data) {
    if (svc.kind !== 'redis') continue;
    const me = svc.members.find((m) => m.device.name === d.name);
    const watchers = sentinelsOf(facts, d.tenant, svc);
    if (!watchers.includes(d)) continue;
    const mine = me
      ? addressToward(d, proxies)
      : addressToward(
          d,
          svc.members.map((m) => m.device),
        );
    const m = monitor(facts, d.tenant, svc, timers);
    if (!mine || !m) continue;
    sentinelAddress ??= mine;
    monitors.push(m);
    if (me && !server) {
      const replicas = svc.members.filter((x) => x.role === 'replica').length;
      server = {
        service: `${d.tenant}/${svc.name}`,
        bind: mine,
        port: svc.port,
        auth: redisAuth(svc),
        protectedMode: svc.auth !== null,
        announceIp: mine,
        replicaOf: me.role === 'primary' ? null : { address: m.address, port: m.port },
        replicaPriority: REPLICA_PRIORITY,
        appendonly: true,
        appendfsync: 'everysec',
        minReplicasToWrite: replicas >= 2 ? 1 : 0,
        minReplicasMaxLagS: MIN_REPLICAS_MAX_LAG_S,
        replDisklessSyncDelayS: 0,
      };
    }
  }
  if (!server && !monitors.length) return null;
  return {
    server,
    sentinel:
      sentinelAddress && monitors.length
        ? {
            bind: sentinelAddress,
            port: SENTINEL_PORT,
            auth: sentinelAuth(t),
            monitors: monitors.sort((a, b) => a.name.localeCompare(b.name)),
          }
        : null,
  };
}
