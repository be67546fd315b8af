import { describe, expect, it } from 'vitest';
import { onlyDaemonsDown } from '../../src/lab/index.js';
import type { DaemonStatus, LabStatus, NodeStatus } from '../../src/lab/runtime/status.js';

const daemon = (name: string, up: boolean, extra: Partial<DaemonStatus> = {}): DaemonStatus =>
  ({ name, up, detail: up ? 'ok' : 'not running', ...extra }) as DaemonStatus;

function node(name: string, daemons: DaemonStatus[], extra: Partial<NodeStatus> = {}): NodeStatus {
  const base = {
    name,
    netns: `clab-t-${name}`,
    kind: 'linux',
    image: 'fabric-labnode',
    role: 'node',
    running: true,
    pid: 1,
    mgmtIpv4: '198.18.1.10',
    booted: true,
    daemons,
    ...extra,
  } as NodeStatus;
  const problems = [
    ...(base.running ? [] : ['not running']),
    ...(base.running && !base.booted ? ['init has not finished'] : []),
    ...daemons.filter((d) => !d.up && !d.unconfigured).map((d) => `${d.name} is down: ${d.detail}`),
  ];
  return { ...base, problems };
}

function lab(nodes: NodeStatus[]): LabStatus {
  const healthy = nodes.every((n) => n.problems.length === 0);
  return { lab: 't', state: healthy ? 'running' : 'degraded', nodes } as LabStatus;
}

describe('lab up --wait: which degraded labs are worth waiting for (onlyDaemonsDown)', () => {
  it('GIVEN a daemon down on a booted, running node (a worker between restarts) THEN it is waited for', () => {
    const status = lab([
      node('mq1', [daemon('sshd', true), daemon('rabbitmq-server', true)]),
      node('worker1', [daemon('sshd', true), daemon('amqp-worker', false)]),
    ]);
    expect(status.state).toBe('degraded');
    expect(onlyDaemonsDown(status)).toBe(true);
  });

  it('GIVEN a healthy lab THEN there is nothing to wait for', () => {
    expect(onlyDaemonsDown(lab([node('mq1', [daemon('sshd', true)])]))).toBe(false);
  });

  it('GIVEN an unconfigured daemon only (an empty lab) THEN the lab is healthy, nothing to wait for', () => {
    const status = lab([node('worker1', [daemon('amqp-worker', false, { unconfigured: true })])]);
    expect(status.state).toBe('running');
    expect(onlyDaemonsDown(status)).toBe(false);
  });

  it('GIVEN a node that is not running, or whose init has not finished, beside a daemon down THEN it is not waited for: the failure is reported at once', () => {
    const worker = node('worker1', [daemon('amqp-worker', false)]);
    expect(onlyDaemonsDown(lab([worker, node('mq1', [], { running: false })]))).toBe(false);
    expect(onlyDaemonsDown(lab([worker, node('mq2', [daemon('sshd', true)], { booted: false })]))).toBe(
      false,
    );
  });
});
