/**
 * Runs system commands (ip, nsenter, ssh-keygen …) without a shell and collects their output.
 * Commands get a fixed PATH and locale, so that a user's PATH (pyenv shims, /usr/local
 * overrides) never changes what runs in the lab.
 */
import { spawn } from 'node:child_process';

export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const SYSTEM_ENV: NodeJS.ProcessEnv = { PATH: SYSTEM_PATH, LANG: 'C.UTF-8', HOME: '/root' };

export interface RunResult {
  /** Exit code; 124 when the command was killed by the timeout (like coreutils `timeout`). */
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command (its whole process group) after this long. */
  timeoutMs?: number;
}

export function run(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    // detached: the command leads its own process group, so a timeout kills its children too
    const child = spawn(cmd, args, { env: options.env ?? SYSTEM_ENV, detached: true, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
          }, options.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout: '', stderr: `${cmd}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString();
      resolve({
        code: timedOut ? 124 : (code ?? (signal ? 128 : 1)),
        stdout: Buffer.concat(out).toString(),
        stderr: timedOut ? `${stderr}${cmd}: timed out after ${options.timeoutMs} ms\n` : stderr,
      });
    });
    child.stdin.on('error', () => {}); // the command may exit without reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** Like `run`, but a non-zero exit is an error carrying the command and its stderr. */
export async function runOk(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) throw new CommandError(cmd, args, r);
  return r.stdout;
}

export class CommandError extends Error {
  constructor(
    readonly cmd: string,
    readonly args: readonly string[],
    readonly result: RunResult,
  ) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ');
    super(`${cmd} ${args.join(' ')}: exit ${result.code}${detail ? `: ${detail}` : ''}`);
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
