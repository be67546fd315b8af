/**
 * One read of a device per poll: a single SSH command that runs every read drift needs on it
 * (processes, the daemons' configurations in use, OVSDB, FRR's JSON, the runtime checks' reads)
 * and frames each output between lines carrying a per-pass random nonce, so that one round trip
 * and one shell serve a whole device. The device's CPU is what a pass costs, so the script forks
 * as little as it can: the framing and the process list are shell builtins, FRR's reads share
 * one vtysh (vtysh spends ~30 ms building its command tree each time it starts), OVSDB's two
 * tables come from one ovs-vsctl, and the tunnel checks' per-port reads are answered from them.
 * Whatever cannot be answered here is simply not prefetched: the runtime checks then run that
 * command on their own, so correctness never depends on this.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import { FRR } from '../observe/frr.js';
import { LINUX } from '../observe/linux.js';
import type { CommandResult, CommandRunner } from '../observe/runner.js';
import { TARGETS } from '../render/files.js';
import { shellQuote } from '../util/shell.js';
import { OVS_READS, type OvsReads } from './ovs.js';

/** Processes of each daemon fabric configures, by their /proc/PID/comm name. */
export function processesOf(d: DeepReadonly<Device>): { daemon: string; process: string }[] {
  const out: { daemon: string; process: string }[] = [];
  for (const daemon of d.daemons) {
    switch (daemon) {
      case 'frr':
        if ('frr' in d) {
          out.push(
            { daemon, process: 'watchfrr' },
            { daemon, process: 'zebra' },
            { daemon, process: 'staticd' },
          );
          if (d.frr.daemons.bgpd) out.push({ daemon, process: 'bgpd' });
          if (d.frr.daemons.bfdd) out.push({ daemon, process: 'bfdd' });
        }
        break;
      case 'keepalived':
        out.push({ daemon, process: 'keepalived' });
        break;
      case 'haproxy':
        out.push({ daemon, process: 'haproxy' });
        break;
      case 'ovs':
        out.push({ daemon, process: 'ovsdb-server' }, { daemon, process: 'ovs-vswitchd' });
        break;
      case 'snmpd':
        out.push({ daemon, process: 'snmpd' });
        break;
    }
  }
  return out;
}

/** FRR's reads in one vtysh: the text first, then the JSON of the daemons least likely to be down. */
export const FRR_COMBINED = {
  command:
    "vtysh -c 'show running-config' -c 'show ip route json' -c 'show bfd peers json' -c 'show bgp ipv4 unicast summary json'",
  json: [FRR.routes, FRR.bfdPeers, FRR.bgpSummary] as const,
};

/** `PID comm` of every process, with shell builtins only (no fork). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
const PROCESSES = 'for p in /proc/[0-9]*; do read -r c <"$p/comm" 2>/dev/null && echo "${p#/proc/} $c"; done';

/**
 * Prints `<path>\n<content>` of the file a running daemon was started with (`FLAG path`), else
 * `fallback`. The daemon's command line is read from /proc (one `tr`), the file with one `cat`.
 */
function fileInUse(process: string, flag: string, fallback: string, longFlag?: string): string {
  const short = shellQuote(` ${flag} `);
  const long = longFlag ? shellQuote(` ${longFlag}=`) : null;
  return [
    `f=${shellQuote(fallback)}; a=`,
    `for p in /proc/[0-9]*; do read -r c <"$p/comm" 2>/dev/null || continue; [ "$c" = ${shellQuote(process)} ] || continue; a=" $(tr '\\0' ' ' <"$p/cmdline") "; break; done`,
    `case "$a" in *${short}*) f=\${a#*${short}}; f=\${f%% *} ;;${long ? ` *${long}*) f=\${a#*${long}}; f=\${f%% *} ;;` : ''} esac`,
    'echo "$f"; cat "$f"',
  ].join('\n');
}

export interface CollectPlan {
  /** name → shell command */
  reads: Map<string, string>;
  /** Commands the runtime checks run that this plan answers. */
  prefetch: string[];
}

