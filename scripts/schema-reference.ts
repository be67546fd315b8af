/** Renders the inventory schema as a Markdown reference: one table per definition. */
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
};

function typeOf(s: Schema): string {
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return `[${name}](#${name.toLowerCase()})`;
  }
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${e}\``).join(' \\| ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `map of ${typeOf(s.additionalProperties)}`;
  let t = s.type ?? 'any';
  if (s.minimum !== undefined || s.maximum !== undefined) t += ` ${s.minimum ?? ''}..${s.maximum ?? ''}`;
  return t;
}

function table(s: Schema): string {
  if (!s.properties) return '';
  const rows = Object.entries(s.properties).map(([key, p]) => {
    const req = s.required?.includes(key) ? 'yes' : '';
    const desc = (p.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return `| \`${key}\` | ${typeOf(p)} | ${req} | ${desc} |`;
  });
  return ['| field | type | required | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function schemaReference(schema: Schema): string {
  const parts = [
    '# Inventory reference',
    '',
    '<!-- Generated from schema/inventory.schema.json by scripts/gen-types.ts. Do not edit; run `npm run gen`. -->',
    '',
    schema.description ?? '',
    '',
    '## InventoryFile',
    '',
    table(schema),
  ];
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    parts.push('', `## ${name}`, '');
    if (def.description) parts.push(def.description, '');
    if (def.pattern) parts.push(`Pattern: \`${def.pattern}\``, '');
    if (def.properties) parts.push(table(def));
    else parts.push(`Type: ${typeOf(def)}`);
  }
  return `${parts.join('\n')}\n`;
}
