/**
 * Drift's side of a daemon driver (src/daemons/types.ts): the reads a driver adds to a device's
 * collect script, what its compare gets, and the compare of a file the running daemon was
 * started with, which keepalived, HAProxy and snmpd share.
 */
import type { DeviceView } from '../daemons/types.js';
import type { CommandResult } from '../observe/runner.js';
import { shellQuote } from '../util/shell.js';
import { compareSections, type DaemonRules } from './compare.js';
import type { ConfigSection, Finding } from './types.js';

/** A named read of the collect script: [name, shell command]. */
export type DriftRead = [name: string, command: string];

export interface DriftCompareContext {
  device: DeviceView;
  reads: ReadonlyMap<string, CommandResult>;
  /** The rendered file of this device, by its name in the output folder. */
  intended(file: string): string | undefined;
  /** Processes found not running (already reported as such). */
  down: ReadonlySet<string>;
  /** Masks secret values in everything reported. */
  redact: (text: string) => string;
  now: string;
}

/**
 * Prints `<path>\n<content>` of the file a running daemon was started with (`FLAG path`), else
 * `fallback`. The daemon's command line is read from /proc (one `tr`), the file with one `cat`.
 */
export function fileInUse(process: string, flag: string, fallback: string, longFlag?: string): string {
  const short = shellQuote(` ${flag} `);
  const long = longFlag ? shellQuote(` ${longFlag}=`) : null;
  return [
    `f=${shellQuote(fallback)}; a=`,
    `for p in /proc/[0-9]*; do read -r c <"$p/comm" 2>/dev/null || continue; [ "$c" = ${shellQuote(process)} ] || continue; a=" $(tr '\\0' ' ' <"$p/cmdline") "; break; done`,
    `case "$a" in *${short}*) f=\${a#*${short}}; f=\${f%% *} ;;${long ? ` *${long}*) f=\${a#*${long}}; f=\${f%% *} ;;` : ''} esac`,
    'echo "$f"; cat "$f"',
  ].join('\n');
}

/** The file the running daemon was started with (a `fileInUse` read) against its rendered file. */
export function compareFileInUse(
  ctx: DriftCompareContext,
  read: string,
  file: string,
  rules: DaemonRules,
  normalise: (text: string) => ConfigSection[],
): Finding[] {
  const d = ctx.device;
  const intended = ctx.intended(file);
  const got = ctx.reads.get(read);
  if (intended === undefined || !got) return [];
  const nl = got.stdout.indexOf('\n');
  const path = got.stdout.slice(0, nl);
  if (got.code !== 0)
    return [
      {
        id: `config|${d.name}|${rules.daemon}|${path}|missing|`,
        device: d.name,
        source: 'config',
        daemon: rules.daemon,
        section: path || file,
        kind: 'missing',
        severity: 'major',
        message: ctx.redact(
          `${path || file} cannot be read: ${got.stderr.trim().split('\n')[0] ?? `exit ${got.code}`}`,
        ),
        via: ['ssh'],
        since: ctx.now,
      },
    ];
  return compareSections(normalise(intended), normalise(got.stdout.slice(nl + 1)), {
    device: d.name,
    rules,
    redact: ctx.redact,
    now: ctx.now,
  });
}
