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

  it('GIVEN a Redis primary and replica behind web1 THEN web1 has a primary backend, a replicas backend with the members as tracked backups, and a frontend per VIP', () => {
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    const { tcpFrontends, tcpBackends } = web1.haproxy;
    expect(tcpFrontends.map((f) => [f.name, f.binds[0]!.port, f.backend])).toEqual([
      ['cache_ro', 6380, 'cache_replicas'],
      ['cache_rw', 6379, 'cache_primary'],
    ]);
    const [primary, replicas] = tcpBackends;
    expect(primary!.tcpCheck.map((s) => s.text)).toContain('role:master');
    expect(replicas!.tcpCheck.map((s) => s.text)).toContain('role:slave');
    expect(primary!.servers.map((s) => [s.name, s.backup, s.track])).toEqual([
      ['redis1', false, null],
      ['redis2', false, null],
    ]);
    expect(replicas!.servers.filter((s) => s.backup).map((s) => s.track)).toEqual([
      'cache_primary/redis1',
      'cache_primary/redis2',
    ]);
    expect(primary!.serverCheck).toMatchObject({
      downinter: primary!.checkInterval,
      shutdownSessionsOnDown: true,
    });
  });

  it('GIVEN the default budgets THEN the cache has a data-write budget of 5000 ms, predicted 700 ms, met', () => {
    const b = site.budgets.find((x) => x.kind === 'data-write')!;
    expect(b).toMatchObject({
      subject: 'shop/cache',
      members: ['redis1', 'redis2'],
      expectedOutageMs: 700,
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
        /^shop\/cache \(data-write\): a failure costs up to 700 ms .* over its budget of 500 ms; lower defaults.checks/,
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
    expect(primary.lines.filter((l) => l.includes('tcp-check ')).slice(0, 4)).toEqual([
      '#1 tcp-check send PING\\r\\n',
      '#2 tcp-check expect string +PONG',
      '#3 tcp-check send info\\ replication\\r\\n',
      '#4 tcp-check expect string role:master',
    ]);
  });
});
