/**
 * AS paths for the eBGP simulation, interned: a path is its first AS and the path after it, and
 * each distinct sequence exists once, so a set of paths is a set of objects and prepending an AS
 * allocates nothing new for a path seen before.
 */

export interface AsPath {
  readonly asn: number;
  readonly rest: AsPath | null;
  readonly length: number;
}

interface Node extends AsPath {
  readonly rest: Node | null;
  readonly id: number;
  children?: Map<number, Node>;
  text?: string;
  /** The id of the path set that holds this path alone (`PathSets.intern`). */
  single?: number;
}

export class AsPaths {
  private readonly roots = new Map<number, Node>();
  private count = 0;

  /** `[asn]`: what an originator advertises. */
  origin(asn: number): AsPath {
    let p = this.roots.get(asn);
    if (!p) {
      p = { asn, rest: null, length: 1, id: ++this.count };
      this.roots.set(asn, p);
    }
    return p;
  }

  /** `[asn, ...rest]` (`[asn]` when `rest` is null). */
  prepend(asn: number, rest: AsPath | null): AsPath {
    if (!rest) return this.origin(asn);
    const r = rest as Node;
    r.children ??= new Map();
    let p = r.children.get(asn);
    if (!p) {
      p = { asn, rest: r, length: r.length + 1, id: ++this.count };
      r.children.set(asn, p);
    }
    return p;
  }
}

/** Whether the AS is on the path: eBGP's loop check. */
export function passesThrough(path: AsPath | null, asn: number): boolean {
  for (let p = path; p; p = p.rest) if (p.asn === asn) return true;
  return false;
}

/** `65100 65211`, as FRR prints an AS path. */
export function pathText(path: AsPath): string {
  const node = path as Node;
  if (node.text === undefined) {
    const asns: number[] = [];
    for (let p: AsPath | null = path; p; p = p.rest) asns.push(p.asn);
    node.text = asns.join(' ');
  }
  return node.text;
}

/**
 * One device's best paths for a prefix class, kept as what it learned: the paths its peers
 * offered and it accepted (its *tails*), before it prepends its own AS. Devices of different ASes
 * that learn the same paths share one set (every leaf of a pod learns the same few paths to a
 * loopback), so a 5,000-device fabric's 25 million routes are a table of set ids.
 */
interface PathSet {
  /** Distinct, at most 16; `[null]` for an originator (its own path is `[asn]`). */
  readonly tails: readonly (AsPath | null)[];
  /** Every AS on the tails: a receiver whose AS is not among them accepts every path. */
  readonly asns: ReadonlySet<number>;
  /**
   * The same as a list when it is short: the loop check runs ~10^9 times on a 5,000-device
   * fabric, and a scan of a few numbers costs less than a set lookup.
   */
  readonly asnList: readonly number[] | undefined;
  /** Per receiving AS on some tail, how many tails its loop check accepts. */
  readonly accepts: Map<number, number>;
  /** Per sending AS, what a device of that AS offers: its AS before each tail. */
  readonly offers: Map<number, AsPath[]>;
  /** Per sending AS, the set a receiver gets when it accepts every path of that offer alone. */
  readonly next: Map<number, number>;
}

/** How many ASes a set lists for its loop check (`asnList`). */
const SHORT = 8;

/** One of 31 bits for an AS (a set's `asnBits` has those of its ASes). */
export const asnBit = (asn: number) => 1 << (((asn ^ (asn >>> 7)) >>> 0) % 31);

/** Whether the AS is on some tail of the set. */
function onTails(set: PathSet, asn: number): boolean {
  const list = set.asnList;
  if (!list) return set.asns.has(asn);
  for (let i = 0; i < list.length; i++) if (list[i] === asn) return true;
  return false;
}

/** Path sets by id; 0 is no route, `ORIGIN` an originator's own route. */
export class PathSets {
  private readonly sets: PathSet[] = [];
  private readonly byKey = new Map<string, number>();
  /** Per set id, the length of the paths a device with that set advertises. */
  readonly lengthOf: number[] = [0];
  /** Per set id, how many paths it offers, and a bit per AS on its tails (`asnBit`): read by id, without the set. */
  private readonly offeredOf: number[] = [0];
  private readonly asnBits: number[] = [0];

  constructor(private readonly paths: AsPaths) {
    this.sets.push(this.make([]));
    this.sets.push(this.make([null]));
    this.lengthOf.push(1);
    this.offeredOf.push(1);
    this.asnBits.push(0);
  }

  private make(tails: readonly (AsPath | null)[]): PathSet {
    const asns = new Set<number>();
    for (const t of tails) for (let p = t; p; p = p.rest) asns.add(p.asn);
    const asnList = asns.size <= SHORT ? [...asns] : undefined;
    return { tails, asns, asnList, accepts: new Map(), offers: new Map(), next: new Map() };
  }

  /** The id of the set of these distinct, non-empty tails (all of one length). */
  intern(tails: AsPath[]): number {
    if (tails.length === 1) {
      const node = tails[0] as Node;
      node.single ??= this.add(tails);
      return node.single;
    }
    const key = tails
      .map((t) => (t as Node).id)
      .sort((a, b) => a - b)
      .join(',');
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.add(tails);
      this.byKey.set(key, id);
    }
    return id;
  }

  private add(tails: AsPath[]): number {
    this.sets.push(this.make(tails));
    this.lengthOf.push(tails[0]!.length + 1);
    this.offeredOf.push(tails.length);
    let bits = 0;
    for (const asn of this.sets[this.sets.length - 1]!.asns) bits |= asnBit(asn);
    this.asnBits.push(bits);
    return this.sets.length - 1;
  }

  /** How many paths a device with set `id` offers. */
  offered(id: number): number {
    return this.offeredOf[id]!;
  }

  /**
   * The bits (`asnBit`) of the ASes on the tails of set `id`: when the receiver's bit is not
   * among them, its loop check accepts every path (`accepted` is `offered`).
   */
  bitsOf(id: number): number {
    return this.asnBits[id]!;
  }

  /** How many of the paths a device of AS `from` with set `id` offers a device of AS `to` accepts. */
  accepted(id: number, from: number, to: number): number {
    if (to === from) return 0;
    // most often no tail has the receiver's AS: the set's AS bits say so without the set
    if ((this.asnBits[id]! & asnBit(to)) === 0) return this.offeredOf[id]!;
    const set = this.sets[id]!;
    if (!onTails(set, to)) return set.tails.length;
    let n = set.accepts.get(to);
    if (n === undefined) {
      n = 0;
      for (const t of set.tails) if (!passesThrough(t, to)) n++;
      set.accepts.set(to, n);
    }
    return n;
  }

  /** The paths a device of AS `from` with set `id` offers. */
  offer(id: number, from: number): readonly AsPath[] {
    const set = this.sets[id]!;
    let out = set.offers.get(from);
    if (!out) {
      out = set.tails.map((t) => this.paths.prepend(from, t));
      set.offers.set(from, out);
    }
    return out;
  }

  /** The set of a receiver that accepts every path of one offer (`from`, `id`) and nothing else. */
  next(id: number, from: number): number {
    const set = this.sets[id]!;
    let out = set.next.get(from);
    if (out === undefined) {
      out = this.intern([...this.offer(id, from)]);
      set.next.set(from, out);
    }
    return out;
  }
}

/** The set id of an originator's own route. */
export const ORIGIN = 1;
