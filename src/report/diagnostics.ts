/**
 * Diagnostics for machines (JSON) and their counts. The text line is
 * `formatDiagnostic` in src/diagnostics/format.ts.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

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
