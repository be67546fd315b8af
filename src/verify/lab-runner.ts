/** Runs observation commands inside the nodes of a running lab (the lab's `exec`, not SSH). */
import { labExec } from '../lab/index.js';
import type { CommandResult, CommandRunner } from '../observe/runner.js';

export class LabRunner implements CommandRunner {
  constructor(
    private readonly lab: string,
    private readonly stateRoot?: string,
  ) {}

  async run(device: string, command: string, opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
    const r = await labExec(this.lab, device, ['sh', '-c', command], {
      timeoutMs: opts.timeoutMs ?? 15_000,
      stateRoot: this.stateRoot,
    });
    return { code: r.code, stdout: r.stdout, stderr: r.stderr };
  }
}
