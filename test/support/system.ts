/**
 * Tests that need root and real daemons install what they need and fail loudly when they
 * cannot; they never skip. CI runs on a fresh Debian machine as root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface Requirement {
  /** A program that must be on PATH (or an absolute path). */
  bin: string;
  /** The Debian package that provides it. */
  pkg: string;
}

export const DAEMON_PACKAGES: Requirement[] = [
  { bin: 'vtysh', pkg: 'frr' },
  { bin: '/usr/lib/frr/frr-reload.py', pkg: 'frr-pythontools' },
  { bin: 'keepalived', pkg: 'keepalived' },
  { bin: 'haproxy', pkg: 'haproxy' },
  { bin: 'ovs-vsctl', pkg: 'openvswitch-switch' },
  { bin: 'ip', pkg: 'iproute2' },
  { bin: 'bridge', pkg: 'iproute2' },
  // HAProxy's admin socket: drift and verify read backend state with `show stat`
  { bin: 'socat', pkg: 'socat' },
];

function present(bin: string): boolean {
  if (bin.startsWith('/')) return spawnSync('test', ['-x', bin]).status === 0;
  return spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
}

export function requireRoot(): void {
  if (process.getuid?.() !== 0)
    throw new Error('this test needs root (network namespaces, daemons): run the suite as root, as CI does');
}

/** Debian's hook that tells a package's install whether it may start its service. */
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Installs the Debian packages of missing programs; throws with apt's output if that fails. No
 * service starts in the machine's own namespace on install (policy-rc.d answers 101, "not
 * allowed", while apt runs, unless the machine already has a policy): the tests run their own
 * copies in namespaces of their own.
 */
export function ensureInstalled(requirements: Requirement[]): void {
  const missing = [...new Set(requirements.filter((r) => !present(r.bin)).map((r) => r.pkg))];
  if (missing.length === 0) return;
  requireRoot();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const addedPolicy = !existsSync(POLICY_RC_D);
  if (addedPolicy) writeFileSync(POLICY_RC_D, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'pipe' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env,
      stdio: 'pipe',
    });
  } catch (e) {
    const out = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`cannot install ${missing.join(' ')} (needed by this test): ${out}`);
  } finally {
    if (addedPolicy) rmSync(POLICY_RC_D, { force: true });
  }
  const still = requirements.filter((r) => !present(r.bin));
  if (still.length)
    throw new Error(
      `installed ${missing.join(' ')} but still missing: ${still.map((r) => r.bin).join(', ')}`,
    );
}

export function run(
  cmd: string,
  args: string[],
  opts: { input?: string } = {},
): { code: number; out: string } {
  const r = spawnSync(cmd, args, { input: opts.input, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Whether a process of ours still runs (signal 0 tests without sending; a zombie does not run). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // a zombie (ended, not yet reaped by its parent) still takes signal 0
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/**
 * `haproxy -c -f CFG` with the certificates at their real path: a private /etc/haproxy (a tmpfs
 * in a mount namespace of its own) holding a copy of `certDir` as `certs/`.
 */
export function haproxyCheck(cfg: string, certDir: string): { code: number; out: string } {
  return run('unshare', [
    '-m',
    'sh',
    '-c',
    'mount -t tmpfs fabric-check /etc/haproxy && mkdir /etc/haproxy/certs && cp "$1"/* /etc/haproxy/certs/ && haproxy -c -f "$2"',
    'sh',
    certDir,
    cfg,
  ]);
}
