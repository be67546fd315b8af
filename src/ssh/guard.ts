/**
 * Every operation on a session runs under a guard: it ends with a `timeout` error when it takes
 * too long, and with a `disconnected` error as soon as the connection is lost, instead of
 * waiting forever for a reply that cannot come.
 */
import type { ErrorFactory } from './errors.js';

/** Tells an operation that the connection it runs on is gone, and why. */
export interface Lifeline {
  /** Calls `cb` once when the connection is lost (at once if it already is); returns an unsubscribe. */
  onLost(cb: (reason: string) => void): () => void;
}

export interface GuardOptions {
  /** What is running, for messages: "`systemctl reload frr`", "writing /etc/frr/frr.conf". */
  what: string;
  timeoutMs: number;
  /** Said after the timeout, e.g. "it was sent SIGKILL". */
  afterTimeout?: string;
  fail: ErrorFactory;
  lifeline: Lifeline;
  /** Stop the work: called on timeout and on connection loss (not on success or work failure). */
  abort(): void;
}

export function guarded<T>(work: Promise<T>, g: GuardOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let unsubscribe = () => {};
    const end = (settle: () => void, aborting: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      if (aborting) g.abort();
      settle();
    };
    const seconds = Math.round(g.timeoutMs / 100) / 10;
    timer = setTimeout(
      () =>
        end(
          () =>
            reject(
              g.fail(
                'timeout',
                `${g.what} did not finish within ${seconds}s${g.afterTimeout ? `; ${g.afterTimeout}` : ''}`,
              ),
            ),
          true,
        ),
      g.timeoutMs,
    );
    unsubscribe = g.lifeline.onLost((reason) =>
      end(
        () =>
          reject(
            g.fail(
              'disconnected',
              `${reason} during ${g.what}; it may or may not have completed: reconnect and check`,
            ),
          ),
        true,
      ),
    );
    // onLost may have ended us synchronously, before `unsubscribe` was assigned
    if (done) unsubscribe();
    work.then(
      (value) => end(() => resolve(value), false),
      (error) => end(() => reject(error), false),
    );
  });
}
