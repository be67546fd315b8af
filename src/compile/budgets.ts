/**
 * Failure budgets: for every redundancy group and service path, the worst-case outage the
 * rendered timers allow, next to the outage its users accept (the inventory's `budgets`, a
 * group's or service's own `budget`, else DEFAULT_BUDGETS). Pure: timers in, numbers out.
 */
import type { Budgets } from '../inventory/types.gen.js';
import type { FailureBudget, HaproxyRetryPolicy, SiteTimers } from '../model/budgets.js';
import { runsProxy } from '../model/runs.js';
import type { Device, HealthCheck, RedundancyGroup, VrrpScript } from '../model/types.js';
import { own } from '../util/own.js';
import { clusterNodeOutage } from './cluster-budgets.js';
import { dataWritePrediction, writeBackendName } from './data-tier.js';
import type { VrrpPairFacts } from './facts/tenants.js';
import type { SiteFacts } from './facts.js';
import { HAPROXY_ALIVE_SCRIPT, healthCheck } from './keepalived.js';
import { vmHostRoles } from './roles.js';
import { toMs } from './timers.js';
import { vrrpMasterDownMs, vrrpScriptFaultMs } from './vrrp-failover.js';

export { vrrpMasterDownMs, vrrpScriptFaultMs } from './vrrp-failover.js';

/** What a data centre would accept, ms (app_server: failed requests). */
export const DEFAULT_BUDGETS: Required<Budgets> = {
  fabric: 350,
  edge: 1000,
  gateway: 1000,
  vip: 1000,
  haproxy: 1000,
  app_server: 0,
  hypervisor: 1000,
  // issue 12: "writes fail for at most the budget (target ≤ 5 s on this machine)"
  data: 5000,
};

// ---------------------------------------------------------------------------------------------
// Formulas, each the worst case of one mechanism

/** BFD declares a session down after `multiplier` intervals without a packet. */
export function bfdDetectionMs(bfd: { intervalMs: number; multiplier: number }): number {
  return bfd.intervalMs * bfd.multiplier;
}

/** A silently failed fabric node or cable: BFD detection, then bgpd/zebra take it out of the FIB. */
export function fabricOutageMs(t: Pick<SiteTimers, 'bfdFabric' | 'routingReactionMs'>): number {
  return bfdDetectionMs(t.bfdFabric) + t.routingReactionMs;
}

/**
 * A silently failed edge router: the spines see it through the fabric's BFD, but its upstream
 * (single-homed to it) only through the upstream session's BFD, and keeps sending the site's
 * traffic into it until then. The slower of the two, then the routing reaction.
 */
export function edgeOutageMs(t: Pick<SiteTimers, 'bfdFabric' | 'bfdUpstream' | 'routingReactionMs'>): number {
  return Math.max(bfdDetectionMs(t.bfdFabric), bfdDetectionMs(t.bfdUpstream)) + t.routingReactionMs;
}

/**
 * keepalived removes a real server after the check that fails and `retry` more: the first check
 * starts at most `delay_loop` after the failure, and each failing check waits `connect_timeout`.
 */
export function l4CheckDetectionMs(
  c: Pick<HealthCheck, 'interval' | 'timeout' | 'retry' | 'delayBeforeRetry'>,
) {
  return toMs(c.interval + c.timeout + c.retry * (c.delayBeforeRetry + c.timeout));
}

/**
 * HAProxy marks a server down after `fall` failed checks: the first at most `inter` after the
 * failure, the others `fastinter` apart, each waiting up to `timeout check`.
 */
export function haproxyDetectionMs(c: {
  interMs: number;
  fastinterMs: number;
  fall: number;
  timeoutMs: number;
}) {
  return c.interMs + c.fall * c.timeoutMs + (c.fall - 1) * c.fastinterMs;
}

/**
 * Requests that fail when one of `servers` fails: none when a failed attempt is retried on
 * another server, whether it never connected (conn-failure), the server died with it (a crash:
 * empty-response) or went silent with it (response-timeout); else unbounded (null).
 */
export function appServerFailedRequests(p: HaproxyRetryPolicy, servers: number): number | null {
  const retried =
    p.retries >= 1 &&
    p.redispatch &&
    ['conn-failure', 'empty-response', 'response-timeout'].every((r) => p.retryOn.includes(r));
  return retried && servers >= 2 ? 0 : null;
}

