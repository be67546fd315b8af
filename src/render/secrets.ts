/**
 * Secrets: named values that never live in the inventory. A value comes from the environment
 * (`FABRIC_SECRET_<NAME>`, upper case, `-` as `_`) or from a secrets file (YAML map of name to
 * value). Values are resolved when files are rendered, checked against their use, and every
 * resolved value is registered with a redactor so that diffs and logs never print it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAlias, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { SecretUse } from '../model/types.js';

export const DEFAULT_SECRETS_FILE = 'secrets.yaml';

export function secretEnvName(name: string): string {
  return `FABRIC_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
}

const RULES: Record<SecretUse, { test: (v: string) => boolean; what: string }> = {
  'bgp-password': {
    test: (v) => /^[A-Za-z0-9._~@%^*+=:-]{1,80}$/.test(v),
    what: 'a BGP password: 1 to 80 characters of letters, digits and ._~@%^*+=:-',
  },
  'vrrp-auth': {
    test: (v) => /^[A-Za-z0-9._-]{1,8}$/.test(v),
    what: 'a VRRP PASS key: 1 to 8 characters of letters, digits and ._- (RFC 2338 simple text)',
  },
  'tls-bundle': {
    test: (v) => v.includes('-----BEGIN CERTIFICATE-----') && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v),
    what: 'a PEM bundle with a certificate and its private key',
  },
  // net-snmp refuses passphrases under 8 characters (RFC 3414 section 11.2 recommends at least 8)
  'snmp-auth': {
    test: (v) => /^[A-Za-z0-9._~@%^*+=:-]{8,64}$/.test(v),
    what: 'an SNMPv3 passphrase: 8 to 64 characters of letters, digits and ._~@%^*+=:-',
  },
  'snmp-priv': {
    test: (v) => /^[A-Za-z0-9._~@%^*+=:-]{8,64}$/.test(v),
    what: 'an SNMPv3 passphrase: 8 to 64 characters of letters, digits and ._~@%^*+=:-',
  },
  'snmp-community': {
    test: (v) => /^[A-Za-z0-9._~@%^*+=:-]{8,64}$/.test(v),
    what: "an SNMPv2c community: 8 to 64 characters of letters, digits and ._~@%^*+=:- (so never 'public')",
  },
  // printed bare in redis.conf, sentinel.conf and an HAProxy `tcp-check send` (where a space, a
  // quote, `\`, `#` or `$` would need escaping): hex or base64 (`openssl rand -base64 32`) fits;
  // 16 at least, as a password Redis checks at a hundred thousand guesses a second must be long
  'redis-auth': {
    test: (v) => /^[A-Za-z0-9._~+/=:@-]{16,128}$/.test(v),
    what: 'a Redis password: 16 to 128 characters of letters, digits and ._~+/=:@- (e.g. openssl rand -base64 32)',
  },
  // printed single-quoted in Patroni's config.yml and double-quoted in PgBouncer's userlist.txt,
  // and Patroni writes it into a .pgpass, where `:` and `\\` separate fields: no quote, no `:`
  'postgres-auth': {
    test: (v) => /^[A-Za-z0-9._~+/=@-]{16,128}$/.test(v),
    what: 'a PostgreSQL password: 16 to 128 characters of letters, digits and ._~+/=@- (e.g. openssl rand -base64 32)',
  },
  // printed double-quoted in the definitions file (JSON), after `password:` in amqp-consume's
  // auth file and inside HAProxy's `%[str(monitoring:…),base64]` (where `,`, `)`, `%`, a backslash, a
  // quote or a space would end or break it): no quote, no `,`, no `:`
  'rabbitmq-auth': {
    test: (v) => /^[A-Za-z0-9._~+/=@-]{16,128}$/.test(v),
    what: 'a RabbitMQ password: 16 to 128 characters of letters, digits and ._~+/=@- (e.g. openssl rand -base64 32)',
  },
  // the whole of the Erlang cookie file; Erlang takes letters and digits, and one who knows the
  // cookie controls every node, so long
  'rabbitmq-cookie': {
    test: (v) => /^[A-Za-z0-9]{20,255}$/.test(v),
    what: 'an Erlang cookie: 20 to 255 letters and digits (e.g. openssl rand -hex 32)',
  },
};

export class SecretStore {
  private readonly values = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly file: string | undefined,
    fileValues: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    const entries = fileValues instanceof Map ? fileValues : Object.entries(fileValues);
    for (const [k, v] of entries) this.values.set(k, v);
  }

  /** Where a missing secret can be provided, for error messages. */
  hint(name: string): string {
    // name the file that was read, or say that none was (a secrets file is looked for in the
    // current folder only)
    const where =
      this.file ??
      `a secrets file (none was read: no ${DEFAULT_SECRETS_FILE} in ${process.cwd()}; name one with --secrets FILE)`;
    return `export ${secretEnvName(name)}=… or add '${name}' to ${where}`;
  }

  resolve(name: string, use: SecretUse, usedBy: string): { value: string } | { error: Diagnostic } {
    const value = this.env[secretEnvName(name)] ?? this.values.get(name);
    if (value === undefined)
      return {
        error: error('secret-missing', `secret '${name}' (used by ${usedBy}) is not set: ${this.hint(name)}`),
      };
    const rule = RULES[use];
    if (!rule.test(value))
      return {
        error: error(
          'secret-invalid',
          `secret '${name}' (used by ${usedBy}) must be ${rule.what}; fix its value (not shown)`,
        ),
      };
    this.used.add(value);
    return { value };
  }

  /**
   * The names a secret can be found under: the file's keys, and the FABRIC_SECRET_* variables
   * (lower case, `_` as `-`), for "did you mean" on a name that is not set.
   */
  knownNames(): string[] {
    const fromEnv = Object.keys(this.env)
      .filter((k) => k.startsWith('FABRIC_SECRET_') && k.length > 'FABRIC_SECRET_'.length)
      .map((k) => k.slice('FABRIC_SECRET_'.length).toLowerCase().replace(/_/g, '-'));
    return [...new Set([...this.values.keys(), ...fromEnv])].sort();
  }

  /** Every secret value resolved so far, longest first (so a value inside another is masked last). */
  resolvedValues(): string[] {
    return [...this.used].sort((a, b) => b.length - a.length);
  }
}

