/**
 * Renders the inventory schema as a Markdown reference: one table per definition, and one per
 * nested object (a setting inside a definition, the elements of a list, the values of a map),
 * linked from its row, so that no setting is documented as a bare `object`.
 */
type Schema = {
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  definitions?: Record<string, Schema>;
  $ref?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  default?: unknown;
};

/** A nested object waiting for its own section. */
interface Nested {
  title: string;
  schema: Schema;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function isInlineObject(s: Schema): boolean {
  return !s.$ref && !!s.properties;
}

function typeOf(s: Schema, title: string, nested: Nested[]): string {
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return `[${name}](#${anchorOf(name)})`;
  }
  if (isInlineObject(s)) {
    nested.push({ title, schema: s });
    return `[object](#${anchorOf(title)})`;
  }
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives)
    return `one of ${alternatives.map((a, i) => typeOf(a, `${title} (${i + 1})`, nested)).join(', ')}`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${e}\``).join(' \\| ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items, `${title} item`, nested)}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `map of ${typeOf(s.additionalProperties, `${title} entry`, nested)}`;
  let t = s.type ?? 'any';
  if (s.minimum !== undefined || s.maximum !== undefined) t += ` ${s.minimum ?? ''}..${s.maximum ?? ''}`;
  return t;
}

function table(s: Schema, title: string, nested: Nested[]): string {
  if (!s.properties) return '';
  const rows = Object.entries(s.properties).map(([key, p]) => {
    const req = s.required?.includes(key) ? 'yes' : '';
    const desc = (p.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return `| \`${key}\` | ${typeOf(p, `${title}.${key}`, nested)} | ${req} | ${desc} |`;
  });
  return ['| field | type | required | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** A definition's or nested object's section, followed by the sections of what it nests. */
function section(level: string, title: string, def: Schema, parts: string[]): void {
  const nested: Nested[] = [];
  parts.push('', `${level} ${title}`, '');
  if (def.description) parts.push(def.description, '');
  if (def.pattern) parts.push(`Pattern: \`${def.pattern}\``, '');
  const alternatives = def.oneOf ?? def.anyOf;
  if (def.properties && alternatives)
    parts.push(
      `One of: ${alternatives.map((a, i) => typeOf(a, `${title} (${i + 1})`, nested)).join(', ')}`,
      '',
    );
  if (def.properties) parts.push(table(def, title, nested));
  else parts.push(`Type: ${typeOf(def, title, nested)}`);
  for (const n of nested) section('###', n.title, n.schema, parts);
}

export function schemaReference(schema: Schema): string {
  const parts = [
    '# Inventory reference',
    '',
    '<!-- Generated from schema/inventory.schema.json by scripts/gen-types.ts. Do not edit; run `npm run gen`. -->',
    '',
    schema.description ?? '',
  ];
  section('##', 'InventoryFile', { ...schema, description: undefined }, parts);
  for (const [name, def] of Object.entries(schema.definitions ?? {})) section('##', name, def, parts);
  return `${parts.join('\n')}\n`;
}
