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

/** Node colours by layer, as the reference drawings colour them; the same in every flowchart. */
export const LAYER_STYLES = {
  internet: 'fill:#e8e8e8,stroke:#8a8a8a,color:#222',
  network: 'fill:#dbe8f8,stroke:#3c78c3,color:#0b2545',
  ingress: 'fill:#fde9d4,stroke:#d9822b,color:#4a2a05',
  server: 'fill:#e3f2e1,stroke:#4c9a45,color:#12351a',
} as const;

export type Layer = keyof typeof LAYER_STYLES;

/** `classDef` and `class` lines colouring each node by its layer, in a fixed order. */
export function layerClasses(layers: ReadonlyMap<string, Layer>): string[] {
  const lines: string[] = [];
  for (const layer of Object.keys(LAYER_STYLES) as Layer[]) {
    const ids = [...layers].filter(([, l]) => l === layer).map(([id]) => id);
    if (ids.length)
      lines.push(`  classDef ${layer} ${LAYER_STYLES[layer]}`, `  class ${ids.join(',')} ${layer}`);
  }
  return lines;
}
