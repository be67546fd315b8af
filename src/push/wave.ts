/**
 * The steps of one wave: stage and validate every device of the wave before changing any, apply
 * each as its own on-device transaction, then the health gate; revert the wave when a device did
 * not apply or a gate failure is laid to it. Each step writes into the push's result and returns
 * the verdict that stops the rollout, or null to go on.
 */
import type { CommandRunner } from '../observe/runner.js';
import { isSshError } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import type { Expectation } from '../verify/expectations.js';
import { applyDetached, rollback, stage, validateStaged } from './apply.js';
import { attributeFailures, dueChecks, runGate } from './gates.js';
import type { PushInput } from './input.js';
import type { PlannedWork, PushPlan } from './plan.js';
import { type GateReport, gateFailureLine, plural, type Verdict } from './report.js';
import type { PushResult } from './result.js';
import { transactionScript } from './transaction.js';
import type { Wave } from './waves.js';

/** What the steps of every wave share. */
export interface WaveContext {
  input: PushInput;
  result: PushResult;
  plan: PushPlan;
  runner: CommandRunner;
  checks: readonly Expectation[];
  /** The checks that passed in the baseline. */
  passedBefore: ReadonlySet<string>;
  /** Devices on their final config: not changed by this push, or applied in a wave so far. */
  settled: Set<string>;
  /** Devices this push changes. */
  pushed: ReadonlySet<string>;
}

export async function runWave(ctx: WaveContext, wave: Wave): Promise<Verdict | null> {
  const members = wave.devices.map((n) => ctx.plan.changing.find((w) => w.device.name === n)!);
  ctx.input.progress(`wave ${wave.index}/${ctx.plan.waves.length}: ${wave.devices.join(', ')}`);
  ctx.input.onWaveStart?.(wave.index);
  ctx.result.startWave(wave.index);
  return (
    (await stageStep(ctx, wave, members)) ??
    (await applyStep(ctx, wave, members)) ??
    (await gateStep(ctx, wave, members))
  );
}

/** Stage and validate every device of the wave (the daemons' own parsers); one rejection stops the wave unchanged. */
async function stageStep(ctx: WaveContext, wave: Wave, members: PlannedWork[]): Promise<Verdict | null> {
  const { input, result } = ctx;
  const staged = await result.timed('stage', () =>
    mapLimit(members, input.concurrency, async (w) => ({
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
    })),
  );
  const rejected = await result.timed('validate', () =>
    mapLimit(staged, input.concurrency, async ({ w, problem }) => ({
      w,
      problem: problem
        ? `could not stage the files: ${problem}`
        : await sshProblem(() => validateStaged(input.pool, w.target, w.transaction)),
    })),
  );
  const bad = rejected.filter((r) => r.problem);
  if (!bad.length) return null;
  for (const { w, problem } of bad) {
    const why = input.redactor.redact(problem!);
    result.setDevice(w.device.name, { status: 'validation-failed', config: 'previous', detail: why });
    input.progress(`  ${w.device.name}: rejected on the device: ${why}`);
  }
  for (const w of members)
    if (!bad.some((b) => b.w === w))
      result.setDevice(w.device.name, {
        status: 'not-reached',
        config: 'untouched',
        detail: 'its wave was stopped before any change',
      });
  result.markNotReached(ctx.plan.waves, wave.index);
  return {
    result: 'failed',
    message: `wave ${wave.index}: ${bad.map((b) => b.w.device.name).join(', ')} rejected the new config; nothing in the wave was changed, the rollout stopped`,
  };
}

