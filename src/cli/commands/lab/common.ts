/**
 * What every `fabric lab …` command shares: which lab a command means, and how an action's
 * outcome becomes an exit code (LabError → its message and code, never a stack trace).
 */
import type { Command, CommanderError } from 'commander';
import { formatDiagnostic } from '../../../diagnostics/format.js';
import { loadInventoryDir } from '../../../inventory/files.js';
import { LabError } from '../../../lab/index.js';
import { CliError } from '../../exit.js';
import { chooseLab, runningLabs } from '../../site-choice.js';

/** Receives a command's exit code (a promise that never rejects). */
export type ExitCodeSink = (code: Promise<number>) => void;

export interface Target {
  topology?: string;
  name?: string;
  /** A site of the inventory: its lab is named after it. */
  site?: string;
}

export interface SiteFlags {
  inventory: string;
  out: string;
  secrets?: string;
  empty?: boolean;
}

/** Helpers each lab subcommand registers itself with. */
export interface LabCli {
  /** The `fabric lab` command. */
  lab: Command;
  /** A subcommand whose usage errors exit 2, like every other unusable input. */
  command(parent: Command, name: string): Command;
  /** Runs an action and hands its exit code on (commander awaits it). */
  act(action: () => Promise<number>): Promise<void>;
}

/** The lab named by --name, --site or --topology, or else the only lab on this machine. */
function target(opts: Target, command: string): string | undefined {
  return opts.name ?? opts.site ?? opts.topology ?? chooseLab(command, runningLabs());
}

export function requiredTarget(opts: Target, command: string): string {
  const t = target(opts, command);
  if (!t) throw new LabError(2, [`${command}: no lab is running here: start one with \`fabric lab up\``]);
  return t;
}

/** The site names of the inventory's files, without compiling it (none when it cannot be read). */
export function inventorySites(dir: string): string[] {
  const sites = loadInventoryDir(dir).sources.map((s) => (s.data as { site?: unknown } | undefined)?.site);
  return [...new Set(sites.filter((s): s is string => typeof s === 'string'))];
}

/** Runs an action, turning LabError into its message and exit code (no stack traces for user errors). */
async function guarded(action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof LabError) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      for (const line of e.lines) process.stderr.write(`${line}\n`);
      return e.exitCode;
    }
    if (e instanceof CliError) {
      process.stderr.write(`fabric: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`lab: ${(e as Error).message}\n`);
    if (process.env.FABRIC_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

function setProcessExitCode(code: Promise<number>): void {
  code.then((c) => {
    process.exitCode = c;
  });
}

/**
 * Each action hands its exit code to `run` (main.ts's convention), and usage errors go to the
 * program's own exitOverride. Without `run`, actions set process.exitCode and usage errors exit 2.
 */
export function labCli(program: Command, run?: ExitCodeSink): LabCli {
  const report = run ?? setProcessExitCode;
  const act = async (action: () => Promise<number>): Promise<void> => {
    const code = guarded(action);
    report(code);
    await code;
  };
  const command = (parent: Command, name: string): Command => {
    const cmd = parent.command(name);
    return run ? cmd : cmd.exitOverride((err: CommanderError) => process.exit(err.exitCode === 0 ? 0 : 2));
  };
  const lab = command(program, 'lab').description(
    'run a containerlab topology on this machine without Docker (network namespaces)',
  );
  return { lab, command, act };
}
