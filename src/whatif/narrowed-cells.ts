/**
 * The ECMP cells one failure narrowed (relabel.ts keeps them per kind of failure), arranged so
 * that the first of them relabelled — the example `fabric whatif` names, the first by device row
 * and then by prefix — is found without visiting every cell: a relabelling moves a few rows and
 * the classes of a few devices, and a leaf's cable narrows its whole row.
 */
import type { Relabelling } from './symmetry.js';

export interface FirstCell {
  row: number;
  /** The position of its first prefix (address order), and its class's next hops now. */
  position: number;
  possible: number;
}

export class NarrowedCells {
  /** The rows with a cell of some prefix, and per row its classes by first prefix, with their widths now. */
  private readonly rows: number[] = [];
  private readonly classes: Int32Array[] = [];
  private readonly possible: Int32Array[] = [];
  private readonly at: (Map<number, number> | undefined)[] = [];

  /**
   * `cells`: row, class and possible next hops now, four numbers a cell (the fourth unused);
   * `positions`: per class, its prefixes' positions in address order.
   */
  constructor(
    cells: readonly number[],
    private readonly positions: readonly (readonly number[])[],
  ) {
    const byRow = new Map<number, [number, number][]>();
    for (let k = 0; k < cells.length; k += 4) {
      const c = cells[k + 1]!;
      if (!positions[c]!.length) continue; // no prefix: never the example
      const list = byRow.get(cells[k]!);
      if (list) list.push([c, cells[k + 3]!]);
      else byRow.set(cells[k]!, [[c, cells[k + 3]!]]);
    }
    for (const [row, list] of byRow) {
      list.sort((a, b) => positions[a[0]]![0]! - positions[b[0]]![0]!);
      this.rows.push(row);
      this.classes.push(Int32Array.from(list, (x) => x[0]));
      this.possible.push(Int32Array.from(list, (x) => x[1]));
      this.at.push(undefined);
    }
  }

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
    const classes = this.classes[best]!;
    let position = Number.POSITIVE_INFINITY;
    let k = -1;
    // the moved classes of the row, at their images' positions
    if (moved.length) {
      let at = this.at[best];
      if (!at) {
        at = new Map(Array.from(classes, (c, i) => [c, i]));
        this.at[best] = at;
      }
      for (const c of moved) {
        const i = at.get(c);
        if (i === undefined) continue;
        const p = this.positions[classImage(c)]![0]!;
        if (p < position) {
          position = p;
          k = i;
        }
      }
    }
    // and the first that stays (the row's order)
    for (let i = 0; i < classes.length; i++) {
      if (moved.includes(classes[i]!)) continue;
      const p = this.positions[classes[i]!]![0]!;
      if (p < position) {
        position = p;
        k = i;
      }
      break;
    }
    return { row, position, possible: this.possible[best]![k]! };
  }
}
