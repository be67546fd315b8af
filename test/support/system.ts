/**
 * Tests that need root and real daemons install what they need and fail loudly when they
 * cannot; they never skip. CI runs on a fresh Debian machine as root.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface Requirement {
  /** The Debian package; it must be installed (dpkg says so). */
  pkg: string;
  /** A program of it the test runs, on PATH or an absolute path; when given, it must be there too. */
  bin?: string;
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

/** The packages of `pkgs` that dpkg has installed (not merely known, or removed with its config kept). */
function installedPackages(pkgs: readonly string[]): Set<string> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\\n', ...pkgs], {
    encoding: 'utf8',
  });
  return new Set(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => l.endsWith(' installed'))
      .map((l) => l.split(' ')[0]!),
  );
}

/** The requirements not met: the package not installed, or its program not there. */
function unmet(requirements: readonly Requirement[]): Requirement[] {
  const installed = installedPackages([...new Set(requirements.map((r) => r.pkg))]);
  return requirements.filter((r) => !installed.has(r.pkg) || (r.bin !== undefined && !present(r.bin)));
}

export function requireRoot(): void {
  if (process.getuid?.() !== 0)
    throw new Error('this test needs root (network namespaces, daemons): run the suite as root, as CI does');
}

/** Debian's hook that tells a package's install whether it may start its service. */
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

type AptResult = SpawnSyncReturns<string>;

/** One apt-get run, noninteractive, its output kept for the error message. */
function aptGet(args: string[], timeout: number): AptResult {
  return spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    timeout,
  });
}

/** How an apt-get run ended, and the end of what it said. */
function aptOutcome(what: string, r: AptResult): string {
  const how = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  return `${what}: ${how}\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().slice(-2000)}`;
}

/**
 * Installs the Debian packages of the requirements not met (package not installed, or its program
 * not found), and throws, loudly, when it cannot: a test that needs them fails, never skips. Needs
 * root only when something is missing. The package lists are fetched (`apt-get update`) only when
 * the install fails with the ones the machine has (none on a fresh one, or stale). No service
 * starts in the machine's own namespace on install (policy-rc.d answers 101, "not allowed", while
 * apt runs, unless the machine already has a policy): the tests run their own copies in
 * namespaces of their own.
 */
export function ensureInstalled(requirements: readonly Requirement[]): void {
  const missing = [...new Set(unmet(requirements).map((r) => r.pkg))];
  if (missing.length === 0) return;
  requireRoot();
  const addedPolicy = !existsSync(POLICY_RC_D);
  if (addedPolicy)
    writeFileSync(POLICY_RC_D, '#!/bin/sh\n# fabric tests: start no service on install\nexit 101\n', {
      mode: 0o755,
    });
  try {
    const install = () => aptGet(['install', '-y', '--no-install-recommends', ...missing], 900_000);
    const first = install();
    if (first.status !== 0) {
      const update = aptGet(['update'], 600_000);
      const retry = install();
      if (retry.status !== 0)
        throw new Error(
          `cannot install ${missing.join(' ')} (needed by this test): ${aptOutcome('apt-get install', first)}\n` +
            `${update.status === 0 ? '' : `${aptOutcome('apt-get update', update)}\n`}${aptOutcome('apt-get install, after update', retry)}`,
        );
    }
  } finally {
    if (addedPolicy) rmSync(POLICY_RC_D, { force: true });
  }
  const still = unmet(requirements);
  if (still.length)
    throw new Error(
      `installed ${missing.join(' ')} but still missing: ${still.map((r) => (r.bin ? `${r.bin} (${r.pkg})` : r.pkg)).join(', ')}`,
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
 * Waits up to 5 s for the PID file of a process this test started, and adds its PID to `pids`
 * (what the test stops in afterAll, by PID); throws when no PID comes.
 */
export function ownPidFile(file: string, pids: number[]): number {
  for (let i = 0; i < 50 && !existsSync(file); i++) spawnSync('sleep', ['0.1']);
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : Number.NaN;
  if (!(pid > 1)) throw new Error(`no PID in ${file} within 5 s`);
  pids.push(pid);
  return pid;
}

/** Stops a process of ours by its PID: `signal`, up to 5 s to end, then SIGKILL; gone already is fine. */
export function stopPid(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!alive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return; // ended meanwhile
  }
  for (let i = 0; i < 50 && alive(pid); i++) spawnSync('sleep', ['0.1']);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
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
