/**
 * The budget of a failover scenario: the model's failure budget (`SiteModel.budgets`, compiled
 * from the inventory's `budgets:` and a group's or service's own `budget`, else the defaults of
 * src/compile/budgets.ts) of the group, service or cable the scenario fails, with the worst case
 * the rendered timers predict. Pure: the model in, the budget out.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { BudgetKind, FailureBudget, RedundancyKind } from '../model/types.js';

/** What a scenario fails, for choosing its budget: a redundancy group's kind, or a cable. */
export type TargetKind = RedundancyKind | 'app-servers' | 'data-members' | 'cable';

export interface Budget {
  /** The model's budget it is, for people: `shop-routers (vrrp-gateway)`, `cables (fabric-cable)`. */
  label: string;
  /** Its kind in the model; null without one (NO_BUDGET). */
  kind: BudgetKind | null;
  /** Longest outage any probe may see (longest gap between answers), ms; null: only failed requests count. */
  maxOutageMs: number | null;
  /** Failed HTTP requests allowed in total; undefined: only the outage counts. */
  maxFailedRequests?: number;
  /** The probes whose outage is held to `maxOutageMs` (compile decides: pings for the fabric). */
  outageOf: 'pings' | 'every-probe';
  /** The worst-case outage the model predicts from the rendered timers, ms (an app server: its detection time). */
  predictedOutageMs: number | null;
  /** Failed requests the model predicts (0: HAProxy retries hide the loss; null: they cannot); undefined: not counted. */
  predictedFailedRequests?: number | null;
  /** Where the budget is set: the inventory key (`budgets.fabric`), or `default` (src/compile/budgets.ts). */
  source: string;
  /** `file:line:col` of that key, filled in where the inventory's sources are at hand (the CLI). */
  location?: string;
  /** The key as a path, for locating it; null for a default. */
  sourcePath: string[] | null;
}

/** Which of the model's budget kinds covers the failure of a member of each kind of group. */
const BUDGET_KINDS: ReadonlyMap<TargetKind, readonly BudgetKind[]> = new Map<TargetKind, BudgetKind[]>([
  ['superspine-plane', ['fabric-node']],
  ['spine-plane', ['fabric-node']],
  ['edge-pair', ['edge-node', 'fabric-node']],
  ['leaf-pair', ['fabric-node']],
  ['storage-hosts', ['fabric-node']],
  // a node's leaves withdraw its LoadBalancer IPs on the fabric's BFD, as for any fabric node
  ['k8s-cluster', ['fabric-node']],
  ['cable', ['fabric-cable']],
  ['vrrp-pair', ['vrrp-gateway', 'l4-vip', 'data-vip']],
  // a HAProxy is a real server of the L4 VIPs in front of it
  ['haproxy-pair', ['l4-real-server']],
  ['app-servers', ['app-server']],
  // a data service's members: its primary's loss is the write VIP's promotion (a replica's costs less)
  ['data-members', ['data-write']],
  ['hypervisors', ['hypervisor']],
]);

/** A scenario without a budget in the model: judged only on recovery and convergence. */
export const NO_BUDGET: Budget = {
  label: 'no budget in the model',
  kind: null,
  maxOutageMs: null,
  outageOf: 'every-probe',
  predictedOutageMs: null,
  source: '-',
  sourcePath: null,
};

/** The strictest first: a member of two services must meet both budgets. */
function strictness(b: DeepReadonly<FailureBudget>): number {
  return b.budgetMs ?? b.budgetFailedRequests ?? Number.POSITIVE_INFINITY;
}

function fromModel(b: DeepReadonly<FailureBudget>): Budget {
  const inRequests = b.budgetFailedRequests !== null;
  return {
    label: `${b.subject} (${b.kind})`,
    kind: b.kind,
    maxOutageMs: b.budgetMs,
    outageOf: b.outageOf,
    ...(inRequests ? { maxFailedRequests: b.budgetFailedRequests! } : {}),
    predictedOutageMs: b.expectedOutageMs,
    ...(inRequests ? { predictedFailedRequests: b.expectedFailedRequests } : {}),
    source: b.budgetSource ? b.budgetSource.join('.') : 'default',
    sourcePath: b.budgetSource ? [...b.budgetSource] : null,
  };
}

/**
 * The budget of failing `device`, a member of group `group` (of kind `kind`), or of a cable
 * (kind `cable`): the model's budget of that kind whose group (or, for services and hypervisors,
 * whose members) covers it; an app server's is its backend's (`app:<backend>`).
 */
export function budgetFor(
  budgets: readonly DeepReadonly<FailureBudget>[],
  kind: TargetKind,
  target: { device: string; group: string } | { cable: string },
): Budget {
  const kinds = BUDGET_KINDS.get(kind) ?? [];
  // a cable's own budget (a Cilium node's: its members are the nodes) before the fabric's cables'
  const ends = 'cable' in target ? target.cable.split('--').map((end) => end.split(':')[0]!) : [];
  const own = budgets.filter((b) => kinds.includes(b.kind) && b.members.some((m) => ends.includes(m)));
  const candidates = budgets.filter((b) => {
    if (!kinds.includes(b.kind)) return false;
    if ('cable' in target) return own.length ? own.includes(b) : b.members.length === 0;
    if (!b.members.includes(target.device)) return false;
    if (b.kind === 'app-server') return b.subject.endsWith(`/${target.group.replace(/^app:/, '')}`);
    return b.group === null || b.group === target.group;
  });
  const strictest = [...candidates].sort((a, z) => strictness(a) - strictness(z))[0];
  return strictest ? fromModel(strictest) : NO_BUDGET;
}

/** `350 ms`, `0 req`, `1000 ms, 0 req`, `none`: the limits of a budget in a few characters. */
export function budgetText(b: Budget): string {
  const parts = [
    ...(b.maxOutageMs !== null ? [`${b.maxOutageMs} ms`] : []),
    ...(b.maxFailedRequests !== undefined ? [`${b.maxFailedRequests} req`] : []),
  ];
  return parts.join(', ') || 'none';
}

/** The model's prediction in the same form: `350 ms`, `0 req`, `-`. */
export function predictedText(b: Budget): string {
  if (b.maxFailedRequests !== undefined)
    return b.predictedFailedRequests === null || b.predictedFailedRequests === undefined
      ? 'requests fail'
      : `${b.predictedFailedRequests} req`;
  return b.predictedOutageMs === null ? '-' : `${b.predictedOutageMs} ms`;
}
