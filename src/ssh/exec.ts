/**
 * One command on an `exec` channel: stdin sent and closed (so a command that reads stdin sees
 * EOF instead of hanging), stdout and stderr collected as bytes up to a cap, exit status or
 * signal reported. Timeouts and connection loss are handled by the guard around it.
 */
import type { Client, ClientChannel } from 'ssh2';
import type { ErrorFactory } from './errors.js';

export interface ExecResult {
  /** Exit status; null when the command was killed by a signal (or the server sent none). */
  code: number | null;
  /** `SIGKILL`, … when the command died of a signal. */
  signal?: string;
  /** stdout decoded as UTF-8 (see `stdoutBuffer` for the exact bytes). */
  stdout: string;
  stderr: string;
  /** stdout as received, byte for byte. */
  stdoutBuffer: Buffer;
}

export interface RunningCommand {
  result: Promise<ExecResult>;
  /** Ask the server to kill the command (SIGKILL, where it honours that) and close the channel. */
  abort(): void;
}

/** Shortens a command for messages; the redactor is applied by the error factory and the log. */
export function commandLabel(command: string): string {
  const oneLine = command.replace(/\s*\n\s*/g, ' ⏎ ');
  return `\`${oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine}\``;
}

/** The parts of ssh2's channel that `signal()` uses; see sendKillSignal. */
interface ChannelInternals {
  outgoing?: { id: number; state: string };
  _client?: { _protocol?: { signal(id: number, name: string): void } };
}

/**
 * Asks the server to SIGKILL the command's process group. OpenSSH ≥ 7.9 honours it, except in
 * root sessions ("session signalling requires privilege separation"); servers that ignore it
 * leave the command running after we close the channel. ssh2's `channel.signal()` sends
 * nothing once stdin is closed (channel state 'eof'), which we always do, so the request is
 * sent the way `signal()` itself sends it.
 */
function sendKillSignal(ch: ClientChannel): void {
  const internals = ch as unknown as ChannelInternals;
  try {
    const state = internals.outgoing?.state;
    // 'eof': we sent EOF on stdin, the channel is still open
    if (state === 'open' || state === 'eof')
      internals._client?._protocol?.signal(internals.outgoing!.id, 'KILL');
  } catch {
    // the connection is already gone
  }
}

export function startCommand(
  client: Client,
  command: string,
  opts: { stdin?: string | Buffer; maxOutputBytes: number; fail: ErrorFactory },
): RunningCommand {
  let channel: ClientChannel | undefined;
  let aborted = false;
  const kill = (ch: ClientChannel) => {
    sendKillSignal(ch);
    try {
      ch.close();
    } catch {
      // channel already gone
    }
  };
  const result = new Promise<ExecResult>((resolve, reject) => {
    const open = () =>
      client.exec(command, (err, ch) => {
        if (err) {
          reject(opts.fail('protocol', `cannot start ${commandLabel(command)}: ${err.message}`));
          return;
        }
        channel = ch;
        if (aborted) {
          kill(ch);
          return;
        }
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        let size = 0;
        let overflow = false;
        const collect = (into: Buffer[]) => (chunk: Buffer) => {
          if (overflow) return;
          size += chunk.length;
          if (size > opts.maxOutputBytes) {
            overflow = true;
            kill(ch);
            reject(
              opts.fail(
                'output-limit',
                `${commandLabel(command)} printed more than ${opts.maxOutputBytes} bytes; it was stopped (write big output to a file and read it with readFile)`,
              ),
            );
            return;
          }
          into.push(chunk);
        };
        ch.on('data', collect(stdout));
        ch.stderr.on('data', collect(stderr));
        let exit: { code: number | null; signal?: string } = { code: null };
        ch.on('exit', (code: number | null, signal?: string) => {
          exit = signal ? { code: null, signal } : { code };
        });
        // 'close' follows the end of stdout; stderr may end a moment later
        let pending = 2;
        const oneClosed = () => {
          if (--pending > 0 || overflow) return;
          const stdoutBuffer = Buffer.concat(stdout);
          resolve({
            ...exit,
            stdout: stdoutBuffer.toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
            stdoutBuffer,
          });
        };
        ch.on('close', oneClosed);
        ch.stderr.on('close', oneClosed);
        ch.end(opts.stdin);
      });
    try {
      open();
    } catch (e) {
      reject(opts.fail('disconnected', `cannot start ${commandLabel(command)}: ${(e as Error).message}`));
    }
  });
  return {
    result,
    abort: () => {
      aborted = true;
      if (channel) kill(channel);
    },
  };
}
