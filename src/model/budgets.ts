/**
 * Failover timers and failure budgets in the model. Compile decides every timer that decides a
 * failover (src/compile/timers.ts), the per-daemon models carry them as the daemons spell them,
 * and each redundancy group and service path gets the worst-case outage those timers allow next
 * to the outage its users accept (src/compile/budgets.ts). `fabric show --json` prints both.
 */

/** The timers of a site, as compile chose them (inventory `defaults`, else data-centre values). */
export interface SiteTimers {
  /**
   * BGP keepalive and hold, seconds: a backstop only, BFD detects failures. ConnectRetry, seconds:
   * how soon a session that could not open tries again. Update delay, seconds: how long a speaker
   * that has just started advertises nothing while its peers send their tables (0: off).
   * @default 3 / 9 / 2 / 10
   */
  bgp: { keepaliveS: number; holdS: number; connectRetryS: number; updateDelayS: number };
  /** BFD profile `fabric` (every session inside the site): ms × multiplier. @default 50 × 3 */
  bfdFabric: { intervalMs: number; multiplier: number };
  /** BFD profile `upstream` (sessions to ISPs). @default 300 × 3 */
  bfdUpstream: { intervalMs: number; multiplier: number };
  /**
   * Time from BFD declaring a session down to the FIB no longer using it (bfdd → bgpd → zebra →
   * kernel), ms: an estimate, measured by `fabric lab failover`. @default 100
   */
  routingReactionMs: number;
  /** VRRP: version 3 allows sub-second adverts (centiseconds), version 2 whole seconds. @default 3, 0.15 s */
  vrrp: { version: 2 | 3; advertS: number };
  /** Health checks of real servers (keepalived) and HAProxy servers, seconds and counts. */
  checks: HealthCheckTimers;
  /** How HAProxy hides a failed server from clients: retries on another server. */
  haproxyRetries: HaproxyRetryPolicy;
  /** Redis Sentinel, for every `redis` data service (docs/data-tier.md). */
  sentinel: SentinelTimers;
  /** Patroni, for every `postgres` data service (docs/data-tier.md). */
  patroni: PatroniTimers;
  /** RabbitMQ, for every `rabbitmq` data service (docs/data-tier.md). */
  rabbitmq: RabbitmqTimers;
}

export interface RabbitmqTimers {
  /** `net_ticktime`, s: a silent node is down for the others after 0.75–1.25 of it. @default 10 */
  netTicktimeS: number;
  /** `heartbeat`, s: the AMQP heartbeat; a peer missing two is disconnected. @default 10 */
  heartbeatS: number;
  /**
   * The quorum queues' own reaction to a node that crashed, ms: the nodes left see its
   * distribution connection close at once, and the queues it led elect a new leader among them
   * (Ra's election) before publishes to them are confirmed again. Measured on this machine: a
   * queue leader's SIGKILL cost publishers 0.04–0.7 s in all, HAProxy's detection included
   * (docs/data-tier.md); 1 s is the margin. Not a setting. @default 1000
   */
  leaderElectionMs: number;
}

export interface PatroniTimers {
  /** `ttl`, s: the leader lock's lifetime; Patroni refuses less than 20. @default 20 */
  ttlS: number;
  /** `loop_wait`, s: the HA loop's period (≥ 1). @default 1 */
  loopWaitS: number;
  /** `retry_timeout`, s (≥ 3; `loop_wait + 2 × retry_timeout ≤ ttl`). @default 3 */
  retryTimeoutS: number;
  /** `master_start_timeout`, s: 0 releases the lock as soon as PostgreSQL is seen crashed. @default 0 */
  masterStartTimeoutS: number;
  /**
   * How long HAProxy's role check may wait for Patroni's REST API to answer, ms (`timeout check`
   * of the PostgreSQL backends). Patroni answers from Python and asks PostgreSQL first: measured in
   * the data-pg lab, up to 406 ms while a member rewinds, 183 ms from a healthy replica, so the
   * site's 200 ms check timeout took the new primary DOWN twice during a failback (fall 2, then
   * `shutdown-sessions` cut the writes). A crash is answered at once (503), and a lost primary
   * keeps the lock for `ttl` anyway, so the longer wait costs no failover. Not a setting. @default 1000
   */
  restCheckTimeoutMs: number;
  /**
   * Patroni's own reaction once the lock is free, ms, worst case: a replica woken by the store's
   * watch runs an HA cycle (it asks the other members' REST APIs whether one is further ahead)
   * and promotes (`pg_ctl promote`, then the first checkpoint). Measured on this machine: 1.7–2.6
   * s from the postmaster's SIGKILL to a write on the new primary, which includes one loop_wait.
   * Not a setting. @default 2000
   */
  reactionMs: number;
}

