/**
 * `fabric push`: the rendered configs of a site onto its devices, without ever taking down both
 * halves of a redundant pair. A plan, then steps, each writing into one result (result.ts):
 *
 *   lock     one push per site at a time (not for a dry run)
 *   read     every device's current files (hashes) and FRR's running config (read.ts); any device
 *            that cannot be read stops the push before anything changes (a dry run goes on, and
 *            shows it as new: every file)
 *   plan     the devices that differ, in waves from the redundancy groups (a canary first), each
 *            with its on-device transaction: pure (plan.ts), and what a dry run prints
 *   diff     what each changed file looks like on the device now (a dry run, or --diff)
 *   baseline the health checks that pass before anything changes (the failing ones are named)
 *   before   a client password that changes is taken beside the old one (credentials.ts)
 *   per wave stage + validate on every device of the wave (the daemons' own parsers), then apply
 *            each as a detached on-device transaction, then the health gate; a failure laid to
 *            the wave (gates.ts `attributeFailures`) reverts it to the kept versions, and any
 *            failure stops the rollout (wave.ts)
 *   after    the changed client passwords: the new one only
 *
 * Devices outside the failed wave are never touched; every device ends on a complete config,
 * checked by hash.
 */

import { configuredDevices } from '../model/devices.js';
import { SshRunner } from '../observe/ssh-runner.js';
import { credentialPhase } from './credentials.js';
import { gateChecks } from './gates.js';
import type { PushInput } from './input.js';
import { acquireSiteLock, describeLock } from './lock.js';
import { dryRunVerdict, planPush } from './plan.js';
import { baselineStep, diffStep, readStep, renderedContents } from './prepare.js';
import type { PushReport } from './report.js';
import { emptyReport, PushResult } from './result.js';
import { runWave, type WaveContext } from './wave.js';

export type { PushInput } from './input.js';
export type { DeviceReport, DeviceStatus, GateReport, PushReport } from './report.js';

/**
 * One push per site at a time: the lock is taken before the devices are read, so a second push
 * is refused at once instead of planning against devices the first one is changing (and it is
 * held while a person confirms, so nothing slips in between the plan and the change). A dry run
 * changes nothing and takes no lock.
 */
export async function push(input: PushInput): Promise<PushReport> {
  if (input.dryRun) return planAndApply(input);
  const lock = acquireSiteLock(input.lockDir, {
    site: input.site.name,
    command: input.command,
    pushId: input.pushId,
  });
  if (!lock.ok)
    return {
      ...emptyReport(input.site.name, input.pushId, input.dryRun),
      result: 'aborted',
      message: `${lock.reason}; nothing was changed`,
    };
  if (lock.tookOverStale)
    input.progress(`took over the stale lock of ${describeLock(lock.tookOverStale)}: that process is gone`);
  try {
    return await planAndApply(input);
  } finally {
    lock.release();
  }
}

async function planAndApply(input: PushInput): Promise<PushReport> {
  const result = new PushResult(input.site.name, input.pushId, input.dryRun);
  const contents = renderedContents(input);
  const states = await readStep(input, result, contents);
  const plan = planPush({ ...input, states, contents });
  result.recordPlan(plan);
  if (plan.stop) return result.finish(plan.stop);
  if (input.showDiff || input.dryRun) await diffStep(input, result, plan);
  result.report.diffs.sort((a, b) => a.device.localeCompare(b.device) || a.target.localeCompare(b.target));
  if (input.dryRun) return result.finish(dryRunVerdict(plan));
  if (!(await input.confirm(plan.summary)))
    return result.finish({ result: 'aborted', message: 'not confirmed; nothing was changed' });

  const runner = new SshRunner(input.pool, configuredDevices(input.site));
  const checks = gateChecks(input.site);
  const passedBefore = await baselineStep(input, result, checks, runner);
  const pushed = new Set(plan.changing.map((w) => w.device.name));
  const ctx: WaveContext = {
    input,
    result,
    plan,
    runner,
    checks,
    passedBefore,
    settled: new Set(input.site.devices.map((d) => d.name).filter((n) => !pushed.has(n))),
    pushed,
  };
  if (plan.credentials.length) input.progress('client passwords, before the first wave:');
  const refused = await credentialPhase(input, result, plan.credentials, 'before');
  if (refused) return result.finish(refused);
  for (const wave of plan.waves) {
    const stopped = await runWave(ctx, wave);
    if (stopped) return result.finish(stopped);
  }
  if (plan.credentials.length) input.progress('client passwords, after the last wave:');
  const unfinished = await credentialPhase(input, result, plan.credentials, 'after');
  if (unfinished) return result.finish(unfinished);
  return result.finish({ result: 'ok', message: `${plan.summary}: all applied, every gate passed` });
}
