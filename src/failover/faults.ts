/**
 * Injecting and undoing faults, only inside the lab's own namespaces:
 *  - cut: the node's (or the cable's) data interfaces down, so the peers lose carrier;
 *  - silent: links up, every packet dropped by an nftables netdev table (ingress and egress of
 *    each data interface; egress also catches OVS's userspace datapath), so only BFD, VRRP and
 *    health checks can notice;
 *  - crash: SIGKILL to the PIDs in the daemon's own PID files, inside the node's PID namespace.
 * Every undo step goes to the journal before its fault is made.
 */
import { LabError, labExec } from '../lab/index.js';
import { run } from '../lab/runtime/system-command.js';
import { kernelPrefix } from '../observe/kernel-fib.js';
import type { FaultJournal, UndoStep } from './journal.js';
import { linksDownAtOnce } from './links-at-once.js';
import type { Probe } from './probe-plan.js';
import type { Scenario } from './scenarios.js';

export interface FaultContext {
  lab: string;
  /** Run id: names the nftables tables of this run. */
  run: string;
  journal: FaultJournal;
  /** Lab network namespace of a device. */
  netnsOf(device: string): string | undefined;
  /** The lab node that runs a device (src/topology/lab-nodes.ts); absent: the node of its name. */
  nodeOf?(device: string): string;
  /** Data interfaces of a device (not eth0, not lo). */
  interfacesOf(device: string): string[];
  /** The other end of a device's interface, from the model. */
  peerOf(device: string, ifname: string): { device: string; interface: string } | undefined;
}

type Ends = { device: string; netns: string; ifnames: string[] }[];

function inNetns(ctx: FaultContext, pairs: { device: string; ifnames: string[] }[]): Ends {
  return pairs.map((p) => {
    const netns = ctx.netnsOf(p.device);
    if (!netns) throw new LabError(1, [`lab ${ctx.lab} has no node ${p.device}`]);
    return { ...p, netns };
  });
}

/** silent: the target's own interfaces (or both ends of the cable). */
function silentEnds(s: Scenario, ctx: FaultContext): Ends {
  const t = s.target;
  return inNetns(
    ctx,
    t.kind === 'device'
      ? [{ device: t.device, ifnames: ctx.interfacesOf(t.device) }]
      : t.ends.map((e) => ({ device: e.device, ifnames: [e.interface] })),
  );
}

/**
 * cut: the FAR end of each cable goes admin-down, so the target sees what a cut cable gives:
 * loss of carrier, its routes kept (marked linkdown). Downing its own interfaces instead would
 * make its kernel flush every route over them, which a real cut never does (and a static
 * default route of a node without FRR would never come back). A cable: its upper end. A
 * hypervisor's ports to its own VMs are downed on its side: the VMs fail with it and must keep
 * their routes (downing the VM's end would flush them, and the VM would come back without).
 */
function cutEnds(s: Scenario, ctx: FaultContext): Ends {
  const t = s.target;
  if (t.kind === 'cable')
    return inNetns(ctx, [{ device: t.ends[1]!.device, ifnames: [t.ends[1]!.interface] }]);
  const byDevice = new Map<string, string[]>();
  for (const ifname of ctx.interfacesOf(t.device)) {
    const peer = ctx.peerOf(t.device, ifname);
    const farSide = peer && ctx.netnsOf(peer.device) && !t.fallen.includes(peer.device);
    const far = farSide ? peer : { device: t.device, interface: ifname };
    byDevice.set(far.device, [...(byDevice.get(far.device) ?? []), far.interface]);
  }
  return inNetns(
    ctx,
    [...byDevice].map(([device, ifnames]) => ({ device, ifnames })),
  );
}

