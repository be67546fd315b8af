/**
 * Reads a containerlab topology file (`*.clab.yml`) the way containerlab does: strict keys,
 * inheritance node → group → kind → defaults, brief and extended veth links, and the parse-time
 * checks. Problems come back as located diagnostics (`file:line:col`), never as exceptions.
 * With `forRuntime`, it also reports what this runtime cannot run (./runtime-support.ts).
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DaemonRegistry } from '../../daemons/types.js';
import { type Diagnostic, error, hasErrors, type InventoryPath } from '../../diagnostics/diagnostic.js';
import { displayPath, parseInventoryText } from '../../inventory/files.js';
import { Locator } from '../../inventory/locate.js';
import { LAB_NAME, TOP_KEYS, TOPOLOGY_KEYS } from './clab-keys.js';
import { isRecord, ParseContext } from './context.js';
import { readLinks } from './links.js';
import { checkMgmtAddresses, readMgmt } from './mgmt.js';
import { readNodes } from './nodes.js';
import { checkSupport } from './runtime-support.js';
import type { Topology } from './types.js';

export interface ParseOptions {
  /** Also report nodes, env and binds this runtime cannot run. */
  forRuntime?: boolean;
  /** The daemon drivers a node may start (FABRIC_DAEMONS). @default DAEMONS */
  daemons?: DaemonRegistry;
  /** Absolute paths that will exist before the lab starts (files not written yet). */
  pendingFiles?: ReadonlySet<string>;
}

export interface ParseResult {
  /** Present when there are no errors (warnings allowed). */
  topology: Topology | undefined;
  diagnostics: Diagnostic[];
}

export function parseTopology(file: string, options: ParseOptions = {}): ParseResult {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return {
      topology: undefined,
      diagnostics: [error('topology-unreadable', `cannot read ${file}: ${why}`, { file })],
    };
  }
  return parseTopologyText(abs, text, options);
}

/** `abs` is the file's absolute path (it anchors relative binds); `text` its content. */
export function parseTopologyText(abs: string, text: string, options: ParseOptions = {}): ParseResult {
  const shown = displayPath(abs);
  const { source, diagnostics: yamlDiagnostics } = parseInventoryText(shown, text);
  if (hasErrors(yamlDiagnostics)) return { topology: undefined, diagnostics: yamlDiagnostics };
  const locator = new Locator([source]);
  const locate = (path: InventoryPath) =>
    locator.locate([error('node', '', { file: shown, path, atKey: true })])[0]?.location;
  const ctx = new ParseContext(shown, dirname(abs), options.pendingFiles);
  ctx.diagnostics.push(
    ...yamlDiagnostics,
    ...templateDiagnostics(shown, text, source.lines.linePos.bind(source.lines)),
  );

  const topology = readTopology(ctx, source.data, abs, locate);
  if (topology && options.forRuntime) checkSupport(ctx, topology, options.daemons);
  const diagnostics = locator.locate(ctx.diagnostics);
  return { topology: hasErrors(diagnostics) ? undefined : topology, diagnostics };
}

function readTopology(
  ctx: ParseContext,
  data: unknown,
  abs: string,
  locate: (path: InventoryPath) => Topology['nodes'][number]['location'],
): Topology | undefined {
  if (!isRecord(data)) {
    ctx.error('invalid-value', 'a topology file is a mapping with "name" and "topology"', []);
    return undefined;
  }
  ctx.checkKeys(data, TOP_KEYS, [], 'the topology file');
  const name = ctx.string(data.name, ['name'], 'name');
  if (name === undefined) ctx.error('missing-field', 'the topology needs a "name"', [], false);
  else if (!LAB_NAME.test(name))
    ctx.error('invalid-name', `lab name "${name}" must match ${LAB_NAME.source}`, ['name']);
  const prefix = ctx.string(data.prefix, ['prefix'], 'prefix');
  for (const key of ['settings', 'debug']) {
    if (data[key] !== undefined)
      ctx.warn('ignored-field', `"${key}" is ignored by this runtime`, [key], true);
  }
  const mgmt = readMgmt(ctx, data.mgmt);
  const topo = ctx.mapping(data.topology, ['topology'], 'topology');
  if (!topo) {
    ctx.error('missing-field', 'the topology needs a "topology" section with "nodes"', [], false);
    return undefined;
  }
  ctx.checkKeys(topo, TOPOLOGY_KEYS, ['topology'], 'topology');
  const nodes = readNodes(ctx, topo, locate);
  checkMgmtAddresses(ctx, mgmt, nodes);
  const declared = new Set(isRecord(topo.nodes) ? Object.keys(topo.nodes) : []);
  const links = readLinks(ctx, topo.links, nodes, declared);
  if (name === undefined) return undefined;
  return { file: abs, dir: dirname(abs), name, prefix, mgmt, nodes, links };
}

/**
 * containerlab renders the file as a Go template and substitutes environment variables before
 * decoding it (https://containerlab.dev/manual/topo-def-file/#generated-topologies); this runtime
 * does neither, so such a file would run differently here.
 */
function templateDiagnostics(
  file: string,
  text: string,
  linePos: (offset: number) => { line: number; col: number },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(/\{\{|\$\{|\$[A-Za-z_][A-Za-z0-9_]*/g)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*#/.test(text.slice(lineStart, m.index))) continue;
    const at = linePos(m.index);
    const d =
      m[0] === '{{'
        ? error('unsupported-template', 'Go template syntax "{{" is not supported by this runtime', { file })
        : error(
            'unsupported-template',
            `environment variable "${m[0]}" would be substituted by containerlab; this runtime does not substitute variables`,
            { file },
          );
    if (m[0].startsWith('$') && m[0] !== '${') d.severity = 'warning';
    out.push({ ...d, location: { file, line: at.line, col: at.col } });
  }
  return out;
}
