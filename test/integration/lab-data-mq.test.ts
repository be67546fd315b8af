/**
 * Issue 12 in the lab: RabbitMQ's cluster and its worker on the VMs of the data-mq fixture,
 * configured by fabric (docs/data-tier.md, "RabbitMQ in the lab").
 *
 * GIVEN the data-mq fixture (three RabbitMQ nodes on three hypervisors, the AMQP VIP held by the
 * HAProxy pair, worker1 consuming the `jobs` quorum queue) on a free management subnet
 * WHEN `fabric lab up --site data-mq --wait` (exit 0 asserted: the worker retries until the last
 * node to join the cluster declares its queue, and `--wait` waits for it, docs/data-tier.md)
 * THEN verify is green, every node's `rabbitmq-cluster` check among it; a message published
 * through the AMQP VIP from app1 is written by worker1 (app → MQ → worker);
 * WHEN mq2's node is SIGKILLed by the PID in its PID file THEN the node plays its systemd drop-in
 * (Restart=always, RestartSec 1 s): a new node runs within seconds and verify is green again;
 * WHEN mq2 is stopped THEN verify names it on the other nodes (not running in the cluster), and a
 * message published through the VIP still reaches the worker; WHEN it is started again THEN
 * verify is green again;
 * WHEN `fabric lab failover` crashes the `jobs` queue's leader (its beam.smp SIGKILLed by PID)
 * THEN its AMQP probe (a publisher with confirms through the VIP, src/failover/probes.ts) goes on
 * publishing, its outage judged against the data budget (a timing target: measured, not asserted),
 * the node is started again and rejoins (verify green), and worker1 has written every publish the
 * queue confirmed (src/failover/consumed.ts).
 *
 * One lab up: run it alone on the machine's lab lock:
 * `flock /tmp/fabric-lab.lock npx vitest run test/integration/lab-data-mq.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsRabbitmq } from '../../src/model/runs.js';
import { labFromFixture, waitFor } from '../fixtures/lab/support.js';
import { REPO } from '../support/cli.js';
import { crashMembers, writesFailed } from '../support/data-failover.js';
import { renderExample } from '../support/render.js';

const SITE = 'data-mq';
const FIXTURE = join(REPO, 'test', 'fixtures', 'data-mq', 'inventory');
/** The service's AMQP VIP (the HAProxy pair holds it on `app`), and its queue and worker's output. */
const AMQP_VIP = '10.20.2.60';
const QUEUE = 'jobs';
const OUTPUT = '/var/lib/fabric/amqp-worker/jobs.log';
const AUTH = '/etc/fabric/amqp-worker/mq.auth';
/** mq2's node, as rabbitmq-env.conf names it, and its PID file (Debian's init script's, which the lab runs it with). */
const MQ2 = 'rabbit@10.20.3.42';
const MQ2_PIDFILE = '/run/rabbitmq/pid';
const [fixture] = renderExample(FIXTURE);
/** Each node's name (`rabbit@<address>`) → its member. */
const NODES = new Map(
  fixture!.site.devices.flatMap((d) => (runsRabbitmq(d) ? [[d.rabbitmq.nodeName, d.name] as const] : [])),
);
/**
 * A crash must cost less than a node lost without a word: its queues wait for up to 1.25 ×
 * net_ticktime (the fixture names 13.5 s: rabbitmq-node-loss-over-budget), then elect anew. A
 * probe out for longer means the cluster did not take over.
 */
const SANITY_MS = 13_500;
/** The service's `data-write` budget (a node lost to a crash). */
const BUDGET_MS = fixture!.site.budgets.find((b) => b.kind === 'data-write' && b.subject === 'shop/mq')!
  .budgetMs!;

const lab = labFromFixture(FIXTURE, 'mq', {
  site: SITE,
  flags: ['--wait', '300'],
  packages: [{ pkg: 'rabbitmq-server' }, { pkg: 'amqp-tools' }],
});

interface VerifyJson {
  results: { id: string; kind: string; device: string; ok: boolean; seen: string }[];
}

async function verify(): Promise<{ code: number; json: VerifyJson; stderr: string }> {
  const r = await lab.verify(60);
  return { code: r.code, json: JSON.parse(r.stdout || '{"results":[]}') as VerifyJson, stderr: r.stderr };
}

