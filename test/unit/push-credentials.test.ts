/**
 * Which devices of a push change a client password in two phases around the waves
 * (src/push/credentials.ts), from device states, with no SSH: the data-a fixture's Redis members.
 * The phases' scripts run against a real redis-server in test/integration/push-credentials.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIS_CONF } from '../../src/daemons/redis/index.js';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { Device } from '../../src/model/types.js';
import { credentialScript } from '../../src/push/credentials.js';
import { planPush } from '../../src/push/plan.js';
import type { DeviceWork } from '../../src/push/read.js';
import { emptyReport } from '../../src/push/result.js';
import { pushText } from '../../src/report/push.js';
import { own } from '../../src/util/own.js';
import { REPO } from '../support/cli.js';
import { onDevice } from '../support/push-states.js';
import { renderExample } from '../support/render.js';

const [dataA] = renderExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
const { site, manifest, rendered } = dataA!;
const contents = new Map(rendered.files.map((f) => [`${f.device}/${f.file}`, f.content]));
const managed = site.devices.filter((d) => d.managed && own(manifest.devices, d.name));

/** A device on the rendered files but `changed`, maybe with a password change left half done. */
const state = (d: DeepReadonly<Device>, changed: string[] = [], pendingCredentials = false) =>
  onDevice(d, own(manifest.devices, d.name)!.files, { changed, pendingCredentials });

const plan = (states: DeviceWork[], dryRun = false) =>
  planPush({ site, pushId: '20261207T000000Z-abcd', states, contents, dryRun, canary: false });

describe('client passwords around the waves', () => {
  it('GIVEN the cache’s password changed (every member’s redis.conf, the Sentinels’ and HAProxy’s files) THEN the three members change it in two phases, no other device', () => {
    const changed = new Set(['redis1', 'redis2', 'redis3', 'web1', 'web2']);
    const p = plan(
      managed.map((d) =>
        state(
          d,
          changed.has(d.name)
            ? own(manifest.devices, d.name)!
                .files.map((f) => f.target)
                .filter((t) => t.startsWith('/etc/redis/') || t.startsWith('/etc/haproxy/'))
            : [],
        ),
      ),
    );
    expect(p.stop).toBeNull();
    expect(p.credentials.map((c) => [c.device, c.daemon])).toEqual([
      ['redis1', 'redis'],
      ['redis2', 'redis'],
      ['redis3', 'redis'],
    ]);
    // the rendered redis.conf goes on the script's stdin, never into the script
    const [first] = p.credentials;
    expect(first!.content).toBe(contents.get('redis1/redis.conf'));
    const password = /^requirepass (\S+)$/m.exec(first!.content)![1]!;
    for (const phase of ['before', 'after'] as const) {
      const script = credentialScript('20261207T000000Z-abcd', phase, first!);
      expect(script).not.toContain(password);
      expect(script).toContain(`conf=${REDIS_CONF}`);
    }
  });

  it('GIVEN only a Sentinel’s file changed on a member THEN no password phase (its redis.conf is unchanged)', () => {
    const p = plan(managed.map((d) => state(d, d.name === 'redis2' ? ['/etc/redis/sentinel.conf'] : [])));
    expect(p.changing.map((w) => w.device.name)).toEqual(['redis2']);
    expect(p.credentials).toEqual([]);
  });

  it('GIVEN nothing changed but a member with a password change an earlier push left half done THEN the push goes on to finish it, with no wave', () => {
    const p = plan(managed.map((d) => state(d, [], d.name === 'redis3')));
    expect(p.stop).toBeNull();
    expect(p.waves).toEqual([]);
    expect(p.credentials.map((c) => c.device)).toEqual(['redis3']);
    expect(p.summary).toBe(
      `0 of ${managed.length} devices change, in 0 waves; a password change an earlier push left half done is finished on redis3`,
    );
  });

  it('GIVEN a dry run THEN the text names the devices whose password would change in two phases', () => {
    const p = plan(
      managed.map((d) => state(d, d.name.startsWith('redis') ? [REDIS_CONF] : [])),
      true,
    );
    const report = emptyReport(site.name, '20261207T000000Z-abcd', true);
    report.waves = p.waves.map((w) => ({ ...w, gate: null }));
    report.credentials = p.credentials.map((c) => ({
      device: c.device,
      daemon: c.daemon,
      before: null,
      after: null,
      ok: true,
    }));
    expect(pushText(report, false)).toContain(
      'client passwords: redis1 (redis), redis2 (redis), redis3 (redis): a changed one is taken beside the old one before the first wave, the old one dropped after the last',
    );
  });
});