/** What to read on a device: its daemons' state and files, and the commands its runtime checks will ask for. */
export function collectPlan(d: DeepReadonly<Device>, runtimeCommands: readonly string[]): CollectPlan {
  const reads = new Map<string, string>();
  if (processesOf(d).length) reads.set('procs', PROCESSES);
  if (d.daemons.includes('frr')) reads.set('frr', FRR_COMBINED.command);
  if (d.daemons.includes('keepalived'))
    reads.set('keepalived.conf', fileInUse('keepalived', '-f', TARGETS.keepalived, '--use-file'));
  if (d.daemons.includes('haproxy')) reads.set('haproxy.cfg', fileInUse('haproxy', '-f', TARGETS.haproxy));
  if (d.daemons.includes('snmpd')) reads.set('snmpd.conf', fileInUse('snmpd', '-c', TARGETS.snmpd));
  const ovs = d.daemons.includes('ovs');
  if (ovs) for (const [k, cmd] of Object.entries(OVS_READS)) reads.set(`ovs.${k}`, cmd);
  const frrJson = new Set<string>(FRR_COMBINED.json);
  const ovsPorts = 'ovs' in d ? new Set(d.ovs.vxlanPorts.map((p) => p.name)) : new Set<string>();
  const fromOvs = new Set([...ovsPorts].flatMap((p) => [LINUX.ovsPort(p), LINUX.flood(p)]));
  const prefetch: string[] = [];
  for (const c of new Set(runtimeCommands)) {
    if (frrJson.has(c)) {
      if (reads.has('frr')) prefetch.push(c);
    } else if (fromOvs.has(c)) {
      if (ovs) prefetch.push(c);
    } else {
      reads.set(c, c);
      prefetch.push(c);
    }
  }
  return { reads, prefetch };
}

/**
 * The one shell script that runs a plan. Each read is framed as
 * `N begin NAME` stdout `\nN stderr NAME RC` stderr `\nN end NAME` (N the nonce, NAME in base64).
 */
export function collectScript(plan: CollectPlan, nonce: string): string {
  const lines = [
    't=$(mktemp) || exit 97',
    `trap 'rm -f "$t"' EXIT`,
    'r() {',
    `  printf '%s begin %s\\n' ${nonce} "$1"`,
    `  ( eval "$2" ) 2>"$t" </dev/null; rc=$?`,
    `  printf '\\n%s stderr %s %s\\n' ${nonce} "$1" "$rc"`,
    `  if [ -s "$t" ]; then cat "$t"; fi`,
    `  printf '\\n%s end %s\\n' ${nonce} "$1"`,
    '}',
  ];
  for (const [name, cmd] of plan.reads)
    lines.push(`r ${Buffer.from(name).toString('base64')} ${shellQuote(cmd)}`);
  return lines.join('\n');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The framed outputs of a collect script, by read name. */
export function parseCollected(stdout: string, nonce: string): Map<string, CommandResult> {
  const out = new Map<string, CommandResult>();
  const n = escapeRegExp(nonce);
  const frame = new RegExp(
    `^${n} begin (\\S+)\\n([\\s\\S]*?)\\n${n} stderr \\1 (\\d+)\\n([\\s\\S]*?)\\n${n} end \\1$`,
    'gm',
  );
  for (const m of stdout.matchAll(frame))
    out.set(Buffer.from(m[1]!, 'base64').toString('utf8'), {
      code: Number(m[3]),
      stdout: m[2]!,
      stderr: m[4]!,
    });
  return out;
}

/** The end of the JSON value that starts at `i` (an object or array), or -1. */
function jsonEnd(text: string, i: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * Splits the combined vtysh output: the running configuration (through its `end` line), then
 * one JSON value per command. vtysh stops at the first command whose daemon is down, so fewer
 * values may follow; each is accepted only if it has its command's shape (routes: an object;
 * BFD peers: an array; BGP summary: an object).
 */
export function splitFrrCombined(r: CommandResult): {
  running: string | null;
  json: Map<string, CommandResult>;
} {
  const json = new Map<string, CommandResult>();
  const text = r.stdout;
  const end = /^end$/m.exec(text);
  if (!text.includes('Current configuration:') || !end) return { running: null, json };
  const running = text.slice(0, end.index + 3);
  let rest = text.slice(end.index + 3);
  for (const command of FRR_COMBINED.json) {
    const start = rest.search(/\S/);
    if (start < 0) break;
    const stop = jsonEnd(rest, start);
    if (stop < 0) break;
    const value = rest.slice(start, stop);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      break;
    }
    const isArray = Array.isArray(parsed);
    const shapeOk =
      command === FRR.bfdPeers ? isArray : !isArray && typeof parsed === 'object' && parsed !== null;
    if (!shapeOk) break;
    json.set(command, { code: 0, stdout: value, stderr: '' });
    rest = rest.slice(stop);
  }
  return { running, json };
}

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

/** A runner that answers prefetched commands from a device's collect and runs the rest. */
export class PrefetchRunner implements CommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly prefetched: ReadonlyMap<string, ReadonlyMap<string, CommandResult>>,
  ) {}

  run(device: string, command: string, opts?: { timeoutMs?: number }): Promise<CommandResult> {
    const hit = this.prefetched.get(device)?.get(command);
    return hit ? Promise.resolve(hit) : this.runner.run(device, command, opts);
  }
}
