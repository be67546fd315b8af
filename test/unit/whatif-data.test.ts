/**
 * whatif and the data tier (issue 12, src/whatif/data-services.ts): a failure that takes the
 * inventory's primary is a Sentinel failover, which costs writes the `data-write` budget's
 * prediction while enough Sentinels are left to elect one, and stops writes when not; a replica
 * lost narrows reads, the last one stops writes (`min-replicas-to-write`); the HAProxy pair
 * narrowed is said too. data-a: redis1 (primary) and web1 on hv1, redis2 and web2 on hv3, redis3
 * on hv2; five Sentinels (the members and the HAProxy pair), three needed. data-pg: pg1 (primary)
 * and web1 on hv1, pg3 on hv2 (both rack r1), pg2 and web2 on hv3; an etcd on each member.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RABBITMQ_DAEMON } from '../../src/model/runs.js';
import { analyseOne, analyseSite, baselineOf } from '../../src/whatif/analyse.js';
import { dataPlans } from '../../src/whatif/data-services.js';
import type { ScenarioResult } from '../../src/whatif/types.js';
import { REPO } from '../support/cli.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { renderExample } from '../support/render.js';
import { scenarioResult } from '../support/whatif.js';

const [dataA] = renderExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
const site = dataA!.site;

/** The data tier's impacts of a scenario of failed hypervisors, as `severity detail`. */
function dataImpactsOf(r: ScenarioResult): string[] {
  return r.impacts.filter((i) => i.service === 'redis').map((i) => `${i.severity} ${i.detail}`);
}
const failing = (...devices: string[]) =>
  analyseOne(site, {
    name: devices.join('+'),
    kind: devices.length > 1 ? 'combined' : 'host',
    devices,
    links: [],
  }).results[0]!;

describe('whatif: the data services a failure costs', () => {
  it('GIVEN data-a THEN its plan is the model’s: members, the inventory’s primary, five Sentinels of which three are needed, the HAProxy pair, the budget', () => {
    expect(dataPlans(site)).toEqual([
      {
        service: 'shop/cache',
        kind: 'redis',
        daemon: 'redis',
        members: ['redis1', 'redis2', 'redis3'],
        primary: 'redis1',
        electors: ['redis1', 'redis2', 'redis3', 'web1', 'web2'],
        electorsAre: 'Sentinels',
        promoter: 'the Sentinels',
        needed: 3,
        proxies: ['web1', 'web2'],
        auth: true,
        clientUser: null,
        minReplicasToWrite: 1,
        predictedMs: 4800,
        budgetMs: 5000,
      },
    ]);
    expect(baselineOf(ipv4OnlySite('idc-a')).services.data.size).toBe(0);
  });

  it('GIVEN every single failure THEN hv1 (the primary, web1) is a failover within budget, hv3 (a replica, web2) narrows reads; of all, only rack r1 breaks the cache: three of five Sentinels are in it', () => {
    const report = analyseSite(site);
    expect(dataImpactsOf(scenarioResult(report, 'hv1'))).toEqual([
      'degraded shop/cache: primary redis1 down: the Sentinels promote one of redis2, redis3; writes fail for up to 4800 ms (budget 5000 ms)',
      'degraded shop/cache: reached through web2 only',
    ]);
    expect(dataImpactsOf(scenarioResult(report, 'hv3'))).toEqual([
      'degraded shop/cache: replicas redis3 left of redis2, redis3',
      'degraded shop/cache: reached through web1 only',
    ]);
    expect(dataImpactsOf(scenarioResult(report, 'hv4'))).toEqual([]);
    // redis1 and web1 on hv1, redis3 on hv2: rack r1 holds the primary and three Sentinels
    expect(
      report.results
        .filter((r) => r.impacts.some((i) => i.service === 'redis' && i.severity === 'breaks'))
        .map((r) => [r.scenario.name, dataImpactsOf(r)[0]]),
    ).toEqual([
      [
        'rack:r1',
        'breaks shop/cache: primary redis1 down and 2 of 5 Sentinels left (a failover needs 3): writes fail until it returns',
      ],
    ]);
  });

  it('GIVEN two hypervisors THEN the primary without a Sentinel majority, the last replica gone and every member or HAProxy gone break it, saying why', () => {
    expect(dataImpactsOf(failing('hv1', 'hv2'))).toEqual([
      'breaks shop/cache: primary redis1 down and 2 of 5 Sentinels left (a failover needs 3): writes fail until it returns',
      'degraded shop/cache: reached through web2 only',
    ]);
    expect(dataImpactsOf(failing('hv2', 'hv3'))).toEqual([
      'breaks shop/cache: no replica left (redis2, redis3 down): the primary redis1 refuses writes (min-replicas-to-write 1)',
      'degraded shop/cache: 2 of 5 Sentinels left: no failover if the primary fails (needs 3)',
      'degraded shop/cache: reached through web1 only',
    ]);
    expect(dataImpactsOf(failing('hv1', 'hv3'))).toEqual([
      'breaks shop/cache: no HAProxy left to reach it (web1, web2 down)',
    ]);
    expect(failing('hv1', 'hv2').verdict).toBe('breaks');
  });

  it('GIVEN the primary and a replica down THEN the last member is promoted but, without a replica, refuses writes: it breaks (min-replicas-to-write), as the last replica lost does', () => {
    const r = failing('redis1', 'redis2');
    expect(dataImpactsOf(r)).toEqual([
      'breaks shop/cache: primary redis1 down: the Sentinels promote redis3, which has no replica left and refuses writes (min-replicas-to-write 1)',
    ]);
    expect(r.verdict).toBe('breaks');
  });
});

