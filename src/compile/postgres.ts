/**
 * PostgreSQL, Patroni, etcd and PgBouncer for the `postgres` data services (issue 12,
 * docs/data-tier.md): on every member an etcd (the members' etcds are the store of Patroni's
 * leader lock), Patroni running PostgreSQL 15, and PgBouncer in front of the member's own
 * PostgreSQL, whose port is what HAProxy's servers point at. Addresses, the cluster, the users
 * and the timers are decided here; templates/postgres/ prints them.
 */
import type { SiteTimers } from '../model/budgets.js';
import type { PatroniDcs, PostgresModel } from '../model/postgres.js';
import type { SecretRef } from '../model/secrets.js';
import { formatAddress } from '../net/ipv4.js';
import type { DataServiceFacts } from './facts/tenants.js';
import type { DeviceFacts, SiteFacts } from './facts.js';
import { addressToward } from './redis.js';

/** Patroni's REST API port (its documentation's and every HAProxy recipe's). */
export const PATRONI_PORT = 8008;
/** PostgreSQL's port on the member (PgBouncer's server; clients use PgBouncer's). */
export const POSTGRES_PORT = 5432;
/** etcd's client and peer ports (IANA). */
export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
/** etcd's heartbeat, ms, and election timeout (10 × heartbeat: etcd's tuning guide), on one data segment. */
export const ETCD_HEARTBEAT_MS = 100;
export const ETCD_ELECTION_TIMEOUT_MS = 1000;
/** Debian's PostgreSQL 15. */
export const POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';
/**
 * `maximum_lag_on_failover`, bytes: Patroni's default (1 MiB). A replica further behind the last
 * primary is not promoted: fewer writes lost, at the price of no failover when every replica is.
 */
export const MAXIMUM_LAG_ON_FAILOVER = 1_048_576;

/** The service's password as a secret reference, or null when it has none (checks/data.ts: an error). */
export function postgresAuth(svc: Pick<DataServiceFacts, 'auth'>): SecretRef | null {
  return svc.auth ? { secret: svc.auth, use: 'postgres-auth' } : null;
}

/** The HAProxy pair of a service's tenant, resolved. */
function proxiesOf(facts: SiteFacts, tenant: string): DeviceFacts[] {
  const names = facts.tenants.get(tenant)?.l7?.members ?? [];
  return names.map((n) => facts.devices.get(n)).filter((d): d is DeviceFacts => !!d);
}

/** Patroni's `bootstrap.dcs`, the same for every member of every service (the site's timers). */
export function patroniDcs(timers: SiteTimers): PatroniDcs {
  const t = timers.patroni;
  return {
    ttlS: t.ttlS,
    loopWaitS: t.loopWaitS,
    retryTimeoutS: t.retryTimeoutS,
    masterStartTimeoutS: t.masterStartTimeoutS,
    maximumLagOnFailoverBytes: MAXIMUM_LAG_ON_FAILOVER,
    usePgRewind: true,
    // hot_standby: replicas serve the read VIP; wal_log_hints: pg_rewind needs it (or data
    // checksums); max_wal_senders/replication_slots: one per replica and spare for a rejoin
    parameters: [
      { name: 'hot_standby', value: 'on' },
      { name: 'max_replication_slots', value: '10' },
      { name: 'max_wal_senders', value: '10' },
      { name: 'password_encryption', value: 'scram-sha-256' },
      { name: 'wal_level', value: 'replica' },
      { name: 'wal_log_hints', value: 'on' },
    ],
  };
}

/**
 * The PostgreSQL part of a device: when it is a member of a `postgres` service with a password
 * (the first one: a VM runs one PostgreSQL) and reaches the HAProxy pair. Null otherwise.
 */
export function compilePostgres(facts: SiteFacts, d: DeviceFacts, timers: SiteTimers): PostgresModel | null {
  if (d.tenant === null) return null;
  const t = facts.tenants.get(d.tenant);
  if (!t) return null;
  const proxies = proxiesOf(facts, d.tenant);
  for (const svc of t.data) {
    if (svc.kind !== 'postgres') continue;
    const member = svc.members.find((m) => m.device.name === d.name);
    if (!member) continue;
    const auth = postgresAuth(svc);
    const mine = addressToward(d, proxies);
    if (!auth || !mine) return null;
    const members = svc.members
      .map((m) => ({ name: m.device.name, address: addressToward(m.device, proxies) }))
      .filter((m): m is { name: string; address: string } => m.address !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
    const scope = `${d.tenant}-${svc.name}`;
    const nic = d.nics.find((n) => n.address !== null && formatAddress(n.address) === mine);
    const subnet = nic?.on?.subnet?.text;
    if (!subnet) return null;
    return {
      service: `${d.tenant}/${svc.name}`,
      // a `node` (RabbitMQ's role) in a PostgreSQL service is a finding (data-member-role)
      role: member.role === 'primary' ? 'primary' : 'replica',
      etcd: {
        name: d.name,
        dataDir: `/var/lib/etcd/${scope}`,
        address: mine,
        peerPort: ETCD_PEER_PORT,
        clientPort: ETCD_CLIENT_PORT,
        initialCluster: members,
        clusterToken: scope,
        heartbeatMs: ETCD_HEARTBEAT_MS,
        electionTimeoutMs: ETCD_ELECTION_TIMEOUT_MS,
      },
      patroni: {
        scope,
        name: d.name,
        restApi: { address: mine, port: PATRONI_PORT },
        etcdHosts: members.map((m) => `${m.address}:${ETCD_CLIENT_PORT}`),
        bootstraps: member.role === 'primary',
        initializer: svc.members.find((m) => m.role === 'primary')?.device.name ?? d.name,
        dcs: patroniDcs(timers),
        postgresql: {
          address: mine,
          port: POSTGRES_PORT,
          dataDir: `/var/lib/postgresql/15/${svc.name}`,
          binDir: POSTGRES_BIN_DIR,
          pgpass: '/var/lib/postgresql/.pgpass_patroni',
          socketDir: '/var/run/postgresql',
        },
        authentication: [
          { role: 'superuser', username: 'postgres', password: auth },
          { role: 'replication', username: 'replicator', password: auth },
          { role: 'rewind', username: 'rewinder', password: auth },
        ],
        users: [{ name: svc.name, password: auth, options: ['createdb'] }],
        // the members replicate and rewind from the segment they reach each other on; clients
        // arrive through the local PgBouncer (from the member's own address); the local socket for
        // Patroni itself. Always a password (scram-sha-256), never trust
        pgHba: [
          'local all all peer',
          `host replication replicator ${subnet} scram-sha-256`,
          `host all all ${subnet} scram-sha-256`,
        ],
      },
      pgbouncer: {
        address: mine,
        port: svc.port,
        server: { address: mine, port: POSTGRES_PORT },
        authType: 'scram-sha-256',
        authFile: '/etc/pgbouncer/userlist.txt',
        users: [{ name: svc.name, password: auth }],
        poolMode: 'transaction',
        maxClientConn: 1000,
        defaultPoolSize: 20,
        serverLoginRetryS: 1,
        serverCheckDelayS: 1,
        // systemd's own default RestartSec: back in about a tenth of a second plus its start
        restartMs: 100,
      },
    };
  }
  return null;
}
