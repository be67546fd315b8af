/**
 * whatif's view of the data tier (issue 12, docs/data-tier.md): per data service, its members,
 * the electors whose votes promote a replica (Redis's Sentinels; for PostgreSQL the members'
 * etcd, which holds Patroni's leader lock) and the HAProxy pair in front of it that are up, and
 * what a failure costs it — the inventory's primary lost is a failover (writes fail for the
 * prediction) if enough electors are left, and writes stop until it returns if not. Which member
 * is primary at runtime is Sentinel's or Patroni's to decide: whatif judges the inventory's.
 * RabbitMQ has no primary: every node serves, and its quorum queues need a majority of the nodes
 * themselves (the electors), without which `pause_minority` pauses the nodes left.
 */
import { patroniNodeLossPrediction, rabbitmqNodeLossPrediction } from '../compile/data-tier.js';
import { RABBITMQ_MONITORING_USER } from '../compile/rabbitmq.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { HaproxyTcpBackend } from '../model/haproxy.js';
import {
  DATA_KINDS,
  type DataKind,
  PATRONI_DAEMON,
  RABBITMQ_DAEMON,
  REDIS_DAEMON,
  runsPostgres,
  runsProxy,
  runsRabbitmq,
  runsRedis,
  tenantOf,
} from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import { majority } from '../util/majority.js';
import { oncePer } from '../util/once-per.js';
import type { DeriveContext } from '../verify/checks/spec.js';

/** What the model says of one data service: the same in every state of the fabric. */
export interface DataPlan {
  /** `<tenant>/<service>`. */
  service: string;
  kind: DataKind;
  /** The daemon that decides the roles (RabbitMQ: its nodes), which reports file its findings under. */
  daemon: typeof REDIS_DAEMON | typeof PATRONI_DAEMON | typeof RABBITMQ_DAEMON;
  /** The members, sorted. */
  members: string[];
  /**
   * The inventory's primary (Redis: the member without `replicaof`; PostgreSQL: `role: primary`);
   * null for RabbitMQ, whose every node serves.
   */
  primary: string | null;
  /**
   * The devices whose votes promote a replica: the Sentinels, or the members' etcd; RabbitMQ's
   * nodes themselves, whose majority elects each quorum queue's leader.
   */
  electors: string[];
  /** What the electors are, in a sentence's words. */
  electorsAre: 'Sentinels' | 'etcd members' | 'nodes';
  /** Who promotes a replica, in a sentence's words; null when nothing is promoted (RabbitMQ). */
  promoter: 'the Sentinels' | 'Patroni' | null;
  /**
   * Electors that must be up: for a failover (Sentinel's quorum and majority, etcd's majority),
   * or for RabbitMQ to serve at all (a majority of its nodes).
   */
  needed: number;
  /** The HAProxy devices with its role-aware backends. */
  proxies: string[];
  /** Whether its members have a password: clients authenticate first. */
  auth: boolean;
  /**
   * The role clients log in as (PostgreSQL's application role, RabbitMQ's application user);
   * null for Redis (AUTH alone).
   */
  clientUser: string | null;
  /** Redis's `min-replicas-to-write`: below this many replicas the primary refuses writes (0: none). */
  minReplicasToWrite: number;
  /**
   * The failed writes when the primary's node is lost, and the budget, ms: the `data-write`
   * budget's prediction for Redis (Sentinel cannot tell a crash from a lost node); for PostgreSQL
   * the leader lock's expiry (patroniNodeLossPrediction), not the crash the budget predicts; for
   * RabbitMQ a node's loss without a word (rabbitmqNodeLossPrediction: the others see it after
   * `net_ticktime`), not its crash. whatif fails whole devices: their nodes are lost, not crashed.
   */
  predictedMs: number | null;
  budgetMs: number | null;
}

/** A data service in one state of the fabric: what of its plan is up. */
export interface DataState {
  plan: DataPlan;
  members: string[];
  electors: string[];
  proxies: string[];
}

// the kinds' names live with the model (a kind is named like its daemon: one home per daemon)
const [REDIS_KIND, POSTGRES_KIND, RABBITMQ_KIND] = DATA_KINDS;

/** What a plan takes from its kind; the rest (members, primary, proxies, budget) from the site. */
type KindPart = Pick<
  DataPlan,
  | 'kind'
  | 'daemon'
  | 'electors'
  | 'electorsAre'
  | 'promoter'
  | 'needed'
  | 'auth'
  | 'clientUser'
  | 'minReplicasToWrite'
>;

/**
 * How long writes fail when a member's node is lost, from the backend that follows it, where the
 * kind predicts it apart from the crash the `data-write` budget predicts.
 */
type NodeLossPrediction = (
  b: DeepReadonly<HaproxyTcpBackend>,
  timers: Parameters<typeof patroniNodeLossPrediction>[1] & Parameters<typeof rabbitmqNodeLossPrediction>[1],
) => number;

/**
 * A member's service, whether the inventory made it the primary, its kind's part of the plan and
 * node-loss prediction; null for no member.
 */
