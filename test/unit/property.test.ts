/**
 * Property tests of the whole pipeline.
 * - Any valid site compiles, checks clean and renders.
 * - Any mutation of a valid site file (a line deleted, duplicated or garbled, a key misspelt, a
 *   value replaced) is either still valid, or fails with diagnostics that all carry a
 *   file:line:col inside the file. The pipeline never throws.
 * - YAML-level mistakes (aliases without an anchor, tags, merge keys, keys YAML reads as
 *   booleans or numbers), an invalid key or list element at a random position, and JavaScript's
 *   own property names as device, segment or tenant names: never a throw, always a diagnostic
 *   located at the line that has the mistake.
 *
 * A failure prints its seed and the command that replays it:
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/property.test.ts -t "<test>"`.
 * `FC_RUNS=<n>` runs every property n times instead (a longer soak).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPipeline } from '../../src/pipeline.js';
import { renderSite } from '../../src/render/render.js';
import { SecretStore } from '../../src/render/secrets.js';
import { TemplateSet } from '../../src/render/templates.js';
import { buildSite, siteShape } from '../support/random-site.js';
import { tempDir } from '../support/tmp.js';

const templates = new TemplateSet();
const secrets = new SecretStore(undefined, {}, {});

/**
 * fc.assert, with the seed in the failure message and FC_SEED / FC_PATH to replay a failure
 * (fast-check's own report is kept below that line).
 */
function assertProperty<T>(property: fc.IProperty<T>, numRuns: number, seed?: number): void {
  const replay = process.env.FC_SEED
    ? { seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) }
    : seed !== undefined
      ? { seed }
      : {};
  const runs = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : numRuns; // FC_RUNS=5000: a longer soak
  const details = fc.check(property, { numRuns: runs, ...replay });
  if (details.failed) {
    const path = details.counterexamplePath ? ` FC_PATH=${details.counterexamplePath}` : '';
    const test = expect.getState().currentTestName?.split(' > ').pop();
    throw new Error(
      `property failed with seed ${details.seed}; replay: FC_SEED=${details.seed}${path} npx vitest run test/unit/property.test.ts -t ${JSON.stringify(test ?? '')}\n${fc.defaultReportMessage(details)}`,
    );
  }
}

/** Every diagnostic carries a file:line:col inside the text. */
function expectLocated(r: ReturnType<typeof runOn>, text: string): void {
  const lines = text.split('\n').length;
  for (const d of [...r.inputErrors, ...r.findings]) {
    expect(d.location, `${d.code}: ${d.message}`).toBeDefined();
    expect(d.location!.line).toBeGreaterThanOrEqual(1);
    expect(d.location!.line).toBeLessThanOrEqual(lines + 1);
    expect(d.location!.col).toBeGreaterThanOrEqual(1);
  }
}

/** A diagnostic of the given severity at 1-based `line`, with the whole list in the failure message. */
function expectAt(r: ReturnType<typeof runOn>, line: number, severity: 'error' | 'warning' = 'error'): void {
  const all = [...r.inputErrors, ...r.findings];
  const shown = all.map((d) => `${d.location?.line}:${d.location?.col} ${d.severity} ${d.code} ${d.message}`);
  expect(
    all.some((d) => d.severity === severity && d.location?.line === line),
    `expected an ${severity} at line ${line}, got:\n${shown.join('\n')}`,
  ).toBe(true);
}

function runOn(text: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'inventory'));
  writeFileSync(join(dir, 'inventory', 'site.yaml'), text);
  return runPipeline(join(dir, 'inventory'));
}

