/**
 * The worker's side of a RabbitMQ failover (app → MQ → worker, docs/data-tier.md): every publish
 * the AMQP probe had confirmed during a scenario — the queue's leader took it, so a publisher may
 * forget it — must be written by a worker of the queue once the cluster has converged. A quorum
 * queue confirms a message once a majority of its members has it, so none may be lost to one
 * node's failure; this reads that off the workers' own records (`amqpWorker.output`, one message a
 * line), not off RabbitMQ's word. A message consumed twice (redelivered after a lost ack) counts once.
 */
import { labExec } from '../lab/index.js';
import type { DeepReadonly } from '../model/freeze.js';
import { runsAmqpWorker } from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import type { DataProbe } from './probe-plan.js';

/** The body of the AMQP probe's message sent at `t` (ms since the epoch) is this and `t` (probes.ts). */
export const AMQP_PROBE_BODY = 'fabric failover probe ';

/** A worker consuming a probe's queue: its device and the file it writes each message to. */
export interface Consumer {
  device: string;
  output: string;
}

/** What the workers consumed of a probe's confirmed publishes in one scenario. */
export interface ConsumedCheck {
  /** The AMQP probe's id. */
  probe: string;
  workers: string[];
  /** Publishes the queue confirmed during the scenario. */
  confirmed: number;
  /** Of those, the ones a worker wrote. */
  consumed: number;
  /** Confirmed and written by no worker within the wait. */
  lost: number;
  /** The first of them (at most 10), as their send times in ms after the fault. */
  lostAtMs: number[];
  /** How long the check read the workers' records, from verify green until none was lost (or it gave up), ms. */
  waitedMs: number;
  /** Workers whose record could not be read. */
  unread: string[];
}

/** The workers of a RabbitMQ probe's queue: its service's, consuming that queue in that vhost. */
export function consumersOf(site: DeepReadonly<SiteModel>, probe: DataProbe): Consumer[] {
  const queue = probe.queue;
  if (probe.protocol !== 'rabbitmq' || !queue) return [];
  return site.devices.flatMap((d) =>
    runsAmqpWorker(d) &&
    d.amqpWorker.service === probe.service &&
    d.amqpWorker.queue === queue.name &&
    d.amqpWorker.vhost === queue.vhost
      ? [{ device: d.name, output: d.amqpWorker.output }]
      : [],
  );
}

/** The check of one probe from its confirmed send times and what its workers wrote. */
export function compareConsumed(
  probe: string,
  workers: readonly Consumer[],
  confirmed: readonly number[],
  consumed: ReadonlySet<number>,
  injectedAt: number,
): Omit<ConsumedCheck, 'waitedMs' | 'unread'> {
  const lost = confirmed.filter((t) => !consumed.has(t));
  return {
    probe,
    workers: workers.map((w) => w.device),
    confirmed: confirmed.length,
    consumed: confirmed.length - lost.length,
    lost: lost.length,
    lostAtMs: lost.slice(0, 10).map((t) => t - injectedAt),
  };
}

/** The shell that prints the probe's send times in `output` from `since` on, one a line. */
function readCommand(output: string, since: number): string {
  return `sed -n 's/.*${AMQP_PROBE_BODY}\\([0-9][0-9]*\\).*/\\1/p' ${output} | awk -v since=${since} '$1 >= since'`;
}

/**
 * Reads the workers' records until every confirmed publish is among them or `waitMs` has passed
 * (a worker reconnects after a failover: RestartSec, its heartbeat).
 */
export async function awaitConsumed(
  lab: string,
  nodeOf: (device: string) => string,
  probe: string,
  workers: readonly Consumer[],
  confirmed: readonly number[],
  injectedAt: number,
  waitMs = 30_000,
): Promise<ConsumedCheck> {
  const started = Date.now();
  const since = Math.min(...confirmed, injectedAt);
  for (;;) {
    const consumed = new Set<number>();
    const unread: string[] = [];
    for (const w of workers) {
      const r = await labExec(lab, nodeOf(w.device), ['sh', '-c', readCommand(w.output, since)], {
        timeoutMs: 15_000,
      }).catch((e: Error) => ({ code: 1, stdout: '', stderr: e.message }));
      if (r.code !== 0) unread.push(`${w.device}: ${r.stderr.trim() || `exit ${r.code}`}`);
      for (const line of r.stdout.split('\n')) if (/^\d+$/.test(line)) consumed.add(Number(line));
    }
    const check = compareConsumed(probe, workers, confirmed, consumed, injectedAt);
    const waitedMs = Date.now() - started;
    if (check.lost === 0 || waitedMs >= waitMs) return { ...check, waitedMs, unread };
    await new Promise((r) => setTimeout(r, 1000));
  }
}
