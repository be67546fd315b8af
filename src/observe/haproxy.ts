/**
 * HAProxy's runtime state, read from its admin socket (`stats socket … level admin` in
 * haproxy.cfg): `show stat` is CSV with a `# ` header line; a server row's `status` is `UP`,
 * `DOWN`, `MAINT` (disabled by hand), `DRAIN`, `NOLB`, or a transition such as `UP 1/3`
 * (https://docs.haproxy.org/2.6/management.html#9.1).
 */
import { shellQuote } from '../util/shell.js';

export const HAPROXY = {
  stat: (socket: string) => `echo 'show stat' | socat stdio ${shellQuote(`UNIX-CONNECT:${socket}`)}`,
} as const;

export interface HaproxyServerState {
  backend: string;
  server: string;
  /** `UP`, `DOWN`, `MAINT`, `DRAIN`, `NOLB`, `no check`, or a transition (`UP 1/3`, `DOWN 1/2`). */
  status: string;
}

/** Server rows of `show stat` (not the FRONTEND/BACKEND summary rows). */
export function haproxyServers(csv: string): HaproxyServerState[] {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  const header = lines.find((l) => l.startsWith('# '));
  if (!header) return [];
  const cols = header.slice(2).split(',');
  const px = cols.indexOf('pxname');
  const sv = cols.indexOf('svname');
  const st = cols.indexOf('status');
  return lines
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.split(','))
    .filter((f) => f[sv] !== 'FRONTEND' && f[sv] !== 'BACKEND')
    .map((f) => ({ backend: f[px] ?? '', server: f[sv] ?? '', status: f[st] ?? '' }));
}

/** A server that takes traffic: UP (also while a failing check counts down, `UP 1/3`) or without checks. */
export function serverUp(status: string): boolean {
  return status === 'UP' || status.startsWith('UP ') || status === 'no check';
}
