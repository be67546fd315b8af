/** Where a push's time went (src/push/result.ts): per phase for the push, and per wave. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PushResult } from '../../src/push/result.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A step that takes `ms` of (fake) time. */
const takes = async (ms: number): Promise<void> => {
  vi.advanceTimersByTime(ms);
};

describe('push timings', () => {
  it('GIVEN steps before and inside two waves THEN each wave sums its own, the push sums all, and read is nobody’s wave', async () => {
    const r = new PushResult('idc-a', 'id', false);
    r.report.waves = [
      { index: 1, devices: ['leaf1a'], gate: null },
      { index: 2, devices: ['leaf1b'], gate: null },
      { index: 3, devices: ['leaf2a'], gate: null },
    ];
    await r.timed('read', () => takes(100));
    await r.timed('gates', () => takes(100)); // the baseline: before any wave
    r.startWave(1);
    await r.timed('stage', () => takes(100));
    await r.timed('gates', () => takes(200));
    r.startWave(2);
    await r.timed('apply', () => takes(300));
    const report = r.finish({ result: 'ok', message: '' });
    const [w1, w2, w3] = report.waves;
    expect(w1!.timings).toEqual({ stage: 0.1, validate: 0, apply: 0, gates: 0.2 });
    expect(w2!.timings).toEqual({ stage: 0, validate: 0, apply: 0.3, gates: 0 });
    expect(w3!.timings).toBeUndefined();
    expect(report.timings.gates).toBe(0.3);
    expect(report.timings.total).toBe(0.8);
    expect(report.timings.read).toBe(0.1);
  });
});
