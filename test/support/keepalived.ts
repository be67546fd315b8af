/**
 * keepalived in a namespace of a test's own, VRRP only (`--vrrp`): this machine's kernel has no
 * ip_vs module, and keepalived's checker exits FATAL without IPVS (the lab has the same limit:
 * src/lab/node/lab-ipvs-sync). Its pid files and its console log go to the test's folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The main process's and the VRRP child's pid files, in `dir`. */
export const KEEPALIVED_PIDS = ['keepalived.pid', 'vrrp.pid'] as const;

/** Starts keepalived on `conf` in `netns`; the caller stops it by its pid files (`keepalivedPids`). */
export function spawnKeepalivedVrrp(netns: string, conf: string, dir: string): ChildProcess {
  for (const f of KEEPALIVED_PIDS) rmSync(join(dir, f), { force: true });
  const log = openSync(join(dir, 'keepalived.log'), 'a');
  const [main, vrrp] = KEEPALIVED_PIDS.map((f) => join(dir, f));
  return spawn(
    'ip',
    ['netns', 'exec', netns, 'keepalived', '--vrrp', '--dont-fork', '--log-console', '--log-detail'].concat([
      '-f',
      conf,
      '-p',
      main!,
      '-r',
      vrrp!,
    ]),
    { stdio: ['ignore', log, log] },
  );
}

/** What keepalived logged so far (for failure messages). */
export const keepalivedLog = (dir: string): string =>
  existsSync(join(dir, 'keepalived.log')) ? readFileSync(join(dir, 'keepalived.log'), 'utf8') : '';

/** The PIDs its pid files name. */
export const keepalivedPids = (dir: string): number[] =>
  KEEPALIVED_PIDS.flatMap((f) => {
    const p = join(dir, f);
    return existsSync(p) ? [Number(readFileSync(p, 'utf8').trim())] : [];
  }).filter((pid) => pid > 1);
