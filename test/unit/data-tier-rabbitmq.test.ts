import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsAmqpWorker, runsProxy, runsRabbitmq } from '../../src/model/runs.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { inventoryWith } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-mq', 'inventory');
const TENANTS = 'data-mq-tenants.yaml';

/** The fixture with one of its files edited. */
const fixtureWith = (file: string, edit: (text: string) => string) => inventoryWith(FIXTURE, file, edit);
const codes = (inventory: string, ...wanted: string[]) =>
  runPipeline(inventory).findings.filter((f) => wanted.includes(f.code));

describe('the data-mq fixture’s secrets', () => {
  it('GIVEN a rabbitmq service with a cookie THEN the site’s secrets (show --json) list the cookie beside the password', () => {
    const site = runPipeline(FIXTURE).model!.sites[0]!;
    expect(site.secrets).toEqual(expect.arrayContaining(['shop-jobs-broker', 'shop-jobs-cookie']));
  });
});

describe('a worker VM listed twice', () => {
  it('GIVEN worker1 consuming jobs and jobs2 THEN data-worker-listed-twice at the second entry: its one consumer would leave jobs2 without one', () => {
    const r = runPipeline(
      fixtureWith('data-mq-tenants.yaml', (t) =>
        t.replace(
          '          - { device: worker1, queue: jobs }',
          '          - { device: worker1, queue: jobs }\n          - { device: worker1, queue: jobs2 }',
        ),
      ),
    );
    const f = r.findings.filter((x) => x.code === 'data-worker-listed-twice');
    expect(f.map((x) => [x.severity, x.path])).toEqual([
      ['error', ['tenants', 'shop', 'data', 'mq', 'workers', 1, 'device']],
    ]);
    expect(f[0]!.message).toMatch(/^worker1 is already a worker of mq: /);
  });
});

describe('the data-mq fixture compiled', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;
  const device = (name: string) => site.devices.find((x) => x.name === name)!;
  const mq = (name: string) => {
    const d = device(name);
    if (!runsRabbitmq(d)) throw new Error(`${name} runs no RabbitMQ`);
    return d.rabbitmq;
  };

  it('GIVEN mq1..mq3 THEN each runs rabbitmq-server, one cluster of the three by long names on the data segment', () => {
    for (const name of ['mq1', 'mq2', 'mq3']) expect(device(name).daemons).toContain('rabbitmq-server');
    expect(mq('mq2').nodeName).toBe('rabbit@10.20.3.42');
    expect(mq('mq2').clusterNodes).toEqual([
      { index: 1, name: 'rabbit@10.20.3.41' },
      { index: 2, name: 'rabbit@10.20.3.42' },
      { index: 3, name: 'rabbit@10.20.3.43' },
    ]);
    expect(mq('mq2').targetClusterSize).toBe(3);
    expect(mq('mq2').amqp).toEqual({ address: '10.20.3.42', port: 5672 });
    expect(mq('mq2').management).toEqual({ address: '10.20.3.42', port: 15672 });
    expect(mq('mq2').cookie).toEqual({ secret: 'shop-jobs-cookie', use: 'rabbitmq-cookie' });
  });

  it('GIVEN the default timers THEN pause_minority, net_ticktime 10 s, heartbeat 10 s; the worker’s queue is a durable quorum queue, the application user declares nothing', () => {
    const m = mq('mq1');
    expect([m.partitionHandling, m.netTicktimeS, m.heartbeatS]).toEqual(['pause_minority', 10, 10]);
    expect(m.definitions.queues).toEqual([
      { name: 'jobs', vhost: '/', durable: true, autoDelete: false, type: 'quorum' },
    ]);
    expect(m.definitions.users.map((u) => [u.name, u.tags])).toEqual([
      ['monitoring', ['monitoring']],
      ['mq', []],
    ]);
    expect(m.definitions.permissions).toEqual([
      { user: 'monitoring', vhost: '/', configure: '^$', write: '^$', read: '^$' },
      { user: 'mq', vhost: '/', configure: '^$', write: '.*', read: '.*' },
    ]);
  });

  it('GIVEN web1 THEN the AMQP VIP goes to every node, leastconn, checked through the management API’s local-alarms with basic auth encoded by HAProxy', () => {
    const web1 = device('web1');
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    const b = web1.haproxy.tcpBackends.find((x) => x.name === 'mq_nodes')!;
    expect([b.holds, b.balance, b.serverCheck.shutdownSessionsOnDown]).toEqual(['nodes', 'leastconn', true]);
    expect(b.servers.map((s) => `${s.name} ${s.address}:${s.port}`)).toEqual([
      'mq1 10.20.3.41:5672',
      'mq2 10.20.3.42:5672',
      'mq3 10.20.3.43:5672',
    ]);
    expect(b.tcpCheck.map((s) => s.verb)).toEqual(['connect', 'connect', 'send-lf', 'expect rstring']);
    expect(b.tcpCheck[2]!.text).toContain('/api/health/checks/local-alarms');
    expect(b.tcpCheck[2]!.secret).toEqual({ secret: 'shop-jobs-broker', use: 'rabbitmq-auth' });
    expect(web1.haproxy.tcpFrontends.map((f) => [f.name, f.backend])).toEqual([['mq_amqp', 'mq_nodes']]);
  });

  it('GIVEN the default checks THEN the data-write prediction is HAProxy’s detection of a lost node plus the leader election: 200 + 2 × 200 + 100 + 1000 ms', () => {
    const b = site.budgets.find((x) => x.kind === 'data-write' && x.subject === 'shop/mq')!;
    expect([b.expectedOutageMs, b.budgetMs, b.met]).toEqual([1700, 5000, true]);
    expect(b.members).toEqual(['mq1', 'mq2', 'mq3']);
  });

  it('GIVEN worker1 THEN amqp-consume on the AMQP VIP, the queue jobs, an auth file', () => {
    const w = device('worker1');
    if (!runsAmqpWorker(w)) throw new Error('worker1 runs no worker');
    expect(w.daemons).toContain('amqp-worker');
    expect(w.amqpWorker.server).toEqual({ address: '10.20.2.60', port: 5672 });
    expect([w.amqpWorker.queue, w.amqpWorker.username, w.amqpWorker.prefetch]).toEqual(['jobs', 'mq', 1]);
    expect(w.amqpWorker.authFile).toBe('/etc/fabric/amqp-worker/mq.auth');
  });

  it('GIVEN the fixture THEN one RabbitMQ finding: a node’s silent loss (1.25 × net_ticktime 10 s + the election) over the budget, a warning at the service', () => {
    const found = r.findings.filter((f) => /rabbitmq|data-/.test(f.code));
    expect(found.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['rabbitmq-node-loss-over-budget', 'warning', ['tenants', 'shop', 'data', 'mq']],
    ]);
    expect(found[0]!.message).toMatch(
      /up to 13500 ms .* over its budget of 5000 ms; a node's crash costs 1700 ms/,
    );
  });
});