export interface SentinelTimers {
  /** `down-after-milliseconds`: no valid reply for this long and a Sentinel holds a member down, ms. @default 1500 */
  downAfterMs: number;
  /** `failover-timeout`, ms: how long a failover may take before another may start. @default 10000 */
  failoverTimeoutMs: number;
  /**
   * Sentinel's own reaction besides `down-after`, ms, worst case: its PING period (1 s,
   * SENTINEL_PING_PERIOD: a crash right after an answer is noticed by the next PING), asking the
   * other Sentinels whether they agree (every 1 s, SENTINEL_ASK_PERIOD; the election rides on it)
   * and one INFO period (1 s during a failover) to see the replica it promoted say `role:master`
   * (https://github.com/redis/redis/blob/7.0/src/sentinel.c). Measured in the data-a lab: the
   * Sentinels held a SIGKILLed primary down 2.0 s after the kill with down-after at 1000 ms.
   * Not a setting: Redis's constants. @default 3000
   */
  reactionMs: number;
}

export interface HealthCheckTimers {
  /** Seconds between checks of a healthy server: keepalived `delay_loop`, HAProxy `inter`. @default 0.2 */
  intervalS: number;
  /** Seconds between checks of a failing server: HAProxy `fastinter`, keepalived `delay_before_retry`. @default 0.1 */
  fastIntervalS: number;
  /** Seconds between checks of a server that is down: HAProxy `downinter`. @default 1 */
  downIntervalS: number;
  /** Seconds a check may take: keepalived `connect_timeout`, HAProxy `timeout check`. @default 0.2 */
  timeoutS: number;
  /** Successful checks before a server is up again. @default 2 */
  rise: number;
  /** Failed checks before a server is down (keepalived: `retry` = fall − 1). @default 2 */
  fall: number;
}

export interface HaproxyRetryPolicy {
  /**
   * `timeout connect`, ms: how long a connection to a silently dead server is tried before the
   * retry goes to another server. Servers are one hop away: 1 s is generous. @default 1000
   */
  connectTimeoutMs: number;
  /** `retries`: attempts after the first one fails. @default 2 */
  retries: number;
  /** `retry-on`: the failures that are retried. */
  retryOn: string[];
  /**
   * HAProxy ACLs of the requests that are retried after they reached a server (an empty
   * response, `timeout server`): reads, which repeat nothing. Any other request is retried only
   * when its connection failed (`http-request disable-l7-retry`). @default METH_GET (GET, HEAD), METH_OPTIONS
   */
  l7RetryOnly: string[];
  /** `option redispatch 1`: every retry goes to another server. @default true */
  redispatch: boolean;
  /** `on-marked-down shutdown-sessions`: a server marked down loses its sessions at once. @default true */
  shutdownSessionsOnDown: boolean;
}

/** The failure a budget is about. */
export type BudgetKind =
  | 'fabric-node'
  | 'edge-node'
  | 'fabric-cable'
  | 'vrrp-gateway'
  | 'l4-vip'
  | 'l4-real-server'
  | 'app-server'
  | 'hypervisor'
  /** A data service's write VIP after a promotion: HAProxy's role checks follow the primary. */
  | 'data-write'
  /**
   * A tenant's data VIPs when a member of its HAProxy pair fails: VRRP moves them to the other
   * member (the member lost, or its HAProxy dead and the instance in FAULT).
   */
  | 'data-vip';

/**
 * One failure budget: what fails, the worst-case outage the rendered timers allow, and the outage
 * its users accept. An application server's budget is in failed requests (HAProxy retries hide
 * its loss), the others in milliseconds.
 */
export interface FailureBudget {
  kind: BudgetKind;
  /** What fails: a group (`shop-routers`), a service (`shop/www`), a device (`hv1`) or `cables`. */
  subject: string;
  /** The redundancy group the subject belongs to, or null. */
  group: string | null;
  /** Devices whose single failure this budget covers, sorted (empty for cables). */
  members: string[];
  /** Worst-case outage the timers allow, ms (for an application server: the detection time). */
  expectedOutageMs: number;
  /** The accepted outage, ms; null where the budget is in failed requests. */
  budgetMs: number | null;
  /** Requests that fail: 0 when retries hide the failure, null when they cannot; null if not counted. */
  expectedFailedRequests: number | null;
  /** Requests that may fail; null where the budget is in milliseconds. */
  budgetFailedRequests: number | null;
  /**
   * The inventory setting the budget comes from, as a key path (`['budgets', 'gateway']`,
   * `['tenants', 'shop', 'routers', 'budget']`); null: the default of src/compile/budgets.ts.
   */
  budgetSource: string[] | null;
  /**
   * Which probes the outage is measured on: `pings` for the fabric (issue 10: "≤ 350 ms of lost
   * pings"; a request that loses one SYN waits for TCP's 1 s retransmission, which says nothing of
   * the fabric's convergence), `every-probe` for services, whose users are the requests.
   */
  outageOf: 'pings' | 'every-probe';
  /** True when the expected outage fits the budget. */
  met: boolean;
  /** The timers that decide it, by name with their unit (`bfdIntervalMs`, `advertS` …). */
  timers: Record<string, number>;
  /** How `expectedOutageMs` follows from the timers, for people. */
  formula: string;
}
