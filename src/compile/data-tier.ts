/**
 * The data tier on the HAProxy pair (issue 12, docs/data-tier.md): each data service's
 * role-aware TCP backends and a TCP frontend per VIP, and how long the write VIP takes to follow
 * a promotion (its budget's prediction). Redis (Sentinel), PostgreSQL (Patroni) and RabbitMQ
 * (every healthy node, through its management API's health check).
 */
import type { SiteTimers } from '../model/budgets.js';
import type { SecretRef } from '../model/secrets.js';
import type { HaproxyModel, HaproxyTcpBackend, HaproxyTcpFrontend, TcpCheckStep } from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import { formatAddress6 } from '../net/ipv6.js';
import type { DataServiceFacts, TenantFacts } from './facts/tenants.js';
import type { DeviceFacts } from './facts.js';
import { PATRONI_PORT } from './postgres.js';
import { RABBITMQ_MANAGEMENT_PORT, RABBITMQ_MONITORING_USER, rabbitmqAuth } from './rabbitmq.js';
import { addressToward, redisAuth, SENTINEL_PORT, sentinelAuth } from './redis.js';
import { checkTimers, toMs } from './timers.js';

/**
 * The Redis role check, as the field writes it (https://www.haproxy.com/blog/haproxy-advanced-redis-health-check):
 * with a password, `AUTH` first (a member with `requirepass` answers every other command
 * `-NOAUTH`); PING to see Redis answer at all, then `INFO replication`, whose `role:` line says
 * what the member is now; QUIT so the member does not keep the check's connection open.
 */
export function redisRoleCheck(role: 'master' | 'slave', auth: SecretRef | null = null): TcpCheckStep[] {
  return [
    ...redisAuthCheck(auth),
    { verb: 'send', text: 'PING\\r\\n' },
    { verb: 'expect string', text: '+PONG' },
    { verb: 'send', text: 'info\\ replication\\r\\n' },
    { verb: 'expect string', text: `role:${role}` },
    { verb: 'send', text: 'QUIT\\r\\n' },
    { verb: 'expect string', text: '+OK' },
  ];
}

/**
 * `AUTH <password>` and its `+OK`, for a service with a password; nothing without one. A wrong
 * password is `-WRONGPASS`, so the member is DOWN in every backend: a check that passed without
 * the password would hide that clients are refused.
 */
export function redisAuthCheck(auth: SecretRef | null): TcpCheckStep[] {
  return auth
    ? [
        { verb: 'send', text: 'AUTH\\ ', secret: auth, textAfter: '\\r\\n' },
        { verb: 'expect string', text: '+OK' },
      ]
    : [];
}

/**
 * The split-brain guard of the primary backend (docs/data-tier.md): after the member said
 * `role:master`, ask the Sentinel on this HAProxy's own VM which member is the primary, and
 * expect this member's address (`bc_dst` of the first connection) as a line of the answer
 * (`*2\r\n$10\r\n10.20.3.31\r\n$4\r\n6379\r\n`: between `\n` and `\r`, so 10.20.3.3 never
 * matches 10.20.3.31). An old primary restarted as a master is UP nowhere until Sentinel has
 * re-pointed it, and the promoted replica is UP as soon as the Sentinels agree on it.
 */
export function sentinelSaysPrimary(
  service: string,
  sentinel: { address: string; port: number; auth: SecretRef | null },
): TcpCheckStep[] {
  return [
    { verb: 'connect', text: `addr ${sentinel.address} port ${sentinel.port}` },
    // a Sentinel with a password answers the question `-NOAUTH`: the primary would be DOWN
    ...redisAuthCheck(sentinel.auth),
    { verb: 'send', text: `SENTINEL\\ get-master-addr-by-name\\ ${service}\\r\\n` },
    { verb: 'expect string-lf', text: '\\n%[var(check.member)]\\r' },
  ];
}

