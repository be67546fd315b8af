/**
 * `sentinel-view` (src/verify/checks/sentinel-view.ts): each Sentinel of a Redis service acts,
 * names a member as the primary, and sees the other members as replicas that answer. Evaluation
 * reads Redis 7.0.15's own output (test/fixtures/redis-sentinel, README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { specOf } from '../../src/verify/checks/index.js';
import {
  parseSentinelInfo,
  type SentinelView,
  sentinelCommands,
} from '../../src/verify/checks/sentinel-view.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { renderExample } from '../support/render.js';

const [dataA] = renderExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
const site = dataA!.site;
const sample = (file: string) => readFileSync(join(REPO, 'test', 'fixtures', 'redis-sentinel', file), 'utf8');

const views = (down: string[] = []) =>
  deriveExpectations(site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is SentinelView => e.kind === 'sentinel-view',
  );

/** A round whose device answers the two reads with the given outputs. */
function roundOf(e: SentinelView, info: string, replicas: string): ObservationRound {
  const c = sentinelCommands(e);
  return new ObservationRound({
    run: async (_device, command) =>
      command === c.info
        ? { code: 0, stdout: info, stderr: '' }
        : command === c.replicas
          ? { code: 0, stdout: replicas, stderr: '' }
          : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
}

describe('sentinel-view: every Sentinel sees its Redis service whole', () => {
  it('GIVEN data-a THEN one check per Sentinel (the three members and the HAProxy pair), with the members and five Sentinels; idc-a has none', () => {
    const list = views();
    expect(list.map((e) => e.id)).toEqual([
      'sentinel:redis1:cache',
      'sentinel:redis2:cache',
      'sentinel:redis3:cache',
      'sentinel:web1:cache',
      'sentinel:web2:cache',
    ]);
    expect(list[0]).toMatchObject({
      bind: '10.20.3.31',
      port: 26379,
      members: [
        { device: 'redis1', address: '10.20.3.31:6379' },
        { device: 'redis2', address: '10.20.3.32:6379' },
        { device: 'redis3', address: '10.20.3.33:6379' },
      ],
      sentinels: ['redis1', 'redis2', 'redis3', 'web1', 'web2'],
    });
    expect(deriveExpectations(ipv4OnlySite('idc-a')).filter((e) => e.kind === 'sentinel-view')).toEqual([]);
  });

  it('GIVEN the Sentinels’ own password THEN each read takes it from the device’s sentinel.conf into REDISCLI_AUTH, never onto the command line', () => {
    const e = views().find((x) => x.device === 'web1')!;
    expect(e.auth).toBe(true);
    const { info, replicas } = sentinelCommands(e);
    for (const c of [info, replicas]) {
      expect(c).toMatch(
        /^REDISCLI_AUTH="\$\(sed -n '[^']+' \/etc\/redis\/sentinel\.conf\)" redis-cli -h 10\.20\.3\.11 -p 26379 /,
      );
      expect(c).not.toContain('lab-sentinels');
    }
    expect(sentinelCommands({ ...e, auth: false }).info).toBe(
      'redis-cli -h 10.20.3.11 -p 26379 INFO sentinel',
    );
  });

  it('GIVEN hv1 failed (redis1 and web1 on it) THEN the checks left expect redis2 and redis3 and four Sentinels', () => {
    const list = views(['hv1']);
    expect(list.map((e) => e.device)).toEqual(['redis2', 'redis3', 'web2']);
    expect(list[0]!.members.map((m) => m.device)).toEqual(['redis2', 'redis3']);
    expect(list[0]!.sentinels).toEqual(['redis2', 'redis3', 'web2']);
  });

  it('GIVEN Sentinel’s own output THEN well passes naming the primary; TILT, a replica down, too few Sentinels and a primary no member fail, saying which', async () => {
    const e = views().find((x) => x.device === 'web1')!;
    const spec = specOf(e)!;
    const run = (info: string, replicas: string) => spec.evaluate(e, roundOf(e, info, replicas));
    expect(await run(sample('info.txt'), sample('replicas.json'))).toEqual({
      ok: true,
      detail: 'primary redis1, replicas redis2, redis3, 5 Sentinels',
    });
    expect(await run(sample('info-tilt.txt'), sample('replicas.json'))).toMatchObject({
      ok: false,
      code: 'tilt',
    });
    expect(await run(sample('info.txt'), sample('replicas-one-down.json'))).toEqual({
      ok: false,
      detail: 'primary redis1; replica redis3 s_down,slave,disconnected',
      code: 'replicas',
    });
    expect(
      await run(sample('info.txt').replace('sentinels=5', 'sentinels=4'), sample('replicas.json')),
    ).toEqual({
      ok: false,
      detail: 'primary redis1; knows 4 of 5 Sentinels',
      code: 'replicas',
    });
    expect(
      await run(sample('info.txt').replace('10.20.3.31:6379', '10.20.3.99:6379'), sample('replicas.json')),
    ).toEqual({
      ok: false,
      detail: 'names 10.20.3.99:6379 as the primary of cache, which is no member that is up',
      code: 'primary',
    });
    expect(
      await run(sample('info.txt').replace('status=ok', 'status=odown'), sample('replicas.json')),
    ).toEqual({
      ok: false,
      detail: 'holds the primary redis1 (10.20.3.31:6379) down (odown)',
      code: 'primary',
    });
    expect(await run('NOAUTH Authentication required.\n', sample('replicas.json'))).toEqual({
      ok: false,
      detail: 'Sentinel at 10.20.3.11:26379 refused INFO: NOAUTH Authentication required.',
      code: 'down',
    });
    expect(spec.severity('primary')).toBe('critical');
    expect(spec.severity('tilt')).toBe('major');
  });

  it('GIVEN INFO sentinel THEN TILT and each service’s status, primary and Sentinels are read', () => {
    const i = parseSentinelInfo(sample('info-tilt.txt'));
    expect(i.tilt).toBe(true);
    expect(i.masters.get('cache')).toEqual({ status: 'ok', address: '10.20.3.31:6379', sentinels: 5 });
    expect(parseSentinelInfo(sample('info.txt')).tilt).toBe(false);
  });
});
