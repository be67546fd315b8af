/**
 * `replica-lag` (src/verify/checks/replica-lag.ts): each Redis member replicates within bound,
 * read from its own `INFO replication`. Evaluation reads Redis 7.0.15's own output
 * (test/fixtures/redis-replication, README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { specOf } from '../../src/verify/checks/index.js';
import {
  parseReplication,
  type ReplicaLag,
  replicationCommand,
} from '../../src/verify/checks/replica-lag.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { renderExample } from '../support/render.js';

const [dataA] = renderExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
const site = dataA!.site;
const sample = (file: string) =>
  readFileSync(join(REPO, 'test', 'fixtures', 'redis-replication', file), 'utf8');

const checks = (down: string[] = []) =>
  deriveExpectations(site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is ReplicaLag => e.kind === 'replica-lag',
  );

/** Evaluates `e` against a device that answers its one read with `stdout` (and `code`). */
async function run(e: ReplicaLag, stdout: string, code = 0) {
  const round = new ObservationRound({
    run: async (_device, command) =>
      command === replicationCommand(e)
        ? { code, stdout, stderr: '' }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('replica-lag: every Redis member replicates within bound', () => {
  it('GIVEN data-a THEN one check per member, with the other members and min-replicas-max-lag as the bound; Sentinel-only devices and idc-a have none', () => {
    const list = checks();
    expect(list.map((e) => e.id)).toEqual(['replica-lag:redis1', 'replica-lag:redis2', 'replica-lag:redis3']);
    expect(list[0]).toMatchObject({
      service: 'shop/cache',
      bind: '10.20.3.31',
      port: 6379,
      auth: true,
      maxLagS: 10,
      peers: [
        { device: 'redis2', address: '10.20.3.32:6379' },
        { device: 'redis3', address: '10.20.3.33:6379' },
      ],
    });
    expect(checks(['hv1']).map((e) => [e.device, e.peers.map((p) => p.device)])).toEqual([
      ['redis2', ['redis3']],
      ['redis3', ['redis2']],
    ]);
    expect(deriveExpectations(ipv4OnlySite('idc-a')).filter((e) => e.kind === 'replica-lag')).toEqual([]);
  });

  it('GIVEN a member with a password THEN the command reads it on the device into REDISCLI_AUTH (as rendered, or quoted as CONFIG REWRITE leaves it), never on a command line', () => {
    const [e] = checks();
    expect(replicationCommand(e!)).toBe(
      `REDISCLI_AUTH="$(sed -n 's/^requirepass "\\{0,1\\}\\([^"]*\\)"\\{0,1\\}$/\\1/p' /etc/redis/redis.conf)" redis-cli -h 10.20.3.31 -p 6379 INFO replication`,
    );
    expect(replicationCommand({ ...e!, auth: false })).toBe(
      'redis-cli -h 10.20.3.31 -p 6379 INFO replication',
    );
    expect(JSON.stringify(checks())).not.toContain('lab-cache-auth');
  });

  it('GIVEN the primary’s INFO replication THEN both replicas online passes with their lag; a stalled replica past the bound, one missing and a stranger fail, naming them', async () => {
    const [e] = checks();
    expect(await run(e!, sample('primary.txt'))).toEqual({
      ok: true,
      detail: 'primary; replicas redis2 0 s, 0 B behind, redis3 0 s, 0 B behind',
    });
    // redis3 stopped for 4 s: within the rendered 10 s, past a 3 s bound
    expect((await run(e!, sample('primary-replica-stalled.txt'))).ok).toBe(true);
    expect(await run({ ...e!, maxLagS: 3 }, sample('primary-replica-stalled.txt'))).toEqual({
      ok: false,
      detail: 'primary; redis3 4 s, 224 B behind (bound 3 s)',
      code: 'replicas',
    });
    const noRedis3 = sample('primary.txt').replace(/^slave0:.*\n/m, '');
    expect(await run(e!, noRedis3)).toEqual({
      ok: false,
      detail: 'primary; redis3 not connected',
      code: 'replicas',
    });
    expect(
      await run(
        e!,
        sample('primary.txt').replace('state=online,offset=50,lag=0', 'state=wait_bgsave,offset=0,lag=0'),
      ),
    ).toMatchObject({ ok: false, detail: 'primary; redis3 wait_bgsave' });
    expect(await run(e!, sample('primary.txt').replace('10.20.3.33', '10.20.3.99'))).toEqual({
      ok: false,
      detail:
        'primary; redis3 not connected; 10.20.3.99:6379 replicates from it and is no member of shop/cache',
      code: 'replicas',
    });
  });

  it('GIVEN a replica’s INFO replication THEN a link up passes naming its primary; a link down, a primary outside the service and an error fail, saying which', async () => {
    const e = checks().find((x) => x.device === 'redis2')!;
    expect(await run(e, sample('replica.txt'))).toEqual({
      ok: true,
      detail: 'replica of redis1, link up, last I/O 1 s ago',
    });
    expect(await run(e, sample('replica-link-down.txt'))).toEqual({
      ok: false,
      detail: 'replica of redis1, link down for 2 s',
      code: 'link',
    });
    expect(
      await run(e, sample('replica.txt').replace('master_host:10.20.3.31', 'master_host:10.9.9.9')),
    ).toEqual({
      ok: false,
      detail: 'replicates from 10.9.9.9:6379, which is no member of shop/cache that is up',
      code: 'primary',
    });
    expect(await run(e, 'NOAUTH Authentication required.\n')).toEqual({
      ok: false,
      detail:
        '10.20.3.32:6379: NOAUTH Authentication required. (the password is read from /etc/redis/redis.conf on the device)',
      code: 'down',
    });
    expect(await run(e, '', 1)).toMatchObject({ ok: false, code: 'down' });
    expect(specOf(e)!.severity('primary')).toBe('critical');
    expect(specOf(e)!.severity('link')).toBe('major');
  });

  it('GIVEN INFO replication THEN the role, each replica’s state, lag and bytes behind, and a replica’s link are read', () => {
    expect(parseReplication(sample('primary-replica-stalled.txt'))).toEqual({
      role: 'master',
      offset: 274,
      replicas: [
        { address: '10.20.3.33:6379', state: 'online', behind: 224, lag: 4 },
        { address: '10.20.3.32:6379', state: 'online', behind: 0, lag: 0 },
      ],
    });
    expect(parseReplication(sample('replica-link-down.txt'))).toEqual({
      role: 'slave',
      primary: '10.20.3.31:6379',
      linkUp: false,
      lastIoS: -1,
      downSinceS: 2,
    });
    expect(parseReplication('ERR unknown command')).toBeUndefined();
  });
});
