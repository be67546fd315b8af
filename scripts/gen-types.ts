/**
 * Generates the TypeScript input types (src/inventory/types.gen.ts) and the inventory reference
 * (docs/inventory-reference.md) from schema/inventory.schema.json, the single source.
 * `--check` fails when the committed files are stale, so CI catches a schema edit without a regen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';
import { schemaReference } from './schema-reference.js';

const SCHEMA = 'schema/inventory.schema.json';
const TYPES = 'src/inventory/types.gen.ts';
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
  [DOCS, schemaReference(schema)],
];

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
