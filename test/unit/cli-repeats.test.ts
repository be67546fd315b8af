/**
 * An option given twice never silently keeps the last value: every option of every command is
 * tried twice with two values, in process (the actions are replaced, nothing runs). Either it
 * adds up (a list) or the command stops with exit 2 naming both values.
 */
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/exit.js';
import { buildProgram } from '../../src/cli/main.js';

/** The program with every action replaced by one that records the options it got. */
function program(): { root: Command; got: () => Record<string, unknown> | undefined } {
  const root = buildProgram(() => {});
  let got: Record<string, unknown> | undefined;
  const leaves = (c: Command): Command[] => (c.commands.length ? c.commands.flatMap(leaves) : [c]);
  for (const leaf of leaves(root))
    leaf.configureOutput({ writeErr: () => {}, writeOut: () => {} }).action((_o: unknown, cmd: Command) => {
      got = cmd.optsWithGlobals();
    });
  root.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  return { root, got: () => got };
}

async function parse(args: string[]): Promise<{ error?: Error; opts?: Record<string, unknown> }> {
  const { root, got } = program();
  try {
    await root.parseAsync(['node', 'fabric', ...args]);
    return { opts: got() };
  } catch (e) {
    return { error: e as Error };
  }
}

function commandPaths(c: Command, path: string[] = []): { path: string[]; command: Command }[] {
  if (!c.commands.length) return [{ path, command: c }];
  return c.commands.flatMap((s) => commandPaths(s, [...path, s.name()]));
}

/** Two values the option accepts, or undefined for a flag without a value. */
function twoValues(o: Option): [string, string] | undefined {
  if (!(o.required || o.optional)) return undefined;
  if (o.argChoices) return [o.argChoices[0]!, o.argChoices[1]!];
  return ['7', '9']; // numbers pass the number parsers, and are names to the others
}

describe('an option given twice', () => {
  const { root } = program();
  const cases = commandPaths(root).flatMap(({ path, command }) =>
    command.options
      .filter((o) => twoValues(o) && o.long !== '--inventory')
      .map((o) => ({ path, o, values: twoValues(o)! })),
  );

  it('covers every command', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  for (const { path, o, values } of cases)
    it(`${path.join(' ')} ${o.long}: adds up, or exit 2 naming both values`, async () => {
      const flag = o.long!;
      // positional arguments last (`lab exec NODE -- CMD`)
      const positional = path.at(-1) === 'exec' ? ['node1', '--', 'true'] : [];
      const r = await parse([...path, flag, values[0], flag, values[1], ...positional]);
      if (r.error) {
        // the lab commands' own --site check (once) says it in its words, through commander
        const message = r.error.message;
        if (r.error instanceof CliError) {
          expect(r.error.exitCode).toBe(2);
          expect(message).toContain(`${flag} given twice (${values[0]}, ${values[1]}): give it once`);
        } else
          expect(message).toMatch(new RegExp(`give ${flag} once \\(got ${values[0]} and ${values[1]}\\)`));
        return;
      }
      const value = r.opts?.[o.attributeName()];
      expect(Array.isArray(value), `${flag} kept ${JSON.stringify(value)}`).toBe(true);
      expect((value as unknown[]).join(',')).toContain(`${values[0]},${values[1]}`);
    });

  it('GIVEN the global --inventory twice THEN exit 2 naming both', async () => {
    const r = await parse(['-i', 'a', '-i', 'b', 'validate']);
    expect(r.error?.message).toBe('validate: --inventory given twice (a, b): give it once');
  });

  it('GIVEN the same value twice, or a flag twice THEN nothing is lost: accepted', async () => {
    expect((await parse(['drift', '--format', 'json', '--format', 'json'])).opts?.format).toBe('json');
    expect((await parse(['validate', '--json', '--json'])).opts?.json).toBe(true);
  });

  it('GIVEN an option and its --no- form THEN exit 2 naming both', async () => {
    const r = await parse(['validate', '--secrets', 's.yaml', '--no-secrets']);
    expect(r.error?.message).toBe(
      'validate: --secrets s.yaml and --no-secrets contradict each other: give one of them',
    );
  });

  it('GIVEN --fail twice THEN whatif gets one combined failure, as --fail a,b', async () => {
    const r = await parse(['whatif', '--fail', 'sp2', '--fail', 'bdr1']);
    expect(r.opts?.fail).toEqual(['sp2', 'bdr1']);
  });
});

describe('--json beside --format', () => {
  it('GIVEN --format markdown --json (or text) THEN exit 2 naming both; --format json --json agrees', async () => {
    for (const args of [
      ['whatif', '--format', 'markdown', '--json'],
      ['whatif', '--json', '--format', 'text'],
      ['drift', '--format', 'prometheus', '--json'],
      ['drift', '-f', 'text', '--json'],
    ]) {
      const r = await parse(args);
      expect(r.error, args.join(' ')).toBeInstanceOf(CliError);
      expect((r.error as CliError).exitCode).toBe(2);
      expect(r.error?.message).toMatch(/--format \w+ and --json contradict each other/);
    }
    expect((await parse(['drift', '--format', 'json', '--json'])).error).toBeUndefined();
    expect((await parse(['whatif', '--json'])).error).toBeUndefined();
    expect((await parse(['whatif', '--format', 'markdown'])).error).toBeUndefined();
  });
});
