/**
 * OpenSSH's known_hosts format (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): parsing, host matching
 * and writing lines. Pure functions; the file is read and appended in host-key-check.ts.
 *
 * - A host is looked up as `host` on port 22 and as `[host]:port` otherwise, lower-cased.
 * - Plain patterns are comma lists with `*` and `?` wildcards and `!` negation (a negated
 *   match excludes the line); hashed patterns are `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
 * - `@revoked` lines mark keys that must never be accepted; `@cert-authority` lines are about
 *   host certificates, which fabric does not use, and are ignored.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { blobKeyType } from './fingerprint.js';

export interface KnownHostEntry {
  /** 1-based line number in the file, for error messages. */
  line: number;
  marker?: '@revoked' | '@cert-authority';
  /** The host pattern field as written: a comma list, or one hashed name. */
  hosts: string;
  keyType: string;
  key: Buffer;
}

const HASH_MAGIC = '|1|';

/** Parses a known_hosts file; lines that are not valid entries are skipped, as OpenSSH does. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/[ \t]+/);
    if (fields[0] === '' || fields[0]!.startsWith('#')) return;
    let marker: KnownHostEntry['marker'];
    if (fields[0]!.startsWith('@')) {
      if (fields[0] !== '@revoked' && fields[0] !== '@cert-authority') return;
      marker = fields.shift() as KnownHostEntry['marker'];
    }
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return;
    const key = Buffer.from(base64, 'base64');
    if (blobKeyType(key) !== keyType) return; // a key whose blob disagrees with its type is corrupt
    entries.push({ line: index + 1, ...(marker ? { marker } : {}), hosts, keyType, key });
  });
  return entries;
}

/** The name a host is recorded under: `host` on port 22, `[host]:port` otherwise. */
export function lookupName(host: string, port: number): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/** OpenSSH's glob: `*` any run of characters, `?` exactly one. */
function globMatch(name: string, pattern: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(name);
}

function hashedMatch(name: string, hashed: string): boolean {
  const parts = hashed.slice(HASH_MAGIC.length).split('|');
  if (parts.length !== 2) return false;
  const salt = Buffer.from(parts[0]!, 'base64');
  const want = Buffer.from(parts[1]!, 'base64');
  const got = createHmac('sha1', salt).update(name).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Whether an entry's host field names `name` (as made by `lookupName`). */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith(HASH_MAGIC)) return hashedMatch(name, entry.hosts);
  let matched = false;
  for (const raw of entry.hosts.split(',')) {
    const negated = raw.startsWith('!');
    if (!globMatch(name, (negated ? raw.slice(1) : raw).toLowerCase())) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

export type HostKeyCheck =
  | { status: 'known'; entry: KnownHostEntry }
  | { status: 'unknown' }
  /**
   * The host is known with other keys. `old` holds the entries of the presented key's type or,
   * when there are none, all the host's entries: the server no longer offers any key type we
   * know, which OpenSSH would call new but fabric treats as changed (refused, loudly).
   */
  | { status: 'changed'; old: KnownHostEntry[] }
  | { status: 'revoked'; entry: KnownHostEntry };

export function checkHostKey(
  entries: readonly KnownHostEntry[],
  name: string,
  presented: Buffer,
): HostKeyCheck {
  const forHost = entries.filter((e) => e.marker !== '@cert-authority' && entryMatches(e, name));
  const revoked = forHost.find((e) => e.marker === '@revoked' && e.key.equals(presented));
  if (revoked) return { status: 'revoked', entry: revoked };
  const keys = forHost.filter((e) => e.marker === undefined);
  const same = keys.find((e) => e.key.equals(presented));
  if (same) return { status: 'known', entry: same };
  if (keys.length === 0) return { status: 'unknown' };
  const sameType = keys.filter((e) => e.keyType === blobKeyType(presented));
  return { status: 'changed', old: sameType.length ? sameType : keys };
}

/** Host key algorithms ssh2 offers, in its default order. */
export const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;
export type HostKeyAlgorithm = (typeof HOST_KEY_ALGORITHMS)[number];

function algorithmsFor(keyType: string): HostKeyAlgorithm[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
  return HOST_KEY_ALGORITHMS.filter((a) => a === keyType);
}

/**
 * The host key algorithms to offer: the types already known for the host first, like OpenSSH.
 * Without this a server with several host keys could present one we have never seen and look
 * new (or changed) although its known key is still valid.
 */
export function preferredHostKeyAlgorithms(
  entries: readonly KnownHostEntry[],
  name: string,
): HostKeyAlgorithm[] {
  const known = entries
    .filter((e) => e.marker === undefined && entryMatches(e, name))
    .flatMap((e) => algorithmsFor(e.keyType));
  return [...new Set([...known, ...HOST_KEY_ALGORITHMS])];
}

/** `|1|salt|hash` for a name, as `ssh-keygen -H` writes it. */
export function hashHostName(name: string, salt: Buffer = randomBytes(20)): string {
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return `${HASH_MAGIC}${salt.toString('base64')}|${hash}`;
}

/** One known_hosts line for a key blob. */
export function knownHostLine(name: string, key: Buffer, opts: { hashed?: boolean } = {}): string {
  const type = blobKeyType(key) ?? 'unknown';
  return `${opts.hashed ? hashHostName(name) : name} ${type} ${key.toString('base64')}`;
}
