/**
 * Issue 12 in the lab, PostgreSQL: the data-pg fixture's three members run etcd, Patroni
 * (PostgreSQL 15) and PgBouncer on their rendered files (docs/data-tier.md, "In the lab").
 *
 * GIVEN the data-pg fixture on a free management subnet, with a lab name of this run
 * WHEN `fabric lab up --site data-pg --wait`
 * THEN every member runs etcd, Patroni, PostgreSQL and PgBouncer, found by their own PID files;
 * `fabric verify` is green, `pg-replication` seeing one primary streaming to two replicas; a
 * write through the write VIP is read back through the read VIP; `fabric lab
 * failover --fault crash` of a replica, then of the primary (its postmaster SIGKILLed by PID),
 * each within the budget, failover and failback (each scenario runs the data probes alone:
 * docs/failover.md, "The data tier"), the primary's costing writes, Patroni promoting a replica that web1's
 * write backend then holds alone; the old primary comes back as a replica (verify green again); a
 * replica's and the primary's PgBouncer SIGKILLed (`<member>:pgbouncer/crash`, the pooler dies)
 * come back by the lab's stand-in for systemd's `Restart=always` within the budget, PostgreSQL
 * untouched; and `fabric lab down` leaves nothing behind.
 *
 * The inventory's primary (pg1) initializes the cluster: only its config.yml has a `bootstrap`
 * section, so pg2 and pg3 wait for it and clone it. Who is primary after that is Patroni's to
 * decide: the test reads it from the members.
 *
 * One lab up: run it alone on the machine's lab lock:
 * `flock /tmp/fabric-lab.lock npx vitest run test/integration/lab-data-pg.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PGBOUNCER_PID } from '../../src/daemons/pgbouncer/index.js';
import { labFromFixture, waitFor } from '../fixtures/lab/support.js';
import { REPO } from '../support/cli.js';
import { crashMembers, dataVip, writesFailed } from '../support/data-failover.js';
import { renderExample } from '../support/render.js';

const SITE = 'data-pg';
const FIXTURE = join(REPO, 'test', 'fixtures', 'data-pg', 'inventory');
const MEMBERS = ['pg1', 'pg2', 'pg3'] as const;

const lab = labFromFixture(FIXTURE, 'dpg', { site: SITE, flags: ['--wait', '240'] });
const [fixture] = renderExample(FIXTURE);
/** The service's VIPs, which the HAProxy pair holds (VRRP) on the clients' segment. */
const WRITE = dataVip(fixture!.site, 'db', 'write');
const READ = dataVip(fixture!.site, 'db', 'read');
const budget = fixture!.site.budgets.find((b) => b.kind === 'data-write' && b.subject === 'shop/db')!;
const password = /^"db" "(.*)"$/m.exec(
  fixture!.rendered.files.find((f) => f.device === 'pg1' && f.file === 'userlist.txt')!.content,
)![1]!;

/** psql from lb1 (where the L4 pair sends the VIPs' connections from) to a frontend. */
async function sql(host: string, port: number, query: string, db = 'app') {
  return lab.exec(
    'lb1',
    'env',
    `PGPASSWORD=${password}`,
    'timeout',
    '5',
    'psql',
    `host=${host} port=${port} user=db dbname=${db} connect_timeout=2`,
    '-XAtq',
    '-c',
    query,
  );
}

/** The member each member's PostgreSQL says is primary: its own role, by pg_is_in_recovery(). */
async function roles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of MEMBERS) {
    const r = await lab.exec(
      m,
      'runuser',
      '-u',
      'postgres',
      '--',
      'psql',
      '-h',
      '/var/run/postgresql',
      '-XAtq',
      '-c',
      "select case when pg_is_in_recovery() then 'replica' else 'primary' end",
    );
    out.set(m, r.code === 0 ? r.stdout.trim() : `down: ${r.stderr.trim()}`);
  }
  return out;
}
const primaryOf = (r: Map<string, string>) => [...r].filter(([, role]) => role === 'primary').map(([m]) => m);

/** web1's servers of a backend that are UP, from its admin socket. */
async function upIn(backend: string): Promise<string[]> {
  const r = await lab.exec('web1', 'sh', '-c', 'echo "show stat" | socat - /run/haproxy/admin.sock');
  return r.stdout
    .split('\n')
    .map((l) => l.split(','))
    .filter((f) => f[0] === backend && f[1] !== 'BACKEND' && f[17] === 'UP')
    .map((f) => f[1]!);
}

