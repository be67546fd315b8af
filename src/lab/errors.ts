/**
 * The one error type the lab API throws for a user's problem: it carries the CLI exit code and
 * one-line messages or located diagnostics, never a stack trace for the user.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type LabExitCode = 1 | 2;

export class LabError extends Error {
  constructor(
    /** 2: unusable input or missing requirements (nothing was touched); 1: the lab has a problem. */
    readonly exitCode: LabExitCode,
    /** What went wrong, one problem per line, each saying how to fix it when we know. */
    readonly lines: readonly string[],
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(lines.join('\n'));
    this.name = 'LabError';
  }
}
