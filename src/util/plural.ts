/** A count and its noun: `1 cable`, `2 cables`, `3 redundancy groups`; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
