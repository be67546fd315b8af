/**
 * One linear pass over a parsed YAML document that finds what the YAML library would either
 * accept silently, handle in quadratic time, or throw on later in `toJS()`: keys that resolve to
 * the same name, keys that are not names, merge keys, aliases without an anchor before them,
 * aliases that contain themselves, alias expansion beyond a budget (an "alias bomb") and nesting
 * deeper than any inventory needs. Each finding is located at the node it is about.
 */

import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type ParsedNode,
  type Scalar,
} from 'yaml';
import { MAX_DEPTH, MAX_EXPANDED_NODES } from './limits.js';

export interface StructureProblem {
  code: string;
  message: string;
  /** Offset of the node in the text. */
  offset: number;
}

/** The name a JS object gets for a scalar key, as `doc.toJS()` turns it into a property. */
function keyName(value: unknown): string {
  return value === null ? '' : String(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null (no value)';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `a ${value instanceof Date ? 'date' : typeof value}`; // YAML 1.1 timestamps, !!binary...
}

/**
 * What is wrong with one scalar key, given the first key of its mapping that YAML reads alike:
 * a merge key, a missing key, a key that is not a string, or a duplicate.
 */
function keyProblem(
  key: Scalar,
  name: string,
  first: Node | undefined,
  spelling: (n: Node) => string,
  lineOf: (n: Node) => number,
): { code: string; message: string } | undefined {
  // a plain << is a merge key to YAML 1.1 (under `%YAML 1.1` its value is a symbol)
  if ((key.value === '<<' && key.type === 'PLAIN') || typeof key.value === 'symbol')
    return {
      code: 'merge-key',
      message:
        'merge keys (`<<: *base`) are not supported in inventory files; write the fields out (an alias can still stand for a whole value, e.g. `uplinks: *uplinks`)',
    };
  if (key.value === null && spelling(key) === '')
    return { code: 'non-string-key', message: 'a key is missing before the `:`; write the name' };
  if (typeof key.value !== 'string' && !first)
    return {
      code: 'non-string-key',
      message: `key ${spelling(key)} is read by YAML as ${kindOf(key.value)}, not a name; quote it ("${spelling(key)}") if it is a name`,
    };
  if (!first) return undefined;
  const how =
    spelling(first) === spelling(key) ? '' : ` (YAML reads ${spelling(first)} and ${spelling(key)} alike)`;
  return {
    code: 'duplicate-key',
    message: `duplicate key '${name}': already at line ${lineOf(first)}${how}; each key may appear once in a mapping`,
  };
}

export function checkStructure(
  doc: Document.Parsed,
  text: string,
  lines: { linePos(o: number): { line: number } },
): StructureProblem[] {
  const problems: StructureProblem[] = [];
  /** Expanded size of the last node that carried each anchor, as seen so far in document order. */
  const anchors = new Map<string, number>();
  /** Anchors whose node is being walked: an alias to one of them would contain itself. */
  const open = new Set<string>();
  let expanded = 0;
  let bombReported = false;
  let depthReported = false;
  const at = (node: Node | null | undefined) => node?.range?.[0] ?? 0;
  const lineOf = (node: Node) => lines.linePos(at(node)).line;
  /** How a key is written, for messages: `true`, `"true"`, `~`. */
  const spelling = (key: Node) =>
    text
      .slice(at(key), key.range?.[1] ?? at(key))
      .split('\n')[0]!
      .slice(0, 40);

  const walk = (node: unknown, depth: number): number => {
    if (!node) return 1;
    if (isAlias(node)) {
      const name = node.source;
      let size = 1;
      if (open.has(name))
        problems.push({
          code: 'yaml-alias',
          message: `alias *${name} is inside the value anchored as &${name}, so it would contain itself; write the value out`,
          offset: at(node),
        });
      else if (!anchors.has(name))
        problems.push({
          code: 'yaml-alias',
          message: `alias *${name} has no anchor &${name} before it; an anchor must be defined above its first use (e.g. \`base: &${name} { ... }\`)`,
          offset: at(node),
        });
      else size = anchors.get(name)!;
      expanded += size;
      if (expanded > MAX_EXPANDED_NODES && !bombReported) {
        bombReported = true;
        problems.push({
          code: 'input-too-large',
          message: `aliases expand this file to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} values (here through *${name}); write the values out or use fewer nested aliases`,
          offset: at(node),
        });
      }
      return size;
    }
    if (depth > MAX_DEPTH) {
      if (!depthReported) {
        depthReported = true;
        problems.push({
          code: 'input-too-large',
          message: `values are nested more than ${MAX_DEPTH} levels deep here; an inventory needs far fewer`,
          offset: at(node as Node),
        });
      }
      return 1;
    }
    const anchor = (node as Node).anchor;
    if (anchor) open.add(anchor);
    let size = 1;
    if (isMap(node)) size += walkMap(node.items, depth);
    else if (isSeq(node)) for (const item of node.items) size += walk(item, depth + 1);
    else if (isPair(node)) size += walk(node.key, depth + 1) + walk(node.value, depth + 1);
    expanded += 1;
    if (anchor) {
      open.delete(anchor);
      anchors.set(anchor, Math.min(size, MAX_EXPANDED_NODES + 1));
    }
    return Math.min(size, MAX_EXPANDED_NODES + 1);
  };

  const walkMap = (pairs: readonly unknown[], depth: number): number => {
    const seen = new Map<string, Node>();
    let size = 0;
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      size += walk(key, depth + 1) + walk(pair.value, depth + 1);
      if (!isScalar(key)) {
        problems.push({
          code: 'non-string-key',
          message: 'a key must be a name, not a list, a mapping or an alias; write the name',
          offset: at(key ?? (pair.value as Node | null)),
        });
        continue;
      }
      const name = keyName(key.value);
      const first = seen.get(name);
      const problem = keyProblem(key, name, first, spelling, lineOf);
      if (problem) problems.push({ ...problem, offset: at(key) });
      if (!first) seen.set(name, key);
    }
    return size;
  };

  walk((doc as Document<ParsedNode>).contents, 0);
  return problems;
}
