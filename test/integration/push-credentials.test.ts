/**
 * A Redis service's password changed on a running redis-server, as `fabric push` does it
 * (src/push/credentials.ts, the Redis driver's steps): the two phases' scripts, exactly as push
 * builds them (the rendered redis.conf on their stdin), run against Debian's redis-server in a
 * network namespace of this run, on redis1's rendered redis.conf of the data-a fixture moved to
 * the namespace's loopback. Only the paths differ: the files are in a temporary folder instead of
 * /etc/redis and /var/lib/fabric/credentials.
 *
 * GIVEN redis-server on the old password
 * WHEN the first phase runs THEN both passwords are accepted and replicas would AUTH with the new
 * one; WHEN the wave writes the new file and a Sentinel's CONFIG REWRITE puts the old password
 * back in it, and the second phase runs THEN the old password is refused, the new one accepted and
 * the file holds the new one only. A password added, one removed, the same one (nothing to do) and
 * a server that refuses (its password changed by hand) are each what the phases say.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_CONF, redis } from '../../src/daemons/redis/index.js';
import { CREDENTIALS_STATE, type CredentialWork, credentialScript } from '../../src/push/credentials.js';
import { REPO } from '../support/cli.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { ensureInstalled, ownPidFile, requireRoot, stopPid } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
const OLD = 'old-cache-pass-0123456789';
const NEW = 'new-cache-pass-9876543210';
const netns = new TestNetns('pc');
const pids: number[] = [];
let ns = '';
let dir = '';
let rendered = '';
let work: CredentialWork;

/** redis1's rendered redis.conf on the namespace's loopback, with `password` (none: no lines). */
function confWith(password: string | null): string {
  return rendered
    .replace(/^bind .*$/m, 'bind 127.0.0.1')
    .replace(/^requirepass .*\n/m, password === null ? '' : `requirepass ${password}\n`)
    .replace(/^masterauth .*\n/m, password === null ? '' : `masterauth ${password}\n`);
}

/** A phase as push runs it, the paths moved to the test's folder; `next` is the rendered file. */
function phase(which: 'before' | 'after', next: string): { code: number; out: string } {
  const script = credentialScript('20261207T000000Z-test', which, work)
    .replaceAll(REDIS_CONF, join(dir, 'redis.conf'))
    .replaceAll(CREDENTIALS_STATE, join(dir, 'state'));
  writeFileSync(join(dir, `${which}.sh`), script);
  writeFileSync(join(dir, 'next.conf'), next);
  // on stdin, as push sends it
  return netns.exec(ns, ['sh', '-c', `sh ${join(dir, `${which}.sh`)} < ${join(dir, 'next.conf')}`]);
}

/** redis-cli in the namespace, AUTHing with `password` (none: without). */
function cli(password: string | null, ...args: string[]): string {
  return netns
    .exec(
      ns,
      ['redis-cli', '-h', '127.0.0.1', '-p', '6379', ...args],
      password === null ? {} : { REDISCLI_AUTH: password },
    )
    .out.trim();
}