describe('whatif: a PostgreSQL service (Patroni, etcd)', () => {
  const [dataPg] = renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'));
  const pg = dataPg!.site;
  const impacts = (r: ScenarioResult) =>
    r.impacts.filter((i) => i.service === 'patroni').map((i) => `${i.severity} ${i.detail}`);
  const failingPg = (...devices: string[]) =>
    analyseOne(pg, { name: devices.join('+'), kind: 'combined', devices, links: [] }).results[0]!;

  it('GIVEN data-pg THEN its plan: the inventory’s primary, the three etcd members of which two are needed, and the node-loss prediction (the leader lock’s ttl), not the crash’s', () => {
    expect(dataPlans(pg)).toEqual([
      expect.objectContaining({
        service: 'shop/db',
        kind: 'postgres',
        daemon: 'patroni',
        members: ['pg1', 'pg2', 'pg3'],
        primary: 'pg1',
        electors: ['pg1', 'pg2', 'pg3'],
        needed: 2,
        proxies: ['web1', 'web2'],
        auth: true,
        clientUser: 'db',
        minReplicasToWrite: 0,
        predictedMs: 22300,
        budgetMs: 5000,
      }),
    ]);
  });

  it('GIVEN the primary’s hypervisor THEN Patroni promotes a replica, writes failing for the leader lock’s ttl; GIVEN two etcd members lost with the primary up THEN Patroni demotes it: breaks', () => {
    expect(impacts(failingPg('hv1'))).toEqual([
      'degraded shop/db: primary pg1 down: Patroni promotes one of pg2, pg3; writes fail for up to 22300 ms (budget 5000 ms)',
      'degraded shop/db: reached through web2 only',
    ]);
    expect(impacts(failingPg('hv3'))).toEqual([
      'degraded shop/db: replicas pg3 left of pg2, pg3',
      'degraded shop/db: reached through web1 only',
    ]);
    expect(impacts(failingPg('hv2', 'hv3'))).toEqual([
      'breaks shop/db: 1 of 3 etcd members left (needs 2): Patroni demotes the primary pg1, which cannot renew its leader lock: writes fail until a majority returns',
      'degraded shop/db: no replica left (pg2, pg3 down): reads go to the primary pg1',
      'degraded shop/db: reached through web1 only',
    ]);
    // rack r1 holds pg1 and pg3: the primary and two of the three etcd members
    const report = analyseSite(pg);
    expect(
      report.results
        .filter((r) => r.impacts.some((i) => i.service === 'patroni' && i.severity === 'breaks'))
        .map((r) => r.scenario.name),
    ).toEqual(['rack:r1']);
  });
});