function memberOf(d: DeepReadonly<SiteModel>['devices'][number]): {
  service: string;
  primary: boolean;
  kind: KindPart;
  nodeLoss?: NodeLossPrediction;
} | null {
  if (runsRabbitmq(d)) {
    const mq = d.rabbitmq;
    return {
      service: mq.service,
      primary: false,
      // the nodes elect each quorum queue's leader: the service's members, as compile lists them
      kind: {
        kind: RABBITMQ_KIND,
        daemon: RABBITMQ_DAEMON,
        electors: [],
        electorsAre: 'nodes',
        promoter: null,
        needed: 0,
        auth: true,
        clientUser: mq.definitions.users.find((u) => u.name !== RABBITMQ_MONITORING_USER)?.name ?? null,
        minReplicasToWrite: 0,
      },
      nodeLoss: rabbitmqNodeLossPrediction,
    };
  }
  if (runsRedis(d) && d.redis.server) {
    const server = d.redis.server;
    return {
      service: server.service,
      primary: !server.replicaOf,
      // the Sentinels are found below, from the devices that watch the service
      kind: {
        kind: REDIS_KIND,
        daemon: REDIS_DAEMON,
        electors: [],
        electorsAre: 'Sentinels',
        promoter: 'the Sentinels',
        needed: 0,
        auth: server.auth !== null,
        clientUser: null,
        minReplicasToWrite: server.minReplicasToWrite,
      },
    };
  }
  if (runsPostgres(d)) {
    const pg = d.postgres;
    const etcds = pg.etcd.initialCluster.map((m) => m.name);
    return {
      service: pg.service,
      primary: pg.role === 'primary',
      kind: {
        kind: POSTGRES_KIND,
        daemon: PATRONI_DAEMON,
        electors: etcds,
        electorsAre: 'etcd members',
        promoter: 'Patroni',
        needed: majority(etcds.length),
        auth: true,
        clientUser: pg.patroni.users[0]?.name ?? null,
        minReplicasToWrite: 0,
      },
      nodeLoss: patroniNodeLossPrediction,
    };
  }
  return null;
}

/** Per site, every data service's plan, by `<tenant>/<service>`. */
export const dataPlans = oncePer((site: DeepReadonly<SiteModel>): DataPlan[] => {
  const plans = new Map<string, DataPlan>();
  const nodeLoss = new Map<string, NodeLossPrediction>();
  for (const d of site.devices) {
    const m = memberOf(d);
    if (!m) continue;
    if (m.nodeLoss) nodeLoss.set(m.service, m.nodeLoss);
    const plan = plans.get(m.service) ?? {
      service: m.service,
      members: [],
      primary: m.kind.kind === RABBITMQ_KIND ? null : '',
      proxies: [],
      predictedMs: null,
      budgetMs: null,
      ...m.kind,
    };
    plan.members.push(d.name);
    if (m.primary) plan.primary = d.name;
    plans.set(m.service, plan);
  }
  for (const plan of plans.values())
    if (plan.kind === RABBITMQ_KIND) {
      plan.electors = [...plan.members].sort();
      plan.needed = majority(plan.members.length);
    }
  // per service, the first HAProxy's backend of the primary (RabbitMQ: of every node): what
  // follows a promotion, or takes a lost node out
  const writeBackends = new Map<string, DeepReadonly<HaproxyTcpBackend>>();
  for (const d of site.devices) {
    const tenant = tenantOf(d);
    for (const m of runsRedis(d) ? (d.redis.sentinel?.monitors ?? []) : []) {
      const plan = plans.get(`${tenant}/${m.name}`);
      if (!plan || plan.electors.length) continue;
      plan.electors = [...m.sentinels];
      plan.needed = Math.max(m.quorum, majority(m.sentinels.length));
    }
    for (const b of runsProxy(d) ? d.haproxy.tcpBackends : []) {
      const plan = plans.get(`${tenant}/${b.service}`);
      if (plan && !plan.proxies.includes(d.name)) plan.proxies.push(d.name);
      if (plan && b.holds !== 'replicas' && !writeBackends.has(plan.service))
        writeBackends.set(plan.service, b);
    }
  }
  for (const b of site.budgets) {
    const plan = b.kind === 'data-write' ? plans.get(b.subject) : undefined;
    if (!plan) continue;
    plan.budgetMs = b.budgetMs;
    const backend = writeBackends.get(plan.service);
    const lossOf = nodeLoss.get(plan.service);
    plan.predictedMs = backend && lossOf ? lossOf(backend, site.timers) : b.expectedOutageMs;
  }
  return [...plans.values()].map((p) => ({ ...p, members: p.members.sort(), proxies: p.proxies.sort() }));
});

