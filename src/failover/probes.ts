/**
 * Running the probes: each process runs in the network namespace of its node (`nsenter
 * --net`), in its own process group, and is stopped by that PID. ICMP is one `fping` every
 * 10 ms per probe with per-reply timestamps; HTTP is one small Node client per upstream that
 * sends a request for each of its probes (a VIP) every 50 ms, to the probe's URLs in turn, each
 * on a new connection, from the upstream's client addresses in turn.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { SYSTEM_ENV } from '../lab/runtime/system-command.js';
import { AMQP_PROBE_BODY } from './consumed.js';
import type { Sample } from './measure.js';
import {
  type DataProbe,
  HTTP_INTERVAL_MS,
  type HttpProbe,
  PING_INTERVAL_MS,
  PROBE_TIMEOUT_MS,
  type Probe,
} from './probe-plan.js';

/**
 * The end of every agent: `send` (one round, each probe once) every `interval` ms, and as many
 * rounds as the time passed asks for: a timer that fires late (a busy machine) sends the rounds
 * it missed, so the rate holds on average. An agent that must open something first (the
 * PostgreSQL pools) defines `ready`, and the rounds start when it settles. SIGINT/SIGTERM end it.
 */
const PACING = `
Promise.resolve(typeof ready === 'undefined' ? undefined : ready).then(() => {
  const start = Date.now();
  let rounds = 0;
  setInterval(() => {
    const due = Math.floor((Date.now() - start) / Number(interval)) + 1;
    for (; rounds < due; rounds++) send();
  }, Number(interval) / 2);
});
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(0));
`;

/**
 * argv: interval, then per probe one JSON argument {urls: [{url, insecure}], sources}: each
 * interval sends one request per probe, to its next URL from its next source address (both
 * rotated); one JSON line per answer: {u, t, ok, e?}.
 */
const HTTP_AGENT = `
const [interval, ...rest] = process.argv.slice(1);
const targets = rest.map((a) => ({ ...JSON.parse(a), n: 0 }));
const out = (u, t, ok, e) => process.stdout.write(JSON.stringify({ u, t, ok, e }) + '\\n');
const send = () => targets.forEach((target, u) => {
  const t = Date.now();
  let done = false;
  const finish = (ok, e) => { if (!done) { done = true; out(u, t, ok, e); } };
  const { url, insecure } = target.urls[target.n % target.urls.length];
  const localAddress = target.sources[target.n++ % target.sources.length];
  const mod = require(url.startsWith('https:') ? 'https' : 'http');
  const req = mod.get(url, { agent: false, localAddress, rejectUnauthorized: !insecure, timeout: ${PROBE_TIMEOUT_MS} }, (res) => {
    res.resume();
    res.on('end', () => finish(res.statusCode >= 200 && res.statusCode < 400, 'HTTP ' + res.statusCode));
    res.on('error', (err) => finish(false, err.message));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (err) => finish(false, err.message));
});
`;

/**
 * argv: interval, then per probe one JSON argument {address, port, role, service}; the services'
 * passwords come in the environment (FABRIC_PROBE_PASSWORDS, JSON by service), on no command
 * line. Each interval opens one connection per probe and sends `AUTH` (with a password), then
 * `SET` (write) or `GET` (read) of its own key; one JSON line per answer: {u, t, ok, e?}, `e` the
 * error's first word (`READONLY`, `NOREPLICAS`, `ECONNREFUSED`, `closed`, `timeout`).
 */
