/**
 * Patroni's own view of each PostgreSQL service (issue 12, docs/data-tier.md), read from each
 * member's REST API (`/cluster`, answered from the leader lock's store): exactly one leader, every
 * member that is up listed (a member whose Patroni is down is missing, and can be neither promoted
 * nor demoted, whatever its PostgreSQL does), each replica running on the leader's timeline within
 * `maximum_lag_on_failover` (past it Patroni will not promote it), and no pause (maintenance mode:
 * no automatic failover at all). `pg-replication` reads the same members from PostgreSQL's side.
 */
import { PATRONI_DAEMON, runsPostgres } from '../../model/runs.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface PatroniCluster extends ExpectationBase {
  kind: 'patroni-cluster';
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** The member's REST API. */
  url: string;
  /** The service's members that are up, by name (Patroni's `name` is the device), sorted. */
  members: string[];
  /** Patroni's `maximum_lag_on_failover`, bytes. */
  maxLagBytes: number;
}

/** One read of the member's REST API. */
export const clusterQuery = (e: Pick<PatroniCluster, 'url'>): string =>
  `curl -s --max-time 2 ${e.url}/cluster`;

export interface PatroniMember {
  name: string;
  role: string;
  state: string;
  timeline: number | null;
  /** Bytes behind the leader; null when Patroni does not know (`unknown`) or for the leader. */
  lag: number | null;
  pendingRestart: boolean;
}

/** What `/cluster` answered, or undefined when it is not Patroni's answer. */
export function parseCluster(text: string): { paused: boolean; members: PatroniMember[] } | undefined {
  try {
    const c = JSON.parse(text) as { members?: Record<string, unknown>[]; pause?: unknown };
    if (!Array.isArray(c.members)) return undefined;
    return {
      paused: c.pause === true,
      members: c.members.map((m) => ({
        name: String(m.name ?? ''),
        role: String(m.role ?? ''),
        state: String(m.state ?? ''),
        timeline: typeof m.timeline === 'number' ? m.timeline : null,
        lag: typeof m.lag === 'number' ? m.lag : null,
        pendingRestart: m.pending_restart === true,
      })),
    };
  } catch {
    return undefined;
  }
}

// Patroni 3.0 says `leader` (older ones `master`); a standby cluster's leader is `standby_leader`
const LEADER_ROLES = new Set(['leader', 'master', 'standby_leader']);
// a replica that serves: `running` until Patroni 3.0.3, `streaming` after
const SERVING_STATES = new Set(['running', 'streaming']);

/** What is wrong in Patroni's view against the expectation, with the failure's code; none when all is well. */
export function clusterProblems(
  e: Pick<PatroniCluster, 'members' | 'maxLagBytes' | 'service'>,
  seen: { paused: boolean; members: PatroniMember[] },
): { code: 'no-leader' | 'leaders' | 'paused' | 'members' | 'replicas'; problems: string[] } | null {
  const leaders = seen.members.filter((m) => LEADER_ROLES.has(m.role));
  if (leaders.length === 0) return { code: 'no-leader', problems: ['no leader: every write fails'] };
  if (leaders.length > 1)
    return { code: 'leaders', problems: [`${leaders.map((m) => m.name).join(' and ')} each a leader`] };
  if (seen.paused) return { code: 'paused', problems: ['paused (maintenance mode): no automatic failover'] };
  const leader = leaders[0]!;
  const listed = new Set(seen.members.map((m) => m.name));
  const missing = e.members.filter((n) => !listed.has(n));
  const strangers = seen.members.filter((m) => !e.members.includes(m.name)).map((m) => m.name);
  if (missing.length || strangers.length)
    return {
      code: 'members',
      problems: [
        ...missing.map((n) => `${n} missing (its Patroni is down)`),
        ...strangers.map((n) => `${n} listed, no member of ${e.service} that is up`),
      ],
    };
  const problems: string[] = [];
  for (const m of seen.members.filter((x) => x !== leader)) {
    if (!SERVING_STATES.has(m.state)) problems.push(`${m.name} ${m.state || 'in no state'}`);
    else if (m.timeline !== leader.timeline)
      problems.push(`${m.name} on timeline ${m.timeline ?? '?'}, the leader on ${leader.timeline ?? '?'}`);
    else if (m.lag === null) problems.push(`${m.name} lag unknown`);
    else if (m.lag > e.maxLagBytes) problems.push(`${m.name} ${m.lag} B behind (bound ${e.maxLagBytes} B)`);
  }
  return problems.length ? { code: 'replicas', problems } : null;
}

function derive(ctx: DeriveContext): PatroniCluster[] {
  const up = ctx.site.devices.flatMap((d) =>
    runsPostgres(d) && !ctx.isDown(d.name) ? [{ device: d.name, pg: d.postgres }] : [],
  );
  return up.map(({ device, pg }) => {
    const members = up
      .filter((p) => p.pg.service === pg.service)
      .map((p) => p.device)
      .sort();
    const maxLagBytes = pg.patroni.dcs.maximumLagOnFailoverBytes;
    return {
      kind: 'patroni-cluster' as const,
      id: `patroni-cluster:${device}`,
      device,
      title: `${device}'s Patroni on ${pg.service}: one leader, members ${members.join(', ')}, replicas within ${maxLagBytes} B`,
      service: pg.service,
      url: `http://${pg.patroni.restApi.address}:${pg.patroni.restApi.port}`,
      members,
      maxLagBytes,
    };
  });
}

export const patroniCluster: CheckSpec<PatroniCluster> = {
  kind: 'patroni-cluster',
  describes:
    'every PostgreSQL member’s Patroni: one leader, every member that is up listed, replicas running on its timeline within maximum_lag_on_failover, not paused',
  // a push may restart Patroni, and a restarted member rejoins: gates would block on it
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, clusterQuery(e));
    const seen = parseCluster(r.stdout);
    if (!seen)
      return fail(
        `Patroni at ${e.url}: no answer${r.stderr.trim() ? ` (${r.stderr.trim().split('\n')[0]})` : ''}: ${e.device} can be neither promoted nor demoted`,
        'down',
      );
    const wrong = clusterProblems(e, seen);
    if (wrong) return fail(wrong.problems.join('; '), wrong.code);
    const leader = seen.members.find((m) => LEADER_ROLES.has(m.role))!;
    const replicas = seen.members
      .filter((m) => m !== leader)
      .map((m) => `${m.name} ${m.lag} B`)
      .join(', ');
    return pass(
      `leader ${leader.name} on timeline ${leader.timeline ?? '?'}; replicas ${replicas || 'none'}`,
    );
  },
  reads: (e) => [{ device: e.device, command: clusterQuery(e) }],
  about: (e) => [e.device, ...e.members],
  siteWide: false,
  filed: (e) => ({ daemon: PATRONI_DAEMON, section: `cluster ${e.service}` }),
  // no leader or two: no writes, or writes on two primaries
  severity: (code) => (code === 'no-leader' || code === 'leaders' ? 'critical' : 'major'),
};
