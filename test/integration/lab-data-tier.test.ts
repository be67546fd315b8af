/**
 * Issue 12 in the lab: the data tier's Redis runs on the VMs of the data-a fixture, configured by
 * fabric (docs/data-tier.md, "In the lab").
 *
 * GIVEN the data-a fixture (three Redis members on three hypervisors, a Sentinel on each of them
 * and on each HAProxy) on a free management subnet, with a lab name of this run
 * WHEN `fabric lab up --site data-a --wait`: each member runs redis-server and redis-sentinel on
 * its rendered files, each HAProxy its Sentinel beside its rendered data sections
 * THEN `fabric verify` is green; the five Sentinels agree on redis1 as the primary with two
 * replicas; a write through the write VIP is read back through the read VIP;
 * the primary's redis-server SIGKILLed by its PID costs writes through the write VIP at most
 * the service's budget, measured from lb1 (where the L4 pair would send them from); the
 * restarted old primary is made a replica of the new one; a replica SIGKILLed then costs reads
 * through the read VIP at most the budget and no write, and verify names it in every
 * Sentinel's view (`sentinel-view`) and in the primary's replication (`replica-lag`); `fabric lab
 * failover --fault crash` crashes a replica, then the primary, each within the budget on its data
 * probes; and `fabric lab down` leaves nothing behind.
 *
 * The data VIPs' own addresses are held by nothing yet (docs/data-tier.md, "What is left"): the
 * writes go to the HAProxy pair's L4-facing addresses, the VIP's port.
 *
 * One lab up: run it alone on the machine's lab lock:
 * `flock /tmp/fabric-lab.lock npx vitest run test/integration/lab-data-tier.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsRedis } from '../../src/model/runs.js';
import { labFromFixture, waitFor } from '../fixtures/lab/support.js';
import { REPO, runFabric } from '../support/cli.js';
import { crashMembers, dataVip, writesFailed } from '../support/data-failover.js';
import { backForASecond, outageAfter } from '../support/outage.js';
import { failedElections, redisTimeline, splitVoteBoundMs } from '../support/redis-log.js';
import { renderExample } from '../support/render.js';
import { type AskSentinel, noneInTilt, primaryPerSentinel } from '../support/sentinels.js';

const SITE = 'data-a';
const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
const MEMBERS = { redis1: '10.20.3.31', redis2: '10.20.3.32', redis3: '10.20.3.33' } as const;
/** Every Sentinel: on the members and on the HAProxy pair's data NICs. */
const SENTINELS = { ...MEMBERS, web1: '10.20.3.11', web2: '10.20.3.12' } as const;

const lab = labFromFixture(FIXTURE, 'dtl', { site: SITE, flags: ['--wait', '240'] });
const [fixture] = renderExample(FIXTURE);
/** The service's VIPs, which the HAProxy pair holds (VRRP) on the clients' segment. */
const WRITE = dataVip(fixture!.site, 'cache', 'write');
const READ = dataVip(fixture!.site, 'cache', 'read');
const budget = fixture!.site.budgets.find((b) => b.kind === 'data-write' && b.subject === 'shop/cache')!;
const redis1 = fixture!.site.devices.find((x) => x.name === 'redis1')!;
/** The service's `failover-timeout`, as the members' rendered sentinel.conf has it. */
const failoverTimeoutMs = runsRedis(redis1) ? redis1.redis.sentinel!.monitors[0]!.failoverTimeoutMs : 0;
/** `requirepass` of a rendered file: the service's (redis.conf) or the Sentinels' own (sentinel.conf). */
const requirepass = (device: string, file: string) =>
  /^requirepass (\S+)$/m.exec(
    fixture!.rendered.files.find((f) => f.device === device && f.file === file)!.content,
  )![1]!;
const password = requirepass('redis1', 'redis.conf');
const sentinelPassword = requirepass('web1', 'sentinel.conf');

/** redis-cli in a node: with the service's password to a member or a frontend, the Sentinels' to a Sentinel. */
async function cli(node: string, host: string, port: number, ...args: string[]): Promise<string> {
  const auth = ['--no-auth-warning', '-a', port === 26379 ? sentinelPassword : password];
  const r = await lab.exec(
    node,
    'timeout',
    '2',
    'redis-cli',
    '-h',
    host,
    '-p',
    String(port),
    ...auth,
    ...args,
  );
  return r.stdout.trim();
}