/**
 * The PostgreSQL role check (docs/data-tier.md): the member's PgBouncer accepts a connection (the
 * server's own port: a dead pooler is a dead member, whatever PostgreSQL says), then Patroni's
 * REST API on the member answers `/primary` (200 only while it holds the leader lock and its
 * PostgreSQL runs as the primary) or `/replica` (200 only while it runs as a replica) — Patroni's
 * HAProxy recipe (https://patroni.readthedocs.io/en/latest/rest_api.html), as a `tcp-check`
 * sequence because `option httpchk` checks one port only. HTTP/1.0, so Patroni closes the
 * connection after its answer.
 */
export function patroniRoleCheck(holds: 'primary' | 'replicas'): TcpCheckStep[] {
  const path = holds === 'primary' ? '/primary' : '/replica';
  return [
    { verb: 'connect', text: 'default' },
    { verb: 'connect', text: `port ${PATRONI_PORT}` },
    { verb: 'send', text: `GET\\ ${path}\\ HTTP/1.0\\r\\n\\r\\n` },
    { verb: 'expect rstring', text: '^HTTP/1\\.[01]\\ 200' },
  ];
}

/**
 * The RabbitMQ health check (docs/data-tier.md): the node's AMQP port accepts a connection (the
 * server's own port), then its management API answers `GET /api/health/checks/local-alarms` with
 * 200 — the node runs (a node paused by `pause_minority` stops its listeners, so it fails too) and
 * raises no memory or disk alarm, under which it would block every publisher
 * (https://www.rabbitmq.com/monitoring.html#health-checks). Not `node-is-quorum-critical`: that
 * one fails on every node left when one is down (each is then critical for the queues' quorum),
 * which would take the whole VIP down for one node's loss; it is for maintenance, not routing.
 * Basic auth as the `monitoring` user, encoded by HAProxy itself (`send-lf`, the `base64`
 * converter), so no encoded password is ever rendered. HTTP/1.0: the node closes after its answer.
 */
export function rabbitmqHealthCheck(auth: SecretRef): TcpCheckStep[] {
  return [
    { verb: 'connect', text: 'default' },
    { verb: 'connect', text: `port ${RABBITMQ_MANAGEMENT_PORT}` },
    {
      verb: 'send-lf',
      text: `GET\\ /api/health/checks/local-alarms\\ HTTP/1.0\\r\\nAuthorization:\\ Basic\\ %[str(${RABBITMQ_MONITORING_USER}:`,
      secret: auth,
      textAfter: '),base64]\\r\\n\\r\\n',
    },
    { verb: 'expect rstring', text: '^HTTP/1\\.[01]\\ 200' },
  ];
}

/** The backend a service's write VIP sends to: RabbitMQ's every node, else the primary's. */
export function writeBackendName(svc: Pick<DataServiceFacts, 'name' | 'kind'>): string {
  return svc.kind === 'rabbitmq' ? `${svc.name}_nodes` : `${svc.name}_primary`;
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
 * `backup` tracking it in the primary backend); per VIP a TCP frontend on the VIP's address and
 * port (the pair holds the VIP with VRRP) to the backend of its role. Members are reached on the NIC in a segment this HAProxy shares with them.
 */
