/**
 * What to connect to and how; the defaults are the ones push and drift run with. Per device, the
 * settings come from, in order: the options given explicitly (the command-line flags), the
 * OpenSSH client config (`sshConfig`, per Host), the target (the inventory: mgmt address,
 * `defaults.ssh`), and the defaults below.
 */
import { existsSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { defaultKnownHostsFile, type HostKeyPolicy } from './host-key-check.js';
import { expandTokens, type HostSettings, hostSettings, type SshConfig } from './ssh-config.js';

/** A device as the SSH layer sees it: the same shape for a real device and a lab node. */
export interface SshTarget {
  /** Inventory name, used in every message (`leaf1a`). */
  device: string;
  /** Address or name to connect to (the device's mgmt address). */
  host: string;
  /** @default 22 */
  port?: number;
  /** Overrides `SshOptions.user` for this device. */
  user?: string;
}

export interface ResolvedTarget {
  device: string;
  host: string;
  port: number;
  user: string;
}

export interface SshOptions {
  /** Overrides the config's and the target's user. @default the config's User, else the target's, else 'root' */
  user?: string;
  /** Private key files, tried in order before the agent. */
  identities?: readonly string[];
  /** Agent socket; default SSH_AUTH_SOCK; `false`: do not use an agent. */
  agent?: string | false;
  /** @default ~/.ssh/known_hosts */
  knownHostsFile?: string;
  /** @default 'strict' */
  hostKeyPolicy?: HostKeyPolicy;
  /** TCP connect, and then SSH handshake plus authentication, each. @default 10000 */
  connectTimeoutMs?: number;
  /** SSH keepalive: the connection is declared lost after `interval × (countMax + 1)` of silence. @default 5000 */
  keepaliveIntervalMs?: number;
  /** @default 3 */
  keepaliveCountMax?: number;
  /** Default for `exec` (and file transfers). @default 60000 */
  commandTimeoutMs?: number;
  /** Cap on one command's stdout + stderr, and on one file read. @default 16 MiB */
  maxOutputBytes?: number;
  /** Commands/transfers running at once on one connection (OpenSSH's MaxSessions is 10). @default 8 */
  maxChannels?: number;
  /** Applied to every message and log line this layer produces (pass `redactor.redact`). */
  redact?: (text: string) => string;
  /** Debug log, one line per call (already redacted). */
  log?: (line: string) => void;
  /** Also log ssh2's protocol trace (very verbose; redacted like everything else). */
  traceProtocol?: boolean;
  /** Where SSH_AUTH_SOCK and FABRIC_SSH_KEY_PASSPHRASE are read. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** The OpenSSH client config, looked up per device (ssh-config.ts); null: none. */
  sshConfig?: SshConfig | null;
  /** Where that config came from, for messages: `FABRIC_SSH_CONFIG=…`, `~/.ssh/config`, or why there is none. */
  sshConfigSource?: string;
}

export interface ResolvedOptions {
  /** Explicit only; the user of a connection is in its ResolvedTarget. */
  user: string | undefined;
  identities: readonly string[];
  agent: string | false | undefined;
  knownHostsFile: string;
  hostKeyPolicy: HostKeyPolicy;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  commandTimeoutMs: number;
  maxOutputBytes: number;
  maxChannels: number;
  redact: (text: string) => string;
  log: (line: string) => void;
  traceProtocol: boolean;
  env: NodeJS.ProcessEnv;
  sshConfig: SshConfig | null;
  /** Where each setting of this connection came from, for messages that say what to change. */
  origin: SettingOrigins;
  /** Settings given explicitly (flags): the ssh config does not override them. */
  explicit: { knownHostsFile: boolean; hostKeyPolicy: boolean; connectTimeout: boolean };
}

export interface SettingOrigins {
  /** The ssh config in use, or why there is none. */
  sshConfig: string;
  /** Where the address and port came from: the inventory, or HostName/Port in the config. */
  address: string;
  knownHosts: string;
  identities: string;
  /** Keywords of the config for this host that fabric does not honour (ProxyJump, …). */
  ignored: string[];
  /** IdentityFile entries skipped because the file does not exist (as ssh skips them), with file:line. */
  missingIdentities: string[];
}

export const DEFAULTS = {
  user: 'root',
  hostKeyPolicy: 'strict',
  connectTimeoutMs: 10_000,
  keepaliveIntervalMs: 5_000,
  keepaliveCountMax: 3,
  commandTimeoutMs: 60_000,
  maxOutputBytes: 16 * 1024 * 1024,
  maxChannels: 8,
} as const;

export function resolveOptions(o: SshOptions): ResolvedOptions {
  const redact = o.redact ?? ((text: string) => text);
  const log = o.log;
  return {
    user: o.user,
    identities: o.identities ?? [],
    agent: o.agent,
    knownHostsFile: o.knownHostsFile ?? defaultKnownHostsFile(),
    hostKeyPolicy: o.hostKeyPolicy ?? DEFAULTS.hostKeyPolicy,
    connectTimeoutMs: o.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    keepaliveIntervalMs: o.keepaliveIntervalMs ?? DEFAULTS.keepaliveIntervalMs,
    keepaliveCountMax: o.keepaliveCountMax ?? DEFAULTS.keepaliveCountMax,
    commandTimeoutMs: o.commandTimeoutMs ?? DEFAULTS.commandTimeoutMs,
    maxOutputBytes: o.maxOutputBytes ?? DEFAULTS.maxOutputBytes,
    maxChannels: o.maxChannels ?? DEFAULTS.maxChannels,
    redact,
    // the redactor sits in front of the log, so no caller can forget it
    log: log ? (line) => log(redact(line)) : () => {},
    traceProtocol: o.traceProtocol ?? false,
    env: o.env ?? process.env,
    sshConfig: o.sshConfig ?? null,
    origin: {
      sshConfig: o.sshConfigSource ?? (o.sshConfig ? o.sshConfig.file : 'no ssh config'),
      address: "the inventory's management address",
      knownHosts: o.knownHostsFile ? 'given (--known-hosts)' : 'the default',
      identities: o.identities?.length ? 'given (--identity)' : 'none given',
      ignored: [],
      missingIdentities: [],
    },
    explicit: {
      knownHostsFile: o.knownHostsFile !== undefined,
      hostKeyPolicy: o.hostKeyPolicy !== undefined,
      connectTimeout: o.connectTimeoutMs !== undefined,
    },
  };
}

/**
 * One device's connection: the explicit options, then its ssh config Host settings (looked up
 * under its inventory name and its address), then the target (the inventory), then defaults.
 * Identity files named by the config that do not exist are skipped, as ssh does.
 */
export function resolveFor(
  t: SshTarget,
  base: ResolvedOptions,
): { target: ResolvedTarget; options: ResolvedOptions } {
  if (!base.sshConfig) {
    const target = {
      device: t.device,
      host: t.host,
      port: t.port ?? 22,
      user: base.user ?? t.user ?? DEFAULTS.user,
    };
    return { target, options: base };
  }
  const h: HostSettings = hostSettings(base.sshConfig, [t.device, t.host]);
  const port = h.port ?? t.port ?? 22;
  const user = base.user ?? h.user ?? t.user ?? DEFAULTS.user;
  const home = homedir();
  const expand = (v: string) =>
    expandTokens(v, { home, host: t.host, name: t.device, port, user, localUser: userInfo().username });
  const host = h.hostName ? expand(h.hostName) : t.host;
  const at = (keyword: string) => `${h.where.get(keyword) ?? base.sshConfig!.file}`;
  const missing: string[] = [];
  const configured = h.identityFiles.map(expand).filter((f, i) => {
    if (existsSync(f)) return true;
    missing.push(`${f} (IdentityFile at ${h.identityWhere[i]})`);
    return false;
  });
  const knownHostsFromConfig = !base.explicit.knownHostsFile && h.userKnownHostsFile !== undefined;
  const strict = h.strictHostKeyChecking;
  const options: ResolvedOptions = {
    ...base,
    identities: [...new Set([...base.identities, ...configured])],
    agent: base.agent ?? (h.identitiesOnly ? false : undefined),
    knownHostsFile: knownHostsFromConfig ? expand(h.userKnownHostsFile!) : base.knownHostsFile,
    // StrictHostKeyChecking no/off accepts new keys; a changed key is refused whatever is set
    hostKeyPolicy:
      base.explicit.hostKeyPolicy || strict === undefined
        ? base.hostKeyPolicy
        : strict === 'accept-new' || strict === 'no'
          ? 'accept-new'
          : 'strict',
    connectTimeoutMs:
      base.explicit.connectTimeout || h.connectTimeoutSeconds === undefined
        ? base.connectTimeoutMs
        : h.connectTimeoutSeconds * 1000,
    origin: {
      sshConfig: base.origin.sshConfig,
      address: [
        h.hostName ? `HostName at ${at('hostname')}` : base.origin.address,
        ...(h.port ? [`Port at ${at('port')}`] : []),
      ].join(', '),
      knownHosts: knownHostsFromConfig
        ? `UserKnownHostsFile at ${at('userknownhostsfile')}`
        : base.origin.knownHosts,
      identities: configured.length
        ? `${base.identities.length ? `${base.origin.identities}, ` : ''}IdentityFile at ${at('identityfile')}`
        : base.origin.identities,
      ignored: h.ignored,
      missingIdentities: missing,
    },
  };
  return { target: { device: t.device, host, port, user }, options };
}
