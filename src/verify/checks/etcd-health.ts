/**
 * Each PostgreSQL member's etcd is healthy and in the service's cluster (issue 12,
 * docs/data-tier.md): its own `/health` (true while the cluster has a leader and no alarm) and its
 * member list (`/v3/cluster/member/list`, the v3 API's HTTP gateway) naming exactly the members
 * the model made. Patroni holds the leader lock in this store: without a leader no primary can
 * renew it, and Patroni demotes the primary — every write fails.
 */
import { ETCD_DAEMON, runsPostgres } from '../../model/runs.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface EtcdHealth extends ExpectationBase {
  kind: 'etcd-health';
  /** The data service (`<tenant>/<service>`). */
  service: string;
  /** The member's etcd client URL. */
  url: string;
  /** Every etcd member of the service by name (`ETCD_INITIAL_CLUSTER`), sorted. */
  members: string[];
}

/** Two reads of the member's etcd, one line each: its health, then its member list. */
export const etcdQuery = (e: Pick<EtcdHealth, 'url'>): string =>
  `curl -s --max-time 2 ${e.url}/health; echo; curl -s --max-time 2 -X POST -d '{}' ${e.url}/v3/cluster/member/list`;

/** What the two reads said, or undefined when the first is not etcd's answer. */
export function parseEtcd(text: string): { healthy: boolean; members: string[] | null } | undefined {
  const [health, list] = text.split('\n');
  try {
    const h = JSON.parse(health ?? '') as { health?: unknown };
    if (typeof h.health !== 'string') return undefined;
    let members: string[] | null = null;
    try {
      const l = JSON.parse(list ?? '') as { members?: { name?: string }[] };
      members = (l.members ?? []).map((m) => m.name ?? '').sort();
    } catch {
      // no member list: said by the check
    }
    return { healthy: h.health === 'true', members };
  } catch {
    return undefined;
  }
}

function derive(ctx: DeriveContext): EtcdHealth[] {
  return ctx.site.devices.flatMap((d) => {
    if (!runsPostgres(d) || ctx.isDown(d.name)) return [];
    const { etcd, service } = d.postgres;
    const members = etcd.initialCluster.map((m) => m.name).sort();
    return [
      {
        kind: 'etcd-health' as const,
        id: `etcd-health:${d.name}`,
        device: d.name,
        title: `${d.name}'s etcd of ${service}: healthy, members ${members.join(', ')}`,
        service,
        url: `http://${etcd.address}:${etcd.clientPort}`,
        members,
      },
    ];
  });
}

export const etcdHealth: CheckSpec<EtcdHealth> = {
  kind: 'etcd-health',
  describes: 'every PostgreSQL member’s etcd healthy (a leader, no alarm), its cluster the service’s members',
  // push never restarts a running etcd; its gates read the fabric, not the data tier
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, etcdQuery(e));
    const seen = parseEtcd(r.stdout);
    if (!seen)
      return fail(
        `etcd at ${e.url}: no answer${r.stderr.trim() ? ` (${r.stderr.trim().split('\n')[0]})` : ''}`,
        'down',
      );
    if (!seen.healthy)
      return fail(
        `etcd at ${e.url}: unhealthy (no leader, or an alarm): Patroni cannot renew its lock`,
        'no-leader',
      );
    if (!seen.members) return fail(`etcd at ${e.url}: healthy, but no member list`, 'members');
    if (seen.members.join() !== e.members.join())
      return fail(
        `members ${seen.members.join(', ') || 'none'}; the model's ${e.members.join(', ')}`,
        'members',
      );
    return pass(`healthy; members ${seen.members.join(', ')}`);
  },
  reads: (e) => [{ device: e.device, command: etcdQuery(e) }],
  about: (e) => [e.device],
  siteWide: false,
  filed: (e) => ({ daemon: ETCD_DAEMON, section: `cluster ${e.service}` }),
  // without a leader no primary holds the lock: every write fails
  severity: (code) => (code === 'no-leader' ? 'critical' : 'major'),
};