export function compileDataTier(
  tenant: Pick<TenantFacts, 'data' | 'sentinelAuth'> | undefined,
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
  for (const svc of tenant?.data ?? []) {
    const members = svc.members
      .map(({ device }) => {
        const nic = device.nics.find((n) => n.segment !== null && myKeys.has(n.segment));
        return nic?.address != null ? { name: device.name, address: formatAddress(nic.address) } : undefined;
      })
      .filter((m): m is NonNullable<typeof m> => !!m);
    // the Sentinel on this HAProxy's VM (redis.ts): on its address toward the members
    const toward = addressToward(
      d,
      svc.members.map((m) => m.device),
    );
    const sentinel = toward ? { address: toward, port: SENTINEL_PORT, auth: sentinelAuth(tenant) } : null;
    const auth = redisAuth(svc);
    const primary = writeBackendName(svc);
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
      tcpCheck:
        holds === 'nodes'
          ? rabbitmqHealthCheck(rabbitmqAuth(svc)!)
          : svc.kind === 'postgres'
            ? patroniRoleCheck(holds)
            : holds === 'primary' && sentinel
              ? [
                  { verb: 'connect', text: 'default' },
                  { verb: 'set-var(check.member)', text: 'bc_dst' },
                  ...redisRoleCheck('master', auth),
                  ...sentinelSaysPrimary(svc.name, sentinel),
                ]
              : redisRoleCheck(holds === 'primary' ? 'master' : 'slave', auth),
      checkInterval: toMs(t.intervalS),
      checkTimeoutMs: svc.kind === 'postgres' ? timers.patroni.restCheckTimeoutMs : null,
      serverCheck,
      servers,
    });
    const direct = members.map((m) => ({ ...m, port: svc.port, backup: false, track: null }));
    // RabbitMQ without a password renders no backend: its monitoring user has none to log in
    // with (checks/data.ts rabbitmq-without-auth)
    if (svc.kind === 'rabbitmq' && !rabbitmqAuth(svc)) continue;
    tcpBackends.push(backend(primary, svc.kind === 'rabbitmq' ? 'nodes' : 'primary', direct));
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
        // the VIP itself, held by this pair's VRRP (keepalived.ts): the backup binds it too, which
        // the kernel allows it (kernel.ts, ip_nonlocal_bind) and `transparent` does whatever the
        // sysctls say yet (a lab node starts HAProxy before it applies sysctl.conf); a VIP whose
        // address did not parse (a finding) falls back to the pair's own address
        binds: [
          {
            family: 'ipv4',
            address: v.address === null ? bindAddress : formatAddress(v.address),
            port: v.port,
            certificate: null,
            transparent: v.address !== null || bindAddress !== '*',
            v6only: false,
          },
          // its IPv6 address too, held by the pair's IPv6 instance
          ...(v.address6 === null
            ? []
            : [
                {
                  family: 'ipv6' as const,
                  address: formatAddress6(v.address6),
                  port: v.port,
                  certificate: null,
                  transparent: true,
                  v6only: true,
                },
              ]),
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
 * How long writes through a service's write VIP fail when its primary dies (the `data-write`
 * budget's prediction): for Redis, Sentinel's `down-after-milliseconds` and its own reaction; for
 * PostgreSQL, its postmaster crashing: Patroni's next HA loop sees it (`loop_wait`) and, with
 * `master_start_timeout` 0, frees the lock, and a replica's own reaction promotes it (a primary
 * whose node or Patroni dies is patroniNodeLossPrediction). Then HAProxy's role checks of the
 * primary backend `b` following the new primary. For RabbitMQ nothing is promoted: a node's loss
 * costs HAProxy's detection of it and the election of new leaders for the quorum queues it led.
 */
export function dataWritePrediction(
  b: Pick<HaproxyTcpBackend, 'checkInterval' | 'serverCheck'>,
  timers: SiteTimers,
  kind: DataServiceFacts['kind'],
): { expectedMs: number; timers: Record<string, number>; formula: string } {
  const c = {
    interMs: b.checkInterval,
    fastinterMs: b.serverCheck.fastinter,
    rise: b.serverCheck.rise,
    fall: b.serverCheck.fall,
  };
  if (kind === 'rabbitmq') {
    // every node serves: nothing is promoted. A dead node's connections are cut and its clients
    // reconnect through the VIP, which sends them to it until HAProxy's checks have it DOWN (a
    // lost VM: every check times out); the quorum queues it led elect a leader on the others
    const timeoutMs = toMs(timers.checks.timeoutS);
    return {
      expectedMs:
        c.interMs + c.fall * timeoutMs + (c.fall - 1) * c.fastinterMs + timers.rabbitmq.leaderElectionMs,
      timers: {
        interMs: c.interMs,
        fastinterMs: c.fastinterMs,
        fall: c.fall,
        timeoutCheckMs: timeoutMs,
        leaderElectionMs: timers.rabbitmq.leaderElectionMs,
      },
      formula: 'inter + fall × timeout + (fall − 1) × fastinter + quorum queue leader election',
    };
  }
  if (kind === 'postgres') {
    const p = timers.patroni;
    return {
      expectedMs: toMs(p.loopWaitS) + p.reactionMs + dataFollowMs(c),
      timers: {
        loopWaitMs: toMs(p.loopWaitS),
        masterStartTimeoutMs: toMs(p.masterStartTimeoutS),
        patroniReactionMs: p.reactionMs,
        interMs: c.interMs,
        fastinterMs: c.fastinterMs,
        rise: c.rise,
        fall: c.fall,
      },
      formula:
        'loop_wait + master_start_timeout + Patroni reaction + inter + (max(rise, fall) − 1) × fastinter',
    };
  }
  const { downAfterMs, reactionMs } = timers.sentinel;
  return {
    expectedMs: downAfterMs + reactionMs + dataFollowMs(c),
    timers: {
      downAfterMs,
      sentinelReactionMs: reactionMs,
      interMs: c.interMs,
      fastinterMs: c.fastinterMs,
      rise: c.rise,
      fall: c.fall,
    },
    formula: 'down-after + Sentinel reaction + inter + (max(rise, fall) − 1) × fastinter',
  };
}

