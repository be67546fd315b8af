/**
 * SSH keys: the lab's key pair (in the lab folder, made once and reused, so a user's
 * ~/.ssh/config entry keeps working across runs) and each node's ED25519 host key, made at
 * provisioning so that known_hosts is written before the node boots. Only ED25519: it takes
 * milliseconds, RSA (`ssh-keygen -A`) takes most of a node's boot time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from './system-command.js';

export const LAB_KEY = 'id_ed25519';

/** The lab's key pair in `labDir`; returns the public key line. */
export async function ensureLabKey(labDir: string, lab: string): Promise<string> {
  mkdirSync(labDir, { recursive: true });
  const key = join(labDir, LAB_KEY);
  if (!existsSync(key) || !existsSync(`${key}.pub`)) {
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `fabric-lab-${lab}`, '-f', key], {
      input: 'y\n',
    });
  }
  return readFileSync(`${key}.pub`, 'utf8').trim();
}

/** Writes `<sshDir>/ssh_host_ed25519_key{,.pub}`; returns the public key (`ssh-ed25519 AAAA…`). */
export async function makeHostKey(sshDir: string, hostname: string): Promise<string> {
  const key = join(sshDir, 'ssh_host_ed25519_key');
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `root@${hostname}`, '-f', key], {
    input: 'y\n',
  });
  const [type, blob] = readFileSync(`${key}.pub`, 'utf8').trim().split(/\s+/);
  return `${type} ${blob}`;
}
