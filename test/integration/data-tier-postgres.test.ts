/**
 * The PostgreSQL data tier against real daemons (issue 12, docs/data-tier.md):
 * - the rendered haproxy.cfg data sections of the data-pg fixture pass `haproxy -c`; the
 *   patroni driver's push validation (`patroni --validate-config`) accepts the rendered
 *   config.yml and refuses a broken one; the pgbouncer driver's accepts pgbouncer.ini;
 * - in a network namespace of this run, the three members' etcd, Patroni (running PostgreSQL 15
 *   as `postgres`) and PgBouncer on their RENDERED files, and HAProxy with web1's rendered data
 *   sections, every address moved to 127.0.0.x: the write backend has only the primary UP, the
 *   read backend the replicas; writes through the write VIP are read back through the read VIP;
 * - the primary's postmaster SIGKILLed by PID: Patroni frees the leader lock, a replica is
 *   promoted and the write VIP follows; the time writes fail is measured against the model's
 *   budget, and the writes acknowledged and then lost are counted;
 * - the old primary, restarted by its Patroni as a replica (pg_rewind), is never UP in the write
 *   backend and HAProxy opens no connection to it (the split-brain trap);
 * - a replica's PgBouncer SIGKILLed (the pooler dies): it leaves the read backend, reads go on;
 * - the primary's Patroni and postmaster SIGKILLed together (its node lost): writes fail until the
 *   leader lock's ttl runs out, held to the node-loss prediction (Patroni's floor), not the budget.
 * Every process it starts is stopped by its PID in afterAll, whatever happened, and then every
 * process left in its namespace, by PID.
 */
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patroniNodeLossPrediction } from '../../src/compile/data-tier.js';
import { PATRONI_PORT } from '../../src/compile/postgres.js';
import { PATRONI_CONFIG, patroniValidate } from '../../src/daemons/patroni/index.js';
import { PGBOUNCER_INI, PGBOUNCER_USERLIST, pgbouncer } from '../../src/daemons/pgbouncer/index.js';
import type { PostgresModel } from '../../src/model/postgres.js';
import { runsPostgres } from '../../src/model/runs.js';
import { REPO } from '../support/cli.js';
import { renderedDataSite } from '../support/data-site.js';
import { sleep, stats, status, waitFor } from '../support/haproxy-stats.js';
import { TestNetns } from '../support/netns.js';
import { ensureInstalled, haproxyCheck, requireRoot, stopPid } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-pg', 'inventory');
const netns = new TestNetns('pg');
/** PIDs of what this file started, stopped in afterAll even when a test failed. */
const pids: number[] = [];
const { load, site, rendered, web1 } = renderedDataSite(FIXTURE, 'data-pg', 'shop/db');
const MEMBERS = ['pg1', 'pg2', 'pg3'] as const;
type Member = (typeof MEMBERS)[number];

beforeAll(() => {
  requireRoot();
  ensureInstalled([
    { bin: 'etcd', pkg: 'etcd-server' },
    { bin: 'patroni', pkg: 'patroni' },
    { bin: 'pgbouncer', pkg: 'pgbouncer' },
    { bin: 'pg_ctlcluster', pkg: 'postgresql' },
    { bin: 'psql', pkg: 'postgresql-client' },
    { bin: 'haproxy', pkg: 'haproxy' },
  ]);
  if (!existsSync('/usr/lib/postgresql/15/bin/postgres'))
    throw new Error('PostgreSQL 15 (/usr/lib/postgresql/15/bin) is missing: install Debian 12’s postgresql');
  load();
});

function pgOf(name: string): PostgresModel {
  const d = site().site.devices.find((x) => x.name === name)!;
  if (!runsPostgres(d)) throw new Error(`${name} runs no PostgreSQL`);
  return d.postgres as PostgresModel;
}

