/**
 * `rabbitmq-cluster` (src/verify/checks/rabbitmq-cluster.ts): each RabbitMQ node's own view of
 * its cluster. The answers are RabbitMQ 3.10.8's own (Debian 12's rabbitmq-server, Erlang/OTP 25,
 * `rabbitmq-diagnostics -q cluster_status --formatter json`, 2026-12-05), in
 * test/fixtures/rabbitmq-cluster-status/ (its README says how each was captured).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RABBITMQ_COOKIE } from '../../src/daemons/rabbitmq-server/index.js';
import { RABBITMQ_DAEMON } from '../../src/model/runs.js';
import { ObservationRound } from '../../src/observe/runner.js';
import { specOf } from '../../src/verify/checks/index.js';
import {
  clusterStatusCommand,
  parseClusterStatus,
  type RabbitmqCluster,
} from '../../src/verify/checks/rabbitmq-cluster.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const [dataMq] = renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory'));
const checks = (down: string[] = []) =>
  deriveExpectations(dataMq!.site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is RabbitmqCluster => e.kind === 'rabbitmq-cluster',
  );
const captured = (name: string) =>
  readFileSync(join(REPO, 'test', 'fixtures', 'rabbitmq-cluster-status', name), 'utf8');

async function run(e: RabbitmqCluster, stdout: string, code = 0, stderr = '') {
  const round = new ObservationRound({
    run: async (_d, command) =>
      command === clusterStatusCommand(e)
        ? { code, stdout, stderr }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('rabbitmq-cluster: every RabbitMQ node’s view of its cluster', () => {
  it('GIVEN data-mq THEN one check per node that is up, asking its own node name with the cookie the driver renders', () => {
    expect(checks().map((e) => [e.id, e.nodeName, e.members.map((m) => `${m.device} ${m.node}`)])).toEqual(
      ['mq1', 'mq2', 'mq3'].map((m, i) => [
        `rabbitmq-cluster:${m}`,
        `rabbit@10.20.3.4${i + 1}`,
        ['mq1 rabbit@10.20.3.41', 'mq2 rabbit@10.20.3.42', 'mq3 rabbit@10.20.3.43'],
      ]),
    );
    const [mq1] = checks();
    expect(mq1!.cookieFile).toBe(RABBITMQ_COOKIE);
    expect(clusterStatusCommand(mq1!)).toBe(
      `RABBITMQ_ERLANG_COOKIE="$(cat ${RABBITMQ_COOKIE})" rabbitmq-diagnostics -q --longnames -n rabbit@10.20.3.41 cluster_status --formatter json`,
    );
    expect(specOf(mq1!)!.filed(mq1!)).toEqual({ daemon: RABBITMQ_DAEMON, section: 'cluster shop/mq' });
    // hv1 holds mq1: the others expect mq2 and mq3 only
    const degraded = checks(['hv1']);
    expect(degraded.map((e) => e.device)).toEqual(['mq2', 'mq3']);
    expect(degraded[0]!.members.filter((m) => m.up).map((m) => m.device)).toEqual(['mq2', 'mq3']);
  });

  it('GIVEN the formed cluster’s answer THEN it passes, the running nodes named by device', async () => {
    const [mq1] = checks();
    const text = captured('healthy-mq1.json');
    expect(parseClusterStatus(text)).toEqual({
      running: ['rabbit@10.20.3.41', 'rabbit@10.20.3.42', 'rabbit@10.20.3.43'],
      partitions: {},
      alarms: [],
    });
    expect(await run(mq1!, text)).toEqual({
      ok: true,
      detail: 'running mq1, mq2, mq3; no partition, no alarm',
    });
  });

  it('GIVEN a node SIGKILLed THEN the others’ answers name it, major; GIVEN the fabric with it down THEN they pass', async () => {
    const [mq1] = checks();
    const seen = await run(mq1!, captured('killed-mq2-mq1.json'));
    expect(seen).toEqual({
      ok: false,
      code: 'members',
      detail: 'mq2 (rabbit@10.20.3.42) not running in the cluster; running mq1, mq3',
    });
    expect(specOf(mq1!)!.severity(seen.code)).toBe('major');
    const mq1WithMq2Down = checks(['mq2'])[0]!;
    expect(await run(mq1WithMq2Down, captured('killed-mq2-mq1.json'))).toMatchObject({ ok: true });
  });

  it('GIVEN a partition or a resource alarm THEN critical, saying which nodes', async () => {
    const [mq1, , mq3] = checks();
    const parted = await run(mq1!, captured('partitioned-mq1.json'));
    expect(parted).toEqual({
      ok: false,
      code: 'partition',
      detail: 'partitioned: mq1 apart from mq2 (messages may have been taken on both sides)',
    });
    expect(specOf(mq1!)!.severity(parted.code)).toBe('critical');
    const alarmed = await run(mq3!, captured('memory-and-disk-alarm-mq3.json'));
    expect(alarmed).toEqual({
      ok: false,
      code: 'alarm',
      detail: 'disk alarm on mq3, memory alarm on mq3: every publisher of the cluster is blocked',
    });
    expect(specOf(mq3!)!.severity(alarmed.code)).toBe('critical');
    // raised on mq3, seen by mq1: the alarms are the cluster's
    expect(await run(mq1!, captured('disk-alarm-mq1.json'))).toEqual({
      ok: false,
      code: 'alarm',
      detail: 'disk alarm on mq3: every publisher of the cluster is blocked',
    });
  });

  it('GIVEN no node to ask (the CLI’s error, exit 69) THEN down, with its first line', async () => {
    const [mq1] = checks();
    const stderr =
      "Error: unable to perform an operation on node 'rabbit@10.20.3.41'. Please see diagnostics information and suggestions below.\n\nMost common reasons for this are:\n";
    expect(await run(mq1!, '', 69, stderr)).toEqual({
      ok: false,
      code: 'down',
      detail:
        "rabbit@10.20.3.41: Error: unable to perform an operation on node 'rabbit@10.20.3.41'. Please see diagnostics information and suggestions below.",
    });
    expect(parseClusterStatus('not json')).toBeUndefined();
  });
});
