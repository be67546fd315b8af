/** Output helpers shared by commands: stdout for results, stderr for progress and diagnostics. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../report/diagnostics.js';

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line = '') => process.stderr.write(`${line}\n`);

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
