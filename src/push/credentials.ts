/**
 * Client passwords changed in two phases around the waves (src/daemons/types.ts
 * `CredentialSteps`): before the first wave every device whose file holding one changes takes the
 * new secret beside the old; after the last wave, the new one only. Without it a password change
 * takes a service down for the length of the push: HAProxy and the Sentinels, switched in one
 * wave, are refused by the members a later wave has not reached (docs/data-tier.md).
 *
 * Each phase is its own script per device and daemon, the rendered file on its stdin (secrets go
 * in no command line); what it says is redacted before it is shown. The state between the phases
 * stays on the device (CREDENTIALS_STATE), so a push stopped between them leaves both secrets
 * working and the next push finishes the change.
 */
import { driversOf } from '../daemons/index.js';
import type { CredentialSteps, DeviceView } from '../daemons/types.js';
import type { SshTarget } from '../ssh/index.js';
import { mapLimit } from '../util/concurrency.js';
import { shellQuote } from '../util/shell.js';
import type { PushInput } from './input.js';
import type { DeviceWork } from './read.js';
import type { Verdict } from './report.js';
import type { PushResult } from './result.js';

/** Kept on the device between a push's two phases (and across pushes, until the second has run). */
export const CREDENTIALS_STATE = '/var/lib/fabric/credentials';

export interface CredentialWork {
  device: string;
  daemon: string;
  target: SshTarget;
  steps: CredentialSteps;
  /** The rendered file that holds the new secret. */
  content: string;
}

/** Whether a device runs a daemon with client passwords changed in two phases. */
export function hasCredentials(d: DeviceView): boolean {
  return driversOf(d).some((driver) => driver.push?.credentials?.(d));
}

/**
 * The devices whose file with a client password changes in this push, or where an earlier push
 * left such a change half done, by daemon: pure.
 */
export function credentialWork(
  works: readonly DeviceWork[],
  contents: ReadonlyMap<string, string>,
): CredentialWork[] {
  return works.flatMap((w) =>
    driversOf(w.device).flatMap((driver) => {
      const steps = driver.push?.credentials?.(w.device);
      if (!steps) return [];
      const changes = w.changed.some((f) => f.target === steps.target);
      const file = w.files.find((f) => f.target === steps.target);
      const content = file && contents.get(`${w.device.name}/${file.path}`);
      return (changes || w.pendingCredentials) && content !== undefined
        ? [{ device: w.device.name, daemon: driver.name, target: w.target, steps, content }]
        : [];
    }),
  );
}

export function credentialScript(pushId: string, phase: 'before' | 'after', w: CredentialWork): string {
  return [
    `# fabric push ${pushId}: ${w.daemon}'s client password, ${phase} the waves`,
    'set -u',
    `state=${CREDENTIALS_STATE}`,
    'mkdir -p "$state" && chmod 700 "$state" || { echo "cannot create $state"; exit 1; }',
    'new_file=$(mktemp) || exit 1',
    `trap 'rm -f "$new_file"' EXIT`,
    'cat > "$new_file"',
    ...w.steps[phase],
    '',
  ].join('\n');
}

/**
 * Runs one phase on every device of `work` at once; records what each said. Returns the verdict
 * that stops the push, or null.
 */
export async function credentialPhase(
  input: PushInput,
  result: PushResult,
  work: readonly CredentialWork[],
  phase: 'before' | 'after',
): Promise<Verdict | null> {
  if (!work.length) return null;
  const said = await mapLimit(work, input.concurrency, async (w) => {
    try {
      const r = await input.pool.use(w.target, (s) =>
        s.exec(`sh -c ${shellQuote(credentialScript(input.pushId, phase, w))}`, {
          stdin: w.content,
          timeoutMs: 30_000,
        }),
      );
      const line = input.redactor.redact(r.stdout.trim() || r.stderr.trim() || `exited ${r.code}`);
      return { w, ok: r.code === 0, line };
    } catch (e) {
      return { w, ok: false, line: input.redactor.redact(e instanceof Error ? e.message : String(e)) };
    }
  });
  for (const { w, ok, line } of said) {
    // the plan's entries (result.ts recordPlan)
    const entry = result.report.credentials!.find((c) => c.device === w.device && c.daemon === w.daemon)!;
    entry[phase] = line;
    entry.ok &&= ok;
    input.progress(`  ${w.device} (${w.daemon}): ${ok ? '' : 'FAILED: '}${line}`);
  }
  const failed = said.filter((s) => !s.ok).map((s) => s.w.device);
  if (!failed.length) return null;
  return phase === 'before'
    ? {
        result: 'failed',
        message: `${failed.join(', ')} did not take the new password beside the old one; no wave was started (devices that took it accept both until a push completes)`,
      }
    : {
        result: 'failed',
        message: `every wave applied, but ${failed.join(', ')} still accept the old password beside the new one; run the push again to finish (the state is kept on the device, in ${CREDENTIALS_STATE})`,
      };
}
