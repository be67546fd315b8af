/**
 * Network namespaces and processes a test creates, all named with a per-run prefix and removed
 * in cleanup() by name and PID, even when the test failed. Nothing else on the machine is touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export class TestNetns {
  readonly prefix: string;
  private readonly namespaces: string[] = [];
  private readonly pidFiles: string[] = [];

  constructor(tag: string) {
    // short: interface names in the root namespace must stay under 16 characters
    this.prefix = `ft${tag}${process.pid % 10000}`;
  }

  add(name: string): string {
    const ns = `${this.prefix}-${name}`;
    execFileSync('ip', ['netns', 'add', ns]);
    this.namespaces.push(ns);
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    return ns;
  }

  /** Remember a pidfile of a daemon started inside one of our namespaces. */
  ownsPidFile(path: string): void {
    this.pidFiles.push(path);
  }

  exec(ns: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
    const r = spawnSync('ip', ['netns', 'exec', ns, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  }

  cleanup(): void {
    for (const file of this.pidFiles.splice(0)) {
      if (!existsSync(file)) continue;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 1) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    for (const ns of this.namespaces.splice(0).reverse()) spawnSync('ip', ['netns', 'del', ns]);
  }
}
