/**
 * A real OpenSSH sshd for the SSH transport tests, in a network namespace this test creates:
 *
 *   root namespace  <prefix>h 198.18.255.(8k+1)/29 ──veth── <prefix>n 198.18.255.(8k+2)/29  netns <prefix>-sshd
 *
 * sshd runs with its own config, host keys, PidFile and AuthorizedKeysFile in a temp folder,
 * inside a private mount namespace with its own /run (so the host's /run/sshd is not needed
 * and nothing on the host changes). `.3` of the /29 is assigned to nobody: connecting to it
 * tests connect timeouts without sending a packet off this machine.
 *
 * Everything is removed in `cleanup()` by PID and by name, even after a failed test.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { alive, ensureInstalled, requireRoot } from './system.js';
import { tempDir } from './tmp.js';

export const SSH_PACKAGES = [
  { bin: '/usr/sbin/sshd', pkg: 'openssh-server' },
  { bin: 'ssh-keygen', pkg: 'openssh-client' },
  { bin: 'ssh-agent', pkg: 'openssh-client' },
  { bin: 'ssh-add', pkg: 'openssh-client' },
  { bin: 'ip', pkg: 'iproute2' },
];

export type HostKeyType = 'ed25519' | 'ecdsa' | 'rsa';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

/** PIDs whose parent is `pid` (from /proc, no process names involved). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return out;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

export class SshTestServer {
  readonly prefix = `fs${process.pid % 100000}`;
  readonly ns = `${this.prefix}-sshd`;
  readonly hostVeth = `${this.prefix}h`;
  readonly nsVeth = `${this.prefix}n`;
  readonly dir = tempDir('fabric-ssh-');
  readonly authorizedKeys = join(this.dir, 'authorized_keys');
  /** Set by `setUp`: the sshd address, and an address on the link that nobody answers for. */
  address = '';
  silentAddress = '';
  readonly ports = [22, 2222];
  private sshd: ChildProcess | undefined;
  private readonly helpers: ChildProcess[] = [];
  private createdNs = false;
  private createdVeth = false;

  /** Root, the packages, the namespace, the veth pair and the addresses. */
  setUp(): void {
    requireRoot();
    ensureInstalled(SSH_PACKAGES);
    const base = this.freeSubnet();
    this.address = `198.18.255.${base + 2}`;
    this.silentAddress = `198.18.255.${base + 3}`;
    ip('netns', 'add', this.ns);
    this.createdNs = true;
    ip('link', 'add', this.hostVeth, 'type', 'veth', 'peer', 'name', this.nsVeth);
    this.createdVeth = true;
    ip('link', 'set', this.nsVeth, 'netns', this.ns);
    ip('addr', 'add', `198.18.255.${base + 1}/29`, 'dev', this.hostVeth);
    ip('link', 'set', this.hostVeth, 'up');
    ip('-n', this.ns, 'addr', 'add', `${this.address}/29`, 'dev', this.nsVeth);
    ip('-n', this.ns, 'link', 'set', this.nsVeth, 'up');
    ip('-n', this.ns, 'link', 'set', 'lo', 'up');
    writeFileSync(this.authorizedKeys, '', { mode: 0o600 });
  }

  /** A /29 in 198.18.255.0/24 that no interface of this machine uses yet (one per test run). */
  private freeSubnet(): number {
    const used = execFileSync('ip', ['-4', '-o', 'addr', 'show'], { encoding: 'utf8' });
    for (let i = 0; i < 32; i++) {
      const base = ((process.pid + i) % 32) * 8;
      if (!used.includes(`198.18.255.${base + 1}/`) && !used.includes(`198.18.255.${base + 2}/`)) return base;
    }
    throw new Error('no free /29 in 198.18.255.0/24 for the SSH test');
  }

  /** Makes a host key pair `host_<name>` in the temp folder; returns the private key path. */
  makeHostKey(name: string, type: HostKeyType): string {
    return this.makeKey(`host_${name}`, type);
  }

  /** Makes a key pair; returns the private key path (the public one is `<path>.pub`). */
  makeKey(name: string, type: HostKeyType, passphrase = ''): string {
    const file = join(this.dir, name);
    const bits = type === 'rsa' ? ['-b', '2048'] : type === 'ecdsa' ? ['-b', '256'] : [];
    execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', passphrase, '-C', name, '-f', file], {
      stdio: ['ignore', 'pipe', 'pipe'], // fresh names: no overwrite prompt to answer
    });
    return file;
  }

  publicKey(privateKeyFile: string): string {
    return readFileSync(`${privateKeyFile}.pub`, 'utf8').trim();
  }

  /** `ssh-keygen -lf`'s fingerprint of a key file: OpenSSH's own answer to compare with ours. */
  fingerprint(privateKeyFile: string): string {
    return execFileSync('ssh-keygen', ['-lf', `${privateKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1]!;
  }

  authorize(...privateKeyFiles: string[]): void {
    writeFileSync(this.authorizedKeys, privateKeyFiles.map((k) => `${this.publicKey(k)}\n`).join(''));
  }

  /** A known_hosts line for the server (port 22 form unless a port is given). */
  knownHostsLine(hostKey: string, port = 22): string {
    const [type, blob] = this.publicKey(hostKey).split(' ');
    return `${port === 22 ? this.address : `[${this.address}]:${port}`} ${type} ${blob}`;
  }

  get sshdPid(): number | undefined {
    return this.sshd?.pid;
  }

  /** Starts sshd -D with these host keys and waits until it accepts connections. */
  async startSshd(hostKeys: string[]): Promise<void> {
    if (this.sshd) throw new Error('sshd is already running');
    const config = join(this.dir, 'sshd_config');
    const log = join(this.dir, 'sshd.log');
    writeFileSync(
      config,
      [
        ...this.ports.map((p) => `ListenAddress ${this.address}:${p}`),
        ...hostKeys.map((k) => `HostKey ${k}`),
        `PidFile ${join(this.dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${this.authorizedKeys}`,
        'StrictModes no',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'PermitRootLogin prohibit-password',
        'Subsystem sftp internal-sftp',
        // sessions whose client vanished (the link-down test) end by themselves
        'ClientAliveInterval 2',
        'ClientAliveCountMax 3',
        'MaxStartups 100',
        'PrintMotd no',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    // `ip netns exec` gives a private (slave) mount namespace: mount a /run of our own there for
    // sshd's privilege separation directory; both `exec`s keep the PID we spawn.
    const script = `mount -t tmpfs -o mode=0755 fabric-ssh-run /run && mkdir -m 0755 /run/sshd && exec /usr/sbin/sshd -D -f "$1" -E "$2"`;
    const child = spawn('ip', ['netns', 'exec', this.ns, 'sh', '-c', script, 'sh', config, log], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    this.sshd = child;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await this.listening(22)) return;
      await sleep(50);
    }
    const why = `${output}${existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
    await this.stopSshd();
    throw new Error(`sshd did not start in ${this.ns}: ${why}`);
  }

  private listening(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const s = connect({ host: this.address, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  }

  /** Stops our sshd (by its PID) and every session it forked; waits until they are gone. */
  async stopSshd(): Promise<void> {
    const child = this.sshd;
    if (!child?.pid) return;
    this.sshd = undefined;
    const pids = [child.pid, ...this.descendants(child.pid)];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    const deadline = Date.now() + 5000;
    while (pids.some(alive) && Date.now() < deadline) await sleep(20);
  }

  async restartSshd(hostKeys: string[]): Promise<void> {
    await this.stopSshd();
    await this.startSshd(hostKeys);
  }

  private descendants(pid: number): number[] {
    return childPids(pid).flatMap((c) => [c, ...this.descendants(c)]);
  }

  /** Kills a process after checking that our sshd is among its ancestors (never anything else). */
  killOurs(pid: number): void {
    const root = this.sshd?.pid;
    let p: number | undefined = pid;
    while (p && p > 1 && p !== root) p = parentOf(p);
    if (!root || p !== root) throw new Error(`process ${pid} is not under our sshd (${root})`);
    process.kill(pid, 'SIGKILL');
  }

  /**
   * Cuts (or restores) the link on the namespace side. The root side stays up, so its connected
   * route stays (marked linkdown) and packets for the namespace die on our veth instead of
   * taking the default route off this machine (which is what downing the root side would do).
   */
  async setLink(up: boolean): Promise<void> {
    if (!up) {
      for (const scope of ['all', this.hostVeth]) {
        const v = readFileSync(`/proc/sys/net/ipv4/conf/${scope}/ignore_routes_with_linkdown`, 'utf8').trim();
        if (v !== '0')
          throw new Error(
            `ignore_routes_with_linkdown=${v} (${scope}): cutting the link would reroute test traffic`,
          );
      }
    }
    ip('-n', this.ns, 'link', 'set', this.nsVeth, up ? 'up' : 'down');
    const route = execFileSync('ip', ['route', 'get', this.address], { encoding: 'utf8' });
    if (!route.includes(`dev ${this.hostVeth} `)) {
      ip('-n', this.ns, 'link', 'set', this.nsVeth, 'up');
      throw new Error(`traffic to ${this.address} would leave through another interface: ${route}`);
    }
    if (up) {
      // ARP failed while the link was cut; forget that so the next connect does not get EHOSTUNREACH
      ip('neigh', 'flush', 'dev', this.hostVeth);
      const deadline = Date.now() + 5000;
      while (!(await this.listening(22)) && Date.now() < deadline) await sleep(50);
    }
  }

  /** Starts `ssh-agent -D -a <socket>` (tracked by PID) and adds the keys; returns the socket. */
  async startAgent(...keys: string[]): Promise<string> {
    const socket = join(this.dir, `agent.${this.helpers.length}.sock`);
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    this.helpers.push(agent);
    // the socket file appears at bind(), before the agent listens: wait until it accepts, or
    // ssh-add meets "Connection refused" on a busy machine
    const deadline = Date.now() + 5000;
    while (!(await accepts(socket)) && Date.now() < deadline) await sleep(20);
    for (const key of keys) {
      const r = spawnSync('ssh-add', ['-q', key], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`ssh-add ${key}: ${r.stderr}`);
    }
    return socket;
  }

  sshdLog(): string {
    const log = join(this.dir, 'sshd.log');
    return existsSync(log) ? readFileSync(log, 'utf8') : '';
  }

  /** Removes all we made: processes by PID (ours, then whatever still runs in our namespace), the veth, the namespace. */
  async cleanup(): Promise<void> {
    await this.stopSshd();
    for (const h of this.helpers.splice(0)) if (h.pid && h.exitCode === null) h.kill('SIGKILL');
    if (this.createdNs) {
      const r = spawnSync('ip', ['netns', 'pids', this.ns], { encoding: 'utf8' });
      for (const pid of (r.stdout ?? '').split(/\s+/).filter(Boolean).map(Number)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    if (this.createdVeth) spawnSync('ip', ['link', 'del', this.hostVeth], { stdio: 'ignore' });
    if (this.createdNs) spawnSync('ip', ['netns', 'del', this.ns], { stdio: 'ignore' });
    this.createdVeth = false;
    this.createdNs = false;
  }
}

/** Whether a Unix socket accepts a connection now. */
function accepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
