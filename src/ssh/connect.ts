/**
 * Opens an authenticated SSH connection: TCP connect (own timer, so "unreachable" is told apart
 * from a slow handshake), host key check against known_hosts, then public key authentication
 * with the identity files and the agent. Password and keyboard-interactive are never offered,
 * so nothing can prompt or hang in CI.
 */
import { type Socket, connect as tcpConnect } from 'node:net';
import ssh2, {
  type AnyAuthMethod,
  type AuthenticationType,
  type Client,
  type ConnectConfig,
  type NextAuthHandler,
} from 'ssh2';
import { type ErrorFactory, errorFactory, type SshError } from './errors.js';
import { type ConnectPhase, connectFailure, type Ssh2ErrorLike, socketFailure } from './failures.js';
import { blobKeyType, describeKey, fingerprintSha256, keyTypeLabel } from './fingerprint.js';
import { readKnownHosts, verifyHostKey } from './host-key-check.js';
import { agentSocket, type Identity, loadIdentities } from './identity.js';
import { lookupName, preferredHostKeyAlgorithms } from './known-hosts.js';
import type { ResolvedOptions, ResolvedTarget } from './options.js';

export interface HostKeyInfo {
  /** ED25519, ECDSA, RSA */
  type: string;
  fingerprint: string;
  /** True when accept-new added it to known_hosts on this connection: worth telling the user. */
  added: boolean;
}

export interface Connection {
  client: Client;
  /** The TCP socket under `client`: ssh2's destroy() skips a socket that is already ending. */
  socket: Socket;
  hostKey: HostKeyInfo;
}

/** What to check when a device cannot be reached: where its address came from, and what fabric ignored. */
function addressHint(o: ResolvedOptions): string {
  const ignored = o.origin.ignored.length
    ? `; the ssh config sets ${o.origin.ignored.join(', ')} for it, which fabric does not use: fabric connects directly`
    : '';
  return ` (address from ${o.origin.address}${ignored})`;
}

export async function connect(target: ResolvedTarget, o: ResolvedOptions): Promise<Connection> {
  const plain = errorFactory(target, o.redact);
  const fail: ErrorFactory = (kind, message) =>
    plain(kind, kind === 'unreachable' ? `${message}${addressHint(o)}` : message);
  const loaded = loadIdentities(o.identities, o.env);
  if ('error' in loaded) throw fail('identity', loaded.error);
  const agent = agentSocket(o.agent, o.env);
  const missing = o.origin.missingIdentities.length
    ? `; does not exist: ${o.origin.missingIdentities.join(', ')}`
    : '';
  if (loaded.identities.length === 0 && !agent)
    throw fail(
      'identity',
      `no SSH key to offer (${o.agent === false ? 'the agent is off' : 'SSH_AUTH_SOCK is not set'}${missing}; ssh config: ${o.origin.sshConfig}): ` +
        'set IdentityFile for this host in the ssh config, pass --identity FILE, or run ssh-agent',
    );
  const known = readKnownHosts(o.knownHostsFile);
  if ('error' in known) throw fail('host-key-unknown', known.error);

  const started = Date.now();
  const socket = await openSocket(target, o.connectTimeoutMs, fail);
  o.log(`${target.device}: TCP connected to ${target.host}:${target.port}`);
  const conn = await handshake(socket, target, o, {
    fail,
    identities: loaded.identities,
    agent,
    algorithms: preferredHostKeyAlgorithms(known.entries, lookupName(target.host, target.port)),
  });
  o.log(`${target.device}: authenticated as ${target.user} in ${Date.now() - started}ms`);
  return conn;
}

function openSocket(target: ResolvedTarget, timeoutMs: number, fail: ErrorFactory): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: target.host, port: target.port });
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      const f = socketFailure(e.code, timeoutMs);
      reject(fail(f.kind, f.message));
    });
  });
}

interface Credentials {
  fail: ErrorFactory;
  identities: Identity[];
  agent: string | undefined;
  algorithms: ReturnType<typeof preferredHostKeyAlgorithms>;
}

