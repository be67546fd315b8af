/**
 * Host key policy against a known_hosts file, like OpenSSH's StrictHostKeyChecking:
 * - `strict` (the default): an unknown host is refused;
 * - `accept-new`: an unknown host is accepted and its key appended to the file.
 * A changed (or revoked) key is refused under both, with both fingerprints and the file:line of
 * the old key. The file is read at every connection, so a lab that rewrites it is seen at once.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { shellQuote } from '../util/shell.js';
import { describeKey } from './fingerprint.js';
import {
  checkHostKey,
  type KnownHostEntry,
  knownHostLine,
  lookupName,
  parseKnownHosts,
} from './known-hosts.js';

export type HostKeyPolicy = 'strict' | 'accept-new';

/** The flag push and drift offer for the `accept-new` policy; error messages name it. */
export const ACCEPT_NEW_FLAG = '--accept-new-host-keys';

export function defaultKnownHostsFile(): string {
  return join(homedir(), '.ssh', 'known_hosts');
}

/** A missing file is an empty one (as in OpenSSH); any other read failure is an error. */
export function readKnownHosts(file: string): { entries: KnownHostEntry[] } | { error: string } {
  try {
    return { entries: parseKnownHosts(readFileSync(file, 'utf8')) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { entries: [] };
    return {
      error: `cannot read known_hosts ${file} (${err.code ?? err.message}); fix it or pass another file`,
    };
  }
}

/** Appends one line, creating the file (0600) and its folder (0700) when missing. */
export function appendKnownHost(file: string, line: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const current = readFileSync(file);
    if (current.length > 0 && current[current.length - 1] !== 0x0a) prefix = '\n';
  } catch {
    // missing: appendFileSync creates it
  }
  appendFileSync(file, `${prefix}${line}\n`, { mode: 0o600 });
}

export type HostKeyVerdict =
  | { accepted: true; added: boolean }
  | { accepted: false; kind: 'host-key-unknown' | 'host-key-changed'; message: string };

export interface HostKeyQuestion {
  file: string;
  host: string;
  port: number;
  presented: Buffer;
  policy: HostKeyPolicy;
  /** Where the file and the ssh config came from, so the message says what to change. */
  origin?: { knownHosts: string; sshConfig: string };
}

/**
 * The fix for an unknown host key: point fabric at the known_hosts that has the device (the
 * usual cause: the keys are in another file, e.g. the one `lab up` writes); recording a new key
 * is only for a device never connected to.
 */
function unknownHostAdvice(q: HostKeyQuestion, offered: string, exists: boolean): string {
  const from = q.origin ? ` (${q.origin.knownHosts})` : '';
  const config = q.origin ? `; ssh config: ${q.origin.sshConfig}` : '';
  const where = exists
    ? `host key not in ${q.file}${from}`
    : `host key unknown: ${q.file}${from} does not exist`;
  return (
    `${where}; the host offers ${offered}${config}. If its key is recorded in another file, point fabric at it ` +
    `(UserKnownHostsFile for this host in the ssh config, or --known-hosts FILE); if the device is new, ` +
    `check the fingerprint and connect once with ${ACCEPT_NEW_FLAG}`
  );
}

export function verifyHostKey(q: HostKeyQuestion): HostKeyVerdict {
  const known = readKnownHosts(q.file);
  if ('error' in known) return { accepted: false, kind: 'host-key-unknown', message: known.error };
  const name = lookupName(q.host, q.port);
  const check = checkHostKey(known.entries, name, q.presented);
  const offered = describeKey(q.presented);
  switch (check.status) {
    case 'known':
      return { accepted: true, added: false };
    case 'revoked':
      return {
        accepted: false,
        kind: 'host-key-changed',
        message: `host key ${offered} is marked @revoked in ${q.file}:${check.entry.line}; refusing it: give the device a new host key`,
      };
    case 'changed': {
      const old = check.old.map((e) => `${q.file}:${e.line} has ${describeKey(e.key)}`).join(', ');
      return {
        accepted: false,
        kind: 'host-key-changed',
        message:
          `HOST KEY CHANGED: ${old}, but the host now offers ${offered}: the device was reinstalled, ` +
          `or someone is intercepting the connection; if the change is expected, remove the old key ` +
          `(ssh-keygen -R ${shellQuote(name)} -f ${shellQuote(q.file)}) and connect once with ${ACCEPT_NEW_FLAG}`,
      };
    }
    case 'unknown': {
      if (q.policy === 'strict')
        return {
          accepted: false,
          kind: 'host-key-unknown',
          message: unknownHostAdvice(q, offered, existsSync(q.file)),
        };
      try {
        appendKnownHost(q.file, knownHostLine(name, q.presented));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return {
          accepted: false,
          kind: 'host-key-unknown',
          message: `new host key ${offered} could not be added to ${q.file} (${err.code ?? err.message}); make the file writable`,
        };
      }
      return { accepted: true, added: true };
    }
  }
}
