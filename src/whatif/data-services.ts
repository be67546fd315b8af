/**
 * whatif's view of the data tier (issue 12, docs/data-tier.md): per data service, its members,
 * the electors whose votes promote a replica (Redis's Sentinels; for PostgreSQL the members'
 * etcd, which holds Patroni's leader lock) and the HAProxy pair in front of it that are up, and
 * what a failure costs it — the inventory's primary lost is a failover (writes fail for the
 * prediction) if enough electors are left, and writes stop until it returns if not. Which member
 * is primary at runtime is Sentinel's or Patroni's to decide: whatif judges the inventory's.
 */
import { patroniNodeLossPrediction } from '../compile/data-tier.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { HaproxyTcpBackend } from '../model/haproxy.js';
import {
  DATA_KINDS,
  type DataKind,
  PATRONI_DAEMON,
  REDIS_DAEMON,
  runsPostgres,
  runsProxy,
  runsRedis,
  tenantOf,
} from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';
import type { DeriveContext } from '../verify/checks/spec.js';

/** What the model says of one data service: the same in every state of the fabric. */
export interface DataPlan {
  /** `<tenant>/<service>`. */
  service: string;
  kind: DataKind;
  /** The daemon that decides the roles, which reports file its findings under. */
  daemon: typeof REDIS_DAEMON | typeof PATRONI_DAEMON;
  /** The members, sorted. */
  members: string[];
  /** The inventory's primary (Redis: the member without `replicaof`; PostgreSQL: `role: primary`). */
  primary: string;
  /** The devices whose votes promote a replica: the Sentinels, or the members' etcd. */
  electors: string[];
  /** What the electors are, in a sentence's words. */
  electorsAre: 'Sentinels' | 'etcd members';
  /** Who promotes a replica, in a sentence's words. */
  promoter: 'the Sentinels' | 'Patroni';
  /** Electors that must be up for a failover: Sentinel's quorum and majority, etcd's majority. */
  needed: number;
  /** The HAProxy devices with its role-aware backends. */
  proxies: string[];
  /** Whether its members have a password: clients authenticate first. */
  auth: boolean;
  /** The role clients log in as (PostgreSQL's application role); null for Redis (AUTH alone). */
  clientUser: string | null;
  /** Redis's `min-replicas-to-write`: below this many replicas the primary refuses writes (0: none). */
  minReplicasToWrite: number;
  /**
   * The failed writes when the primary's node is lost, and the budget, ms: the `data-write`
   * budget's prediction for Redis (Sentinel cannot tell a crash from a lost node); for PostgreSQL
   * the leader lock's expiry (patroniNodeLossPrediction), not the crash the budget predicts.
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

const majority = (n: number) => Math.floor(n / 2) + 1;
// the kinds' names live with the model (a kind is named like its daemon: one home per daemon)
const [REDIS_KIND, POSTGRES_KIND] = DATA_KINDS;

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

/** A member's service, whether the inventory made it the primary, and its kind's part of the plan; null for no member. */
function memberOf(
  d: DeepReadonly<SiteModel>['devices'][number],
): { service: string; primary: boolean; kind: KindPart } | null {
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
    };
  }
  return null;
}

/** Per site, every data service's plan, by `<tenant>/<service>`. */
export const dataPlans = oncePer((site: DeepReadonly<SiteModel>): DataPlan[] => {
  const plans = new Map<string, DataPlan>();
  for (const d of site.devices) {
    const m = memberOf(d);
    if (!m) continue;
    const plan = plans.get(m.service) ?? {
      service: m.service,
      members: [],
      primary: '',
      proxies: [],
      predictedMs: null,
      budgetMs: null,
      ...m.kind,
    };
    plan.members.push(d.name);
    if (m.primary) plan.primary = d.name;
    plans.set(m.service, plan);
  }
  // per service, the first HAProxy's backend of the primary: what follows a promotion
  const primaryBackends = new Map<string, DeepReadonly<HaproxyTcpBackend>>();
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
      if (plan && b.holds === 'primary' && !primaryBackends.has(plan.service))
        primaryBackends.set(plan.service, b);
    }
  }
  for (const b of site.budgets) {
    const plan = b.kind === 'data-write' ? plans.get(b.subject) : undefined;
    if (!plan) continue;
    plan.budgetMs = b.budgetMs;
    const backend = primaryBackends.get(plan.service);
    plan.predictedMs =
      plan.kind === 'postgres' && backend
        ? patroniNodeLossPrediction(backend, site.timers)
        : b.expectedOutageMs;
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
  if (!now.members.includes(plan.primary)) {
    const cost =
      plan.predictedMs === null
        ? ''
        : `; writes fail for up to ${plan.predictedMs} ms${plan.budgetMs === null ? '' : ` (budget ${plan.budgetMs} ms)`}`;
    out.push(
      enough
        ? {
            severity: 'degraded',
            detail: `${key}: primary ${plan.primary} down: ${plan.promoter} promote${plan.kind === 'postgres' ? 's' : ''} one of ${listed(now.members)}${cost}`,
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
        plan.kind === 'postgres'
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
