/**
 * What a device holds now: the SHA-256 of every file fabric manages there (null when absent), and
 * whether FRR runs what its file says (someone may have changed the running config by hand).
 */

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
 * Lines frr-reload.py would change to make the running config match /etc/frr/frr.conf; empty when
 * they match. FRR prints them under "Lines To Delete" and "Lines To Add".
 */
export async function frrRunningDiff(session: Session): Promise<string[]> {
  const r = await session.exec('/usr/lib/frr/frr-reload.py --test /etc/frr/frr.conf 2>&1', {
    timeoutMs: 60_000,
  });
  const lines: string[] = [];
  let section = '';
  for (const raw of r.stdout.split('\n')) {
    const line = raw.trimEnd();
    if (/^Lines To (Delete|Add)$/.test(line)) section = line.endsWith('Delete') ? '-' : '+';
    else if (/^=+$/.test(line) || line === '') continue;
    else if (section && !/^\d{4}-\d\d-\d\d /.test(line)) lines.push(`${section} ${line.trim()}`);
  }
  // FRR shows `no ip forwarding` when forwarding is off and nothing when it is on: a bare
  // "add ip forwarding" therefore means it is already on
  return lines.filter((l) => !(/^\+ (ip|ipv6) forwarding$/.test(l) && !lines.includes(`- no ${l.slice(2)}`)));
}
