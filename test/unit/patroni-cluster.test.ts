/**
 * `patroni-cluster` (src/verify/checks/patroni-cluster.ts): Patroni's own view of each PostgreSQL
 * service. The answers are Patroni 3.0.2's own (Debian 12's patroni, the data-pg lab, 2026-12-05:
 * `/cluster` of a healthy cluster, paused with `patronictl pause`, with pg3's Patroni stopped, and
 * 1.5 s after pg1's postmaster was SIGKILLed, while pg3 still followed the old timeline).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { specOf } from '../../src/verify/checks/index.js';
import { clusterQuery, type PatroniCluster, parseCluster } from '../../src/verify/checks/patroni-cluster.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const [dataPg] = renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'));
const checks = (down: string[] = []) =>
  deriveExpectations(dataPg!.site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is PatroniCluster => e.kind === 'patroni-cluster',
  );

const member = (name: string, n: number, rest: string) =>
  `{"name": "${name}", ${rest.replace('ROLE', '"role"')}, "api_url": "http://10.20.3.4${n}:8008/patroni", "host": "10.20.3.4${n}", "port": 5432`;
const HEALTHY = `{"members": [${member('pg1', 1, 'ROLE: "leader", "state": "running"')}, "timeline": 1}, ${member('pg2', 2, 'ROLE: "replica", "state": "running"')}, "timeline": 1, "lag": 0}, ${member('pg3', 3, 'ROLE: "replica", "state": "running"')}, "timeline": 1, "lag": 0}]}`;
const PAUSED = `${HEALTHY.slice(0, -1)}, "pause": true}`;
const PG3_STOPPED = `{"members": [${member('pg1', 1, 'ROLE: "leader", "state": "running"')}, "timeline": 1}, ${member('pg2', 2, 'ROLE: "replica", "state": "running"')}, "timeline": 1, "lag": 0}, ${member('pg3', 3, 'ROLE: "replica", "state": "stopped"')}, "lag": "unknown"}]}`;
const AFTER_CRASH = `{"members": [${member('pg1', 1, 'ROLE: "replica", "state": "stopped"')}, "lag": "unknown"}, ${member('pg2', 2, 'ROLE: "leader", "state": "running"')}, "timeline": 2}, ${member('pg3', 3, 'ROLE: "replica", "state": "running"')}, "timeline": 1, "lag": 0}]}`;

async function run(e: PatroniCluster, stdout: string, stderr = '') {
  const round = new ObservationRound({
    run: async (_d, command) =>
      command === clusterQuery(e)
        ? { code: stdout ? 0 : 7, stdout, stderr }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('patroni-cluster: every PostgreSQL member’s Patroni sees one leader and every member', () => {
  it('GIVEN data-pg THEN one check per member that is up, on its REST API, with the members that are up', () => {
    expect(checks().map((e) => [e.id, e.url, e.members, e.maxLagBytes])).toEqual([
      ['patroni-cluster:pg1', 'http://10.20.3.41:8008', ['pg1', 'pg2', 'pg3'], 1048576],
      ['patroni-cluster:pg2', 'http://10.20.3.42:8008', ['pg1', 'pg2', 'pg3'], 1048576],
      ['patroni-cluster:pg3', 'http://10.20.3.43:8008', ['pg1', 'pg2', 'pg3'], 1048576],
    ]);
    // pg1 is on hv1: lost with it, and no longer expected in the others' view
    expect(checks(['hv1']).map((e) => [e.device, e.members])).toEqual([
      ['pg2', ['pg2', 'pg3']],
      ['pg3', ['pg2', 'pg3']],
    ]);
  });

  it('GIVEN Patroni’s own answers THEN the leader and its replicas, or what is wrong', async () => {
    const [pg1] = checks();
    expect(parseCluster(HEALTHY)?.members.map((m) => [m.name, m.role, m.timeline, m.lag])).toEqual([
      ['pg1', 'leader', 1, null],
      ['pg2', 'replica', 1, 0],
      ['pg3', 'replica', 1, 0],
    ]);
    expect(await run(pg1!, HEALTHY)).toEqual({
      ok: true,
      detail: 'leader pg1 on timeline 1; replicas pg2 0 B, pg3 0 B',
    });
    expect(await run(pg1!, PAUSED)).toMatchObject({
      ok: false,
      code: 'paused',
      detail: 'paused (maintenance mode): no automatic failover',
    });
    expect(await run(pg1!, PG3_STOPPED)).toMatchObject({
      ok: false,
      code: 'replicas',
      detail: 'pg3 stopped',
    });
    expect(await run(pg1!, AFTER_CRASH)).toMatchObject({
      ok: false,
      code: 'replicas',
      detail: 'pg1 stopped; pg3 on timeline 1, the leader on 2',
    });
  });

  it('GIVEN a member missing from the view, a stranger, no leader or two, or no answer THEN each is said; no leader and two leaders are critical', async () => {
    const [pg1] = checks();
    const spec = specOf(pg1!)!;
    // pg3's Patroni killed: its member key expired, so the others no longer list it
    const withoutPg3 = HEALTHY.replace(/, \{"name": "pg3"[^}]*\}/, '');
    expect(await run(pg1!, withoutPg3)).toMatchObject({
      ok: false,
      code: 'members',
      detail: 'pg3 missing (its Patroni is down)',
    });
    expect(await run(pg1!, HEALTHY.replace('"pg3"', '"pg9"'))).toMatchObject({
      code: 'members',
      detail: 'pg3 missing (its Patroni is down); pg9 listed, no member of shop/db that is up',
    });
    const leaderless = await run(pg1!, HEALTHY.replace('"leader"', '"replica"'));
    expect(leaderless).toMatchObject({
      ok: false,
      code: 'no-leader',
      detail: 'no leader: every write fails',
    });
    expect(spec.severity(leaderless.code)).toBe('critical');
    const two = await run(pg1!, HEALTHY.replace('"role": "replica"', '"role": "leader"'));
    expect(two).toMatchObject({ ok: false, code: 'leaders', detail: 'pg1 and pg2 each a leader' });
    expect(spec.severity(two.code)).toBe('critical');
    expect(await run(pg1!, '', 'curl: (7) Failed to connect')).toMatchObject({
      ok: false,
      code: 'down',
      detail:
        'Patroni at http://10.20.3.41:8008: no answer (curl: (7) Failed to connect): pg1 can be neither promoted nor demoted',
    });
    expect(spec.severity('down')).toBe('major');
    // a replica over maximum_lag_on_failover, which Patroni would not promote
    expect(await run(pg1!, HEALTHY.replace('"lag": 0}]', '"lag": 2097152}]'))).toMatchObject({
      code: 'replicas',
      detail: 'pg3 2097152 B behind (bound 1048576 B)',
    });
  });
});
