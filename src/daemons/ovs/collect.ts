/**
 * OVS's reads in drift's collect: OVSDB's two tables from one ovs-vsctl, the kernel's VXLAN
 * devices and their flood lists; the tunnel checks' per-port reads are answered from them.
 */
import { LINUX } from '../../observe/linux.js';
import type { CommandResult } from '../../observe/runner.js';
import type { OvsReads } from './drift.js';

/** The OVS reads of a collect, split into what ovs.ts parses. */
export function ovsReadsOf(reads: ReadonlyMap<string, CommandResult>): OvsReads | { error: string } {
  const tables = reads.get('ovs.tables');
  const vxlan = reads.get('ovs.vxlan');
  const flood = reads.get('ovs.flood');
  for (const [name, r] of [
    ['ovs-vsctl', tables],
    ['ip link', vxlan],
    ['bridge fdb', flood],
  ] as const)
    if (r?.code !== 0)
      return { error: `${name}: ${(r?.stderr || r?.stdout || 'not read').trim().split('\n')[0]}` };
  const [bridges, ports] = tables!.stdout.split('\n').filter((l) => l.trim() !== '');
  if (!bridges || !ports) return { error: 'ovs-vsctl: expected the Bridge and Port tables' };
  return { bridges, ports, vxlan: vxlan!.stdout, flood: flood!.stdout };
}

/**
 * The tunnel checks' reads (LINUX.ovsPort, LINUX.flood) answered from the OVS reads: the same
 * JSON, and the same errors when the port or device does not exist.
 */
export function ovsAnswers(ovs: OvsReads, commands: readonly string[]): Map<string, CommandResult> {
  const out = new Map<string, CommandResult>();
  const ports = JSON.parse(ovs.ports) as { headings: string[]; data: unknown[][] };
  const cols = ['name', 'tag', 'external_ids'].map((c) => ports.headings.indexOf(c));
  const flood = new Map<string, string>();
  for (const line of ovs.flood.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) flood.set(line.slice(0, tab), line.slice(tab + 1));
  }
  for (const c of commands) {
    const port = /^ovs-vsctl .* list port (\S+)$/.exec(c)?.[1];
    if (port !== undefined && c === LINUX.ovsPort(port)) {
      const rows = ports.data.filter((r) => r[cols[0]!] === port).map((r) => cols.map((i) => r[i]));
      out.set(
        c,
        rows.length
          ? {
              code: 0,
              stdout: `${JSON.stringify({ data: rows, headings: ['name', 'tag', 'external_ids'] })}\n`,
              stderr: '',
            }
          : { code: 1, stdout: '', stderr: `ovs-vsctl: no row "${port}" in table Port\n` },
      );
      continue;
    }
    const dev = /^bridge -j fdb show dev (\S+)$/.exec(c)?.[1];
    if (dev !== undefined && c === LINUX.flood(dev)) {
      const json = flood.get(dev);
      out.set(
        c,
        json !== undefined
          ? { code: 0, stdout: `${json}\n`, stderr: '' }
          : { code: 255, stdout: '', stderr: `Cannot find device "${dev}"\n` },
      );
    }
  }
  return out;
}
