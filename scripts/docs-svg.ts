/**
 * Regenerates the drawings the README shows: idc-a's diagrams, as `fabric docs --svg` renders
 * them (Mermaid in Debian's chromium), into docs/img/idc-a-<diagram>.svg.
 *
 *   npm run docs:svg
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDocs } from '../src/docs/site-docs.js';
import { renderDiagrams } from '../src/docs/svg.js';
import { runPipeline } from '../src/pipeline.js';

const SITE = 'idc-a';
const OUT = join(import.meta.dirname, '..', 'docs', 'img');

const { model } = runPipeline(join(import.meta.dirname, '..', 'inventory'), { sites: [SITE] });
const site = model?.sites.find((s) => s.name === SITE);
if (!site) throw new Error(`the inventory has no site ${SITE}`);
const { diagrams } = siteDocs({ site, whatif: null, failover: null, acrossSites: null });
const rendered = await renderDiagrams(diagrams);
mkdirSync(OUT, { recursive: true });
for (const r of rendered) {
  if ('error' in r) throw new Error(`${r.name}: ${r.error}`);
  const file = join(OUT, `${SITE}-${r.name}.svg`);
  writeFileSync(file, `${r.svg}\n`);
  process.stderr.write(`${file}\n`);
}
