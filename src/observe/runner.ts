/**
 * How observations reach a device: one interface, two transports. Verify runs commands inside
 * lab nodes; push health gates and drift run the same commands over SSH. The parsers and the
 * checks never know which.
 */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  /** Runs a shell command on a device. Rejects only when the device cannot be reached at all. */
  run(device: string, command: string, opts?: { timeoutMs?: number }): Promise<CommandResult>;
}

/** Caches command output for one observation round, so checks on one device share one read. */
export class ObservationRound {
  private readonly cache = new Map<string, Promise<CommandResult>>();

  constructor(private readonly runner: CommandRunner) {}

  read(device: string, command: string): Promise<CommandResult> {
    const key = `${device}\0${command}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.runner.run(device, command, { timeoutMs: 15_000 });
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Runs a command that changes state or must be fresh (a ping, a counter): never cached. */
  fresh(device: string, command: string, timeoutMs = 15_000): Promise<CommandResult> {
    return this.runner.run(device, command, { timeoutMs });
  }
}

/** Parses JSON command output, or says what came back instead. */
export function parseJson<T>(r: CommandResult, what: string): { value: T } | { error: string } {
  if (r.code !== 0)
    return {
      error: `${what} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`,
    };
  try {
    return { value: JSON.parse(r.stdout) as T };
  } catch {
    return { error: `${what} did not return JSON: ${r.stdout.trim().slice(0, 120)}` };
  }
}