beforeAll(() => {
  requireRoot();
  ensureInstalled([
    { bin: 'redis-server', pkg: 'redis-server' },
    { bin: 'redis-cli', pkg: 'redis-tools' },
  ]);
  const [site] = renderExample(FIXTURE);
  rendered = site!.rendered.files.find((f) => f.device === 'redis1' && f.file === 'redis.conf')!.content;
  const redis1 = site!.site.devices.find((d) => d.name === 'redis1')!;
  work = {
    device: 'redis1',
    daemon: 'redis',
    target: { device: 'redis1', host: '127.0.0.1' },
    steps: redis.push!.credentials!(redis1)!,
    content: '',
  };
  ns = netns.add('redis');
  dir = tempDir('fabric-pc-');
  writeFileSync(join(dir, 'redis.conf'), confWith(OLD));
  const p = spawn(
    'ip',
    [
      'netns',
      'exec',
      ns,
      'redis-server',
      join(dir, 'redis.conf'),
      '--dir',
      dir,
      '--pidfile',
      join(dir, 'redis.pid'),
      '--logfile',
      join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  pids.push(p.pid!);
  ownPidFile(join(dir, 'redis.pid'), pids);
  for (let i = 0; i < 50 && cli(OLD, 'PING') !== 'PONG'; i++) spawnSleep();
  expect(cli(OLD, 'PING')).toBe('PONG');
});

afterAll(() => {
  for (const pid of pids.splice(0)) stopPid(pid);
  netns.cleanup();
});

function spawnSleep(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

describe('a Redis password changed in two phases around the waves', () => {
  it('GIVEN the old password WHEN the first phase runs THEN both are accepted, and masterauth is the new one', () => {
    const r = phase('before', confWith(NEW));
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe('redis-server accepts the new password beside the old one');
    expect(r.out).not.toContain(OLD);
    expect(r.out).not.toContain(NEW);
    expect(cli(OLD, 'PING')).toBe('PONG');
    expect(cli(NEW, 'PING')).toBe('PONG');
    expect(cli(NEW, 'CONFIG', 'GET', 'masterauth').split('\n')).toEqual(['masterauth', NEW]);
    expect(readFileSync(join(dir, 'state', 'redis'), 'utf8').trim()).toBe('both 127.0.0.1 6379');
  });

  it('GIVEN the wave wrote the new file and a CONFIG REWRITE put the old password back in it WHEN the second phase runs THEN only the new one is accepted, in the file too', () => {
    writeFileSync(join(dir, 'redis.conf'), confWith(NEW));
    // what Sentinel makes a member do on a failover meanwhile
    expect(cli(NEW, 'CONFIG', 'REWRITE')).toBe('OK');
    const rewritten = readFileSync(join(dir, 'redis.conf'), 'utf8');
    // both passwords in the file: a restart would accept the old one again
    expect(/^user default on .*$/m.exec(rewritten)?.[0].match(/#[0-9a-f]{64}/g)).toHaveLength(2);
    const r = phase('after', confWith(NEW));
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe('redis-server accepts the new password only');
    expect(cli(OLD, 'PING')).toMatch(/WRONGPASS|invalid username-password/);
    expect(cli(NEW, 'PING')).toBe('PONG');
    const file = readFileSync(join(dir, 'redis.conf'), 'utf8');
    // a `user default` line a rewrite writes holds the new password alone (its SHA-256)
    const hashes = [...file.matchAll(/^user default .*$/gm)].flatMap(
      (m) => m[0].match(/#[0-9a-f]{64}/g) ?? [],
    );
    expect(hashes.length).toBeLessThanOrEqual(1);
    for (const h of hashes) expect(h).toBe(`#${createHash('sha256').update(NEW).digest('hex')}`);
    expect(file).toMatch(new RegExp(`^requirepass "?${NEW}"?$`, 'm'));
    expect(existsSync(join(dir, 'state', 'redis'))).toBe(false);
  });

  it('GIVEN the same password THEN nothing to do', () => {
    const r = phase('before', confWith(NEW));
    expect(r.out.trim()).toBe('password unchanged');
    expect(phase('after', confWith(NEW)).out.trim()).toBe('nothing to do');
    expect(cli(NEW, 'PING')).toBe('PONG');
  });

  it('GIVEN the password removed THEN it is still required after the first phase, and cleared after the second', () => {
    expect(phase('before', confWith(null)).out.trim()).toBe(
      'the password is removed: cleared after the last wave',
    );
    expect(cli(NEW, 'PING')).toBe('PONG');
    writeFileSync(join(dir, 'redis.conf'), confWith(null));
    const r = phase('after', confWith(null));
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe('redis-server has no password now');
    expect(cli(null, 'PING')).toBe('PONG');
    expect(existsSync(join(dir, 'state', 'redis-previous-auth'))).toBe(false);
  });

  it('GIVEN a password added where there was none THEN clients without it work until the second phase, and are refused after', () => {
    expect(phase('before', confWith(OLD)).out.trim()).toBe(
      'a password where there was none: set after the last wave (clients without it are refused from then on)',
    );
    expect(cli(null, 'PING')).toBe('PONG');
    writeFileSync(join(dir, 'redis.conf'), confWith(OLD));
    const r = phase('after', confWith(OLD));
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe('redis-server requires the password now');
    expect(cli(null, 'PING')).toMatch(/NOAUTH/);
    expect(cli(OLD, 'PING')).toBe('PONG');
    expect(cli(OLD, 'CONFIG', 'GET', 'masterauth').split('\n')).toEqual(['masterauth', OLD]);
  });

  it('GIVEN a server whose password was changed by hand THEN the first phase fails, saying what redis-server answered, with no password in it', () => {
    expect(cli(OLD, 'CONFIG', 'SET', 'requirepass', 'by-hand-0000')).toBe('OK');
    const r = phase('before', confWith(NEW));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^redis-server did not take the new password beside the old one: .*(WRONGPASS|invalid)/,
    );
    for (const secret of [OLD, NEW, 'by-hand-0000']) expect(r.out).not.toContain(secret);
    expect(cli('by-hand-0000', 'PING')).toBe('PONG');
  });
});
