/**
 * A derived next-hop table's own cells (`NexthopTable.derive`): whole rows copied from the base
 * for the devices that change in most classes, and an open-addressed map for the few other cells.
 */

/** Whole rows of a derived table, copied from its base's when it is made. */
export class OwnRows {
  /** Per row, 1 + its position among the rows kept (0: not kept). */
  private readonly slot: Int32Array;
  readonly certain: Uint16Array;
  readonly possible: Uint16Array;

  /** `rows` copied from the base's cells (`certainCells`, `possibleCells`). */
  constructor(
    private readonly classes: number,
    devices: number,
    rows: readonly number[],
    certainCells: Uint16Array,
    possibleCells: Uint16Array,
  ) {
    const C = classes;
    this.slot = new Int32Array(devices);
    let k = 0;
    for (const r of rows) if (!this.slot[r]) this.slot[r] = ++k;
    this.certain = new Uint16Array(k * C);
    this.possible = new Uint16Array(k * C);
    for (const r of rows) {
      const at = (this.slot[r]! - 1) * C;
      this.certain.set(certainCells.subarray(r * C, r * C + C), at);
      this.possible.set(possibleCells.subarray(r * C, r * C + C), at);
    }
  }

  /** Visits the cells of the rows kept that differ from the base's (`NexthopTable.forEachChanged`). */
  forEachChanged(
    baseCertain: Uint16Array,
    basePossible: Uint16Array,
    visit: (cell: number, was: number, is: number) => void,
  ): void {
    const C = this.classes;
    for (let row = 0; row < this.slot.length; row++) {
      const at = this.slot[row]!;
      if (!at) continue;
      const own = (at - 1) * C;
      const base = row * C;
      for (let c = 0; c < C; c++)
        if (
          this.possible[own + c] !== basePossible[base + c] ||
          this.certain[own + c] !== baseCertain[base + c]
        )
          visit(base + c, basePossible[base + c]!, this.possible[own + c]!);
    }
  }

  /** The position of a cell in `certain` and `possible`, -1 when its row is not kept. */
  find(cell: number): number {
    const row = Math.floor(cell / this.classes);
    const at = this.slot[row]!;
    return at ? (at - 1) * this.classes + (cell - row * this.classes) : -1;
  }
}

/**
 * A derived table's cells by cell number, in typed arrays with open addressing: a spine's failure
 * narrows a few hundred thousand cells of a 5,000-device fabric, and a `Map` of them costs far
 * more to fill and to collect.
 */
export class CellMap {
  private keys = new Int32Array(64).fill(-1);
  certain = new Uint16Array(64);
  possible = new Uint16Array(64);
  private size = 0;

  /** The slot of a cell, -1 when it has none. */
  find(cell: number): number {
    const mask = this.keys.length - 1;
    for (let i = hash(cell) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === cell) return i;
      if (k < 0) return -1;
    }
  }

  /** A slot for a cell that has none, holding these counts. */
  insert(cell: number, certain: number, possible: number): number {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = hash(cell) & mask;
    while (this.keys[i]! >= 0) i = (i + 1) & mask;
    this.keys[i] = cell;
    this.certain[i] = certain;
    this.possible[i] = possible;
    this.size++;
    return i;
  }

  private grow(): void {
    const { keys, certain, possible } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.certain = new Uint16Array(keys.length * 2);
    this.possible = new Uint16Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) this.insert(keys[i]!, certain[i]!, possible[i]!);
  }
}

/** Spreads cell numbers (consecutive within a row) over the slots. */
const hash = (cell: number) => Math.imul(cell, 0x9e3779b1) >>> 0;
