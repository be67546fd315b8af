/**
 * Runs observation commands in containerlab's containers (`docker exec clab-<lab>-<node>`), for
 * users who deploy the exported topology with containerlab instead of `fabric lab up`.
 */
import { spawn } from 'node:child_process';
import type { CommandResult, CommandRunner } from './runner.js';

/** containerlab's default container name: `clab-<lab>-<node>`. */
export function containerName(lab: string, node: string, prefix = 'clab'): string {
  return prefix === '' ? node : `${prefix}-${lab}-${node}`;
}

export function dockerExecArgs(lab: string, node: string, command: string): string[] {
  return ['exec', containerName(lab, node), 'sh', '-c', command];
}

export class DockerRunner implements CommandRunner {
  constructor(
    private readonly lab: string,
    private readonly docker = 'docker',
  ) {}

  run(device: string, command: string, opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.docker, dockerExecArgs(this.lab, device, command), {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot run ${this.docker}: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 124, stdout, stderr });
      });
    });
  }
}
