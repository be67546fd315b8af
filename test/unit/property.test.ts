/**
 * Property tests of the whole pipeline.
 * - Any valid site compiles, checks clean and renders.
 * - Any mutation of a valid site file (a line deleted, duplicated or garbled, a key misspelt, a
 *   value replaced) is either still valid, or fails with diagnostics that all carry a
 *   file:line:col inside the file. The pipeline never throws.
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

function runOn(text: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'inventory'));
  writeFileSync(join(dir, 'inventory', 'site.yaml'), text);
  return runPipeline(join(dir, 'inventory'));
}

describe('properties', () => {
  it('GIVEN any valid site WHEN compiled THEN no input errors, no error findings, and it renders', () => {
    fc.assert(
      fc.property(siteShape, (shape) => {
        const r = runOn(stringify(buildSite(shape)));
        expect(r.inputErrors).toEqual([]);
        expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const rendered = renderSite(r.model!.sites[0]!, templates, secrets);
        expect(rendered.diagnostics).toEqual([]);
      }),
      { numRuns: 60 },
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
      ),
    }),
  );

  it('GIVEN any valid site with one random mutation WHEN compiled THEN it never throws and every problem is located', () => {
    fc.assert(
      fc.property(siteShape, mutation, (shape, m) => {
        const text = applyMutation(stringify(buildSite(shape)), m);
        const lines = text.split('\n').length;
        const r = runOn(text);
        for (const d of [...r.inputErrors, ...r.findings]) {
          expect(d.location, `${d.code}: ${d.message}`).toBeDefined();
          expect(d.location!.line).toBeGreaterThanOrEqual(1);
          expect(d.location!.line).toBeLessThanOrEqual(lines + 1);
          expect(d.location!.col).toBeGreaterThanOrEqual(1);
        }
        if (r.inputErrors.length === 0) {
          expect(r.model).toBeDefined();
          renderSite(r.model!.sites[0]!, templates, secrets); // must not throw either
        }
      }),
      { numRuns: 300 },
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
