/**
 * Generates the TypeScript input types (src/inventory/types.gen.ts), the schema validator's code
 * (src/inventory/validate.gen.ts) and the inventory reference (docs/inventory-reference.md) from
 * schema/inventory.schema.json, the single source.
 * `--check` fails when the committed files are stale, so CI catches a schema edit without a regen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import standalone from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { inventoryAjv } from '../src/inventory/schema-compile.js';
import { schemaReference } from './schema-reference.js';

const SCHEMA = 'schema/inventory.schema.json';
const TYPES = 'src/inventory/types.gen.ts';
const VALIDATOR = 'src/inventory/validate.gen.ts';
const DOCS = 'docs/inventory-reference.md';

const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
const banner = `/* Generated from ${SCHEMA} by scripts/gen-types.ts. Do not edit; run \`npm run gen\`. */`;
const types = await compile(schema, 'InventoryFile', {
  bannerComment: banner,
  additionalProperties: false,
  strictIndexSignatures: false,
  unreachableDefinitions: true,
  style: { singleQuote: true, printWidth: 110 },
});
const outputs: [string, string][] = [
  [TYPES, types],
  [VALIDATOR, validatorCode(schema)],
  [DOCS, schemaReference(schema)],
];

/**
 * The validator as code (Ajv's standalone mode, https://ajv.js.org/standalone.html): compiling the
 * schema took 0.25-0.4 s of every `fabric validate` and `render`, most of a small inventory's
 * run. Ajv's ESM output still `require`s its runtime helpers, hence the `createRequire`.
 */
function validatorCode(inventorySchema: object): string {
  const ajv = inventoryAjv({ code: { source: true, esm: true, lines: true } });
  // a CommonJS module: its function is `.default` seen from ESM
  const code = standalone.default(ajv, ajv.compile(inventorySchema));
  return [
    `/* Generated from ${SCHEMA} by scripts/gen-types.ts (Ajv standalone code). Do not edit; run \`npm run gen\`. */`,
    '// @ts-nocheck',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of outputs) {
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${file} is stale: run \`npm run gen\` and commit the result`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale ? 1 : 0;
