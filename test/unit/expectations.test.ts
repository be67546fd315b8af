/**
 * GIVEN an inventory with one problem (test/bad-input: unusable, exit 2; test/findings: wrong,
 * exit 1), each file carrying its expectations inline as `# expect: LINE:COL CODE MESSAGE`
 * WHEN `fabric validate` and `fabric render` run on it
 * THEN each expected problem is reported once at its position, nothing else is, there is no stack
 * trace, and render writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runFabric } from '../support/cli.js';
import { singleFileInventory } from '../support/tmp.js';

interface Case {
  name: string;
  text: string;
  exit: number;
  errors: { line: number; col: number; code: string; message: string }[];
  warnings: number;
}

function readCases(folder: string): Case[] {
  const dir = join(REPO, 'test', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const exit = Number(/^# expect-exit: (\d)$/m.exec(text)?.[1]);
      const errors = [...text.matchAll(/^# expect: (\d+):(\d+) (\S+) (.*)$/gm)].map((m) => ({
        line: Number(m[1]),
        col: Number(m[2]),
        code: m[3]!,
        message: m[4]!,
      }));
      const warnings = [...text.matchAll(/^# expect-warning: /gm)].length;
      return { name, text, exit, errors, warnings };
    });
}

function errorLines(output: string): string[] {
  return output.split('\n').filter((l) => / error \S+ /.test(l) && !l.startsWith('fabric:'));
}

for (const folder of ['bad-input', 'findings']) {
  describe(`test/${folder}`, () => {
    for (const c of readCases(folder)) {
      it(`${c.name}: exit ${c.exit}, ${c.errors.length} located error(s)`, async () => {
        expect(c.errors.length, 'the case states what it expects').toBeGreaterThan(0);
        const dir = singleFileInventory(c.name, c.text);

        // these cases are about the inventory; a case's folder has no secrets (see cli-args.test.ts)
        const v = await runFabric(['validate', '--no-secrets'], { cwd: dir });
        const output = v.stdout + v.stderr;
        expect(v.code, output).toBe(c.exit);
        expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
        const lines = errorLines(output);
        for (const e of c.errors) {
          const prefix = `inventory/${c.name}:${e.line}:${e.col} error ${e.code} ${e.message}`;
          expect(
            lines.some((l) => l.startsWith(prefix)),
            `expected: ${prefix}\ngot:\n${lines.join('\n')}`,
          ).toBe(true);
        }
        expect(lines, 'one message per problem, nothing more').toHaveLength(c.errors.length);

        const r = await runFabric(['render', '--out', 'out'], { cwd: dir });
        expect(r.code).toBe(c.exit);
        expect(existsSync(join(dir, 'out')), 'render wrote nothing').toBe(false);
      });
    }
  });
}
