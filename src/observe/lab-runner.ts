/** Runs observation commands inside the nodes of a running lab (the lab's `exec`, not SSH). */
import { LabError, labExec, labStatus } from '../lab/index.js';
import type { CommandResult, CommandRunner } from './runner.js';

export class LabRunner implements CommandRunner {
  constructor(
    private readonly lab: string,
    private readonly stateRoot?: string,
  ) {}

  /** The lab's node names (throws LabError when there is no such lab). */
  async nodes(): Promise<string[]> {
    const status = await labStatus(this.lab, { stateRoot: this.stateRoot });
    return status.nodes.filter((n) => n.role !== 'bridge').map((n) => n.name);
  }

  async run(device: string, command: string, opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
    try {
      const r = await labExec(this.lab, device, ['sh', '-c', command], {
        timeoutMs: opts.timeoutMs ?? 15_000,
        stateRoot: this.stateRoot,
      });
      return { code: r.code, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      // the lab's message lists every node; a check's detail only needs to say which is missing
      if (e instanceof LabError && e.message.includes('has no node'))
        throw new Error(`lab ${this.lab} has no node ${device}`);
      throw e;
    }
  }
}
