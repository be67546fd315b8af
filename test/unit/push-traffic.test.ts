/**
 * What the probes saw during a push, per wave (src/push/traffic.ts): windows from the waves'
 * start times, outages and losses per wave, and the verdict against the fabric budget.
 */
import { describe, expect, it } from 'vitest';
import type { PushReport } from '../../src/push/report.js';
import { emptyReport } from '../../src/push/result.js';
import {
  measureWave,
  type ProbeSamples,
  type TrafficBudget,
  waveWindows,
  withTraffic,
} from '../../src/push/traffic.js';
import { pushText } from '../../src/report/push.js';

const BUDGET: TrafficBudget = { pingLossMs: 350, failedRequests: 0 };

/** Samples every `every` ms from `from` to `to`, failing in [lostFrom, lostTo). */
function samples(from: number, to: number, every: number, lostFrom = 0, lostTo = 0) {
  const out = [];
  for (let at = from; at < to; at += every) out.push({ at, ok: !(at >= lostFrom && at < lostTo) });
  return out;
}

const ping = (lostFrom = 0, lostTo = 0): ProbeSamples => ({
  id: 'ping leaf1a→leaf2a',
  kind: 'ping',
  intervalMs: 10,
  samples: samples(0, 10_000, 10, lostFrom, lostTo),
});
const http = (lostFrom = 0, lostTo = 0): ProbeSamples => ({
  id: 'http isp1→http://203.0.113.10/',
  kind: 'http',
  intervalMs: 50,
  samples: samples(0, 10_000, 50, lostFrom, lostTo),
});

describe('waveWindows', () => {
  it('GIVEN the start of each wave THEN each window runs to the next start, the last to the end', () => {
    const starts = new Map([
      [2, 4000],
      [1, 1000],
    ]);
    expect(waveWindows(starts, 9000)).toEqual([
      { index: 1, from: 1000, to: 4000 },
      { index: 2, from: 4000, to: 9000 },
    ]);
  });
});