/** Apply each device as its own detached transaction; one that did not apply reverts the others. */
async function applyStep(ctx: WaveContext, wave: Wave, members: PlannedWork[]): Promise<Verdict | null> {
  const { input, result } = ctx;
  const outcomes = await result.timed('apply', () =>
    mapLimit(members, input.concurrency, async (w) => ({
      w,
      o: await applyDetached(input.pool, w.target, w.transaction, w.previous, {
        timeoutMs: input.applyTimeoutMs,
        reconnectMs: input.reconnectMs,
      }),
    })),
  );
  for (const { w, o } of outcomes) {
    const lost = o.lostConnection;
    result.setDevice(w.device.name, {
      status: o.result === 'applied' ? 'applied' : o.result === 'rolled-back' ? 'rolled-back' : 'unknown',
      config: o.config,
      // keep why it was planned ("FRR's running config differs …") before how it went
      detail: [
        result.device(w.device.name).detail,
        `${o.detail}${lost ? ' (the connection was lost meanwhile)' : ''}`,
      ]
        .filter(Boolean)
        .join('; '),
    });
    input.progress(
      `  ${w.device.name}: ${o.result}${lost ? ' (connection lost meanwhile)' : ''}, on its ${o.config} config`,
    );
  }
  const failed = outcomes.filter(({ o }) => o.result !== 'applied');
  if (!failed.length) {
    for (const w of members) ctx.settled.add(w.device.name);
    return null;
  }
  await revertStep(
    ctx,
    outcomes.filter(({ o }) => o.result === 'applied').map(({ w }) => w),
  );
  result.markNotReached(ctx.plan.waves, wave.index);
  return {
    result: 'failed',
    message: `wave ${wave.index}: ${failed.map(({ w }) => w.device.name).join(', ')} did not apply; ${result.waveOutcome(wave.devices)}, the rollout stopped`,
  };
}

/** The health gate after the wave; the wave is reverted when a failure is laid to it (gates.ts). */
async function gateStep(ctx: WaveContext, wave: Wave, members: PlannedWork[]): Promise<Verdict | null> {
  const { input, result } = ctx;
  const due = dueChecks(ctx.checks, input.site, ctx.passedBefore, ctx.settled, ctx.pushed);
  const gate = await result.timed('gates', () =>
    runGate(due, ctx.runner, input.gateTimeoutMs, input.concurrency),
  );
  const failedChecks = gate.results.filter((r) => !r.ok);
  const blame = attributeFailures(
    failedChecks.map((r) => r.expectation),
    wave.devices,
    ctx.passedBefore,
    input.site,
  );
  const report: GateReport = {
    ok: gate.ok,
    checks: due.length,
    seconds: gate.seconds,
    rounds: gate.rounds,
    ...(gate.slowest ? { slowest: gate.slowest } : {}),
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
  result.report.waves.find((x) => x.index === wave.index)!.gate = report;
  input.progress(
    `  gate: ${due.length - report.failures.length}/${due.length} checks pass (${gate.seconds.toFixed(1)} s, ${plural(gate.rounds, 'round')}${gate.slowest ? `; the last to pass: ${gate.slowest.id} after ${gate.slowest.seconds.toFixed(1)} s` : ''})`,
  );
  if (gate.ok) return null;
  for (const f of report.failures.slice(0, 10)) input.progress(`    ${gateFailureLine(f)}`);
  const laid = report.failures.filter((f) => f.blamed.length);
  result.markNotReached(ctx.plan.waves, wave.index);
  if (laid.length === 0)
    return {
      result: 'failed',
      message: `wave ${wave.index}: the health gate failed (${plural(report.failures.length, 'check')} that never passed and involve none of the wave's devices: ${report.failures
        .slice(0, 3)
        .map((f) => f.id)
        .join(', ')}${report.failures.length > 3 ? ', …' : ''}); the wave was kept, the rollout stopped`,
    };
  await revertStep(ctx, members);
  return {
    result: 'failed',
    message: `wave ${wave.index}: the health gate failed (${plural(laid.length, 'check')} laid to ${[...new Set(laid.flatMap((f) => f.blamed))].join(', ')}${laid.length < report.failures.length ? `, ${report.failures.length - laid.length} more involving none of them` : ''}); ${result.waveOutcome(wave.devices)}, the rollout stopped`,
  };
}

/** Back to the kept versions, each checked by hash on the device (apply.ts `rollback`). */
async function revertStep(ctx: WaveContext, applied: PlannedWork[]): Promise<void> {
  const { input, result } = ctx;
  await mapLimit(applied, input.concurrency, async (w) => {
    const r = await rollback(input.pool, w.target, w.transaction, w.previous);
    // keep what happened before the rollback: "applied (the connection was lost meanwhile); reverted"
    result.setDevice(w.device.name, {
      status: r.ok ? 'reverted' : 'unknown',
      config: r.config,
      detail: `${result.device(w.device.name).detail}; ${r.detail}`,
    });
    input.progress(`  ${w.device.name}: ${r.ok ? 'reverted to its previous config' : r.detail}`);
  });
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
