/** Runs observation commands on devices over SSH: what push gates and drift use. */
import type { DeepReadonly } from '../model/freeze.js';
import type { Device } from '../model/types.js';
import type { SessionPool, SshTarget } from '../ssh/index.js';
import type { CommandResult, CommandRunner } from './runner.js';

/** The SSH target of a device: its management address and the inventory's SSH settings. */
export function sshTarget(d: DeepReadonly<Device>): SshTarget {
  return { device: d.name, host: d.mgmt.address, port: d.mgmt.ssh.port, user: d.mgmt.ssh.user };
}

export class SshRunner implements CommandRunner {
  private readonly targets: Map<string, SshTarget>;

  constructor(
    private readonly pool: SessionPool,
    devices: readonly DeepReadonly<Device>[],
  ) {
    this.targets = new Map(devices.map((d) => [d.name, sshTarget(d)]));
  }

  async run(device: string, command: string, opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
    const target = this.targets.get(device);
    if (!target) throw new Error(`no device ${device}`);
    // reads only: safe to repeat once on a fresh connection
    const r = await this.pool.use(target, (s) => s.exec(command, { timeoutMs: opts.timeoutMs }), {
      retryIfDisconnected: true,
    });
    return { code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
}
