/**
 * Reading /proc: which processes belong to a lab. A PID alone is not proof (PIDs are reused),
 * so a node's PID 1 is recorded with its start time and PID-namespace inode, and a process
 * belongs to a lab when it sits in one of the lab's network namespaces.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';

export interface ProcIdentity {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. */
  startTime: string;
  /** e.g. `pid:[4026532291]` */
  pidNs: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function nsOf(pid: number, ns: 'net' | 'pid' | 'mnt'): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/${ns}`);
  } catch {
    return undefined;
  }
}

function startTimeOf(pid: number): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // the command name (field 2) may contain spaces and ')'; fields after the last ')' are safe
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export function identityOf(pid: number): ProcIdentity | undefined {
  const startTime = startTimeOf(pid);
  const pidNs = nsOf(pid, 'pid');
  return startTime && pidNs ? { pid, startTime, pidNs } : undefined;
}

/** True when the recorded process still runs (same PID, start time and PID namespace). */
export function isAlive(id: ProcIdentity | undefined): boolean {
  if (!id) return false;
  const now = identityOf(id.pid);
  return now?.startTime === id.startTime && now.pidNs === id.pidNs;
}

/** `net:[inode]` of a named network namespace (`ip netns add`), as /proc/<pid>/ns/net shows it. */
export function netnsId(name: string): string | undefined {
  try {
    return `net:[${statSync(`/run/netns/${name}`).ino}]`;
  } catch {
    return undefined;
  }
}

export function childrenOf(pid: number): number[] {
  const text = read(`/proc/${pid}/task/${pid}/children`) ?? '';
  return text.split(/\s+/).filter(Boolean).map(Number);
}

export interface ProcInfo {
  pid: number;
  comm: string;
  /** argv joined by spaces */
  cmdline: string;
  netNs: string | undefined;
  pidNs: string | undefined;
}

/** Every process on the machine with its namespaces (one pass over /proc). */
export function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const comm = read(`/proc/${pid}/comm`);
    if (comm === undefined) continue;
    out.push({
      pid,
      comm: comm.trim(),
      cmdline: (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' '),
      netNs: nsOf(pid, 'net'),
      pidNs: nsOf(pid, 'pid'),
    });
  }
  return out;
}