function nftTable(ctx: FaultContext): string {
  return `fabric_failover_${ctx.run.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

export function silentRuleset(table: string, ifnames: string[]): string {
  const chains = ifnames.flatMap((ifname, i) => [
    `  chain in${i} { type filter hook ingress device ${JSON.stringify(ifname)} priority -500; policy drop; }`,
    `  chain out${i} { type filter hook egress device ${JSON.stringify(ifname)} priority -500; policy drop; }`,
  ]);
  return `table netdev ${table} {\n${chains.join('\n')}\n}\n`;
}

/** Injects the scenario's fault; returns a one-line description of what was done. */
export async function injectFault(s: Scenario, ctx: FaultContext): Promise<string> {
  const record = (step: UndoStep) => ctx.journal.record(ctx.run, s.id, step);
  if (s.fault === 'crash') {
    if (s.target.kind !== 'device' || !s.target.crash) throw new LabError(2, [`${s.id}: nothing to crash`]);
    const { crash, device } = s.target;
    const node = ctx.nodeOf?.(device) ?? device;
    record({ op: 'node-command', node, command: crash.restart });
    // PIDs from the daemon's own PID files, killed in the node's PID namespace (never by name);
    // the first line only: PostgreSQL's postmaster.pid goes on with its port, start time and
    // shared memory key, which are no PIDs
    const script = [
      `pids=$(head -q -n 1 ${crash.pidFiles.join(' ')} 2>/dev/null | tr -s ' \\n' ' ')`,
      '[ -n "$pids" ] || exit 3',
      'kids=$(for p in $pids; do cat /proc/$p/task/*/children 2>/dev/null; done)',
      'kill -9 $kids $pids',
      'echo $kids $pids',
    ].join('; ');
    const r = await labExec(ctx.lab, node, ['sh', '-c', script], { timeoutMs: 15_000 });
    if (r.code !== 0)
      throw new LabError(1, [
        `${s.id}: no running ${crash.daemon} in its PID files (${crash.pidFiles.join(', ')})`,
      ]);
    return `${device}: kill -9 ${crash.daemon} (PID ${r.stdout.trim()} in the node)`;
  }
  if (s.fault === 'cut') {
    const ends = cutEnds(s, ctx);
    for (const e of ends) for (const ifname of e.ifnames) record({ op: 'link-up', netns: e.netns, ifname });
    // every end at once, as a node that fails loses all its links at once (links-at-once.ts)
    await linksDownAtOnce(ends, `${s.id}: links down`);
    return ends.map((e) => `${e.device} ${e.ifnames.join(',')} down`).join('; ');
  }
  const ends = silentEnds(s, ctx);
  const table = nftTable(ctx);
  for (const e of ends) {
    record({ op: 'nft-delete', netns: e.netns, table });
    await silence(e.netns, table, e.ifnames, `${s.id}: nftables in ${e.device}`);
  }
  return ends.map((e) => `${e.device} ${e.ifnames.join(',')} drop all (nft ${table})`).join('; ');
}

/** Drops every packet of `ifnames` in a namespace (`silentRuleset`); the caller journals the undo first. */
export async function silence(netns: string, table: string, ifnames: string[], what: string): Promise<void> {
  const r = await run('nsenter', [`--net=/run/netns/${netns}`, '--', 'nft', '-f', '-'], {
    input: silentRuleset(table, ifnames),
    timeoutMs: 15_000,
  });
  if (r.code !== 0) throw new LabError(1, [`${what}: ${r.stderr.trim()}`]);
}

/**
 * Undoes one journal step; true when done (or nothing was left to undo). When the command fails,
 * the state says whether the work is done (the link up, the address or table not there, or the
 * namespace gone with all of it), not the wording of iproute2's or nft's message.
 */
export async function undoStep(lab: string, step: UndoStep): Promise<{ ok: boolean; detail: string }> {
  if (step.op === 'link-up') {
    const r = await run('ip', ['-n', step.netns, 'link', 'set', step.ifname, 'up'], { timeoutMs: 15_000 });
    const done =
      r.code === 0 ||
      (await absentOr(['ip', '-n', step.netns, '-o', 'link', 'show', 'dev', step.ifname], isUp));
    return { ok: done, detail: `${step.netns} ${step.ifname} up` };
  }
  if (step.op === 'addr-del') {
    const route = hostRoute(step.address);
    const r = await run('ip', ['-n', step.netns, 'addr', 'del', route, 'dev', 'lo'], { timeoutMs: 15_000 });
    const done =
      r.code === 0 ||
      (await absentOr(
        ['ip', '-n', step.netns, '-o', 'addr', 'show', 'dev', 'lo'],
        (out) => !holds(out, route),
      ));
    return { ok: done, detail: `${step.netns} probe address ${step.address} removed` };
  }
  if (step.op === 'nft-delete') {
    const nft = [`--net=/run/netns/${step.netns}`, '--', 'nft'];
    const r = await run('nsenter', [...nft, 'delete', 'table', 'netdev', step.table], { timeoutMs: 15_000 });
    // `nft list table` of a table that is not there fails: absent
    const done =
      r.code === 0 ||
      (await absentOr(['nsenter', ...nft, 'list', 'table', 'netdev', step.table], () => false));
    return { ok: done, detail: `${step.netns} nft table ${step.table} removed` };
  }
  try {
    // a restart waits until the daemon has booted (RabbitMQ's init script: until it rejoined), or
    // until the node's own restart of it, under way, has (src/lab/node/service)
    const r = await labExec(lab, step.node, ['sh', '-c', step.command], { timeoutMs: 120_000 });
    return { ok: r.code === 0, detail: `${step.node}: ${step.command.slice(0, 60)} (exit ${r.code})` };
  } catch (e) {
    return { ok: false, detail: `${step.node}: ${(e as Error).message}` };
  }
}

/** Undoes every journal step of this run under `key` (a scenario id), then forgets them. */
export async function undoEntry(key: string, ctx: FaultContext): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of ctx.journal.entries().filter((e) => e.run === ctx.run && e.scenario === key))
    for (const step of entry.undo) {
      const r = await undoStep(ctx.lab, step);
      if (!r.ok) problems.push(r.detail);
    }
  if (!problems.length) ctx.journal.forget(ctx.run, key);
  return problems;
}

/** `--restore`: undoes every fault the journal holds, from any run. */
export async function restoreAll(
  lab: string,
  journal: FaultJournal,
): Promise<{ undone: string[]; problems: string[] }> {
  const undone: string[] = [];
  const problems: string[] = [];
  for (const entry of journal.entries()) {
    const failed: string[] = [];
    for (const step of entry.undo) {
      const r = await undoStep(lab, step);
      (r.ok ? undone : failed).push(`${entry.scenario}: ${r.detail}`);
    }
    if (!failed.length) journal.forget(entry.run, entry.scenario);
    problems.push(...failed);
  }
  return { undone, problems };
}

/** The journal key of the probes' extra client addresses (not a fault; undone the same way). */
export const PROBE_SOURCES = 'probe-sources';

/** Adds the HTTP probes' extra client addresses to their upstreams' loopbacks (journalled). */
export async function addProbeSources(ctx: FaultContext, probes: readonly Probe[]): Promise<void> {
  for (const p of probes) {
    if (p.kind !== 'http') continue;
    const netns = ctx.netnsOf(p.device);
    if (!netns) continue;
    for (const address of p.sources.slice(p.sources.length > 1 ? 0 : 1)) {
      ctx.journal.record(ctx.run, PROBE_SOURCES, { op: 'addr-del', netns, address });
      const r = await run('ip', ['-n', netns, 'addr', 'add', hostRoute(address), 'dev', 'lo'], {
        timeoutMs: 15_000,
      });
      if (r.code !== 0 && !/File exists/.test(r.stderr))
        throw new LabError(1, [`probe address ${address} on ${p.device}: ${r.stderr.trim()}`]);
    }
  }
}

/** An address alone on its prefix: `/32`, or `/128` for IPv6 (on `lo`: no duplicate detection to wait for). */
function hostRoute(address: string): string {
  return kernelPrefix(address, address.includes(':') ? 'ipv6' : 'ipv4');
}

/**
 * Whether a read of the state says the undo's work is done: the read fails (the object or its
 * namespace is not there: nothing to undo), or `done` holds of what it printed.
 */
async function absentOr(argv: string[], done: (stdout: string) => boolean): Promise<boolean> {
  const r = await run(argv[0]!, argv.slice(1), { timeoutMs: 15_000 });
  // a read that timed out (124) or could not start (127) says nothing
  if (r.code === 124 || r.code === 127) return false;
  return r.code !== 0 || done(r.stdout);
}

/** `ip -o link show`'s flags include UP. */
const isUp = (out: string): boolean => /<[^>]*\bUP\b[^>]*>/.test(out);

/** `ip -o addr show` lists `address/prefix` (as `inet 192.0.2.1/32` or `inet6 2001:db8::1/128`). */
const holds = (out: string, route: string): boolean =>
  out.split(/\s+/).some((word) => word.toLowerCase() === route.toLowerCase());

/** Removes them again. */
export function removeProbeSources(ctx: FaultContext): Promise<string[]> {
  return undoEntry(PROBE_SOURCES, ctx);
}
