/** Argument parsers shared by the commands: commander reports their errors with exit 2. */
import { InvalidArgumentError } from 'commander';

/** A positive number (or whole number) option: `--concurrency 16`, `--gate-timeout 90`. */
export function positive(what: string, integer = false) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${what} must be a positive ${integer ? 'whole number' : 'number'}`);
    return n;
  };
}

/**
 * An option given at most once (`--site` of the lab commands, which work on one lab): commander
 * would silently keep the last of `--site a --site b`.
 */
export function once(option: string) {
  return (value: string, previous: string | undefined): string => {
    if (previous !== undefined && previous !== value)
      throw new InvalidArgumentError(
        `give ${option} once (got ${previous} and ${value}): this command works on one`,
      );
    return value;
  };
}
