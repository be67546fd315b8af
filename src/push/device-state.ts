/**
 * What a device holds now: the SHA-256 of every file fabric manages there (null when absent), and
 * whether FRR runs what its file says (someone may have changed the running config by hand).
 */

import { compareFrr } from '../daemons/frr/drift.js';
import type { Session } from '../ssh/index.js';
import { shellQuote } from '../util/shell.js';

export type Hashes = Map<string, string | null>;

export async function readHashes(session: Session, targets: readonly string[]): Promise<Hashes> {
  const script = `for f in ${targets.map(shellQuote).join(' ')}; do if [ -f "$f" ]; then sha256sum "$f"; else echo "- $f"; fi; done`;
  const r = await session.exec(script, { timeoutMs: 20_000 });
  const out: Hashes = new Map(targets.map((t) => [t, null]));
  for (const line of r.stdout.split('\n')) {
    const m = /^([0-9a-f]{64}|-)\s+(.+)$/.exec(line.trim());
    if (m) out.set(m[2]!, m[1] === '-' ? null : m[1]!);
  }
  return out;
}

/**
 * What differs between FRR's running config and the frr.conf on the device (whose hash says it
 * is the rendered one), compared by meaning as drift does (src/drift/frr.ts): one vtysh call
 * instead of frr-reload.py's Python, which costs ten times the CPU on the device. Empty when FRR
 * runs its file; a failing vtysh (FRR not running) is a difference too.
 */
export async function frrRunningDiff(
  session: Session,
  device: string,
  intended: string,
  redact: (text: string) => string,
): Promise<string[]> {
  const r = await session.exec("vtysh -c 'show running-config'", { timeoutMs: 30_000 });
  if (r.code !== 0)
    return [`vtysh cannot show the running configuration: ${(r.stderr || r.stdout).trim().split('\n')[0]}`];
  return compareFrr(intended, r.stdout, { device, redact, now: '' }).map((f) => f.message);
}
