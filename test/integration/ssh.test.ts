/**
 * The SSH transport against a real OpenSSH sshd (Debian's openssh-server) in a network namespace
 * this test creates (see test/support/ssh-server.ts). No mocks: real keys, a real agent, real
 * known_hosts files checked with ssh-keygen, a real link cut.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attempt,
  isSshError,
  openSession,
  PASSPHRASE_ENV,
  type Session,
  SessionPool,
  type SshError,
  type SshErrorKind,
  type SshOptions,
} from '../../src/ssh/index.js';
import { SshTestServer } from '../support/ssh-server.js';

const server = new SshTestServer();
const keys = {} as Record<'ed25519' | 'ecdsa' | 'rsa' | 'stranger' | 'encrypted', string>;
const hostKeys = {} as Record<'ed25519' | 'ecdsa' | 'rsa', string>;
let knownHosts: string;
const opened: Session[] = [];

beforeAll(async () => {
  server.setUp();
  hostKeys.ed25519 = server.makeHostKey('ed25519', 'ed25519');
  hostKeys.ecdsa = server.makeHostKey('ecdsa', 'ecdsa');
  hostKeys.rsa = server.makeHostKey('rsa', 'rsa');
  keys.ed25519 = server.makeKey('id_ed25519', 'ed25519');
  keys.ecdsa = server.makeKey('id_ecdsa', 'ecdsa');
  keys.rsa = server.makeKey('id_rsa', 'rsa');
  keys.encrypted = server.makeKey('id_encrypted', 'ed25519', 'open sesame');
  keys.stranger = server.makeKey('id_stranger', 'ed25519'); // never authorized
  server.authorize(keys.ed25519, keys.ecdsa, keys.rsa, keys.encrypted);
  knownHosts = writeKnownHosts('known_hosts', [server.knownHostsLine(hostKeys.ed25519)]);
  await server.startSshd(Object.values(hostKeys));
});

afterAll(async () => {
  try {
    await Promise.all(opened.splice(0).map((s) => s.close())); // each gives up after 2 s
  } finally {
    await server.cleanup();
  }
});

function writeKnownHosts(name: string, lines: string[]): string {
  const file = join(server.dir, name);
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

const target = (port = 22) => ({ device: 'leaf1a', host: server.address, port });

function options(extra: SshOptions = {}): SshOptions {
  return { identities: [keys.ed25519], agent: false, knownHostsFile: knownHosts, ...extra };
}

async function open(extra: SshOptions = {}, port = 22): Promise<Session> {
  const s = await openSession(target(port), options(extra));
  opened.push(s);
  return s;
}

async function failure(p: Promise<unknown>): Promise<SshError> {
  const r = await attempt(p);
  if (r.ok) throw new Error('expected an SSH failure, got success');
  return r.error;
}

function expectKind(e: SshError, kind: SshErrorKind): void {
  expect(e.kind, e.message).toBe(kind);
  expect(e.message).toMatch(new RegExp(`^leaf1a \\(${server.address.replace(/\./g, '\\.')}:\\d+\\): `));
  expect(e.message).not.toContain('\n');
}

/** The PID of the sshd process serving a session (the parent of its commands). */
async function sessionProcess(s: Session): Promise<number> {
  return Number((await s.exec('echo $PPID')).stdout.trim());
}

