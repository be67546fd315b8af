/** Argument parsers shared by the commands: commander reports their errors with exit 2. */
import { type Command, InvalidArgumentError } from 'commander';

/** A positive number (or whole number) option: `--concurrency 16`, `--gate-timeout 90`. */
export function positive(what: string, integer = false) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${what} must be a positive ${integer ? 'whole number' : 'number'}`);
    return n;
  };
}

/** Node's longest timer, in whole seconds (2^31 − 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Why `value` is not a duration in seconds a timer can wait, or undefined when it is one. */
export function secondsProblem(value: string): string | undefined {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
    return `"${value}" is not a positive number of seconds`;
  if (n > MAX_SECONDS)
    return `${value} seconds is more than ${MAX_SECONDS} (about 24 days, the longest a timer can wait)`;
  return undefined;
}

/** A duration option in seconds: `--gate-timeout 90`; positive and within a timer's reach. */
export function seconds(what: string) {
  return (value: string): number => {
    const problem = secondsProblem(value);
    if (problem) throw new InvalidArgumentError(`${what}: ${problem}`);
    return Number(value);
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

/**
 * A repeatable `--site` (`lab up`, `lab export`: one site, or several in one lab): `--site a
 * --site b` or `--site a,b`, each name once, in the order given.
 */
export function siteList(value: string, previous: string[] = []): string[] {
  return [...new Set([...previous, ...value.split(',').filter(Boolean)])];
}

/**
 * An option's value that is one of the command's own options (`--site --out x`): commander takes
 * the next word as the value, so the user left the value out. Returns the message, or undefined.
 */
export function optionTakenAsValue(command: Command): string | undefined {
  const chain: Command[] = [];
  for (let c: Command | null = command; c; c = c.parent) chain.push(c);
  const options = chain.flatMap((c) => c.options.map((o) => ({ c, o })));
  const known = new Set(options.flatMap(({ o }) => [o.long, o.short]).filter((f) => f !== undefined));
  for (const { c, o } of options) {
    if (!(o.required || o.optional)) continue;
    const value: unknown = c.getOptionValue(o.attributeName());
    const values = Array.isArray(value) ? value : [value];
    const flag = values.find((v) => typeof v === 'string' && known.has(v.split('=')[0]!));
    if (flag)
      return `${o.long ?? o.short} needs a value, but the next word is the option ${flag}: give it as ${o.flags.replace(/^-\w, /, '')}`;
  }
  return undefined;
}

/**
 * A list option that takes its names either way, `--only a b`, `--only a,b` or `--only a --only
 * b`: each command that selects devices reads the same forms.
 */
export function nameList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

/**
 * whatif's `--fail`: repeated, the names add up into one combined failure, `--fail a --fail b`
 * as `--fail a,b` (kept as typed, so an empty name is still reported).
 */
export function failList(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
