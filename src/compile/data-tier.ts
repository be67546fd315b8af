/**
 * The data tier on the HAProxy pair (issue 12, docs/data-tier.md): each data service's
 * role-aware TCP backends and a TCP frontend per VIP, and how long the write VIP takes to follow
 * a promotion (its budget's prediction). Redis only for now.
 */
import type { SiteTimers } from '../model/budgets.js';
import type { HaproxyModel, HaproxyTcpBackend, HaproxyTcpFrontend, TcpCheckStep } from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import type { DataServiceFacts } from './facts/tenants.js';
import type { DeviceFacts } from './facts.js';
import { checkTimers, toMs } from './timers.js';

/**
 * The Redis role check, as the field writes it (https://www.haproxy.com/blog/haproxy-advanced-redis-health-check):
 * PING to see Redis answer at all, then `INFO replication`, whose `role:` line says what the
 * member is now; QUIT so the member does not keep the check's connection open.
 */
export function redisRoleCheck(role: 'master' | 'slave'): TcpCheckStep[] {
  return [
    { verb: 'send', text: 'PING\\r\\n' },
    { verb: 'expect string', text: '+PONG' },
    { verb: 'send', text: 'info\\ replication\\r\\n' },
    { verb: 'expect string', text: `role:${role}` },
    { verb: 'send', text: 'QUIT\\r\\n' },
    { verb: 'expect string', text: '+OK' },
  ];
}

/**
 * How long a data connection may sit idle (`timeout client` / `timeout server`), ms: clients of
 * Redis keep pooled connections between commands, so HTTP's 30 s would cut them; a dead member's
 * are cut at once anyway (`on-marked-down shutdown-sessions`).
 */
export const DATA_IDLE_TIMEOUT_MS = 3_600_000;

/**
 * The data services behind this HAProxy (docs/data-tier.md): per service a `<svc>_primary`
 * backend (every member, checked for `role:master`) and, when it has a read VIP, a
 * `<svc>_replicas` backend (every member checked for `role:slave`, and every member again as a
 * `backup` tracking it in the primary backend); per VIP a TCP frontend on its port to the backend
 * of its role. Members are reached on the NIC in a segment this HAProxy shares with them.
 */
export function compileDataTier(
  services: readonly DataServiceFacts[],
  d: DeviceFacts,
  bindAddress: string,
  timers: SiteTimers,
): Pick<HaproxyModel, 'tcpDefaults' | 'tcpFrontends' | 'tcpBackends'> {
  const myKeys = new Set(d.nics.map((n) => n.segment));
  const tcpFrontends: HaproxyTcpFrontend[] = [];
  const tcpBackends: HaproxyTcpBackend[] = [];
  const { checks } = timers;
  const t = checkTimers(checks, undefined);
  const serverCheck = {
    fastinter: toMs(t.fastIntervalS),
    // a member of the other role is DOWN here for good: check it as often as an UP one
    downinter: toMs(t.intervalS),
    rise: t.rise,
    fall: t.fall,
    // always, unlike HTTP's (timers.ts): a client still connected to a demoted primary gets an
    // error for every write until its connection closes; cut, it reconnects through the VIP to
    // the new primary
    shutdownSessionsOnDown: true,
  };
  for (const svc of services) {
    const members = svc.members
      .map(({ device }) => {
        const nic = device.nics.find((n) => n.segment !== null && myKeys.has(n.segment));
        return nic?.address != null ? { name: device.name, address: formatAddress(nic.address) } : undefined;
      })
      .filter((m): m is NonNullable<typeof m> => !!m);
    const primary = `${svc.name}_primary`;
    const replicas = `${svc.name}_replicas`;
    const backend = (
      name: string,
      holds: HaproxyTcpBackend['holds'],
      servers: HaproxyTcpBackend['servers'],
    ): HaproxyTcpBackend => ({
      name,
      service: svc.name,
      holds,
      balance: holds === 'primary' ? 'first' : 'leastconn',
      tcpCheck: redisRoleCheck(holds === 'primary' ? 'master' : 'slave'),
      checkInterval: toMs(t.intervalS),
      serverCheck,
      servers,
    });
    const direct = members.map((m) => ({ ...m, port: svc.port, backup: false, track: null }));
    tcpBackends.push(backend(primary, 'primary', direct));
    if (svc.vips.some((v) => v.role === 'read'))
      tcpBackends.push(
        backend(replicas, 'replicas', [
          ...direct,
          ...members.map((m) => ({
            name: `${m.name}_primary`,
            address: m.address,
            port: svc.port,
            backup: true,
            track: `${primary}/${m.name}`,
          })),
        ]),
      );
    for (const v of svc.vips)
      tcpFrontends.push({
        name: `${svc.name}_${v.name}`,
        service: svc.name,
        vipRole: v.role,
        binds: [
          {
            family: 'ipv4',
            address: bindAddress,
            port: v.port,
            certificate: null,
            transparent: bindAddress !== '*',
            v6only: false,
          },
        ],
        backend: v.role === 'write' ? primary : replicas,
      });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    tcpDefaults: tcpBackends.length
      ? {
          name: 'data',
          mode: 'tcp',
          options: ['tcplog'],
          timeouts: {
            connect: timers.haproxyRetries.connectTimeoutMs,
            client: DATA_IDLE_TIMEOUT_MS,
            server: DATA_IDLE_TIMEOUT_MS,
            check: toMs(checks.timeoutS),
          },
        }
      : null,
    tcpFrontends: tcpFrontends.sort(byName),
    tcpBackends: tcpBackends.sort(byName),
  };
}

/**
 * HAProxy's role checks follow a promotion: the old primary is marked down after `fall` failed
 * checks (the first at most `inter` after it changed, the others `fastinter` apart, each up to
 * `timeout check`), the new one up after `rise` good ones, checked at `downinter` = `inter`.
 * Sentinel's own detection and promotion come first and are not in the model yet.
 */
export function dataFollowMs(c: {
  interMs: number;
  fastinterMs: number;
  rise: number;
  fall: number;
  timeoutMs: number;
}) {
  const after = (n: number) => c.interMs + n * c.timeoutMs + (n - 1) * c.fastinterMs;
  return Math.max(after(c.fall), after(c.rise));
}