describe('connect and exec', () => {
  let s: Session;
  beforeAll(async () => {
    s = await open();
  });

  it('GIVEN an authorized ed25519 key THEN exec returns stdout, stderr and the exit code', async () => {
    const r = await s.exec('echo out; echo err >&2; exit 3');
    expect(r).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(s.target).toEqual({ device: 'leaf1a', host: server.address, port: 22, user: 'root' });
    expect(s.hostKey).toEqual({
      type: 'ED25519',
      fingerprint: server.fingerprint(hostKeys.ed25519),
      added: false,
    });
  });

  it('GIVEN ecdsa and rsa identities THEN they authenticate too', async () => {
    for (const key of [keys.ecdsa, keys.rsa]) {
      const other = await open({ identities: [key] });
      expect((await other.exec('id -un')).stdout).toBe('root\n');
      await other.close();
    }
  });

  it('GIVEN binary output and stdin THEN bytes come back exactly', async () => {
    const bytes = Buffer.from([0, 255, 254, 10, 13, 128, 0]);
    expect((await s.exec("printf '\\000\\377\\376\\n\\r\\200\\000'")).stdoutBuffer).toEqual(bytes);
    expect((await s.exec('cat', { stdin: bytes })).stdoutBuffer).toEqual(bytes);
    const big = Buffer.alloc(6 * 1024 * 1024, 'fabric ');
    const digest = execFileSync('sha256sum', { input: big, encoding: 'utf8' }).split(' ')[0];
    expect((await s.exec('sha256sum', { stdin: big })).stdout.split(' ')[0]).toBe(digest);
  });

  it('GIVEN a command that reads stdin and no stdin THEN it sees EOF instead of hanging', async () => {
    expect(await s.exec('cat; echo done', { timeoutMs: 5000 })).toMatchObject({ code: 0, stdout: 'done\n' });
  });

  it('GIVEN a command killed by a signal THEN code is null and the signal is named', async () => {
    expect(await s.exec('kill -TERM $$')).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('GIVEN a slow command THEN timeout within the limit, and the session still works', async () => {
    const started = Date.now();
    const e = await failure(s.exec('sleep 31.5', { timeoutMs: 500 }));
    expectKind(e, 'timeout');
    expect(e.message).toContain('`sleep 31.5` did not finish within 0.5s; its channel was closed');
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await s.exec('echo next')).stdout).toBe('next\n');
    expect(s.alive).toBe(true);
    // OpenSSH refuses signal requests in root sessions, so the sleep lives on (cleanup kills it);
    // this is why callers bound commands on the device with `timeout`
    expect(server.sshdLog()).toContain('session signalling requires privilege separation');
  });

  it('GIVEN a command bounded on the device with timeout(1) THEN it is gone when exec returns', async () => {
    const r = await s.exec('timeout 0.3 sleep 32.5');
    expect(r.code).toBe(124); // timeout(1)'s "timed out"
    expect((await s.exec("pgrep -f 'sleep 32[.]5' || echo none")).stdout).toBe('none\n');
  });

  it('GIVEN more output than the cap THEN output-limit, and the session still works', async () => {
    const capped = await open({ maxOutputBytes: 1024 * 1024 });
    const e = await failure(capped.exec('head -c 5000000 /dev/zero'));
    expectKind(e, 'output-limit');
    expect(e.message).toContain('printed more than 1048576 bytes');
    expect((await capped.exec('echo still here')).stdout).toBe('still here\n');
  });

  it('GIVEN more concurrent commands than sshd allows sessions THEN all of them run (queued)', async () => {
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => s.exec(`sleep 0.2; echo ${i}`)));
    expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 14 }, (_, i) => `${i}\n`));
  });
});