/** The application user's password, from worker1's credentials file (`password:<it>`). */
async function password(): Promise<string> {
  const r = await lab.exec('worker1', 'sed', '-n', 's/^password://p', AUTH);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** Publishes `body` to the queue through the AMQP VIP from app1; true when amqp-publish succeeded. */
async function publish(body: string): Promise<boolean> {
  const r = await lab.exec(
    'app1',
    'timeout',
    '10',
    'amqp-publish',
    `--server=${AMQP_VIP}`,
    '--port=5672',
    '--vhost=/',
    '--username=mq',
    `--password=${await password()}`,
    `--routing-key=${QUEUE}`,
    '-p',
    `--body=${body}`,
  );
  return r.code === 0;
}

/** The queue as the cluster sees it and the worker's last words: what a failed wait is told with. */
async function queueState(): Promise<string> {
  const q = await lab.exec(
    'mq1',
    'rabbitmqctl',
    '-q',
    'list_queues',
    'name',
    'leader',
    'members',
    'online',
    'messages',
    'consumers',
  );
  const log = await lab.exec('worker1', 'tail', '-5', '/var/log/fabric-amqp-worker.log');
  return `queues (mq1): ${q.stdout.trim()}${q.stderr.trim()}; worker1's log: ${log.stdout.trim()}`;
}

/** Waits until worker1 has written `body` to its output; on a timeout, says where the queue stands. */
async function delivered(body: string): Promise<true> {
  try {
    // 90 s: a confirmed message is written eventually; on a loaded machine the worker's
    // connection may be moved and opened again first (no timing target here)
    return await waitFor(`worker1 to write ${body}`, 90_000, async () => {
      const r = await lab.exec('worker1', 'cat', OUTPUT);
      return r.stdout.split('\n').includes(body) ? true : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; ${await queueState()}`);
  }
}

/** Waits until verify is green; a timeout names the checks that still failed. */
function greenAgain(): Promise<true> {
  return waitFor('verify green again', 120_000, async () => {
    const r = await verify();
    if (r.code === 0) return true as const;
    const failing = r.json.results.filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`);
    throw new Error(`exit ${r.code}: ${failing.slice(0, 5).join('; ') || r.stderr.trim()}`);
  });
}

describe('RabbitMQ and its worker in the data-mq lab', () => {
  it('GIVEN lab up --wait THEN verify is green, with every node’s view of the cluster', async () => {
    const r = await verify();
    expect(r.json.results.filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const cluster = r.json.results.filter((x) => x.kind === 'rabbitmq-cluster');
    expect(cluster.map((x) => x.device).sort()).toEqual(['mq1', 'mq2', 'mq3']);
  }, 120_000);

  it('GIVEN a message published through the AMQP VIP from app1 THEN worker1 writes it (app → MQ → worker)', async () => {
    const body = `lab-${Date.now()}`;
    expect(await publish(body)).toBe(true);
    await delivered(body);
  }, 60_000);

  it('GIVEN mq2 SIGKILLed by its PID THEN its drop-in starts it again (Restart=always) and verify is green', async () => {
    const old = (await lab.exec('mq2', 'cat', MQ2_PIDFILE)).stdout.trim();
    const kill = await lab.exec('mq2', 'sh', '-c', `kill -9 "$(cat ${MQ2_PIDFILE})"`);
    expect(kill.code, kill.stderr).toBe(0);
    // RestartSec is 1 s; Debian's init script then waits until the node has booted
    const pid = await waitFor('a new mq2 node', 60_000, async () => {
      const now = (
        await lab.exec('mq2', 'sh', '-c', `p=$(cat ${MQ2_PIDFILE}) && kill -0 "$p" && echo "$p"`)
      ).stdout.trim();
      return now && now !== old ? now : undefined;
    });
    expect(pid).not.toBe(old);
    await greenAgain();
  }, 300_000);

  it('GIVEN mq2 stopped THEN verify names it and publishing through the VIP goes on; started again THEN verify is green', async () => {
    const stop = await lab.exec('mq2', 'service', 'rabbitmq-server', 'stop');
    expect(stop.code, stop.stderr + stop.stdout).toBe(0);
    try {
      const seen = await waitFor('verify to name mq2', 60_000, async () => {
        const r = await verify();
        const missing = r.json.results.filter(
          (x) => x.kind === 'rabbitmq-cluster' && x.device !== 'mq2' && !x.ok && x.seen.includes(MQ2),
        );
        return missing.length === 2 ? missing.map((x) => x.seen) : undefined;
      });
      expect(
        seen.every((s) => /not running in the cluster/.test(s)),
        seen.join('; '),
      ).toBe(true);
      // HAProxy's check took mq2 out of the VIP's servers: publishing goes on through the others
      const body = `lab-without-mq2-${Date.now()}`;
      expect(
        await waitFor('a publish through the VIP', 30_000, async () =>
          (await publish(body)) ? true : undefined,
        ),
      ).toBe(true);
      await delivered(body);
    } finally {
      const start = await lab.exec('mq2', 'service', 'rabbitmq-server', 'start');
      expect(start.code, start.stderr + start.stdout).toBe(0);
    }
    await greenAgain();
  }, 300_000);

  it('GIVEN `fabric lab failover` WHEN the jobs queue’s leader crashes (its beam.smp SIGKILLed by PID) THEN the AMQP probe’s publishes, confirmed by the queue, go on (judged against the budget), none is lost, and the node rejoins', async () => {
    const leader = await lab.exec('mq1', 'rabbitmqctl', '-q', 'list_queues', 'name', 'leader');
    const node = new RegExp(`^${QUEUE}\\s+(\\S+)`, 'm').exec(leader.stdout)?.[1];
    const member = NODES.get(node ?? '');
    expect(member, `the leader of ${QUEUE}: ${leader.stdout}${leader.stderr}`).toBeDefined();
    const { report, stderr } = await crashMembers(lab, SITE, [member!]);
    const [s] = report.scenarios ?? [];
    expect(s?.id, stderr).toBe(`${member}/crash`);
    const worker = s!.consumed?.[0];
    process.stderr.write(
      `lab data-mq: lab failover ${s!.id} (the queue's leader): ${s!.verdict}, outage ${s!.failover.maxOutageMs} ms, ${writesFailed(s!)} publishes failed${worker ? `, ${worker.workers.join(', ')} wrote ${worker.consumed} of ${worker.confirmed} confirmed` : ''}${s!.reasons.length ? ` (${s!.reasons.join('; ')})` : ''}\n`,
    );
    // one AMQP probe: the VIP's, through the HAProxy holding it
    expect(s!.probes.filter((p) => p.kind === 'data').map((p) => p.probe)).toEqual([
      expect.stringMatching(/^rabbitmq lb1→web1 10\.20\.2\.60:5672 \(shop\/mq write\)$/),
    ]);
    expect(s!.converged, stderr).toBe(true);
    expect(s!.budget.maxOutageMs).toBe(BUDGET_MS);
    // The budget is a timing target (measured: this test's log line above, docs/data-tier.md),
    // not asserted by this timed test: on a loaded 2-vCPU CI machine a node's boot beside the
    // probes starved the lab's BFD and VRRP (vRouters in FAULT, web1+web2 both master) and the
    // same crash cost 0 ms in one run and 5.6-7.2 s in another. Asserted: the fault made and
    // undone with verify green after it, the probe out for less than a node lost without a word
    // costs (SANITY_MS), every probe recovered and no confirmed publish lost: what is left of the
    // verdict's reasons (src/failover/result.ts, `judge`) is the budget's.
    expect(s!.injected, stderr).not.toBe('');
    expect(s!.undone, stderr).toBe(true);
    // every probe answering again at the end of each phase
    expect([...s!.failover.unrecovered, ...s!.failback.unrecovered], stderr).toEqual([]);
    const outage = Math.max(s!.failover.maxOutageMs, s!.failback.maxOutageMs);
    // what the probe saw and the lab failover's progress, read only when the bound is missed
    const seen =
      outage >= SANITY_MS
        ? `${JSON.stringify(s!.probes.filter((p) => p.kind === 'data'))}\n${stderr}\n${await queueState()}`
        : '';
    expect(outage, seen).toBeLessThan(SANITY_MS);
    // the worker's side: every publish the queue confirmed was written by worker1 (none lost)
    const [consumed] = s!.consumed ?? [];
    expect(consumed, stderr).toMatchObject({ workers: ['worker1'], lost: 0, unread: [] });
    expect(consumed!.confirmed, stderr).toBeGreaterThan(20);
    expect(consumed!.consumed).toBe(consumed!.confirmed);
  }, 300_000);
});
