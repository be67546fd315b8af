/**
 * The L7 pair's last resort against real HAProxy (docs/failover.md, "A HAProxy back before its
 * servers"): web1's and web2's RENDERED haproxy.cfg of the reference site, every address moved to
 * 127.0.0.x, run side by side in a network namespace of this run with four application servers:
 * - a backend with no server UP on web1 sends its requests to web2's `fabric_peer` frontend,
 *   which serves them from its own servers (the header naming the backend removed on the way);
 * - with the backend empty on both, the answer is a 503 at once, and the peer does not send the
 *   request back (the loop guard);
 * - `fabric_peer` accepts connections from the peer's address only;
 * - the health frontend the L4 pair checks fails only when no application server at all is UP
 *   (the backup peer does not count).
 * Every process it starts is stopped by its PID in afterAll, whatever happened.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAPROXY_HEALTH, HAPROXY_PEER } from '../../src/compile/haproxy.js';
import { runsProxy } from '../../src/model/runs.js';
import { sleep, stats, waitFor } from '../support/haproxy-stats.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { ensureInstalled, ownPidFile, requireRoot, stopPid } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const netns = new TestNetns('hp');
const pids: number[] = [];
let ns: string;
let dir: string;
/** Each HAProxy's address, the application servers' and what they moved to. */
const moved = new Map<string, string>();
const WEBS = ['web1', 'web2'] as const;
const socketOf = (web: string) => join(dir, `${web}.sock`);

/** An application server per address: /healthz 200, anything else its name and the headers it got. */
const APP = `
const http = require('node:http');
for (const [name, host] of JSON.parse(process.argv[1]))
  http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url === '/healthz' ? 'ok' : JSON.stringify({ name, headers: req.headers }));
  }).listen(8080, host);
`;

/** Waits for a PID file of a process started here; the PID is stopped in afterAll. */
const pidOf = (file: string) => ownPidFile(file, pids);

const move = (text: string) => {
  let out = text;
  for (const [from, to] of moved)
    out = out.replace(new RegExp(`(?<![0-9.])${from.replaceAll('.', '\\.')}(?![0-9])`, 'g'), to);
  return out;
};

/** `curl` inside the namespace: the body and the status (000 when no HTTP answer came). */
function get(url: string, extra: string[] = []): { status: string; body: string; ms: number } {
  const start = Date.now();
  const r = netns.exec(ns, ['curl', '-s', '-m', '3', '-w', '\n%{http_code}', ...extra, url]);
  const lines = r.out.split('\n');
  return { status: lines.pop() ?? '', body: lines.join('\n'), ms: Date.now() - start };
}

/** `set server <backend>/<server> state <state>` through a HAProxy's admin socket. */
function setState(web: string, servers: string[], state: 'maint' | 'ready'): void {
  for (const s of servers)
    execFileSync('sh', [
      '-c',
      `echo "set server ${s} state ${state}" | socat stdio "unix-connect:$1"`,
      'sh',
      socketOf(web),
    ]);
}

const addressOf = (web: string) => moved.get(webModel(web).peerFrontend!.bind.address)!;

function webModel(web: string) {
  const d = site().site.devices.find((x) => x.name === web)!;
  if (!runsProxy(d)) throw new Error(`${web} runs no HAProxy`);
  return d.haproxy;
}

let sites: ReturnType<typeof renderExample>;
const site = () => sites.find((s) => s.site.name === 'idc-a')!;

