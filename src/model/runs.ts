/**
 * Which daemons' model parts a device has: the type guards every stage asks instead of its role,
 * so a new role is handled for what it runs. Part of the model types (one home per daemon).
 */
import type { DeepReadonly } from './freeze.js';
import type { PostgresModel } from './postgres.js';
import type { AmqpWorkerModel, RabbitmqModel } from './rabbitmq.js';
import type { RedisModel } from './redis.js';
import type { Device } from './types.js';

type Dev = DeepReadonly<Device> | Device;

export const speaksBgp = <D extends Dev>(d: D): d is Extract<D, { frr: unknown }> => 'frr' in d;
export const runsVrrp = <D extends Dev>(d: D): d is Extract<D, { keepalived: unknown }> => 'keepalived' in d;
export const runsProxy = <D extends Dev>(d: D): d is Extract<D, { haproxy: unknown }> => 'haproxy' in d;
export const runsOverlay = <D extends Dev>(d: D): d is Extract<D, { ovs: unknown }> => 'ovs' in d;
export const runsDns = <D extends Dev>(d: D): d is Extract<D, { gdnsd?: unknown }> & { gdnsd: object } =>
  'gdnsd' in d && d.gdnsd !== undefined;
/** A Redis member or Sentinel (the data tier, docs/data-tier.md). */
export const runsRedis = <D extends Dev>(
  d: D,
): d is Extract<D, { redis?: unknown }> & { redis: RedisModel } => 'redis' in d && d.redis != null;

/** A member of a PostgreSQL service: its etcd, Patroni and PgBouncer (the data tier, docs/data-tier.md). */
export const runsPostgres = <D extends Dev>(
  d: D,
): d is Extract<D, { postgres?: unknown }> & { postgres: PostgresModel } =>
  'postgres' in d && d.postgres != null;

/** A node of a RabbitMQ service (the data tier, docs/data-tier.md). */
export const runsRabbitmq = <D extends Dev>(
  d: D,
): d is Extract<D, { rabbitmq?: unknown }> & { rabbitmq: RabbitmqModel } =>
  'rabbitmq' in d && d.rabbitmq != null;

/** A worker of a RabbitMQ service: its amqp-consume (the data tier, docs/data-tier.md). */
export const runsAmqpWorker = <D extends Dev>(
  d: D,
): d is Extract<D, { amqpWorker?: unknown }> & { amqpWorker: AmqpWorkerModel } =>
  'amqpWorker' in d && d.amqpWorker != null;

/** The tenant of a device that belongs to one (VMs of a tenant), else null. */
export const tenantOf = (d: Dev): string | null => ('tenant' in d ? d.tenant : null);

/**
 * The daemon a data-tier finding is filed under (drift, whatif): Redis's, Patroni's for
 * PostgreSQL, the RabbitMQ node's (Debian's unit, as its driver is named) for RabbitMQ.
 */
export const REDIS_DAEMON = 'redis' as const;
export const PATRONI_DAEMON = 'patroni' as const;
export const ETCD_DAEMON = 'etcd' as const;
export const RABBITMQ_DAEMON = 'rabbitmq-server' as const;

/**
 * The kinds of data service whose members the model describes (a member's `redis`, `postgres`
 * or `rabbitmq` part).
 */
export const DATA_KINDS = ['redis', 'postgres', 'rabbitmq'] as const;
export type DataKind = (typeof DATA_KINDS)[number];