const REDIS_AGENT = `
const net = require('net');
const [interval, ...rest] = process.argv.slice(1);
const passwords = JSON.parse(process.env.FABRIC_PROBE_PASSWORDS || '{}');
const targets = rest.map((a) => JSON.parse(a));
const out = (u, t, ok, e) => process.stdout.write(JSON.stringify({ u, t, ok, e }) + '\\n');
const CRLF = String.fromCharCode(13, 10);
const command = (words) => '*' + words.length + CRLF + words.map((w) => '$' + Buffer.byteLength(w) + CRLF + w + CRLF).join('');
// the complete replies at the start of a buffer (simple strings, errors, integers, bulk strings)
const replies = (s) => {
  const r = [];
  for (let i = 0; ; ) {
    const e = s.indexOf(CRLF, i);
    if (e < 0) return r;
    const line = s.slice(i, e);
    const bulk = line[0] === '$' ? Number(line.slice(1)) : -1;
    if (bulk >= 0 && s.length < e + 4 + bulk) return r;
    r.push(line);
    i = bulk >= 0 ? e + 4 + bulk : e + 2;
  }
};
const send = () => targets.forEach((x, u) => {
  const t = Date.now();
  const password = passwords[x.service];
  const key = 'fabric:failover-probe:' + x.role + ':' + u;
  const words = [...(password ? [['AUTH', password]] : []), x.role === 'write' ? ['SET', key, String(t)] : ['GET', key]];
  let done = false, buffer = '';
  const socket = net.connect({ host: x.address, port: x.port });
  const finish = (ok, e) => { if (!done) { done = true; socket.destroy(); out(u, t, ok, e); } };
  socket.setTimeout(${PROBE_TIMEOUT_MS}, () => finish(false, 'timeout'));
  socket.on('error', (err) => finish(false, err.code || err.message));
  socket.on('close', () => finish(false, 'closed'));
  socket.on('connect', () => socket.write(words.map(command).join('')));
  socket.on('data', (chunk) => {
    buffer += chunk;
    const got = replies(buffer);
    if (got.length < words.length) return;
    const error = got.find((r) => r[0] === '-');
    finish(!error, error ? error.slice(1).split(' ')[0] : undefined);
  });
});
`;

/**
 * Connections in each PostgreSQL probe's pool: enough that a query a lost packet holds up does not
 * hold the next ones (20 a second) behind it, few enough that the probes' logins stay a handful.
 */
const PG_POOL_SIZE = 4;

/**
 * argv: interval, then per probe one JSON argument {address, port, role, service, user}; the
 * passwords as for Redis (FABRIC_PROBE_PASSWORDS), node-postgres's entry point in FABRIC_PG_MODULE
 * (the agent runs from no folder of fabric's). Each probe is an application's connection pool
 * (node-postgres's Pool, PG_POOL_SIZE connections through PgBouncer, SCRAM), opened before the
 * first query; each interval runs `select txid_current()` (write: it takes a transaction ID,
 * which a replica refuses) or `select 1` (read) in database `postgres` on an idle connection, and a
 * connection that errs or does not answer within the timeout is closed and replaced. HAProxy's
 * `on-marked-down shutdown-sessions` cuts the connections to a member marked down, so a failover
 * is seen as a pooled client sees it.
 *
 * Not one connection: every query queued behind one that a lost packet held past the timeout
 * failed with it when the connection was dropped (`Connection terminated` ×100 in one lab run,
 * docs/data-tier.md "PostgreSQL in the lab"), where a pool's other connections go on. Not a new
 * connection per query (the Redis agent's way): the lab's 2 vCPUs could not
 * carry 80 SCRAM logins a second beside the ping probes. One JSON line per answer: {u, t, ok,
 * e?}, `e` the SQLSTATE, the socket's error code, or node-pg's message in a word
 * (`connect-timeout`: no connection within the timeout; `closed`; `query-timeout`).
 */
const PG_AGENT = `
const { Pool } = require(process.env.FABRIC_PG_MODULE);
const [interval, ...rest] = process.argv.slice(1);
const passwords = JSON.parse(process.env.FABRIC_PROBE_PASSWORDS || '{}');
const targets = rest.map((a) => JSON.parse(a));
const out = (u, t, ok, e) => process.stdout.write(JSON.stringify({ u, t, ok, e }) + '\\n');
// node-pg's own messages, in the words the Redis agent uses; a server's error by its SQLSTATE
const WHY = { 'timeout expired': 'connect-timeout', 'Connection terminated due to connection timeout': 'connect-timeout',
  'timeout exceeded when trying to connect': 'connect-timeout', 'Connection terminated unexpectedly': 'closed',
  'Query read timeout': 'query-timeout' };
const why = (err) => err.code || WHY[err.message] || String(err.message).split(' ').slice(0, 3).join(' ');
const pools = targets.map((x) => {
  const pool = new Pool({ host: x.address, port: x.port, user: x.user, password: passwords[x.service],
    database: 'postgres', max: ${PG_POOL_SIZE}, idleTimeoutMillis: 0,
    connectionTimeoutMillis: ${PROBE_TIMEOUT_MS}, query_timeout: ${PROBE_TIMEOUT_MS} });
  // an idle connection cut (a member marked down): the pool drops it; nothing to report
  pool.on('error', () => {});
  return pool;
});
// every connection logged in before the first query, as an application's pool is
const warm = (pool) => Promise.all(Array.from({ length: ${PG_POOL_SIZE} }, () => pool.connect().catch(() => null)))
  .then((clients) => clients.forEach((c) => c && c.release()));
const ready = Promise.all(pools.map(warm));
const send = () => targets.forEach((x, u) => {
  const t = Date.now();
  pools[u].query(x.role === 'write' ? 'select txid_current()' : 'select 1')
    .then(() => out(u, t, true), (err) => out(u, t, false, why(err)));
});
`;

