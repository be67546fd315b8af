/**
 * Diagnostics are values: every stage returns them instead of throwing, and the CLI prints them
 * at the edge. A diagnostic points into the inventory by a path (site + keys), which the
 * locator turns into `file:line:col`.
 */
export type Severity = 'error' | 'warning';

/** A key path into a site's merged inventory, e.g. ['devices', 'leaf1a', 'uplinks', 'eth1']. */
export type InventoryPath = readonly (string | number)[];

export interface Diagnostic {
  /** Stable, greppable code, e.g. `duplicate-address`. */
  code: string;
  severity: Severity;
  /** What is wrong, and what would be right. One line. */
  message: string;
  /** Site the problem belongs to, when it is known. */
  site?: string;
  /** Where in the inventory; resolved to file:line:col by the locator. */
  path?: InventoryPath;
  /** Set when the problem is known to be in one file (YAML syntax, schema errors). */
  file?: string;
  /** Point at the key of `path` instead of its value (unknown fields). */
  atKey?: boolean;
  /** Resolved location, filled in by the locator. */
  location?: { file: string; line: number; col: number };
}

export function error(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, ...where };
}

export function warning(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'warning', message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
