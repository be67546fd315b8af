/**
 * Diagnostics for people and for machines. Text lines look like
 * `inventory/idc-a.yaml:12:7 error duplicate-address 10.1.0.5 is used twice: …`.
 */
import { styleText } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function where(d: Diagnostic): string {
  if (d.location) return `${d.location.file}:${d.location.line}:${d.location.col}`;
  if (d.file) return d.file;
  return d.site ? `site ${d.site}` : 'fabric';
}

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const sev = color ? styleText(d.severity === 'error' ? 'red' : 'yellow', d.severity) : d.severity;
  return `${where(d)} ${sev} ${d.code} ${d.message}`;
}

export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    site: d.site ?? null,
    file: d.location?.file ?? d.file ?? null,
    line: d.location?.line ?? null,
    col: d.location?.col ?? null,
    path: d.path ? d.path.join('.') : null,
  }));
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
