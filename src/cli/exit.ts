/** Exit codes, the same for every command. */
export const EXIT = {
  /** The command did what was asked and found nothing wrong. */
  OK: 0,
  /** The command ran and found problems (findings, failed checks, drift). */
  PROBLEMS: 1,
  /** The input or the arguments cannot be used (or a device could not be read). */
  UNUSABLE: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Thrown by a command to stop with a message and an exit code; main prints it, never a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.UNUSABLE,
  ) {
    super(message);
  }
}
