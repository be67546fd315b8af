/**
 * HAProxy's runtime state for the data tier's namespace tests (Redis and PostgreSQL), read
 * through its admin socket, and the waits they share.
 */
import { connect } from 'node:net';

/** `show stat` through the admin socket: each server's row by `backend/server`. */
export function stats(sock: string): Promise<Map<string, { status: string; stot: number }>> {
  return new Promise((resolve, reject) => {
    const c = connect(sock);
    let text = '';
    c.on('data', (b) => {
      text += b.toString();
    });
    c.on('error', reject);
    c.on('end', () => {
      const [head, ...rows] = text.trim().split('\n');
      const cols = (head ?? '').replace(/^# /, '').split(',');
      const at = (name: string) => cols.indexOf(name);
      const out = new Map<string, { status: string; stot: number }>();
      for (const r of rows) {
        const f = r.split(',');
        out.set(`${f[at('pxname')]}/${f[at('svname')]}`, {
          status: f[at('status')] ?? '',
          stot: Number(f[at('stot')] ?? 0),
        });
      }
      resolve(out);
    });
    c.write('show stat\n');
  });
}

export type Stats = Awaited<ReturnType<typeof stats>>;

/** A server's status (`UP`, `DOWN`, `no check`…) in a `stats` reading, '' when it has none. */
export const status = (s: Stats, server: string) => s.get(server)?.status ?? '';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` every 50 ms until it holds; resolves to how long that took, or throws naming
 * `what` (and what `context` says) after `withinMs`.
 */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  withinMs: number,
  context: () => string | Promise<string> = () => '',
): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < withinMs) {
    if (await check()) return Date.now() - start;
    await sleep(50);
  }
  const said = await context();
  throw new Error(`${what} not within ${withinMs} ms${said ? ` ${said}` : ''}`);
}
