/**
 * Reads inventory files and keeps their YAML documents, so that any diagnostic path can later
 * be located to `file:line:col`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';

export interface InventorySource {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain data of the document (undefined when the document is empty). */
  data: unknown;
}

export interface LoadResult {
  sources: InventorySource[];
  diagnostics: Diagnostic[];
}

/** Lists `*.yaml`/`*.yml` in `dir`, sorted, so that the load order never depends on the file system. */
export function listInventoryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Parses one YAML text; YAML syntax errors and duplicate keys become located diagnostics. */
export function parseInventoryText(
  file: string,
  text: string,
): { source: InventorySource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const diagnostics: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(e.pos[0]);
    const isDup = e.code === 'DUPLICATE_KEY';
    const message = isDup
      ? `duplicate key: ${firstLine(e.message)}; each key may appear once in a mapping`
      : `YAML syntax: ${firstLine(e.message)}`;
    diagnostics.push({
      ...error(isDup ? 'duplicate-key' : 'yaml-syntax', message, { file }),
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      location: { file, line: pos.line, col: pos.col },
    });
  }
  const data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { source: { file, doc, lines, data }, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function loadInventoryDir(dir: string): LoadResult {
  let files: string[];
  try {
    files = listInventoryFiles(dir);
  } catch (e) {
    return {
      sources: [],
      diagnostics: [
        error(
          'inventory-missing',
          `cannot read inventory directory ${dir}: ${(e as Error).message}; pass --inventory DIR`,
        ),
      ],
    };
  }
  if (files.length === 0)
    return {
      sources: [],
      diagnostics: [
        error('inventory-empty', `no *.yaml files in ${dir}; pass --inventory DIR with your inventory`),
      ],
    };
  const sources: InventorySource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of files) {
    const file = displayPath(path);
    const parsed = parseInventoryText(file, readFileSync(path, 'utf8'));
    sources.push(parsed.source);
    diagnostics.push(...parsed.diagnostics);
  }
  return { sources, diagnostics };
}