// ---------------------------------------------------------------------------------------------
// The site's budgets
/** A budget and the inventory setting it comes from (null: DEFAULT_BUDGETS). */
interface Stated {
  value: number;
  source: string[] | null;
}

type SiteBudgets = { [K in keyof Budgets]-?: Stated };

/** The site's budgets: the inventory's `budgets`, else DEFAULT_BUDGETS, each with where it is set. */
function siteBudgets(stated: Budgets | undefined): SiteBudgets {
  const of = (key: keyof Budgets): Stated => {
    const value = own(stated as Record<string, number | undefined> | undefined, key);
    return value === undefined
      ? { value: DEFAULT_BUDGETS[key], source: null }
      : { value, source: ['budgets', key] };
  };
  const keys = Object.keys(DEFAULT_BUDGETS) as (keyof Budgets)[];
  return Object.fromEntries(keys.map((key) => [key, of(key)])) as SiteBudgets;
}

/** A group's or service's own `budget` (at `path`), else the site's. */
function ownOr(value: number | null, path: string[], site: Stated): Stated {
  return value === null ? site : { value, source: [...path, 'budget'] };
}

export function compileBudgets(
  facts: SiteFacts,
  devices: readonly Device[],
  groups: readonly RedundancyGroup[],
  timers: SiteTimers,
): FailureBudget[] {
  const site = siteBudgets(facts.inventory.budgets);
  const out: FailureBudget[] = [];
  const { bfdFabric: bfd, routingReactionMs } = timers;
  const fabricTimers = { bfdIntervalMs: bfd.intervalMs, bfdMultiplier: bfd.multiplier, routingReactionMs };
  const fabricFormula = 'BFD interval × multiplier + routing reaction';
  const fabricMs = fabricOutageMs(timers);
  const ciliumCables: FailureBudget[] = []; // one gone silent is noticed by the hold timer too
  for (const g of groups) {
    if (g.kind === 'edge-pair' && facts.upstreams.size) out.push(edgeBudget(g, timers, site.edge));
    else if (FABRIC_GROUPS.has(g.kind)) {
      // a cluster's node: its own budget, and without BFD (Cilium) the hold timer
      const node = g.kind === 'k8s-cluster' ? clusterNodeOutage(facts, g, timers) : null;
      const budget = node ? ownOr(node.budgetMs, node.budgetPath, site.fabric) : site.fabric;
      const [outage, used, formula] = node?.withoutBfd ?? [fabricMs, fabricTimers, fabricFormula];
      out.push(ms('fabric-node', g.name, g.name, g.members, outage, budget, used, formula));
      if (node?.withoutBfd)
        ciliumCables.push(
          ms('fabric-cable', `${g.name} cables`, g.name, g.members, outage, budget, used, formula),
        );
    }
  }
  if (facts.cables.some((c) => c.kind === 'fabric' || c.kind === 'host'))
    out.push(ms('fabric-cable', 'cables', null, [], fabricMs, site.fabric, fabricTimers, fabricFormula));
  out.push(...ciliumCables);
  out.push(...vrrpBudgets(facts, groups, timers, site));
  out.push(...serviceBudgets(facts, devices, timers, site));
  out.push(...dataBudgets(facts, devices, timers, site.data));
  out.push(...hypervisorBudgets(devices, out, fabricMs, site.hypervisor));
  return out;
}

const FABRIC_GROUPS = new Set<RedundancyGroup['kind']>([
  'superspine-plane',
  'spine-plane',
  'edge-pair',
  'leaf-pair',
  'storage-hosts',
  'k8s-cluster',
]);

/** An edge pair's budget: the internet's view of an edge's failure (edgeOutageMs). */
function edgeBudget(g: RedundancyGroup, timers: SiteTimers, budget: Stated): FailureBudget {
  const used = {
    bfdIntervalMs: timers.bfdFabric.intervalMs,
    bfdMultiplier: timers.bfdFabric.multiplier,
    bfdUpstreamIntervalMs: timers.bfdUpstream.intervalMs,
    bfdUpstreamMultiplier: timers.bfdUpstream.multiplier,
    routingReactionMs: timers.routingReactionMs,
  };
  const formula = 'max(BFD, upstream BFD) interval × multiplier + routing reaction';
  return ms('edge-node', g.name, g.name, g.members, edgeOutageMs(timers), budget, used, formula);
}

