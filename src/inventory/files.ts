/**
 * Reads inventory files and keeps their YAML documents, so that any diagnostic path can later
 * be located to `file:line:col`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { type Document, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { type Diagnostic, error, hasErrors, warning } from '../diagnostics/diagnostic.js';
import { DEFAULT_SECRETS_FILE } from '../render/secrets.js';
import { MAX_DEPTH, MAX_INVENTORY_BYTES } from './limits.js';
import { checkStructure } from './structure.js';

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
/** Names a secrets file goes by (fabric's default, and its .yml spelling): never an inventory file. */
const SECRETS_FILE_NAMES = new Set([DEFAULT_SECRETS_FILE, DEFAULT_SECRETS_FILE.replace(/\.yaml$/, '.yml')]);

export function listInventoryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statOf(path)?.isFile() ?? true); // an unreadable entry is reported when read
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/**
 * Parses one YAML text. YAML syntax errors, duplicate keys (after YAML resolves them: `true` and
 * `"true"` are one key), keys that are not names, merge keys and unusable aliases become located
 * errors; YAML warnings (an unknown tag) become located warnings. `data` is undefined when the
 * text has errors, so nothing later reads a half-understood document.
 */
export function parseInventoryText(
  file: string,
  text: string,
): { source: InventorySource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, col: pos.col };
  };
  let doc: Document.Parsed;
  try {
    // uniqueKeys is checked by checkStructure: the library's own check is quadratic in the map size
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (e) {
    // the parser recurses per nesting level; only absurd nesting gets here
    const d = error('yaml-syntax', `YAML cannot be read: ${firstLine((e as Error).message)}`, { file });
    d.location = { file, line: 1, col: 1 };
    const empty = parseDocument('', { lineCounter: new LineCounter() });
    return { source: { file, doc: empty, lines, data: undefined }, diagnostics: [d] };
  }
  // after the first syntax error the parser has lost its place, and what follows is mostly its
  // echo (one tab gives a "must start at the same column" per line below it): one message
  const syntax = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS');
  for (const e of doc.errors) {
    if (e.code !== 'MULTIPLE_DOCS' && e !== syntax[0]) continue;
    const code = e.code === 'MULTIPLE_DOCS' ? 'several-documents' : 'yaml-syntax';
    const more = e === syntax[0] && syntax.length > 1 ? followUps(syntax.length - 1) : '';
    const line = text.split('\n')[lines.linePos(e.pos[0]).line - 1] ?? '';
    diagnostics.push({
      ...error(code, `${yamlErrorMessage(e)}${unquotedIpv6Hint(line)}${more}`, { file }),
      location: at(e.pos[0]),
    });
  }
  for (const w of doc.warnings) {
    diagnostics.push({ ...warning('yaml-warning', yamlWarningMessage(w), { file }), location: at(w.pos[0]) });
  }
  if (doc.errors.length === 0)
    for (const p of checkStructure(doc, text, lines))
      diagnostics.push({ ...error(p.code, p.message, { file }), location: at(p.offset) });
  let data: unknown;
  if (!hasErrors(diagnostics)) {
    try {
      // aliases were checked above (anchors exist, no cycles, expansion within MAX_EXPANDED_NODES)
      data = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      diagnostics.push({
        ...error('yaml-syntax', `YAML cannot be read: ${firstLine((e as Error).message)}`, { file }),
        location: at(doc.contents?.range?.[0] ?? 0),
      });
    }
  }
  return { source: { file, doc, lines, data }, diagnostics };
}

function yamlErrorMessage(e: YAMLError): string {
  if (/Maximum call stack/.test(e.message))
    return `values are nested too deeply to be read here; an inventory needs fewer than ${MAX_DEPTH} levels`;
  if (e.code === 'TAB_AS_INDENT')
    return 'YAML syntax: a tab indents this line; YAML indents with spaces only (replace the tab with spaces)';
  if (e.code === 'MULTIPLE_DOCS')
    return 'a second YAML document starts here (`---`); an inventory file holds one document: put each in its own file, or remove the `---` line';
  return `YAML syntax: ${firstLine(e.message)}`;
}

/**
 * An IPv6 address that ends in `:` (`2001:db8::`) left unquoted: YAML reads its last colon as a
 * key's, and the parser's own words ("Nested mappings are not allowed in compact mappings") do not
 * say so. The README warns about it; the message names the fix.
 */
