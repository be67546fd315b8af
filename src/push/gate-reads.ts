/**
 * One vtysh per device and gate round. The checks of a router read three of FRR's JSON outputs
 * (BGP summary, BFD peers, routes; five on a router that checks IPv6 too), each an SSH exec and
 * a vtysh that spends ~30 ms building its command tree; drift's combined read
 * (src/daemons/frr/collect.ts) gets them all in one, split apart here. What the split cannot answer (a daemon down, so vtysh stopped early) is
 * read on its own, so a check sees exactly what it would have read itself.
 */
import { FRR_COMBINED, FRR_COMBINED6, splitFrrCombined } from '../daemons/frr/collect.js';
import type { CommandResult, CommandRunner } from '../observe/runner.js';

const COMBINED: ReadonlySet<string> = new Set(FRR_COMBINED6.json);

/** A runner for ONE round of checks: its combined reads are never reused by a later round. */
export class CombinedFrrReads implements CommandRunner {
  private readonly reads = new Map<string, Promise<Map<string, CommandResult>>>();

  /** `ipv6Devices`: the devices whose checks read IPv6 too; their vtysh reads both families. */
  constructor(
    private readonly runner: CommandRunner,
    private readonly ipv6Devices: ReadonlySet<string> = new Set(),
  ) {}

  async run(device: string, command: string, opts?: { timeoutMs?: number }): Promise<CommandResult> {
    if (!COMBINED.has(command)) return this.runner.run(device, command, opts);
    let combined = this.reads.get(device);
    if (!combined) {
      const read = this.ipv6Devices.has(device) ? FRR_COMBINED6 : FRR_COMBINED;
      combined = this.runner.run(device, read.command, opts).then(
        (r) => splitFrrCombined(r).json,
        () => new Map<string, CommandResult>(), // unreachable: the read on its own says so
      );
      this.reads.set(device, combined);
    }
    return (await combined).get(command) ?? this.runner.run(device, command, opts);
  }
}

/** The devices of these checks that check IPv6: a gate's combined reads take IPv6's there. */
export function ipv6Devices(checks: readonly { device: string; family?: 'ipv6' }[]): Set<string> {
  return new Set(checks.filter((e) => e.family === 'ipv6').map((e) => e.device));
}
