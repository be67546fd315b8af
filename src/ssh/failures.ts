/**
 * How low-level failures (socket errors, ssh2's error levels) map to an `SshErrorKind` and a
 * message that says what would fix it. Pure, so every branch is unit-tested.
 */
import type { SshErrorKind } from './errors.js';

export interface Failure {
  kind: SshErrorKind;
  message: string;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/** A TCP connect failure (or our connect timer, as `ETIMEDOUT`). */
export function socketFailure(code: string | undefined, timeoutMs: number): Failure {
  switch (code) {
    case 'ECONNREFUSED':
      return {
        kind: 'unreachable',
        message: 'connection refused: nothing listens on that port (is sshd running?)',
      };
    case 'ETIMEDOUT':
      return {
        kind: 'unreachable',
        message: `no answer within ${seconds(timeoutMs)} (TCP connect): check the address and that the device is up`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return {
        kind: 'unreachable',
        message: `no route to the device (${code}): check the address and the management network`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { kind: 'unreachable', message: `cannot resolve the host name (${code}): check the address` };
    default:
      return { kind: 'unreachable', message: `cannot connect (${code ?? 'unknown error'})` };
  }
}

/** Where a connection was when ssh2 failed: before the key exchange finished, or after. */
export type ConnectPhase = 'handshake' | 'auth';

export interface Ssh2ErrorLike {
  message: string;
  level?: string;
  code?: string | number;
}

/** An ssh2 error while connecting; `auth` failures are worded by the caller, who knows what was tried. */
export function connectFailure(err: Ssh2ErrorLike, phase: ConnectPhase, timeoutMs: number): Failure {
  if (err.level === 'client-authentication') return { kind: 'auth', message: err.message };
  if (err.level === 'client-timeout')
    return phase === 'handshake'
      ? {
          kind: 'unreachable',
          message: `no SSH handshake within ${seconds(timeoutMs)}: the port answers but no SSH server replied`,
        }
      : { kind: 'auth', message: `authentication did not finish within ${seconds(timeoutMs)}` };
  if (err.level === 'client-socket')
    return phase === 'handshake'
      ? {
          kind: 'unreachable',
          message: `connection dropped during the SSH handshake (${err.code ?? err.message}): is this an SSH port?`,
        }
      : {
          kind: 'disconnected',
          message: `connection dropped during authentication (${err.code ?? err.message})`,
        };
  if (err.message === 'Connection lost before handshake')
    return {
      kind: 'unreachable',
      message:
        'the server closed the connection before the SSH greeting: is this an SSH port? (or sshd refuses connections: MaxStartups)',
    };
  // a DISCONNECT from the server carries a numeric reason code and no level
  if (typeof err.code === 'number' && phase === 'auth')
    return {
      kind: 'auth',
      message: /too many/i.test(err.message)
        ? `the server ended authentication (${err.message}): offer fewer keys (fewer --identity, or --no-ssh-agent)`
        : `the server ended authentication: ${err.message}`,
    };
  return { kind: 'protocol', message: `SSH handshake failed: ${err.message}` };
}

/** Why an established connection ended, for `disconnected` errors. */
export function lostReason(
  err: Ssh2ErrorLike | undefined,
  keepalive: { intervalMs: number; countMax: number },
): string {
  if (!err) return 'the server closed the connection';
  if (err.level === 'client-timeout')
    return `no answer to keepalives for ${seconds(keepalive.intervalMs * (keepalive.countMax + 1))}`;
  if (err.level === 'client-socket') return `connection lost (${err.code ?? err.message})`;
  return `connection lost (${err.message})`;
}
