/**
 * The timers that decide every failover, chosen once per site: the inventory's `defaults`, else
 * values a data centre would choose. Each daemon's compile prints them as its daemon spells them,
 * and budgets.ts computes from the same values what a failure costs.
 */

import type { SiteInventory } from '../inventory/merge.js';
import type { HealthCheckTimers, SiteTimers } from '../model/budgets.js';

/**
 * Data-centre defaults. BFD 50 ms × 3 on fabric links detects a silent failure in 150 ms, which
 * with FRR's reaction (~100 ms) meets a 350 ms fabric budget; 100 ms × 3 cannot (300 ms plus
 * the reaction: 377-403 ms measured). 50 ms × 3 holds on the loaded 2-vCPU lab, but not while
 * eight of its nodes reload at once (push --probe-lab works two at a time: docs/failover.md);
 * hardware BFD goes further. VRRPv3
 * adverts of 200 ms make a backup take over in under 0.75 s (RFC 5798 section 6.1: 3 × advert
 * + skew). Health checks every 200 ms, two failures to go down, keep one HAProxy's or real
 * server's loss under a second.
 */
export const DEFAULT_TIMERS: SiteTimers = {
  // ConnectRetry: FRR's 120 s (traditional profile) left a session that lost a connection
  // collision after a link came back down for two minutes (edge1/cut in the lab, verify green
  // after 119 s); a SYN every 2 s to a peer that is away costs nothing
  // update-delay: a restarted bgpd in FRR 8.4 resets each BFD session once more right after it
  // comes up (FRR#17337, fixed in 10.3); holding its routes until every peer's End-of-RIB keeps
  // traffic off it through that second reset (a leaf's crash failback, docs/failover.md)
  bgp: { keepaliveS: 3, holdS: 9, connectRetryS: 2, updateDelayS: 10 },
  bfdFabric: { intervalMs: 50, multiplier: 3 },
  bfdUpstream: { intervalMs: 300, multiplier: 3 },
  // bfdd -> bgpd -> zebra -> kernel: bgpd holds its route-processing queue 50 ms (bgp_route.c,
  // not configurable), zebra its RIB queue 10 ms, plus the work; measured on the idc-a lab:
  // a silent spine 245-266 ms with BFD 50 ms x 3 (docs/failover.md)
  routingReactionMs: 100,
  // 0.15 s: a takeover in 3 × 0.15 + skew = 542 ms. With 0.2 s (722 ms) the idc-a lab measured up to
  // 951 ms of failed requests against the 1 s gateway budget; with 0.15 s, 449-618 ms (docs/failover.md)
  vrrp: { version: 3, advertS: 0.15 },
  // a server that is down is checked as often as one that is up: it is back in 2 × 0.2 s, not
  // after a 1 s down-interval (a HAProxy back from a failure otherwise answers 503 that long)
  checks: { intervalS: 0.2, fastIntervalS: 0.1, downIntervalS: 0.2, timeoutS: 0.2, rise: 2, fall: 2 },
  haproxyRetries: {
    // a data-centre connect answers in well under a millisecond: an unanswered SYN after 200 ms
    // means a lost server, and the request is redispatched at once instead of waiting for the
    // kernel's 1 s SYN retransmit (a client then still gets its answer in well under a second)
    connectTimeoutMs: 200,
    retries: 2,
    // conn-failure: the request never reached an application. empty-response and response-timeout:
    // it may have, so those are retried only for the methods in l7RetryOnly (a read repeats nothing)
    retryOn: ['conn-failure', 'empty-response', 'response-timeout'],
    // HAProxy's METH_GET matches GET and HEAD
    l7RetryOnly: ['METH_GET', 'METH_OPTIONS'],
    redispatch: true,
    // off: `on-marked-down shutdown-sessions` also kills the requests still connecting to the
    // server when it is marked down, which `retry-on conn-failure` would have sent elsewhere
    // (measured: 2-3 failed requests per lost app server with it, docs/failover.md)
    shutdownSessionsOnDown: false,
  },
  // 1.5 s without an answer. A Redis on the data segment answers PING in well under a
  // millisecond; the floor is Sentinel's own: after a failover each Sentinel reconnects to the new
  // primary at most once a second (it reuses the link it kept retrying to the dead one), and one
  // that holds the new primary down meanwhile fails it over again at once, since the others'
  // replies about the old one count for 5 s (SENTINEL_MIN_DOWN_AFTER_MS). With Sentinel's own
  // ~3 s and HAProxy's 0.3 s the write VIP is back within the 5 s data budget (docs/data-tier.md)
  sentinel: { downAfterMs: 1500, failoverTimeoutMs: 10_000, reactionMs: 3000 },
  // Patroni's floor: ttl 20 s is its minimum, and bounds a primary whose Patroni dies (node
  // loss); a postmaster crash is seen by the next HA loop (1 s) and, with master_start_timeout 0,
  // the lock is released at once. retry_timeout 3 is its minimum and 1 + 2 × 3 <= 20
  // (https://patroni.readthedocs.io/en/latest/dynamic_configuration.html)
  patroni: {
    ttlS: 20,
    loopWaitS: 1,
    retryTimeoutS: 3,
    masterStartTimeoutS: 0,
    reactionMs: 2000,
    restCheckTimeoutMs: 1000,
  },
  // net_ticktime 10 s instead of Erlang's 60: a node whose VM is lost is seen down (and its
  // queues' leaders moved) within 7.5-12.5 s instead of 45-75; on one data segment 10 s of
  // silence is no blip (https://www.rabbitmq.com/nettick.html). heartbeat 10 s: two missed and
  // a client on a dead path reconnects through the VIP
  rabbitmq: { netTicktimeS: 10, heartbeatS: 10, leaderElectionMs: 1000 },
};

