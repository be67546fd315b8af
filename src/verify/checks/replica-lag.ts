/**
 * Each Redis member replicates within bound (issue 12, docs/data-tier.md): read from the member's
 * own `INFO replication`. The member that says `role:master` lists every other member that is up
 * as an `online` replica whose last acknowledgement is at most `min-replicas-max-lag` old (the
 * bound the primary itself applies: a replica older than that no longer counts for
 * `min-replicas-to-write`); a member that says `role:slave` replicates from a member of its own
 * service over a link that is up. Which member is the primary is Sentinel's to decide, so either
 * role will do. Sentinel's own view of the members is `sentinel-view`.
 */
import { REDIS_CONF, redisCliAuth } from '../../daemons/redis/index.js';
import { runsRedis } from '../../model/runs.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface ReplicaLag extends ExpectationBase {
  kind: 'replica-lag';
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** Where the member listens. */
  bind: string;
  port: number;
  /** Whether the member has a password (`requirepass`), read on the device from its redis.conf. */
  auth: boolean;
  /** The service's other members that are up: device and `address:port`. */
  peers: { device: string; address: string }[];
  /** `min-replicas-max-lag`: the oldest acknowledgement a replica may have, seconds. */
  maxLagS: number;
}

/**
 * `INFO replication` of the member. The password is read on the device from its redis.conf into
 * REDISCLI_AUTH: it is on no command line (ps), in no report and in no fabric process. As fabric
 * renders it the line is `requirepass <password>`; once Sentinel has made Redis rewrite the file
 * (CONFIG REWRITE, on every failover) it is `requirepass "<password>"`: both are read.
 */
export function replicationCommand(e: Pick<ReplicaLag, 'bind' | 'port' | 'auth'>): string {
  return `${e.auth ? redisCliAuth(REDIS_CONF) : ''}redis-cli -h ${e.bind} -p ${e.port} INFO replication`;
}

export interface ReplicaSeen {
  address: string;
  state: string;
  /** Bytes the primary has that this replica has not acknowledged. */
  behind: number;
  /** Seconds since its last acknowledgement. */
  lag: number;
}

export type Replication =
  | { role: 'master'; offset: number; replicas: ReplicaSeen[] }
  | { role: 'slave'; primary: string; linkUp: boolean; lastIoS: number; downSinceS: number };

/** What `INFO replication` says, or undefined when the reply is not one (an error, NOAUTH). */
export function parseReplication(text: string): Replication | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  const num = (key: string) => Number(fields.get(key) ?? Number.NaN);
  const role = fields.get('role');
  if (role === 'master') {
    const offset = num('master_repl_offset');
    const replicas = [...fields]
      .filter(([k]) => /^slave\d+$/.test(k))
      .map(([, v]) => {
        const f = new Map(v.split(',').map((kv) => kv.split('=') as [string, string]));
        return {
          address: `${f.get('ip')}:${f.get('port')}`,
          state: f.get('state') ?? '',
          behind: Math.max(0, offset - Number(f.get('offset') ?? 0)),
          lag: Number(f.get('lag') ?? 0),
        };
      });
    return { role, offset, replicas };
  }
  if (role === 'slave')
    return {
      role,
      primary: `${fields.get('master_host')}:${fields.get('master_port')}`,
      linkUp: fields.get('master_link_status') === 'up',
      lastIoS: num('master_last_io_seconds_ago'),
      downSinceS: num('master_link_down_since_seconds'),
    };
  return undefined;
}

function derive(ctx: DeriveContext): ReplicaLag[] {
  const up = ctx.site.devices.flatMap((d) =>
    runsRedis(d) && d.redis.server && !ctx.isDown(d.name) ? [{ device: d.name, server: d.redis.server }] : [],
  );
  return up.map(({ device, server }) => {
    const peers = up
      .filter((p) => p.device !== device && p.server.service === server.service)
      .map((p) => ({ device: p.device, address: `${p.server.bind}:${p.server.port}` }));
    return {
      kind: 'replica-lag',
      id: `replica-lag:${device}`,
      device,
      title: `${device} of ${server.service}: the primary with ${peers.map((p) => p.device).join(', ') || 'no other member'} online within ${server.minReplicasMaxLagS} s, or their replica with its link up`,
      service: server.service,
      bind: server.bind,
      port: server.port,
      auth: server.auth !== null,
      peers,
      maxLagS: server.minReplicasMaxLagS,
    };
  });
}

/** How far behind a replica is, in words. */
const behindText = (r: ReplicaSeen) => `${r.lag} s, ${r.behind} B behind`;

export const replicaLag: CheckSpec<ReplicaLag> = {
  kind: 'replica-lag',
  describes: 'every Redis member replicating: the primary’s replicas online and within min-replicas-max-lag',
  // a push restarts the members, and a restarted replica resyncs: gates would block on it
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, replicationCommand(e));
    const seen = r.code === 0 ? parseReplication(r.stdout) : undefined;
    if (!seen) {
      const said = (r.stdout || r.stderr).trim().split('\n')[0] || `exit ${r.code}`;
      const hint = /NOAUTH|WRONGPASS/.test(said)
        ? ` (the password is read from ${REDIS_CONF} on the device)`
        : '';
      return fail(`${e.bind}:${e.port}: ${said}${hint}`, 'down');
    }
    const peerOf = (address: string) => e.peers.find((p) => p.address === address)?.device;
    if (seen.role === 'slave') {
      const primary = peerOf(seen.primary);
      if (!primary)
        return fail(
          `replicates from ${seen.primary}, which is no member of ${e.service} that is up`,
          'primary',
        );
      if (!seen.linkUp)
        return fail(
          `replica of ${primary}, link down${seen.downSinceS >= 0 ? ` for ${seen.downSinceS} s` : ' (never synced)'}`,
          'link',
        );
      // no bound on the last I/O: an idle primary PINGs its replicas only every 10 s
      // (repl-ping-replica-period); the primary's view below has each replica's 1 s acknowledgements
      return pass(`replica of ${primary}, link up, last I/O ${seen.lastIoS} s ago`);
    }
    const problems: string[] = [];
    const listed: string[] = [];
    for (const p of e.peers) {
      const x = seen.replicas.find((s) => s.address === p.address);
      if (!x) problems.push(`${p.device} not connected`);
      else if (x.state !== 'online') problems.push(`${p.device} ${x.state}`);
      else if (x.lag > e.maxLagS) problems.push(`${p.device} ${behindText(x)} (bound ${e.maxLagS} s)`);
      else listed.push(`${p.device} ${behindText(x)}`);
    }
    for (const s of seen.replicas.filter((x) => !peerOf(x.address)))
      problems.push(`${s.address} replicates from it and is no member of ${e.service}`);
    if (problems.length) return fail(`primary; ${problems.join('; ')}`, 'replicas');
    return pass(`primary; replicas ${listed.join(', ') || 'none'}`);
  },
  reads: (e) => [{ device: e.device, command: replicationCommand(e) }],
  about: (e) => [e.device, ...e.peers.map((p) => p.device)],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.data, section: `replication ${e.service}` }),
  // a member that replicates from outside its service is a split: writes may land on two primaries
  severity: (code) => (code === 'primary' ? 'critical' : 'major'),
};
