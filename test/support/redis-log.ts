/**
 * Redis's and Sentinel's logs as a timeline: why a failover took the time it took (an election
 * lost, a Sentinel in TILT, a replica that would not sync). The data tier's tests print it beside
 * a failed budget.
 */

/** redis logs `<pid>:<role> 05 Dec 2026 05:07:51.123 <level> <message>`, in local time. */
const LINE = /^\d+:[A-Z] (\d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2})\.(\d{3}) . (.*)$/;

/** The replicas' retries to reach a dead primary and Sentinel's fsyncs: noise here. */
const NOISE = /saved on disk|Connecting to MASTER|sync started|Error condition on socket/;

/**
 * The lines of `logs` (who → the log's text) from `sinceMs` on, in time order, each as
 * `+<ms after sinceMs> <who>: <message>`, at most `limit` of them.
 */
export function redisTimeline(logs: ReadonlyMap<string, string>, sinceMs: number, limit = 120): string {
  return [...logs]
    .flatMap(([who, text]) =>
      text
        .split('\n')
        .map((l) => LINE.exec(l))
        .filter((m) => m !== null)
        .map((m) => ({ t: Date.parse(m[1]!) + Number(m[2]), who, what: m[3]! })),
    )
    .filter((e) => e.t >= sinceMs - 500 && !NOISE.test(e.what))
    .sort((a, b) => a.t - b.t)
    .slice(0, limit)
    .map((e) => `+${e.t - sinceMs} ${e.who}: ${e.what}`)
    .join('\n');
}

/**
 * How many Sentinels gave up an election (`-failover-abort-not-elected`) in a timeline: the first
 * vote split among several candidates (each Sentinel votes for the first that asks, and a SIGKILL
 * makes them all see the primary down together). Sentinel then tries again only 2 ×
 * failover-timeout after the failed attempt started (sentinel.c), which no timer of the budget's
 * prediction covers: docs/data-tier.md, "A split vote".
 */
export function failedElections(timeline: string): number {
  return (timeline.match(/-failover-abort-not-elected/g) ?? []).length;
}

/**
 * The longest writes may fail when the first election failed: the budget, plus the retry's wait
 * (2 × failover-timeout after the failed attempt, whose start Sentinel delays by up to 1 s at
 * random, SENTINEL_MAX_DESYNC).
 */
export function splitVoteBoundMs(budgetMs: number, failoverTimeoutMs: number): number {
  return budgetMs + 2 * failoverTimeoutMs + 1000;
}
