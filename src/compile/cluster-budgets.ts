/**
 * What the failure of a Kubernetes cluster's node costs (compile/budgets.ts): its leaves withdraw
 * its routes on BFD as for any fabric node, but a Cilium node speaks no BFD, so its leaves notice
 * it when the BGP hold timer expires (the shortest Cilium takes, compile/k8s-cilium.ts). A cluster
 * may state its own budget (`clusters.<c>.budget`).
 */
import type { SiteTimers } from '../model/budgets.js';
import type { RedundancyGroup } from '../model/types.js';
import type { SiteFacts } from './facts.js';
import { CILIUM_HOLD_S } from './k8s-cilium.js';

export interface ClusterNodeOutage {
  /** The cluster's own budget (ms) and where it is written, or null for the site's. */
  budgetMs: number | null;
  budgetPath: string[];
  /** A speaker without BFD: its outage (ms), the timers it comes from and the formula; else null. */
  withoutBfd: [number, Record<string, number>, string] | null;
}

export function clusterNodeOutage(
  facts: SiteFacts,
  g: RedundancyGroup,
  timers: SiteTimers,
): ClusterNodeOutage | null {
  const name = facts.devices.get(g.members[0] ?? '')?.cluster;
  const c = name ? facts.clusters.get(name) : undefined;
  if (!c) return null;
  const used = { holdTimeMs: CILIUM_HOLD_S * 1000, routingReactionMs: timers.routingReactionMs };
  return {
    budgetMs: c.budgetMs,
    budgetPath: c.path.map(String),
    withoutBfd:
      c.speaker === 'cilium'
        ? [
            used.holdTimeMs + used.routingReactionMs,
            used,
            'BGP hold time (Cilium has no BFD) + routing reaction',
          ]
        : null,
  };
}