/**
 * argv: interval, then per probe one JSON argument {address, port, service, user, queue: {vhost,
 * name}}; the passwords as for Redis (FABRIC_PROBE_PASSWORDS), amqplib's entry point in
 * FABRIC_AMQP_MODULE. Each probe is a publishing application: one connection and confirm channel
 * kept open (amqplib's `createConfirmChannel`), and each interval a persistent message to the
 * worker's quorum queue, `ok` once the queue's leader confirms it (the publisher confirms the
 * namespace test counts lost messages by, docs/data-tier.md). A publish not confirmed within the
 * timeout, a nack, or a channel or connection that closes fails, and the connection is dropped:
 * the next interval connects again (through HAProxy, to a node it holds UP). One JSON line per
 * answer: {u, t, ok, e?}, `e` the socket's error code or a word (`timeout`, `closed`, `nack`,
 * `unroutable`: no such queue, returned as `mandatory` asks).
 */
const AMQP_AGENT = `
const amqp = require(process.env.FABRIC_AMQP_MODULE);
const [interval, ...rest] = process.argv.slice(1);
const passwords = JSON.parse(process.env.FABRIC_PROBE_PASSWORDS || '{}');
const targets = rest.map((a) => JSON.parse(a));
const out = (u, t, ok, e) => process.stdout.write(JSON.stringify({ u, t, ok, e }) + '\\n');
const why = (err) => err.code || (/closed/i.test(String(err.message)) ? 'closed' : /nack/i.test(String(err.message)) ? 'nack' : err.message === 'unroutable' ? 'unroutable' : String(err.message).split(' ').slice(0, 3).join(' '));
const links = targets.map(() => ({ channel: null, connection: null }));
const returned = new Set();
const drop = (l) => { const c = l.connection; l.channel = null; l.connection = null; if (c) c.close().catch(() => {}); };
// a connection's own close drops it only while it is still the probe's (not one dropped before)
const open = (x, l) => {
  if (l.channel) return l.channel;
  const mine = (l.channel = amqp.connect({ protocol: 'amqp', hostname: x.address, port: x.port,
      username: x.user, password: passwords[x.service], vhost: x.queue.vhost, heartbeat: 5 }, { timeout: ${PROBE_TIMEOUT_MS} })
    .then(async (c) => {
      if (l.channel !== mine) { c.close().catch(() => {}); throw new Error('closed'); }
      l.connection = c;
      const gone = () => { if (l.channel === mine) drop(l); };
      c.on('error', () => {});
      c.on('close', gone);
      const ch = await c.createConfirmChannel();
      ch.on('error', () => {});
      ch.on('close', gone);
      // a message no queue took comes back before its confirm (mandatory): not a publish that worked
      ch.on('return', (m) => returned.add(m.properties.messageId));
      return ch;
    })
    .catch((err) => { if (l.channel === mine) drop(l); throw err; }));
  return mine;
};
const send = () => targets.forEach((x, u) => {
  const t = Date.now();
  const l = links[u];
  let done = false;
  const finish = (ok, e) => { if (!done) { done = true; clearTimeout(timer); out(u, t, ok, e); } };
  const timer = setTimeout(() => { finish(false, 'timeout'); drop(l); }, ${PROBE_TIMEOUT_MS});
  open(x, l)
    .then((ch) => new Promise((resolve, reject) => {
      const id = u + ':' + t;
      ch.sendToQueue(x.queue.name, Buffer.from(${JSON.stringify(AMQP_PROBE_BODY)} + t), { persistent: true, mandatory: true, messageId: id },
        (err) => (err ? reject(err) : returned.delete(id) ? reject(new Error('unroutable')) : resolve()));
    }))
    .then(() => finish(true), (err) => { finish(false, why(err)); drop(l); });
});
`;

