/** Output helpers shared by commands: stdout for results, stderr for progress and diagnostics. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { CliError } from './exit.js';

let wroteStdout = false;

export const out = (line = '') => {
  wroteStdout = true;
  return process.stdout.write(`${line}\n`);
};

/** Whether the command printed a result on stdout (main's --json fallback needs to know). */
export function printedResult(): boolean {
  return wroteStdout;
}
export const err = (line = '') => process.stderr.write(`${line}\n`);

/**
 * A progress line on stderr at most every `ms` (`<line(done, total)> in <s> s`), for work that
 * takes a while on a large fabric; once one was printed, the last (done = total) is printed too:
 * a progress that stops at 1/3 reads as stuck.
 */
export function throttledProgress(
  line: (done: number, total: number) => string,
  ms: number,
): (done: number, total: number) => void {
  const start = Date.now();
  let last = start;
  let said = false;
  let finished = false;
  return (done, total) => {
    if (finished || (Date.now() - last < ms && !(said && done === total))) return;
    last = Date.now();
    said = true;
    finished = done === total;
    err(`${line(done, total)} in ${Math.round((last - start) / 1000)} s`);
  };
}

export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  stream: (l: string) => void = err,
): void {
  const color = process.stderr.isTTY && !process.env.NO_COLOR;
  for (const d of diagnostics) stream(formatDiagnostic(d, color));
}

export function json(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/**
 * Writes a report file the user named (`--junit`, `--output`, `--state`): its folder is created,
 * and the file is replaced atomically, so a reader (node_exporter, a CI step) never sees half of
 * it. A file that cannot be written is a clear error, not a stack trace.
 */
export function writeReportFile(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    // only when missing: Node's recursive mkdir never returns on some paths under /proc
    if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
