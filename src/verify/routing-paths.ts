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
  children?: Map<number, Node>;
  text?: string;
}

export class AsPaths {
  private readonly roots = new Map<number, Node>();

  /** `[asn]`: what an originator advertises. */
  origin(asn: number): AsPath {
    let p = this.roots.get(asn);
    if (!p) {
      p = { asn, rest: null, length: 1 };
      this.roots.set(asn, p);
    }
    return p;
  }

  /** `[asn, ...rest]`. */
  prepend(asn: number, rest: AsPath): AsPath {
    const r = rest as Node;
    r.children ??= new Map();
    let p = r.children.get(asn);
    if (!p) {
      p = { asn, rest: r, length: r.length + 1 };
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