/** The agent of each data protocol, and the environment it needs beside the passwords. */
const DATA_AGENTS: Record<DataProbe['protocol'], { code: string; env: () => Record<string, string> }> = {
  redis: { code: REDIS_AGENT, env: () => ({}) },
  postgres: {
    code: PG_AGENT,
    env: () => ({ FABRIC_PG_MODULE: createRequire(import.meta.url).resolve('pg') }),
  },
  rabbitmq: {
    code: AMQP_AGENT,
    env: () => ({ FABRIC_AMQP_MODULE: createRequire(import.meta.url).resolve('amqplib') }),
  },
};

/** What one probe saw so far. */
export class ProbeRecorder {
  private readonly pings = new Map<number, Sample>();
  private readonly requests: Sample[] = [];
  readonly errors: string[] = [];

  constructor(readonly probe: Probe) {}

  /**
   * A line of `fping --loop --timestamp --elapsed` output: `[1796316941.06028] 10.0.0.1 : [0], 64
   * bytes, 0.056 ms (…)` when the reply came (sent its round-trip time earlier), `[…] 10.0.0.1 :
   * [48], timed out (…)` when none came within PROBE_TIMEOUT_MS of the send.
   */
  pingLine(line: string): void {
    const m = /^\[(\d+\.\d+)\] \S+ : \[(\d+)\], (?:\d+ bytes, ([\d.]+) ms|(timed out))/.exec(line);
    if (!m) return;
    const [, stamp, seq, rtt, timedOut] = m;
    const at = Number(stamp) * 1000 - (timedOut ? PROBE_TIMEOUT_MS : Number(rtt));
    if (!timedOut || !this.pings.get(Number(seq))?.ok) this.pings.set(Number(seq), { at, ok: !timedOut });
  }

  request(at: number, ok: boolean, error?: string): void {
    this.requests.push(ok ? { at, ok } : { at, ok, error: error ?? 'failed' });
  }

  /** Every sample so far; a ping sequence number never reported counts as lost, sent between its neighbours. */
  samples(): Sample[] {
    if (this.probe.kind !== 'ping') return [...this.requests];
    const seqs = [...this.pings.keys()].sort((a, b) => a - b);
    const out: Sample[] = [];
    for (let i = 0; i < seqs.length; i++) {
      const seq = seqs[i]!;
      const here = this.pings.get(seq)!;
      out.push(here);
      const next = seqs[i + 1];
      if (next === undefined) continue;
      const there = this.pings.get(next)!;
      for (let s = seq + 1; s < next; s++)
        out.push({ at: here.at + ((there.at - here.at) * (s - seq)) / (next - seq), ok: false });
    }
    return out;
  }
}

class ProbeProcess {
  private readonly child: ChildProcess;
  private buffer = '';
  private readonly closed: Promise<void>;

  constructor(
    netns: string,
    argv: string[],
    private readonly onLine: (line: string) => void,
    private readonly onError: (line: string) => void,
    env: Record<string, string> = {},
  ) {
    this.child = spawn('nsenter', [`--net=/run/netns/${netns}`, '--', ...argv], {
      env: { ...SYSTEM_ENV, ...env },
      detached: true, // its own process group: stopped by its PID, with whatever it started
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (this.buffer + chunk).split('\n');
      this.buffer = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    });
    this.child
      .stderr!.setEncoding('utf8')
      .on('data', (chunk: string) => this.onError(chunk.trim().split('\n')[0]!));
    this.closed = new Promise((resolve) => {
      this.child.on('close', () => resolve());
      this.child.on('error', (e) => {
        this.onError(e.message);
        resolve();
      });
    });
  }