/**
 * data-mq: mq1 on hv1 and mq3 on hv2 (both rack r1), mq2 on hv3 (rack r2); the HAProxy pair web1
 * (hv1) and web2 (hv3). Nothing is promoted: every node serves, and the quorum queues need two of
 * the three nodes.
 */
describe('whatif: a RabbitMQ service (quorum queues, pause_minority)', () => {
  const [dataMq] = renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory'));
  const mq = dataMq!.site;
  const impacts = (r: ScenarioResult) =>
    r.impacts.filter((i) => i.service === RABBITMQ_DAEMON).map((i) => `${i.severity} ${i.detail}`);
  const failingMq = (...devices: string[]) =>
    analyseOne(mq, { name: devices.join('+'), kind: 'combined', devices, links: [] }).results[0]!;

  it('GIVEN data-mq THEN its plan: no primary, the three nodes as electors of which two are needed, the application user, and the node-loss prediction (net_ticktime), not the crash’s', () => {
    expect(dataPlans(mq)).toEqual([
      {
        service: 'shop/mq',
        kind: 'rabbitmq',
        daemon: RABBITMQ_DAEMON,
        members: ['mq1', 'mq2', 'mq3'],
        primary: null,
        electors: ['mq1', 'mq2', 'mq3'],
        electorsAre: 'nodes',
        promoter: null,
        needed: 2,
        proxies: ['web1', 'web2'],
        auth: true,
        clientUser: 'mq',
        minReplicasToWrite: 0,
        predictedMs: 13500,
        budgetMs: 5000,
      },
    ]);
  });

  it('GIVEN one node’s device or hypervisor THEN degraded: the others serve, publishes wait for the node-loss prediction; GIVEN an HAProxy THEN reached through the other', () => {
    expect(impacts(failingMq('mq2'))).toEqual([
      'degraded shop/mq: node mq2 down: its clients reconnect through the VIP to mq1, mq3, where the quorum queues it led elect a leader; publishes fail for up to 13500 ms (budget 5000 ms)',
    ]);
    expect(impacts(failingMq('hv1'))).toEqual([
      'degraded shop/mq: node mq1 down: its clients reconnect through the VIP to mq2, mq3, where the quorum queues it led elect a leader; publishes fail for up to 13500 ms (budget 5000 ms)',
      'degraded shop/mq: reached through web2 only',
    ]);
    expect(impacts(failingMq('web2'))).toEqual(['degraded shop/mq: reached through web1 only']);
    expect(failingMq('mq2').verdict).toBe('degraded');
  });

  it('GIVEN a majority of the nodes, every node or both HAProxies lost THEN it breaks, saying why', () => {
    expect(impacts(failingMq('mq1', 'mq2'))).toEqual([
      'breaks shop/mq: 1 of 3 nodes left (the quorum queues need 2): pause_minority pauses mq3: publishing and consuming fail until a majority returns',
    ]);
    expect(impacts(failingMq('mq1', 'mq2', 'mq3'))).toEqual([
      'breaks shop/mq: no member left (mq1, mq2, mq3 down)',
    ]);
    expect(impacts(failingMq('web1', 'web2'))).toEqual([
      'breaks shop/mq: no HAProxy left to reach it (web1, web2 down)',
    ]);
  });

  it('GIVEN every single failure THEN only rack r1 breaks the cluster: it holds two of the three nodes (mq1 on hv1, mq3 on hv2), a single point of failure the fixture has', () => {
    const report = analyseSite(mq);
    expect(
      report.results
        .filter((r) => r.impacts.some((i) => i.service === RABBITMQ_DAEMON && i.severity === 'breaks'))
        .map((r) => [r.scenario.name, impacts(r)[0]]),
    ).toEqual([
      [
        'rack:r1',
        'breaks shop/mq: 1 of 3 nodes left (the quorum queues need 2): pause_minority pauses mq2: publishing and consuming fail until a majority returns',
      ],
    ]);
  });
});
