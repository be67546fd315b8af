/**
 * The data tier in compile (issue 12, docs/data-tier.md): the follow-time formula on timers whose
 * answer is known by hand, the HAProxy model of the data-tier fixture (who is backup, what each
 * backend expects), and its budget, met and missed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFollowMs } from '../../src/compile/data-tier.js';
import { normaliseHaproxy } from '../../src/daemons/haproxy/drift.js';
import { normaliseRedis, normaliseSentinel } from '../../src/daemons/redis/drift.js';
import { runsProxy } from '../../src/model/runs.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');

describe('the write VIP following a promotion', () => {
  it('GIVEN inter 200 ms, fastinter 100 ms, timeout 200 ms, rise 2, fall 2 THEN 200 + 2 × 200 + 100 = 700 ms', () => {
    expect(dataFollowMs({ interMs: 200, fastinterMs: 100, timeoutMs: 200, rise: 2, fall: 2 })).toBe(700);
  });

  it('GIVEN rise 3 and fall 2 THEN the slower, the new primary arriving: 200 + 3 × 200 + 2 × 100 = 1000 ms', () => {
    expect(dataFollowMs({ interMs: 200, fastinterMs: 100, timeoutMs: 200, rise: 3, fall: 2 })).toBe(1000);
  });
});

describe('the data-tier fixture compiled', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;

  it('GIVEN a Redis primary and two replicas behind web1 THEN web1 has a primary backend, a replicas backend with the members as tracked backups, and a frontend per VIP', () => {
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    const { tcpFrontends, tcpBackends } = web1.haproxy;
    expect(tcpFrontends.map((f) => [f.name, f.binds[0]!.port, f.backend])).toEqual([
      ['cache_ro', 6380, 'cache_replicas'],
      ['cache_rw', 6379, 'cache_primary'],
    ]);
    const [primary, replicas] = tcpBackends;
    expect(primary!.tcpCheck.map((s) => s.text)).toContain('role:master');
    // the split-brain guard: web1's own Sentinel must name the member as the primary
    expect(primary!.tcpCheck.slice(-3)).toEqual([
      { verb: 'connect', text: 'addr 10.20.3.11 port 26379' },
      { verb: 'send', text: 'SENTINEL\\ get-master-addr-by-name\\ cache\\r\\n' },
      { verb: 'expect string-lf', text: '\\n%[var(check.member)]\\r' },
    ]);
    expect(replicas!.tcpCheck.map((s) => s.text)).toContain('role:slave');
    expect(primary!.servers.map((s) => [s.name, s.backup, s.track])).toEqual([
      ['redis1', false, null],
      ['redis2', false, null],
      ['redis3', false, null],
    ]);
    expect(replicas!.servers.filter((s) => s.backup).map((s) => s.track)).toEqual([
      'cache_primary/redis1',
      'cache_primary/redis2',
      'cache_primary/redis3',
    ]);
    expect(primary!.serverCheck).toMatchObject({
      downinter: primary!.checkInterval,
      shutdownSessionsOnDown: true,
    });
  });

  it('GIVEN the default budgets THEN the cache has a data-write budget of 5000 ms, predicted 1000 + 3000 + 700 = 4700 ms (Sentinel, then HAProxy), met', () => {
    const b = site.budgets.find((x) => x.kind === 'data-write')!;
    expect(b).toMatchObject({
      subject: 'shop/cache',
      members: ['redis1', 'redis2', 'redis3'],
      expectedOutageMs: 4700,
      budgetMs: 5000,
      met: true,
      budgetSource: null,
    });
  });

  it('GIVEN the cache with a budget of 500 ms THEN budget-exceeded is reported at that budget', () => {
    const dir = tempDir();
    cpSync(FIXTURE, join(dir, 'inventory'), { recursive: true });
    const file = join(dir, 'inventory', 'data-a-tenants.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '        kind: redis\n',
        '        kind: redis\n        budget: 500\n',
      ),
    );
    const findings = runPipeline(join(dir, 'inventory')).findings.filter((f) => f.code === 'budget-exceeded');
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^shop\/cache \(data-write\): a failure costs up to 4700 ms .* over its budget of 500 ms; lower defaults.sentinel.down_after or defaults.checks/,
      ),
    ]);
    expect(findings[0]!.path).toEqual(['tenants', 'shop', 'data', 'cache', 'budget']);
  });
});

describe('drift reads the data sections', () => {
  it('GIVEN web1’s rendered haproxy.cfg WHEN normalised THEN the role check’s steps keep their order and the named defaults is its own section', () => {
    const cfg = readFileSync(join(REPO, 'test', 'golden', 'data-a', 'web1', 'haproxy.cfg'), 'utf8');
    const sections = normaliseHaproxy(cfg);
    expect(sections.filter((s) => s.name.startsWith('defaults')).map((s) => s.name)).toEqual([
      'defaults',
      'defaults data',
    ]);
    const primary = sections.find((s) => s.name === 'backend cache_primary')!;
    expect(primary.lines.filter((l) => l.includes('tcp-check ')).slice(0, 6)).toEqual([
      '#1 tcp-check connect default',
      '#2 tcp-check set-var(check.member) bc_dst',
      '#3 tcp-check send PING\\r\\n',
      '#4 tcp-check expect string +PONG',
      '#5 tcp-check send info\\ replication\\r\\n',
      '#6 tcp-check expect string role:master',
    ]);
  });
});

describe('Redis and Sentinel for the data members', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;
  const redisOf = (name: string) => {
    const d = site.devices.find((x) => x.name === name)!;
    return 'redis' in d ? d.redis : undefined;
  };

  it('GIVEN redis1 primary, redis2 and redis3 replicas THEN each member runs redis-server on its data address, the replicas of redis1, with min-replicas-to-write 1 (two replicas)', () => {
    expect(redisOf('redis1')!.server).toMatchObject({ bind: '10.20.3.31', port: 6379, replicaOf: null });
    for (const name of ['redis2', 'redis3'])
      expect(redisOf(name)!.server).toMatchObject({
        replicaOf: { address: '10.20.3.31', port: 6379 },
        replicaPriority: 100,
        appendonly: true,
        minReplicasToWrite: 1,
        minReplicasMaxLagS: 10,
      });
    expect(site.devices.find((d) => d.name === 'redis1')!.daemons).toContain('redis');
  });

  it('GIVEN three members and the HAProxy pair THEN five Sentinels watch cache, a majority of 3, on the members and on web1/web2 (no redis-server there)', () => {
    for (const name of ['redis1', 'redis2', 'redis3', 'web1', 'web2']) {
      const s = redisOf(name)!.sentinel!;
      expect(s.port).toBe(26379);
      expect(s.monitors).toEqual([
        {
          name: 'cache',
          address: '10.20.3.31',
          port: 6379,
          quorum: 3,
          sentinels: ['redis1', 'redis2', 'redis3', 'web1', 'web2'],
          downAfterMs: 1000,
          failoverTimeoutMs: 10000,
          parallelSyncs: 1,
        },
      ]);
    }
    expect(redisOf('web1')).toMatchObject({ server: null, sentinel: { bind: '10.20.3.11' } });
    expect(redisOf('app1')).toBeUndefined();
    expect(r.findings.filter((f) => f.code === 'sentinel-quorum-at-risk')).toEqual([]);
  });

  it('GIVEN only two members THEN losing hv1 (redis1 and web1) leaves 2 of 4 Sentinels: sentinel-quorum-at-risk, and no min-replicas-to-write', () => {
    const dir = tempDir();
    cpSync(FIXTURE, join(dir, 'inventory'), { recursive: true });
    const file = join(dir, 'inventory', 'data-a-tenants.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('          - { device: redis3, role: replica }\n', ''),
    );
    const two = runPipeline(join(dir, 'inventory'));
    expect(two.findings.filter((f) => f.code === 'sentinel-quorum-at-risk').map((f) => f.message)).toEqual([
      expect.stringMatching(/^losing hv1 leaves 2 of the 4 Sentinels of cache/),
    ]);
    const redis2 = two.model!.sites[0]!.devices.find((d) => d.name === 'redis2')!;
    expect('redis' in redis2 && redis2.redis?.server?.minReplicasToWrite).toBe(0);
  });

  it('GIVEN a sentinel.conf and redis.conf as the daemons rewrite them THEN drift normalises them to the rendered ones', () => {
    const golden = (f: string) => readFileSync(join(REPO, 'test', 'golden', 'data-a', 'redis2', f), 'utf8');
    const sentinel = golden('sentinel.conf');
    const rewritten = `${sentinel.replace('sentinel monitor cache 10.20.3.31 6379 3', 'sentinel monitor cache 10.20.3.32 6379 3')}
# Generated by CONFIG REWRITE
latency-tracking-info-percentiles 50 99 99.9
user default on nopass ~* &* +@all
sentinel myid 4f0c1b0f5a0f2e2c2d33f5b1e1f4aa0e9b0c1d2e
sentinel config-epoch cache 1
sentinel leader-epoch cache 1
sentinel current-epoch 1
sentinel known-replica cache 10.20.3.31 6379
sentinel known-sentinel cache 10.20.3.11 26379 0d1f0b0f5a0f2e2c2d33f5b1e1f4aa0e9b0c1d2e
`;
    expect(normaliseSentinel(rewritten)).toEqual(normaliseSentinel(sentinel));
    expect(normaliseSentinel(sentinel).map((s) => s.name)).toEqual(['sentinel', 'sentinel cache']);
    const conf = golden('redis.conf');
    expect(normaliseRedis(conf.replace('replicaof 10.20.3.31 6379', 'replicaof 10.20.3.33 6379'))).toEqual(
      normaliseRedis(conf),
    );
    expect(normaliseRedis(conf.replace('min-replicas-to-write 1', 'min-replicas-to-write 0'))).not.toEqual(
      normaliseRedis(conf),
    );
  });
});
