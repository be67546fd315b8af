/**
 * One device's part of a wave: stage the files and the transaction script, validate on the
 * device, start the transaction detached, and follow it to its end — through a lost connection
 * if need be. The outcome is read from the device (its status file and the hashes of its files),
 * never assumed.
 */
import type { SessionPool, SshTarget } from '../ssh/index.js';
import { isSshError } from '../ssh/index.js';
import { sleep } from '../util/concurrency.js';
import { lastLine } from '../util/shell.js';
import { type Hashes, readHashes } from './device-state.js';
import { PUSH_ROOT, type Transaction } from './transaction.js';

/** Which complete config a device is on, judged by the hashes of its files. */
export type ConfigState = 'new' | 'previous' | 'mixed' | 'unknown';

export interface ApplyOutcome {
  /** applied: new config running; rolled-back: the device undid its own change; unknown: unreachable. */
  result: 'applied' | 'rolled-back' | 'unknown';
  detail: string;
  config: ConfigState;
  /** The connection was lost while the transaction ran. */
  lostConnection: boolean;
}

/** Pushes kept on each device for audit and manual rollback. */
const KEEP_PUSHES = 5;

export async function stage(
  pool: SessionPool,
  target: SshTarget,
  t: Transaction,
  contents: Map<string, string>,
  script: string,
): Promise<void> {
  await pool.use(target, async (s) => {
    // prune old pushes, keep the last few; then make this push's folders
    const prep = await s.exec(
      `mkdir -p ${PUSH_ROOT} && cd ${PUSH_ROOT} && ls -1d */ 2>/dev/null | sort | head -n -${KEEP_PUSHES} | xargs -r rm -rf; mkdir -p ${t.dir}/files ${t.dir}/previous && chmod 700 ${t.dir}`,
    );
    if (prep.code !== 0) throw new Error(`cannot create ${t.dir}: ${prep.stderr.trim()}`);
    for (const f of t.files)
      await s.writeFile(`${t.dir}/files/${f.n}`, contents.get(f.target)!, { mode: 0o600 });
    await s.writeFile(`${t.dir}/transaction.sh`, script, { mode: 0o700 });
  });
}

/** Runs the daemons' own parsers on the staged files; returns what they rejected, or null. */
export async function validateStaged(
  pool: SessionPool,
  target: SshTarget,
  t: Transaction,
): Promise<string | null> {
  const r = await pool.use(target, (s) =>
    s.exec(`sh ${t.dir}/transaction.sh validate`, { timeoutMs: 60_000 }),
  );
  return r.code === 0 ? null : r.stdout.trim() || r.stderr.trim() || `validation exited ${r.code}`;
}

function judge(hashes: Hashes | undefined, t: Transaction, previous: Hashes): ConfigState {
  if (!hashes) return 'unknown';
  const isNew = t.files.every((f) => hashes.get(f.target) === f.sha256);
  if (isNew) return 'new';
  const isOld = t.files.every((f) => hashes.get(f.target) === (previous.get(f.target) ?? null));
  return isOld ? 'previous' : 'mixed';
}

/**
 * A shell loop that waits on the device (up to `waitMs`) until the transaction has ended, then
 * prints its status: one SSH command per device instead of a round trip every few hundred
 * milliseconds, which, with a whole wave applying at once, cost more CPU on the devices than the
 * reloads themselves.
 */
function waitScript(t: Transaction, waitMs: number): string {
  const steps = Math.max(1, Math.floor(waitMs / 200));
  return (
    `cd ${t.dir} && i=0; while [ $i -lt ${steps} ]; do ` +
    `case "$(cat status 2>/dev/null)" in applied|rolled-back*) break ;; esac; sleep 0.2; i=$((i + 1)); done; ` +
    'cat status 2>/dev/null || true'
  );
}

async function waitForStatus(
  pool: SessionPool,
  target: SshTarget,
  t: Transaction,
  waitMs: number,
  start = '',
): Promise<string> {
  const r = await pool.use(target, (s) =>
    s.exec(`${start}${waitScript(t, waitMs)}`, { timeoutMs: waitMs + 10_000 }),
  );
  return r.stdout.trim();
}