/** One Sentinel of the lab, asked in its node. */
const askSentinel: AskSentinel = (node, ...command) =>
  cli(node, SENTINELS[node as keyof typeof SENTINELS], 26379, ...command);

/** The member each Sentinel names as the primary. */
const sentinelsSay = () =>
  primaryPerSentinel(askSentinel, Object.keys(SENTINELS), 'cache', new Map(Object.entries(MEMBERS)));

/** What the members' and Sentinels' logs in the lab say from `sinceMs` on (test/support/redis-log.ts). */
async function labTimeline(sinceMs: number): Promise<string> {
  const logs = new Map<string, string>();
  for (const node of Object.keys(SENTINELS))
    for (const file of ['redis-server', 'redis-sentinel']) {
      const r = await lab.exec(node, 'cat', `/var/log/redis/${file}.log`);
      if (r.code === 0) logs.set(`${node} ${file.replace('redis-', '')}`, r.stdout);
    }
  return redisTimeline(logs, sinceMs);
}

/** The loops' PIDs in lb1, stopped by them (and in afterAll). */
const loops: number[] = [];
async function stopLoops(): Promise<void> {
  for (const pid of loops.splice(0)) await lab.exec('lb1', 'kill', String(pid));
}
afterAll(stopLoops);

/** What a loop in lb1 logged: `<n> <ms> <reply>` per line (`OK` or the value read is a success). */
async function logged(file: string, ok: (reply: string) => boolean) {
  return (await lab.exec('lb1', 'cat', file)).stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [n, t, ...rest] = l.trim().split(' ');
      const reply = rest.join(' ').trim();
      return { n: Number(n), t: Number(t), ok: ok(reply), reply };
    });
}
const writes = () => logged('/tmp/writes.log', (r) => r === 'OK');
/** The member Sentinel promoted when the primary was killed. */
let promoted = '';
/** The replica killed after that (and left dead until the failover run). */
let victim = '';

/**
 * Starts a loop in lb1 that runs one redis-cli command every 20 ms (a new connection each) and
 * logs `<n> <ms> <reply>` per line to `file`; returns its PID. The loop is sh's $1, so the outer
 * shell expands nothing of it.
 */
async function loopInLb1(
  file: string,
  host: string,
  port: number,
  command: string,
  auth = password,
): Promise<number> {
  const loop = `i=0; while :; do i=$((i+1)); t=$(date +%s%3N); r=$(timeout 1 redis-cli -h ${host} -p ${port} --no-auth-warning -a '${auth}' ${command} 2>&1 | tr '\\n' ' '); echo "$i $t $r"; sleep 0.02; done`;
  const started = await lab.exec(
    'lb1',
    'sh',
    '-c',
    `nohup sh -c "$1" </dev/null >${file} 2>&1 & echo $!`,
    'sh',
    loop,
  );
  const pid = Number(started.stdout.trim());
  expect(pid).toBeGreaterThan(1);
  loops.push(pid);
  return pid;
}