describe('the rendered files pass the daemons’ own checks', () => {
  it('GIVEN the data-pg fixture THEN haproxy accepts web1’s and web2’s configs, the role checks ask Patroni', () => {
    for (const device of ['web1', 'web2']) {
      const dir = tempDir('fabric-dpc-');
      mkdirSync(join(dir, 'certs'));
      for (const f of site().rendered.files.filter((x) => x.device === device && x.file.startsWith('certs/')))
        writeFileSync(join(dir, f.file), f.content);
      const cfg = rendered(device, 'haproxy.cfg');
      expect(cfg).toContain('tcp-check send GET\\ /primary\\ HTTP/1.0\\r\\n\\r\\n');
      expect(cfg).toContain(`tcp-check connect port ${PATRONI_PORT}`);
      writeFileSync(join(dir, 'haproxy.cfg'), cfg);
      const r = haproxyCheck(join(dir, 'haproxy.cfg'), join(dir, 'certs'));
      expect(r.code, `${device}: ${r.out}`).toBe(0);
      expect(r.out).not.toMatch(/db_|requires HTTP mode/);
    }
  });

  it('GIVEN pg2’s rendered config.yml THEN patroni --validate-config accepts it (bar the ports and etcd it cannot reach here), and refuses a bad one', () => {
    const dir = tempDir('fabric-dpv-');
    const check = (text: string) => {
      writeFileSync(join(dir, 'config.yml'), text);
      const r = spawnSync(
        'sh',
        ['-c', `cd "${dir}"; ok=0\n${patroniValidate('config.yml').join('\n')}\necho "ok=$ok"`],
        {
          encoding: 'utf8',
        },
      );
      return { ok: /ok=(\d)/.exec(r.stdout)?.[1] ?? '?', out: r.stdout + r.stderr };
    };
    const good = check(rendered('pg2', 'patroni.yml'));
    expect(good.ok, good.out).toBe('0');
    const bad = check(
      rendered('pg2', 'patroni.yml').replace(/^ {2}bin_dir: .*$/m, '  bin_dir: /nonexistent/bin'),
    );
    expect(bad.ok, bad.out).toBe('1');
    expect(bad.out).toMatch(/config.yml rejected by patroni --validate-config: .*bin_dir/);
    expect(PATRONI_CONFIG).toBe('/etc/patroni/config.yml');
  });

  it('GIVEN pg2’s rendered pgbouncer.ini and userlist.txt THEN the driver’s validation starts pgbouncer on copies (valid), and refuses an unknown setting', () => {
    const check = (ini: string) => {
      const dir = tempDir('fabric-dpb-');
      mkdirSync(join(dir, 'files'));
      writeFileSync(join(dir, 'files', '1'), ini);
      writeFileSync(join(dir, 'files', '2'), rendered('pg2', 'userlist.txt'));
      const steps = pgbouncer.push.steps(
        [
          { n: '1', target: PGBOUNCER_INI },
          { n: '2', target: PGBOUNCER_USERLIST },
        ],
        { frrRestart: false },
      );
      const r = spawnSync('sh', ['-c', `cd "${dir}"; ok=0\n${steps.validate!.join('\n')}\necho "ok=$ok"`], {
        encoding: 'utf8',
      });
      return { ok: /ok=(\d)/.exec(r.stdout)?.[1] ?? '?', out: r.stdout + r.stderr };
    };
    const good = check(rendered('pg2', 'pgbouncer.ini'));
    expect(good.ok, good.out).toBe('0');
    const bad = check(`${rendered('pg2', 'pgbouncer.ini')}pool_mod = session\n`);
    expect(bad.ok, bad.out).toBe('1');
    expect(bad.out).toMatch(/pgbouncer.ini rejected by pgbouncer/);
  });
});

/**
 * A client writing through the write VIP, in the namespace: every 20 ms a new connection (psql)
 * and one INSERT; it prints `ok <n> <ms>` when the INSERT returned its row and `err <n> <ms>
 * <reason>` otherwise, `<ms>` when the write was sent.
 */
const WRITER = `#!/bin/bash
n=0
trap 'exit 0' TERM
while :; do
  n=$((n+1)); t=$(date +%s%3N)
  if out=$(psql "host=$1 port=$2 user=db dbname=db connect_timeout=2" -qAtX -c "insert into w values ($n) returning n" 2>&1) && [ "$out" = "$n" ]; then
    echo "ok $n $t"
  else
    echo "err $n $t $(echo $out | tr '\\n' ' ' | cut -c1-120)"
  fi
  sleep 0.02
done
`;

