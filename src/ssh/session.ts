/**
 * A session: one authenticated SSH connection to one device, for push and drift alike. Commands
 * and file transfers may run concurrently (up to `maxChannels`); each has a timeout, and all of
 * them fail with `disconnected` the moment the connection is lost (keepalives notice a silent
 * peer within interval × (countMax + 1)). A lost session stays lost: open a new one (the pool
 * does that).
 */
import type { Socket } from 'node:net';
import type { Client, SFTPWrapper } from 'ssh2';
import { Semaphore } from '../util/concurrency.js';
import { type Connection, connect, type HostKeyInfo } from './connect.js';
import { type ErrorFactory, errorFactory } from './errors.js';
import { commandLabel, type ExecResult, startCommand } from './exec.js';
import { lostReason, type Ssh2ErrorLike } from './failures.js';
import { guarded, type Lifeline } from './guard.js';
import {
  type ResolvedOptions,
  type ResolvedTarget,
  resolveFor,
  resolveOptions,
  type SshOptions,
  type SshTarget,
} from './options.js';
import { openSftp, readRemoteFile, writeRemoteFile } from './sftp.js';

export type { ExecResult } from './exec.js';

/**
 * What a command timeout did. OpenSSH refuses signal requests in root sessions (it serves them
 * without a privilege-separated child), and closing a channel without a pty does not stop the
 * command, so the command can outlive its timeout: callers bound it on the device (`timeout 30 …`).
 */
const KILL_NOTE = 'its channel was closed and SIGKILL requested, but the command may still run on the device';

export interface ExecOptions {
  /** @default SshOptions.commandTimeoutMs */
  timeoutMs?: number;
  /** Sent to the command's stdin, which is then closed. */
  stdin?: string | Buffer;
}

export interface Session {
  readonly target: ResolvedTarget;
  readonly hostKey: HostKeyInfo;
  /** False once the connection is lost or closed. */
  readonly alive: boolean;
  /** Runs `command` as given (the remote shell parses it: quote values with `shellQuote`). */
  exec(command: string, opts?: ExecOptions): Promise<ExecResult>;
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string, opts?: { timeoutMs?: number }): Promise<Buffer | null>;
  /** Creates or truncates `path` with exactly `mode`, then writes `data`. */
  writeFile(path: string, data: Buffer | string, opts: { mode: number; timeoutMs?: number }): Promise<void>;
  /** Ends the connection; running operations fail with `disconnected`. Idempotent. */
  close(): Promise<void>;
}

export async function openSession(target: SshTarget, options: SshOptions = {}): Promise<Session> {
  const { target: t, options: o } = resolveFor(target, resolveOptions(options));
  return new SshSession(t, o, await connect(t, o));
}

class SshSession implements Session, Lifeline {
  readonly hostKey: HostKeyInfo;
  private readonly client: Client;
  private readonly socket: Socket;
  private readonly fail: ErrorFactory;
  private readonly channels: Semaphore;
  private lost: string | undefined;
  private lastError: Ssh2ErrorLike | undefined;
  private closing = false;
  private readonly lostListeners = new Set<(reason: string) => void>();
  private sftp: Promise<SFTPWrapper> | undefined;
  private readonly closed: Promise<void>;

  constructor(
    readonly target: ResolvedTarget,
    private readonly o: ResolvedOptions,
    conn: Connection,
  ) {
    this.client = conn.client;
    this.socket = conn.socket;
    this.hostKey = conn.hostKey;
    this.fail = errorFactory(target, o.redact);
    this.channels = new Semaphore(o.maxChannels);
    this.client.on('error', (err: Ssh2ErrorLike) => {
      this.lastError = err;
    });
    this.closed = new Promise((resolve) =>
      this.client.once('close', () => {
        this.markLost(
          this.closing
            ? 'the session was closed'
            : lostReason(this.lastError, {
                intervalMs: o.keepaliveIntervalMs,
                countMax: o.keepaliveCountMax,
              }),
        );
        resolve();
      }),
    );
  }

