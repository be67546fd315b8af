/**
 * Runs observation commands inside the nodes of a running lab (the lab's `exec`, not SSH). With
 * a site, a device's node is looked up by the nodes' labels (src/topology/lab-nodes.ts), so the
 * same checks run on a site's lab and on a lab of several sites (`aa-a-edge1` for aa-a's edge1).
 */
import { LabError, labExec, labNodes, labStatus } from '../lab/index.js';
import { devicesWithNodes, type LabeledNode, nodeOfDevice, sitesOfLab } from '../topology/lab-nodes.js';
import type { CommandResult, CommandRunner } from './runner.js';

export class LabRunner implements CommandRunner {
  private labeled: Promise<LabeledNode[]> | undefined;

  constructor(
    private readonly lab: string,
    private readonly stateRoot?: string,
    /** The site whose devices the commands name; without it a device is the node of its name. */
    private readonly site?: string,
  ) {}

  /** The names of the devices that have a node (throws LabError when there is no such lab). */
  async nodes(): Promise<string[]> {
    if (this.site !== undefined) return devicesWithNodes(await this.labelled(), this.site);
    const status = await labStatus(this.lab, { stateRoot: this.stateRoot });
    return status.nodes.filter((n) => n.role !== 'bridge').map((n) => n.name);
  }

  /** The sites whose devices the lab runs, sorted (one for a site's own lab; none for an unlabelled one). */
  async sites(): Promise<string[]> {
    return sitesOfLab(await this.labelled());
  }

  /** The node that runs a device. */
  async nodeOf(device: string): Promise<string> {
    if (this.site === undefined) return device;
    return nodeOfDevice(await this.labelled(), this.site, device);
  }

  private labelled(): Promise<LabeledNode[]> {
    this.labeled ??= labNodes(this.lab, { stateRoot: this.stateRoot });
    return this.labeled;
  }

  async run(device: string, command: string, opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
    try {
      const r = await labExec(this.lab, await this.nodeOf(device), ['sh', '-c', command], {
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
