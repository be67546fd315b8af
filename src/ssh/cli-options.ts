/**
 * The SSH flags, the same for every command that talks to devices (push, drift), so users learn
 * them once. `sshOptionsFromCli` turns parsed flags (and the ssh config they lead to) into
 * `SshOptions`; `sshFlagsInEffect` gives them back as arguments for the commands fabric prints.
 * Settings that stay the same belong in an OpenSSH client config (config-source.ts), not in flags.
 */
import { type Command, Option } from 'commander';
import { seconds } from '../cli/args.js';
import { shellQuote } from '../util/shell.js';
import {
  describeSource,
  findSshConfig,
  loadSshConfig,
  SETTINGS_FILE,
  SSH_CONFIG_ENV,
} from './config-source.js';
import { ACCEPT_NEW_FLAG } from './host-key-check.js';
import { PASSPHRASE_ENV } from './identity.js';
import { DEFAULTS, type SshOptions } from './options.js';

export interface SshCliOptions {
  sshConfig?: string;
  identity?: string[];
  sshUser?: string;
  knownHosts?: string;
  acceptNewHostKeys?: boolean;
  /** false with --no-ssh-agent */
  sshAgent?: boolean;
  connectTimeout?: number;
  commandTimeout?: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addSshOptions(cmd: Command): Command {
  return cmd
    .option(
      '--ssh-config <file>',
      `OpenSSH client config read per device (Host, HostName, User, Port, IdentityFile, UserKnownHostsFile, StrictHostKeyChecking, ConnectTimeout); default ${SSH_CONFIG_ENV}, else ssh_config in ${SETTINGS_FILE}, else ~/.ssh/config; 'none' for none`,
    )
    .addOption(
      new Option(
        '--identity <file>',
        `SSH private key (repeatable), tried before the config's IdentityFile; encrypted keys read ${PASSPHRASE_ENV}`,
      ).argParser(collect),
    )
    .option(
      '--ssh-user <name>',
      "user on the devices (default: the ssh config's User, else the inventory's, else root)",
    )
    .option(
      '--known-hosts <file>',
      "known_hosts file (default: the ssh config's UserKnownHostsFile, else ~/.ssh/known_hosts)",
    )
    .option(ACCEPT_NEW_FLAG, 'trust and record unknown host keys (a changed key is always refused)')
    .option('--no-ssh-agent', 'do not use ssh-agent (SSH_AUTH_SOCK)')
    .addOption(
      new Option(
        '--connect-timeout <seconds>',
        `TCP connect, then handshake + auth, each (default: the ssh config's ConnectTimeout, else ${DEFAULTS.connectTimeoutMs / 1000})`,
      ).argParser(seconds('--connect-timeout')),
    )
    .addOption(
      new Option('--command-timeout <seconds>', 'per command on a device')
        .argParser(seconds('--command-timeout'))
        .default(DEFAULTS.commandTimeoutMs / 1000),
    );
}

/** The flags as given, without reading any ssh config (see `sshOptionsFromCli`). */
export function sshFlagOptions(
  flags: SshCliOptions,
  extra: Pick<SshOptions, 'redact' | 'log' | 'env'> = {},
): SshOptions {
  return {
    ...extra,
    identities: flags.identity ?? [],
    ...(flags.sshUser ? { user: flags.sshUser } : {}),
    ...(flags.knownHosts ? { knownHostsFile: flags.knownHosts } : {}),
    ...(flags.acceptNewHostKeys ? { hostKeyPolicy: 'accept-new' as const } : {}),
    ...(flags.sshAgent === false ? { agent: false as const } : {}),
    ...(flags.connectTimeout ? { connectTimeoutMs: flags.connectTimeout * 1000 } : {}),
    ...(flags.commandTimeout ? { commandTimeoutMs: flags.commandTimeout * 1000 } : {}),
  };
}

/**
 * The flags and the ssh config they lead to (`--ssh-config`, FABRIC_SSH_CONFIG, the settings
 * file, ~/.ssh/config); `{ error }` when a named config does not exist.
 */
export function sshOptionsFromCli(
  flags: SshCliOptions,
  extra: Pick<SshOptions, 'redact' | 'log' | 'env'> = {},
  where: { cwd?: string; home?: string } = {},
): SshOptions | { error: string } {
  const source = findSshConfig(flags.sshConfig, extra.env ?? process.env, where.cwd, where.home);
  if ('error' in source) return source;
  const sshConfig = loadSshConfig(source, where.home);
  if (sshConfig) for (const p of sshConfig.problems) extra.log?.(`ssh config: ${p}`);
  return { ...sshFlagOptions(flags, extra), sshConfig, sshConfigSource: describeSource(source) };
}

/**
 * The SSH flags given on this command line, as arguments to paste into another fabric command
 * (drift's REMEDIATION lines, hints): settings from the environment or the settings file carry
 * over by themselves.
 */
export function sshFlagsInEffect(flags: SshCliOptions): string[] {
  const args: string[] = [];
  if (flags.sshConfig !== undefined) args.push('--ssh-config', flags.sshConfig);
  for (const i of flags.identity ?? []) args.push('--identity', i);
  if (flags.sshUser) args.push('--ssh-user', flags.sshUser);
  if (flags.knownHosts) args.push('--known-hosts', flags.knownHosts);
  if (flags.sshAgent === false) args.push('--no-ssh-agent');
  if (flags.connectTimeout) args.push('--connect-timeout', String(flags.connectTimeout));
  return args.map(shellQuote);
}
