/**
 * The simulation's next-hop table, stored per device and prefix class in two typed arrays and
 * read as `Map`s (device → prefix → range): a 5,000-device fabric has ~25 million routes, far
 * too many for `Map` entries, but only a few thousand classes of prefixes that travel alike.
 */

import { CellMap, OwnRows } from './routing-cells.js';

export interface Range {
  certain: number;
  possible: number;
}

/** `r` with `n` fewer at both ends, never below 0 (prefixes the simulation counts that are not sent). */
export function rangeLess(r: Range, n: number): Range {
  return n ? { certain: Math.max(0, r.certain - n), possible: Math.max(0, r.possible - n) } : r;
}

/** Per class, the positions of its prefixes in `prefixes` (address order); shared by a site's tables. */
const positionsOf = new WeakMap<readonly string[], number[][]>();

export class NexthopTable {
  /** The counts per cell (`device × classes + class`); a derived table shares its base's. */
  private readonly certainCells: Uint16Array;
  private readonly possibleCells: Uint16Array;
  /** A derived table's own cells, where they differ from its base's. */
  private readonly own: CellMap | undefined;
  /** A derived table's whole rows of its own (`derive`'s `rows`), read before `own`. */
  private readonly rows: OwnRows | undefined;
  /** The class of each prefix of `prefixes`, by position. */
  readonly prefixClass: Int32Array;
  /**
   * A derived table's cells outside its whole rows that differ from its `base`'s (listed with
   * `noteChanged`); every other cell is the base's. `forEachChanged` visits these and the whole
   * rows' changed cells.
   */
  readonly changedCells: number[] = [];

  constructor(
    readonly devices: number,
    readonly classes: number,
    /** Every prefix, in the order the views list them, with its class. */
    readonly prefixes: readonly string[],
    readonly classOf: ReadonlyMap<string, number>,
    /** The table this one starts as, for a degraded fabric; it is never written through this one. */
    readonly base?: NexthopTable,
    ownRows: readonly number[] = [],
  ) {
    this.certainCells = base ? base.certainCells : new Uint16Array(devices * classes);
    this.possibleCells = base ? base.possibleCells : new Uint16Array(devices * classes);
    this.own = base ? new CellMap() : undefined;
    this.rows =
      base && ownRows.length
        ? new OwnRows(classes, devices, ownRows, this.certainCells, this.possibleCells)
        : undefined;
    this.prefixClass = base ? base.prefixClass : Int32Array.from(prefixes, (p) => classOf.get(p)!);
  }

  /**
   * A table to change that starts as this one: a degraded fabric's, which keeps only the cells
   * it changes (a 5,000-device fabric's table is ~25 million cells, a failure changes a few).
   * `rows`: rows to keep whole, those expected to change in most classes (a device that lost a
   * session to a spine narrows for nearly every class: a row copy costs less than ~5,000 cells
   * in the open-addressed map).
   */
  derive(rows: readonly number[] = []): NexthopTable {
    return new NexthopTable(this.devices, this.classes, this.prefixes, this.classOf, this, rows);
  }

  certain(cell: number): number {
    if (this.rows) {
      const at = this.rows.find(cell);
      if (at >= 0) return this.rows.certain[at]!;
    }
    const at = this.own ? this.own.find(cell) : -1;
    return at < 0 ? this.certainCells[cell]! : this.own!.certain[at]!;
  }

  possible(cell: number): number {
    if (this.rows) {
      const at = this.rows.find(cell);
      if (at >= 0) return this.rows.possible[at]!;
    }
    const at = this.own ? this.own.find(cell) : -1;
    return at < 0 ? this.possibleCells[cell]! : this.own!.possible[at]!;
  }

  /**
   * Lists a cell that now differs from the base's, once: a cell of a whole row needs no listing
   * (`forEachChanged` compares those rows with the base's).
   */
  noteChanged(cell: number): void {
    if (!this.rows || this.rows.find(cell) < 0) this.changedCells.push(cell);
  }