/**
 * Starts `transaction.sh apply` detached (setsid) and waits for its status. A lost connection does
 * not stop the transaction on the device; we reconnect until `reconnectMs` has passed and read
 * how it ended.
 */
export async function applyDetached(
  pool: SessionPool,
  target: SshTarget,
  t: Transaction,
  previous: Hashes,
  opts: { timeoutMs: number; reconnectMs: number },
): Promise<ApplyOutcome> {
  let lostConnection = false;
  const started = Date.now();
  let status = '';
  let lostSince: number | undefined;
  // the first command starts the transaction and waits; later ones (after a lost connection, or a
  // long apply) only wait. A start whose answer is lost may still have happened: the status says.
  let start = `cd ${t.dir} && rm -f status && { setsid sh ${t.dir}/transaction.sh apply > /dev/null 2>&1 < /dev/null & } && `;
  while (Date.now() - started < opts.timeoutMs) {
    try {
      const left = opts.timeoutMs - (Date.now() - started);
      const command = start;
      start = '';
      status = await waitForStatus(pool, target, t, Math.min(10_000, left), command);
      lostSince = undefined;
      if (status === 'applied' || status.startsWith('rolled-back')) break;
    } catch (e) {
      if (!isSshError(e, 'disconnected', 'unreachable', 'timeout')) throw e;
      lostConnection = true;
      lostSince ??= Date.now();
      if (Date.now() - lostSince > opts.reconnectMs) break;
      await sleep(300);
    }
  }
  let hashes: Hashes | undefined;
  try {
    hashes = await pool.use(target, (s) =>
      readHashes(
        s,
        t.files.map((f) => f.target),
      ),
    );
  } catch (e) {
    if (!isSshError(e)) throw e;
  }
  const config = judge(hashes, t, previous);
  if (status === 'applied') return { result: 'applied', detail: 'applied', config, lostConnection };
  if (status.startsWith('rolled-back'))
    return {
      result: 'rolled-back',
      detail: `the device rolled itself back: ${status.slice('rolled-back '.length)}`,
      config,
      lostConnection,
    };
  return {
    result: 'unknown',
    detail: lostConnection
      ? `connection lost and not back within ${opts.reconnectMs / 1000} s; the transaction runs on: read ${t.dir}/status on the device`
      : `no outcome within ${opts.timeoutMs / 1000} s (status: ${status || 'none'})`,
    config,
    lostConnection,
  };
}

/**
 * Restores the device's previous files and the daemons' previous state (after a failed gate, or
 * for the rest of a failed wave). `ok` is the one verdict the report uses, per device and in the
 * summary: the files are the previous ones (by hash) and the restored state answers, checked on
 * the device against what existed before (after a first push: nothing of fabric's).
 */
export async function rollback(
  pool: SessionPool,
  target: SshTarget,
  t: Transaction,
  previous: Hashes,
): Promise<RollbackOutcome> {
  try {
    const r = await pool.use(target, (s) =>
      s.exec(`sh ${t.dir}/transaction.sh rollback`, { timeoutMs: 90_000 }),
    );
    const hashes = await pool.use(target, (s) =>
      readHashes(
        s,
        t.files.map((f) => f.target),
      ),
    );
    const config = judge(hashes, t, previous);
    return { ok: r.code === 0 && config === 'previous', config, detail: rollbackDetail(r, config) };
  } catch (e) {
    if (!isSshError(e)) throw e;
    return { ok: false, config: 'unknown', detail: `rollback failed: ${e.message}` };
  }
}

export interface RollbackOutcome {
  ok: boolean;
  config: ConfigState;
  detail: string;
}

/** What the rollback said (its last line), and whether the files are the previous ones. */
function rollbackDetail(
  r: { code: number | null; stdout: string; stderr: string },
  config: ConfigState,
): string {
  const said = lastLine(r.stdout);
  if (r.code === 0)
    return config === 'previous'
      ? 'reverted'
      : `reverted, but the files are not the previous ones (${config})`;
  const why = said || lastLine(r.stderr) || `the rollback exited ${r.code}`;
  return `not reverted cleanly: ${why}`;
}
