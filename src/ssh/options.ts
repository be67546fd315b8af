/** What to connect to and how; the defaults are the ones push and drift run with. */
import { defaultKnownHostsFile, type HostKeyPolicy } from './host-key-check.js';

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
  /** @default 'root' (push writes daemon configs) */
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
}

export interface ResolvedOptions {
  user: string;
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
    user: o.user ?? DEFAULTS.user,
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
  };
}

export function resolveTarget(t: SshTarget, o: ResolvedOptions): ResolvedTarget {
  return { device: t.device, host: t.host, port: t.port ?? 22, user: t.user ?? o.user };
}