describe('the data tier in the data-a lab', () => {
  it('GIVEN the lab is up THEN verify is green', async () => {
    const r = await lab.verify(60);
    const json = JSON.parse(r.stdout || '{}') as { results?: { id: string; ok: boolean; seen: string }[] };
    expect((json.results ?? []).filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    // each member's replication, read from the member: redis1 the primary, the others its replicas
    const replication = (json.results ?? []).filter((x) => x.id.startsWith('replica-lag:'));
    expect(replication.map((x) => x.id)).toEqual([
      'replica-lag:redis1',
      'replica-lag:redis2',
      'replica-lag:redis3',
    ]);
    expect(replication[0]!.seen).toMatch(/^primary; replicas redis2 \d+ s, \d+ B behind, redis3 /);
    expect(replication[1]!.seen).toMatch(/^replica of redis1, link up/);
  }, 120_000);

  it('GIVEN the rendered files THEN every member runs redis-server, and the five Sentinels agree on redis1 with two replicas and five Sentinels', async () => {
    for (const node of Object.keys(MEMBERS)) {
      const pid = (await lab.exec(node, 'cat', '/run/redis/redis-server.pid')).stdout.trim();
      expect((await lab.exec(node, 'cat', `/proc/${pid}/comm`)).stdout.trim(), node).toBe('redis-server');
    }
    await waitFor('every Sentinel knowing 2 replicas and 5 Sentinels', 60_000, async () => {
      const infos = await Promise.all(
        Object.entries(SENTINELS).map(([node, address]) => cli(node, address, 26379, 'INFO', 'sentinel')),
      );
      return infos.every((i) => i.includes('address=10.20.3.31:6379,slaves=2,sentinels=5')) || undefined;
    });
    expect(await sentinelsSay()).toEqual(['redis1', 'redis1', 'redis1', 'redis1', 'redis1']);
  }, 90_000);

  it('GIVEN a client (lb1, across the vRouters) THEN a write through the write VIP is read back through the read VIP, over IPv4 and IPv6', async () => {
    expect(await cli('lb1', WRITE.address, WRITE.port, 'SET', 'lab:k', 'v1')).toBe('OK');
    expect(await cli('lb1', WRITE.address, WRITE.port, 'INFO', 'replication')).toContain('role:master');
    await waitFor('the write read back through the read VIP', 10_000, async () =>
      (await cli('lb1', READ.address, READ.port, 'GET', 'lab:k')) === 'v1' ? true : undefined,
    );
    expect(await cli('lb1', READ.address, READ.port, 'INFO', 'replication')).toContain('role:slave');
    // the same over IPv6: the VIPs' address6, held by the pair's IPv6 instance and bound by HAProxy
    const write6 = dataVip(fixture!.site, 'cache', 'write', 'ipv6');
    const read6 = dataVip(fixture!.site, 'cache', 'read', 'ipv6');
    expect(await cli('lb1', write6.address, write6.port, 'SET', 'lab:k6', 'v6')).toBe('OK');
    await waitFor('the IPv6 write read back through the IPv6 read VIP', 10_000, async () =>
      (await cli('lb1', read6.address, read6.port, 'GET', 'lab:k6')) === 'v6' ? true : undefined,
    );
    console.log(
      `lab data tier: written through [${write6.address}]:${write6.port}, read back through [${read6.address}]:${read6.port}`,
    );
  }, 60_000);

  it('GIVEN writes through the write VIP WHEN the primary’s redis-server is SIGKILLed THEN a replica is promoted and writes fail for at most the budget; the restarted old primary becomes a replica', async () => {
    // one write every 20 ms from lb1, a new connection each
    await loopInLb1('/tmp/writes.log', WRITE.address, WRITE.port, 'SET lab:w:$i $i');
    await waitFor('30 writes acknowledged', 20_000, async () =>
      (await writes()).filter((w) => w.ok).length >= 30 ? true : undefined,
    );
    expect((await writes()).every((w) => w.ok)).toBe(true);
    // the fault goes in only while every Sentinel acts (docs/timers-and-budgets.md, TILT)
    await waitFor('every Sentinel out of TILT', 40_000, async () =>
      (await noneInTilt(askSentinel, Object.keys(SENTINELS))) ? true : undefined,
    );

    const pid = (await lab.exec('redis1', 'cat', '/run/redis/redis-server.pid')).stdout.trim();
    const killedAt = Date.now();
    expect((await lab.exec('redis1', 'kill', '-9', pid)).code).toBe(0);
    await waitFor(
      'writes acknowledged again for a second',
      splitVoteBoundMs(budget.budgetMs!, failoverTimeoutMs) + 5000,
      async () => (backForASecond(await writes(), killedAt) ? true : undefined),
    );
    const { ms: outageMs, failed, replies } = outageAfter(await writes(), killedAt);
    const said = await sentinelsSay();
    promoted = said[0]!;
    console.log(
      `lab data tier: SIGKILL of redis1's redis-server: ${promoted} promoted; writes through the write VIP failed for ${outageMs} ms (${failed.length} failed: ${replies}; predicted ${budget.expectedOutageMs} ms, budget ${budget.budgetMs} ms)`,
    );
    expect(['redis2', 'redis3']).toContain(promoted);
    expect(
      said.every((s) => s === promoted),
      said.join(' '),
    ).toBe(true);
    const logged = await labTimeline(killedAt);
    // a split first vote is Sentinel's, outside the budget's prediction: it retries after 2 ×
    // failover-timeout (docs/data-tier.md, "A split vote"); said, and held to that bound
    const aborted = failedElections(logged);
    if (aborted)
      console.log(
        `lab data tier: the Sentinels' first election failed (${aborted} candidates gave up): Sentinel retried after 2 × failover-timeout; writes failed for ${outageMs} ms, bound ${splitVoteBoundMs(budget.budgetMs!, failoverTimeoutMs)} ms`,
      );
    expect(outageMs, `what the lab's Sentinels and members logged:\n${logged}`).toBeLessThanOrEqual(
      aborted ? splitVoteBoundMs(budget.budgetMs!, failoverTimeoutMs) : budget.budgetMs!,
    );

    // the old primary back, through the node's init script: Sentinel re-points it
    const restarted = await lab.exec('redis1', 'service', 'redis-server', 'start');
    expect(restarted.code, restarted.stdout + restarted.stderr).toBe(0);
    const convertedIn = Date.now();
    await waitFor('redis1 a replica of the new primary', 60_000, async () => {
      const info = await cli('redis1', MEMBERS.redis1, 6379, 'INFO', 'replication');
      return info.includes('role:slave') &&
        info.includes(`master_host:${MEMBERS[promoted as keyof typeof MEMBERS]}`)
        ? true
        : undefined;
    });
    console.log(
      `lab data tier: the restarted redis1 was a replica of ${promoted} after ${Date.now() - convertedIn} ms`,
    );
  }, 150_000);

  it('GIVEN reads through the read VIP and writes through the write VIP WHEN a replica’s redis-server is SIGKILLed THEN reads fail for at most the budget and no write fails (one replica is enough: min-replicas-to-write 1)', async () => {
    expect(promoted).not.toBe('');
    victim = ['redis2', 'redis3'].find((m) => m !== promoted)!;
    const reads = () => logged('/tmp/reads.log', (r) => r === 'v1');
    await loopInLb1('/tmp/reads.log', READ.address, READ.port, 'GET lab:k');
    await waitFor('30 reads answered', 20_000, async () =>
      (await reads()).filter((r) => r.ok).length >= 30 ? true : undefined,
    );
    // both replicas in sync with the new primary before the fault
    await waitFor('two replicas in sync with the new primary', 30_000, async () =>
      (await cli(promoted, MEMBERS[promoted as keyof typeof MEMBERS], 6379, 'INFO', 'replication')).includes(
        'min_slaves_good_slaves:2',
      )
        ? true
        : undefined,
    );
    const pid = (await lab.exec(victim, 'cat', '/run/redis/redis-server.pid')).stdout.trim();
    const killedAt = Date.now();
    expect((await lab.exec(victim, 'kill', '-9', pid)).code).toBe(0);
    await new Promise((r) => setTimeout(r, 3000));
    await waitFor('reads answered again for a second', budget.budgetMs! + 20_000, async () =>
      backForASecond(await reads(), killedAt) ? true : undefined,
    );
    const r = outageAfter(await reads(), killedAt);
    const w = outageAfter(await writes(), killedAt);
    console.log(
      `lab data tier: SIGKILL of ${victim}'s redis-server (a replica): reads through the read VIP failed for ${r.ms} ms (${r.failed.length} failed: ${r.replies}); writes through the write VIP: ${w.failed.length} failed`,
    );
    expect(r.ms).toBeLessThanOrEqual(budget.budgetMs!);
    expect(w.failed.map((x) => x.reply)).toEqual([]);
    // verify: exit 1, and only the Sentinels' views, the two members' replication and the HAProxy
    // pair's read backends fail, each naming the dead replica
    const v = await lab.verify(15);
    expect(v.code, v.stderr).toBe(1);
    const failedChecks = (
      JSON.parse(v.stdout || '{}') as { results: { id: string; ok: boolean; seen: string }[] }
    ).results.filter((x) => !x.ok);
    const sentinelViews = Object.keys(SENTINELS).map((n) => `sentinel:${n}:cache`);
    expect(failedChecks.map((x) => x.id).sort(), JSON.stringify(failedChecks)).toEqual(
      [
        ...sentinelViews,
        `replica-lag:${promoted}`,
        `replica-lag:${victim}`,
        'data-backends:web1:cache',
        'data-backends:web2:cache',
      ].sort(),
    );
    const seen = new Map(failedChecks.map((x) => [x.id, x.seen]));
    for (const id of sentinelViews)
      expect(seen.get(id), id).toMatch(new RegExp(`^primary ${promoted}; replica ${victim} \\S*s_down`));
    expect(seen.get(`replica-lag:${promoted}`)).toBe(`primary; ${victim} not connected`);
    expect(seen.get(`replica-lag:${victim}`)).toMatch(/Connection refused/);
    for (const web of ['web1', 'web2'])
      expect(seen.get(`data-backends:${web}:cache`)).toBe(
        `primary ${promoted}; ${victim} not UP in cache_replicas`,
      );
  }, 120_000);

  it('GIVEN the lab, the killed replica restarted WHEN `fabric lab failover` crashes a replica (redis1) and then the primary THEN each is within the budget on its data probes (a split first vote held to Sentinel’s own bound), the replica’s costs no write, and verify is green after each', async () => {
    await stopLoops();
    expect((await lab.exec(victim, 'service', 'redis-server', 'start')).code).toBe(0);
    const { report, stderr } = await crashMembers(lab, SITE, ['redis1', promoted]);
    // redis1, the old primary, is a replica of the promoted member now: a replica's crash, then the primary's
    expect(
      report.scenarios?.map((s) => s.id),
      stderr,
    ).toEqual(['redis1/crash', `${promoted}/crash`]);
    // a write and a read probe per VIP address (IPv4 and IPv6), through the member of the HAProxy pair holding it
    expect(report.probes?.data).toBe(4);
    for (const s of report.scenarios!) {
      console.log(
        `lab data tier: lab failover ${s.id}: ${s.verdict}, outage ${s.failover.maxOutageMs} ms, ${writesFailed(s)} writes failed${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}`,
      );
      expect(s.probes.filter((p) => p.kind === 'data')).toHaveLength(4);
      expect(s.converged, s.id).toBe(true);
      if (s.verdict === 'pass') continue;
      // over budget only for a split first vote (docs/data-tier.md, "A split vote"), and then within its bound
      const logged = await labTimeline(Date.parse(s.injectedAt));
      expect(failedElections(logged), `${s.id}: ${s.reasons.join('; ')}\n${logged}`).toBeGreaterThan(0);
      expect(s.failover.maxOutageMs).toBeLessThanOrEqual(
        splitVoteBoundMs(budget.budgetMs!, failoverTimeoutMs),
      );
    }
    // the replica's crash costs no write; the primary's does
    expect(writesFailed(report.scenarios![0]!)).toBe(0);
    expect(writesFailed(report.scenarios![1]!)).toBeGreaterThan(0);
  }, 600_000);

  it('GIVEN writes through the write VIP on the old password WHEN the cache’s password is changed and pushed THEN every member takes the new one beside the old before the first wave and drops the old after the last: no write fails but for the old password at the end, no member is ever DOWN in HAProxy, verify is green', async () => {
    const fabric = (...args: string[]) =>
      runFabric(['--inventory', lab.inventory, ...args], {
        cwd: lab.dir,
        env: { FABRIC_SSH_CONFIG: join(lab.dir, 'lab', `clab-${lab.name}`, 'ssh_config') },
      });
    const NEW = 'lab-cache-auth-rotated-42';
    const secrets = join(lab.dir, 'secrets.yaml');
    writeFileSync(
      secrets,
      readFileSync(secrets, 'utf8').replace(`shop-cache-auth: ${password}`, `shop-cache-auth: ${NEW}`),
    );
    expect(readFileSync(secrets, 'utf8')).toContain(NEW);
    const render = await fabric('render', '--site', SITE);
    expect(render.code, render.stderr).toBe(0);
    await loopInLb1('/tmp/old-pass.log', WRITE.address, WRITE.port, 'SET lab:p:$i $i');
    const oldPass = () => logged('/tmp/old-pass.log', (r) => r === 'OK');
    await waitFor('10 writes on the old password', 20_000, async () =>
      (await oldPass()).filter((w) => w.ok).length >= 10 ? true : undefined,
    );
    const pushed = await fabric('push', '--site', SITE, '--yes', '--json');
    process.stderr.write(pushed.stderr);
    const report = JSON.parse(pushed.stdout || '{}') as {
      pushId: string;
      result: string;
      message: string;
      credentials?: { device: string; before: string; after: string; ok: boolean }[];
    };
    expect(report.result, `${report.message}\n${pushed.stderr}`).toBe('ok');
    expect(report.credentials?.map((c) => [c.device, c.before, c.after])).toEqual(
      Object.keys(MEMBERS).map((m) => [
        m,
        'redis-server accepts the new password beside the old one',
        'redis-server accepts the new password only',
      ]),
    );
    // the Sentinel HAProxy asks on web1 took the new auth-pass by SENTINEL SET: never restarted
    const onWeb1 = await lab.exec('web1', 'cat', `/var/lib/fabric/push/${report.pushId}/log`);
    expect(onWeb1.stdout).toContain('redis-sentinel: not restarted');
    await stopLoops();
    // the VIP served the old password through every wave: its only failures are the old password's
    // refusal once the push had dropped it, never a connection refused or a timeout
    const log = await oldPass();
    const firstFailure = log.findIndex((w) => !w.ok);
    const after = firstFailure < 0 ? [] : log.slice(firstFailure);
    console.log(
      `lab data tier: password pushed: ${log.filter((w) => w.ok).length} writes on the old password acknowledged during the push, then refused (${after.length} refused: ${[...new Set(after.map((w) => w.reply))].join(' | ')})`,
    );
    expect(
      after.every((w) => /WRONGPASS|invalid username-password/.test(w.reply)),
      after.map((w) => w.reply).join('\n'),
    ).toBe(true);
    for (const member of Object.keys(MEMBERS) as (keyof typeof MEMBERS)[]) {
      const ping = (auth: string) =>
        lab.exec(
          member,
          'timeout',
          '2',
          'redis-cli',
          '-h',
          MEMBERS[member],
          '--no-auth-warning',
          '-a',
          auth,
          'PING',
        );
      expect((await ping(NEW)).stdout.trim(), member).toBe('PONG');
      // redis-cli says AUTH failed on stderr, then the server's NOAUTH to the PING
      const refused = await ping(password);
      expect(`${refused.stdout}${refused.stderr}`, member).toMatch(/WRONGPASS|NOAUTH/);
    }
    const written = await lab.exec(
      'lb1',
      'timeout',
      '2',
      'redis-cli',
      '-h',
      WRITE.address,
      '-p',
      String(WRITE.port),
      '--no-auth-warning',
      '-a',
      NEW,
      'SET',
      'lab:rotated',
      '1',
    );
    expect(written.stdout.trim()).toBe('OK');
    // HAProxy (the worker of its last reload) never took the member that serves down: the primary
    // in the write backend, the replicas in the read one, each UP and never DOWN since
    for (const web of ['web1', 'web2']) {
      const stat = (await lab.exec(web, 'sh', '-c', 'echo "show stat" | socat stdio /run/haproxy/admin.sock'))
        .stdout;
      const [header, ...rows] = stat
        .replace(/^# /, '')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const col = (name: string) => header!.indexOf(name);
      const serving = rows.filter(
        (r) =>
          /^cache_(primary|replicas)$/.test(r[col('pxname')]!) &&
          r[col('status')] === 'UP' &&
          /^redis\d$/.test(r[col('svname')]!),
      );
      expect(serving.length, `${web}: a primary and two replicas UP\n${stat}`).toBe(3);
      for (const r of serving)
        expect(`${web} ${r[col('pxname')]}/${r[col('svname')]} chkdown=${r[col('chkdown')]}`).toMatch(
          /chkdown=0$/,
        );
    }
    const verify = await lab.verify(120);
    expect(verify.code, verify.stdout).toBe(0);
  }, 600_000);
});
