/**
 * Validates each inventory file against schema/inventory.schema.json (the single source of the
 * inventory format) and turns Ajv's errors into located, human diagnostics with a valid example
 * and, for unknown fields, a "did you mean".
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import { plural } from '../util/plural.js';
import type { InventorySource } from './files.js';
import { validate as generatedValidate } from './validate.gen.js';

export const SCHEMA_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'schema',
  'inventory.schema.json',
);

/**
 * The schema's validator, compiled ahead by `npm run gen` (options in schema-compile.ts): Ajv's
 * compile took 0.25-0.4 s of every run. The schema itself is read for error messages only.
 */
const validator = (): ValidateFunction => generatedValidate as ValidateFunction;

interface SchemaJson {
  definitions?: Record<string, SchemaNode>;
}
let schemaJson: SchemaJson | undefined;

function schemaDefinitions(): Record<string, SchemaNode> {
  schemaJson ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaJson;
  return schemaJson.definitions ?? {};
}

interface SchemaNode {
  properties?: Record<string, unknown>;
  oneOf?: { $ref?: string }[];
  discriminator?: unknown;
}

/**
 * Fields no variant of a discriminated union (a device by role) knows. Without a usable role
 * Ajv cannot pick a variant, so it reports neither the role's variant nor unknown fields: these
 * are reported here, like `additionalProperties` does for any other mapping.
 */
function unknownVariantFields(e: ErrorObject): { field: string; allowed: string[] }[] {
  const parent = e.parentSchema as SchemaNode | undefined;
  const data = e.data;
  if (!parent?.discriminator || !parent.oneOf || typeof data !== 'object' || data === null) return [];
  const allowed = new Set(Object.keys(parent.properties ?? {}));
  for (const variant of parent.oneOf) {
    const name = variant.$ref?.replace('#/definitions/', '') ?? '';
    const definitions = schemaDefinitions();
    const def = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    for (const field of Object.keys(def?.properties ?? {})) allowed.add(field);
  }
  return Object.keys(data)
    .filter((field) => !allowed.has(field))
    .map((field) => ({ field, allowed: [...allowed] }));
}

function pointerToPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The last key of a path, with its index for list items: `'announce[0]'`, `'leaf1a'`. */
function describePath(path: string[]): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1]!;
  if (/^\d+$/.test(last) && path.length > 1) return `'${path[path.length - 2]}[${last}]'`;
  return `'${last}'`;
}

/**
 * A value for a message. A mapping or a list is named by its shape, never printed: it may be a
 * secrets file read as an inventory file, or a section holding passwords, and messages reach CI
 * logs. A scalar is the very value the message is about, shortened.
 */
