/**
 * Each HAProxy's role-aware backends of a data service hold what the roles say (issue 12,
 * docs/data-tier.md): the write VIP's backend (`<service>_primary`) exactly one member UP, the
 * member that answered the role check as primary, and the read VIP's (`<service>_replicas`) every
 * other member that is up. None UP is a write VIP that reaches no primary; two are a split brain
 * whose writes land on both. Which member is primary is Sentinel's or Patroni's to decide, so
 * any one will do; `haproxy-backends` is the HTTP backends' counterpart (every server UP), which
 * a role-aware backend never is.
 */
import { HAPROXY, haproxyServers, serverUp } from '../../observe/haproxy.js';
import { FILED_UNDER, runsProxy } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface DataBackends extends ExpectationBase {
  kind: 'data-backends';
  /** The data service, as the backends name it (`db`). */
  service: string;
  /** The write VIP's backend and the read VIP's. */
  primaryBackend: string;
  replicasBackend: string;
  /** The members that are up (the backends' servers, backups aside). */
  members: string[];
  socket: string;
}

function derive(ctx: DeriveContext): DataBackends[] {
  const out: DataBackends[] = [];
  for (const d of ctx.site.devices) {
    if (!runsProxy(d) || ctx.isDown(d.name)) continue;
    for (const primary of d.haproxy.tcpBackends.filter((b) => b.holds === 'primary')) {
      const replicas = d.haproxy.tcpBackends.find(
        (b) => b.service === primary.service && b.holds === 'replicas',
      );
      if (!replicas) continue;
      const members = primary.servers.filter((s) => !s.backup && !ctx.isDown(s.name)).map((s) => s.name);
      if (!members.length) continue;
      out.push({
        kind: 'data-backends',
        id: `data-backends:${d.name}:${primary.service}`,
        device: d.name,
        title: `${d.name} ${primary.service}: one of ${members.join(', ')} UP in ${primary.name}, the others in ${replicas.name}`,
        service: primary.service,
        primaryBackend: primary.name,
        replicasBackend: replicas.name,
        members,
        socket: d.haproxy.statsSocket,
      });
    }
  }
  return out;
}

export const dataBackends: CheckSpec<DataBackends> = {
  kind: 'data-backends',
  describes:
    'every data service’s write backend with exactly one member UP (the primary), its read backend the others',
  // a push restarts the Sentinels, which learn the roles again within seconds: not a gate
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, HAPROXY.stat(e.socket));
    if (r.code !== 0)
      return fail(
        `HAProxy admin socket ${e.socket}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? `exit ${r.code}`}`,
      );
    const rows = haproxyServers(r.stdout);
    const upIn = (backend: string) =>
      e.members.filter((m) =>
        rows.some((s) => s.backend === backend && s.server === m && serverUp(s.status)),
      );
    const primaries = upIn(e.primaryBackend);
    if (!primaries.length)
      return fail(`${e.primaryBackend}: no member UP: the write VIP reaches no primary`, 'no-primary');
    if (primaries.length > 1)
      return fail(`${e.primaryBackend}: ${primaries.join(' and ')} UP: two primaries take writes`, 'split');
    const [primary] = primaries as [string];
    const replicas = upIn(e.replicasBackend);
    const missing = e.members.filter((m) => m !== primary && !replicas.includes(m));
    const problems = [
      ...(missing.length ? [`${missing.join(', ')} not UP in ${e.replicasBackend}`] : []),
      ...(replicas.includes(primary) ? [`the primary ${primary} UP in ${e.replicasBackend} too`] : []),
    ];
    if (problems.length) return fail(`primary ${primary}; ${problems.join('; ')}`, 'replicas');
    return pass(`primary ${primary}; replicas ${replicas.join(', ') || 'none'}`);
  },
  reads: (e) => [{ device: e.device, command: HAPROXY.stat(e.socket) }],
  about: (e) => [e.device, ...e.members],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.proxy, section: `backend ${e.primaryBackend}` }),
  severity: (code) => (code === 'no-primary' || code === 'split' ? 'critical' : 'major'),
};