interface Write {
  n: number;
  t: number;
  ok: boolean;
  reply: string;
}

describe('etcd, Patroni, PostgreSQL, PgBouncer and HAProxy on their rendered configs, in a namespace', () => {
  let ns: string;
  let dir: string;
  let sock: string;
  let password: string;
  const moved = new Map<string, string>();
  const vip = '127.0.0.11';
  const writes: Write[] = [];
  let writer: ReturnType<typeof spawn> | null = null;
  const patroniPid = new Map<Member, number>();
  const bouncerPid = new Map<Member, number>();
  let primary: Member = 'pg1';
  let mounted = false;
  let promoted: Member = 'pg2';

  const move = (text: string) => {
    let out = text;
    for (const [from, to] of moved)
      out = out.replace(new RegExp(`(?<![0-9.])${from.replaceAll('.', '\\.')}(?![0-9])`, 'g'), to);
    return out;
  };
  const addressOf = (m: Member) => moved.get(pgOf(m).patroni.postgresql.address)!;
  const psqlArgs = (host: string, port: number, user: string, db: string, sql: string) => [
    'psql',
    `host=${host} port=${port} user=${user} dbname=${db} connect_timeout=2`,
    '-qAtX',
    '-c',
    sql,
  ];
  const psql = (host: string, port: number, sql: string, user = 'db', db = 'db') =>
    netns.exec(ns, psqlArgs(host, port, user, db, sql), { PGPASSWORD: password });
  /** Patroni's REST API answer code for `path` on a member, without blocking the event loop. */
  const rest = (m: Member, path: string) =>
    new Promise<string>((resolve) =>
      execFile(
        'ip',
        [
          'netns',
          'exec',
          ns,
          'curl',
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '--max-time',
          '1',
          `http://${addressOf(m)}:${PATRONI_PORT}${path}`,
        ],
        { encoding: 'utf8', timeout: 3000 },
        (_e, out) => resolve((out ?? '').trim()),
      ),
    );
  const postmasterPid = (m: Member) => {
    const f = join(dir, m, 'data', 'postmaster.pid');
    return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : 0;
  };
  const logs = () =>
    MEMBERS.map((m) => {
      const f = join(dir, `${m}-patroni.log`);
      return existsSync(f)
        ? `--- ${m} patroni\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`
        : '';
    }).join('\n');
  /** As the `postgres` user, without a fork (setpriv execs), so the PID is the daemon's. */
  const asPostgres = ['setpriv', '--reuid', 'postgres', '--regid', 'postgres', '--init-groups', '--'];

  /** Runs `args` in the namespace with its output to `log`; every step execs, so the PID is the daemon's. */
  function daemon(args: string[], log: string, env: NodeJS.ProcessEnv = {}, ownShm = false): number {
    // PostgreSQL's shared memory: a SysV segment and POSIX segments in /dev/shm, which a
    // SIGKILLed postmaster leaves behind. With ownShm, an IPC namespace of its own and a private
    // /dev/shm (a tmpfs in the mount namespace `ip netns exec` makes, which is a slave of the
    // machine's): both go away with the last process, so the machine is left as it was
    const wrap = ownShm
      ? [
          'unshare',
          '--ipc',
          'sh',
          '-c',
          'mount -t tmpfs -o mode=1777,size=256m fabric-shm /dev/shm || exit 1; log=$1; shift; exec "$@" > "$log" 2>&1',
        ]
      : ['sh', '-c', 'log=$1; shift; exec "$@" > "$log" 2>&1'];
    const p = spawn('ip', ['netns', 'exec', ns, ...wrap, 'sh', log, ...args], {
      stdio: 'ignore',
      env: { ...process.env, ...env },
    });
    pids.push(p.pid!);
    return p.pid!;
  }

  function startPatroni(m: Member): number {
    // Patroni logs to stderr
    const pid = daemon(
      [...asPostgres, 'patroni', join(dir, `${m}.yml`)],
      join(dir, `${m}-patroni.log`),
      {
        HOME: join(dir, m),
      },
      true,
    );
    patroniPid.set(m, pid);
    return pid;
  }

  function startBouncer(m: Member): number {
    const pid = daemon(
      [...asPostgres, 'pgbouncer', join(dir, `${m}-pgbouncer.ini`)],
      join(dir, `${m}-pgbouncer.out`),
    );
    bouncerPid.set(m, pid);
    return pid;
  }

  beforeAll(async () => {
    ns = netns.add('pg');
    // the daemons' files on tmpfs: PostgreSQL fsyncs every commit, etcd every write
    // the daemons' files on a tmpfs of this run (PostgreSQL fsyncs every commit, etcd every
    // write): not under /dev/shm, which each PostgreSQL gets a private one of (daemon())
    dir = tempDir('fabric-dtp-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1g,mode=755', 'fabric-dtp', dir]);
    mounted = true;
    chmodSync(dir, 0o755);
    const { model } = web1();
    password = /^ {6}password: '(\S+)'$/m.exec(rendered('pg1', 'patroni.yml'))![1]!;
    // every member's data address, their segment, and the write VIP's bind to the loopback
    for (const m of MEMBERS)
      moved.set(pgOf(m).patroni.postgresql.address, `127.0.0.${41 + MEMBERS.indexOf(m)}`);
    moved.set('10.20.3.0', '127.0.0.0');
    // each VIP's bind (rw and ro: two addresses, one port each) to the one loopback VIP
    for (const f of model.tcpFrontends) for (const b of f.binds) moved.set(b.address, vip);

    // etcd on every member, on its rendered environment file (Debian's unit reads it the same way)
    for (const m of MEMBERS) {
      const env: Record<string, string> = {};
      for (const line of move(rendered(m, 'etcd')).split('\n')) {
        const kv = /^(ETCD_[A-Z_]+)=(.*)$/.exec(line);
        if (kv) env[kv[1]!] = kv[2]!;
      }
      env.ETCD_DATA_DIR = join(dir, `${m}-etcd`);
      daemon(['etcd'], join(dir, `${m}-etcd.log`), env);
    }
    await waitFor(
      'every etcd healthy (a leader elected)',
      () =>
        MEMBERS.every((m) =>
          netns
            .exec(ns, ['curl', '-s', '--max-time', '1', `http://${addressOf(m)}:2379/health`])
            .out.includes('"health":"true"'),
        ),
      30_000,
    );

    // Patroni (PostgreSQL) on every member: the primary first, so it bootstraps the cluster
    for (const m of MEMBERS) {
      const home = join(dir, m);
      mkdirSync(home, { recursive: true, mode: 0o700 });
      execFileSync('chown', ['postgres:postgres', home]);
      const text = move(rendered(m, 'patroni.yml'))
        .replace(/^ {2}data_dir: .*$/m, `  data_dir: ${join(home, 'data')}`)
        .replace(/^ {2}pgpass: .*$/m, `  pgpass: ${join(home, 'pgpass')}`)
        .replace(/unix_socket_directories: '.*'/, `unix_socket_directories: '${home}'`);
      writeFileSync(join(dir, `${m}.yml`), text);
      execFileSync('chown', ['postgres:postgres', join(dir, `${m}.yml`)]);
      execFileSync('chmod', ['600', join(dir, `${m}.yml`)]);
    }
    startPatroni('pg1');
    await waitFor(
      'pg1 bootstrapped as the primary',
      async () => (await rest('pg1', '/primary')) === '200',
      90_000,
      logs,
    );
    startPatroni('pg2');
    startPatroni('pg3');
    await waitFor(
      'pg2 and pg3 replicas',
      async () => (await rest('pg2', '/replica')) === '200' && (await rest('pg3', '/replica')) === '200',
      120_000,
      logs,
    );

    // PgBouncer on every member, as postgres (it refuses root)
    for (const m of MEMBERS) {
      const ini = move(rendered(m, 'pgbouncer.ini'))
        .replace(/^auth_file = .*$/m, `auth_file = ${join(dir, `${m}-userlist.txt`)}`)
        .replace(/^logfile = .*$/m, `logfile = ${join(dir, m, 'pgbouncer.log')}`)
        .replace(/^pidfile = .*$/m, `pidfile = ${join(dir, m, 'pgbouncer.pid')}`);
      writeFileSync(join(dir, `${m}-pgbouncer.ini`), ini);
      writeFileSync(join(dir, `${m}-userlist.txt`), rendered(m, 'userlist.txt'));
      execFileSync('chown', [
        'postgres:postgres',
        join(dir, `${m}-pgbouncer.ini`),
        join(dir, `${m}-userlist.txt`),
      ]);
      startBouncer(m);
    }

    // HAProxy: web1's rendered data sections, moved
    const { cfg } = web1();
    sock = join(dir, 'admin.sock');
    const path = join(dir, 'haproxy.cfg');
    writeFileSync(
      path,
      `global\n  stats socket ${sock} mode 600 level admin\n${move(cfg.slice(cfg.indexOf('\ndefaults data')))}`,
    );
    const pidfile = join(dir, 'haproxy.pid');
    const r = netns.exec(ns, ['haproxy', '-f', path, '-D', '-p', pidfile]);
    expect(r.code, r.out).toBe(0);
    await waitFor('haproxy pidfile', () => existsSync(pidfile), 5000);
    pids.push(Number(readFileSync(pidfile, 'utf8').trim()));
  }, 300_000);

  afterAll(() => {
    writer?.kill('SIGTERM');
    // what this file started, by PID; Patroni stops its PostgreSQL on SIGTERM
    for (const pid of pids.splice(0).reverse()) stopPid(pid);
    // then whatever is left in this run's namespace (a postmaster whose Patroni was SIGKILLed), by PID
    if (ns) {
      const left = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' })
        .stdout.split('\n')
        .map(Number)
        .filter((p) => p > 1);
      for (const pid of left) stopPid(pid);
    }
    netns.cleanup();
    if (mounted) spawnSync('umount', [dir]);
  }, 120_000);

  it('GIVEN the rendered configs THEN the write backend has only the primary UP, the read backend the replicas, and a write is read back through the read VIP', async () => {
    await waitFor(
      'roles seen by HAProxy',
      async () => {
        const s = await stats(sock);
        return (
          status(s, 'db_primary/pg1') === 'UP' &&
          status(s, 'db_primary/pg2').startsWith('DOWN') &&
          status(s, 'db_primary/pg3').startsWith('DOWN') &&
          status(s, 'db_replicas/pg2') === 'UP' &&
          status(s, 'db_replicas/pg3') === 'UP' &&
          status(s, 'db_replicas/pg1').startsWith('DOWN')
        );
      },
      15_000,
      async () => JSON.stringify([...(await stats(sock))]),
    );
    // the application's role (bootstrap.users) creates its database through the write VIP
    const created = psql(vip, 5000, 'create database db', 'db', 'postgres');
    expect(created.code, created.out).toBe(0);
    const table = psql(vip, 5000, 'create table w (n int primary key); insert into w values (0)');
    expect(table.code, table.out).toBe(0);
    expect(psql(vip, 5000, 'select pg_is_in_recovery()').out.trim()).toBe('f');
    expect(psql(vip, 5001, 'select pg_is_in_recovery()').out.trim()).toBe('t');
    await waitFor(
      'the write read back through the read VIP',
      () => psql(vip, 5001, 'select count(*) from w').out.trim() === '1',
      5000,
    );
    // a wrong password is refused by PgBouncer
    const wrong = netns.exec(ns, psqlArgs(vip, 5000, 'db', 'db', 'select 1'), {
      PGPASSWORD: 'not-the-password-0123',
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/password authentication failed|SASL authentication failed/);
  }, 60_000);

  it('GIVEN writes through the write VIP WHEN the primary’s postmaster is SIGKILLed THEN Patroni promotes a replica, the write VIP follows, and writes fail for at most the budget', async () => {
    const { budget } = web1();
    const script = join(dir, 'writer.sh');
    writeFileSync(script, WRITER, { mode: 0o755 });
    writer = spawn('ip', ['netns', 'exec', ns, script, vip, '5000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PGPASSWORD: password },
    });
    pids.push(writer.pid!);
    let rest_ = '';
    writer.stdout!.on('data', (b) => {
      rest_ += b.toString();
      const lines = rest_.split('\n');
      rest_ = lines.pop()!;
      for (const l of lines) {
        const [kind, n, t, ...reply] = l.split(' ');
        writes.push({ n: Number(n), t: Number(t), ok: kind === 'ok', reply: reply.join(' ') });
      }
    });
    await waitFor('30 writes acknowledged', () => writes.filter((w) => w.ok).length >= 30, 20_000);
    expect(
      writes.filter((w) => !w.ok),
      JSON.stringify(writes.filter((w) => !w.ok).slice(0, 3)),
    ).toEqual([]);

    const postmaster = postmasterPid('pg1');
    expect(postmaster).toBeGreaterThan(1);
    const killedAt = Date.now();
    process.kill(postmaster, 'SIGKILL');
    // who is promoted, seen by HAProxy
    await waitFor(
      'a replica promoted and UP in the write backend',
      async () => {
        const s = await stats(sock);
        const up = (['pg2', 'pg3'] as const).find((m) => status(s, `db_primary/${m}`) === 'UP');
        if (up) promoted = up;
        return up !== undefined;
      },
      30_000,
      logs,
    );
    primary = promoted;
    // from here on the old primary is DOWN in the write backend: HAProxy must open no connection to it
    await waitFor(
      'pg1 DOWN in the write backend',
      async () => status(await stats(sock), 'db_primary/pg1').startsWith('DOWN'),
      5000,
    );
    const oldStot = (await stats(sock)).get('db_primary/pg1')!.stot;
    // writes succeed again through the write VIP
    await waitFor(
      'a write acknowledged after the kill',
      () => writes.some((w) => w.ok && w.t > killedAt),
      30_000,
      logs,
    );
    await sleep(2000);
    const failed = writes.filter((w) => !w.ok && w.t >= killedAt - 100);
    const lastOkBefore = Math.max(...writes.filter((w) => w.ok && w.t <= killedAt).map((w) => w.t));
    const firstOkAfter = Math.min(...writes.filter((w) => w.ok && w.t > killedAt).map((w) => w.t));
    const outage = firstOkAfter - Math.max(lastOkBefore, killedAt);
    // acknowledged writes that the new primary does not have (asynchronous replication)
    const acked = writes.filter((w) => w.ok).map((w) => w.n);
    const have = new Set(psql(vip, 5000, 'select n from w').out.trim().split('\n').map(Number));
    const lost = acked.filter((n) => !have.has(n));
    console.log(
      `data tier (postgres): postmaster SIGKILL on pg1: ${promoted} promoted; writes failed for ${outage} ms (${failed.length} writes; predicted ${budget.expectedOutageMs}, budget ${budget.budgetMs}); ${lost.length} of ${acked.length} acknowledged writes lost; first errors: ${failed
        .slice(0, 2)
        .map((w) => w.reply)
        .join(' | ')}`,
    );
    expect(outage, logs()).toBeLessThanOrEqual(budget.budgetMs!);
    expect(lost).toEqual([]);

    // the split-brain trap: the old primary comes back (its Patroni restarts PostgreSQL, as a
    // replica after pg_rewind) and is never UP in the write backend, nor sent a connection
    const rejoined = await waitFor(
      'the old primary back as a replica',
      async () => (await rest('pg1', '/replica')) === '200',
      60_000,
      logs,
    );
    await sleep(3000);
    const after = await stats(sock);
    expect(status(after, 'db_primary/pg1')).toMatch(/^DOWN/);
    expect(after.get('db_primary/pg1')!.stot).toBe(oldStot);
    expect(
      psql(addressOf('pg1'), 5432, 'select pg_is_in_recovery()', 'postgres', 'postgres').out.trim(),
    ).toBe('t');
    const writesMeanwhile = writes.filter((w) => w.t > firstOkAfter);
    expect(writesMeanwhile.filter((w) => !w.ok)).toEqual([]);
    console.log(
      `data tier (postgres): the old primary pg1 back as a replica ${rejoined} ms after the write VIP followed; 0 connections to it from the write backend, ${writesMeanwhile.length} writes meanwhile, 0 failed`,
    );
  }, 180_000);

  it('GIVEN reads through the read VIP WHEN a replica’s PgBouncer is SIGKILLed (the pooler dies) THEN it leaves the read backend and reads go on', async () => {
    // the replica that was one all along (pg1 is one again since the trap above)
    const replica = MEMBERS.find((m) => m !== primary && m !== 'pg1')!;
    const s0 = await stats(sock);
    expect(status(s0, `db_replicas/${replica}`)).toBe('UP');
    process.kill(bouncerPid.get(replica)!, 'SIGKILL');
    const down = await waitFor(
      `${replica} DOWN in the read backend`,
      async () => status(await stats(sock), `db_replicas/${replica}`).startsWith('DOWN'),
      5000,
    );
    let failedReads = 0;
    let firstError = '';
    for (let i = 0; i < 20; i++) {
      const r = psql(vip, 5001, 'select count(*) from w');
      if (r.code === 0) continue;
      failedReads++;
      firstError ||= r.out.trim();
    }
    console.log(
      `data tier (postgres): ${replica}'s PgBouncer SIGKILLed: DOWN in the read backend ${down} ms after the kill; ${failedReads} of 20 reads after it failed ${firstError}`,
    );
    expect(
      failedReads,
      `${firstError}; ${JSON.stringify([...(await stats(sock))].filter(([k]) => k.startsWith('db_replicas')))}`,
    ).toBe(0);
    // its Patroni still says replica: only the pooler's connect in the check took it out
    expect(await rest(replica, '/replica')).toBe('200');
    // back for what follows: the next primary may be this member
    startBouncer(replica);
    const up = await waitFor(
      `${replica} UP again in the read backend`,
      async () => status(await stats(sock), `db_replicas/${replica}`) === 'UP',
      5000,
    );
    console.log(
      `data tier (postgres): ${replica}'s PgBouncer restarted: UP again in the read backend after ${up} ms`,
    );
  }, 60_000);

  it('GIVEN writes through the write VIP WHEN the primary’s Patroni and postmaster are SIGKILLed together (its node lost) THEN writes fail until the leader lock expires: within the node-loss prediction', async () => {
    const { model } = web1();
    const b = model.tcpBackends.find((x) => x.name === 'db_primary')!;
    const predicted = patroniNodeLossPrediction(b, site().site.timers);
    const postmaster = postmasterPid(primary);
    const killedAt = Date.now();
    process.kill(patroniPid.get(primary)!, 'SIGKILL');
    process.kill(postmaster, 'SIGKILL');
    await waitFor(
      'a write acknowledged after the node loss',
      () => writes.some((w) => w.ok && w.t > killedAt),
      predicted + 15_000,
      logs,
    );
    const lastOkBefore = Math.max(...writes.filter((w) => w.ok && w.t <= killedAt).map((w) => w.t));
    const firstOkAfter = Math.min(...writes.filter((w) => w.ok && w.t > killedAt).map((w) => w.t));
    const outage = firstOkAfter - Math.max(lastOkBefore, killedAt);
    const s = await stats(sock);
    const now = MEMBERS.find((m) => status(s, `db_primary/${m}`) === 'UP');
    console.log(
      `data tier (postgres): ${primary}'s Patroni and postmaster SIGKILLed (node loss): writes failed for ${outage} ms, new primary ${now}; predicted ${predicted} (ttl ${site().site.timers.patroni.ttlS} s), budget ${web1().budget.budgetMs}: Patroni's floor`,
    );
    expect(now).toBeDefined();
    expect(now).not.toBe(primary);
    expect(outage, logs()).toBeLessThanOrEqual(predicted + 2000);
  }, 120_000);
});