function show(value: unknown): string {
  // JSON has no infinity or NaN (it would print `null`): show them as YAML writes them
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'item')}`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `a mapping (${plural(keys.length, 'key')})` : 'an empty mapping';
  }
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const ROLES = [
  'superspine',
  'spine',
  'leaf',
  'edge',
  'hypervisor',
  'storage',
  'k8s-node',
  'vrouter',
  'l4lb',
  'l7lb',
  'vm',
];

function didYouMean(unknown: string, allowed: string[]): string {
  if (allowed.length === 0) return '';
  const best = closest(unknown, allowed);
  return distance(unknown, best) <= Math.max(2, Math.floor(unknown.length / 3))
    ? `; did you mean '${best}'?`
    : '';
}

/**
 * The map key a `propertyNames` error is about. Ajv 8 sets it on the error object itself
 * (`e.propertyName`); only the `propertyNames` keyword's own error has it in `params`.
 */
function propertyNameOf(e: ErrorObject): string | undefined {
  const own = (e as { propertyName?: unknown }).propertyName;
  if (typeof own === 'string') return own;
  const param = (e.params as { propertyName?: unknown } | undefined)?.propertyName;
  return typeof param === 'string' ? param : undefined;
}

function describe(e: ErrorObject): { message: string; path: string[]; atKey: boolean } | undefined {
  const path = pointerToPath(e.instancePath);
  const where = describePath(path);
  // a value where a secret's name belongs may be the password itself: never shown
  const given = (value: unknown) =>
    path.at(-1) === 'secret'
      ? "a value not shown here (give the secret's name; its value goes in the secrets file)"
      : show(value);
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return {
        message: `unknown field '${field}' in ${where}${didYouMean(field, allowed)}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
        path: [...path, field],
        atKey: true,
      };
    }
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      return { message: `missing required field '${field}' in ${where}`, path, atKey: true };
    }
    case 'errorMessage': {
      const inner = (e.params as { errors?: ErrorObject[] }).errors?.[0];
      const propertyName = propertyNameOf(e) ?? (inner && propertyNameOf(inner));
      if (propertyName !== undefined)
        return {
          message: `key ${show(propertyName)} ${e.message}`,
          path: [...path, propertyName],
          atKey: true,
        };
      if (inner?.keyword === 'discriminator') {
        const role = (e.data as { role?: unknown })?.role;
        // a missing role is the `required` error's, a role that is not a string the `type` error's
        if (typeof role !== 'string') return undefined;
        return {
          message: `${where} ${e.message}, got ${show(role)}${didYouMean(String(role), ROLES)}`,
          path: [...path, 'role'],
          atKey: false,
        };
      }
      return { message: `${where} ${e.message}, got ${given(e.data)}`, path, atKey: false };
    }
    case 'propertyNames':
      return undefined; // reported by the inner error with the offending key
    case 'if':
      return undefined; // `must match "then" schema`: the `then` branch's own error says what
    case 'uniqueItems': {
      // Ajv's `i` and `j` are the indexes of two equal items; people count from 1
      const { i, j } = e.params as { i: number; j: number };
      const item = Array.isArray(e.data) ? e.data[j] : undefined;
      return {
        message: `${where} lists ${show(item)} twice (items ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1}); remove one`,
        // at the repeat, the one to remove
        path: [...path, String(Math.max(i, j))],
        atKey: false,
      };
    }
    case 'minProperties':
    case 'minItems': {
      const limit = (e.params as { limit: number }).limit;
      const [one, many] = e.keyword === 'minItems' ? ['item', 'items'] : ['entry', 'entries'];
      return {
        message: `${where} needs at least ${plural(limit, one, many)}, got ${given(e.data)}`,
        path,
        atKey: false,
      };
    }
    case 'type':
      return {
        message: `${where} must be ${(e.params as { type: string }).type}, got ${given(e.data)}`,
        path,
        atKey: false,
      };
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => String(v));
      return {
        message: `${where} must be one of ${allowed.join(', ')}, got ${given(e.data)}${didYouMean(String(e.data), allowed)}`,
        path,
        atKey: false,
      };
    }
    case 'const':
      return {
        message: `${where} must be ${show((e.params as { allowedValue: unknown }).allowedValue)}, got ${given(e.data)}`,
        path,
        atKey: false,
      };
    case 'discriminator':
      if (typeof (e.data as { role?: unknown })?.role !== 'string') return undefined; // see above
      return {
        message: `${where} needs a known role (${ROLES.join(', ')}), got ${show((e.data as { role?: unknown })?.role)}`,
        path,
        atKey: false,
      };
    default: {
      const propertyName = propertyNameOf(e);
      if (propertyName !== undefined)
        return {
          message: `key ${show(propertyName)} ${e.message}`,
          path: [...path, propertyName],
          atKey: true,
        };
      return { message: `${where} ${e.message}, got ${given(e.data)}`, path, atKey: false };
    }
  }
}

/** Schema-checks one parsed file. Returns located diagnostics (positions are resolved later). */
/**
 * One value that breaks two rules (`interval: 0.5`: an integer, at least 2) is one error that
 * says both: `'interval' must be integer and >= 2, got 0.5`. True when `d` was merged.
 */
function mergedInto(out: Diagnostic[], d: { message: string; path: string[]; atKey: boolean }): boolean {
  // `'<field>' must be <rule>, got <value>`: the same field and value, another rule
  const parts = (m: string) => /^(.*) must be (.*), got (.*)$/.exec(m);
  const mine = parts(d.message);
  if (!mine || d.atKey) return false;
  const path = d.path.join('/');
  const same = out.find((o) => {
    const theirs = parts(o.message);
    return o.path?.join('/') === path && theirs?.[1] === mine[1] && theirs?.[3] === mine[3];
  });
  if (!same) return false;
  same.message = same.message.replace(/, got (.*)$/, ` and ${mine[2]}, got $1`);
  return true;
}

export function validateSource(source: InventorySource): Diagnostic[] {
  if (source.data === undefined || source.data === null) {
    return [
      error(
        'schema',
        'the file is empty; an inventory file needs at least `site: <name>` (or, in one file of the inventory, `gslb:`)',
        {
          file: source.file,
          location: { file: source.file, line: 1, col: 1 },
        },
      ),
    ];
  }
  const validate = validator();
  if (validate(source.data)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of validate.errors ?? []) {
    const d = describe(e);
    if (!d) continue;
    const key = `${d.path.join('/')}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (mergedInto(out, d)) continue;
    out.push(error('schema', d.message, { file: source.file, path: d.path, atKey: d.atKey }));
    if (e.keyword === 'required')
      for (const { field, allowed } of unknownVariantFields(e)) {
        const path = [...pointerToPath(e.instancePath), field];
        out.push(
          error(
            'schema',
            `unknown field '${field}' in ${describePath(path.slice(0, -1))}${didYouMean(field, allowed)}`,
            {
              file: source.file,
              path,
              atKey: true,
            },
          ),
        );
      }
  }
  return out;
}
