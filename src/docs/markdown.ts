/** Markdown building blocks for the site docs: tables with escaped cells, lists of names. */

/** A cell never breaks its table: pipes escaped, line breaks as `<br>`. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function mdTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const line = (cells: readonly (string | number | null)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A section: heading, optional lead paragraph, body; empty bodies say so instead of a bare heading. */
export function section(level: number, title: string, body: string, lead?: string): string {
  return [`${'#'.repeat(level)} ${title}`, ...(lead ? [lead] : []), body || '_none_'].join('\n\n');
}

/** `a, b, c` or, past `max`, `a, b, … z (N)`: long member lists stay readable. */
export function names(list: readonly string[], max = 8): string {
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max - 1).join(', ')}, … ${list[list.length - 1]} (${list.length})`;
}

export { plural } from '../util/plural.js';

/** Names in the order people count: p1-spine2 before p1-spine10. */
export function naturally(list: readonly string[]): string[] {
  return [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