describe('properties', () => {
  it('GIVEN any valid site WHEN compiled THEN no input errors, no error findings, and it renders', () => {
    assertProperty(
      fc.property(siteShape, (shape) => {
        const r = runOn(stringify(buildSite(shape)));
        expect(r.inputErrors).toEqual([]);
        expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const rendered = renderSite(r.model!.sites[0]!, templates, secrets);
        expect(rendered.diagnostics).toEqual([]);
      }),
      60,
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('garble' as const),
      at: fc.nat(),
      junk: fc.string({ minLength: 1, maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('misspell-key' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('replace-value' as const),
      at: fc.nat(),
      value: fc.oneof(
        fc.constant('nonexistent'),
        fc.constant('-1'),
        fc.constant('10.0.0.1/8'),
        fc.constant('[]'),
        fc.constant('{}'),
        fc.constant('999999999999'),
        fc.constant('2001:db8::1'), // an IPv6 address in an IPv4 field, or at a name
        fc.constant('2001:db8::/64'),
      ),
    }),
  );

  const mutatedSiteIsLocated = fc.property(siteShape, mutation, (shape, m) => {
    const text = applyMutation(stringify(buildSite(shape)), m);
    const r = runOn(text);
    expectLocated(r, text);
    if (r.inputErrors.length === 0) {
      expect(r.model).toBeDefined();
      renderSite(r.model!.sites[0]!, templates, secrets); // must not throw either
    }
  });

  it('GIVEN any valid site with one random mutation WHEN compiled THEN it never throws and every problem is located', () => {
    assertProperty(mutatedSiteIsLocated, 300);
  });

  it('GIVEN the mutation that once garbled an alias (*!leaf, seed 1916271125) WHEN compiled THEN it is located, not an internal error', () => {
    assertProperty(mutatedSiteIsLocated, 300, 1916271125);
  });
});

/** Lines of `key: value` with a scalar value: `(prefix)(value)`. */
const VALUE_LINE = /^(\s*(?:- )?[\w-]+:\s+)([^\s{[].*)$/;
/** Lines that start with a key: `(indent and "- ")(key)`. */
const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_][\w-]*):/;
/** Scalar list items: `- 203.0.113.0/24`. */
const LIST_ITEM = /^(\s*- )([^:{[]+)$/;

/** The first line at or after `at` (wrapping) that matches; -1 when none does. */
function lineMatching(lines: string[], at: number, re: RegExp): number {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (re.test(lines[i]!)) return i;
  }
  return -1;
}

describe('properties: every mistake is answered at its line', () => {
  const yamlMistake = fc.record({
    kind: fc.constantFrom('alias-missing', 'alias-later', 'tag', 'merge-key', 'bool-key', 'number-key'),
    at: fc.nat(),
  });

  it('GIVEN a valid site with a YAML-level mistake on a random line WHEN compiled THEN never a throw, and a diagnostic at that line', () => {
    assertProperty(
      fc.property(siteShape, yamlMistake, (shape, m) => {
        const lines = stringify(buildSite(shape)).split('\n');
        const isKeyMistake = m.kind === 'merge-key' || m.kind === 'bool-key' || m.kind === 'number-key';
        const i = lineMatching(lines, m.at, isKeyMistake ? KEY_LINE : VALUE_LINE);
        expect(i).toBeGreaterThanOrEqual(0);
        const line = lines[i]!;
        let severity: 'error' | 'warning' = 'error';
        switch (m.kind) {
          case 'alias-missing':
            lines[i] = line.replace(VALUE_LINE, '$1*nowhere');
            break;
          case 'alias-later': {
            lines[i] = line.replace(VALUE_LINE, '$1*later');
            const j = lines.findIndex((l, k) => k > i && VALUE_LINE.test(l));
            if (j > i) lines[j] = lines[j]!.replace(VALUE_LINE, '$1&later $2');
            break;
          }
          case 'tag':
            lines[i] = line.replace(VALUE_LINE, '$1!fabric/x $2');
            severity = 'warning';
            break;
          case 'merge-key':
            lines[i] = line.replace(KEY_LINE, '$1<<:');
            break;
          case 'bool-key':
            lines[i] = line.replace(KEY_LINE, '$1true:');
            break;
          case 'number-key':
            lines[i] = line.replace(KEY_LINE, '$10x1F:');
            break;
        }
        const text = lines.join('\n');
        const r = runOn(text);
        expectLocated(r, text);
        expectAt(r, i + 1, severity);
      }),
      200,
    );
  });

  it('GIVEN a valid site with an invalid key on a random line WHEN compiled THEN an error at that line', () => {
    assertProperty(
      fc.property(
        siteShape,
        fc.nat(),
        fc.constantFrom('Bad_Key', 'UPPER', '9lives', 'a b'),
        (shape, at, bad) => {
          const lines = stringify(buildSite(shape)).split('\n');
          const i = lineMatching(lines, at, KEY_LINE);
          lines[i] = lines[i]!.replace(KEY_LINE, `$1${bad.includes(' ') ? `"${bad}"` : bad}:`);
          const text = lines.join('\n');
          const r = runOn(text);
          expectLocated(r, text);
          expectAt(r, i + 1);
        },
      ),
      200,
    );
  });

  it('GIVEN a valid site with an invalid list element at a random position WHEN compiled THEN an error at that element', () => {
    assertProperty(
      fc.property(siteShape, fc.nat({ max: 5 }), fc.nat(), (shape, extra, at) => {
        const site = buildSite(shape);
        // more announced prefixes, so that the bad one is not always the first element
        (site.prefixes as { announce: string[] }).announce.push(
          ...Array.from({ length: extra }, (_, k) => `198.51.${100 + k}.0/24`),
        );
        const lines = stringify(site).split('\n');
        const i = lineMatching(lines, at, LIST_ITEM);
        lines[i] = lines[i]!.replace(LIST_ITEM, '$1[not, a, prefix]');
        const text = lines.join('\n');
        const r = runOn(text);
        expectLocated(r, text);
        expectAt(r, i + 1);
      }),
      100,
    );
  });

  const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it("GIVEN a site whose device, segment or tenant is named like one of JavaScript's own properties WHEN compiled THEN valid names compile, render and check clean, others are errors at the name", () => {
    assertProperty(
      fc.property(siteShape, fc.constantFrom(...PROTOTYPE_NAMES), fc.nat(), (shape, name, pick) => {
        const site = buildSite(shape);
        const devices = Object.keys(site.devices as object);
        const targets = [...devices, ...(site.tenants ? ['shop', 'seg1'] : [])];
        const old = targets[pick % targets.length]!;
        const rename = new RegExp(`(?<![\\w-])${old}(?![\\w-])`, 'g');
        const text = stringify(site).replace(rename, name);
        const r = runOn(text);
        expectLocated(r, text);
        if (/^[a-z][a-z0-9-]{0,30}$/.test(name)) {
          expect(r.inputErrors).toEqual([]);
          expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expect(renderSite(r.model!.sites[0]!, templates, secrets).diagnostics).toEqual([]);
        } else {
          const keyLine = text.split('\n').findIndex((l) => new RegExp(`^\\s*${name}:`).test(l)) + 1;
          expectAt(r, keyLine);
        }
      }),
      100,
    );
  });
});

type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'misspell-key'; at: number }
  | { kind: 'garble'; at: number; junk: string }
  | { kind: 'replace-value'; at: number; value: string };

function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = m.at % lines.length;
  const line = lines[i]!;
  switch (m.kind) {
    case 'delete-line':
      lines.splice(i, 1);
      break;
    case 'duplicate-line':
      lines.splice(i, 0, line);
      break;
    case 'garble': {
      const at = line.length ? m.at % line.length : 0;
      lines[i] = line.slice(0, at) + m.junk + line.slice(at);
      break;
    }
    case 'misspell-key':
      lines[i] = line.replace(/^(\s*-?\s*)([a-z_]+)(\w):/, '$1$2$3$3:');
      break;
    case 'replace-value':
      lines[i] = line.replace(/:\s+\S.*$/, `: ${m.value}`);
      break;
  }
  return lines.join('\n');
}
