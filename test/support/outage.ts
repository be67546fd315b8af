/**
 * A client loop's outage around a fault, from its log of timed commands: shared by the data
 * tier's namespace and lab tests, which log one line per command (`t` when it started, `ok`).
 */
export interface TimedCommand {
  t: number;
  ok: boolean;
  reply: string;
}

/**
 * How long the commands failed after `since`: from the first failure to the first success after
 * the last one (0 when none failed; to the last failure when none succeeded after it), and the
 * failures with their distinct replies.
 */
export function outageAfter<T extends TimedCommand>(lines: readonly T[], since: number) {
  const after = lines.filter((w) => w.t >= since);
  const failed = after.filter((w) => !w.ok);
  const firstFail = failed[0];
  const lastFail = failed[failed.length - 1];
  const backAt = lastFail ? (after.find((w) => w.ok && w.t > lastFail.t) ?? lastFail).t : since;
  return {
    ms: firstFail ? backAt - firstFail.t : 0,
    firstFailAt: firstFail?.t,
    backAt,
    failed,
    replies: [...new Set(failed.map((w) => w.reply))].join(' | '),
  };
}

/**
 * Whether the commands have succeeded for at least a second since `since` and since their last
 * failure. The second counts from the fault too: a command that started just before the fault
 * landed succeeds, and must not pass for the recovery before the failures are logged.
 */
export function backForASecond(lines: readonly TimedCommand[], since: number): boolean {
  const after = lines.filter((w) => w.t >= since);
  const lastErr = Math.max(since, ...after.filter((w) => !w.ok).map((w) => w.t));
  return after.some((w) => w.ok && w.t > lastErr + 1000);
}
