/**
 * The steps of a push before anything changes: read every device, diff what the plan changes,
 * and the baseline of the health checks. Each writes into the push's result.
 */

import type { CommandRunner } from '../observe/runner.js';
import type { ManifestFile } from '../render/manifest.js';
import { isSshError } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import { own } from '../util/own.js';
import type { Expectation } from '../verify/expectations.js';
import { fileDiff } from './diff.js';
import { baseline } from './gates.js';
import type { PushInput } from './input.js';
import type { PushPlan } from './plan.js';
import { type DeviceWork, isUnreadable, readDevices, type Unreadable } from './read.js';
import type { PushResult } from './result.js';

/** Baseline failures printed as progress; the report names them all. */
const BASELINE_SHOWN = 10;

/** Rendered content by `device/path`. */
export function renderedContents(input: PushInput): Map<string, string> {
  return new Map(input.rendered.files.map((f) => [`${f.device}/${f.file}`, f.content]));
}

/** Every target device's files and FRR's running config, before anything changes (read.ts). */
export async function readStep(
  input: PushInput,
  result: PushResult,
  contents: ReadonlyMap<string, string>,
): Promise<(DeviceWork | Unreadable)[]> {
  const devices = input.site.devices.filter(
    (d) =>
      d.managed &&
      own(input.manifest.devices, d.name) &&
      (input.only.length === 0 || input.only.includes(d.name)),
  );
  const states = await result.timed('read', () =>
    readDevices({
      devices,
      filesOf: (name) => own(input.manifest.devices, name)!.files,
      contents,
      pool: input.pool,
      concurrency: input.concurrency,
      redact: (t) => input.redactor.redact(t),
    }),
  );
  for (const u of states.filter(isUnreadable)) input.progress(`  ${u.error}`);
  return states;
}

/** The diff of every file the plan changes, as the device has it now; a device not read is shown as new. */
export async function diffStep(input: PushInput, result: PushResult, plan: PushPlan): Promise<void> {
  const { diffs } = result.report;
  await mapLimit(plan.changing, input.concurrency, async (w) => {
    for (const f of w.changed) {
      let before: Buffer | null;
      try {
        before = await input.pool.use(w.target, (s) => s.readFile(f.target));
      } catch (e) {
        if (!isSshError(e)) throw e;
        diffs.push({ device: w.device.name, target: f.target, diff: `--- ${e.message}: no diff\n` });
        continue;
      }
      diffs.push({
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
  for (const u of plan.unreadable) diffs.push(newDeviceDiff(u));
}

/** What a dry run shows for a device it could not read: every file, as new. */
function newDeviceDiff(u: Unreadable): { device: string; target: string; diff: string } {
  return {
    device: u.device.name,
    target: '',
    diff: `--- ${u.device.name}: could not be read (${u.kind}); if it is new, every file is new:\n${u.files.map((f: ManifestFile) => `+++ ${u.device.name}:${f.target} (new)`).join('\n')}\n`,
  };
}

/** The health checks that pass before anything changes; the failing ones are named. */
export async function baselineStep(
  input: PushInput,
  result: PushResult,
  checks: readonly Expectation[],
  runner: CommandRunner,
): Promise<Set<string>> {
  const before = await result.timed('gates', () => baseline(checks, runner, input.concurrency));
  const failing = before.failing.map((r) => ({
    id: r.expectation.id,
    expected: r.expectation.title,
    seen: r.detail,
  }));
  result.report.baseline = { checks: checks.length, passing: before.passed.size, failing };
  input.progress(`baseline: ${before.passed.size}/${checks.length} health checks pass before the push`);
  for (const f of failing.slice(0, BASELINE_SHOWN))
    input.progress(`  failing before the push: ${f.expected}: ${f.seen}`);
  if (failing.length > BASELINE_SHOWN)
    input.progress(`  … and ${failing.length - BASELINE_SHOWN} more (--json names them all)`);
  return before.passed;
}
