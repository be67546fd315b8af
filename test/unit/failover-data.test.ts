/**
 * `lab failover` and the data tier (issue 12): each data service's members are a group
 * (`data:<tenant>/<service>`) under the `data-write` budget, a member's crash kills its
 * redis-server (a device with only a Sentinel crashes its other daemons), and Redis probes write
 * and read through each HAProxy's frontend of each data VIP from the tenant's L4 balancer — in
 * the data services' own scenarios only. The probes' agent is exercised by the lab test
 * (test/integration/lab-data-tier.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionsPasswordSed } from '../../src/daemons/rabbitmq-server/index.js';
import { compareConsumed, consumersOf } from '../../src/failover/consumed.js';
import { annotateScenarios } from '../../src/failover/prediction.js';
import { type DataProbe, deriveProbes, probeEnds } from '../../src/failover/probe-plan.js';
import { judge, type ScenarioResult } from '../../src/failover/result.js';
import { probesOf } from '../../src/failover/run.js';
import { crashPlanOf, deriveScenarios } from '../../src/failover/scenarios.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const [dataA] = renderExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
const site = dataA!.site;
const device = (name: string) => site.devices.find((d) => d.name === name)!;

describe('lab failover: the data services’ scenarios and probes', () => {
  it('GIVEN data-a THEN data:shop/cache has each member cut, silent and crashed (its redis-server), under the data-write budget', () => {
    const { scenarios, unknown } = deriveScenarios(site, { groups: ['data:shop/cache'] });
    expect(unknown).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual(
      ['redis1', 'redis2', 'redis3'].flatMap((m) => [`${m}/cut`, `${m}/silent`, `${m}/crash`]),
    );
    const crash = scenarios.find((s) => s.id === 'redis1/crash')!;
    expect(crash.target).toMatchObject({
      kind: 'device',
      group: 'data:shop/cache',
      groupKind: 'data-members',
      crash: {
        daemon: 'redis-server',
        pidFiles: ['/run/redis/redis-server.pid'],
        restart: 'service redis-server start >/dev/null',
      },
    });
    expect(crash.budget).toMatchObject({
      label: 'shop/cache (data-write)',
      maxOutageMs: 5000,
      predictedOutageMs: 4800,
      outageOf: 'every-probe',
    });
  });

  it('GIVEN the HAProxy pair, which runs a Sentinel beside HAProxy THEN its crash is still HAProxy’s', () => {
    expect(crashPlanOf(device('web1'))?.daemon).toBe('haproxy');
    expect(crashPlanOf(device('redis2'))?.daemon).toBe('redis-server');
  });

  it('GIVEN dataProbes THEN a write and a read probe per VIP address (IPv4 and IPv6), from lb1, through the HAProxy holding it (VRRP master web1), with the service’s password; without, none (a push’s probes)', () => {
    const redis = deriveProbes(site, { dataProbes: true }).filter((p): p is DataProbe => p.kind === 'data');
    expect(redis.map((p) => p.id)).toEqual([
      'redis lb1→web1 10.20.2.41:6380 (shop/cache read)',
      'redis lb1→web1 [2001:db8:20:2::41]:6380 (shop/cache read)',
      'redis lb1→web1 10.20.2.40:6379 (shop/cache write)',
      'redis lb1→web1 [2001:db8:20:2::40]:6379 (shop/cache write)',
    ]);
    expect(redis[2]).toMatchObject({ device: 'lb1', via: 'web1', port: 6379, role: 'write', auth: true });
    expect(redis[2]!.family).toBeUndefined();
    expect(redis[3]).toMatchObject({
      address: '2001:db8:20:2::40',
      via: 'web1',
      family: 'ipv6',
      role: 'write',
    });
    expect(probeEnds(redis[2]!)).toEqual(['lb1', 'web1']);
    expect(deriveProbes(site).some((p) => p.kind === 'data')).toBe(false);
  });

  it('GIVEN a scenario THEN the Redis probes run in the data members’ scenarios only', () => {
    const probes = deriveProbes(site, { dataProbes: true });
    const { scenarios } = deriveScenarios(site, { only: ['redis1', 'web1', 'hv1'], faults: ['crash'] });
    const redisIn = (id: string) =>
      probesOf(scenarios.find((s) => s.id === id)!, probes).filter((p) => p.kind === 'data').length;
    expect(redisIn('redis1/crash')).toBe(4);
    expect(redisIn('web1/crash')).toBe(0);
    expect(probesOf(scenarios.find((s) => s.id === 'web1/crash')!, probes).length).toBe(probes.length - 4);
  });

  it('GIVEN a data member crashed THEN its scenario runs the data probes alone; the member lost (cut) runs every probe', () => {
    const probes = deriveProbes(site, { dataProbes: true });
    const { scenarios } = deriveScenarios(site, { only: ['redis1'], faults: ['crash', 'cut'] });
    const kinds = (id: string) => [
      ...new Set(probesOf(scenarios.find((s) => s.id === id)!, probes).map((p) => p.kind)),
    ];
    // a daemon killed touches no link or route; the fabric's pings only load the lab (docs/failover.md)
    expect(kinds('redis1/crash')).toEqual(['data']);
    expect(probesOf(scenarios.find((s) => s.id === 'redis1/cut')!, probes)).toHaveLength(probes.length);
  });

  it('GIVEN the pair holding the data VIPs as the group THEN an HAProxy’s scenarios carry the data probes, under the data-vip budget', () => {
    const probes = deriveProbes(site, { dataProbes: true });
    const { scenarios, unknown } = deriveScenarios(site, { groups: ['shop-data-vips'], faults: ['cut'] });
    expect(unknown).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual(['web1/cut', 'web2/cut']);
    for (const s of scenarios) {
      expect(s.budget.kind).toBe('data-vip');
      expect(probesOf(s, probes).filter((p) => p.kind === 'data')).toHaveLength(4);
    }
  });
});

describe('lab failover: RabbitMQ, a node lost and a publisher through the AMQP VIP', () => {
  const [dataMq] = renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory'));
  const mq = dataMq!.site;

  it('GIVEN data-mq THEN data:shop/mq has each node cut, silent and crashed (its beam.smp by the init script’s PID file), under the data-write budget', () => {
    const { scenarios, unknown } = deriveScenarios(mq, { groups: ['data:shop/mq'] });
    expect(unknown).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual(
      ['mq1', 'mq2', 'mq3'].flatMap((m) => [`${m}/cut`, `${m}/silent`, `${m}/crash`]),
    );
    expect(scenarios.find((s) => s.id === 'mq2/crash')!.target).toMatchObject({
      group: 'data:shop/mq',
      groupKind: 'data-members',
      crash: {
        daemon: 'rabbitmq-server',
        pidFiles: ['/run/rabbitmq/pid'],
        restart: 'service rabbitmq-server start >/dev/null',
      },
    });
    expect(scenarios[0]!.budget).toMatchObject({ label: 'shop/mq (data-write)', maxOutageMs: 5000 });
  });

  it('GIVEN dataProbes THEN one AMQP probe of the VIP from lb1, as the application user, publishing to the worker’s queue; its password is read from a node’s definitions', () => {
    const probes = deriveProbes(mq, { dataProbes: true }).filter((p): p is DataProbe => p.kind === 'data');
    expect(probes).toEqual([
      expect.objectContaining({
        protocol: 'rabbitmq',
        device: 'lb1',
        address: '10.20.2.60',
        port: 5672,
        service: 'shop/mq',
        auth: true,
        user: 'mq',
        queue: { vhost: '/', name: 'jobs' },
      }),
    ]);
    const definitions = dataMq!.rendered.files.find(
      (f) => f.device === 'mq1' && f.file === 'definitions.json',
    )!;
    const sed = spawnSync('sed', ['-n', definitionsPasswordSed('mq')], {
      input: definitions.content,
      encoding: 'utf8',
    });
    expect(sed.stdout.trim()).toMatch(/^lab-mq-auth-/);
  });
});

describe('lab failover: the worker’s side of a RabbitMQ failover (consumed.ts)', () => {
  const [dataMq] = renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory'));
  const mq = dataMq!.site;
  const probe = deriveProbes(mq, { dataProbes: true }).find((p): p is DataProbe => p.kind === 'data')!;

  it('GIVEN data-mq THEN the AMQP probe’s queue is consumed by worker1, which writes each message to its record', () => {
    expect(consumersOf(mq, probe)).toEqual([
      { device: 'worker1', output: '/var/lib/fabric/amqp-worker/jobs.log' },
    ]);
    // another queue, or a Redis probe: no workers
    expect(consumersOf(mq, { ...probe, queue: { vhost: '/', name: 'other' } })).toEqual([]);
    expect(consumersOf(mq, { ...probe, protocol: 'redis' })).toEqual([]);
  });

  it('GIVEN confirmed publishes and what the workers wrote THEN those written by none are lost, timed from the fault', () => {
    const workers = consumersOf(mq, probe);
    const check = compareConsumed(
      probe.id,
      workers,
      [1000, 1050, 1100, 1150],
      new Set([1000, 1100, 999]),
      1040,
    );
    expect(check).toEqual({
      probe: probe.id,
      workers: ['worker1'],
      confirmed: 4,
      consumed: 2,
      lost: 2,
      lostAtMs: [10, 110],
    });
  });

  it('GIVEN a scenario whose worker lost a confirmed publish THEN it fails, saying how many and where', () => {
    const r = {
      budget: { maxOutageMs: 5000, outageOf: 'every-probe' },
      failover: { maxOutageMs: 0, maxLostMs: 0, failedRequests: 0, unrecovered: [] },
      failback: { maxOutageMs: 0, maxLostMs: 0, failedRequests: 0, unrecovered: [] },
      undone: true,
      converged: true,
      injected: 'mq3: kill -9 rabbitmq-server',
      consumed: [
        {
          probe: 'amqp',
          workers: ['worker1'],
          confirmed: 40,
          consumed: 39,
          lost: 1,
          lostAtMs: [5],
          waitedMs: 30000,
          unread: [],
        },
      ],
    } as unknown as ScenarioResult;
    judge(r);
    expect(r.verdict).toBe('fail');
    expect(r.reasons).toEqual(['1 of 40 publishes amqp had confirmed never reached a worker (worker1)']);
  });
});

describe('lab failover: a Kubernetes node’s crash is its speaker’s', () => {
  it('GIVEN k8s-a THEN each node has a crash scenario that kills its speaker (every FRR daemon, or a Cilium node’s gobgpd) and starts it again', () => {
    const [k8sA] = renderExample(join(REPO, 'test', 'fixtures', 'k8s', 'inventory'));
    const { scenarios } = deriveScenarios(k8sA!.site, { groups: ['k8s-prod'], faults: ['crash'] });
    expect(scenarios.map((s) => s.id)).toEqual(['kn1/crash', 'kn2/crash', 'kn3/crash']);
    expect(scenarios[0]!.target).toMatchObject({
      crash: {
        daemon: 'speaker',
        pidFiles: ['/run/frr/*.pid', '/run/gobgpd.pid'],
        restart: '/usr/local/sbin/labnode-init start speaker',
      },
    });
    expect(scenarios[0]!.budget).toMatchObject({ label: 'k8s-prod (fabric-node)', maxOutageMs: 350 });
  });

  it('GIVEN k8s-c (Cilium) THEN a node’s scenarios are judged against the cluster’s own budget, set at its key', () => {
    const [k8sC] = renderExample(join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory'));
    const { scenarios } = deriveScenarios(k8sC!.site, { groups: ['k8s-prod'], faults: ['silent'] });
    expect(scenarios.map((s) => s.id)).toEqual(['kn1/silent', 'kn2/silent', 'kn3/silent']);
    expect(scenarios[0]!.budget).toMatchObject({ label: 'k8s-prod (fabric-node)', maxOutageMs: 4000 });
  });
});

describe('lab failover: the pooler dies (PgBouncer alone, issue 12)', () => {
  const [dataPg] = renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'));
  const pg = dataPg!.site;

  it('GIVEN data-pg THEN pgbouncer:shop/db crashes each member’s PgBouncer by its PID file, under the data-write budget, with the data probes alone and no whatif prediction of a device lost', () => {
    const { scenarios, unknown } = deriveScenarios(pg, { groups: ['pgbouncer:shop/db'] });
    expect(unknown).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual([
      'pg1:pgbouncer/crash',
      'pg2:pgbouncer/crash',
      'pg3:pgbouncer/crash',
    ]);
    const s = scenarios[0]!;
    expect(s.target).toEqual({
      kind: 'device',
      device: 'pg1',
      group: 'pgbouncer:shop/db',
      groupKind: 'data-members',
      fallen: [],
      crash: {
        daemon: 'pgbouncer',
        pidFiles: ['/var/run/postgresql/pgbouncer.pid'],
        restart: 'service pgbouncer start >/dev/null',
      },
      part: 'pgbouncer',
    });
    expect(s.budget).toMatchObject({ label: 'shop/db (data-write)', maxOutageMs: 5000 });
    const probes = deriveProbes(pg);
    expect(probesOf(s, probes).every((p) => p.kind === 'data')).toBe(true);
    expect(annotateScenarios(pg, [s], [])[0]!.whatif).toBeUndefined();
  });

  it('GIVEN --only THEN the member and its pooler are told apart: pg1 is PostgreSQL’s crash, pg1:pgbouncer the pooler’s', () => {
    const ids = (only: string[]) =>
      deriveScenarios(pg, { only, faults: ['crash'] }).scenarios.map((s) => s.id);
    expect(ids(['pg1'])).toEqual(['pg1/crash']);
    expect(ids(['pg1:pgbouncer'])).toEqual(['pg1:pgbouncer/crash']);
    expect(deriveScenarios(pg, { only: ['pg1:pgbouncer'], faults: ['cut', 'silent'] }).scenarios).toEqual([]);
    expect(deriveScenarios(pg, { only: ['pg9:pgbouncer'] }).unknown).toEqual(['pg9:pgbouncer']);
  });

  it('GIVEN data-a (Redis, no pooler) THEN no pooler group', () => {
    expect(deriveScenarios(site, { groups: ['pgbouncer:shop/cache'] }).unknown).toEqual([
      'pgbouncer:shop/cache',
    ]);
  });
});
