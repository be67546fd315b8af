/**
 * Files over SFTP. `readRemoteFile` answers null for a missing file (drift asks "is it there?"
 * often); `writeRemoteFile` sets the mode before writing a byte, so a secret never sits in a
 * file with the old, wider mode, and writes to exactly the given path (stage, then move with
 * a command, when the replacement must be atomic).
 */
import type { Client, SFTPWrapper } from 'ssh2';
import type { ErrorFactory } from './errors.js';

/** SFTP status codes (draft-ietf-secsh-filexfer-02 §7). */
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

interface SftpError extends Error {
  code?: number | string;
}

export function openSftp(client: Client, fail: ErrorFactory): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => {
    try {
      client.sftp((err, sftp) => {
        if (err)
          reject(
            fail(
              'sftp',
              `cannot start SFTP (${err.message}): enable it in sshd_config (Subsystem sftp internal-sftp)`,
            ),
          );
        else resolve(sftp);
      });
    } catch (e) {
      reject(fail('disconnected', `cannot start SFTP: ${(e as Error).message}`));
    }
  });
}

function call<T>(start: (cb: (err: SftpError | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

function why(err: SftpError, writing: boolean): string {
  if (err.code === NO_SUCH_FILE) return writing ? 'its folder does not exist' : 'it does not exist';
  if (err.code === PERMISSION_DENIED) return 'permission denied';
  return err.message;
}

export async function readRemoteFile(
  sftp: SFTPWrapper,
  path: string,
  opts: { maxBytes: number; fail: ErrorFactory },
): Promise<Buffer | null> {
  try {
    const stats = await call<{ size: number; isDirectory(): boolean }>((cb) => sftp.stat(path, cb));
    if (stats.isDirectory()) throw opts.fail('sftp', `cannot read ${path}: it is a directory`);
    if (stats.size > opts.maxBytes)
      throw opts.fail(
        'output-limit',
        `cannot read ${path}: ${stats.size} bytes is more than the ${opts.maxBytes} byte cap`,
      );
    return await call<Buffer>((cb) => sftp.readFile(path, cb));
  } catch (e) {
    const err = e as SftpError;
    if (err.name === 'SshError') throw e;
    if (err.code === NO_SUCH_FILE) return null; // also when it vanished between stat and read
    throw opts.fail('sftp', `cannot read ${path}: ${why(err, false)}`);
  }
}

export async function writeRemoteFile(
  sftp: SFTPWrapper,
  path: string,
  data: Buffer,
  opts: { mode: number; fail: ErrorFactory },
): Promise<void> {
  const mode = `0${opts.mode.toString(8)}`;
  let handle: Buffer;
  try {
    handle = await call<Buffer>((cb) => sftp.open(path, 'w', { mode: opts.mode }, cb));
  } catch (e) {
    throw opts.fail('sftp', `cannot write ${path}: ${why(e as SftpError, true)}`);
  }
  try {
    // the mode first: `open` applies it only to a new file (and through the server's umask)
    await call<void>((cb) => sftp.fchmod(handle, opts.mode, cb));
    await call<void>((cb) => sftp.write(handle, data, 0, data.length, 0, cb));
  } catch (e) {
    await call<void>((cb) => sftp.close(handle, cb)).catch(() => {});
    throw opts.fail('sftp', `cannot write ${path} (mode ${mode}): ${why(e as SftpError, true)}`);
  }
  try {
    await call<void>((cb) => sftp.close(handle, cb)); // the server may report a failed write only here
  } catch (e) {
    throw opts.fail('sftp', `cannot write ${path}: ${why(e as SftpError, true)}`);
  }
}
