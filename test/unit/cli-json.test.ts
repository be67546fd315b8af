/**
 * `--json` of validate, render and show: one JSON document on stdout whatever happens (ok, a
 * finding of the checks, unusable input, a missing secret, a secrets file that cannot be read),
 * with the diagnostics in it, and the exit status of the text mode.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFabric } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

interface JsonDiagnostic {
  severity: string;
  code: string;
  file: string | null;
  line: number | null;
}

/** The example with one change to a file of its inventory. */
function exampleWith(file: string, change: (text: string) => string): string {
  const { dir, inventory } = exampleCopy();
  const path = join(inventory, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

async function fabricJson(args: string[], cwd: string) {
  const r = await runFabric([...args, '--json'], { cwd });
  let parsed: unknown;
  expect(
    () => {
      parsed = JSON.parse(r.stdout);
    },
    `${args.join(' ')}: stdout is not JSON: ${r.stdout}${r.stderr}`,
  ).not.toThrow();
  const doc = parsed as { findings?: JsonDiagnostic[]; inputErrors?: JsonDiagnostic[] };
  return { code: r.code, doc, diagnostics: [...(doc.findings ?? []), ...(doc.inputErrors ?? [])] };
}

const COMMANDS = ['validate', 'render', 'show'] as const;

describe('--json on success and on failure', () => {
  it('GIVEN a valid inventory with an unknown tag THEN each command prints JSON with the warning and exits 0', async () => {
    const dir = exampleWith('idc-b.yaml', (t) =>
      t.replace('description: Secondary', 'description: !x Secondary'),
    );
    for (const command of COMMANDS) {
      const r = await fabricJson([command], dir);
      expect(r.code, command).toBe(0);
      // validate also warns of each site's rack that is a single point of failure (whatif)
      expect(
        r.diagnostics
          .filter((d) => d.code !== 'single-point-of-failure')
          .map((d) => [d.severity, d.code, d.file, d.line]),
        command,
      ).toEqual([['warning', 'yaml-warning', 'inventory/idc-b.yaml', 7]]);
    }
  });

  it('GIVEN a duplicate id (a finding of the checks) THEN each command prints JSON with it and exits 1', async () => {
    const dir = exampleWith('idc-b.yaml', (t) =>
      t.replace('spine2: { role: spine, id: 6', 'spine2: { role: spine, id: 5'),
    );
    for (const command of COMMANDS) {
      const r = await fabricJson([command], dir);
      expect(r.code, command).toBe(1);
      expect(
        r.diagnostics.map((d) => d.code),
        command,
      ).toContain('duplicate-id');
    }
  });

  it('GIVEN a YAML syntax error THEN each command prints JSON with it and exits 2', async () => {
    const dir = exampleWith('idc-b.yaml', (t) => `${t}broken: [\n`);
    for (const command of COMMANDS) {
      const r = await fabricJson([command], dir);
      expect(r.code, command).toBe(2);
      expect(
        r.diagnostics.map((d) => [d.code, d.file]),
        command,
      ).toEqual([['yaml-syntax', 'inventory/idc-b.yaml']]);
    }
  });

  it('GIVEN missing secrets or an unreadable secrets file THEN validate and render print JSON with the secret problems and exit 2', async () => {
    const { dir } = exampleCopy();
    writeFileSync(join(dir, 'empty-secrets.yaml'), '{}\n');
    for (const command of ['validate', 'render']) {
      const missing = await fabricJson([command, '--secrets', 'empty-secrets.yaml'], dir);
      expect(missing.code, command).toBe(2);
      const secret = missing.diagnostics.find((d) => d.code === 'secret-missing');
      expect(secret?.file, command).toMatch(/^inventory\//);
      const unreadable = await fabricJson([command, '--secrets', 'no-such-file.yaml'], dir);
      expect(unreadable.code, command).toBe(2);
      expect(
        unreadable.diagnostics.map((d) => d.code),
        command,
      ).toContain('secrets-file');
    }
  });

  it('GIVEN a command stopped before its own output (an --out that cannot be written, two --site) THEN still one JSON document with the error, exit 2', async () => {
    const { dir } = exampleCopy();
    const out = await runFabric(['render', '--json', '--out', '/dev/null'], { cwd: dir });
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({ ok: false, error: expect.stringContaining('--out /dev/null') });
    const sites = await runFabric(['lab', 'status', '--json', '--site', 'a', '--site', 'b'], { cwd: dir });
    expect(sites.code).toBe(2);
    const drift = await runFabric(['drift', '--json', '--site', 'idc-a', 'idc-b'], { cwd: dir });
    expect(drift.code).toBe(2);
    expect(JSON.parse(drift.stdout).error).toContain('name one site');
  });
});
