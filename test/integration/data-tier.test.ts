/**
 * The data tier's HAProxy sections against real daemons (issue 12, docs/data-tier.md):
 * - the rendered haproxy.cfg of the data-tier fixture passes `haproxy -c`, and a broken one fails;
 * - a Redis primary and a replica (Debian's redis-server) and HAProxy with the rendered data
 *   sections (addresses moved to 127.0.0.x) run in a network namespace of this run: through the
 *   stats socket, the write backend has only the primary UP and the read backend the replica;
 *   writes go through the write VIP and reads through the read VIP; after a manual failover
 *   (REPLICAOF NO ONE on the replica, REPLICAOF on the old primary) the write backend follows
 *   within the model's budget; with no replica left the read VIP falls back to the primary.
 * Every process it starts is stopped by its PID in afterAll, whatever happened.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsProxy } from '../../src/model/runs.js';
import { REPO } from '../support/cli.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { ensureInstalled, requireRoot, run } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
const netns = new TestNetns('dt');
/** PIDs of what this file started, stopped in afterAll even when a test failed. */
const pids: number[] = [];
let sites: ReturnType<typeof renderExample>;

/**
 * Debian's redis-server starts its service on install unless policy-rc.d says no: the tests
 * run their own copies in a namespace, so none may start in the machine's own.
 */
function ensureRedis(): void {
  const policy = '/usr/sbin/policy-rc.d';
  const added = !existsSync(policy);
  if (added) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    ensureInstalled([
      { bin: 'redis-server', pkg: 'redis-server' },
      { bin: 'redis-cli', pkg: 'redis-tools' },
      { bin: 'haproxy', pkg: 'haproxy' },
    ]);
  } finally {
    if (added) spawnSync('rm', ['-f', policy]);
  }
}

function stopAll(): void {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue; // already gone
    }
    for (let i = 0; i < 50 && alive(pid); i++) spawnSync('sleep', ['0.1']);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidOf(file: string): number {
  for (let i = 0; i < 50 && !existsSync(file); i++) spawnSync('sleep', ['0.1']);
  const pid = Number(readFileSync(file, 'utf8').trim());
  expect(pid).toBeGreaterThan(1);
  pids.push(pid);
  return pid;
}

beforeAll(() => {
  requireRoot();
  ensureRedis();
  sites = renderExample(FIXTURE);
});

afterAll(() => {
  stopAll();
  netns.cleanup();
});

function web1() {
  const s = sites.find((x) => x.site.name === 'data-a')!;
  const d = s.site.devices.find((x) => x.name === 'web1')!;
  if (!runsProxy(d)) throw new Error('web1 runs no HAProxy');
  const cfg = s.rendered.files.find((f) => f.device === 'web1' && f.file === 'haproxy.cfg')!;
  const budget = s.site.budgets.find((b) => b.kind === 'data-write' && b.subject === 'shop/cache')!;
  return { model: d.haproxy, cfg: cfg.content, budget };
}

describe('HAProxy: the data sections pass haproxy -c', () => {
  function check(cfg: string, certDir: string): { code: number; out: string } {
    return run('unshare', [
      '-m',
      'sh',
      '-c',
      'mount -t tmpfs fabric-check /etc/haproxy && mkdir /etc/haproxy/certs && cp "$1"/* /etc/haproxy/certs/ && haproxy -c -f "$2"',
      'sh',
      certDir,
      cfg,
    ]);
  }

  function written(content: string): { cfg: string; certs: string } {
    const dir = tempDir('fabric-dtc-');
    const s = sites.find((x) => x.site.name === 'data-a')!;
    for (const f of s.rendered.files.filter((x) => x.device === 'web1' && x.file.startsWith('certs/'))) {
      execFileSync('mkdir', ['-p', join(dir, 'certs')]);
      writeFileSync(join(dir, f.file), f.content);
    }
    writeFileSync(join(dir, 'haproxy.cfg'), content);
    return { cfg: join(dir, 'haproxy.cfg'), certs: join(dir, 'certs') };
  }

  it('GIVEN the data-tier fixture WHEN its HAProxy configs are rendered THEN haproxy accepts them, with no warning about the TCP sections', () => {
    for (const device of ['web1', 'web2']) {
      const s = sites.find((x) => x.site.name === 'data-a')!;
      const cfg = s.rendered.files.find((f) => f.device === device && f.file === 'haproxy.cfg')!;
      expect(cfg.content).toContain('tcp-check expect string role:master');
      const { cfg: path, certs } = written(cfg.content);
      const r = check(path, certs);
      expect(r.code, `${device}: ${r.out}`).toBe(0);
      expect(r.out).toContain('Configuration file is valid');
      expect(r.out).not.toMatch(/cache_|requires HTTP mode/);
    }
  });

  it('GIVEN a read backend tracking a server the write backend does not have THEN the check fails', () => {
    const { cfg } = web1();
    const { cfg: path, certs } = written(
      cfg.replace('track cache_primary/redis1', 'track cache_primary/nowhere'),
    );
    expect(check(path, certs).code).not.toBe(0);
  });
});

