/**
 * What `lab down` removed, for people: one summary line by kind ("removed 26 nodes, 26 network
 * namespaces, 71 links, 1 state folder"), the items themselves only on request (--verbose, --json).
 * The items come from src/lab/runtime/destroy.ts as "<kind> <what>" strings.
 */

const KINDS = [
  { prefix: 'node', one: 'node', many: 'nodes' },
  { prefix: 'process', one: 'other process', many: 'other processes' },
  { prefix: 'netns', one: 'network namespace', many: 'network namespaces' },
  { prefix: 'link', one: 'link', many: 'links' },
  { prefix: 'mount', one: 'mount', many: 'mounts' },
  { prefix: 'dir', one: 'state folder', many: 'state folders' },
] as const;

export interface RemovedGroup {
  kind: string;
  items: string[];
}

/** The removed items grouped by kind, in a fixed order; unknown kinds last, as "other". */
export function groupRemoved(removed: readonly string[]): RemovedGroup[] {
  const groups = new Map<string, string[]>();
  for (const item of removed) {
    const space = item.indexOf(' ');
    const prefix = space > 0 ? item.slice(0, space) : item;
    const kind = KINDS.find((k) => k.prefix === prefix);
    const key = kind ? kind.prefix : 'other';
    const what = kind ? item.slice(space + 1) : item;
    groups.set(key, [...(groups.get(key) ?? []), what]);
  }
  const order: string[] = [...KINDS.map((k) => k.prefix), 'other'];
  return order.flatMap((kind) => (groups.has(kind) ? [{ kind, items: groups.get(kind)! }] : []));
}

function label(kind: string, n: number): string {
  const k = KINDS.find((x) => x.prefix === kind);
  if (!k) return `${n} other item${n === 1 ? '' : 's'}`;
  return `${n} ${n === 1 ? k.one : k.many}`;
}

/** "lab idc-a: removed 26 nodes, 26 network namespaces, 71 links, 1 state folder". */
export function labDownText(lab: string, removed: readonly string[], verbose = false): string {
  if (!removed.length) return `lab ${lab}: nothing to remove (no such lab here)\n`;
  const groups = groupRemoved(removed);
  const lines = [`lab ${lab}: removed ${groups.map((g) => label(g.kind, g.items.length)).join(', ')}`];
  if (verbose) for (const g of groups) for (const item of g.items) lines.push(`  ${g.kind} ${item}`);
  return `${lines.join('\n')}\n`;
}

export function labDownJson(lab: string, removed: readonly string[]): object {
  return {
    lab,
    removed: Object.fromEntries(groupRemoved(removed).map((g) => [g.kind, g.items])),
    count: removed.length,
  };
}
