/**
 * The ECMP cells one failure narrowed (relabel.ts keeps them per kind of failure), arranged so
 * that the first of them relabelled — the example `fabric whatif` names, the first by device row
 * and then by prefix — is found without visiting every cell: a relabelling moves a few rows and
 * the classes of a few devices, while a spine's failure narrows ~1.4 million cells at 5,000
 * devices. Typed arrays throughout: a kind's cells are kept for the whole run.
 */
import type { Relabelling } from './symmetry.js';

export interface FirstCell {
  row: number;
  /** The position of its first prefix (address order), and its class's next hops now. */
  position: number;
  possible: number;
}

/** A cell as one number, ordered by class: class × 2^20 + its next hops now (fewer than 2^20). */
const WIDTH = 2 ** 20;

/** Per row, how many of its cells are kept in prefix order (more moved classes than this: a scan). */
const FIRSTS = 16;

/** Appends to an Int32Array that grows. */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

export class NarrowedCellsBuilder {
  private readonly rows = new Column();
  private readonly classes = new Column();
  private readonly possible = new Column();

  /** `positions`: per class, its prefixes' positions in address order. */
  constructor(private readonly positions: readonly (readonly number[])[]) {}

  add(row: number, cls: number, possible: number): void {
    if (!this.positions[cls]!.length) return; // no prefix: never the example
    this.rows.push(row);
    this.classes.push(cls);
    this.possible.push(possible);
  }

  build(): NarrowedCells {
    const n = this.rows.length;
    const count = new Map<number, number>();
    for (let k = 0; k < n; k++) {
      const r = this.rows.data[k]!;
      count.set(r, (count.get(r) ?? 0) + 1);
    }
    const rows = Int32Array.from(count.keys());
    const start = new Int32Array(rows.length + 1);
    const at = new Map<number, number>();
    rows.forEach((r, i) => {
      at.set(r, start[i]!);
      start[i + 1] = start[i]! + count.get(r)!;
    });
    const cells = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const r = this.rows.data[k]!;
      const to = at.get(r)!;
      cells[to] = this.classes.data[k]! * WIDTH + this.possible.data[k]!;
      at.set(r, to + 1);
    }
    const firsts = new Int32Array(rows.length * FIRSTS).fill(-1);
    for (let i = 0; i < rows.length; i++) {
      const segment = cells.subarray(start[i]!, start[i + 1]!);
      segment.sort();
      this.smallest(segment, firsts.subarray(i * FIRSTS, (i + 1) * FIRSTS));
    }
    return new NarrowedCells(this.positions, rows, start, cells, firsts);
  }

  /** The indices in `segment` of its FIRSTS cells of smallest prefix position, in that order. */
  private smallest(segment: Float64Array, out: Int32Array): void {
    const pos = (k: number) => this.positions[Math.floor(segment[k]! / WIDTH)]![0]!;
    let size = 0;
    for (let k = 0; k < segment.length; k++) {
      const p = pos(k);
      if (size === FIRSTS && p >= pos(out[FIRSTS - 1]!)) continue;
      let i = Math.min(size, FIRSTS - 1);
      while (i > 0 && pos(out[i - 1]!) > p) {
        out[i] = out[i - 1]!;
        i--;
      }
      out[i] = k;
      if (size < FIRSTS) size++;
    }
  }
}

export class NarrowedCells {
  constructor(
    private readonly positions: readonly (readonly number[])[],
    /** The rows with a cell of some prefix, and where each one's cells start in `cells`. */
    private readonly rows: Int32Array,
    private readonly start: Int32Array,
    /** Per row, its cells by class. */
    private readonly cells: Float64Array,
    /** Per row, FIRSTS indices into its cells in prefix order (-1: fewer cells). */
    private readonly firsts: Int32Array,
  ) {}

  /**
   * The first cell once relabelled by `back` (rows: devices), whose classes move as `classImage`
   * says; `moved`: every class it moves.
   */
  first(
    back: Relabelling,
    moved: readonly number[],
    classImage: (c: number) => number,
  ): FirstCell | undefined {
    let best = -1;
    let row = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const d = back.get(this.rows[r]!) ?? this.rows[r]!;
      if (row < 0 || d < row) {
        row = d;
        best = r;
      }
    }
    if (best < 0) return undefined;
    const from = this.start[best]!;
    const to = this.start[best + 1]!;
    const classOf = (k: number) => Math.floor(this.cells[k]! / WIDTH);
    let position = Number.POSITIVE_INFINITY;
    let cell = -1;
    const consider = (k: number, p: number) => {
      if (p < position) {
        position = p;
        cell = k;
      }
    };
    // the row's moved classes, at their images' positions
    for (const c of moved) {
      const k = this.find(from, to, c);
      if (k >= 0) consider(k, this.positions[classImage(c)]![0]!);
    }
    // and the first that stays, from the row's first cells in prefix order, else from all of them
    let found = false;
    for (let i = best * FIRSTS; i < (best + 1) * FIRSTS && this.firsts[i]! >= 0; i++) {
      const k = from + this.firsts[i]!;
      if (moved.includes(classOf(k))) continue;
      consider(k, this.positions[classOf(k)]![0]!);
      found = true;
      break;
    }
    if (!found && to - from > FIRSTS)
      for (let k = from; k < to; k++)
        if (!moved.includes(classOf(k))) consider(k, this.positions[classOf(k)]![0]!);
    if (cell < 0) return undefined;
    return { row, position, possible: this.cells[cell]! % WIDTH };
  }

  /** The index of class `c`'s cell among `from`…`to` (sorted by class), or -1. */
  private find(from: number, to: number, c: number): number {
    let lo = from;
    let hi = to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = Math.floor(this.cells[mid]! / WIDTH);
      if (m === c) return mid;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
