/**
 * Text for people about a lab: the status table, and a progress display that redraws one line on
 * a terminal and prints one line per finished phase otherwise (CI logs).
 */
import type { LabChanges } from '../lab/plan/plan-diff.js';
import type { LabEvent, LabPhase } from '../lab/runtime/events.js';
import type { LabStatus } from '../lab/runtime/status.js';

export function formatStatus(status: LabStatus): string {
  const rows = status.nodes.map((n) => [
    n.name,
    n.role === 'bridge' ? 'bridge' : !n.running ? 'stopped' : n.problems.length ? 'degraded' : 'running',
    n.mgmtIpv4 || '-',
    n.pid === null ? '-' : String(n.pid),
    n.daemons
      .map((d) => (d.up ? d.name : `${d.name}(${d.unconfigured ? 'unconfigured' : 'down'})`))
      .join(',') || '-',
  ]);
  const header = ['NODE', 'STATE', 'MGMT IPV4', 'PID', 'DAEMONS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [`lab ${status.lab}: ${status.state}`, line(header), ...rows.map(line)];
  if (status.changes) out.push(formatChanges(status.changes));
  for (const n of status.nodes) for (const p of n.problems) out.push(`${n.name}: ${p}`);
  for (const n of status.nodes) {
    for (const d of n.daemons)
      if (d.up && d.detail.startsWith('not running')) out.push(`${n.name}: ${d.name} ${d.detail}`);
  }
  if (status.state !== 'stopped')
    out.push(`ssh: ssh -F ${status.labDir}/ssh_config <node>   (key ${status.sshKey})`);
  return `${out.join('\n')}\n`;
}

/** What `lab up` changed in a running lab, in one line. */
export function formatChanges(c: LabChanges): string {
  const names = (list: string[]) => (list.length ? `: ${list.join(', ')}` : '');
  if (!c.added.length && !c.removed.length && !c.restarted.length && !c.linksAdded && !c.linksRemoved)
    return `changed: nothing (the running lab already is this topology; ${c.kept} nodes kept running)`;
  return [
    `changed: ${c.added.length} node(s) added${names(c.added)}`,
    `${c.removed.length} removed${names(c.removed)}`,
    `${c.restarted.length} restarted${names(c.restarted)}`,
    `${c.replugged.length} replugged${names(c.replugged)}`,
    `${c.linksAdded} link(s) added, ${c.linksRemoved} removed`,
    `${c.kept} node(s) kept running`,
  ].join('; ');
}

const LABELS: Record<LabPhase, string> = {
  check: 'checking topology and machine',
  'cleanup-stale': 'removing a stale earlier run',
  network: 'namespaces and links',
  provision: 'provisioning nodes',
  boot: 'launching nodes',
  init: 'nodes booting',
  exec: 'running exec commands',
  destroy: 'removing lab',
};

export class ProgressDisplay {
  private readonly started = Date.now();
  private readonly finished = new Set<LabPhase>();
  private drawn = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  readonly onProgress = (e: LabEvent): void => {
    if (this.finished.has(e.phase) || e.total === 0) return;
    const text = `${LABELS[e.phase]} ${e.done}/${e.total}`;
    if (e.done >= e.total) {
      this.finished.add(e.phase);
      this.clear();
      this.out.write(`  ${text}  ${this.elapsed()}\n`);
    } else if (this.out.isTTY) {
      this.clear();
      this.out.write(`  ${text}${e.node ? ` (${e.node})` : ''}`);
      this.drawn = true;
    }
  };

  private clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  private elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)}s`;
  }
}

/** `lab up --wait` on timeout: what still fails (the first 20), and how to see the rest. */
export function formatNotConverged(lab: string, site: string, seconds: number, down: string[]): string {
  const shown = down.slice(0, 20);
  return (
    [
      `lab ${lab}: not converged after ${seconds} s; ${down.length} check(s) still fail:`,
      ...shown.map((l) => `  ${l}`),
      ...(down.length > shown.length
        ? [`  … and ${down.length - shown.length} more: fabric verify --site ${site} --lab ${lab}`]
        : []),
    ].join('\n') + '\n'
  );
}

/**
 * The one step that makes `fabric push` and `fabric drift` reach the lab with no SSH flags: the
 * lab's OpenSSH client config (a Host entry per node: address, user, key, known_hosts).
 */
export function formatSshSetup(status: LabStatus, sites: string | readonly string[]): string {
  const list = typeof sites === 'string' ? [sites] : sites;
  const each = (site: string) => `fabric push --site ${site} --yes; fabric drift --site ${site}`;
  return [
    '',
    `To push to and watch this lab with no SSH flags, point fabric at its SSH config:`,
    `  export FABRIC_SSH_CONFIG=${status.sshConfig}`,
    // a lab of several sites: each site's devices keep their management addresses, which SSH uses
    list.length === 1 ? `then: ${each(list[0]!)}` : `then, for each site: ${list.map(each).join('; ')}`,
    `(or put "ssh_config: ${status.sshConfig}" in .fabric/config.yaml)`,
    '',
  ].join('\n');
}
