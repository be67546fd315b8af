/**
 * RabbitMQ for the `rabbitmq` data services (issue 12, docs/data-tier.md): on every member a node
 * of one cluster, formed from the inventory's member list (classic config peer discovery), its
 * users, permissions and the workers' quorum queues in a definitions file imported at boot; and on
 * every worker VM an amqp-consume on the service's AMQP VIP. Node names, the cluster, the queues,
 * the timers and the credentials are decided here; templates/rabbitmq/ and
 * templates/amqp-worker/ print them.
 */
import type { SiteTimers } from '../model/budgets.js';
import type { AmqpWorkerModel, RabbitmqDefinitions, RabbitmqModel } from '../model/rabbitmq.js';
import type { SecretRef } from '../model/secrets.js';
import { formatAddress } from '../net/ipv4.js';
import type { DataServiceFacts } from './facts/tenants.js';
import type { DeviceFacts, SiteFacts } from './facts.js';
import { addressToward } from './redis.js';

/** The management API's port (RabbitMQ's default), where HAProxy's checks ask each node's health. */
export const RABBITMQ_MANAGEMENT_PORT = 15672;
/** The user HAProxy's checks log in as: tag `monitoring`, no permission on any vhost. */
export const RABBITMQ_MONITORING_USER = 'monitoring';
/** The one virtual host. */
export const RABBITMQ_VHOST = '/';
/** Debian's rabbitmq-server reads these. */
export const RABBITMQ_DEFINITIONS = '/etc/rabbitmq/definitions.json';
export const RABBITMQ_COOKIE_FILE = '/var/lib/rabbitmq/.erlang.cookie';
/** The worker's systemd unit: the driver pushes, restarts and checks it by this name. */
export const AMQP_WORKER_UNIT = 'fabric-amqp-worker';

/** The service's password as a secret reference, or null (checks/data.ts: an error). */
export function rabbitmqAuth(svc: Pick<DataServiceFacts, 'auth'>): SecretRef | null {
  return svc.auth ? { secret: svc.auth, use: 'rabbitmq-auth' } : null;
}

/** The nodes' Erlang cookie as a secret reference, or null (checks/data.ts: an error). */
export function rabbitmqCookie(svc: Pick<DataServiceFacts, 'cookie'>): SecretRef | null {
  return svc.cookie ? { secret: svc.cookie, use: 'rabbitmq-cookie' } : null;
}

/** A node's name: a long name on its address, which every node resolves without DNS. */
export function rabbitmqNodeName(address: string): string {
  return `rabbit@${address}`;
}

/** The HAProxy pair of a service's tenant, resolved. */
function proxiesOf(facts: SiteFacts, tenant: string): DeviceFacts[] {
  const names = facts.tenants.get(tenant)?.l7?.members ?? [];
  return names.map((n) => facts.devices.get(n)).filter((d): d is DeviceFacts => !!d);
}

/**
 * The definitions: the application's user (the service's name) may read and write every queue and
 * declare none (`configure ^$`: the queues are fabric's, quorum, so no client creates a classic
 * one by mistake); `monitoring` has the tag the health checks need and access to the vhost with
 * no permission on any resource (`^$` thrice): it sees the queues' state (members, leader) in the
 * management API, and can read, write or declare nothing.
 */
export function rabbitmqDefinitions(svc: DataServiceFacts, auth: SecretRef): RabbitmqDefinitions {
  const queues = [...new Set(svc.workers.map((w) => w.queue))].sort();
  return {
    users: [
      { name: RABBITMQ_MONITORING_USER, password: auth, tags: ['monitoring'] },
      { name: svc.name, password: auth, tags: [] },
    ].sort((a, b) => a.name.localeCompare(b.name)),
    vhosts: [{ name: RABBITMQ_VHOST }],
    permissions: [
      { user: RABBITMQ_MONITORING_USER, vhost: RABBITMQ_VHOST, configure: '^$', write: '^$', read: '^$' },
      { user: svc.name, vhost: RABBITMQ_VHOST, configure: '^$', write: '.*', read: '.*' },
    ].sort((a, b) => a.user.localeCompare(b.user)),
    queues: queues.map((name) => ({
      name,
      vhost: RABBITMQ_VHOST,
      durable: true,
      autoDelete: false,
      type: 'quorum',
    })),
  };
}

