/**
 * SSH failures are values: every operation of this layer rejects only with an `SshError`, whose
 * `kind` says what happened and whose one-line message names the device and what would fix it.
 * Callers (push, drift) switch on `kind`; they print `message` as is, never a stack.
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import { hostPart } from '../net/host-part.js';

export type SshErrorKind =
  /** TCP connect refused or timed out, no route, DNS, or no SSH handshake. */
  | 'unreachable'
  /** The server accepted none of our keys (or authentication did not finish in time). */
  | 'auth'
  /** The host key is not in known_hosts (strict policy), or could not be recorded there. */
  | 'host-key-unknown'
  /** known_hosts has a different (or revoked) key for the host: refused under every policy. */
  | 'host-key-changed'
  /** A command (or file transfer) did not finish within its timeout. */
  | 'timeout'
  /** The connection was lost (or closed) while an operation was running. */
  | 'disconnected'
  /** Anything else the SSH protocol reported: algorithm mismatch, channel refused, … */
  | 'protocol'
  /** A local key file or the agent cannot be used (missing, encrypted, not a private key). */
  | 'identity'
  /** A command's output (or a file read) exceeded the size cap. */
  | 'output-limit'
  /** A remote file operation failed (permission denied, no such directory, …). */
  | 'sftp';

/** Where an error happened, as printed: `leaf1a (198.18.1.11:22)`. */
export interface ErrorTarget {
  device: string;
  host: string;
  port: number;
}

export function hostPort(host: string, port: number): string {
  return `${hostPart(host)}:${port}`;
}

export class SshError extends Error {
  override readonly name = 'SshError';

  constructor(
    readonly kind: SshErrorKind,
    message: string,
    readonly target?: ErrorTarget,
  ) {
    super(target ? `${target.device} (${hostPort(target.host, target.port)}): ${message}` : message);
    // An expected failure, not a bug: its message is the whole story.
    this.stack = `${this.name} [${kind}]: ${this.message}`;
  }

  /** The same failure as a diagnostic (`ssh-<kind>`), for commands that report diagnostics. */
  toDiagnostic(): Diagnostic {
    return error(`ssh-${this.kind}`, this.message);
  }
}

/** Builds errors for one target, with every message passed through the redactor. */
export type ErrorFactory = (kind: SshErrorKind, message: string) => SshError;

export function errorFactory(target: ErrorTarget, redact: (text: string) => string): ErrorFactory {
  return (kind, message) => new SshError(kind, redact(message), target);
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: SshError };

/** Turns an SSH failure into a value; anything else (a bug) is rethrown. */
export async function attempt<T>(work: Promise<T> | (() => Promise<T>)): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await (typeof work === 'function' ? work() : work) };
  } catch (e) {
    if (e instanceof SshError) return { ok: false, error: e };
    throw e;
  }
}

export function isSshError(e: unknown, ...kinds: SshErrorKind[]): e is SshError {
  return e instanceof SshError && (kinds.length === 0 || kinds.includes(e.kind));
}