  /** SIGINT to its process group (fping prints and flushes), SIGKILL after 2 s. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null)
      return this.closed;
    signalGroup(pid, 'SIGINT');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 2000);
    await this.closed;
    clearTimeout(timer);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export interface ProbeSet {
  recorders: ProbeRecorder[];
  stop(): Promise<void>;
}

/** The probes of one node that one agent process runs, with their recorders in the same order. */
interface AgentGroup<P> {
  netns: string;
  probes: P[];
  recorders: ProbeRecorder[];
}

function joinGroup<P extends Probe>(
  groups: Map<string, AgentGroup<P>>,
  p: P,
  netns: string,
  rec: ProbeRecorder,
  /** Apart from the node's other probes (another agent). */
  apart = '',
) {
  const key = `${p.device}\0${apart}`;
  const group = groups.get(key) ?? { netns, probes: [], recorders: [] };
  group.probes.push(p);
  group.recorders.push(rec);
  groups.set(key, group);
}

/** An agent (HTTP, Redis, PostgreSQL) that prints one JSON line per answer: {u: the probe's index, t, ok, e?}. */
function agentProcess(g: AgentGroup<Probe>, argv: string[], env: Record<string, string> = {}): ProbeProcess {
  const onLine = (line: string) => {
    try {
      const r = JSON.parse(line) as { u: number; t: number; ok: boolean; e?: string };
      g.recorders[r.u]?.request(r.t, r.ok, r.e);
    } catch {
      // not a result line
    }
  };
  const onError = (line: string) => {
    for (const rec of g.recorders) if (rec.errors.length < 5) rec.errors.push(line);
  };
  return new ProbeProcess(g.netns, argv, onLine, onError, env);
}

/**
 * Starts every probe; `netnsOf` maps a device to its lab network namespace, `passwords` a data
 * service to its password (for the data probes that authenticate).
 */
export function startProbes(
  probes: readonly Probe[],
  netnsOf: (device: string) => string | undefined,
  passwords: Readonly<Record<string, string>> = {},
): ProbeSet {
  const recorders: ProbeRecorder[] = [];
  const processes: ProbeProcess[] = [];
  const http = new Map<string, AgentGroup<HttpProbe>>();
  const data = new Map<string, AgentGroup<DataProbe>>();
  for (const p of probes) {
    const netns = netnsOf(p.device);
    if (!netns) continue;
    const rec = new ProbeRecorder(p);
    recorders.push(rec);
    const error = (line: string) => rec.errors.length < 5 && rec.errors.push(line);
    if (p.kind === 'ping') {
      // fping, not iputils' ping: ping waits in whole timer ticks (`-i 0.01` sent every ~17 ms
      // here) and below 10 ms it spins (`-i 0.009`: ~70 % of a CPU per probe, so 17 probes
      // filled the lab's 2 vCPUs and their own losses were the load's); fping -p 10 sends every
      // ~10.5 ms and costs next to nothing
      const argv = ['stdbuf', '-oL', 'fping', '--loop', '--timestamp', '--elapsed'];
      argv.push('--period', String(PING_INTERVAL_MS), '--timeout', String(PROBE_TIMEOUT_MS));
      argv.push(...(p.source ? ['--src', p.source] : []), p.address);
      processes.push(new ProbeProcess(netns, argv, (l) => rec.pingLine(l), error));
      continue;
    }
    // one agent per node and protocol
    if (p.kind === 'data') joinGroup(data, p, netns, rec, p.protocol);
    else joinGroup(http, p, netns, rec);
  }
  for (const g of http.values()) {
    const argv = [process.execPath, '-e', HTTP_AGENT + PACING, String(HTTP_INTERVAL_MS)];
    for (const p of g.probes) argv.push(JSON.stringify({ urls: p.urls, sources: p.sources }));
    processes.push(agentProcess(g, argv));
  }
  for (const g of data.values()) {
    const agent = DATA_AGENTS[g.probes[0]!.protocol];
    const argv = [process.execPath, '-e', agent.code + PACING, String(HTTP_INTERVAL_MS)];
    for (const p of g.probes)
      argv.push(
        JSON.stringify({
          address: p.address,
          port: p.port,
          role: p.role,
          service: p.service,
          user: p.user,
          ...(p.queue ? { queue: p.queue } : {}),
        }),
      );
    const known = g.probes.filter((p) => p.auth && passwords[p.service] !== undefined);
    const wanted = Object.fromEntries(known.map((p) => [p.service, passwords[p.service]!]));
    processes.push(agentProcess(g, argv, { ...agent.env(), FABRIC_PROBE_PASSWORDS: JSON.stringify(wanted) }));
  }
  return { recorders, stop: async () => void (await Promise.all(processes.map((p) => p.stop()))) };
}
