/**
 * Failure budgets and failover timers: a group or service whose timers cannot meet its budget
 * (budget-exceeded), and VRRP timers the chosen VRRP version cannot carry.
 */
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { FailureBudget } from '../model/budgets.js';
import { type CheckContext, finding, notice } from './context.js';

export function checkBudgets(ctx: CheckContext): Diagnostic[] {
  const missed = ctx.site.budgets.filter((b) => !b.met);
  const reported = new Set(missed.map((b) => `${b.kind}:${b.subject}`));
  return (
    missed
      // a hypervisor over budget only because a group on it is: one problem, reported at the group
      .filter((b) => b.kind !== 'hypervisor' || !slowestPartReported(b, reported))
      // a Cilium cluster's cables, over for the reason its nodes are (the hold timer): reported once
      .filter((b) => b.kind !== 'fabric-cable' || !reported.has(`fabric-node:${b.group}`))
      .map((b) => finding(ctx, 'budget-exceeded', budgetMessage(ctx, b), budgetPath(ctx, b)))
  );
}

function slowestPartReported(b: FailureBudget, reported: Set<string>): boolean {
  return Object.entries(b.timers).some(([part, ms]) => ms === b.expectedOutageMs && reported.has(part));
}

function budgetMessage(ctx: CheckContext, b: FailureBudget): string {
  const what = `${b.subject} (${b.kind})`;
  if (b.kind === 'app-server')
    return `${what}: losing one server fails requests (HAProxy does not retry them on another server), over its budget of ${b.budgetFailedRequests} failed requests; keep retries ≥ 1 with redispatch and at least two servers`;
  const over = `a failure costs up to ${b.expectedOutageMs} ms (${b.formula}), over its budget of ${b.budgetMs} ms`;
  return `${what}: ${over}; ${remedy(ctx, b)}`;
}