  /**
   * Visits every cell of a derived table that may differ from its base's, each once, with the
   * base's and this table's `possible` counts: the listed cells, then the whole rows' cells
   * that differ (a spine's failure narrows ~265 rows of ~5,000 classes: compared row by row,
   * without a list of 1.4 million cells).
   */
  forEachChanged(visit: (cell: number, was: number, is: number) => void): void {
    for (const cell of this.changedCells) visit(cell, this.possibleCells[cell]!, this.possible(cell));
    this.rows?.forEachChanged(this.certainCells, this.possibleCells, visit);
  }

  /** Adds to a cell's counts (negative: takes off). */
  add(cell: number, certain: number, possible: number): void {
    if (!this.own) {
      this.certainCells[cell]! += certain;
      this.possibleCells[cell]! += possible;
      return;
    }
    if (this.rows) {
      const at = this.rows.find(cell);
      if (at >= 0) {
        this.rows.certain[at]! += certain;
        this.rows.possible[at]! += possible;
        return;
      }
    }
    let at = this.own.find(cell);
    if (at < 0) at = this.own.insert(cell, this.certainCells[cell]!, this.possibleCells[cell]!);
    this.own.certain[at]! += certain;
    this.own.possible[at]! += possible;
  }

  /** Per class, the positions of its prefixes in `prefixes`, in address order. */
  get classPrefixes(): readonly (readonly number[])[] {
    let out = positionsOf.get(this.prefixes);
    if (!out) {
      out = Array.from({ length: this.classes }, () => []);
      for (let i = 0; i < this.prefixes.length; i++) out[this.prefixClass[i]!]!.push(i);
      positionsOf.set(this.prefixes, out);
    }
    return out;
  }

  /** One device's routes: the prefixes it learned (not its own), with their ECMP width. */
  view(device: number): ReadonlyMap<string, Range> {
    return new DeviceRoutes(this, device);
  }

  /** Every device's routes by name (`names`: the rows, in order), those of the devices that are up. */
  views(
    names: readonly string[],
    isUp: (name: string) => boolean,
  ): ReadonlyMap<string, ReadonlyMap<string, Range>> {
    return new TableViews(this, names, isUp);
  }
}

/** Per site's device names, each name's row. */
const rowsOf = new WeakMap<readonly string[], Map<string, number>>();

/**
 * The views of a table's rows by device name, made when asked: a failure of a 5,000-device
 * fabric builds no 5,000 entries when the comparison looks at a few devices.
 */
class TableViews implements ReadonlyMap<string, ReadonlyMap<string, Range>> {
  private readonly made = new Map<number, DeviceRoutes>();
  private readonly rows: Map<string, number>;
  private count = -1;

  constructor(
    readonly table: NexthopTable,
    private readonly names: readonly string[],
    private readonly isUp: (name: string) => boolean,
  ) {
    let rows = rowsOf.get(names);
    if (!rows) {
      rows = new Map(names.map((n, i) => [n, i]));
      rowsOf.set(names, rows);
    }
    this.rows = rows;
  }

  private at(row: number): DeviceRoutes {
    let view = this.made.get(row);
    if (!view) {
      view = new DeviceRoutes(this.table, row);
      this.made.set(row, view);
    }
    return view;
  }

  get(name: string): ReadonlyMap<string, Range> | undefined {
    const row = this.rows.get(name);
    return row === undefined || !this.isUp(name) ? undefined : this.at(row);
  }

  has(name: string): boolean {
    return this.rows.has(name) && this.isUp(name);
  }

  get size(): number {
    if (this.count < 0) this.count = this.names.filter((n) => this.isUp(n)).length;
    return this.count;
  }

  *entries(): MapIterator<[string, ReadonlyMap<string, Range>]> {
    for (const [i, name] of this.names.entries()) if (this.isUp(name)) yield [name, this.at(i)];
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<ReadonlyMap<string, Range>> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, ReadonlyMap<string, Range>]> {
    return this.entries();
  }

