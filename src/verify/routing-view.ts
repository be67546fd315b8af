/**
 * The simulation's next-hop table, stored per device and prefix class in two typed arrays and
 * read as `Map`s (device → prefix → range): a 5,000-device fabric has ~25 million routes, far
 * too many for `Map` entries, but only a few thousand classes of prefixes that travel alike.
 */

export interface Range {
  certain: number;
  possible: number;
}

export class NexthopTable {
  readonly certain: Uint16Array;
  readonly possible: Uint16Array;
  /** The class of each prefix of `prefixes`, by position. */
  readonly prefixClass: Int32Array;

  constructor(
    readonly devices: number,
    readonly classes: number,
    /** Every prefix, in the order the views list them, with its class. */
    readonly prefixes: readonly string[],
    readonly classOf: ReadonlyMap<string, number>,
  ) {
    this.certain = new Uint16Array(devices * classes);
    this.possible = new Uint16Array(devices * classes);
    this.prefixClass = Int32Array.from(prefixes, (p) => classOf.get(p)!);
  }

  /** A copy to change: a degraded fabric's table starts as the intact one's. */
  clone(): NexthopTable {
    const copy = new NexthopTable(this.devices, this.classes, this.prefixes, this.classOf);
    copy.certain.set(this.certain);
    copy.possible.set(this.possible);
    return copy;
  }

  /** One device's routes: the prefixes it learned (not its own), with their ECMP width. */
  view(device: number): ReadonlyMap<string, Range> {
    return new DeviceRoutes(this, device);
  }
}

class DeviceRoutes implements ReadonlyMap<string, Range> {
  private count = -1;

  constructor(
    readonly table: NexthopTable,
    readonly device: number,
  ) {}

  at(cls: number): Range | undefined {
    const i = this.device * this.table.classes + cls;
    const possible = this.table.possible[i]!;
    return possible ? { certain: this.table.certain[i]!, possible } : undefined;
  }

  get(prefix: string): Range | undefined {
    const cls = this.table.classOf.get(prefix);
    return cls === undefined ? undefined : this.at(cls);
  }

  has(prefix: string): boolean {
    const cls = this.table.classOf.get(prefix);
    return cls !== undefined && this.table.possible[this.device * this.table.classes + cls]! > 0;
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
      const was = before.table.possible[before.device * before.table.classes + c]!;
      const now = after.table.possible[after.device * after.table.classes + c]!;
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
