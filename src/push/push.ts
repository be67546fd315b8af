/**
 * `fabric push`: the rendered configs of a site onto its devices, without ever taking down both
 * halves of a redundant pair.
 *
 *   lock     one push per site at a time (not for a dry run)
 *   read     every device's current files (hashes) and FRR's running config (read.ts); any device
 *            that cannot be read stops the push before anything changes (a dry run goes on, and
 *            shows it as new: every file)
 *   plan     the devices that differ, in waves from the redundancy groups (a canary first)
 *   baseline the health checks that pass before anything changes (the failing ones are named)
 *   per wave stage + validate on every device of the wave (the daemons' own parsers), then apply
 *            each as a detached on-device transaction, then the health gate; a failure laid to
 *            the wave (gates.ts `attributeFailures`) reverts it to the kept versions, and any
 *            failure stops the rollout
 *
 * Devices outside the failed wave are never touched; every device ends on a complete config,
 * checked by hash.
 */

import { configuredDevices } from '../model/devices.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { SshRunner } from '../observe/ssh-runner.js';
import { TARGETS } from '../render/files.js';
import type { Manifest, ManifestFile } from '../render/manifest.js';
import type { RenderedSite } from '../render/render.js';
import type { Redactor } from '../render/secrets.js';
import type { TemplateSet } from '../render/templates.js';
import { isSshError, type SessionPool } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import { own } from '../util/own.js';
import { type ApplyOutcome, applyDetached, rollback, stage, validateStaged } from './apply.js';
import { fileDiff } from './diff.js';
import { attributeFailures, baseline, dueChecks, gateChecks, runGate } from './gates.js';
import { acquireSiteLock, describeLock } from './lock.js';
import { type DeviceWork, isUnreadable, readDevices, type Unreadable } from './read.js';
import { type DeviceReport, type GateReport, type PushReport, plural, revertOutcome } from './report.js';
import { buildTransaction, type Transaction, transactionScript } from './transaction.js';
import { planWaves, type WavePlan } from './waves.js';

export type { DeviceReport, DeviceStatus, GateReport, PushReport } from './report.js';

export interface PushInput {
  site: DeepReadonly<SiteModel>;
  manifest: Manifest;
  rendered: RenderedSite;
  pushId: string;
  only: string[];
  dryRun: boolean;
  showDiff: boolean;
  canary: boolean;
  gateTimeoutMs: number;
  applyTimeoutMs: number;
  reconnectMs: number;
  /** Devices worked on at once, within a wave and when reading. */
  concurrency: number;
  lockDir: string;
  command: string;
  pool: SessionPool;
  templates: TemplateSet;
  redactor: Redactor;
  confirm: (summary: string) => Promise<boolean>;
  progress: (line: string) => void;
}

/** A device that changes: its on-device transaction and the new content of each changed file, by target. */
interface PlannedWork extends DeviceWork {
  transaction: Transaction;
  contents: Map<string, string>;
}

/**
 * One push per site at a time: the lock is taken before the devices are read, so a second push
 * is refused at once instead of planning against devices the first one is changing (and it is
 * held while a person confirms, so nothing slips in between the plan and the change). A dry run
 * changes nothing and takes no lock.
 */
/** Baseline failures printed as progress; the report names them all. */
const BASELINE_SHOWN = 10;

export async function push(input: PushInput): Promise<PushReport> {
  if (input.dryRun) return readPlanApply(input);
  const lock = acquireSiteLock(input.lockDir, {
    site: input.site.name,
    command: input.command,
    pushId: input.pushId,
  });
  if (!lock.ok) {
    const refused = emptyReport(input);
    refused.result = 'aborted';
    refused.message = `${lock.reason}; nothing was changed`;
    return refused;
  }
  if (lock.tookOverStale)
    input.progress(`took over the stale lock of ${describeLock(lock.tookOverStale)}: that process is gone`);
  try {
    return await readPlanApply(input);
  } finally {
    lock.release();
  }
}

