/**
 * Runs the checks against a live site, polling with a deadline: a fabric converges over a few
 * seconds (BGP after IPv6 RA, VRRP after its master-down timer), so each failing check is tried
 * again every interval until it passes or the deadline is reached.
 */
import { type CommandRunner, ObservationRound } from '../observe/runner.js';
import { mapLimit, sleep } from '../util/concurrency.js';
import type { Expectation } from './checks/index.js';
import type { CheckIndex, ExpectationBase } from './checks/spec.js';
import { evaluate } from './evaluate.js';

export interface VerifyResult<E extends ExpectationBase = Expectation> {
  expectation: E;
  ok: boolean;
  detail: string;
  attempts: number;
  /** Seconds from the start until the check passed (or the deadline). */
  seconds: number;
}

export interface VerifyOptions {
  deadlineMs: number;
  intervalMs: number;
  concurrency: number;
  /** The runner of one round (push gates read FRR once per device and round); default: `runner` itself. */
  perRound?: (runner: CommandRunner) => CommandRunner;
  onRound?: (round: number, passed: number, total: number) => void;
}

export async function runChecks<E extends ExpectationBase = Expectation>(
  expectations: readonly E[],
  runner: CommandRunner,
  opts: VerifyOptions,
  index?: CheckIndex<E>,
): Promise<VerifyResult<E>[]> {
  const started = Date.now();
  const results = new Map<string, VerifyResult<E>>();
  let pending = [...expectations];
  for (let round = 1; pending.length; round++) {
    const observations = new ObservationRound(opts.perRound ? opts.perRound(runner) : runner);
    const outcomes = await mapLimit(pending, opts.concurrency, async (e) => {
      try {
        return await evaluate(e, observations, index);
      } catch (err) {
        return { ok: false, detail: `could not check: ${(err as Error).message}` };
      }
    });
    const seconds = (Date.now() - started) / 1000;
    pending.forEach((e, i) => {
      const { ok, detail } = outcomes[i]!;
      results.set(e.id, { expectation: e, ok, detail, attempts: round, seconds });
    });
    pending = pending.filter((_, i) => !outcomes[i]!.ok);
    opts.onRound?.(round, expectations.length - pending.length, expectations.length);
    if (pending.length === 0 || Date.now() - started + opts.intervalMs > opts.deadlineMs) break;
    await sleep(opts.intervalMs);
  }
  return expectations.map((e) => results.get(e.id)!);
}
