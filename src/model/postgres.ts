import type { SecretRef } from './secrets.js';

/**
 * PostgreSQL behind PgBouncer, its roles managed by Patroni with etcd as the store of the leader
 * lock, on the members of a `postgres` data service (issue 12, docs/data-tier.md). Shaped like
 * Patroni's config.yml, etcd's environment file and pgbouncer.ini. Everything here is decided in
 * compile (src/compile/postgres.ts); templates/postgres/ only prints it.
 */

/** A member's PostgreSQL part: its etcd, its Patroni (which runs PostgreSQL) and its PgBouncer. */
export interface PostgresModel {
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /**
   * The member's role in the inventory: the primary it is meant to start as (whatif judges the
   * loss of that one as a failover); at runtime the leader lock says which member is.
   */
  role: 'primary' | 'replica';
  etcd: EtcdModel;
  patroni: PatroniModel;
  pgbouncer: PgbouncerModel;
}

/** etcd, the store of Patroni's leader lock: one per member, the members' etcds one cluster. */
export interface EtcdModel {
  /** `ETCD_NAME`: the member's device name. */
  name: string;
  /** `ETCD_DATA_DIR`. @default /var/lib/etcd/<service> */
  dataDir: string;
  /** The member's address: peer URL on `peerPort`, client URL on `clientPort`. */
  address: string;
  /** @default 2380 */
  peerPort: number;
  /** @default 2379 */
  clientPort: number;
  /** `ETCD_INITIAL_CLUSTER`: every member's etcd by name, sorted by name. */
  initialCluster: { name: string; address: string }[];
  /** `ETCD_INITIAL_CLUSTER_TOKEN`: `<tenant>-<service>`, so two services' etcds never join. */
  clusterToken: string;
  /** `ETCD_HEARTBEAT_INTERVAL`, ms. @default 100 */
  heartbeatMs: number;
  /** `ETCD_ELECTION_TIMEOUT`, ms: 10 × heartbeat, etcd's own rule of thumb. @default 1000 */
  electionTimeoutMs: number;
}

export interface PatroniModel {
  /** `scope`: the cluster's name in the store, `<tenant>-<service>`. */
  scope: string;
  /** `name`: the member's device name. */
  name: string;
  /** `restapi.listen` / `connect_address`: where HAProxy asks `/primary` and `/replica`. */
  restApi: { address: string; port: number };
  /** `etcd3.hosts`: every member's etcd client address, sorted by name. */
  etcdHosts: string[];
  /**
   * Whether its config has the `bootstrap` section: the inventory's primary only. Patroni
   * initializes a cluster only on a member whose config has one, so the replicas wait for that
   * member's cluster and clone it, instead of racing for the store's initialize key.
   */
  bootstraps: boolean;
  /** The member that initializes the cluster (the inventory's primary). */
  initializer: string;
  /** `bootstrap.dcs`: the failover timers, written once to the store by the initializing member. */
  dcs: PatroniDcs;
  /** `postgresql`: where PostgreSQL listens and lives. */
  postgresql: {
    address: string;
    /** @default 5432 */
    port: number;
    /** @default /var/lib/postgresql/15/<service> */
    dataDir: string;
    /** @default /usr/lib/postgresql/15/bin */
    binDir: string;
    /** The `.pgpass` Patroni writes for replication and pg_rewind. */
    pgpass: string;
    /** Its unix socket's directory. @default /var/run/postgresql */
    socketDir: string;
  };
  /**
   * `postgresql.authentication`: the superuser (`postgres`, Patroni's own connection), the
   * replication user and the pg_rewind user, each with the service's secret (docs/data-tier.md).
   */
  authentication: { role: 'superuser' | 'replication' | 'rewind'; username: string; password: SecretRef }[];
  /** `bootstrap.users`: the application's login role (the service's name), created at bootstrap. */
  users: { name: string; password: SecretRef; options: string[] }[];
  /** `bootstrap.pg_hba`: the lines of pg_hba.conf, in order. */
  pgHba: string[];
}

/** Patroni's failover timers (its `bootstrap.dcs`; docs/data-tier.md, the timers table). */
export interface PatroniDcs {
  /** `ttl`, s: the leader lock's lifetime; a primary whose Patroni dies loses it after this. Patroni's minimum is 20. @default 20 */
  ttlS: number;
  /** `loop_wait`, s: the HA loop's period. @default 1 */
  loopWaitS: number;
  /** `retry_timeout`, s: store and PostgreSQL operations retried this long. @default 3 */
  retryTimeoutS: number;
  /** `master_start_timeout`, s: 0 releases the lock as soon as PostgreSQL is seen crashed. @default 0 */
  masterStartTimeoutS: number;
  /** `maximum_lag_on_failover`, bytes: a replica further behind is never promoted. @default 1048576 */
  maximumLagOnFailoverBytes: number;
  /** `postgresql.use_pg_rewind`: an old primary rejoins as a replica after rewinding. @default true */
  usePgRewind: boolean;
  /** `postgresql.parameters`, sorted by name. */
  parameters: { name: string; value: string }[];
}

/** PgBouncer in front of the member's own PostgreSQL: HAProxy's servers are its port. */
export interface PgbouncerModel {
  /** `listen_addr`: the member's address toward the HAProxy pair. */
  address: string;
  /** `listen_port`: the service's port. @default 6432 */
  port: number;
  /** `[databases] * = host= port=`: every database, on the local PostgreSQL. */
  server: { address: string; port: number };
  /** `auth_type`. @default scram-sha-256 */
  authType: 'scram-sha-256';
  /** `auth_file`. @default /etc/pgbouncer/userlist.txt */
  authFile: string;
  /** userlist.txt: the roles clients log in as (the application's), sorted by name. */
  users: { name: string; password: SecretRef }[];
  /** `pool_mode`: a server connection per transaction. @default transaction */
  poolMode: 'transaction';
  /** `max_client_conn`. @default 1000 */
  maxClientConn: number;
  /** `default_pool_size`. @default 20 */
  defaultPoolSize: number;
  /**
   * `server_login_retry`, s: after a failed login to its PostgreSQL (down, restarting as a
   * replica after a failover) PgBouncer refuses every client this long ("server login has been
   * failing") without trying again. PgBouncer's 15 s kept a rejoined member UP in HAProxy (its
   * pooler accepts connections, Patroni says replica) refusing every read for 15 s (measured,
   * docs/data-tier.md). @default 1
   */
  serverLoginRetryS: number;
  /**
   * `server_check_delay`, s: a server connection idle this long is checked before reuse.
   * @default 1
   */
  serverCheckDelayS: number;
  /**
   * systemd's `RestartSec` of a drop-in with `Restart=always`, ms. Debian's pgbouncer.service
   * has no `Restart=`: a pooler that died stayed down, and on the primary every write through the
   * write VIP failed until someone started it (HAProxy's role check connects to the pooler first,
   * and no other member is primary). @default 100
   */
  restartMs: number;
}
