import type { SecretRef } from './secrets.js';

/**
 * Redis and Redis Sentinel on a data service's VMs and on its HAProxy pair (issue 12,
 * docs/data-tier.md), shaped like redis.conf and sentinel.conf. Everything here is decided in
 * compile (src/compile/redis.ts); templates/redis/ only prints it.
 */

/** A device's Redis part: its data service's redis-server, its Sentinel, or both. */
export interface RedisModel {
  /** The redis-server of the data service this VM is a member of, or null (a Sentinel only). */
  server: RedisServerModel | null;
  /** The Sentinel on this device, monitoring the data services it watches, or null. */
  sentinel: SentinelModel | null;
}

export interface RedisServerModel {
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** `bind`: the member's address on the segment the HAProxy pair reaches it on. */
  bind: string;
  /** `port`. @default 6379 */
  port: number;
  /**
   * `requirepass` and `masterauth`: the service's password (its `auth` secret), or null for none.
   * Every member has both: clients, HAProxy's checks and Sentinel AUTH with it, and a replica
   * AUTHs to its primary with it, whichever member that is after a failover.
   */
  auth: SecretRef | null;
  /**
   * `protected-mode`: yes with a password (it then changes nothing, and refuses every address but
   * loopback should the password be removed at runtime); no without one, or the member would
   * answer only loopback.
   */
  protectedMode: boolean;
  /**
   * `replica-announce-ip`: the address the member gives its primary (and so Sentinel) when it is
   * a replica, instead of the source address of its connection: always `bind`.
   */
  announceIp: string;
  /**
   * `replicaof`: the inventory's primary for a member that starts as a replica, null for the
   * primary. Sentinel changes it at runtime (and rewrites the file): drift ignores it.
   */
  replicaOf: { address: string; port: number } | null;
  /**
   * `replica-priority`: the same for every member, so that Sentinel promotes the replica with
   * the largest replication offset (the fewest lost writes) rather than a fixed favourite.
   * @default 100
   */
  replicaPriority: number;
  /**
   * `appendonly yes`, `appendfsync everysec`: a primary restarted before Sentinel acts comes back
   * with its data; without persistence it would come back empty and its replicas would copy the
   * empty set (https://redis.io/docs/latest/operate/oss_and_stack/management/replication/#safety-of-replication-when-master-has-persistence-turned-off).
   */
  appendonly: boolean;
  appendfsync: 'everysec';
  /**
   * `min-replicas-to-write`: 1 when the service has two replicas or more (a primary cut off from
   * every replica stops taking writes after `minReplicasMaxLagS`, which bounds what a partition
   * loses), 0 with one replica (after a failover the new primary has none until the old one comes
   * back, and would refuse every write).
   */
  minReplicasToWrite: number;
  /** `min-replicas-max-lag`, seconds. @default 10 */
  minReplicasMaxLagS: number;
  /**
   * `repl-diskless-sync-delay`, seconds: how long a primary waits for more replicas before a full
   * sync. 0: with `min-replicas-to-write` a new primary whose replicas all need a full sync refuses
   * writes until one is online, and Redis's 5 s wait was measured as 5 s more of NOREPLICAS after
   * a Sentinel failover (docs/data-tier.md). @default 0
   */
  replDisklessSyncDelayS: number;
}

export interface SentinelModel {
  /** `bind` and `sentinel announce-ip`: this device's address on the data services' segment. */
  bind: string;
  /** `port`. @default 26379 */
  port: number;
  /**
   * `requirepass` and `sentinel sentinel-pass`: the tenant's Sentinel password (`sentinels.auth`),
   * or null for none. The same on every Sentinel of the tenant: each sends it to the others, and
   * clients (redis-cli, HAProxy's role check) AUTH with it before asking or commanding one.
   */
  auth: SecretRef | null;
  /** One `sentinel monitor` per data service this Sentinel watches, sorted by name. */
  monitors: SentinelMonitor[];
}

export interface SentinelMonitor {
  /** The master name: the data service's name (unique in the tenant). */
  name: string;
  /** The inventory's primary: where Sentinel starts; it follows failovers itself. */
  address: string;
  port: number;
  /**
   * Sentinels that must agree the primary is down: a majority of `sentinels` (a failover also
   * needs a majority to elect its leader, so a lower quorum would not fail over any sooner).
   */
  quorum: number;
  /** The devices whose Sentinels watch the service: every member and the HAProxy pair, sorted. */
  sentinels: string[];
  /** `down-after-milliseconds`, ms (defaults.sentinel.down_after). @default 1500 */
  downAfterMs: number;
  /** `failover-timeout`, ms (defaults.sentinel.failover_timeout). @default 10000 */
  failoverTimeoutMs: number;
  /** `parallel-syncs`: replicas re-pointed at the new primary at once. @default 1 */
  parallelSyncs: number;
  /** `sentinel auth-pass`: the service's password, to talk to its members; null without one. */
  authPass: SecretRef | null;
}