function emptyReport(input: PushInput): PushReport {
  return {
    site: input.site.name,
    pushId: input.pushId,
    dryRun: input.dryRun,
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

async function readPlanApply(input: PushInput): Promise<PushReport> {
  const t0 = Date.now();
  const seconds = (ms: number) => ms / 1000;
  const report = emptyReport(input);
  const timings = report.timings;
  const deviceReports = new Map<string, DeviceReport>();
  const detailOf = (name: string) => deviceReports.get(name)?.detail ?? '';
  const setDevice = (name: string, patch: Partial<DeviceReport>) => {
    const r = deviceReports.get(name)!;
    Object.assign(r, patch);
  };
  const finish = (result: PushReport['result'], message: string) => {
    report.result = result;
    report.message = message;
    report.devices = [...deviceReports.values()];
    timings.total = seconds(Date.now() - t0);
    for (const k of Object.keys(timings) as (keyof typeof timings)[])
      timings[k] = Math.round(timings[k] * 10) / 10;
    return report;
  };

  // --- read: every target device, before anything changes ---------------------------------------
  const contents = new Map(input.rendered.files.map((f) => [`${f.device}/${f.file}`, f.content]));
  const devices = input.site.devices.filter(
    (d) =>
      d.managed &&
      own(input.manifest.devices, d.name) &&
      (input.only.length === 0 || input.only.includes(d.name)),
  );
  const readStart = Date.now();
  const work = await readDevices({
    devices,
    filesOf: (name) => own(input.manifest.devices, name)!.files,
    contents,
    pool: input.pool,
    concurrency: input.concurrency,
    redact: (t) => input.redactor.redact(t),
  });
  timings.read = seconds(Date.now() - readStart);
  const unreachable = work.filter(isUnreadable);
  for (const w of work)
    deviceReports.set(w.device.name, {
      device: w.device.name,
      status: 'unchanged',
      wave: null,
      changes: [],
      config: 'untouched',
      detail: '',
    });
  for (const u of unreachable) {
    // in a dry run, a device that cannot be read is shown as new: every file
    setDevice(u.device.name, {
      status: 'unreachable',
      detail: input.dryRun ? `${u.error}; if it is new, every file is new` : u.error,
      changes: input.dryRun ? u.files.map((f) => f.target) : [],
    });
    input.progress(`  ${u.error}`);
  }
  const couldNotRead = unreachable.length
    ? `${plural(unreachable.length, 'device')} could not be read (${unreachable.map((u) => u.device.name).join(', ')})`
    : '';
  if (unreachable.length && !input.dryRun) return finish('aborted', `${couldNotRead}; nothing was changed`);
  const reachable = work.filter((w): w is DeviceWork => !isUnreadable(w));
  // FRR running something else than its file: re-apply the same frr.conf so FRR reloads it
  for (const w of reachable)
    if (w.runningDrift.length) w.changed.push(w.files.find((f) => f.target === TARGETS.frrConf)!);
  const changing = reachable.filter((w) => w.changed.length);
  for (const w of changing)
    setDevice(w.device.name, {
      status: 'planned',
      changes: w.changed.map((f) => f.target),
      detail: w.runningDrift.length
        ? `FRR's running config differs from ${TARGETS.frrConf} (${plural(w.runningDrift.length, 'difference')}: ${w.runningDrift[0]}${w.runningDrift.length > 1 ? '; …' : ''}): reload`
        : '',
    });
  if (changing.length === 0 && unreachable.length === 0)
    return finish('nothing-to-do', `all ${reachable.length} devices already run the rendered configs`);

  // --- plan ---------------------------------------------------------------------------------------
  const plan: WavePlan = planWaves(input.site, [
    ...changing.map((w) => w.device.name),
    ...unreachable.map((u) => u.device.name),
  ]);
  const waves = input.canary ? withCanary(plan) : plan.waves;
  report.constraints = plan.constraints;
  report.waves = waves.map((w) => ({ index: w.index, devices: w.devices, gate: null }));
  for (const w of waves) for (const d of w.devices) setDevice(d, { wave: w.index });
  const planned: PlannedWork[] = changing.map((w) => ({
    ...w,
    transaction: buildTransaction(input.pushId, w.device.name, w.changed, { frrRestart: w.frrRestart }),
    contents: new Map(w.changed.map((f) => [f.target, contents.get(`${w.device.name}/${f.path}`)!])),
  }));
  const byName = new Map(planned.map((w) => [w.device.name, w]));
  if (input.showDiff || input.dryRun) {
    await mapLimit(planned, input.concurrency, async (w) => {
      for (const f of w.changed) {
        let before: Buffer | null;
        try {
          before = await input.pool.use(w.target, (s) => s.readFile(f.target));
        } catch (e) {
          if (!isSshError(e)) throw e;
          report.diffs.push({ device: w.device.name, target: f.target, diff: `--- ${e.message}: no diff\n` });
          continue;
        }
        report.diffs.push({
          device: w.device.name,
          target: f.target,
          diff: fileDiff(
            w.device.name,
            f.target,
            before?.toString('utf8') ?? null,
            w.contents.get(f.target)!,
            input.redactor,
          ),
        });
      }
    });
    for (const u of unreachable) report.diffs.push(newDeviceDiff(u));
  }
  report.diffs.sort((a, b) => a.device.localeCompare(b.device) || a.target.localeCompare(b.target));
  const summary = `${changing.length} of ${reachable.length} devices change, in ${plural(waves.length, 'wave')}`;
  if (input.dryRun)
    return finish(
      'planned',
      unreachable.length
        ? `dry run: ${summary}; ${couldNotRead}: shown as new (every file), their real diff is unknown until they answer; nothing was changed`
        : `dry run: ${summary}; nothing was changed`,
    );
  if (!(await input.confirm(summary))) return finish('aborted', 'not confirmed; nothing was changed');

  const runner = new SshRunner(input.pool, configuredDevices(input.site));
  const checks = gateChecks(input.site);
  const gateStart = Date.now();
  const before = await baseline(checks, runner, input.concurrency);
  const passedBefore = before.passed;
  timings.gates += seconds(Date.now() - gateStart);
  report.baseline = {
    checks: checks.length,
    passing: passedBefore.size,
    failing: before.failing.map((r) => ({
      id: r.expectation.id,
      expected: r.expectation.title,
      seen: r.detail,
    })),
  };
  input.progress(`baseline: ${passedBefore.size}/${checks.length} health checks pass before the push`);
  for (const f of report.baseline.failing.slice(0, BASELINE_SHOWN))
    input.progress(`  failing before the push: ${f.expected}: ${f.seen}`);
  if (report.baseline.failing.length > BASELINE_SHOWN)
    input.progress(`  … and ${report.baseline.failing.length - BASELINE_SHOWN} more (--json names them all)`);
  const settled = new Set(input.site.devices.map((d) => d.name).filter((n) => !byName.has(n)));
  const pushed = new Set(byName.keys());

  for (const wave of waves) {
    const members = wave.devices.map((n) => byName.get(n)!);
    input.progress(`wave ${wave.index}/${waves.length}: ${wave.devices.join(', ')}`);

    // stage and validate every device of the wave before changing any
    let t = Date.now();
    const staged = await mapLimit(members, input.concurrency, async (w) => ({
      w,
      problem: await sshProblem(() =>
        stage(
          input.pool,
          w.target,
          w.transaction,
          w.contents,
          transactionScript(input.templates, w.transaction),
        ),
      ),
    }));
    timings.stage += seconds(Date.now() - t);
    t = Date.now();
    const rejected = await mapLimit(staged, input.concurrency, async ({ w, problem }) => ({
      w,
      problem: problem
        ? `could not stage the files: ${problem}`
        : await sshProblem(() => validateStaged(input.pool, w.target, w.transaction)),
    }));
    timings.validate += seconds(Date.now() - t);
    const bad = rejected.filter((r) => r.problem);
    if (bad.length) {
      for (const { w, problem } of bad) {
        setDevice(w.device.name, {
          status: 'validation-failed',
          config: 'previous',
          detail: input.redactor.redact(problem!),
        });
        input.progress(`  ${w.device.name}: rejected on the device: ${input.redactor.redact(problem!)}`);
      }
      for (const w of members)
        if (!bad.some((b) => b.w === w))
          setDevice(w.device.name, {
            status: 'not-reached',
            config: 'untouched',
            detail: 'its wave was stopped before any change',
          });
      markNotReached(waves, wave.index);
      return finish(
        'failed',
        `wave ${wave.index}: ${bad.map((b) => b.w.device.name).join(', ')} rejected the new config; nothing in the wave was changed, the rollout stopped`,
      );
    }

    // apply, each device as its own on-device transaction
    t = Date.now();
    const outcomes: { w: PlannedWork; o: ApplyOutcome }[] = await mapLimit(
      members,
      input.concurrency,
      async (w) => ({
        w,
        o: await applyDetached(input.pool, w.target, w.transaction, w.previous, {
          timeoutMs: input.applyTimeoutMs,
          reconnectMs: input.reconnectMs,
        }),
      }),
    );
    timings.apply += seconds(Date.now() - t);
    for (const { w, o } of outcomes) {
      setDevice(w.device.name, {
        status: o.result === 'applied' ? 'applied' : o.result === 'rolled-back' ? 'rolled-back' : 'unknown',
        config: o.config,
        // keep why it was planned ("FRR's running config differs …") before how it went
        detail: [
          detailOf(w.device.name),
          `${o.detail}${o.lostConnection ? ' (the connection was lost meanwhile)' : ''}`,
        ]
          .filter(Boolean)
          .join('; '),
      });
      input.progress(
        `  ${w.device.name}: ${o.result}${o.lostConnection ? ' (connection lost meanwhile)' : ''}, on its ${o.config} config`,
      );
    }
    const failed = outcomes.filter(({ o }) => o.result !== 'applied');
    if (failed.length) {
      await revertWave(
        input,
        outcomes.filter(({ o }) => o.result === 'applied').map(({ w }) => w),
        setDevice,
        detailOf,
      );
      markNotReached(waves, wave.index);
      return finish(
        'failed',
        `wave ${wave.index}: ${failed.map(({ w }) => w.device.name).join(', ')} did not apply; ${waveOutcome(wave.devices)}, the rollout stopped`,
      );
    }
    for (const w of members) settled.add(w.device.name);

    // health gate
    t = Date.now();
    const due = dueChecks(checks, input.site, passedBefore, settled, pushed);
    const gate = await runGate(due, runner, input.gateTimeoutMs, input.concurrency);
    timings.gates += seconds(Date.now() - t);
    const failedChecks = gate.results.filter((r) => !r.ok);
    const blame = attributeFailures(
      failedChecks.map((r) => r.expectation),
      wave.devices,
      passedBefore,
      input.site,
    );
    const gateReport: GateReport = {
      ok: gate.ok,
      checks: due.length,
      seconds: gate.seconds,
      // the failures laid to the wave first: they are why it is reverted
      failures: failedChecks
        .map((r, i) => ({
          id: r.expectation.id,
          expected: r.expectation.title,
          seen: r.detail,
          passedBefore: blame[i]!.passedBefore,
          blamed: blame[i]!.blamed,
        }))
        .sort((a, b) => Number(b.blamed.length > 0) - Number(a.blamed.length > 0)),
    };
    report.waves.find((x) => x.index === wave.index)!.gate = gateReport;
    input.progress(
      `  gate: ${due.length - gateReport.failures.length}/${due.length} checks pass (${gate.seconds.toFixed(1)} s)`,
    );
    if (!gate.ok) {
      for (const f of gateReport.failures.slice(0, 10))
        input.progress(
          `    FAIL ${f.expected}: ${f.seen} (${f.blamed.length ? `laid to ${f.blamed.join(', ')}` : "involves none of the wave's devices"})`,
        );
      const laid = gateReport.failures.filter((f) => f.blamed.length);
      markNotReached(waves, wave.index);
      if (laid.length === 0)
        return finish(
          'failed',
          `wave ${wave.index}: the health gate failed (${plural(gateReport.failures.length, 'check')} that never passed and involve none of the wave's devices: ${gateReport.failures
            .slice(0, 3)
            .map((f) => f.id)
            .join(
              ', ',
            )}${gateReport.failures.length > 3 ? ', …' : ''}); the wave was kept, the rollout stopped`,
        );
      await revertWave(input, members, setDevice, detailOf);
      return finish(
        'failed',
        `wave ${wave.index}: the health gate failed (${plural(laid.length, 'check')} laid to ${[...new Set(laid.flatMap((f) => f.blamed))].join(', ')}${laid.length < gateReport.failures.length ? `, ${gateReport.failures.length - laid.length} more involving none of them` : ''}); ${waveOutcome(wave.devices)}, the rollout stopped`,
      );
    }
  }
  return finish('ok', `${summary}: all applied, every gate passed`);

  /** The summary's clause for an undone wave, from the same statuses as the device lines. */
  function waveOutcome(names: readonly string[]): string {
    return revertOutcome(names.map((n) => deviceReports.get(n)!));
  }

  function markNotReached(all: { index: number; devices: string[] }[], failedWave: number) {
    for (const w of all)
      if (w.index > failedWave)
        for (const d of w.devices)
          setDevice(d, {
            status: 'not-reached',
            config: 'untouched',
            detail: 'the rollout stopped before its wave',
          });
  }
}

async function revertWave(
  input: PushInput,
  applied: PlannedWork[],
  setDevice: (name: string, patch: Partial<DeviceReport>) => void,
  detailOf: (name: string) => string,
): Promise<void> {
  await mapLimit(applied, input.concurrency, async (w) => {
    const r = await rollback(input.pool, w.target, w.transaction, w.previous);
    // keep what happened before the rollback: "applied (the connection was lost meanwhile); reverted"
    setDevice(w.device.name, {
      status: r.ok ? 'reverted' : 'unknown',
      config: r.config,
      detail: `${detailOf(w.device.name)}; ${r.detail}`,
    });
    input.progress(`  ${w.device.name}: ${r.ok ? 'reverted to its previous config' : r.detail}`);
  });
}

/** What a dry run shows for a device it could not read: every file, as new. */
function newDeviceDiff(u: Unreadable): { device: string; target: string; diff: string } {
  return {
    device: u.device.name,
    target: '',
    diff: `--- ${u.device.name}: could not be read (${u.kind}); if it is new, every file is new:\n${u.files.map((f: ManifestFile) => `+++ ${u.device.name}:${f.target} (new)`).join('\n')}\n`,
  };
}

/**
 * Runs an SSH step; an SSH failure becomes its message, anything else stays an exception.
 * `validateStaged` resolves to its own problem text, which passes through.
 */
async function sshProblem(step: () => Promise<unknown>): Promise<string | null> {
  try {
    const r = await step();
    return typeof r === 'string' ? r : null;
  } catch (e) {
    if (isSshError(e)) return e.message;
    throw e;
  }
}

/** A canary first: the first device of the first wave alone, then the plan. */
function withCanary(plan: WavePlan): { index: number; devices: string[] }[] {
  const [first, ...rest] = plan.waves;
  if (!first || first.devices.length < 2) return plan.waves;
  const waves = [
    { index: 1, devices: [first.devices[0]!] },
    { index: 2, devices: first.devices.slice(1) },
    ...rest,
  ];
  return waves.map((w, i) => ({ ...w, index: i + 1 }));
}
