/**
 * One push per site at a time. The lock is a file created exclusively (O_EXCL), holding who
 * took it, when, and with what command; it survives a crash of the push. A lock whose process is
 * gone (same host, PID not running) is stale and is taken over, saying so; a live one is
 * explained to whoever tries to push next.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../util/pid.js';

export interface LockInfo {
  site: string;
  pid: number;
  host: string;
  user: string;
  started: string;
  command: string;
  pushId: string;
}

export type LockResult =
  | { ok: true; release: () => void; tookOverStale?: LockInfo }
  | { ok: false; holder: LockInfo; reason: string };

export function describeLock(l: LockInfo): string {
  return `pid ${l.pid} on ${l.host} by ${l.user} since ${l.started} (push ${l.pushId}: ${l.command})`;
}

export function acquireSiteLock(
  dir: string,
  info: Omit<LockInfo, 'pid' | 'host' | 'user' | 'started'>,
): LockResult {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${info.site}.lock`);
  const mine: LockInfo = {
    ...info,
    pid: process.pid,
    host: hostname(),
    user: userInfo().username,
    started: new Date().toISOString(),
  };
  let tookOverStale: LockInfo | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(mine, null, 2)}\n`);
      closeSync(fd);
      let released = false;
      return {
        ok: true,
        tookOverStale,
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: LockInfo;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      return {
        ok: false,
        holder: { ...mine, pid: 0, command: '?' },
        reason: `lock file ${path} exists but is unreadable; remove it if no push is running`,
      };
    }
    if (holder.host === mine.host && !isRunning(holder.pid)) {
      // the push that held it crashed: its devices are on a known config (each change is a
      // transaction on the device), so the lock only needs to go
      rmSync(path, { force: true });
      tookOverStale = holder;
      continue;
    }
    const where = holder.host === mine.host ? '' : ` (another host: if it is gone, remove ${path})`;
    return {
      ok: false,
      holder,
      reason: `site ${info.site} is being pushed by ${describeLock(holder)}${where}`,
    };
  }
  return { ok: false, holder: mine, reason: `could not take the lock ${path}` };
}
