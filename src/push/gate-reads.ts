/**
 * One vtysh per device and gate round. The checks of a router read three of FRR's JSON outputs
 * (BGP summary, BFD peers, routes), each an SSH exec and a vtysh that spends ~30 ms building
 * its command tree; drift's combined read (src/daemons/frr/collect.ts) gets all three in one,
 * split apart here. What the split cannot answer (a daemon down, so vtysh stopped early) is
 * read on its own, so a check sees exactly what it would have read itself.
 */
import { FRR_COMBINED, splitFrrCombined } from '../daemons/frr/collect.js';
import type { CommandResult, CommandRunner } from '../observe/runner.js';

const COMBINED: ReadonlySet<string> = new Set(FRR_COMBINED.json);

/** A runner for ONE round of checks: its combined reads are never reused by a later round. */
export class CombinedFrrReads implements CommandRunner {
  private readonly reads = new Map<string, Promise<Map<string, CommandResult>>>();

  constructor(private readonly runner: CommandRunner) {}

  async run(device: string, command: string, opts?: { timeoutMs?: number }): Promise<CommandResult> {
    if (!COMBINED.has(command)) return this.runner.run(device, command, opts);
    let combined = this.reads.get(device);
    if (!combined) {
      combined = this.runner.run(device, FRR_COMBINED.command, opts).then(
        (r) => splitFrrCombined(r).json,
        () => new Map<string, CommandResult>(), // unreachable: the read on its own says so
      );
      this.reads.set(device, combined);
    }
    return (await combined).get(command) ?? this.runner.run(device, command, opts);
  }
}
