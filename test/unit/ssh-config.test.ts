/**
 * Reading OpenSSH's client config the way ssh does (ssh-config.ts), finding which config to read
 * (config-source.ts: flag > FABRIC_SSH_CONFIG > .fabric/config.yaml > ~/.ssh/config), and one
 * device's settings from flags, config and inventory (options.ts `resolveFor`). No network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { remediation } from '../../src/drift/types.js';
import { sshFlagsInEffect } from '../../src/ssh/cli-options.js';
import { findSshConfig, loadSshConfig } from '../../src/ssh/config-source.js';
import { resolveFor, resolveOptions, type SshOptions } from '../../src/ssh/options.js';
import {
  expandTokens,
  hostMatches,
  hostSettings,
  parseSshConfig,
  splitWords,
} from '../../src/ssh/ssh-config.js';
import { runFabric } from '../support/cli.js';
import { exampleCopy, tempDir } from '../support/tmp.js';

const LAB = `# fabric lab x
Host leaf1a clab-x-leaf1a
  HostName 198.18.7.11
  User root
  IdentityFile /lab/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile /lab/known_hosts
  StrictHostKeyChecking yes

Host 198.18.1.*
  Port 2222
  User netops

Host * !bastion
  User ignored-by-first-wins
  ConnectTimeout 4
  IdentityFile ~/.ssh/id_fabric
  ProxyJump bastion
`;

describe('ssh_config parsing and matching', () => {
  const config = parseSshConfig(LAB, 'lab.conf');

  it('GIVEN Host patterns with * ? and ! THEN they match as in ssh_config(5), case-insensitively', () => {
    expect(hostMatches(['leaf*'], ['LEAF1A'])).toBe(true);
    expect(hostMatches(['leaf?a'], ['leaf1a'])).toBe(true);
    expect(hostMatches(['leaf?a'], ['leaf10a'])).toBe(false);
    expect(hostMatches(['*', '!leaf1a'], ['leaf1a'])).toBe(false);
    expect(hostMatches(['!leaf1a'], ['leaf1b'])).toBe(false); // a negation alone matches nothing
    expect(hostMatches(['198.18.1.*'], ['spine1', '198.18.1.2'])).toBe(true);
    expect(hostMatches(['a.b'], ['aXb'])).toBe(false); // the dot is literal
  });

  it('GIVEN a device under its name THEN the first value of each keyword wins, IdentityFile adds up', () => {
    const s = hostSettings(config, ['leaf1a', '198.18.1.11']);
    expect(s).toMatchObject({
      hostName: '198.18.7.11',
      user: 'root',
      port: 2222, // from Host 198.18.1.*, its address
      identityFiles: ['/lab/id_ed25519', '~/.ssh/id_fabric'],
      identitiesOnly: true,
      userKnownHostsFile: '/lab/known_hosts',
      strictHostKeyChecking: 'yes',
      connectTimeoutSeconds: 4,
    });
    expect(s.where.get('hostname')).toBe('lab.conf:3');
    expect(s.ignored).toEqual(['ProxyJump']);
  });

  it('GIVEN a device only under its address THEN the address blocks apply', () => {
    const s = hostSettings(config, ['spine1', '198.18.1.2']);
    expect(s.user).toBe('netops');
    expect(s.hostName).toBeUndefined();
  });

  it('GIVEN Keyword=value, quotes and comments THEN they are read as ssh reads them', () => {
    expect(splitWords('IdentityFile="/a b/key"')).toEqual(['IdentityFile', '/a b/key']);
    expect(splitWords('Port = 2200')).toEqual(['Port', '2200']);
    expect(splitWords('IdentityFile "/a b')).toBeNull();
    const c = parseSshConfig('Host=x\n  # c\n  PORT=2200\n  user "net ops"\n', 'f');
    expect(hostSettings(c, ['x'])).toMatchObject({ port: 2200, user: 'net ops' });
  });

  it('GIVEN Match blocks THEN Match all is Host *, others never apply and are reported', () => {
    const c = parseSshConfig('Match host leaf*\n  User a\nMatch all\n  User b\n', 'f');
    expect(hostSettings(c, ['leaf1a']).user).toBe('b');
    expect(c.problems).toEqual([
      expect.stringMatching(/^f:1: Match host leaf\*: fabric evaluates only 'Match all'/),
    ]);
  });

  it('GIVEN Include THEN the included file is read in place, with its Host blocks', () => {
    const files = new Map([['/h/.ssh/conf.d/lab', 'Host leaf1a\n  User fromlab\n']]);
    const c = parseSshConfig('Include conf.d/*\nHost *\n  User fallback\n', '/h/.ssh/config', {
      read: (p) => files.get(p) ?? null,
      expand: (p) => (p === 'conf.d/*' ? ['/h/.ssh/conf.d/lab'] : []),
    });
    expect(hostSettings(c, ['leaf1a']).user).toBe('fromlab');
    expect(hostSettings(c, ['leaf1b']).user).toBe('fallback');
  });

  it('GIVEN a bad Port or ConnectTimeout THEN it is ignored and reported with file:line', () => {
    const c = parseSshConfig('Host x\n  Port many\n  ConnectTimeout -1\n', 'f');
    const s = hostSettings(c, ['x']);
    expect(s.port).toBeUndefined();
    expect(c.problems).toEqual([
      expect.stringContaining('f:2: Port many'),
      expect.stringContaining('f:3: ConnectTimeout'),
    ]);
  });

  it('GIVEN tokens THEN ~ and %d %h %n %p %r %u %% expand', () => {
    const t = { home: '/home/n', host: '10.0.0.1', name: 'leaf1a', port: 22, user: 'root', localUser: 'n' };
    expect(expandTokens('~/.ssh/%n-%h-%p-%r-%u-%%', t)).toBe('/home/n/.ssh/leaf1a-10.0.0.1-22-root-n-%');
  });
});

describe("one device's settings: flags > ssh config > inventory > defaults", () => {
  const dir = tempDir('fabric-sshcfg-');
  const key = join(dir, 'id_ed25519');
  writeFileSync(key, 'not read here');
  const config = parseSshConfig(
    `Host leaf1a\n  HostName 127.0.0.9\n  Port 2201\n  User lab\n  IdentityFile ${key}\n  IdentityFile ${join(dir, 'missing')}\n  UserKnownHostsFile ${dir}/kh\n  StrictHostKeyChecking accept-new\n  ConnectTimeout 3\n`,
    'lab.conf',
  );
  const target = { device: 'leaf1a', host: '198.18.1.11', port: 22, user: 'root' };
  const resolve = (o: SshOptions) => resolveFor(target, resolveOptions({ sshConfig: config, ...o }));

  it('GIVEN only the config THEN its HostName, Port, User, key, known_hosts, policy and timeout are used', () => {
    const { target: t, options } = resolve({});
    expect(t).toEqual({ device: 'leaf1a', host: '127.0.0.9', port: 2201, user: 'lab' });
    expect(options.identities).toEqual([key]); // the missing one is skipped, as ssh does, and named
    expect(options.origin.missingIdentities).toEqual([
      `${join(dir, 'missing')} (IdentityFile at lab.conf:6)`,
    ]);
    expect(options.knownHostsFile).toBe(`${dir}/kh`);
    expect(options.hostKeyPolicy).toBe('accept-new');
    expect(options.connectTimeoutMs).toBe(3000);
    expect(options.origin.knownHosts).toBe('UserKnownHostsFile at lab.conf:7');
    expect(options.origin.address).toBe('HostName at lab.conf:2, Port at lab.conf:3');
  });

  it('GIVEN flags THEN they win over the config', () => {
    const { target: t, options } = resolve({
      user: 'admin',
      knownHostsFile: '/k',
      hostKeyPolicy: 'strict',
      connectTimeoutMs: 9000,
      identities: ['/flag-key'],
    });
    expect(t.user).toBe('admin');
    expect(options).toMatchObject({ knownHostsFile: '/k', hostKeyPolicy: 'strict', connectTimeoutMs: 9000 });
    expect(options.identities).toEqual(['/flag-key', key]);
  });

  it('GIVEN no config entry for the device THEN the inventory address, port and user', () => {
    const other = resolveFor(
      { device: 'leaf9', host: '198.18.1.99', port: 2022, user: 'ops' },
      resolveOptions({ sshConfig: config }),
    );
    expect(other.target).toEqual({ device: 'leaf9', host: '198.18.1.99', port: 2022, user: 'ops' });
  });
});

describe('which ssh config: --ssh-config > FABRIC_SSH_CONFIG > .fabric/config.yaml > ~/.ssh/config', () => {
  const root = tempDir('fabric-sshsrc-');
  const home = join(root, 'home');
  const project = join(root, 'project');
  const deep = join(project, 'a', 'b');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  mkdirSync(join(project, '.fabric'), { recursive: true });
  mkdirSync(deep, { recursive: true });
  mkdirSync(join(project, 'lab'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'config'), 'Host *\n  User home\n');
  writeFileSync(join(project, 'lab', 'ssh_config'), 'Host *\n  User lab\n');
  writeFileSync(join(root, 'flag.conf'), 'Host *\n  User flag\n');
  writeFileSync(join(project, '.fabric', 'config.yaml'), 'ssh_config: lab/ssh_config\nsite: idc-a\n');
  const find = (flag: string | undefined, env: NodeJS.ProcessEnv, cwd = deep) =>
    findSshConfig(flag, env, cwd, home);

  it('GIVEN all four THEN the flag wins, then the env var, then the settings file (from a parent folder), then ~/.ssh/config', () => {
    const env = { FABRIC_SSH_CONFIG: join(project, 'lab', 'ssh_config') };
    expect(find(join(root, 'flag.conf'), env)).toEqual({ kind: 'flag', file: join(root, 'flag.conf') });
    expect(find(undefined, env)).toEqual({ kind: 'env', file: env.FABRIC_SSH_CONFIG });
    expect(find(undefined, {})).toEqual({
      kind: 'settings',
      file: join(project, 'lab', 'ssh_config'),
      settings: join(project, '.fabric', 'config.yaml'),
    });
    expect(find(undefined, {}, root)).toEqual({ kind: 'default', file: join(home, '.ssh', 'config') });
    const loaded = loadSshConfig(find(undefined, {}) as never, home)!;
    expect(hostSettings(loaded, ['x']).user).toBe('lab');
  });

  it('GIVEN a named config that does not exist THEN an error that says who named it', () => {
    expect(find(join(root, 'nope'), {})).toEqual({
      error: expect.stringMatching(/^--ssh-config .*nope: no such file/),
    });
    expect(find(undefined, { FABRIC_SSH_CONFIG: '/nope' })).toEqual({
      error: expect.stringMatching(/^FABRIC_SSH_CONFIG=\/nope: no such file/),
    });
    expect(find('none', { FABRIC_SSH_CONFIG: '/nope' })).toMatchObject({ kind: 'none' });
  });

  it('GIVEN a settings file whose ssh_config is not a path THEN a message with an example', () => {
    const other = join(root, 'other');
    mkdirSync(join(other, '.fabric'), { recursive: true });
    writeFileSync(join(other, '.fabric', 'config.yaml'), 'ssh_config: [a]\n');
    expect(find(undefined, {}, other)).toEqual({ error: expect.stringContaining("e.g. 'ssh_config: lab/") });
  });
});

describe('commands printed for the user to paste', () => {
  it('GIVEN SSH flags on the command line THEN the remediation carries them, quoted', () => {
    const args = sshFlagsInEffect({
      identity: ['/k/id a'],
      knownHosts: '/k/kh',
      sshConfig: '/k/c',
      sshAgent: false,
    });
    expect(remediation('idc-a', 'leaf1a', ['--inventory', 'inv', ...args])).toBe(
      "fabric push --site idc-a --only leaf1a --inventory inv --ssh-config /k/c --identity '/k/id a' --known-hosts /k/kh --no-ssh-agent",
    );
    expect(sshFlagsInEffect({})).toEqual([]);
  });
});

describe('fabric drift with an ssh config (the built CLI, loopback only)', () => {
  it('GIVEN FABRIC_SSH_CONFIG naming no file THEN exit 2 naming the variable', async () => {
    const { dir } = exampleCopy();
    const r = await runFabric(['drift', '--site', 'idc-a'], {
      cwd: dir,
      env: { FABRIC_SSH_CONFIG: '/nope' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('drift: FABRIC_SSH_CONFIG=/nope: no such file');
  });

  it('GIVEN .fabric/config.yaml pointing at a config whose HostName nobody listens on THEN the device, address, what failed and where the address came from', async () => {
    const { dir } = exampleCopy();
    mkdirSync(join(dir, '.fabric'));
    writeFileSync(join(dir, '.fabric', 'config.yaml'), 'ssh_config: cfg\n');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'key')]);
    writeFileSync(
      join(dir, 'cfg'),
      `Host spine1\n  HostName 127.0.0.1\n  Port 1\n  ProxyJump bastion\nHost *\n  IdentityFile ${join(dir, 'key')}\n`,
    );
    mkdirSync(join(dir, 'sub'));
    const r = await runFabric(
      [
        '--inventory',
        join(dir, 'inventory'),
        'drift',
        '--site',
        'idc-a',
        '--only',
        'spine1',
        '--snmp-version',
        'off',
        '--secrets',
        join(dir, 'secrets.yaml'),
      ],
      { cwd: join(dir, 'sub'), env: { FABRIC_SSH_CONFIG: '', SSH_AUTH_SOCK: '' } }, // the settings file is in a parent folder
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toContain(
      `spine1 (127.0.0.1:1): connection refused: nothing listens on that port (is sshd running?) (address from HostName at ${join(dir, 'cfg')}:2, Port at ${join(dir, 'cfg')}:3; the ssh config sets ProxyJump for it, which fabric does not use`,
    );
  });
});
