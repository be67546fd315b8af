import type { SecretRef } from './secrets.js';

/**
 * RabbitMQ on the members of a `rabbitmq` data service, and the workers that consume its queues
 * (issue 12, docs/data-tier.md). Shaped like rabbitmq.conf, rabbitmq-env.conf, the definitions
 * file and amqp-consume's options. Everything here is decided in compile (src/compile/rabbitmq.ts);
 * templates/rabbitmq/ and templates/amqp-worker/ only print it.
 */

/** A node of the cluster: its rabbitmq.conf, environment, plugins, definitions and cookie. */
export interface RabbitmqModel {
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /**
   * `NODENAME` (rabbitmq-env.conf): `rabbit@<address>`, a long name on the member's address, so
   * no node needs another's host name in DNS or /etc/hosts (`USE_LONGNAME=true`).
   */
  nodeName: string;
  /** `listeners.tcp.1`: AMQP on the member's address toward the HAProxy pair, the service's port. @default 5672 */
  amqp: { address: string; port: number };
  /** `management.tcp.ip`/`.port`: the management API HAProxy's checks ask. @default 15672 */
  management: { address: string; port: number };
  /** `cluster_name`: `<tenant>-<service>`. */
  clusterName: string;
  /**
   * `cluster_formation.classic_config.nodes.<n>`: every member's node name, sorted, numbered
   * from 1 (classic config peer discovery: the cluster is the inventory's list, no other source).
   */
  clusterNodes: { index: number; name: string }[];
  /**
   * `cluster_formation.target_cluster_size_hint`: the member count; the boot-time import of the
   * definitions waits for that many nodes, so each quorum queue starts with a replica on every node.
   */
  targetClusterSize: number;
  /** `cluster_partition_handling`: a node that sees no majority pauses (no split brain). @default pause_minority */
  partitionHandling: 'pause_minority';
  /** `net_ticktime`, s: a silent node is down for the others after 0.75–1.25 of it. @default 10 */
  netTicktimeS: number;
  /** `heartbeat`, s: the AMQP heartbeat offered to clients. @default 10 */
  heartbeatS: number;
  /** `load_definitions`: the users, permissions and queues, imported at every boot. */
  definitionsFile: string;
  definitions: RabbitmqDefinitions;
  /** enabled_plugins: the management API (HAProxy's checks). @default [rabbitmq_management] */
  plugins: string[];
  /** The Erlang cookie, the content of `cookieFile` (mode 0400): the nodes' shared secret. */
  cookie: SecretRef;
  /** @default /var/lib/rabbitmq/.erlang.cookie */
  cookieFile: string;
  /**
   * Milliseconds systemd waits before starting a node that died again (the drop-in
   * `rabbitmq-server/restart.conf`): Debian's unit waits 10 s (`RestartSec=10`). @default 1000
   */
  restartMs: number;
}

/** The definitions file, as RabbitMQ's export spells it (one vhost: `/`). */
export interface RabbitmqDefinitions {
  /** The application's user (the service's name) and `monitoring` (HAProxy's checks), sorted by name. */
  users: { name: string; password: SecretRef; tags: string[] }[];
  vhosts: { name: string }[];
  /** Per user (sorted), regular expressions over resource names; `^$` allows none. */
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  /** The workers' queues, sorted by name: durable quorum queues. */
  queues: { name: string; vhost: string; durable: true; autoDelete: false; type: 'quorum' }[];
}

/** A worker VM's consumer: Debian's amqp-consume (amqp-tools) on the service's AMQP VIP. */
export interface AmqpWorkerModel {
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** The queue it consumes. */
  queue: string;
  /** The AMQP VIP and its port (`--server`, `--port`). */
  server: { address: string; port: number };
  vhost: string;
  /** `--prefetch-count`: unacknowledged messages at once. @default 1 */
  prefetch: number;
  /** `--heartbeat`, s: the site's RabbitMQ heartbeat, so a dead path is seen in two. @default 10 */
  heartbeatS: number;
  /** `--authfile`: `username:` and `password:` lines, mode 0600, so no password is on a command line. */
  authFile: string;
  username: string;
  password: SecretRef;
  /** The systemd unit that runs it (restarted a second after it exits: a lost connection). */
  unit: string;
  /** `RestartSec`, s. @default 1 */
  restartS: number;
  /** Where each message consumed is appended, one a line (the worker's work: a record of it). */
  output: string;
  /** The folder of `output`, made before the worker starts. */
  outputDir: string;
}