describe('measureWave', () => {
  it('GIVEN probes that answered everything THEN the wave is within budget with nothing lost', () => {
    const t = measureWave([ping(), http()], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t).toMatchObject({ longestOutageMs: 0, lostPings: 0, failedRequests: 0, withinBudget: true });
    expect(t.sentPings).toBe(400);
    expect(t.sentRequests).toBe(80);
    expect(t.probes).toEqual([]);
  });

  it('GIVEN 200 ms of pings lost in the wave THEN it is counted there and is within the 350 ms budget', () => {
    const t = measureWave([ping(2000, 2200)], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t.lostPings).toBe(20);
    expect(t.lostPingMs).toBe(200);
    expect(t.longestOutageMs).toBe(200);
    expect(t.worstProbe).toBe('ping leaf1a→leaf2a');
    expect(t.withinBudget).toBe(true);
  });

  it('GIVEN 400 ms of pings lost THEN the wave is over budget, naming the probe', () => {
    const t = measureWave([ping(2000, 2400)], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t.withinBudget).toBe(false);
    expect(t.reasons).toEqual(['ping leaf1a→leaf2a: 400 ms without replies > 350 ms']);
  });

  it('GIVEN an outage that started in the previous wave THEN it belongs to that wave, not this one', () => {
    const probes = [ping(3900, 4100)];
    expect(measureWave(probes, { index: 1, from: 1000, to: 4000 }, BUDGET).lostPings).toBe(10);
    expect(measureWave(probes, { index: 2, from: 4000, to: 8000 }, BUDGET)).toMatchObject({
      longestOutageMs: 0,
      lostPings: 10, // sent in wave 2, but the outage is wave 1's
    });
  });

  it('GIVEN one failed HTTP request THEN the wave is over budget (a push loses no request)', () => {
    const t = measureWave([ping(), http(2000, 2050)], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t.failedRequests).toBe(1);
    expect(t.withinBudget).toBe(false);
    expect(t.reasons).toEqual(['1 HTTP request(s) failed > 0']);
    expect(t.probes.map((p) => p.probe)).toEqual(['http isp1→http://203.0.113.10/']);
  });

  it('GIVEN failed requests of two kinds THEN the wave says which, how many and when after its start', () => {
    const probe = http(2000, 2150);
    const failed = probe.samples.map((x) =>
      x.ok ? x : { ...x, error: x.at === 2000 ? 'HTTP 503' : 'timeout' },
    );
    const t = measureWave([{ ...probe, samples: failed }], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t.probes[0]!.failures).toEqual([
      { error: 'timeout', count: 2, firstAtMs: 1050, lastAtMs: 1100 },
      { error: 'HTTP 503', count: 1, firstAtMs: 1000, lastAtMs: 1000 },
    ]);
    const pings = measureWave([ping(3000, 3030)], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(pings.probes[0]!.failures).toEqual([
      { error: 'no reply', count: 3, firstAtMs: 2000, lastAtMs: 2020 },
    ]);
  });

  it('GIVEN a probe that sent nothing for a second (its process starved) THEN the report shows the gap', () => {
    const starved: ProbeSamples = {
      ...http(2000, 2050),
      samples: http(2000, 2050).samples.filter((x) => x.at < 2000 || x.at >= 3000 || x.at === 2000),
    };
    const t = measureWave([starved], { index: 1, from: 1000, to: 5000 }, BUDGET);
    expect(t.probes[0]).toMatchObject({ failed: 1, longestSendGapMs: 1000 });
  });

  it('GIVEN a probe that never answers again THEN the wave is over budget: still failing', () => {
    const t = measureWave([ping(6000, 20_000)], { index: 1, from: 5000, to: 9000 }, BUDGET);
    expect(t.unrecovered).toEqual(['ping leaf1a→leaf2a']);
    expect(t.withinBudget).toBe(false);
  });
});

describe('withTraffic', () => {
  const report = (): PushReport => ({
    ...emptyReport('idc-a', 'p1', false),
    waves: [
      { index: 1, devices: ['spine1'], gate: null },
      { index: 2, devices: ['spine2'], gate: null },
      { index: 3, devices: ['leaf1a'], gate: null },
    ],
  });
  const run = (probes: ProbeSamples[]) => ({
    lab: 'zp1',
    budget: BUDGET,
    probes,
    notAnswering: ['ping vm1→vm2 (web)'],
    // the rollout stopped after wave 2: wave 3 never started
    waveStarts: new Map([
      [1, 1000],
      [2, 4000],
    ]),
    end: 9000,
    problems: [],
  });

  it('GIVEN a push whose waves lost nothing THEN each wave that ran carries its traffic and the verdict is ok', () => {
    const r = withTraffic(report(), run([ping(), http()]));
    expect(r.waves.map((w) => w.traffic?.withinBudget)).toEqual([true, true, undefined]);
    expect(r.probes).toMatchObject({ lab: 'zp1', pings: 1, requests: 1, ok: true, reasons: [] });
    expect(r.probes?.notAnswering).toEqual(['ping vm1→vm2 (web)']);
  });

  it('GIVEN a wave over budget THEN the verdict names the wave and why', () => {
    const r = withTraffic(report(), run([ping(5000, 5500), http()]));
    expect(r.probes?.ok).toBe(false);
    expect(r.probes?.reasons).toEqual(['wave 2: ping leaf1a→leaf2a: 500 ms without replies > 350 ms']);
  });

  it('GIVEN no probe answered before the push THEN nothing was measured, and that is not ok', () => {
    const r = withTraffic(report(), run([]));
    expect(r.probes?.ok).toBe(false);
    expect(r.probes?.reasons).toEqual(['no probe answered before the push: nothing was measured']);
  });
});

describe('the text report of a probed push', () => {
  it('GIVEN waves measured by the probes THEN one row per wave, the budget, and the verdict naming the wave over it', () => {
    const measured = withTraffic(
      {
        ...emptyReport('idc-a', 'p1', false),
        waves: [
          { index: 1, devices: ['spine1'], gate: null },
          { index: 2, devices: ['spine2'], gate: null },
        ],
      },
      {
        lab: 'zp1',
        budget: BUDGET,
        probes: [ping(5000, 5500), http()],
        notAnswering: ['ping vm1→vm2 (web)'],
        waveStarts: new Map([
          [1, 1000],
          [2, 4000],
        ]),
        end: 9000,
        problems: [],
      },
    );
    const text = pushText(measured, false);
    expect(text).toContain(
      'probes in lab zp1: 1 ping, 1 HTTP; budget per wave: 350 ms of pings, 0 failed requests',
    );
    expect(text).toContain('not answering before the push (not measured): ping vm1→vm2 (web)');
    expect(text).toMatch(/^ {2}WAVE +LONGEST OUTAGE +PINGS LOST +REQUESTS FAILED +VERDICT$/m);
    expect(text).toMatch(/^ {2}1 +0 ms +0\/300 +0\/60 +ok$/m);
    expect(text).toMatch(/^ {2}2 +500 ms \(ping leaf1a→leaf2a\) +50\/500 \(500 ms\) +0\/100 +over budget$/m);
    expect(text).toContain('  wave 2: ping leaf1a→leaf2a: 50 of 500 failed: no reply ×50 at 1.0–1.5 s\n');
    expect(text).toContain(
      'probes: OVER BUDGET: wave 2: ping leaf1a→leaf2a: 500 ms without replies > 350 ms',
    );
  });
});
