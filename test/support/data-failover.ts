/**
 * `fabric lab failover --fault crash` of data service members in a fixture's lab, and what its
 * JSON report says of the data probes: shared by the data tier's lab tests (Redis, PostgreSQL).
 */
import type { ConsumedCheck } from '../../src/failover/consumed.js';
import type { DeepReadonly } from '../../src/model/freeze.js';
import { runsProxy } from '../../src/model/runs.js';
import type { SiteModel } from '../../src/model/types.js';
import { type FixtureLab, labFailover } from '../fixtures/lab/support.js';

export interface DataFailoverProbe {
  probe: string;
  kind: string;
  failover: { failed: number; longestOutageMs: number };
}

export interface DataFailoverScenario {
  id: string;
  verdict: string;
  reasons: string[];
  converged: boolean;
  /** What was done (empty when no fault was made), and whether it was undone. */
  injected: string;
  undone: boolean;
  injectedAt: string;
  /** The budget it was judged against (`maxOutageMs`: null for none). */
  budget: { maxOutageMs: number | null };
  failover: { maxOutageMs: number; unrecovered: string[] };
  failback: { maxOutageMs: number; unrecovered: string[] };
  probes: DataFailoverProbe[];
  /** RabbitMQ: what the queue's workers wrote of the publishes the AMQP probe had confirmed. */
  consumed?: ConsumedCheck[];
}

export interface DataFailoverReport {
  probes?: { data: number };
  scenarios?: DataFailoverScenario[];
}

/** Crashes `members` (in the model's order), each measured and converged; the run's stderr beside its report. */
export async function crashMembers(
  lab: FixtureLab,
  site: string,
  members: readonly string[],
): Promise<{ report: DataFailoverReport; stderr: string }> {
  const { report, stderr } = await labFailover<DataFailoverReport>(lab, site, members.join(','), 'crash', [
    '--converge-timeout',
    '120',
  ]);
  return { report, stderr };
}

/** The requests the scenario's write probes saw fail. */
export const writesFailed = (s: Pick<DataFailoverScenario, 'probes'>): number =>
  s.probes
    .filter((p) => p.kind === 'data' && p.probe.endsWith('write)'))
    .reduce((n, p) => n + p.failover.failed, 0);

/** A data service's VIP of `role` (address and port) in `family`, as the fixture's HAProxy pair binds it. */
export function dataVip(
  site: DeepReadonly<SiteModel>,
  service: string,
  role: 'write' | 'read',
  family: 'ipv4' | 'ipv6' = 'ipv4',
): { address: string; port: number } {
  for (const d of site.devices) {
    if (!runsProxy(d)) continue;
    const bind = d.haproxy.tcpFrontends
      .find((f) => f.service === service && f.vipRole === role)
      ?.binds.find((b) => b.family === family);
    if (bind) return { address: bind.address, port: bind.port };
  }
  throw new Error(`no ${role} VIP of ${service} in ${site.name}`);
}
