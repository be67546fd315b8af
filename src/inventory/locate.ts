/**
 * Maps a diagnostic's inventory path to `file:line:col` through the YAML CST. The files of a
 * site are searched for the deepest existing prefix of the path, so a merged site still points
 * at the one file that defines the value; a missing leaf falls back to its closest ancestor.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { InventorySource } from './files.js';

interface Found {
  depth: number;
  offset: number;
}

/** Each mapping's pairs by key, built once: a lookup per path segment stays O(1) on huge maps. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items)
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** A list index from a path segment: schema paths carry them as strings ("0"), checks as numbers. */
function indexOf(seg: string | number): number | undefined {
  if (typeof seg === 'number') return seg;
  return /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : undefined;
}

function walk(source: InventorySource, path: InventoryPath, atKey: boolean): Found | undefined {
  let node: unknown = source.doc.contents;
  if (!node) return undefined;
  let found: Found = { depth: 0, offset: (node as Node).range?.[0] ?? 0 };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = pairOf(node, String(seg));
      if (!pair) break;
      next = pair.value;
      keyOffset = (pair.key as Node).range?.[0];
    } else if (isSeq(node) && indexOf(seg!) !== undefined) {
      next = node.items[indexOf(seg!)!];
    } else break;
    if (next === undefined || next === null) {
      if (keyOffset !== undefined) found = { depth: i + 1, offset: keyOffset };
      break;
    }
    const last = i === path.length - 1;
    const offset =
      last && atKey && keyOffset !== undefined ? keyOffset : ((next as Node).range?.[0] ?? found.offset);
    found = { depth: i + 1, offset };
    node = next;
  }
  return found;
}

function siteOf(source: InventorySource): string | undefined {
  const data = source.data as { site?: unknown } | undefined;
  return typeof data?.site === 'string' ? data.site : undefined;
}

export class Locator {
  constructor(private readonly sources: readonly InventorySource[]) {}

  /** Fills in `location` on every diagnostic that has a path; returns the same array. */
  locate(diagnostics: Diagnostic[]): Diagnostic[] {
    for (const d of diagnostics) {
      if (d.location || !d.path) continue;
      const candidates = this.sources.filter((s) => (d.file ? s.file === d.file : siteOf(s) === d.site));
      let best: { source: InventorySource; found: Found } | undefined;
      for (const source of candidates) {
        const found = walk(source, d.path, d.atKey ?? false);
        if (found && (!best || found.depth > best.found.depth)) best = { source, found };
      }
      if (best) {
        const pos = best.source.lines.linePos(best.found.offset);
        d.location = { file: best.source.file, line: pos.line, col: pos.col };
      } else if (candidates[0]) {
        d.location = { file: candidates[0].file, line: 1, col: 1 };
      }
    }
    return diagnostics;
  }
}