/** One member's crash by `lab failover`: its one scenario, and the run's progress (what each probe's failures said). */
async function crash(member: string) {
  const { report, stderr } = await crashMembers(lab, SITE, [member]);
  expect(
    report.scenarios?.map((s) => s.id),
    stderr,
  ).toEqual([`${member}/crash`]);
  return { ...report.scenarios![0]!, stderr };
}

describe('PostgreSQL in the data-pg lab', () => {
  let primary = '';

  it('GIVEN the rendered files THEN every member runs etcd, Patroni, PostgreSQL and PgBouncer (by their PID files), the inventory’s primary pg1 initialized the cluster and the others are its replicas', async () => {
    for (const m of MEMBERS) {
      const comm = async (pidFile: string) => {
        const pid = (await lab.exec(m, 'head', '-n', '1', pidFile)).stdout.trim();
        return (await lab.exec(m, 'cat', `/proc/${pid}/comm`)).stdout.trim();
      };
      expect(await comm('/run/patroni.pid'), m).toBe('patroni');
      expect(await comm('/run/postgresql/pgbouncer.pid'), m).toBe('pgbouncer');
      expect((await lab.exec(m, 'pidof', 'etcd')).code, m).toBe(0);
    }
    const r = await waitFor('one primary and two replicas', 120_000, async () => {
      const now = await roles();
      return primaryOf(now).length === 1 && [...now.values()].filter((x) => x === 'replica').length === 2
        ? now
        : undefined;
    });
    primary = primaryOf(r)[0]!;
    // the only member with a bootstrap section
    expect(primary).toBe('pg1');
    for (const m of MEMBERS) {
      const postmaster = (
        await lab.exec(m, 'head', '-n', '1', '/var/lib/postgresql/15/db/postmaster.pid')
      ).stdout.trim();
      expect((await lab.exec(m, 'cat', `/proc/${postmaster}/comm`)).stdout.trim(), m).toBe('postgres');
    }
  }, 180_000);

  it('GIVEN the lab is up THEN verify is green: pg-replication sees the primary streaming to both replicas', async () => {
    const r = await lab.verify(120);
    const json = JSON.parse(r.stdout || '{}') as { results?: { id: string; ok: boolean; seen: string }[] };
    expect((json.results ?? []).filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const replication = (json.results ?? []).filter((x) => x.id.startsWith('pg-replication:'));
    expect(replication.map((x) => x.id)).toEqual(MEMBERS.map((m) => `pg-replication:${m}`));
    for (const x of replication)
      expect(x.seen).toMatch(
        x.id === `pg-replication:${primary}`
          ? /^primary; replicas pg\d \d+ B behind, pg\d /
          : new RegExp(`^replica of ${primary}, streaming`),
      );
    expect(await upIn('db_primary')).toEqual([primary]);
    expect((await upIn('db_replicas')).filter((s) => !s.endsWith('_primary')).sort()).toEqual(
      MEMBERS.filter((m) => m !== primary),
    );
  }, 180_000);

  it('GIVEN a client (lb1, across the vRouters) THEN a write through the write VIP is read back through the read VIP, and the read VIP refuses a write', async () => {
    // the application's role may create databases, not objects in another's public schema (PostgreSQL 15)
    const created = await sql(WRITE.address, WRITE.port, 'create database app', 'postgres');
    expect(created.code, created.stderr).toBe(0);
    const write = await sql(
      WRITE.address,
      WRITE.port,
      'create table probe (n int); insert into probe values (42)',
    );
    expect(write.code, write.stderr).toBe(0);
    await waitFor('the row on a replica', 10_000, async () => {
      const r = await sql(READ.address, READ.port, 'select count(*) from probe where n = 42');
      return r.code === 0 && r.stdout.trim() === '1' ? true : undefined;
    });
    const refused = await sql(READ.address, READ.port, 'insert into probe values (43)');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/read-only transaction/);
  }, 60_000);

  it('GIVEN the lab WHEN `fabric lab failover` crashes a replica, then the primary THEN each is within the budget, failover and failback, the primary’s costing writes, a replica is promoted and web1 sends writes to it alone, and the old primary comes back as its replica', async () => {
    const replica = MEMBERS.find((m) => m !== primary)!;
    const first = await crash(replica);
    // a write and a read probe: one per VIP, through the member of the HAProxy pair holding it
    expect(first.probes.filter((p) => p.kind === 'data')).toHaveLength(2);
    expect(first.converged).toBe(true);
    // within the budget, failover and failback; the writes it cost are reported (0 in six runs
    // of six with the data probes alone, docs/data-tier.md), not held to 0
    process.stderr.write(`lab data-pg: lab failover ${first.id}: ${writesFailed(first)} writes failed\n`);
    expect(first.reasons, first.stderr).toEqual([]);

    const s = await crash(primary);
    process.stderr.write(
      `lab data-pg: lab failover ${s.id}: ${s.verdict}, outage ${s.failover.maxOutageMs} ms, ${writesFailed(s)} writes failed${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}\n`,
    );
    expect(s.converged).toBe(true);
    expect(writesFailed(s)).toBeGreaterThan(0);
    expect(s.failover.maxOutageMs).toBeLessThanOrEqual(budget.budgetMs!);
    // the failback (the old primary rewinding and rejoining as a replica) within the budget too
    expect(s.reasons, s.stderr).toEqual([]);

    const now = await waitFor('a new primary and the old one its replica', 120_000, async () => {
      const r = await roles();
      return primaryOf(r).length === 1 && primaryOf(r)[0] !== primary && r.get(primary) === 'replica'
        ? r
        : undefined;
    });
    const promoted = primaryOf(now)[0]!;
    await waitFor('web1 writing to the promoted member alone', 30_000, async () => {
      const up = await upIn('db_primary');
      return up.length === 1 && up[0] === promoted ? true : undefined;
    });
    const v = await lab.verify(120);
    expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
    primary = promoted;
  }, 600_000);

  it('GIVEN the lab WHEN `fabric lab failover` kills a replica’s PgBouncer, then the primary’s (the pooler dies) THEN each comes back by its supervisor’s restart within the budget, PostgreSQL untouched, and verify is green', async () => {
    const replica = MEMBERS.find((m) => m !== primary)!;
    const postmaster = async (m: string) =>
      (await lab.exec(m, 'head', '-n', '1', '/var/lib/postgresql/15/db/postmaster.pid')).stdout.trim();
    const before = new Map(await Promise.all(MEMBERS.map(async (m) => [m, await postmaster(m)] as const)));
    const { report, stderr } = await crashMembers(lab, SITE, [
      `${replica}:pgbouncer`,
      `${primary}:pgbouncer`,
    ]);
    const scenarios = report.scenarios ?? [];
    expect(scenarios.map((s) => s.id).sort(), stderr).toEqual(
      [`${replica}:pgbouncer/crash`, `${primary}:pgbouncer/crash`].sort(),
    );
    for (const s of scenarios) {
      process.stderr.write(
        `lab data-pg: lab failover ${s.id}: ${s.verdict}, outage ${s.failover.maxOutageMs} ms, ${writesFailed(s)} writes failed${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}\n`,
      );
      expect(s.probes.filter((p) => p.kind === 'data')).toHaveLength(2);
      expect(s.converged, s.id).toBe(true);
      // the repair only starts it if it is not running: without the supervisor's restart the pooler
      // stays dead until then, and the hold (up to 15 s) puts the outage over the budget
      expect(s.failover.maxOutageMs, s.id).toBeLessThanOrEqual(budget.budgetMs!);
      expect(s.reasons, `${s.id}: ${stderr}`).toEqual([]);
    }
    // PostgreSQL itself never stopped: the same postmasters, the same primary
    for (const m of MEMBERS) expect(await postmaster(m), m).toBe(before.get(m));
    expect(primaryOf(await roles())).toEqual([primary]);
    // the supervisor's restart, timed by hand: SIGKILL, then a new pooler's PID alive
    const restart = await lab.exec(
      primary,
      'timeout',
      '10',
      'sh',
      '-c',
      `f=${PGBOUNCER_PID}; old=$(head -n 1 $f); kill -9 $old; t0=$(date +%s%N)
       while :; do new=$(head -n 1 $f 2>/dev/null)
         [ -n "$new" ] && [ "$new" != "$old" ] && kill -0 "$new" 2>/dev/null && break; sleep 0.01; done
       echo $(( ($(date +%s%N) - t0) / 1000000 ))`,
    );
    expect(restart.code, restart.stderr).toBe(0);
    process.stderr.write(
      `lab data-pg: ${primary}'s PgBouncer SIGKILLed, running again after ${restart.stdout.trim()} ms\n`,
    );
    expect(Number(restart.stdout.trim())).toBeLessThanOrEqual(1000);
    const v = await lab.verify(120);
    expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
  }, 300_000);
});
