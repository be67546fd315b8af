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
