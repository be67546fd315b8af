/**
 * One live session per device, reused across calls (drift --watch polls the same devices every
 * few seconds; reconnecting each time would cost a handshake per device per poll). A session
 * that was lost is dropped and the next call reconnects. Concurrent callers for one device share
 * one connection attempt.
 */
import { isSshError } from './errors.js';
import {
  type ResolvedOptions,
  resolveFor,
  resolveOptions,
  type SshOptions,
  type SshTarget,
} from './options.js';
import { openSession, type Session } from './session.js';

export type SessionOpener = (target: SshTarget, options: SshOptions) => Promise<Session>;

export interface UseOptions {
  /**
   * When the connection turns out to be lost during `work`, reconnect and run `work` once more.
   * Only for work that is safe to repeat (reads: drift); never for push steps.
   */
  retryIfDisconnected?: boolean;
}

export class SessionPool {
  private readonly live = new Map<string, Session>();
  private readonly opening = new Map<string, Promise<Session>>();
  private readonly resolved: ResolvedOptions;

  constructor(
    private readonly options: SshOptions,
    private readonly open: SessionOpener = openSession,
  ) {
    this.resolved = resolveOptions(options);
  }

  /** The device's session: the live one if it is still alive and for the same endpoint, else a new one. */
  get(target: SshTarget): Promise<Session> {
    const current = this.live.get(target.device);
    if (current?.alive && sameEndpoint(current, target, this.resolved)) return Promise.resolve(current);
    if (current) {
      this.live.delete(target.device);
      void current.close();
    }
    const pending = this.opening.get(target.device);
    if (pending) return pending;
    const opened = this.open(target, this.options)
      .then((session) => {
        this.live.set(target.device, session);
        return session;
      })
      .finally(() => this.opening.delete(target.device));
    this.opening.set(target.device, opened);
    return opened;
  }

  /** Runs `work` with the device's session; a lost connection is dropped so the next call reconnects. */
  async use<T>(target: SshTarget, work: (session: Session) => Promise<T>, opts: UseOptions = {}): Promise<T> {
    const session = await this.get(target);
    try {
      return await work(session);
    } catch (e) {
      if (!isSshError(e, 'disconnected')) throw e;
      this.evict(target.device, session);
      if (!opts.retryIfDisconnected) throw e;
      return work(await this.get(target));
    }
  }

  /** Closes and forgets the device's session (only `session`, when given). */
  evict(device: string, session?: Session): void {
    const current = this.live.get(device);
    if (!current || (session && current !== session)) return;
    this.live.delete(device);
    void current.close();
  }

  get size(): number {
    return this.live.size;
  }

  async closeAll(): Promise<void> {
    const opening = [...this.opening.values()].map((p) => p.catch(() => undefined));
    const sessions = [...this.live.values(), ...(await Promise.all(opening))];
    this.live.clear();
    await Promise.all(sessions.map((s) => s?.close()));
  }
}

/** The live session goes where the target now resolves to (the ssh config may rename the host). */
function sameEndpoint(s: Session, t: SshTarget, o: ResolvedOptions): boolean {
  const r = resolveFor(t, o).target;
  return s.target.host === r.host && s.target.port === r.port && s.target.user === r.user;
}
