/**
 * Each PostgreSQL member replicates within bound (issue 12, docs/data-tier.md), read from the
 * member's own PostgreSQL: `pg_is_in_recovery()`, `pg_stat_replication` and
 * `pg_stat_wal_receiver`, as the postgres user over the local socket (peer authentication: no
 * password anywhere). The member that is primary lists every other member that is up as a
 * `streaming` replica (Patroni names each by its member name, `application_name`) whose replay is
 * at most `maximum_lag_on_failover` behind (the bound past which Patroni will not promote it); a
 * replica streams from a member of its own service. Which member is the primary is Patroni's to
 * decide (the leader lock), so either role will do. The Redis counterpart is `replica-lag`.
 */
import { PATRONI_DAEMON, runsPostgres } from '../../model/runs.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface PgReplication extends ExpectationBase {
  kind: 'pg-replication';
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** PostgreSQL's local socket: its directory and port. */
  socketDir: string;
  port: number;
  /** The service's other members that are up: device and the address they replicate from. */
  peers: { device: string; address: string }[];
  /** Patroni's `maximum_lag_on_failover`, bytes. */
  maxLagBytes: number;
}

/** One psql run: the role, the replicas the member sends to, the primary it receives from. */
export function replicationQuery(e: Pick<PgReplication, 'socketDir' | 'port'>): string {
  // CASE, not a bare pg_current_wal_lsn(): a replica refuses the function even for no row
  const queries = [
    "select case when pg_is_in_recovery() then 'replica' else 'primary' end",
    "select 'sends', application_name, state, coalesce(case when pg_is_in_recovery() then null else pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) end, -1)::bigint from pg_stat_replication",
    "select 'receives', status, sender_host from pg_stat_wal_receiver",
  ];
  return `runuser -u postgres -- psql -h ${e.socketDir} -p ${e.port} -XAtq -F '|' ${queries.map((q) => `-c "${q}"`).join(' ')}`;
}

export type PgSeen =
  | { role: 'primary'; replicas: { name: string; state: string; behindBytes: number }[] }
  | { role: 'replica'; receiver: { status: string; sender: string } | null };

/** What the query printed, or undefined when it is not its output (an error). */
export function parsePgReplication(text: string): PgSeen | undefined {
  const lines = text.split('\n').map((l) => l.trim().split('|'));
  const role = lines[0]?.[0];
  if (role === 'primary')
    return {
      role,
      replicas: lines
        .filter((l) => l[0] === 'sends' && l.length >= 4)
        .map((l) => ({ name: l[1]!, state: l[2]!, behindBytes: Number(l[3]) })),
    };
  if (role === 'replica') {
    const r = lines.find((l) => l[0] === 'receives' && l.length >= 3);
    return { role, receiver: r ? { status: r[1]!, sender: r[2]! } : null };
  }
  return undefined;
}

function derive(ctx: DeriveContext): PgReplication[] {
  const up = ctx.site.devices.flatMap((d) =>
    runsPostgres(d) && !ctx.isDown(d.name) ? [{ device: d.name, pg: d.postgres }] : [],
  );
  return up.map(({ device, pg }) => {
    const peers = up
      .filter((p) => p.device !== device && p.pg.service === pg.service)
      .map((p) => ({ device: p.device, address: p.pg.patroni.postgresql.address }));
    const maxLagBytes = pg.patroni.dcs.maximumLagOnFailoverBytes;
    return {
      kind: 'pg-replication',
      id: `pg-replication:${device}`,
      device,
      title: `${device} of ${pg.service}: the primary streaming to ${peers.map((p) => p.device).join(', ') || 'no other member'} within ${maxLagBytes} B, or their replica streaming`,
      service: pg.service,
      socketDir: pg.patroni.postgresql.socketDir,
      port: pg.patroni.postgresql.port,
      peers,
      maxLagBytes,
    };
  });
}

export const pgReplication: CheckSpec<PgReplication> = {
  kind: 'pg-replication',
  describes:
    'every PostgreSQL member replicating: the primary streaming to each replica within maximum_lag_on_failover',
  // a push may restart PostgreSQL (Patroni), and a restarted replica catches up: gates would block on it
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, replicationQuery(e));
    const seen = r.code === 0 ? parsePgReplication(r.stdout) : undefined;
    if (!seen) {
      const said = (r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.code}`;
      return fail(`PostgreSQL on ${e.socketDir}:${e.port}: ${said}`, 'down');
    }
    if (seen.role === 'replica') {
      if (!seen.receiver) return fail('replica receiving from no one (no WAL receiver)', 'link');
      const from = e.peers.find((p) => p.address === seen.receiver!.sender)?.device;
      if (!from)
        return fail(
          `replica of ${seen.receiver.sender}, which is no member of ${e.service} that is up`,
          'primary',
        );
      if (seen.receiver.status !== 'streaming')
        return fail(`replica of ${from}, WAL receiver ${seen.receiver.status}`, 'link');
      return pass(`replica of ${from}, streaming`);
    }
    const problems: string[] = [];
    const listed: string[] = [];
    for (const p of e.peers) {
      const x = seen.replicas.find((s) => s.name === p.device);
      if (!x) problems.push(`${p.device} not connected`);
      else if (x.state !== 'streaming') problems.push(`${p.device} ${x.state}`);
      else if (x.behindBytes > e.maxLagBytes)
        problems.push(`${p.device} ${x.behindBytes} B behind (bound ${e.maxLagBytes} B)`);
      else listed.push(`${p.device} ${x.behindBytes} B behind`);
    }
    for (const s of seen.replicas.filter((x) => !e.peers.some((p) => p.device === x.name)))
      problems.push(`${s.name} replicates from it and is no member of ${e.service} that is up`);
    if (problems.length) return fail(`primary; ${problems.join('; ')}`, 'replicas');
    return pass(`primary; replicas ${listed.join(', ') || 'none'}`);
  },
  reads: (e) => [{ device: e.device, command: replicationQuery(e) }],
  about: (e) => [e.device, ...e.peers.map((p) => p.device)],
  siteWide: false,
  filed: (e) => ({ daemon: PATRONI_DAEMON, section: `replication ${e.service}` }),
  // a member that streams from outside its service is a split: writes may land on two primaries
  severity: (code) => (code === 'primary' ? 'critical' : 'major'),
};
