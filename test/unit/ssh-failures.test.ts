/** Low-level failures map to the right kind and a message that says what to do; errors print in one line. */
import { describe, expect, it } from 'vitest';
import { attempt, SshError } from '../../src/ssh/errors.js';
import { connectFailure, lostReason, socketFailure } from '../../src/ssh/failures.js';

describe('socket failures', () => {
  it('GIVEN TCP and DNS errors THEN all are unreachable, each with its own hint', () => {
    expect(socketFailure('ECONNREFUSED', 10_000)).toEqual({
      kind: 'unreachable',
      message: 'connection refused: nothing listens on that port (is sshd running?)',
    });
    expect(socketFailure('ETIMEDOUT', 10_000).message).toContain('no answer within 10s');
    expect(socketFailure('EHOSTUNREACH', 10_000).message).toContain('no route to the device (EHOSTUNREACH)');
    expect(socketFailure('ENOTFOUND', 10_000).message).toContain('cannot resolve the host name');
    expect(socketFailure('EWHATEVER', 10_000)).toEqual({
      kind: 'unreachable',
      message: 'cannot connect (EWHATEVER)',
    });
  });
});

describe('ssh2 failures while connecting', () => {
  it('GIVEN a handshake timeout THEN unreachable; an authentication timeout THEN auth', () => {
    const timeout = { message: 'Timed out while waiting for handshake', level: 'client-timeout' };
    expect(connectFailure(timeout, 'handshake', 1500)).toMatchObject({ kind: 'unreachable' });
    expect(connectFailure(timeout, 'handshake', 1500).message).toContain('within 1.5s');
    expect(connectFailure(timeout, 'auth', 1500)).toMatchObject({ kind: 'auth' });
  });

  it('GIVEN the other levels THEN auth, unreachable, disconnected or protocol', () => {
    const kind = (
      err: { message: string; level?: string; code?: string | number },
      phase: 'handshake' | 'auth',
    ) => connectFailure(err, phase, 10_000).kind;
    expect(
      kind(
        { message: 'All configured authentication methods failed', level: 'client-authentication' },
        'auth',
      ),
    ).toBe('auth');
    expect(
      kind({ message: 'read ECONNRESET', level: 'client-socket', code: 'ECONNRESET' }, 'handshake'),
    ).toBe('unreachable');
    expect(kind({ message: 'read ECONNRESET', level: 'client-socket', code: 'ECONNRESET' }, 'auth')).toBe(
      'disconnected',
    );
    expect(kind({ message: 'Connection lost before handshake', level: 'protocol' }, 'handshake')).toBe(
      'unreachable',
    );
    expect(kind({ message: 'Too many authentication failures', code: 2 }, 'auth')).toBe('auth');
    expect(
      connectFailure({ message: 'Too many authentication failures', code: 2 }, 'auth', 1).message,
    ).toContain('offer fewer keys');
    expect(
      kind({ message: 'Handshake failed: no matching host key format', level: 'handshake' }, 'handshake'),
    ).toBe('protocol');
  });

  it('GIVEN why a connection ended THEN the reason names keepalives or the socket error', () => {
    const ka = { intervalMs: 5000, countMax: 3 };
    expect(lostReason({ message: 'Keepalive timeout', level: 'client-timeout' }, ka)).toBe(
      'no answer to keepalives for 20s',
    );
    expect(lostReason({ message: 'x', level: 'client-socket', code: 'ECONNRESET' }, ka)).toBe(
      'connection lost (ECONNRESET)',
    );
    expect(lostReason(undefined, ka)).toBe('the server closed the connection');
  });
});

describe('SshError', () => {
  it('GIVEN a target THEN the message starts with device (host:port) and the stack is that one line', () => {
    const e = new SshError('auth', 'no key accepted', { device: 'leaf1a', host: '198.18.1.11', port: 22 });
    expect(e.message).toBe('leaf1a (198.18.1.11:22): no key accepted');
    expect(e.stack).toBe('SshError [auth]: leaf1a (198.18.1.11:22): no key accepted');
    expect(e.toDiagnostic()).toMatchObject({ code: 'ssh-auth', severity: 'error', message: e.message });
    expect(new SshError('unreachable', 'x', { device: 'h', host: 'fd00::1', port: 22 }).message).toBe(
      'h ([fd00::1]:22): x',
    );
  });

  it('GIVEN attempt THEN SSH failures become values and bugs still throw', async () => {
    const failure = new SshError('timeout', 'slow');
    expect(await attempt(Promise.resolve(1))).toEqual({ ok: true, value: 1 });
    expect(await attempt(() => Promise.reject(failure))).toEqual({ ok: false, error: failure });
    await expect(attempt(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
