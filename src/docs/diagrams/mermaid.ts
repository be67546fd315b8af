/**
 * Mermaid text that cannot be broken by a name: node ids from a fixed alphabet, labels with the
 * characters Mermaid reads as syntax replaced by entities.
 */

/** A node or subgraph id: a prefix and the name with everything but [A-Za-z0-9_] as `_` (never a keyword). */
export function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Text inside a quoted flowchart label: quotes and angle brackets as entities, lines as `<br/>`. */
export function flowText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[[\]{}|]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A flowchart label of lines, the first bold: `"<b>Spine (A/B)</b><br/>spine1, spine2"`. */
export function flowLabel(title: string, ...lines: string[]): string {
  return `"<b>${flowText(title)}</b>${lines
    .filter((l) => l !== '')
    .map((l) => `<br/>${flowText(l)}`)
    .join('')}"`;
}

/** An edge label (`-->|label|`): no pipes, quotes or brackets. */
export function edgeText(text: string): string {
  return `"${flowText(text)}"`;
}

/** A C4 string argument: double quotes cannot be escaped there, so they become single ones. */
export function c4Text(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

/** How a redundancy group's members back each other up, for a container's name: `A/B`, `N+1`. */
export function redundancyTag(members: number, maxUnavailable: number): string {
  if (members <= 1) return 'single, not redundant';
  if (members === 2) return 'A/B';
  return `N+${maxUnavailable}, ${members}`;
}
