/**
 * The V8 settings `fabric render` runs with, in one place: bin/fabric.js and bench/render.ts
 * both start the command through `relaunchWithNodeFlags`, so the benchmark measures what users
 * run.
 *
 * A larger young generation: compile and render allocate ~1 GiB of short-lived objects (YAML
 * syntax trees, per-device models, template output) beside a model that lives to the end, and
 * with V8's default 16 MiB semi-space every scavenge copies the part still alive again; the
 * garbage collector was ~20 % of a 5,000-device render (docs/benchmarks.md, 2026-12-04).
 * Such a flag only works when Node starts: `v8.setFlagsFromString` after start-up does not
 * resize the heap (measured), and a shebang's flags are lost under `node bin/fabric.js`. So the
 * process runs the same script again in a child Node with the flags (~40 ms of start-up), once.
 *
 * This module is loaded before the CLI: it imports nothing of fabric's.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Node's flags for the commands in RELAUNCHED; each needs a new process to take effect. */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** The commands that compile and render a whole inventory and then exit (measured with NODE_FLAGS). */
const RELAUNCHED: ReadonlySet<string> = new Set(['render']);

/** The global options that take a value (src/cli/main.ts): `-i DIR` before the command. */
const GLOBAL_WITH_VALUE: ReadonlySet<string> = new Set(['-i', '--inventory']);

/** The command word of `fabric [global options] <command> …`, or undefined. */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * Whether this process should be started again with NODE_FLAGS: not when it already runs with
 * them or the user chose a semi-space size (in the command line or NODE_OPTIONS).
 */
export function needsRelaunch(
  command: string | undefined,
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): boolean {
  if (command === undefined || !RELAUNCHED.has(command)) return false;
  const chosen = (s: string) => s.includes('--max-semi-space-size');
  return !execArgv.some(chosen) && !chosen(nodeOptions);
}

/**
 * Runs this script again in a child Node with NODE_FLAGS and the same arguments, standard streams
 * and environment, when `command` is one that needs them: resolves to the child's exit code (a
 * signal that ended the child ends this process the same way), or to undefined when this process
 * should go on and run the command itself. Signals sent to this process are passed on.
 */
export function relaunchWithNodeFlags(command: string | undefined): Promise<number> | undefined {
  if (!needsRelaunch(command)) return undefined;
  const [script, ...args] = process.argv.slice(1);
  const child = spawn(process.execPath, [...NODE_FLAGS, ...process.execArgv, script!, ...args], {
    stdio: 'inherit',
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal === null) return resolve(code ?? 1);
      process.kill(process.pid, signal);
      // a signal this process ignores (SIGPIPE): the shell's code for it
      resolve(128 + (constants.signals[signal] ?? 0));
    });
  });
}
