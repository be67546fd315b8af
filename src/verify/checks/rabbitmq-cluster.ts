/**
 * Each RabbitMQ node's own view of its cluster (issue 12, docs/data-tier.md), read with
 * RabbitMQ's own tool (`rabbitmq-diagnostics cluster_status --formatter json`): the nodes running
 * in it are exactly the service's members that are up, no network partition is recorded, and no
 * resource alarm is raised. A partition means two sides that may each have taken messages (or a
 * side `pause_minority` has paused), and a memory or disk alarm blocks every publisher of the
 * cluster: both are critical. A member missing names the node (its queues have one replica less,
 * and one more lost takes their majority).
 */
import { RABBITMQ_DAEMON, runsRabbitmq } from '../../model/runs.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface RabbitmqCluster extends ExpectationBase {
  kind: 'rabbitmq-cluster';
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** The node asked: the device's own (`NODENAME`, a long name). */
  nodeName: string;
  /** Where the device keeps the Erlang cookie the CLI authenticates with (the model's `cookieFile`). */
  cookieFile: string;
  /** Every member of the service (sorted by device), and whether it is up in this fabric. */
  members: { device: string; node: string; up: boolean }[];
}

/**
 * The node's `cluster_status` as JSON. The cookie is read on the device from the file the driver
 * renders into RABBITMQ_ERLANG_COOKIE, which the CLI reads: it is on no command line (ps), in no
 * report and in no fabric process. `--longnames`: the nodes are named after their addresses.
 * Debian's wrapper runs the tool as the rabbitmq user; its output on failure is on stderr.
 */
export function clusterStatusCommand(e: Pick<RabbitmqCluster, 'nodeName' | 'cookieFile'>): string {
  return `RABBITMQ_ERLANG_COOKIE="$(cat ${e.cookieFile})" rabbitmq-diagnostics -q --longnames -n ${e.nodeName} cluster_status --formatter json`;
}

/** What `cluster_status` says, as RabbitMQ 3.10 prints it. */
export interface ClusterStatus {
  /** `running_nodes`, sorted (the node prints them in no fixed order). */
  running: string[];
  /** `partitions`: per node, the nodes it recorded on the other side of a partition. */
  partitions: Record<string, string[]>;
  /** `alarms`: a resource alarm (`memory`, `disk`) and the node that raised it. */
  alarms: { node: string; resource: string }[];
}

/** The JSON of `cluster_status`, or undefined when the output is not one (an error, no node). */
export function parseClusterStatus(text: string): ClusterStatus | undefined {
  let v: {
    running_nodes?: unknown;
    partitions?: unknown;
    alarms?: unknown;
  };
  try {
    v = JSON.parse(text) as typeof v;
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || !Array.isArray(v.running_nodes)) return undefined;
  const partitions: Record<string, string[]> = {};
  for (const [node, others] of Object.entries((v.partitions as Record<string, unknown>) ?? {}))
    if (Array.isArray(others) && others.length) partitions[node] = others.map(String).sort();
  const alarms = (Array.isArray(v.alarms) ? v.alarms : []).map(
    (a: { node?: unknown; resource?: unknown }) => ({
      node: String(a?.node ?? '?'),
      resource: String(a?.resource ?? '?'),
    }),
  );
  return { running: v.running_nodes.map(String).sort(), partitions, alarms };
}

function derive(ctx: DeriveContext): RabbitmqCluster[] {
  const nodes = ctx.site.devices.flatMap((d) =>
    runsRabbitmq(d) ? [{ device: d.name, mq: d.rabbitmq, up: !ctx.isDown(d.name) }] : [],
  );
  return nodes
    .filter((n) => n.up)
    .map(({ device, mq }) => {
      const members = nodes
        .filter((n) => n.mq.service === mq.service)
        .map((n) => ({ device: n.device, node: n.mq.nodeName, up: n.up }))
        .sort((a, b) => a.device.localeCompare(b.device));
      const running = members.filter((m) => m.up).map((m) => m.device);
      return {
        kind: 'rabbitmq-cluster' as const,
        id: `rabbitmq-cluster:${device}`,
        device,
        title: `${device}'s node of ${mq.service}: running ${running.join(', ')}, no partition, no alarm`,
        service: mq.service,
        nodeName: mq.nodeName,
        cookieFile: mq.cookieFile,
        members,
      };
    });
}

/** A node in words: its device when it is a member (`mq2`), else its node name. */
function named(e: RabbitmqCluster, node: string): string {
  return e.members.find((m) => m.node === node)?.device ?? node;
}

export const rabbitmqCluster: CheckSpec<RabbitmqCluster> = {
  kind: 'rabbitmq-cluster',
  describes:
    'every RabbitMQ node’s view of its cluster: the service’s members running, no partition, no memory or disk alarm',
  // push never restarts a running node; its gates read the fabric, not the data tier
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, clusterStatusCommand(e));
    const seen = r.code === 0 ? parseClusterStatus(r.stdout) : undefined;
    if (!seen) {
      const said = (r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.code}`;
      return fail(`${e.nodeName}: ${said}`, 'down');
    }
    const sides = Object.entries(seen.partitions).map(
      ([node, others]) => `${named(e, node)} apart from ${others.map((o) => named(e, o)).join(', ')}`,
    );
    if (sides.length)
      return fail(
        `partitioned: ${sides.join('; ')} (messages may have been taken on both sides)`,
        'partition',
      );
    if (seen.alarms.length)
      return fail(
        `${seen.alarms.map((a) => `${a.resource} alarm on ${named(e, a.node)}`).join(', ')}: every publisher of the cluster is blocked`,
        'alarm',
      );
    const expected = e.members.filter((m) => m.up);
    const missing = expected.filter((m) => !seen.running.includes(m.node));
    const strangers = seen.running.filter((n) => !expected.some((m) => m.node === n));
    const running = seen.running.map((n) => named(e, n)).join(', ') || 'none';
    if (missing.length || strangers.length)
      return fail(
        [
          ...missing.map((m) => `${m.device} (${m.node}) not running in the cluster`),
          ...strangers.map((n) => `${named(e, n)} running, no member of ${e.service} that is up`),
        ].join('; ') + `; running ${running}`,
        'members',
      );
    return pass(`running ${running}; no partition, no alarm`);
  },
  reads: (e) => [{ device: e.device, command: clusterStatusCommand(e) }],
  about: (e) => [e.device, ...e.members.filter((m) => m.up && m.device !== e.device).map((m) => m.device)],
  siteWide: false,
  filed: (e) => ({ daemon: RABBITMQ_DAEMON, section: `cluster ${e.service}` }),
  // a partition may have taken messages on two sides; an alarm blocks every publisher
  severity: (code) => (code === 'partition' || code === 'alarm' ? 'critical' : 'major'),
};