  get alive(): boolean {
    return this.lost === undefined;
  }

  onLost(cb: (reason: string) => void): () => void {
    if (this.lost !== undefined) {
      cb(this.lost);
      return () => {};
    }
    this.lostListeners.add(cb);
    return () => this.lostListeners.delete(cb);
  }

  private markLost(reason: string): void {
    if (this.lost !== undefined) return;
    this.lost = reason;
    if (!this.closing) this.o.log(`${this.target.device}: ${reason}`);
    for (const cb of [...this.lostListeners]) cb(reason);
    this.lostListeners.clear();
  }

  private ensureAlive(what: string): void {
    if (this.lost !== undefined)
      throw this.fail('disconnected', `${this.lost}; cannot start ${what}: reconnect`);
  }

  exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const what = commandLabel(command);
    const timeoutMs = opts.timeoutMs ?? this.o.commandTimeoutMs;
    return this.channels.run(async () => {
      this.ensureAlive(what);
      const started = Date.now();
      const running = startCommand(this.client, command, {
        stdin: opts.stdin,
        maxOutputBytes: this.o.maxOutputBytes,
        fail: this.fail,
      });
      try {
        const result = await guarded(running.result, {
          what,
          timeoutMs,
          afterTimeout: KILL_NOTE,
          fail: this.fail,
          lifeline: this,
          abort: running.abort,
        });
        this.o.log(
          `${this.target.device}: ${what} → ${result.signal ?? `exit ${result.code}`} in ${Date.now() - started}ms ` +
            `(${result.stdoutBuffer.length} B stdout, ${Buffer.byteLength(result.stderr)} B stderr)`,
        );
        return result;
      } catch (e) {
        this.o.log(
          `${this.target.device}: ${what} failed after ${Date.now() - started}ms: ${(e as Error).message}`,
        );
        throw e;
      }
    });
  }

  readFile(path: string, opts: { timeoutMs?: number } = {}): Promise<Buffer | null> {
    return this.withSftp(`reading ${path}`, opts.timeoutMs, (sftp) =>
      readRemoteFile(sftp, path, { maxBytes: this.o.maxOutputBytes, fail: this.fail }),
    );
  }

  writeFile(path: string, data: Buffer | string, opts: { mode: number; timeoutMs?: number }): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    return this.withSftp(`writing ${path}`, opts.timeoutMs, (sftp) =>
      writeRemoteFile(sftp, path, bytes, { mode: opts.mode, fail: this.fail }),
    );
  }

  /** One SFTP channel per session, opened on first use and reopened after a failure. */
  private withSftp<T>(
    what: string,
    timeoutMs: number | undefined,
    work: (sftp: SFTPWrapper) => Promise<T>,
  ): Promise<T> {
    return this.channels.run(async () => {
      this.ensureAlive(what);
      const started = Date.now();
      this.sftp ??= openSftp(this.client, this.fail);
      const sftp = this.sftp;
      const dropSftp = () => {
        if (this.sftp === sftp) this.sftp = undefined;
        sftp.then((s) => s.end()).catch(() => {});
      };
      try {
        const result = await guarded(
          sftp.then((s) => work(s)),
          {
            what,
            timeoutMs: timeoutMs ?? this.o.commandTimeoutMs,
            fail: this.fail,
            lifeline: this,
            abort: dropSftp,
          },
        );
        this.o.log(`${this.target.device}: ${what} done in ${Date.now() - started}ms`);
        return result;
      } catch (e) {
        if (
          await sftp.then(
            () => false,
            () => true,
          )
        )
          dropSftp(); // it never opened: try again next time
        this.o.log(`${this.target.device}: ${what} failed: ${(e as Error).message}`);
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    if (this.lost === undefined) {
      this.closing = true;
      this.client.end();
      // a peer that no longer answers never acknowledges the goodbye: give up on it after 2 s
      const force = setTimeout(() => this.socket.destroy(), 2000);
      await this.closed;
      clearTimeout(force);
    }
  }
}
