/**
 * The one text form of a diagnostic, for every command (the lab's topology diagnostics too):
 * `inventory/idc-a.yaml:12:7 error duplicate-address 10.1.0.5 is used twice: …`.
 */
import { styleText } from 'node:util';
import type { Diagnostic } from './diagnostic.js';

/** `file:line:col` when located, else the file, else the site, else `fabric`. */
export function where(d: Diagnostic): string {
  if (d.location) return `${d.location.file}:${d.location.line}:${d.location.col}`;
  if (d.file) return d.file;
  return d.site ? `site ${d.site}` : 'fabric';
}

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const sev = color ? styleText(d.severity === 'error' ? 'red' : 'yellow', d.severity) : d.severity;
  return `${where(d)} ${sev} ${d.code} ${d.message}`;
}
