/**
 * `etcd-health` (src/verify/checks/etcd-health.ts): each PostgreSQL member's etcd healthy and in
 * the service's cluster. The answers are etcd 3.4.23's own (Debian 12's etcd-server, 2026-12-05:
 * `/health` and `/v3/cluster/member/list` of a running member).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { type EtcdHealth, etcdQuery, parseEtcd } from '../../src/verify/checks/etcd-health.js';
import { specOf } from '../../src/verify/checks/index.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const [dataPg] = renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'));
const checks = (down: string[] = []) =>
  deriveExpectations(dataPg!.site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is EtcdHealth => e.kind === 'etcd-health',
  );

const member = (id: string, name: string, address: string) =>
  `{"ID":"${id}","name":"${name}","peerURLs":["http://${address}:2380"],"clientURLs":["http://${address}:2379"]}`;
const LIST = `{"header":{"cluster_id":"324952591200643719","member_id":"3319814642761637952","raft_term":"2"},"members":[${[
  member('3319814642761637952', 'pg2', '10.20.3.42'),
  member('8211f1d0f64f3269', 'pg1', '10.20.3.41'),
  member('91bc3c398fb3c146', 'pg3', '10.20.3.43'),
].join(',')}]}`;

async function run(e: EtcdHealth, stdout: string, stderr = '') {
  const round = new ObservationRound({
    run: async (_d, command) =>
      command === etcdQuery(e)
        ? { code: 0, stdout, stderr }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('etcd-health: every PostgreSQL member’s etcd healthy, in the service’s cluster', () => {
  it('GIVEN data-pg THEN one check per member that is up, on its client URL, with the three members', () => {
    expect(checks().map((e) => [e.id, e.url, e.members])).toEqual([
      ['etcd-health:pg1', 'http://10.20.3.41:2379', ['pg1', 'pg2', 'pg3']],
      ['etcd-health:pg2', 'http://10.20.3.42:2379', ['pg1', 'pg2', 'pg3']],
      ['etcd-health:pg3', 'http://10.20.3.43:2379', ['pg1', 'pg2', 'pg3']],
    ]);
    expect(checks(['hv1']).map((e) => e.device)).toEqual(['pg2', 'pg3']);
  });

  it('GIVEN etcd’s own answers THEN healthy with its members, or what is wrong; no leader is critical', async () => {
    const [pg1] = checks();
    expect(parseEtcd(`{"health":"true"}\n${LIST}`)).toEqual({
      healthy: true,
      members: ['pg1', 'pg2', 'pg3'],
    });
    expect(await run(pg1!, `{"health":"true"}\n${LIST}`)).toEqual({
      ok: true,
      detail: 'healthy; members pg1, pg2, pg3',
    });
    const leaderless = await run(pg1!, `{"health":"false"}\n${LIST}`);
    expect(leaderless).toMatchObject({ ok: false, code: 'no-leader' });
    expect(specOf(pg1!)!.severity(leaderless.code)).toBe('critical');
    expect(await run(pg1!, `{"health":"true"}\n${LIST.replace('"pg3"', '"old"')}`)).toMatchObject({
      ok: false,
      code: 'members',
      detail: "members old, pg1, pg2; the model's pg1, pg2, pg3",
    });
    expect(await run(pg1!, '\n')).toMatchObject({
      ok: false,
      code: 'down',
      detail: 'etcd at http://10.20.3.41:2379: no answer',
    });
  });
});