/**
 * HAProxy's role checks follow a promotion once the Sentinel beside them names the new primary:
 * the new one is UP after `rise` good checks, the first at most `inter` (`downinter` = `inter`)
 * after the change and the others `fastinter` apart; an old primary that still answers (a planned
 * failover) is DOWN after `fall` checks that read the wrong role, the same way. Those checks are
 * answered at once, a round trip on the data segment, not `timeout check`: only a member that
 * does not answer costs that, and a dead primary's checks time out during Sentinel's down-after,
 * which is longer (`sentinel-down-after-short` below SENTINEL_MIN_DOWN_AFTER_MS). Sentinel's own
 * detection and promotion come first (dataWritePrediction).
 */
export function dataFollowMs(c: { interMs: number; fastinterMs: number; rise: number; fall: number }) {
  return c.interMs + (Math.max(c.rise, c.fall) - 1) * c.fastinterMs;
}

/**
 * How long writes through a PostgreSQL service's write VIP fail when the primary's node (or its
 * Patroni) dies: nobody frees the leader lock, which expires `ttl` after its last renewal, then a
 * replica's reaction and HAProxy's checks as for a crash. Patroni's floor: its `ttl` is at least
 * 20 s, so this never meets a budget of 5 s (checks/data.ts `patroni-node-loss-over-budget`).
 */
export function patroniNodeLossPrediction(
  b: Pick<HaproxyTcpBackend, 'checkInterval' | 'serverCheck'>,
  timers: Pick<SiteTimers, 'patroni'>,
): number {
  const c = {
    interMs: b.checkInterval,
    fastinterMs: b.serverCheck.fastinter,
    rise: b.serverCheck.rise,
    fall: b.serverCheck.fall,
  };
  return toMs(timers.patroni.ttlS) + timers.patroni.reactionMs + dataFollowMs(c);
}

/**
 * How long publishing through a RabbitMQ service's AMQP VIP may fail when a node is lost without a
 * word (its VM, its link: no reset): HAProxy takes it out after its checks time out, but the
 * other nodes see it only after `net_ticktime` (at most 1.25 × it), and a quorum queue it led
 * confirms no publish until then and its leader election (measured: up to 12.5 s at net_ticktime
 * 10 s, docs/data-tier.md). Over a 5 s budget unless net_ticktime is lowered
 * (checks/rabbitmq.ts `rabbitmq-node-loss-over-budget`).
 */
export function rabbitmqNodeLossPrediction(
  b: Pick<HaproxyTcpBackend, 'checkInterval' | 'serverCheck'>,
  timers: Pick<SiteTimers, 'rabbitmq' | 'checks'>,
): number {
  const detect =
    b.checkInterval +
    b.serverCheck.fall * toMs(timers.checks.timeoutS) +
    (b.serverCheck.fall - 1) * b.serverCheck.fastinter;
  return Math.max(detect, Math.round(timers.rabbitmq.netTicktimeS * 1250)) + timers.rabbitmq.leaderElectionMs;
}
