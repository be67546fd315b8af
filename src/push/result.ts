/**
 * The one result a push writes into, step by step (AVD's `deploy_to_cv` result, which each
 * workflow step fills in): the report, each device's line in it, and where the time went.
 */
import type { PushPlan } from './plan.js';
import { type DeviceReport, type PushReport, revertOutcome, type Verdict } from './report.js';
import type { Wave } from './waves.js';

export type Phase = keyof Omit<PushReport['timings'], 'total'>;

export function emptyReport(site: string, pushId: string, dryRun: boolean): PushReport {
  return {
    site,
    pushId,
    dryRun,
    result: 'ok',
    message: '',
    waves: [],
    constraints: [],
    baseline: null,
    devices: [],
    diffs: [],
    timings: { total: 0, read: 0, stage: 0, validate: 0, apply: 0, gates: 0 },
  };
}

export class PushResult {
  readonly report: PushReport;
  private readonly devices = new Map<string, DeviceReport>();
  private readonly started = Date.now();

  constructor(site: string, pushId: string, dryRun: boolean) {
    this.report = emptyReport(site, pushId, dryRun);
  }

  /** The plan's device lines and waves become the report's, to be updated by the steps. */
  recordPlan(plan: PushPlan): void {
    for (const d of plan.devices) this.devices.set(d.device, d);
    this.report.constraints = plan.constraints;
    this.report.waves = plan.waves.map((w) => ({ index: w.index, devices: w.devices, gate: null }));
    if (plan.credentials.length)
      this.report.credentials = plan.credentials.map((c) => ({
        device: c.device,
        daemon: c.daemon,
        before: null,
        after: null,
        ok: true,
      }));
  }

  device(name: string): DeviceReport {
    return this.devices.get(name)!;
  }

  setDevice(name: string, patch: Partial<DeviceReport>): void {
    Object.assign(this.devices.get(name)!, patch);
  }

  /** The wave whose steps run now: `timed` adds their time to its timings too. */
  private wave: PushReport['waves'][number] | undefined;

  startWave(index: number): void {
    this.wave = this.report.waves.find((x) => x.index === index);
  }

  /** Runs a step and adds the time it took to its phase (and to the current wave's). */
  async timed<T>(phase: Phase, step: () => Promise<T>): Promise<T> {
    const t = Date.now();
    try {
      return await step();
    } finally {
      const seconds = (Date.now() - t) / 1000;
      this.report.timings[phase] += seconds;
      const w = this.wave;
      if (w && phase !== 'read') {
        w.timings ??= { stage: 0, validate: 0, apply: 0, gates: 0 };
        w.timings[phase] += seconds;
      }
    }
  }

  /** The devices of the waves after a failed one: never touched. */
  markNotReached(waves: readonly Wave[], failedWave: number): void {
    for (const w of waves)
      if (w.index > failedWave)
        for (const d of w.devices)
          this.setDevice(d, {
            status: 'not-reached',
            config: 'untouched',
            detail: 'the rollout stopped before its wave',
          });
  }

  /** The summary's clause for an undone wave, from the same statuses as the device lines. */
  waveOutcome(names: readonly string[]): string {
    return revertOutcome(names.map((n) => this.device(n)));
  }

  finish(verdict: Verdict): PushReport {
    const { report } = this;
    report.result = verdict.result;
    report.message = verdict.message;
    report.devices = [...this.devices.values()];
    const timings = report.timings;
    timings.total = (Date.now() - this.started) / 1000;
    for (const k of Object.keys(timings) as (keyof typeof timings)[])
      timings[k] = Math.round(timings[k] * 10) / 10;
    for (const w of report.waves)
      if (w.timings)
        for (const k of Object.keys(w.timings) as (keyof typeof w.timings)[])
          w.timings[k] = Math.round(w.timings[k] * 10) / 10;
    return report;
  }
}