function ms(
  kind: FailureBudget['kind'],
  subject: string,
  group: string | null,
  members: readonly string[],
  expectedOutageMs: number,
  budget: Stated,
  timers: Record<string, number>,
  formula: string,
): FailureBudget {
  return {
    kind,
    subject,
    group,
    members: [...members].sort(),
    expectedOutageMs,
    budgetMs: budget.value,
    expectedFailedRequests: null,
    budgetFailedRequests: null,
    budgetSource: budget.source,
    outageOf:
      kind === 'fabric-node' || kind === 'fabric-cable' || kind === 'edge-node' ? 'pings' : 'every-probe',
    met: expectedOutageMs <= budget.value,
    timers,
    formula,
  };
}

const scriptTimers = (s: VrrpScript) => ({ scriptIntervalS: s.interval, scriptFall: s.fall });

function vrrpBudgets(
  facts: SiteFacts,
  groups: readonly RedundancyGroup[],
  timers: SiteTimers,
  site: SiteBudgets,
): FailureBudget[] {
  const out: FailureBudget[] = [];
  const { version, advertS } = timers.vrrp;
  for (const [tenant, t] of facts.tenants) {
    const pair = (kind: 'vrrp-gateway' | 'l4-vip' | 'data-vip', key: string, p: VrrpPairFacts | null) => ({
      kind,
      name: `${tenant}-${key === 'data' ? 'data-vips' : key}`,
      key,
      pair: p,
      // the data VIPs' clients accept what a promotion costs them (budgets.data)
      budget: kind === 'vrrp-gateway' ? site.gateway : kind === 'l4-vip' ? site.vip : site.data,
    });
    const pairs = [
      pair('vrrp-gateway', 'routers', t.routers),
      pair('l4-vip', 'l4', t.l4),
      pair('data-vip', 'data', t.dataVrrp),
    ];
    for (const { kind, name, key, pair, budget } of pairs) {
      if (!pair || pair.members.length < 2 || !groups.some((g) => g.name === name)) continue;
      const backupPriority = Math.min(...pair.members.map((m) => m.priority));
      const masterDown = vrrpMasterDownMs(version, advertS, backupPriority);
      const members = pair.members.map((m) => m.device);
      const formula =
        version === 3
          ? '3 × advert + (256 − backup priority) / 256 × advert'
          : '3 × advert + (256 − backup priority) / 256 s';
      // the data VIPs also move when HAProxy dies: its script faults the instance (vrrpScriptFaultMs)
      const script = kind === 'data-vip' ? HAPROXY_ALIVE_SCRIPT : null;
      const faultMs = script ? vrrpScriptFaultMs(script, version, advertS, backupPriority) : 0;
      out.push(
        ms(
          kind,
          name,
          name,
          members,
          Math.max(masterDown, faultMs),
          ownOr(pair.budget, ['tenants', tenant, key], budget),
          { vrrpVersion: version, advertS, backupPriority, ...(script && scriptTimers(script)) },
          script ? `max(${formula}, script interval × fall + skew)` : formula,
        ),
      );
    }
  }
  return out;
}

