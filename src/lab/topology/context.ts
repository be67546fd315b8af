/**
 * Shared by the topology parser's parts: where diagnostics go and small readers for the plain
 * data of the YAML document. Every problem is collected with its key path; the parser locates
 * them all to `file:line:col` at the end.
 */
import { type Diagnostic, error, type InventoryPath, warning } from '../../diagnostics/diagnostic.js';

export type Raw = Record<string, unknown>;

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    /** The file as shown to the user. */
    readonly file: string,
    /** Folder of the topology file (absolute). */
    readonly dir: string,
    /** Absolute paths that do not exist yet but will before the lab starts (binds may name them). */
    readonly pendingFiles: ReadonlySet<string> = new Set(),
  ) {}

  error(code: string, message: string, path: InventoryPath, atKey = false): void {
    this.diagnostics.push(error(code, message, { file: this.file, path, atKey }));
  }

  warn(code: string, message: string, path: InventoryPath, atKey = false): void {
    this.diagnostics.push(warning(code, message, { file: this.file, path, atKey }));
  }

  /** Reports keys outside `allowed` (containerlab decodes strictly: unknown keys are errors). */
  checkKeys(value: Raw, allowed: readonly string[], path: InventoryPath, what: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(
          'unknown-key',
          `unknown field "${key}" in ${what}; allowed: ${allowed.join(', ')}`,
          [...path, key],
          true,
        );
      }
    }
  }

  /** A mapping or null/absent (undefined); anything else is reported. */
  mapping(value: unknown, path: InventoryPath, what: string): Raw | undefined {
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return value;
    this.error('invalid-value', `${what} must be a mapping`, path);
    return undefined;
  }

  string(value: unknown, path: InventoryPath, what: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.error('invalid-value', `${what} must be a string`, path);
    return undefined;
  }

  /** Lists of strings (`exec`, `binds`). */
  strings(value: unknown, path: InventoryPath, what: string): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    this.error('invalid-value', `${what} must be a list of strings`, path);
    return undefined;
  }

  /** `env`/`labels`: a mapping of scalars; numbers and booleans become strings, like Go's decoder does. */
  stringMap(value: unknown, path: InventoryPath, what: string): Record<string, string> | undefined {
    const map = this.mapping(value, path, what);
    if (!map) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
      else this.error('invalid-value', `${what} "${k}" must be a string`, [...path, k]);
    }
    return out;
  }

  /** A whole number in [min, max]. */
  integer(value: unknown, path: InventoryPath, what: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.error('invalid-value', `${what} must be a whole number from ${min} to ${max}`, path);
    return undefined;
  }
}

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