/** `show stat` through the admin socket: the status of each server of each backend. */
function stats(sock: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const c = connect(sock);
    let text = '';
    c.on('data', (b) => {
      text += b.toString();
    });
    c.on('error', reject);
    c.on('end', () => {
      const [head, ...rows] = text.trim().split('\n');
      const cols = (head ?? '').replace(/^# /, '').split(',');
      const at = (name: string) => cols.indexOf(name);
      const out = new Map<string, string>();
      for (const r of rows) {
        const f = r.split(',');
        out.set(`${f[at('pxname')]}/${f[at('svname')]}`, f[at('status')] ?? '');
      }
      resolve(out);
    });
    c.write('show stat\n');
  });
}

async function until(
  what: string,
  sock: string,
  want: (s: Map<string, string>) => boolean,
  withinMs: number,
): Promise<number> {
  const start = Date.now();
  let last = new Map<string, string>();
  while (Date.now() - start < withinMs) {
    last = await stats(sock);
    if (want(last)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} not within ${withinMs} ms: ${JSON.stringify([...last])}`);
}

describe('Redis behind the rendered HAProxy sections, in a namespace', () => {
  let ns: string;
  let sock: string;
  let budget: ReturnType<typeof web1>['budget'];
  const redis1 = '127.0.0.31';
  const redis2 = '127.0.0.32';
  const vip = '127.0.0.11';
  const cli = (host: string, port: number, ...args: string[]) =>
    netns.exec(ns, ['redis-cli', '-h', host, '-p', String(port), ...args]).out.trim();
  const primaryUp = (s: Map<string, string>, up: string, down: string) =>
    s.get(`cache_primary/${up}`) === 'UP' && (s.get(`cache_primary/${down}`) ?? '').startsWith('DOWN');

  beforeAll(() => {
    ns = netns.add('redis');
    const dir = tempDir('fabric-dtr-');
    // a primary and its replica, each on its own loopback address of the namespace
    for (const [name, address, extra] of [
      ['redis1', redis1, []],
      ['redis2', redis2, ['--replicaof', redis1, '6379']],
    ] as const) {
      const pidfile = join(dir, `${name}.pid`);
      const r = netns.exec(ns, [
        'redis-server',
        '--bind',
        address,
        '--port',
        '6379',
        '--daemonize',
        'yes',
        '--pidfile',
        pidfile,
        '--dir',
        dir,
        '--logfile',
        join(dir, `${name}.log`),
        '--save',
        '',
        '--appendonly',
        'no',
        ...extra,
      ]);
      expect(r.code, r.out).toBe(0);
      pidOf(pidfile);
    }
    // HAProxy: the rendered data sections, every address moved to the namespace's loopback
    const { model, cfg } = web1();
    budget = web1().budget;
    const moved = new Map<string, string>([[model.tcpFrontends[0]!.binds[0]!.address, vip]]);
    for (const b of model.tcpBackends)
      for (const s of b.servers) moved.set(s.address, s.name.startsWith('redis1') ? redis1 : redis2);
    let sections = cfg.slice(cfg.indexOf('\ndefaults data'));
    for (const [from, to] of moved) sections = sections.split(`${from}:`).join(`${to}:`);
    sock = join(dir, 'admin.sock');
    const path = join(dir, 'haproxy.cfg');
    writeFileSync(path, `global\n  stats socket ${sock} mode 600 level admin\n${sections}`);
    const pidfile = join(dir, 'haproxy.pid');
    const r = netns.exec(ns, ['haproxy', '-f', path, '-D', '-p', pidfile]);
    expect(r.code, r.out).toBe(0);
    pidOf(pidfile);
  });

  it('GIVEN a primary and a replica THEN the write backend has only the primary UP and the read backend the replica (the primary as its tracked backup)', async () => {
    await until(
      'roles seen',
      sock,
      (s) =>
        primaryUp(s, 'redis1', 'redis2') &&
        s.get('cache_replicas/redis2') === 'UP' &&
        (s.get('cache_replicas/redis1') ?? '').startsWith('DOWN') &&
        s.get('cache_replicas/redis1_primary') === 'UP' &&
        (s.get('cache_replicas/redis2_primary') ?? '').startsWith('DOWN'),
      10_000,
    );
  });

  it('GIVEN the roles seen WHEN a client writes through the write VIP THEN the read VIP returns it from the replica', async () => {
    expect(cli(vip, 6379, 'SET', 'k', 'v1')).toBe('OK');
    expect(cli(vip, 6379, 'INFO', 'replication')).toContain('role:master');
    expect(cli(vip, 6380, 'INFO', 'replication')).toContain('role:slave');
    const start = Date.now();
    while (cli(vip, 6380, 'GET', 'k') !== 'v1' && Date.now() - start < 5000)
      await new Promise((r) => setTimeout(r, 50));
    expect(cli(vip, 6380, 'GET', 'k')).toBe('v1');
  });

  it('GIVEN a client connected through the write VIP and a manual failover (REPLICAOF NO ONE on the replica, REPLICAOF on the old primary) THEN the write backend follows within the budget and the client of the old primary is cut', async () => {
    // a client holding its connection to the old primary open (socat: stdin stays open)
    const client = spawn('ip', ['netns', 'exec', ns, 'socat', '-', `TCP:${vip}:6379`], { stdio: 'pipe' });
    pids.push(client.pid!);
    let said = '';
    client.stdout.on('data', (b) => {
      said += b.toString();
    });
    const closed = new Promise<number>((r) => client.on('exit', () => r(Date.now())));
    client.stdin.write('PING\r\n');
    for (let i = 0; i < 100 && !said.includes('+PONG'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(said).toContain('+PONG');
    const promoted = Date.now();
    expect(cli(redis2, 6379, 'REPLICAOF', 'NO', 'ONE')).toBe('OK');
    expect(cli(redis1, 6379, 'REPLICAOF', redis2, '6379')).toBe('OK');
    const followed = await until(
      'the write backend following the promotion',
      sock,
      (s) => primaryUp(s, 'redis2', 'redis1'),
      budget.budgetMs! + 2000,
    );
    console.log(
      `data tier: the write backend followed the promotion in ${followed} ms (predicted ${budget.expectedOutageMs} ms, budget ${budget.budgetMs} ms)`,
    );
    expect(followed).toBeLessThanOrEqual(budget.budgetMs!);
    // on-marked-down shutdown-sessions: the old primary's clients are cut when it is marked down
    const cut = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
    expect(cut, 'the client of the old primary was not disconnected').not.toBeNull();
    expect(cut! - promoted).toBeLessThanOrEqual(budget.budgetMs!);
    expect(cli(vip, 6379, 'SET', 'k', 'v2')).toBe('OK');
    expect(cli(vip, 6379, 'INFO', 'replication')).toContain('role:master');
    const start = Date.now();
    while (cli(vip, 6380, 'GET', 'k') !== 'v2' && Date.now() - start < 5000)
      await new Promise((r) => setTimeout(r, 50));
    expect(cli(vip, 6380, 'GET', 'k')).toBe('v2');
  });

  it('GIVEN the only replica stops THEN the read VIP falls back to the primary', async () => {
    const pid = Number(readFileSync(join(sock, '..', 'redis1.pid'), 'utf8').trim());
    process.kill(pid, 'SIGTERM');
    await until(
      'the read backend falling back to the primary',
      sock,
      (s) =>
        (s.get('cache_replicas/redis1') ?? '').startsWith('DOWN') &&
        s.get('cache_replicas/redis2_primary') === 'UP',
      10_000,
    );
    expect(cli(vip, 6380, 'GET', 'k')).toBe('v2');
    expect(cli(vip, 6380, 'INFO', 'replication')).toContain('role:master');
  });
});