function serviceBudgets(
  facts: SiteFacts,
  devices: readonly Device[],
  timers: SiteTimers,
  site: SiteBudgets,
): FailureBudget[] {
  const out: FailureBudget[] = [];
  for (const [tenant, t] of facts.tenants) {
    for (const s of t.l4?.services ?? []) {
      const c = healthCheck(s.check, timers.checks);
      out.push(
        ms(
          'l4-real-server',
          `${tenant}/${s.name}`,
          null,
          s.realServers,
          l4CheckDetectionMs(c),
          ownOr(s.budget, ['tenants', tenant, 'l4', 'services', s.name], site.haproxy),
          {
            delayLoopS: c.interval,
            connectTimeoutS: c.timeout,
            retry: c.retry,
            delayBeforeRetryS: c.delayBeforeRetry,
          },
          'delay_loop + connect_timeout + retry × (delay_before_retry + connect_timeout)',
        ),
      );
    }
  }
  const backends = new Map<
    string,
    {
      servers: string[];
      interMs: number;
      timeoutServerMs: number;
      check: { fastinter: number; fall: number };
    }
  >();
  for (const d of devices)
    if (runsProxy(d))
      for (const b of d.haproxy.backends)
        backends.set(`${d.tenant}/${b.name}`, {
          servers: b.servers.map((s) => s.name),
          interMs: b.checkInterval,
          timeoutServerMs: b.timeoutServerMs,
          check: b.serverCheck,
        });
  for (const [subject, b] of [...backends].sort(([a], [z]) => a.localeCompare(z))) {
    const p = timers.haproxyRetries;
    const failed = appServerFailedRequests(p, b.servers.length);
    const timeoutMs = toMs(timers.checks.timeoutS);
    const detect = haproxyDetectionMs({
      interMs: b.interMs,
      fastinterMs: b.check.fastinter,
      fall: b.check.fall,
      timeoutMs,
    });
    out.push({
      kind: 'app-server',
      subject,
      group: null,
      members: [...b.servers].sort(),
      expectedOutageMs: detect,
      budgetMs: null,
      expectedFailedRequests: failed,
      budgetFailedRequests: site.app_server.value,
      budgetSource: site.app_server.source,
      outageOf: 'every-probe',
      met: failed !== null && failed <= site.app_server.value,
      timers: {
        interMs: b.interMs,
        fastinterMs: b.check.fastinter,
        fall: b.check.fall,
        timeoutCheckMs: timeoutMs,
        retries: p.retries,
        connectTimeoutMs: p.connectTimeoutMs,
        timeoutServerMs: b.timeoutServerMs,
      },
      formula:
        'failed requests: 0 when retries redispatch (a read the server had when it died is late by up to timeout server); detection: inter + fall × timeout + (fall − 1) × fastinter',
    });
  }
  return out;
}

/**
 * Each data service with a write VIP: how long writes through it fail when its primary dies.
 * Sentinel first (`down-after-milliseconds`, then its own reaction: agreeing, electing a leader,
 * promoting and seeing the promotion), then HAProxy's role checks following the new primary.
 */
function dataBudgets(
  facts: SiteFacts,
  devices: readonly Device[],
  timers: SiteTimers,
  site: Stated,
): FailureBudget[] {
  const out: FailureBudget[] = [];
  for (const [tenant, t] of facts.tenants)
    for (const svc of t.data) {
      if (!svc.vips.some((v) => v.role === 'write')) continue;
      // the timers HAProxy renders for the service's primary backend, where one renders it
      const b = devices
        .filter(runsProxy)
        .filter((d) => d.tenant === tenant)
        .flatMap((d) => d.haproxy.tcpBackends)
        .find((x) => x.name === writeBackendName(svc));
      if (!b) continue;
      const p = dataWritePrediction(b, timers, svc.kind);
      out.push(
        ms(
          'data-write',
          `${tenant}/${svc.name}`,
          null,
          svc.members.map((m) => m.device.name),
          p.expectedMs,
          ownOr(svc.budget, ['tenants', tenant, 'data', svc.name], site),
          p.timers,
          p.formula,
        ),
      );
    }
  return out;
}

/**
 * A hypervisor takes its own routes and every VM on it: the slowest of the fabric's reaction and
 * of every failover with a member among its VMs.
 */
function hypervisorBudgets(
  devices: readonly Device[],
  budgets: readonly FailureBudget[],
  fabricMs: number,
  budget: Stated,
): FailureBudget[] {
  const out: FailureBudget[] = [];
  for (const hv of devices) {
    if (!vmHostRoles().includes(hv.role)) continue;
    const vms = devices.filter((d) => d.hostedOn === hv.name).map((d) => d.name);
    const timers: Record<string, number> = { fabricMs };
    for (const b of budgets) {
      // a data primary's loss has its own budget (data, 5 s: Sentinel's promotion), not a VM's second
      if (b.kind === 'app-server' || b.kind === 'data-write' || !b.members.some((m) => vms.includes(m)))
        continue;
      // the data VIPs' pair: a VM lost with its hypervisor is a silent master, not a dead HAProxy
      timers[`${b.kind}:${b.subject}`] =
        b.kind === 'data-vip'
          ? vrrpMasterDownMs(b.timers.vrrpVersion === 2 ? 2 : 3, b.timers.advertS!, b.timers.backupPriority!)
          : b.expectedOutageMs;
    }
    const expected = Math.max(...Object.values(timers));
    out.push(
      ms(
        'hypervisor',
        hv.name,
        'hypervisors',
        [hv.name, ...vms],
        expected,
        budget,
        timers,
        'max(fabric, failovers of its VMs)',
      ),
    );
  }
  return out;
}