function handshake(
  socket: Socket,
  target: ResolvedTarget,
  o: ResolvedOptions,
  c: Credentials,
): Promise<Connection> {
  const client = new ssh2.Client();
  let phase: ConnectPhase = 'handshake';
  let hostKey: HostKeyInfo | undefined;
  let refusal: SshError | undefined;
  let agentProblem: string | undefined;
  let serverMethods: AuthenticationType[] | undefined;

  const attempts: AnyAuthMethod[] = [
    ...c.identities.map((id): AnyAuthMethod => ({ type: 'publickey', username: target.user, key: id.key })),
    ...(c.agent ? [{ type: 'agent', username: target.user, agent: c.agent } as AnyAuthMethod] : []),
  ];
  const authHandler = (
    methodsLeft: AuthenticationType[] | null,
    _partial: boolean | null,
    next: NextAuthHandler,
  ) => {
    if (methodsLeft) serverMethods = methodsLeft;
    const nextAttempt = methodsLeft && !methodsLeft.includes('publickey') ? undefined : attempts.shift();
    // ssh2 takes `false` for "nothing left to try"; its types do not say so
    next(nextAttempt ?? (false as unknown as AuthenticationType));
  };

  const hostVerifier = (presented: Buffer): boolean => {
    const verdict = verifyHostKey({
      file: o.knownHostsFile,
      host: target.host,
      port: target.port,
      presented,
      policy: o.hostKeyPolicy,
      origin: { knownHosts: o.origin.knownHosts, sshConfig: o.origin.sshConfig },
    });
    hostKey = {
      type: keyTypeLabel(blobKeyType(presented) ?? 'unknown'),
      fingerprint: fingerprintSha256(presented),
      added: verdict.accepted && verdict.added,
    };
    if (!verdict.accepted) {
      refusal = c.fail(verdict.kind, verdict.message);
      return false;
    }
    if (verdict.added)
      o.log(`${target.device}: added host key ${describeKey(presented)} to ${o.knownHostsFile}`);
    return true;
  };

  const authFailure = (): string => {
    if (serverMethods && !serverMethods.includes('publickey'))
      return `the server does not accept public keys (it offers: ${serverMethods.join(', ') || 'nothing'}); fabric only uses keys`;
    const tried = [
      ...c.identities.map((id) => id.file),
      ...(c.agent ? [`the agent at ${c.agent}${agentProblem ? ` (unusable: ${agentProblem})` : ''}`] : []),
    ];
    return (
      `authentication as ${target.user} failed with ${tried.join(', ') || 'no key'} (keys: ${o.origin.identities}${o.origin.missingIdentities.length ? `; does not exist: ${o.origin.missingIdentities.join(', ')}` : ''}; ssh config: ${o.origin.sshConfig}); ` +
      `add the public key to ${target.user}'s authorized_keys on the device, or name the right key ` +
      '(IdentityFile for this host in the ssh config, or --identity FILE) and user (User, or --ssh-user)'
    );
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: SshError | undefined) => {
      if (settled) return;
      settled = true;
      if (error) {
        client.destroy();
        socket.destroy();
        reject(error);
      } else resolve({ client, socket, hostKey: hostKey! });
    };
    client.on('handshake', () => {
      phase = 'auth';
    });
    client.on('ready', () => settle(undefined));
    // stays attached for the connection's life: after `ready` it ignores errors, which the session handles
    client.on('error', (err: Ssh2ErrorLike) => {
      if (settled) return;
      if (err.level === 'agent') {
        agentProblem = err.message; // ssh2 goes on with the next method
        return;
      }
      const f = connectFailure(err, phase, o.connectTimeoutMs);
      settle(
        refusal ??
          c.fail(
            f.kind,
            f.kind === 'auth' && err.level === 'client-authentication' ? authFailure() : f.message,
          ),
      );
    });
    client.on('close', () =>
      settle(
        refusal ??
          c.fail(
            phase === 'handshake' ? 'unreachable' : 'auth',
            phase === 'handshake'
              ? 'the server closed the connection during the SSH handshake'
              : `the server closed the connection during authentication; ${authFailure()}`,
          ),
      ),
    );
    try {
      client.connect({
        sock: socket,
        username: target.user,
        authHandler: authHandler as unknown as ConnectConfig['authHandler'],
        tryKeyboard: false,
        hostVerifier,
        algorithms: { serverHostKey: c.algorithms },
        readyTimeout: o.connectTimeoutMs,
        keepaliveInterval: o.keepaliveIntervalMs,
        keepaliveCountMax: o.keepaliveCountMax,
        ...(o.traceProtocol ? { debug: (line: string) => o.log(`${target.device}: ssh2: ${line}`) } : {}),
      });
    } catch (e) {
      // ssh2 validates its config synchronously; this layer still only rejects with SshError
      settle(c.fail('protocol', `cannot start SSH: ${(e as Error).message}`));
    }
  });
}
