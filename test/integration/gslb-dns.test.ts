/**
 * GSLB DNS against the real server (issue 11, docs/active-active.md), in a network namespace of
 * this run:
 * - dns1's rendered gdnsd config and zone pass `gdnsd checkconf`, and a broken zone fails;
 * - gdnsd runs dns1's rendered files for real; the fixture's (test/fixtures/active-active) www VIPs of aa-a and
 *   aa-b (IPv4 and IPv6, on the namespace's loopback) each have a small HTTP server answering
 *   the check's path. GIVEN both sites healthy THEN www.shop.example answers both sites' VIPs;
 *   WHEN aa-a's health endpoints are killed (by PID) THEN within the model's budget the answer
 *   holds aa-b's VIPs only (the time is measured and printed); WHEN they are back THEN both again.
 * Every process it starts is stopped by its PID in afterAll, whatever happened.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GslbService } from '../../src/model/gslb.js';
import { REPO } from '../support/cli.js';
import { TestNetns } from '../support/netns.js';
import { compileExample, renderExample } from '../support/render.js';
import { ensureInstalled, ownPidFile, requireRoot, run } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const netns = new TestNetns('gs');
/** Processes this file started, stopped in afterAll even when a test failed. */
const children: ChildProcess[] = [];
const pids: number[] = [];
let sites: ReturnType<typeof renderExample>;
let www: GslbService;
let dir: string;

/** gdnsd and the HTTP servers' python3 (ensureInstalled starts no gdnsd on install). */
function ensureGdnsd(): void {
  ensureInstalled([
    { bin: 'gdnsd', pkg: 'gdnsd' },
    { bin: 'python3', pkg: 'python3' },
  ]);
}

/** Running, not a zombie waiting for its parent (this process, blocked in a poll) to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** Waits for a PID file of a process started here; the PID is stopped in afterAll. */
const pidOf = (file: string) => ownPidFile(file, pids);

function stop(child: ChildProcess): void {
  if (child.pid) stopPid(child.pid);
}

function stopPid(pid: number): void {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) spawnSync('sleep', ['0.1']);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function dns1Files(): { config: string; zone: string } {
  const a = sites.find((s) => s.site.name === 'aa-a')!;
  const file = (name: string) =>
    a.rendered.files.find((f) => f.device === 'dns1' && f.file === name)!.content;
  return { config: file('gdnsd/config'), zone: file('gdnsd/zones/shop.example') };
}

/** A gdnsd config folder with the rendered files; run and state folders of this run. */
function configDir(name: string, zone?: string): string {
  const d = join(dir, name);
  mkdirSync(join(d, 'zones'), { recursive: true });
  const { config, zone: z } = dns1Files();
  const here = config.replace(
    'options => {',
    `options => {\n  run_dir => ${d}/run\n  state_dir => ${d}/state`,
  );
  writeFileSync(join(d, 'config'), here);
  writeFileSync(join(d, 'zones', 'shop.example'), zone ?? z);
  return d;
}

const gdnsdLog = () => readFileSync(join(dir, 'gdnsd.log'), 'utf8');
/** What the health servers said (a traceback when one could not start). */
const serverLogs = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pid.log'))
    .map((f) => `${f}: ${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');

const HTTP = `
import http.server, socket, sys
addr, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == path else 404)
        self.end_headers()
        self.wfile.write(b'ok')
    def log_message(self, *a):
        pass
class S(http.server.HTTPServer):
    address_family = socket.AF_INET6 if ':' in addr else socket.AF_INET
S((addr, port), H).serve_forever()
`;

const QUERY = `
const { Resolver } = require('node:dns').promises;
const r = new Resolver({ timeout: 1000, tries: 1 });
r.setServers([process.argv[1]]);
Promise.all([r.resolve4(process.argv[2]).catch(() => []), r.resolve6(process.argv[2]).catch(() => [])])
  .then(([a, aaaa]) => console.log(JSON.stringify([...a.sort(), ...aaaa.sort()])));