/**
 * The RabbitMQ node of a device: when it is a member of a `rabbitmq` service with a password
 * and a cookie (the first one: a VM runs one node) and reaches the HAProxy pair. Null otherwise.
 */
export function compileRabbitmq(facts: SiteFacts, d: DeviceFacts, timers: SiteTimers): RabbitmqModel | null {
  if (d.tenant === null) return null;
  const t = facts.tenants.get(d.tenant);
  if (!t) return null;
  const proxies = proxiesOf(facts, d.tenant);
  for (const svc of t.data) {
    if (svc.kind !== 'rabbitmq') continue;
    if (!svc.members.some((m) => m.device.name === d.name)) continue;
    const auth = rabbitmqAuth(svc);
    const cookie = rabbitmqCookie(svc);
    const mine = addressToward(d, proxies);
    if (!auth || !cookie || !mine) return null;
    const nodes = svc.members
      .map((m) => addressToward(m.device, proxies))
      .filter((a): a is string => a !== null)
      .map(rabbitmqNodeName)
      .sort();
    return {
      service: `${d.tenant}/${svc.name}`,
      nodeName: rabbitmqNodeName(mine),
      amqp: { address: mine, port: svc.port },
      management: { address: mine, port: RABBITMQ_MANAGEMENT_PORT },
      clusterName: `${d.tenant}-${svc.name}`,
      clusterNodes: nodes.map((name, i) => ({ index: i + 1, name })),
      targetClusterSize: nodes.length,
      partitionHandling: 'pause_minority',
      netTicktimeS: timers.rabbitmq.netTicktimeS,
      heartbeatS: timers.rabbitmq.heartbeatS,
      definitionsFile: RABBITMQ_DEFINITIONS,
      definitions: rabbitmqDefinitions(svc, auth),
      plugins: ['rabbitmq_management'],
      cookie,
      cookieFile: RABBITMQ_COOKIE_FILE,
      restartMs: RABBITMQ_RESTART_MS,
    };
  }
  return null;
}

/**
 * A node that died starts again after 1 s, not Debian's 10 s: while it is away the cluster has one
 * member less for its quorum queues, one more failure from losing them.
 */
const RABBITMQ_RESTART_MS = 1000;

/**
 * The consumer of a worker VM: the first `rabbitmq` service that names it a worker, on that
 * service's first write VIP (the AMQP VIP). Null when it is none's or the service has no password
 * or no such VIP (each reported by checks/data.ts).
 */
export function compileAmqpWorker(
  facts: SiteFacts,
  d: DeviceFacts,
  timers: SiteTimers,
): AmqpWorkerModel | null {
  if (d.tenant === null) return null;
  const t = facts.tenants.get(d.tenant);
  if (!t) return null;
  for (const svc of t.data) {
    if (svc.kind !== 'rabbitmq') continue;
    const w = svc.workers.find((x) => x.device.name === d.name);
    if (!w) continue;
    const auth = rabbitmqAuth(svc);
    const vip = svc.vips.find((v) => v.role === 'write' && v.address !== null);
    if (!auth || !vip || vip.address === null) return null;
    return {
      service: `${d.tenant}/${svc.name}`,
      queue: w.queue,
      server: { address: formatAddress(vip.address), port: vip.port },
      vhost: RABBITMQ_VHOST,
      prefetch: w.prefetch,
      heartbeatS: timers.rabbitmq.heartbeatS,
      authFile: `/etc/fabric/amqp-worker/${svc.name}.auth`,
      username: svc.name,
      password: auth,
      unit: AMQP_WORKER_UNIT,
      restartS: 1,
      output: `/var/lib/fabric/amqp-worker/${w.queue}.log`,
      outputDir: '/var/lib/fabric/amqp-worker',
    };
  }
  return null;
}
