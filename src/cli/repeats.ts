/**
 * An option given more than once. Commander keeps the last value of a single-valued option, so
 * `--fail a --fail b` would silently drop `a`. Each option that has a meaning when repeated
 * accumulates its values into a list (variadic `--site a b` of the commands that take several
 * sites, `--only`, `--identity`, whatif's `--fail`); for every other one this module records each
 * value given and main stops with exit 2 when two of them differ, naming both. The same value
 * twice (`--json --json`, `--site a --site a`) loses nothing and is accepted.
 *
 * Also here, the other way to give one setting twice: `--json` beside a `--format` that is not
 * json.
 */
import type { Command, Option } from 'commander';

interface Given {
  flag: string;
  /** The value as typed; undefined for a flag without one (`--json`, `--no-secrets`, `--wait`). */
  value: string | undefined;
}

const seen = new WeakMap<Command, Map<string, Given[]>>();

function longestFlag(o: Option): string {
  return o.long ?? o.short ?? o.flags;
}

/** Records every value of every option of `root` and its subcommands, before parsing. */
export function watchRepeats(root: Command): void {
  const given = new Map<string, Given[]>();
  seen.set(root, given);
  for (const o of root.options) {
    if (o.variadic) continue; // `--site a b`: a list by design
    const key = o.attributeName();
    root.on(`option:${o.name()}`, (value: string | null | undefined) => {
      given.set(key, [...(given.get(key) ?? []), { flag: longestFlag(o), value: value ?? undefined }]);
    });
  }
  for (const sub of root.commands) watchRepeats(sub);
}

function twice(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}

/**
 * Why an option of `command` (or of a command above it) was given more than once with a
 * different value where only one is kept, or undefined. Options whose value is a list
 * (accumulating parsers) are fine.
 */
export function repeatedOption(command: Command): string | undefined {
  for (let c: Command | null = command; c; c = c.parent) {
    for (const [key, all] of seen.get(c) ?? []) {
      if (all.length < 2 || Array.isArray(c.getOptionValue(key))) continue;
      if (all.every((g) => g.flag === all[0]!.flag && g.value === all[0]!.value)) continue;
      const flags = [...new Set(all.map((g) => g.flag))];
      if (flags.length === 1)
        return `${flags[0]} given ${twice(all.length)} (${all.map((g) => g.value ?? '(no value)').join(', ')}): give it once`;
      const each = all.map((g) => (g.value === undefined ? g.flag : `${g.flag} ${g.value}`));
      return `${each.join(' and ')} contradict each other: give one of them`;
    }
  }
  return undefined;
}

/**
 * `--json` with a `--format` that says otherwise (`--format markdown --json`): one would be
 * silently dropped. `--format json --json` agrees and is fine.
 */
export function jsonFormatConflict(command: Command): string | undefined {
  const has = (flag: string) => command.options.some((o) => o.long === flag);
  if (!has('--json') || !has('--format')) return undefined;
  if (command.getOptionValue('json') !== true || command.getOptionValueSource('format') !== 'cli')
    return undefined;
  const format = String(command.getOptionValue('format'));
  if (format === 'json') return undefined;
  return `--format ${format} and --json contradict each other (--json prints one JSON document): give one of them`;
}