  forEach(
    fn: (
      value: ReadonlyMap<string, Range>,
      key: string,
      map: ReadonlyMap<string, ReadonlyMap<string, Range>>,
    ) => void,
  ): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** The table behind a simulation's views (`RoutingExpectation.nexthops`), if they are its views. */
export function tableOf(nexthops: ReadonlyMap<string, ReadonlyMap<string, Range>>): NexthopTable | undefined {
  if (nexthops instanceof TableViews) return nexthops.table;
  for (const view of nexthops.values()) return view instanceof DeviceRoutes ? view.table : undefined;
  return undefined;
}

/** The device index of a table view, if it is one. */
export function deviceOf(view: ReadonlyMap<string, Range> | undefined): number | undefined {
  return view instanceof DeviceRoutes ? view.device : undefined;
}

/** Per site's prefix list, per address: the classes of the prefixes that cover it. */
const coveringOf = new WeakMap<readonly string[], Map<string, number[]>>();

/**
 * Whether the view holds a prefix that `covers` the address. A table's views ask each address
 * once per site (the classes of the prefixes covering it) instead of scanning every route.
 */
export function hasCovering(
  view: ReadonlyMap<string, unknown>,
  address: string,
  covers: (prefix: string, address: string) => boolean,
): boolean {
  if (!(view instanceof DeviceRoutes)) return [...view.keys()].some((p) => covers(p, address));
  const { table } = view;
  let byAddress = coveringOf.get(table.prefixes);
  if (!byAddress) {
    byAddress = new Map();
    coveringOf.set(table.prefixes, byAddress);
  }
  let classes = byAddress.get(address);
  if (!classes) {
    classes = [
      ...new Set(table.prefixes.filter((p) => covers(p, address)).map((p) => table.classOf.get(p)!)),
    ];
    byAddress.set(address, classes);
  }
  const row = view.device * table.classes;
  return classes.some((c) => table.possible(row + c) > 0);
}

class DeviceRoutes implements ReadonlyMap<string, Range> {
  private count = -1;

  constructor(
    readonly table: NexthopTable,
    readonly device: number,
  ) {}

  at(cls: number): Range | undefined {
    const i = this.device * this.table.classes + cls;
    const possible = this.table.possible(i);
    return possible ? { certain: this.table.certain(i), possible } : undefined;
  }

  get(prefix: string): Range | undefined {
    const cls = this.table.classOf.get(prefix);
    return cls === undefined ? undefined : this.at(cls);
  }

  has(prefix: string): boolean {
    const cls = this.table.classOf.get(prefix);
    return cls !== undefined && this.table.possible(this.device * this.table.classes + cls) > 0;
  }

  get size(): number {
    if (this.count < 0) {
      this.count = 0;
      for (const _ of this.entries()) this.count++;
    }
    return this.count;
  }

  *entries(): MapIterator<[string, Range]> {
    const { prefixes, prefixClass } = this.table;
    for (let i = 0; i < prefixes.length; i++) {
      const r = this.at(prefixClass[i]!);
      if (r) yield [prefixes[i]!, r];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<Range> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, Range]> {
    return this.entries();
  }

  forEach(fn: (value: Range, key: string, map: ReadonlyMap<string, Range>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/**
 * The routes of `before` (at least `min` wide) that `after` still has, but over fewer equal-cost
 * next hops, in `before`'s order. Two views of one site's simulations are compared class by
 * class, so a device whose routes kept their width costs one pass over its classes.
 */
export function* narrowedRoutes(
  before: ReadonlyMap<string, Range>,
  after: ReadonlyMap<string, Range> | undefined,
  min: number,
): Generator<[string, Range, Range]> {
  if (
    before instanceof DeviceRoutes &&
    after instanceof DeviceRoutes &&
    before.table.prefixes === after.table.prefixes
  ) {
    const narrowed = new Uint8Array(before.table.classes);
    let any = false;
    for (let c = 0; c < narrowed.length; c++) {
      const was = before.table.possible(before.device * before.table.classes + c);
      const now = after.table.possible(after.device * after.table.classes + c);
      if (was >= min && now > 0 && now < was) narrowed[c] = 1;
      any ||= narrowed[c] === 1;
    }
    if (!any) return;
    const { prefixes, prefixClass } = before.table;
    for (let i = 0; i < prefixes.length; i++) {
      const c = prefixClass[i]!;
      if (narrowed[c]) yield [prefixes[i]!, before.at(c)!, after.at(c)!];
    }
    return;
  }
  for (const [prefix, was] of before) {
    if (was.possible < min) continue;
    const now = after?.get(prefix);
    if (now && now.possible < was.possible) yield [prefix, was, now];
  }
}
