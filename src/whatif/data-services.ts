/**
 * whatif's view of the data tier (issue 12, docs/data-tier.md): per data service, its members,
 * its Sentinels and the HAProxy pair in front of it that are up, and what a failure costs it —
 * the inventory's primary lost is a failover (writes fail for the `data-write` budget's
 * prediction) if enough Sentinels are left to elect one, and writes stop until it returns if not.
 * Which member is primary at runtime is Sentinel's to decide: whatif judges the inventory's.
 */
import type { DeepReadonly } from '../model/freeze.js';
import { runsProxy, runsRedis, tenantOf } from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';
import type { DeriveContext } from '../verify/checks/spec.js';

/** What the model says of one data service: the same in every state of the fabric. */
export interface DataPlan {
  /** `<tenant>/<service>`. */
  service: string;
  /** The members, sorted. */
  members: string[];
  /** The inventory's primary (the member without `replicaof`). */
  primary: string;
  /** The devices whose Sentinels watch it. */
  sentinels: string[];
  /** Sentinels that must be up for a failover: the quorum, and a majority to elect its leader. */
  needed: number;
  /** The HAProxy devices with its role-aware backends. */
  proxies: string[];
  /** Whether its members have a password (`requirepass`): clients AUTH first. */
  auth: boolean;
  /** `min-replicas-to-write`: below this many replicas the primary refuses writes. */
  minReplicasToWrite: number;
  /** The `data-write` budget's prediction and the budget, ms. */
  predictedMs: number | null;
  budgetMs: number | null;
}

/** A data service in one state of the fabric: what of its plan is up. */
export interface DataState {
  plan: DataPlan;
  members: string[];
  sentinels: string[];
  proxies: string[];
}

/** Per site, every data service's plan, by `<tenant>/<service>`. */
export const dataPlans = oncePer((site: DeepReadonly<SiteModel>): DataPlan[] => {
  const plans = new Map<string, DataPlan>();
  for (const d of site.devices) {
    const server = runsRedis(d) ? d.redis.server : null;
    if (!server) continue;
    const plan = plans.get(server.service) ?? {
      service: server.service,
      members: [],
      primary: '',
      sentinels: [],
      needed: 0,
      proxies: [],
      auth: server.auth !== null,
      minReplicasToWrite: server.minReplicasToWrite,
      predictedMs: null,
      budgetMs: null,
    };
    plan.members.push(d.name);
    if (!server.replicaOf) plan.primary = d.name;
    plans.set(server.service, plan);
  }
  for (const d of site.devices) {
    const tenant = tenantOf(d);
    for (const m of runsRedis(d) ? (d.redis.sentinel?.monitors ?? []) : []) {
      const plan = plans.get(`${tenant}/${m.name}`);
      if (!plan || plan.sentinels.length) continue;
      plan.sentinels = [...m.sentinels];
      plan.needed = Math.max(m.quorum, Math.floor(m.sentinels.length / 2) + 1);
    }
    for (const b of runsProxy(d) ? d.haproxy.tcpBackends : []) {
      const plan = plans.get(`${tenant}/${b.service}`);
      if (plan && !plan.proxies.includes(d.name)) plan.proxies.push(d.name);
    }
  }
  for (const b of site.budgets) {
    const plan = b.kind === 'data-write' ? plans.get(b.subject) : undefined;
    if (plan) {
      plan.predictedMs = b.expectedOutageMs;
      plan.budgetMs = b.budgetMs;
    }
  }
  return [...plans.values()].map((p) => ({ ...p, members: p.members.sort(), proxies: p.proxies.sort() }));
});

/** The data services of the fabric `ctx` describes (intact or degraded), by `<tenant>/<service>`. */
export function dataServicesOf(ctx: DeriveContext): Map<string, DataState> {
  const up = (names: readonly string[]) => names.filter((n) => !ctx.isDown(n));
  return new Map(
    dataPlans(ctx.site).map((plan) => [
      plan.service,
      { plan, members: up(plan.members), sentinels: up(plan.sentinels), proxies: up(plan.proxies) },
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
  const enough = now.sentinels.length >= plan.needed;
  const sentinelsLeft = `${now.sentinels.length} of ${plan.sentinels.length} Sentinels left`;
  if (!now.members.includes(plan.primary)) {
    const cost =
      plan.predictedMs === null
        ? ''
        : `; writes fail for up to ${plan.predictedMs} ms${plan.budgetMs === null ? '' : ` (budget ${plan.budgetMs} ms)`}`;
    out.push(
      enough
        ? {
            severity: 'degraded',
            detail: `${key}: primary ${plan.primary} down: the Sentinels promote one of ${listed(now.members)}${cost}`,
          }
        : {
            severity: 'breaks',
            detail: `${key}: primary ${plan.primary} down and ${sentinelsLeft} (a failover needs ${plan.needed}): writes fail until it returns`,
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
      out.push({
        severity: 'degraded',
        detail: `${key}: ${sentinelsLeft}: no failover if the primary fails (needs ${plan.needed})`,
      });
  }
  const proxiesLost = lost(plan.proxies, now.proxies);
  if (proxiesLost.length)
    out.push({ severity: 'degraded', detail: `${key}: reached through ${listed(now.proxies)} only` });
  return out;
}
