/**
 * The SSH flags, the same for every command that talks to devices (push, drift), so users learn
 * them once. `sshOptionsFromCli` turns parsed flags into `SshOptions`.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ACCEPT_NEW_FLAG } from './host-key-check.js';
import { PASSPHRASE_ENV } from './identity.js';
import { DEFAULTS, type SshOptions } from './options.js';

export interface SshCliOptions {
  identity?: string[];
  sshUser?: string;
  knownHosts?: string;
  acceptNewHostKeys?: boolean;
  /** false with --no-ssh-agent */
  sshAgent?: boolean;
  connectTimeout?: number;
  commandTimeout?: number;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number of seconds');
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addSshOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--identity <file>',
        `SSH private key (repeatable); encrypted keys read ${PASSPHRASE_ENV}`,
      ).argParser(collect),
    )
    .option('--ssh-user <name>', 'user on the devices', DEFAULTS.user)
    .option('--known-hosts <file>', 'known_hosts file (default ~/.ssh/known_hosts)')
    .option(ACCEPT_NEW_FLAG, 'trust and record unknown host keys (a changed key is always refused)')
    .option('--no-ssh-agent', 'do not use ssh-agent (SSH_AUTH_SOCK)')
    .addOption(
      new Option('--connect-timeout <seconds>', 'TCP connect, then handshake + auth, each')
        .argParser(seconds)
        .default(DEFAULTS.connectTimeoutMs / 1000),
    )
    .addOption(
      new Option('--command-timeout <seconds>', 'per command on a device')
        .argParser(seconds)
        .default(DEFAULTS.commandTimeoutMs / 1000),
    );
}

export function sshOptionsFromCli(
  flags: SshCliOptions,
  extra: Pick<SshOptions, 'redact' | 'log' | 'env'> = {},
): SshOptions {
  return {
    ...extra,
    identities: flags.identity ?? [],
    ...(flags.sshUser ? { user: flags.sshUser } : {}),
    ...(flags.knownHosts ? { knownHostsFile: flags.knownHosts } : {}),
    hostKeyPolicy: flags.acceptNewHostKeys ? 'accept-new' : 'strict',
    ...(flags.sshAgent === false ? { agent: false as const } : {}),
    ...(flags.connectTimeout ? { connectTimeoutMs: flags.connectTimeout * 1000 } : {}),
    ...(flags.commandTimeout ? { commandTimeoutMs: flags.commandTimeout * 1000 } : {}),
  };
}
