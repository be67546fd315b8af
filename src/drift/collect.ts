/**
 * One read of a device per poll: a single SSH command that runs every read drift needs on it
 * (processes, the daemons' configurations in use, OVSDB, FRR's JSON, the runtime checks' reads)
 * and frames each output between lines carrying a per-pass random nonce, so that one round trip
 * and one shell serve a whole device. The device's CPU is what a pass costs, so the script forks
 * as little as it can: the framing and the process list are shell builtins, FRR's reads share
 * one vtysh (vtysh spends ~30 ms building its command tree each time it starts), OVSDB's two
 * tables come from one ovs-vsctl, and the tunnel checks' per-port reads are answered from them.
 * Whatever cannot be answered here is simply not prefetched: the runtime checks then run that
 * command on their own, so correctness never depends on this.
 */
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry } from '../daemons/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import type { CommandResult, CommandRunner } from '../observe/runner.js';
import { shellQuote } from '../util/shell.js';

/** Processes of each daemon fabric configures, by their /proc/PID/comm name (the drivers'). */
export function processesOf(
  d: DeepReadonly<Device>,
  registry: DaemonRegistry = DAEMONS,
): { daemon: string; process: string }[] {
  return driversOf(d, registry).flatMap((driver) =>
    driver.drift.processes(d).map((process) => ({ daemon: driver.name, process })),
  );
}

/** `PID comm` of every process, with shell builtins only (no fork). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
const PROCESSES = 'for p in /proc/[0-9]*; do read -r c <"$p/comm" 2>/dev/null && echo "${p#/proc/} $c"; done';

export interface CollectPlan {
  /** name → shell command */
  reads: Map<string, string>;
  /** Commands the runtime checks run that this plan answers. */
  prefetch: string[];
}

/** What to read on a device: its daemons' state and files, and the commands its runtime checks will ask for. */
export function collectPlan(
  d: DeepReadonly<Device>,
  runtimeCommands: readonly string[],
  registry: DaemonRegistry = DAEMONS,
): CollectPlan {
  const reads = new Map<string, string>();
  if (processesOf(d, registry).length) reads.set('procs', PROCESSES);
  const running = driversOf(d, registry);
  for (const driver of running) for (const [name, cmd] of driver.drift.reads(d)) reads.set(name, cmd);
  // a command a driver's reads answer is never read on its own: prefetched if the device runs it
  const answeredBy = new Map<string, boolean>();
  for (const driver of Object.values(registry))
    for (const c of driver.drift.answers?.(d) ?? [])
      answeredBy.set(c, answeredBy.get(c) === true || running.includes(driver));
  const prefetch: string[] = [];
  for (const c of new Set(runtimeCommands)) {
    const answered = answeredBy.get(c);
    if (answered !== undefined) {
      if (answered) prefetch.push(c);
    } else {
      reads.set(c, c);
      prefetch.push(c);
    }
  }
  return { reads, prefetch };
}

/**
 * The one shell script that runs a plan. Each read is framed as
 * `N begin NAME` stdout `\nN stderr NAME RC` stderr `\nN end NAME` (N the nonce, NAME in base64).
 */
export function collectScript(plan: CollectPlan, nonce: string): string {
  const lines = [
    't=$(mktemp) || exit 97',
    `trap 'rm -f "$t"' EXIT`,
    'r() {',
    `  printf '%s begin %s\\n' ${nonce} "$1"`,
    `  ( eval "$2" ) 2>"$t" </dev/null; rc=$?`,
    `  printf '\\n%s stderr %s %s\\n' ${nonce} "$1" "$rc"`,
    `  if [ -s "$t" ]; then cat "$t"; fi`,
    `  printf '\\n%s end %s\\n' ${nonce} "$1"`,
    '}',
  ];
  for (const [name, cmd] of plan.reads)
    lines.push(`r ${Buffer.from(name).toString('base64')} ${shellQuote(cmd)}`);
  return lines.join('\n');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The framed outputs of a collect script, by read name. */
export function parseCollected(stdout: string, nonce: string): Map<string, CommandResult> {
  const out = new Map<string, CommandResult>();
  const n = escapeRegExp(nonce);
  const frame = new RegExp(
    `^${n} begin (\\S+)\\n([\\s\\S]*?)\\n${n} stderr \\1 (\\d+)\\n([\\s\\S]*?)\\n${n} end \\1$`,
    'gm',
  );
  for (const m of stdout.matchAll(frame))
    out.set(Buffer.from(m[1]!, 'base64').toString('utf8'), {
      code: Number(m[3]),
      stdout: m[2]!,
      stderr: m[4]!,
    });
  return out;
}

/** A runner that answers prefetched commands from a device's collect and runs the rest. */
export class PrefetchRunner implements CommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly prefetched: ReadonlyMap<string, ReadonlyMap<string, CommandResult>>,
  ) {}

  run(device: string, command: string, opts?: { timeoutMs?: number }): Promise<CommandResult> {
    const hit = this.prefetched.get(device)?.get(command);
    return hit ? Promise.resolve(hit) : this.runner.run(device, command, opts);
  }
}
