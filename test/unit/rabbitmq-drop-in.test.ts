/**
 * RabbitMQ's restart drop-in (docs/data-tier.md): Debian's unit starts a node that died again only
 * after 10 s; fabric renders `rabbitmq/restart.conf` → rabbitmq-server.service.d/fabric.conf with
 * the model's `restartMs`, push reloads systemd before it starts the node when the drop-in
 * changed, and drift reads it back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RABBITMQ_CONF, RABBITMQ_DROP_IN, rabbitmqServer } from '../../src/daemons/rabbitmq-server/index.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

describe('GIVEN the data-mq fixture (mq1, mq2, mq3)', () => {
  const { site, rendered } = renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory'))[0]!;

  it('THEN every node gets the drop-in: Restart=always after 1000 ms, at its systemd path', () => {
    const dropIns = rendered.files.filter((f) => f.file === 'rabbitmq/restart.conf');
    expect(dropIns.map((f) => f.device).sort()).toEqual(['mq1', 'mq2', 'mq3']);
    for (const f of dropIns) {
      expect(f.content).toContain('[Service]\nRestart=always\nRestartSec=1000ms\n');
      expect(f.target).toBe('/etc/systemd/system/rabbitmq-server.service.d/fabric.conf');
    }
    expect(RABBITMQ_DROP_IN).toBe('/etc/systemd/system/rabbitmq-server.service.d/fabric.conf');
    const mq1 = site.devices.find((d) => d.name === 'mq1')!;
    expect('rabbitmq' in mq1 && mq1.rabbitmq?.restartMs).toBe(1000);
  });

  it('THEN a push that changes it reloads systemd before starting the node; one that does not, not', () => {
    const steps = (targets: string[]) =>
      rabbitmqServer.push!.steps(
        targets.map((target, i) => ({ n: `f${i}`, target })),
        { frrRestart: false },
      );
    const changed = steps([RABBITMQ_CONF, RABBITMQ_DROP_IN]);
    expect(changed.reload![0]).toBe('systemctl daemon-reload || return 1');
    expect(changed.reload![1]).toContain('systemctl start rabbitmq-server');
    expect(changed.reloadPrevious![0]).toBe('systemctl daemon-reload || rc=1');
    const confOnly = steps([RABBITMQ_CONF]);
    expect(confOnly.reload!.some((l) => l.includes('daemon-reload'))).toBe(false);
  });

  it('THEN drift reads the drop-in in use', () => {
    const mq1 = site.devices.find((d) => d.name === 'mq1')!;
    const reads = rabbitmqServer.drift!.reads(mq1);
    expect(reads).toContainEqual([
      'rabbitmq/restart.conf',
      `echo ${RABBITMQ_DROP_IN}; cat ${RABBITMQ_DROP_IN}`,
    ]);
  });
});