describe('the RabbitMQ findings', () => {
  it('GIVEN two members THEN rabbitmq-quorum-at-risk at the members: the quorum queues need a majority', () => {
    const inv = fixtureWith(TENANTS, (t) => t.replace(/^ {10}- \{ device: mq3, role: node \}\n/m, ''));
    const found = codes(inv, 'rabbitmq-quorum-at-risk');
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ['error', ['tenants', 'shop', 'data', 'mq', 'members']],
    ]);
    expect(found[0]!.message).toMatch(/^rabbitmq service mq has 2 members \(mq1, mq2\)/);
  });

  it('GIVEN mq3 on mq1’s hypervisor THEN rabbitmq-quorum-at-risk: losing hv1 leaves 1 of 3 nodes', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace('mq3: { role: vm, id: 80, host: hv2,', 'mq3: { role: vm, id: 80, host: hv1,'),
    );
    expect(codes(inv, 'rabbitmq-quorum-at-risk')[0]!.message).toMatch(
      /^losing hv1 leaves 1 of the 3 nodes of mq/,
    );
  });

  it('GIVEN no auth and no cookie THEN two errors at the service, and no backend without a monitoring password', () => {
    const inv = fixtureWith(TENANTS, (t) => t.replace(/^ {8}(auth|cookie): .*\n/gm, ''));
    const r = runPipeline(inv);
    expect(
      r.findings
        .filter((f) => f.code.startsWith('rabbitmq-without'))
        .map((f) => [f.code, f.severity, f.path]),
    ).toEqual([
      ['rabbitmq-without-auth', 'error', ['tenants', 'shop', 'data', 'mq']],
      ['rabbitmq-without-cookie', 'error', ['tenants', 'shop', 'data', 'mq']],
    ]);
    expect(r.findings.some((f) => f.code === 'data-without-auth')).toBe(false);
  });

  it('GIVEN net_ticktime 3 THEN the silent loss (3750 + 1000 ms) meets the budget: no warning', () => {
    const inv = fixtureWith('data-mq.yaml', (t) =>
      t.replace('defaults:\n', 'defaults:\n  rabbitmq: { net_ticktime: 3 }\n'),
    );
    expect(codes(inv, 'rabbitmq-node-loss-over-budget')).toEqual([]);
    const mq1 = runPipeline(inv).model!.sites[0]!.devices.find((d) => d.name === 'mq1')!;
    expect(runsRabbitmq(mq1) && mq1.rabbitmq.netTicktimeS).toBe(3);
  });

  it('GIVEN a worker and only a read VIP THEN rabbitmq-read-vip and rabbitmq-workers-without-vip', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace('amqp: { role: write, segment: app', 'amqp: { role: read, segment: app'),
    );
    expect(codes(inv, 'rabbitmq-read-vip', 'rabbitmq-workers-without-vip').map((f) => f.code)).toEqual([
      'rabbitmq-read-vip',
      'rabbitmq-workers-without-vip',
    ]);
  });

  it('GIVEN a postgres member written role: node THEN data-member-role', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace('kind: rabbitmq', 'kind: postgres').replace(/^ {8}(cookie|workers): .*\n/gm, ''),
    );
    expect(codes(inv, 'data-member-role').length).toBe(3);
  });
});
