/**
 * FRR daemons in a test's own network namespace (the speaker-session tests: a leaf against a
 * Kubernetes node's speaker), their sockets, pidfiles and logs in the test's folder, owned by
 * the namespace's cleanup (TestNetns: killed by PID).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestNetns } from './netns.js';

export interface FrrInNetns {
  ns: string;
  dir: string;
}

/** Starts `daemons` (zebra first) in `s.ns` on an empty configuration; vtysh reaches them through `s.dir`. */
export function startFrr(netns: TestNetns, s: FrrInNetns, daemons: readonly string[]): void {
  const frrId = (flag: string) => Number(execFileSync('id', [flag, 'frr'], { encoding: 'utf8' }));
  chownSync(s.dir, frrId('-u'), frrId('-g'));
  const empty = join(s.dir, 'empty.conf');
  writeFileSync(empty, '');
  for (const d of daemons) {
    const pidFile = join(s.dir, `${d}.pid`);
    const args = ['-d', '-f', empty, '-z', join(s.dir, 'zserv.api'), '--vty_socket', s.dir, '-i', pidFile];
    args.push('--log', `file:${join(s.dir, `${d}.log`)}`);
    if (d === 'bfdd') args.push('--bfdctl', join(s.dir, 'bfdd.sock'));
    netns.ownsPidFile(pidFile);
    execFileSync('ip', ['netns', 'exec', s.ns, `/usr/lib/frr/${d}`, ...args], { stdio: 'pipe' });
    if (d === 'zebra') waitFor(() => existsSync(join(s.dir, 'zserv.api')), 5000, 'zebra socket');
  }
}

/** Waits (blocking, 100 ms steps) until `ok`, or throws naming `what`. */
export function waitFor(ok: () => boolean, ms: number, what: string): void {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    execFileSync('sleep', ['0.1']);
  }
}

/** Reads until `ok` holds or `ms` pass, and answers the last reading (the test asserts on it). */
export async function eventually<T>(
  read: () => T,
  ok: (v: T) => boolean,
  ms = 40_000,
  stepMs = 200,
): Promise<T> {
  const until = Date.now() + ms;
  let v = read();
  while (!ok(v)) {
    if (Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, stepMs));
    v = read();
  }
  return v;
}

/**
 * A cable between two of the test's namespaces: a veth pair with the run's prefix, its ends
 * moved in and named as the cabling says (`leaf1a eth21 ↔ kn1 eth1`), both up.
 */
export function cable(
  netns: TestNetns,
  a: { ns: string; name: string },
  b: { ns: string; name: string },
): void {
  const [x, y] = [`${netns.prefix}a`, `${netns.prefix}b`];
  execFileSync('ip', ['link', 'add', x, 'type', 'veth', 'peer', 'name', y]);
  execFileSync('ip', ['link', 'set', x, 'netns', a.ns]);
  execFileSync('ip', ['link', 'set', y, 'netns', b.ns]);
  execFileSync('ip', ['-n', a.ns, 'link', 'set', x, 'name', a.name, 'up']);
  execFileSync('ip', ['-n', b.ns, 'link', 'set', y, 'name', b.name, 'up']);
}
