/**
 * What the client's requests say about a site-level scenario, against its budgets, and the report
 * lines (src/failover/site-loss.ts runs the scenarios). Pure.
 */
import type { SiteLossService } from './site-loss-scenarios.js';

/** One request of the client (one JSON line of gslb-client). */
export interface ClientRequest {
  t: number;
  end: number;
  server: string | null;
  answers: string[];
  tried: string[];
  addr?: string;
  status?: number;
  ok: boolean;
  error?: string;
}

export interface ServiceOutcome {
  service: string;
  /** ms from the fault to the anycast route gone from every vRouter of the site (absent: not measured). */
  withdrawnMs?: number | null;
  /** ms from the fault to the site's service prefix gone from every upstream (an anycast address only). */
  prefixWithdrawnMs?: number | null;
  /** ms from the fault until every request of the last second got an answer without the site (null: never; not for an anycast address). */
  dnsMs: number | null;
  /** Failed requests started within the move budget (expected while clients move), and later. */
  failedWithinBudget: number;
  failedLater: string[];
  /** Addresses that served the requests started later than the budget. */
  servedLaterBy: string[];
  /** ms from the repair until the site was answered and served again. */
  backMs: number | null;
  failedDuringReturn: string[];
  requests: number;
  ratePerSecond: number;
  verdict: 'pass' | 'fail';
  reasons: string[];
}

/** What a scenario's requests say, against its budgets (pure: unit-tested). */
export function judgeService(
  s: SiteLossService,
  requests: readonly ClientRequest[],
  times: {
    faultAt: number;
    repairAt: number;
    withdrawnMs?: number | null;
    prefixWithdrawnMs?: number | null;
    dnsMs: number | null;
    backMs: number | null;
  },
): ServiceOutcome {
  const line = (r: ClientRequest) =>
    `${new Date(r.t).toISOString()} ${r.addr ?? (r.tried.join(',') || '-')} ${r.status ?? r.error ?? ''}`.trim();
  const during = requests.filter((r) => r.t >= times.faultAt && r.t < times.repairAt);
  const later = during.filter((r) => r.t >= times.faultAt + s.moveBudgetMs);
  const failedLater = later.filter((r) => !r.ok).map(line);
  const failedDuringReturn = requests.filter((r) => r.t >= times.repairAt && !r.ok).map(line);
  const span = requests.length > 1 ? (requests.at(-1)!.t - requests[0]!.t) / 1000 : 0;
  const rate = span > 0 ? requests.length / span : 0;
  const reasons: string[] = [];
  if (times.withdrawnMs !== undefined && s.anycast) {
    if (times.withdrawnMs === null) reasons.push('the anycast route was never withdrawn');
    else if (times.withdrawnMs > s.anycast.budgetMs)
      reasons.push(
        `anycast route withdrawn after ${times.withdrawnMs} ms, over its ${s.anycast.budgetMs} ms budget`,
      );
  }
  if (failedLater.length)
    reasons.push(`${failedLater.length} request(s) failed later than ${s.moveBudgetMs} ms after the fault`);
  if (s.prefix) {
    // one address in every site: the answer never changes; the upstreams' routes say where it goes
    if (times.prefixWithdrawnMs === null || times.prefixWithdrawnMs === undefined)
      reasons.push(`the upstreams kept routing ${s.prefix.prefix} to the site`);
    else if (times.prefixWithdrawnMs > s.moveBudgetMs)
      reasons.push(
        `${s.prefix.prefix} left the upstreams after ${times.prefixWithdrawnMs} ms, over the ${s.moveBudgetMs} ms budget`,
      );
  } else if (times.dnsMs === null) reasons.push('the DNS answers never dropped the site');
  else if (times.dnsMs > s.dnsBudgetMs)
    reasons.push(
      `the DNS answers dropped the site after ${times.dnsMs} ms, over the ${s.dnsBudgetMs} ms budget`,
    );
  if (times.backMs === null) reasons.push('the site was not answered and serving again after the repair');
  if (failedDuringReturn.length)
    reasons.push(`${failedDuringReturn.length} request(s) failed during the return`);
  return {
    service: s.name,
    ...(times.withdrawnMs !== undefined ? { withdrawnMs: times.withdrawnMs } : {}),
    ...(s.prefix ? { prefixWithdrawnMs: times.prefixWithdrawnMs ?? null } : {}),
    dnsMs: times.dnsMs,
    failedWithinBudget: during.filter((r) => !r.ok && r.t < times.faultAt + s.moveBudgetMs).length,
    failedLater,
    servedLaterBy: [...new Set(later.filter((r) => r.ok).map((r) => r.addr!))].sort(),
    backMs: times.backMs,
    failedDuringReturn,
    requests: requests.length,
    ratePerSecond: Number(rate.toFixed(1)),
    verdict: reasons.length ? 'fail' : 'pass',
    reasons,
  };
}

export interface SiteLossResult {
  id: string;
  what: string;
  services: ServiceOutcome[];
  verdict: 'pass' | 'fail';
}

/** One line per scenario and service, as `lab failover` prints them. */
export function siteLossText(results: readonly SiteLossResult[]): string {
  const lines: string[] = [];
  const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '-' : `${ms} ms`);
  for (const r of results) {
    lines.push(`${r.verdict === 'pass' ? 'PASS' : 'FAIL'} ${r.id}  ${r.what}`);
    for (const o of r.services)
      lines.push(
        `  ${o.service}: ${o.withdrawnMs !== undefined ? `anycast route withdrawn ${s(o.withdrawnMs)}; ` : ''}` +
          (o.prefixWithdrawnMs !== undefined
            ? `service prefix off the upstreams ${s(o.prefixWithdrawnMs)}; `
            : `DNS without the site ${s(o.dnsMs)}; `) +
          `${o.failedWithinBudget} failed while moving, ${o.failedLater.length} later (served by ${o.servedLaterBy.join(', ') || 'nobody'}); ` +
          `back ${s(o.backMs)}, ${o.failedDuringReturn.length} failed during the return; ${o.requests} requests, ${o.ratePerSecond}/s` +
          (o.reasons.length ? `\n    ${o.reasons.join('\n    ')}` : ''),
      );
  }
  return `${lines.join('\n')}\n`;
}