function remedy(ctx: CheckContext, b: FailureBudget): string {
  switch (b.kind) {
    case 'vrrp-gateway':
    case 'l4-vip':
    case 'data-vip': {
      const priority = b.timers.backupPriority ?? 100;
      const advert = Math.floor(((b.budgetMs ?? 0) / 1000 / (3 + (256 - priority) / 256)) * 100) / 100;
      const v3 = ctx.site.timers.vrrp.version === 3 ? '' : 'VRRPv3 (defaults.vrrp.version: 3) with ';
      return advert >= 0.01
        ? `use ${v3}defaults.vrrp.advert_int ≤ ${advert} or raise the budget`
        : 'no VRRP advert interval is that short: raise the budget';
    }
    case 'fabric-node':
    case 'fabric-cable': {
      // a Cilium cluster's nodes: no BFD, and a hold time Cilium does not take below 3 s
      const cluster = clusterOfBudget(ctx, b);
      if (cluster) {
        const key = `clusters.${cluster.name}.budget`;
        const own = b.budgetSource?.join('.') === key;
        return `Cilium's BGP control plane has no BFD and holds a session 3 s at least (CiliumBGPTimers' minimum): use speaker: metallb (BFD) for sub-second failover, or ${own ? `raise ${key} to` : `give the cluster a budget of its own (${key}:`} ${b.expectedOutageMs} at least${own ? '' : ')'}`;
      }
      return 'lower defaults.bfd (interval × multiplier) or raise the budget';
    }
    case 'edge-node':
      return 'lower defaults.bfd and defaults.bfd.upstream (agreed with the ISPs) or raise budgets.edge';
    case 'l4-real-server':
      return "lower the service's check interval/timeout (defaults.checks) or raise the budget";
    case 'data-write':
      // the quorum queues' leader election is not a setting: HAProxy's checks are
      if ('leaderElectionMs' in b.timers)
        return 'lower defaults.checks (interval, timeout, fall), or raise the budget';
      // Sentinel's own ~3 s (its constants) is not a setting: down-after and HAProxy's checks are
      return 'loopWaitMs' in b.timers
        ? // Patroni's reaction (a replica's HA cycle and pg_ctl promote) is not a setting
          'lower defaults.patroni.loop_wait or defaults.checks (interval, timeout, rise, fall), or raise the budget'
        : 'lower defaults.sentinel.down_after or defaults.checks (interval, timeout, rise, fall), or raise the budget';
    default:
      return 'lower the timers of the failovers it lists or raise the budget';
  }
}

/** The budget's own setting if the inventory states one (compile records it), else what it covers. */
/** The cluster of a budget judged on the hold timer (a Cilium cluster's nodes or cables): by its members. */
function clusterOfBudget(ctx: CheckContext, b: FailureBudget) {
  if (!('holdTimeMs' in b.timers) || !b.members.length) return undefined;
  return [...ctx.facts.clusters.values()].find((c) => b.members.every((m) => c.nodes.includes(m)));
}

function budgetPath(ctx: CheckContext, b: FailureBudget): InventoryPath {
  // a Cilium cluster's node: its speaker decides the hold timer, not defaults.bfd nor the
  // fabric's budget it borrows (budgets.fabric): at its speaker, unless it states its own budget
  const cluster = clusterOfBudget(ctx, b);
  if (cluster)
    return b.budgetSource?.join('.') === `clusters.${cluster.name}.budget`
      ? b.budgetSource
      : [...cluster.path, 'speaker'];
  if (b.budgetSource) return b.budgetSource;
  for (const [tenant, { input: t }] of ctx.facts.tenants) {
    if (b.kind === 'vrrp-gateway' && b.subject === `${tenant}-routers`) return ['tenants', tenant, 'routers'];
    if (b.kind === 'l4-vip' && b.subject === `${tenant}-l4`) return ['tenants', tenant, 'l4'];
    if (b.kind === 'data-vip' && b.subject === `${tenant}-data-vips`) return ['tenants', tenant, 'l7'];
    for (const name of Object.keys(t.l4?.services ?? {}))
      if (b.kind === 'l4-real-server' && b.subject === `${tenant}/${name}`)
        return ['tenants', tenant, 'l4', 'services', name];
    for (const name of Object.keys(t.l7?.backends ?? {}))
      if (b.kind === 'app-server' && b.subject === `${tenant}/${name}`)
        return ['tenants', tenant, 'l7', 'backends', name];
    for (const name of Object.keys(t.data ?? {}))
      if (b.kind === 'data-write' && b.subject === `${tenant}/${name}`)
        return ['tenants', tenant, 'data', name];
  }
  if (b.kind === 'hypervisor') return ['devices', b.subject];
  if (b.kind === 'fabric-node' || b.kind === 'fabric-cable') return ['defaults', 'bfd'];
  if (b.kind === 'edge-node') return ['defaults', 'bfd', 'upstream'];
  return ['budgets'];
}

/**
 * VRRPv3 (RFC 5798) has no authentication and counts adverts in centiseconds (at most 40.95 s);
 * VRRPv2 (RFC 3768) counts whole seconds. keepalived ignores what the version cannot carry.
 */
export function checkVrrpTimers(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { version, advertS } = ctx.site.timers.vrrp;
  const advertPath: InventoryPath = ['defaults', 'vrrp', 'advert_int'];
  if (version === 2 && !Number.isInteger(advertS))
    out.push(
      finding(
        ctx,
        'vrrp-advert-version',
        `VRRPv2 adverts are whole seconds, not ${advertS}; use defaults.vrrp.version: 3 for sub-second adverts`,
        advertPath,
      ),
    );
  const centis = Math.round(advertS * 100);
  if (version === 3 && (Math.abs(centis - advertS * 100) > 1e-6 || centis > 4095))
    out.push(
      finding(
        ctx,
        'vrrp-advert-version',
        `VRRPv3 adverts are whole centiseconds up to 40.95 s, not ${advertS}; use e.g. ${Math.min(4095, Math.max(1, centis)) / 100}`,
        advertPath,
      ),
    );
  // the HAProxy pair runs VRRP only for the tenant's data VIPs: without them its auth does nothing
  for (const [tenant, t] of ctx.facts.tenants)
    if (t.input.l7?.auth && !t.dataVrrp)
      out.push(
        notice(
          ctx,
          'vrrp-auth-unused',
          `tenant ${tenant}'s l7.auth protects the HAProxy pair's VRRP, which it runs only for data VIPs, and the tenant has none: drop l7.auth, or give a data service a VIP`,
          ['tenants', tenant, 'l7', 'auth'],
        ),
      );
  if (version !== 3) return out;
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const kind of ['routers', 'l4', 'l7'] as const)
      if (t[kind]?.auth)
        out.push(
          finding(
            ctx,
            'vrrp-auth-v3',
            `VRRPv3 has no authentication (RFC 5798): remove ${kind}.auth of tenant ${tenant}, or set defaults.vrrp.version: 2 (whole-second adverts, so a slower failover)`,
            ['tenants', tenant, kind, 'auth'],
          ),
        );
  return out;
}