/** The data services of the fabric `ctx` describes (intact or degraded), by `<tenant>/<service>`. */
export function dataServicesOf(ctx: DeriveContext): Map<string, DataState> {
  const up = (names: readonly string[]) => names.filter((n) => !ctx.isDown(n));
  return new Map(
    dataPlans(ctx.site).map((plan) => [
      plan.service,
      { plan, members: up(plan.members), electors: up(plan.electors), proxies: up(plan.proxies) },
    ]),
  );
}

/** What one state of a data service means for its clients, worst first; none when it is whole. */
export function dataImpacts(
  now: DataState,
  listed: (names: readonly string[]) => string,
): { severity: 'breaks' | 'degraded'; detail: string }[] {
  const { plan } = now;
  const key = plan.service;
  const lost = (of: readonly string[], left: readonly string[]) => of.filter((n) => !left.includes(n));
  if (!now.members.length)
    return [{ severity: 'breaks', detail: `${key}: no member left (${listed(plan.members)} down)` }];
  if (!now.proxies.length)
    return [
      { severity: 'breaks', detail: `${key}: no HAProxy left to reach it (${listed(plan.proxies)} down)` },
    ];
  const out: { severity: 'breaks' | 'degraded'; detail: string }[] = [];
  const enough = now.electors.length >= plan.needed;
  const electorsLeft = `${now.electors.length} of ${plan.electors.length} ${plan.electorsAre} left`;
  const cost = (what: string) =>
    plan.predictedMs === null
      ? ''
      : `; ${what} fail for up to ${plan.predictedMs} ms${plan.budgetMs === null ? '' : ` (budget ${plan.budgetMs} ms)`}`;
  if (plan.primary === null) {
    // every node serves: a node lost cuts its clients, who reconnect through the VIP, and the
    // quorum queues it led elect a leader among the others once they see it gone (net_ticktime)
    const nodesLost = lost(plan.members, now.members);
    if (!enough)
      out.push({
        severity: 'breaks',
        detail: `${key}: ${electorsLeft} (the quorum queues need ${plan.needed}): pause_minority pauses ${listed(now.members)}: publishing and consuming fail until a majority returns`,
      });
    else if (nodesLost.length)
      out.push({
        severity: 'degraded',
        detail: `${key}: node${nodesLost.length === 1 ? '' : 's'} ${listed(nodesLost)} down: ${nodesLost.length === 1 ? 'its' : 'their'} clients reconnect through the VIP to ${listed(now.members)}, where the quorum queues ${nodesLost.length === 1 ? 'it' : 'they'} led elect a leader${cost('publishes')}`,
      });
  } else if (!now.members.includes(plan.primary)) {
    const promotes = `${plan.promoter} promote${plan.kind === POSTGRES_KIND ? 's' : ''} ${now.members.length === 1 ? '' : 'one of '}${listed(now.members)}`;
    // the promoted member's replicas are the members left but itself
    const replicasAfter = now.members.length - 1;
    out.push(
      enough && replicasAfter < plan.minReplicasToWrite
        ? {
            severity: 'breaks',
            detail: `${key}: primary ${plan.primary} down: ${promotes}, which has ${replicasAfter ? `${replicasAfter} replica${replicasAfter === 1 ? '' : 's'}` : 'no replica'} left and refuses writes (min-replicas-to-write ${plan.minReplicasToWrite})`,
          }
        : enough
          ? {
              severity: 'degraded',
              detail: `${key}: primary ${plan.primary} down: ${promotes}${cost('writes')}`,
            }
          : {
              severity: 'breaks',
              detail: `${key}: primary ${plan.primary} down and ${electorsLeft} (a failover needs ${plan.needed}): writes fail until it returns`,
            },
    );
  } else {
    const replicas = plan.members.filter((m) => m !== plan.primary);
    const left = now.members.filter((m) => m !== plan.primary);
    if (left.length < replicas.length) {
      if (left.length < plan.minReplicasToWrite)
        out.push({
          severity: 'breaks',
          detail: `${key}: no replica left (${listed(replicas)} down): the primary ${plan.primary} refuses writes (min-replicas-to-write ${plan.minReplicasToWrite})`,
        });
      else
        out.push({
          severity: 'degraded',
          detail: left.length
            ? `${key}: replicas ${listed(left)} left of ${listed(replicas)}`
            : `${key}: no replica left (${listed(replicas)} down): reads go to the primary ${plan.primary}`,
        });
    }
    if (!enough)
      out.push(
        plan.kind === POSTGRES_KIND
          ? {
              // Patroni demotes a primary that cannot renew its leader lock (retry_timeout)
              severity: 'breaks',
              detail: `${key}: ${electorsLeft} (needs ${plan.needed}): Patroni demotes the primary ${plan.primary}, which cannot renew its leader lock: writes fail until a majority returns`,
            }
          : {
              severity: 'degraded',
              detail: `${key}: ${electorsLeft}: no failover if the primary fails (needs ${plan.needed})`,
            },
      );
  }
  const proxiesLost = lost(plan.proxies, now.proxies);
  if (proxiesLost.length)
    out.push({ severity: 'degraded', detail: `${key}: reached through ${listed(now.proxies)} only` });
  return out;
}
