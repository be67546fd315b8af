/**
 * Failure budgets: the longest data-plane outage a scenario may cost. THE one table of budgets,
 * with the numbers of issue 10; when budgets move into the model (`budgets:` in the inventory,
 * computed from the rendered timers), `budgetFor` reads them from there instead.
 */
import type { RedundancyKind } from '../model/types.js';

/** What a scenario fails, for choosing its budget: a redundancy group's kind, or a cable. */
export type TargetKind = RedundancyKind | 'app-servers' | 'cable';

export interface Budget {
  /** Which budget of the table, for people: "fabric node or cable". */
  label: string;
  /** Longest outage any probe may see (longest gap between answers), milliseconds. */
  maxOutageMs: number;
  /** Failed HTTP requests allowed in total; undefined: only the outage counts. */
  maxFailedRequests?: number;
}

const FABRIC: Budget = { label: 'fabric node or cable', maxOutageMs: 350 };
const VRRP: Budget = { label: 'VRRP gateway or L4 VIP master', maxOutageMs: 1000 };
const APP: Budget = { label: 'one app server', maxOutageMs: 0, maxFailedRequests: 0 };
const HAPROXY: Budget = { label: 'one HAProxy', maxOutageMs: 1000 };
const HYPERVISOR: Budget = { label: 'a host and its VMs', maxOutageMs: 1000 };

const TABLE: ReadonlyMap<TargetKind, Budget> = new Map<TargetKind, Budget>([
  ['superspine-plane', FABRIC],
  ['spine-plane', FABRIC],
  ['edge-pair', FABRIC],
  ['leaf-pair', FABRIC],
  ['storage-hosts', FABRIC],
  ['cable', FABRIC],
  ['vrrp-pair', VRRP],
  ['haproxy-pair', HAPROXY],
  ['app-servers', APP],
  ['hypervisors', HYPERVISOR],
]);

export function budgetFor(kind: TargetKind): Budget {
  return TABLE.get(kind) ?? FABRIC;
}