beforeAll(async () => {
  requireRoot();
  ensureInstalled([
    { bin: 'haproxy', pkg: 'haproxy' },
    { bin: 'curl', pkg: 'curl' },
    { bin: 'socat', pkg: 'socat' },
  ]);
  sites = renderExample();
  dir = tempDir('haproxy-peer');
  ns = netns.add('l7');
  // the HAProxies' own addresses, then their application servers'
  for (const [i, w] of WEBS.entries()) moved.set(webModel(w).peerFrontend!.bind.address, `127.0.0.${11 + i}`);
  const apps = [
    ...new Set(webModel('web1').backends.flatMap((b) => b.servers.map((s) => `${s.name} ${s.address}`))),
  ];
  for (const [i, a] of apps.entries()) moved.set(a.split(' ')[1]!, `127.0.0.${21 + i}`);

  const appPid = join(dir, 'apps.pid');
  const servers = apps.map((a) => [a.split(' ')[0], moved.get(a.split(' ')[1]!)]);
  execFileSync('sh', [
    '-c',
    'ip netns exec "$1" node -e "$2" "$3" >/dev/null 2>&1 & echo $! > "$4"',
    'sh',
    ns,
    APP,
    JSON.stringify(servers),
    appPid,
  ]);
  pidOf(appPid);

  for (const web of WEBS) {
    const cfg = site().rendered.files.find((f) => f.device === web && f.file === 'haproxy.cfg')!.content;
    // from `defaults` on, without the TLS and IPv6 binds (no certificate, no IPv6 address here)
    const body = cfg
      .slice(cfg.indexOf('\ndefaults'))
      .split('\n')
      .filter((l) => !/^\s+bind (\[|.*ssl crt)/.test(l))
      .join('\n');
    const path = join(dir, `${web}.cfg`);
    writeFileSync(
      path,
      `global\n  stats socket ${socketOf(web)} mode 600 level admin\n  server-state-file ${join(dir, `${web}.state`)}\n${move(body)}`,
    );
    const pidfile = join(dir, `${web}.pid`);
    const r = netns.exec(ns, ['haproxy', '-f', path, '-D', '-p', pidfile]);
    expect(r.code, r.out).toBe(0);
    pidOf(pidfile);
  }
  // every application server UP in both
  for (const web of WEBS)
    await waitFor(
      `${web}'s application servers UP`,
      async () => {
        const s = await stats(socketOf(web));
        return [...s].filter(([k]) => /\/app\d$/.test(k)).every(([, v]) => v.status === 'UP');
      },
      10_000,
    );
}, 300_000);

afterAll(() => {
  for (const pid of pids.splice(0)) stopPid(pid);
  netns.cleanup();
});

describe('the L7 pair: a backend with no server UP sends to the peer HAProxy', () => {
  const api = (web: string) => webModel(web).backends.find((b) => b.name === 'api')!;
  const apiServers = (web: string) => api(web).servers.map((s) => `api/${s.name}`);

  it('GIVEN both HAProxies with every server UP THEN a request for /api/ is served by web1 itself', () => {
    const r = get(`http://${addressOf('web1')}/api/x`);
    expect(r.status).toBe('200');
    expect(JSON.parse(r.body).name).toMatch(
      new RegExp(
        `^(${api('web1')
          .servers.map((s) => s.name)
          .join('|')})$`,
      ),
    );
    expect(JSON.parse(r.body).headers).not.toHaveProperty(HAPROXY_PEER.header.toLowerCase());
  });

  it('GIVEN web1 with no api server UP WHEN a client asks web1 for /api/ THEN web2 serves it from its own servers, the header naming the backend removed', async () => {
    setState('web1', apiServers('web1'), 'maint');
    const before = await stats(socketOf('web2'));
    const r = get(`http://${addressOf('web1')}/api/x`, ['-H', `${HAPROXY_PEER.header}: web`]);
    expect(r.status, r.body).toBe('200');
    const seen = JSON.parse(r.body) as { name: string; headers: Record<string, string> };
    // it went through web1 (its address in X-Forwarded-For) to web2, which sent it to an api server
    expect(seen.headers['x-forwarded-for']).toContain(addressOf('web1'));
    expect(seen.headers).not.toHaveProperty(HAPROXY_PEER.header.toLowerCase());
    const after = await stats(socketOf('web2'));
    const served = apiServers('web2').filter((s) => after.get(s)!.stot > before.get(s)!.stot);
    expect(served, 'an api server of web2 took the request').toHaveLength(1);
    expect(`api/${seen.name}`).toBe(served[0]);
    // the path still decides: /x is web's, which web1 serves itself
    expect(get(`http://${addressOf('web1')}/x`).status).toBe('200');
    // and web1 still passes the L4 pair's check: its `web` backend has servers
    expect(get(`http://${addressOf('web1')}:${HAPROXY_HEALTH.port}${HAPROXY_HEALTH.uri}`).status).toBe('200');
  });

  it('GIVEN the api backend empty on both THEN a request is answered 503 at once, and web2 does not send it back to web1', async () => {
    setState('web2', apiServers('web2'), 'maint');
    const peerOfWeb2 = `api/${api('web2').lastResort!.peers[0]!.name}`;
    const before = (await stats(socketOf('web2'))).get(peerOfWeb2)!.stot;
    const r = get(`http://${addressOf('web1')}/api/x`);
    expect(r.status).toBe('503');
    expect(r.ms).toBeLessThan(1000);
    await sleep(100);
    expect((await stats(socketOf('web2'))).get(peerOfWeb2)!.stot).toBe(before);
    setState('web2', apiServers('web2'), 'ready');
  });

  it('GIVEN fabric_peer THEN it accepts connections from the peer only', () => {
    const peer = webModel('web2').peerFrontend!;
    const r = get(`http://${addressOf('web2')}:${peer.bind.port}/api/x`, [
      '--interface',
      '127.0.0.1',
      '-H',
      `${peer.header}: api`,
    ]);
    expect(r.status).toBe('000');
  });

  it('GIVEN no application server UP on web1 THEN its health frontend fails (the peer does not count), and passes again when one is back', async () => {
    const all = webModel('web1').backends.flatMap((b) => b.servers.map((s) => `${b.name}/${s.name}`));
    const health = `http://${addressOf('web1')}:${HAPROXY_HEALTH.port}${HAPROXY_HEALTH.uri}`;
    setState('web1', all, 'maint');
    expect(get(health).status).toBe('503');
    // yet a client's request is still served, by the peer
    expect(get(`http://${addressOf('web1')}/x`).status).toBe('200');
    setState('web1', all, 'ready');
    await waitFor('web1 healthy again', () => get(health).status === '200', 5000);
  });
});