/** Loads the secrets file (optional unless named explicitly) and the environment. */
export function loadSecrets(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { store?: SecretStore; diagnostics: Diagnostic[] } {
  const path =
    file ?? env.FABRIC_SECRETS ?? (existsSync(DEFAULT_SECRETS_FILE) ? DEFAULT_SECRETS_FILE : undefined);
  if (!path) return { store: new SecretStore(undefined, new Map(), env), diagnostics: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message.split('\n')[0];
    return {
      diagnostics: [
        error(
          'secrets-file',
          `cannot read secrets file ${path}: ${why}; name a YAML file of name: value with --secrets FILE, or set FABRIC_SECRET_<NAME> variables`,
        ),
      ],
    };
  }
  const { values, diagnostics } = parseSecretsText(path, text);
  return diagnostics.length ? { diagnostics } : { store: new SecretStore(path, values, env), diagnostics };
}

/** Masks every known secret value in text (diffs, logs, error output). */
export class Redactor {
  constructor(private readonly secrets: readonly string[]) {}

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (s.length >= 3) out = out.split(s).join('********');
    return out;
  }
}

/**
 * Reads a secrets file's YAML: a map of name to string. Every problem is located (file:line:col)
 * and never shows a value: the file holds secrets.
 */
export function parseSecretsText(
  path: string,
  text: string,
): { values: Map<string, string>; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const values = new Map<string, string>();
  const at = (offset: number | undefined, message: string): Diagnostic => {
    const pos = lines.linePos(offset ?? 0);
    return { ...error('secrets-file', message), location: { file: path, line: pos.line, col: pos.col } };
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    const what =
      first.code === 'MULTIPLE_DOCS'
        ? 'a second YAML document starts here (`---`); a secrets file holds one map of name: value'
        : first.code === 'DUPLICATE_KEY'
          ? `secret '${text.slice(first.pos[0]).split(/[:\n]/)[0]!.trim()}' is defined twice (keys YAML reads alike, such as null and ~, count as one); keep one`
          : `YAML syntax: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    return { values, diagnostics: [at(first.pos[0], `secrets file: ${what}`)] };
  }
  if (doc.contents === null) return { values, diagnostics: [] };
  if (!isMap(doc.contents))
    return {
      values,
      diagnostics: [at(doc.contents.range?.[0], `secrets file ${path} must be a YAML map of name: value`)],
    };
  const diagnostics: Diagnostic[] = [];
  for (const item of doc.contents.items) {
    const keyNode = isScalar(item.key) ? item.key : undefined;
    const name = keyNode ? String(keyNode.value) : undefined;
    // an alias of a string is that string (anchors come first: `a: &k x`, then `b: *k`)
    const node = isAlias(item.value) ? item.value.resolve(doc) : item.value;
    const value = isScalar(node) ? node.value : undefined;
    const offset = keyNode?.range?.[0];
    if (name === undefined)
      diagnostics.push(at(offset, 'a secret name must be a plain name, not a list, a map or an alias'));
    else if (typeof value !== 'string')
      diagnostics.push(
        at(
          isScalar(item.value) || !item.value ? offset : item.value.range?.[0],
          `secret '${name}' must be a string (quote it if YAML reads it as a number, a boolean or null; not a list or a map)`,
        ),
      );
    else values.set(name, value);
  }
  return { values, diagnostics };
}