function unquotedIpv6Hint(line: string): string {
  const m = /(?:^|[\s{,[])([0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){1,7}:)(?=\s*(?:$|[,}\]#]))/.exec(line);
  return m
    ? `; ${m[1]} looks like an IPv6 address ending in ':', which YAML reads as a key: quote it ('${m[1]}')`
    : '';
}

function followUps(n: number): string {
  return ` (and ${n} more YAML error${n === 1 ? '' : 's'} below it, most likely caused by this one: fix it first)`;
}

function yamlWarningMessage(w: YAMLError): string {
  const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1];
  // a YAML core tag is known: it is the value that does not fit it (`!!int abc`)
  const core = /^tag:yaml\.org,2002:(\w+)$/.exec(tag ?? '')?.[1];
  if (core)
    return `the value is not a valid !!${core} and is read as plain YAML; fix the value or remove the tag`;
  if (tag) return `unknown tag ${tag} is ignored and the value read as plain YAML; remove the tag`;
  return `YAML: ${firstLine(w.message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Why --inventory cannot be listed, in words, and what to pass instead. */
function unreadableInventoryDir(dir: string, e: NodeJS.ErrnoException): string {
  const hint = 'pass --inventory DIR, the folder that holds the *.yaml files (e.g. -i inventory)';
  if (dir === '') return `the inventory folder is empty (''); ${hint}`;
  if (e.code === 'ENOENT') return `inventory folder ${dir} does not exist; ${hint}`;
  if (e.code === 'ENOTDIR')
    return SECRETS_FILE_NAMES.has(basename(dir))
      ? `${dir} is fabric's secrets file, not an inventory: pass it with --secrets ${dir}, and --inventory the folder of the inventory's *.yaml files (e.g. -i inventory)`
      : /\.ya?ml$/.test(dir)
        ? `inventory ${dir} is a file; --inventory names its folder: -i ${dirname(dir)}`
        : `inventory ${dir} is a file, not a folder; ${hint}`;
  return `cannot read inventory folder ${dir}: ${e.code ?? e.message}; ${hint}`;
}

export function loadInventoryDir(dir: string): LoadResult {
  let files: string[];
  try {
    files = listInventoryFiles(dir);
  } catch (e) {
    return {
      sources: [],
      diagnostics: [error('inventory-missing', unreadableInventoryDir(dir, e as NodeJS.ErrnoException))],
    };
  }
  if (files.length === 0)
    return {
      sources: [],
      diagnostics: [
        error('inventory-empty', `no *.yaml files in ${dir}; pass --inventory DIR with your inventory`),
      ],
    };
  const tooLarge = checkInventoryBytes(files);
  if (tooLarge) return { sources: [], diagnostics: [tooLarge] };
  const sources: InventorySource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of files) {
    const file = displayPath(path);
    // never parsed as an inventory file: its values would reach the messages
    if (SECRETS_FILE_NAMES.has(basename(path))) {
      diagnostics.push({
        ...error(
          'secrets-in-inventory',
          `this is fabric's secrets file, not an inventory file: keep it out of the inventory folder (fabric reads ./${DEFAULT_SECRETS_FILE}, or --secrets FILE, or FABRIC_SECRET_<NAME>)`,
          { file },
        ),
        location: { file, line: 1, col: 1 },
      });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      diagnostics.push({
        ...error(
          'inventory-unreadable',
          `cannot read this file (${why}); fix it or remove it from the inventory`,
          {
            file,
          },
        ),
        location: { file, line: 1, col: 1 },
      });
      continue;
    }
    const parsed = parseInventoryText(file, text);
    sources.push(parsed.source);
    diagnostics.push(...parsed.diagnostics);
  }
  return { sources, diagnostics };
}

/** Refuses an inventory beyond MAX_INVENTORY_BYTES before any of it is parsed, at its largest file. */
function checkInventoryBytes(files: string[]): Diagnostic | undefined {
  const sizes = files.map((path) => ({ path, bytes: Number(statOf(path)?.size ?? 0) }));
  const total = sizes.reduce((n, s) => n + s.bytes, 0);
  if (total <= MAX_INVENTORY_BYTES) return undefined;
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const file = displayPath(largest.path);
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  return {
    ...error(
      'input-too-large',
      `the inventory is ${mib(total)} of YAML (this file ${mib(largest.bytes)}); fabric reads at most ${mib(MAX_INVENTORY_BYTES)} per inventory directory: give large sites their own directories (--inventory DIR) (docs/inventory-limits.md)`,
      { file },
    ),
    location: { file, line: 1, col: 1 },
  };
}
