/**
 * test/support/redis-log.ts, which the data tier's integration tests lean on: a timeline of Redis's
 * and Sentinel's logs, and a failed first election read from it (the lines are from a clean-clone
 * CI run's lab, 2026-12-05, where four Sentinels started a failover within 20 ms).
 */
import { describe, expect, it } from 'vitest';
import { failedElections, redisTimeline, splitVoteBoundMs } from '../support/redis-log.js';

const at = Date.parse('05 Dec 2026 06:58:37');
const logs = new Map([
  [
    'web2 sentinel',
    [
      '99:X 05 Dec 2026 06:58:39.639 # +try-failover master cache 10.20.3.31 6379',
      '99:X 05 Dec 2026 06:58:49.903 # -failover-abort-not-elected master cache 10.20.3.31 6379',
      '99:X 05 Dec 2026 06:58:39.640 * Sentinel new configuration saved on disk',
    ].join('\n'),
  ],
  [
    'web1 sentinel',
    '98:X 05 Dec 2026 06:58:50.237 # -failover-abort-not-elected master cache 10.20.3.31 6379\n',
  ],
]);

describe('the data tier’s log timeline', () => {
  it('GIVEN two Sentinels’ logs THEN one time-ordered timeline relative to the fault, without the fsync noise, and two failed elections', () => {
    const t = redisTimeline(logs, at);
    expect(t.split('\n')).toEqual([
      '+2639 web2 sentinel: +try-failover master cache 10.20.3.31 6379',
      '+12903 web2 sentinel: -failover-abort-not-elected master cache 10.20.3.31 6379',
      '+13237 web1 sentinel: -failover-abort-not-elected master cache 10.20.3.31 6379',
    ]);
    expect(failedElections(t)).toBe(2);
    expect(failedElections('+2639 web2 sentinel: +elected-leader master cache')).toBe(0);
  });

  it('GIVEN the 5 s budget and failover-timeout 10 s THEN a split vote is bounded by 5 + 2 × 10 + 1 s', () => {
    expect(splitVoteBoundMs(5000, 10_000)).toBe(26_000);
  });
});