/** Patroni's own limits on its timers (patroni/config.py, validator.py): ttl ≥ 20, loop_wait ≥ 1, retry_timeout ≥ 3. */
export const PATRONI_MIN = { ttlS: 20, loopWaitS: 1, retryTimeoutS: 3 } as const;

/**
 * The shortest `down-after-milliseconds` that cannot fail a just-promoted primary over again:
 * Sentinel's reconnect period (1 s, sentinel.c SENTINEL_PING_PERIOD) plus a timer tick and a
 * round trip, with margin. Measured in the data-a lab at 1000 ms: two of four SIGKILLed primaries
 * were failed over twice (14.5 s and 22.3 s of failed writes); at 1500 ms none of four
 * (docs/data-tier.md). Below it: `sentinel-down-after-short`.
 */
export const SENTINEL_MIN_DOWN_AFTER_MS = 1500;

export function compileTimers(inventory: Pick<SiteInventory, 'defaults'>): SiteTimers {
  const d = inventory.defaults;
  const t = DEFAULT_TIMERS;
  const c = d.checks;
  return {
    bgp: {
      keepaliveS: d.bgp?.keepalive ?? t.bgp.keepaliveS,
      holdS: d.bgp?.hold ?? t.bgp.holdS,
      connectRetryS: d.bgp?.connect_retry ?? t.bgp.connectRetryS,
      updateDelayS: d.bgp?.update_delay ?? t.bgp.updateDelayS,
    },
    bfdFabric: {
      intervalMs: d.bfd?.interval ?? t.bfdFabric.intervalMs,
      multiplier: d.bfd?.multiplier ?? t.bfdFabric.multiplier,
    },
    bfdUpstream: {
      intervalMs: d.bfd?.upstream?.interval ?? t.bfdUpstream.intervalMs,
      multiplier: d.bfd?.upstream?.multiplier ?? t.bfdUpstream.multiplier,
    },
    routingReactionMs: t.routingReactionMs,
    vrrp: { version: d.vrrp?.version ?? t.vrrp.version, advertS: d.vrrp?.advert_int ?? t.vrrp.advertS },
    checks: {
      intervalS: c?.interval ?? t.checks.intervalS,
      fastIntervalS: c?.fast_interval ?? t.checks.fastIntervalS,
      downIntervalS: c?.down_interval ?? t.checks.downIntervalS,
      timeoutS: c?.timeout ?? t.checks.timeoutS,
      rise: c?.rise ?? t.checks.rise,
      fall: c?.fall ?? t.checks.fall,
    },
    sentinel: {
      downAfterMs: d.sentinel?.down_after ?? t.sentinel.downAfterMs,
      failoverTimeoutMs: d.sentinel?.failover_timeout ?? t.sentinel.failoverTimeoutMs,
      reactionMs: t.sentinel.reactionMs,
    },
    patroni: {
      ttlS: d.patroni?.ttl ?? t.patroni.ttlS,
      loopWaitS: d.patroni?.loop_wait ?? t.patroni.loopWaitS,
      retryTimeoutS: d.patroni?.retry_timeout ?? t.patroni.retryTimeoutS,
      masterStartTimeoutS: t.patroni.masterStartTimeoutS,
      reactionMs: t.patroni.reactionMs,
      restCheckTimeoutMs: t.patroni.restCheckTimeoutMs,
    },
    rabbitmq: {
      netTicktimeS: d.rabbitmq?.net_ticktime ?? t.rabbitmq.netTicktimeS,
      heartbeatS: d.rabbitmq?.heartbeat ?? t.rabbitmq.heartbeatS,
      leaderElectionMs: t.rabbitmq.leaderElectionMs,
    },
    haproxyRetries: {
      ...t.haproxyRetries,
      retryOn: [...t.haproxyRetries.retryOn],
      l7RetryOnly: [...t.haproxyRetries.l7RetryOnly],
    },
  };
}

/** A service's own `check` interval/timeout (seconds) over the site's check timers. */
export function checkTimers(
  site: HealthCheckTimers,
  own: { interval?: number; timeout?: number } | undefined,
): HealthCheckTimers {
  return { ...site, intervalS: own?.interval ?? site.intervalS, timeoutS: own?.timeout ?? site.timeoutS };
}

/** Seconds as milliseconds, without float noise (0.2 s is 200 ms, not 200.00000000000003). */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