describe('SFTP', () => {
  let s: Session;
  beforeAll(async () => {
    s = await open();
  });

  it('GIVEN a new file THEN it is written with exactly the mode and reads back byte for byte', async () => {
    const path = join(server.dir, 'frr.conf');
    const data = Buffer.concat([Buffer.from('router bgp 65211\n'), Buffer.from([0, 1, 2, 255])]);
    await s.writeFile(path, data, { mode: 0o640 });
    expect(statSync(path).mode & 0o7777).toBe(0o640);
    expect(await s.readFile(path)).toEqual(data);
  });

  it('GIVEN an existing world-readable file THEN the new mode applies before the content is written', async () => {
    const path = join(server.dir, 'secret.pem');
    writeFileSync(path, 'old', { mode: 0o644 });
    await s.writeFile(path, 'new secret', { mode: 0o600 });
    expect(statSync(path).mode & 0o7777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new secret');
  });

  it('GIVEN an absent file THEN readFile answers null', async () => {
    expect(await s.readFile(join(server.dir, 'no-such-file'))).toBeNull();
  });

  it('GIVEN a missing folder or a directory THEN a typed sftp error naming the path', async () => {
    const missing = join(server.dir, 'no-dir', 'x.conf');
    const w = await failure(s.writeFile(missing, 'x', { mode: 0o644 }));
    expectKind(w, 'sftp');
    expect(w.message).toContain(`cannot write ${missing}: its folder does not exist`);
    const r = await failure(s.readFile(server.dir));
    expectKind(r, 'sftp');
    expect(r.message).toContain('is a directory');
  });

  it('GIVEN a file over the size cap THEN output-limit instead of reading it', async () => {
    const capped = await open({ maxOutputBytes: 1000 });
    const path = join(server.dir, 'big');
    writeFileSync(path, Buffer.alloc(2000));
    expectKind(await failure(capped.readFile(path)), 'output-limit');
  });
});

describe('authentication', () => {
  it('GIVEN a key the server does not know THEN auth, naming the key and the fix', async () => {
    const e = await failure(open({ identities: [keys.stranger] }));
    expectKind(e, 'auth');
    expect(e.message).toContain(`authentication as root failed with ${keys.stranger}`);
    expect(e.message).toContain('authorized_keys');
  });

  it('GIVEN more unaccepted keys than sshd allows tries THEN auth, with a hint to offer fewer keys', async () => {
    const many = Array.from({ length: 7 }, (_, i) => server.makeKey(`id_many_${i}`, 'ed25519'));
    const e = await failure(open({ identities: many }));
    expectKind(e, 'auth');
    expect(e.message).toContain('Too many authentication failures');
    expect(e.message).toContain('offer fewer keys');
  });

  it('GIVEN an encrypted key THEN identity error naming the file, or success with the passphrase variable', async () => {
    const e = await failure(open({ identities: [keys.encrypted], env: {} }));
    expectKind(e, 'identity');
    expect(e.message).toContain(`identity ${keys.encrypted} is encrypted; set ${PASSPHRASE_ENV}`);
    const s = await open({ identities: [keys.encrypted], env: { [PASSPHRASE_ENV]: 'open sesame' } });
    expect((await s.exec('echo ok')).stdout).toBe('ok\n');
  });

  it('GIVEN no identity file and an agent holding the key THEN the agent authenticates', async () => {
    const socket = await server.startAgent(keys.ed25519);
    const s = await open({ identities: [], agent: socket });
    expect((await s.exec('echo via agent')).stdout).toBe('via agent\n');
    // SSH_AUTH_SOCK is the default agent
    const viaEnv = await open({ identities: [], agent: undefined, env: { SSH_AUTH_SOCK: socket } });
    expect(viaEnv.alive).toBe(true);
  });

  it('GIVEN a wrong key first and the agent after it THEN the agent still gets its turn', async () => {
    const socket = await server.startAgent(keys.rsa);
    const s = await open({ identities: [keys.stranger], agent: socket });
    expect(s.alive).toBe(true);
  });

  it('GIVEN an agent socket that does not exist THEN auth names the agent problem', async () => {
    const e = await failure(open({ identities: [keys.stranger], agent: join(server.dir, 'no-agent.sock') }));
    expectKind(e, 'auth');
    expect(e.message).toMatch(/the agent at .*no-agent\.sock \(unusable: /);
  });

  it('GIVEN no key and no agent THEN identity error before any connection', async () => {
    expectKind(await failure(open({ identities: [], agent: false })), 'identity');
  });
});

describe('host keys', () => {
  it('GIVEN known_hosts with only the RSA (or ECDSA) key THEN that key type is negotiated and accepted', async () => {
    for (const type of ['rsa', 'ecdsa'] as const) {
      const file = writeKnownHosts(`kh-${type}`, [server.knownHostsLine(hostKeys[type])]);
      const s = await open({ knownHostsFile: file });
      expect(s.hostKey).toMatchObject({
        type: type.toUpperCase(),
        fingerprint: server.fingerprint(hostKeys[type]),
      });
    }
  });

  it('GIVEN a known_hosts hashed by ssh-keygen -H THEN the host is found', async () => {
    const file = writeKnownHosts('kh-hashed', [server.knownHostsLine(hostKeys.ed25519)]);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'pipe' });
    expect(readFileSync(file, 'utf8')).toMatch(/^\|1\|/);
    expect((await open({ knownHostsFile: file })).alive).toBe(true);
  });

  it('GIVEN an unknown host in strict mode THEN refused, naming the file, the flag and the fingerprint', async () => {
    const file = writeKnownHosts('kh-empty-strict', []);
    const e = await failure(open({ knownHostsFile: file }));
    expectKind(e, 'host-key-unknown');
    expect(e.message).toContain(`host key not in ${file}`);
    expect(e.message).toContain(`the host offers ED25519 ${server.fingerprint(hostKeys.ed25519)}`);
    expect(e.message).toMatch(/--known-hosts FILE.*connect once with --accept-new-host-keys$/);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('GIVEN an unknown host in accept-new mode THEN accepted, appended in a form OpenSSH finds, then known', async () => {
    const file = join(server.dir, 'kh-new', 'known_hosts'); // not there yet, nor its folder
    for (const port of [22, 2222]) {
      const s = await open({ knownHostsFile: file, hostKeyPolicy: 'accept-new' }, port);
      expect(s.hostKey.added).toBe(true);
      const name = port === 22 ? server.address : `[${server.address}]:${port}`;
      expect(execFileSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8' })).toContain(
        'ssh-ed25519',
      );
      const again = await open({ knownHostsFile: file }, port);
      expect(again.hostKey.added).toBe(false);
    }
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('GIVEN a changed host key THEN refused in both modes, with file:line and both fingerprints', async () => {
    const file = writeKnownHosts('kh-changed', ['# lab', server.knownHostsLine(hostKeys.ed25519)]);
    const newKey = server.makeHostKey('ed25519-new', 'ed25519');
    await server.restartSshd([newKey, hostKeys.ecdsa, hostKeys.rsa]);
    try {
      for (const hostKeyPolicy of ['strict', 'accept-new'] as const) {
        const e = await failure(open({ knownHostsFile: file, hostKeyPolicy }));
        expectKind(e, 'host-key-changed');
        expect(e.message).toContain(
          `HOST KEY CHANGED: ${file}:2 has ED25519 ${server.fingerprint(hostKeys.ed25519)}, ` +
            `but the host now offers ED25519 ${server.fingerprint(newKey)}`,
        );
        expect(e.message).toContain(`ssh-keygen -R ${server.address} -f ${file}`);
      }
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    } finally {
      await server.restartSshd(Object.values(hostKeys));
    }
  });
});

describe('unreachable and lost connections', () => {
  it('GIVEN nothing listening THEN unreachable at once', async () => {
    const started = Date.now();
    const e = await failure(open({}, 23));
    expectKind(e, 'unreachable');
    expect(e.message).toContain('connection refused');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('GIVEN an address nobody answers for THEN unreachable after the connect timeout', async () => {
    const started = Date.now();
    const e = await failure(
      openSession({ device: 'leaf1a', host: server.silentAddress }, options({ connectTimeoutMs: 1000 })),
    );
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/no answer within 1s|no route/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('GIVEN the link cut during a command THEN disconnected within the keepalive window', async () => {
    const s = await open({ keepaliveIntervalMs: 500, keepaliveCountMax: 2 });
    const idle = await open(); // default keepalives: 20 s before it would notice
    const running = attempt(s.exec('sleep 30'));
    await new Promise((r) => setTimeout(r, 300));
    await server.setLink(false);
    const started = Date.now();
    try {
      const r = await running;
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expectKind(r.error, 'disconnected');
      expect(r.error.message).toContain('no answer to keepalives for 1.5s during `sleep 30`');
      expect(Date.now() - started).toBeLessThan(3000); // 500 ms × (2 + 1), plus scheduling
      expect(s.alive).toBe(false);
      expectKind(await failure(s.exec('true')), 'disconnected');
      const closing = Date.now();
      await idle.close(); // the peer cannot answer the goodbye: close() gives up on it
      expect(Date.now() - closing).toBeLessThan(3000);
      expect(idle.alive).toBe(false);
    } finally {
      await server.setLink(true);
    }
  });

  it('GIVEN the sshd process serving the session dies THEN disconnected at once', async () => {
    const s = await open();
    const pid = await sessionProcess(s);
    const running = attempt(s.exec('sleep 30'));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    server.killOurs(pid);
    const r = await running;
    expect(r.ok).toBe(false);
    if (!r.ok) expectKind(r.error, 'disconnected');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('session pool', () => {
  it('GIVEN one device THEN concurrent callers share one session, and a lost session is replaced', async () => {
    const pool = new SessionPool(options());
    try {
      const [a, b] = await Promise.all([pool.get(target()), pool.get(target())]);
      expect(a).toBe(b);
      expect(await pool.get(target())).toBe(a);
      server.killOurs(await sessionProcess(a!));
      const lost = await attempt(pool.use(target(), (s) => s.exec('sleep 5')));
      expect(!lost.ok && isSshError(lost.error, 'disconnected')).toBe(true);
      const fresh = await pool.get(target());
      expect(fresh).not.toBe(a);
      expect((await fresh.exec('echo again')).stdout).toBe('again\n');
    } finally {
      await pool.closeAll();
    }
    expect(pool.size).toBe(0);
  });

  it('GIVEN retryIfDisconnected and a connection lost during the work THEN the work runs again on a new session', async () => {
    const pool = new SessionPool(options());
    let calls = 0;
    try {
      const out = await pool.use(
        target(),
        async (s) => {
          calls++;
          if (calls === 1) server.killOurs(await sessionProcess(s));
          return (await s.exec('echo read')).stdout;
        },
        { retryIfDisconnected: true },
      );
      expect(out).toBe('read\n');
      expect(calls).toBe(2);
    } finally {
      await pool.closeAll();
    }
  });
});

describe('redaction', () => {
  it('GIVEN a redactor THEN secrets in commands reach neither error messages nor the debug log', async () => {
    const lines: string[] = [];
    const s = await open({
      redact: (t) => t.split('hunter2').join('********'),
      log: (l) => lines.push(l),
      traceProtocol: true,
    });
    const e = await failure(s.exec('sleep 5 # password hunter2', { timeoutMs: 200 }));
    expect(e.message).toContain('`sleep 5 # password ********`');
    await s.exec('echo hunter2 > /dev/null');
    await s.close();
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.includes('exec: echo ******** > /dev/null'))).toBe(true); // ssh2's own trace
    expect(lines.filter((l) => l.includes('hunter2'))).toEqual([]);
  });
});