`;

beforeAll(() => {
  requireRoot();
  ensureGdnsd();
  sites = renderExample(FIXTURE);
  const s = compileExample(FIXTURE).model?.gslb?.services.find((x) => x.name === 'www');
  if (!s) throw new Error('no gslb service www in the active-active fixture');
  www = s as GslbService;
  dir = tempDir('fabric-gslb-');
  writeFileSync(join(dir, 'health-server.py'), HTTP);
});

afterAll(() => {
  for (const pid of pids.splice(0)) stopPid(pid);
  for (const c of children.splice(0)) stop(c);
  netns.cleanup();
});

describe('gdnsd: the rendered config and zone', () => {
  it('pass gdnsd checkconf, and a zone naming an unknown resource fails', () => {
    const ok = run('gdnsd', ['-c', configDir('check'), 'checkconf']);
    expect(ok.code, ok.out).toBe(0);
    const bad = run('gdnsd', [
      '-c',
      configDir('broken', `${dns1Files().zone}www2 30 DYNA multifo!nowhere\n`),
      'checkconf',
    ]);
    expect(bad.code, bad.out).not.toBe(0);
  });
});

describe('gdnsd: the answer follows the sites health (namespace of this run)', () => {
  let ns: string;
  let server: string;
  const http = new Map<string, number[]>();

  function serve(site: string): void {
    const m = www.sites.find((x) => x.site === site)!;
    const started = [m.address, m.address6].flatMap((a) => {
      if (!a) return [];
      // the PID of python itself (ip netns exec may stay as its parent): stopped by it
      const pidFile = join(dir, `http-${a}.pid`);
      spawnSync('rm', ['-f', pidFile]);
      children.push(
        spawn(
          'ip',
          [
            'netns',
            'exec',
            ns,
            'sh',
            '-c',
            `echo $$ > '${pidFile}'; exec python3 '${join(dir, 'health-server.py')}' '${a}' ${www.check.port} '${www.check.path}' > '${pidFile}.log' 2>&1`,
          ],
          { stdio: 'ignore' },
        ),
      );
      return [pidOf(pidFile)];
    });
    http.set(site, started);
  }

  function answer(): string[] {
    const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, '-e', QUERY, server, www.fqdn], {
      encoding: 'utf8',
      timeout: 5000,
    });
    try {
      return JSON.parse(r.stdout) as string[];
    } catch {
      return [];
    }
  }

  const vipsOf = (...names: string[]) =>
    www.sites
      .filter((m) => names.includes(m.site))
      .flatMap((m) => [m.address, m.address6].filter((a): a is string => a !== undefined));
  const same = (got: string[], want: string[]) =>
    JSON.stringify([...got].sort()) === JSON.stringify([...want].sort());

  /** Polls the answer until it is `want`; the milliseconds it took, or the last answer at the deadline. */
  function until(want: string[], deadlineMs: number): { ms: number; last: string[] } {
    const t0 = Date.now();
    let last: string[] = [];
    while (Date.now() - t0 < deadlineMs) {
      last = answer();
      if (same(last, want)) return { ms: Date.now() - t0, last };
      spawnSync('sleep', ['0.2']);
    }
    return { ms: Number.POSITIVE_INFINITY, last };
  }

  beforeAll(() => {
    ns = netns.add('dns');
    const listen = dns1Files().config.match(/^ {4}(\S+),$/m)![1]!;
    server = listen;
    // the VIPs of both sites and the server's addresses on the namespace's loopback
    for (const a of [...vipsOf('aa-a', 'aa-b'), ...dns1Files().config.matchAll(/^ {4}(\S+),$/gm)].map((x) =>
      typeof x === 'string' ? x : x[1]!,
    )) {
      const r = netns.exec(ns, [
        'ip',
        'addr',
        'add',
        a.includes(':') ? `${a}/128` : `${a}/32`,
        'dev',
        'lo',
        ...(a.includes(':') ? ['nodad'] : []),
      ]);
      expect(r.code, r.out).toBe(0);
    }
    serve('aa-a');
    serve('aa-b');
    const cfg = configDir('run');
    // gdnsd in the foreground, its PID (not ip's) in a file; its log (monitor state changes) kept
    const pidFile = join(dir, 'gdnsd.pid');
    children.push(
      spawn(
        'ip',
        [
          'netns',
          'exec',
          ns,
          'sh',
          '-c',
          `echo $$ > '${pidFile}'; exec gdnsd -c '${cfg}' start > '${join(dir, 'gdnsd.log')}' 2>&1`,
        ],
        { stdio: 'ignore' },
      ),
    );
    pidOf(pidFile);
  });

  it('answers both sites, then aa-b only within the budget once aa-a fails, then both again', () => {
    const both = vipsOf('aa-a', 'aa-b');
    // gdnsd starts every address DOWN and, with all down, answers them all (multifo's fallback):
    // wait until its monitors see every VIP UP, so that "both" is health and not the fallback
    const t0 = Date.now();
    const upCount = (s: string) => (s.match(/\{"state": "UP"/g) ?? []).length;
    let states = '';
    while (Date.now() - t0 < 30_000) {
      states = netns.exec(ns, ['gdnsdctl', '-c', join(dir, 'run'), 'states']).out;
      if (upCount(states) === both.length) break;
      spawnSync('sleep', ['0.5']);
    }
    const listening = netns.exec(ns, ['ss', '-ltn']).out;
    expect(upCount(states), `${states}\n${listening}\n${gdnsdLog()}\n${serverLogs()}`).toBe(both.length);
    const start = until(both, 5_000);
    expect(start.ms, `both sites answered; last answer ${JSON.stringify(start.last)}`).toBeLessThan(5_000);

    // aa-a's health endpoints die: the clock starts at the signal
    for (const pid of http.get('aa-a')!) process.kill(pid, 'SIGTERM');
    const failed = until(vipsOf('aa-b'), www.budget + 5_000);
    console.log(
      `gslb: ${www.fqdn} dropped aa-a after ${failed.ms} ms (predicted worst ${www.detectMs} ms, budget ${www.budget} ms)`,
    );
    expect(failed.ms, `answer ${JSON.stringify(failed.last)}\n${gdnsdLog()}`).toBeLessThanOrEqual(www.budget);

    // repaired: back after rise checks in a row
    serve('aa-a');
    const back = until(both, www.returnMs + www.budget);
    console.log(
      `gslb: ${www.fqdn} answered aa-a again after ${back.ms} ms (rise ${www.check.rise} × ${www.check.interval} s = ${www.returnMs} ms)`,
    );
    expect(back.ms, `answer ${JSON.stringify(back.last)}\n${gdnsdLog()}`).toBeLessThanOrEqual(
      www.returnMs + www.budget,
    );
  }, 90_000);
});
