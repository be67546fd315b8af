/**
 * known_hosts parsing and matching, checked against lines and fingerprints made by OpenSSH's own
 * ssh-keygen (the hashed lines below come from `ssh-keygen -H`), and the host key policy on a
 * real file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobKeyType, fingerprintSha256, keyTypeLabel } from '../../src/ssh/fingerprint.js';
import { appendKnownHost, verifyHostKey } from '../../src/ssh/host-key-check.js';
import {
  checkHostKey,
  entryMatches,
  hashHostName,
  knownHostLine,
  lookupName,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
} from '../../src/ssh/known-hosts.js';
import { tempDir } from '../support/tmp.js';

// ssh-keygen -t … ; the fingerprints are what `ssh-keygen -lf` printed for them
const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIBRzzGVPMa5RPvOTHkv/KD/Z0ah8Q56mzMWbAwe8m0y9';
const ECDSA384 =
  'AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBN9XlyQQcxeiJ03Zlb18HhQJ9F09MlcsUFz2OTFQUMhwDOvl63HsgmSqdBsOzlvDB4j8Q0Dx0tVr7PKfQ1DC0e9/t6jgGvX7vF2f4jfAS7YHgtEpNO4TlniOW0/b0J59vQ==';
const RSA =
  'AAAAB3NzaC1yc2EAAAADAQABAAAAgQDMdnh3EbIfomvkJulu7TtfYS2srOjcNtn0CltBYTCDvBnhTvzNZ3YslVELY0wRM9wG3ajx/jRaBfoM4CQ0ZUPR8ka0vUD/f16dZ1eDWPiDeZnpIEda+DOfCHpQVDjFsnjoqWcrzJHG4+uVk4eYrdFGD6vuZoKe9zP10jxrM93uqw==';
const ECDSA521 =
  'AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBACt+J/ofP1QUOeXpJh0rPSe7ZoD31FyjBW6IRe2scEYSV+6eo9pefht4knDb2ZXaFUR/leE4QcXiq42AKhVrlUHHQBiXhIoB02r3Cgj0pNFKFvrktB1Jh7jPk6I7HemnZsyqFd11IpC/F4ThjObf855XHXqH0fCpKQH2F1q2ZtkO7nY7Q==';
const blob = (b64: string) => Buffer.from(b64, 'base64');

describe('fingerprints', () => {
  it('GIVEN keys of every type THEN the SHA256 fingerprint is the one ssh-keygen -l prints', () => {
    expect(fingerprintSha256(blob(ED25519))).toBe('SHA256:Xn9sPQkUuXfrQlgP8ZgYk5LiV1DpzYIszdPLnYCYByE');
    expect(fingerprintSha256(blob(ECDSA384))).toBe('SHA256:xX/OMzrrHCgtTp5CNmYAEl8yboT0mzcafNbdzNs6e6w');
    expect(fingerprintSha256(blob(RSA))).toBe('SHA256:jmuMqRe1Hi0thOsWrDuT+BOk43HwO0J2hcR5Rtynf6U');
    expect(fingerprintSha256(blob(ECDSA521))).toBe('SHA256:2fkj0d9QKefpU0M2xVaee2v3TkRFhUfaeshHhdGeEE4');
  });

  it('GIVEN key blobs THEN their type and OpenSSH label are read from the blob', () => {
    expect(blobKeyType(blob(ED25519))).toBe('ssh-ed25519');
    expect(blobKeyType(blob(ECDSA521))).toBe('ecdsa-sha2-nistp521');
    expect(['ssh-ed25519', 'ecdsa-sha2-nistp384', 'ssh-rsa'].map(keyTypeLabel)).toEqual([
      'ED25519',
      'ECDSA',
      'RSA',
    ]);
    expect(blobKeyType(Buffer.from([0, 0]))).toBeUndefined();
  });
});

describe('known_hosts parsing', () => {
  const text = [
    '# a comment',
    '',
    `leaf1a,198.18.1.11 ssh-ed25519 ${ED25519} root@leaf1a`,
    `[198.18.1.12]:2222 ecdsa-sha2-nistp384 ${ECDSA384}`,
    `   spine* ssh-rsa ${RSA}`,
    'broken-line ssh-ed25519',
    `mismatch ssh-rsa ${ED25519}`,
    `@revoked * ecdsa-sha2-nistp521 ${ECDSA521}`,
    `@cert-authority *.example ssh-ed25519 ${ED25519}`,
    `@unknown-marker x ssh-ed25519 ${ED25519}`,
  ].join('\n');

  it('GIVEN comments, markers and broken lines THEN valid entries keep their line numbers', () => {
    const entries = parseKnownHosts(text);
    expect(entries.map((e) => [e.line, e.hosts, e.keyType, e.marker])).toEqual([
      [3, 'leaf1a,198.18.1.11', 'ssh-ed25519', undefined],
      [4, '[198.18.1.12]:2222', 'ecdsa-sha2-nistp384', undefined],
      [5, 'spine*', 'ssh-rsa', undefined],
      [8, '*', 'ecdsa-sha2-nistp521', '@revoked'],
      [9, '*.example', 'ssh-ed25519', '@cert-authority'],
    ]);
  });

  it('GIVEN a host and port THEN it is looked up as host on 22 and [host]:port otherwise, lower-cased', () => {
    expect(lookupName('Leaf1A', 22)).toBe('leaf1a');
    expect(lookupName('198.18.1.12', 2222)).toBe('[198.18.1.12]:2222');
    expect(lookupName('fd00::1', 830)).toBe('[fd00::1]:830');
  });

  it('GIVEN plain patterns THEN comma lists, wildcards, negation and [host]:port match like OpenSSH', () => {
    const e = (hosts: string) => ({ line: 1, hosts, keyType: 'ssh-ed25519', key: blob(ED25519) });
    expect(entryMatches(e('leaf1a,198.18.1.11'), '198.18.1.11')).toBe(true);
    expect(entryMatches(e('leaf1a,198.18.1.11'), '198.18.1.111')).toBe(false);
    expect(entryMatches(e('LEAF1A'), 'leaf1a')).toBe(true);
    expect(entryMatches(e('spine?'), 'spine1')).toBe(true);
    expect(entryMatches(e('spine?'), 'spine10')).toBe(false);
    expect(entryMatches(e('198.18.1.*,!198.18.1.99'), '198.18.1.5')).toBe(true);
    expect(entryMatches(e('198.18.1.*,!198.18.1.99'), '198.18.1.99')).toBe(false);
    expect(entryMatches(e('[198.18.1.12]:2222'), '[198.18.1.12]:2222')).toBe(true);
    expect(entryMatches(e('[198.18.1.12]:2222'), '198.18.1.12')).toBe(false);
    expect(entryMatches(e('198.18.1.12'), '[198.18.1.12]:2222')).toBe(false);
    expect(entryMatches(e('a.b'), 'axb')).toBe(false); // the dot is literal
  });

  it('GIVEN hashed entries written by ssh-keygen -H THEN they match their host (and [host]:port) only', () => {
    const hashed = parseKnownHosts(
      [
        `|1|XyrWAXYFA3Jty38mxkeHgqDXNV0=|qM48p3cGHBvJV7hxbVLRbEauBew= ssh-ed25519 ${ED25519}`,
        `|1|eQEkFkZNPeeDQsz0bg/s6yzLspE=|WviAKe3ij86I6Dtm3UCSKuzGu4s= ecdsa-sha2-nistp384 ${ECDSA384}`,
      ].join('\n'),
    );
    expect(hashed).toHaveLength(2);
    expect(entryMatches(hashed[0]!, 'leaf1a')).toBe(true);
    expect(entryMatches(hashed[0]!, 'leaf1b')).toBe(false);
    expect(entryMatches(hashed[1]!, lookupName('198.18.1.11', 2222))).toBe(true);
    expect(entryMatches(hashed[1]!, '198.18.1.11')).toBe(false);
    expect(checkHostKey(hashed, 'leaf1a', blob(ED25519))).toMatchObject({ status: 'known' });
  });

  it('GIVEN a name THEN our hashed form matches it and nothing else', () => {
    const [e] = parseKnownHosts(knownHostLine('[leaf1a]:2222', blob(ED25519), { hashed: true }));
    expect(e!.hosts).toMatch(/^\|1\|[A-Za-z0-9+/=]{28}\|[A-Za-z0-9+/=]{28}$/);
    expect(entryMatches(e!, '[leaf1a]:2222')).toBe(true);
    expect(entryMatches(e!, 'leaf1a')).toBe(false);
    expect(hashHostName('x', Buffer.alloc(20))).toBe(hashHostName('x', Buffer.alloc(20)));
  });
});

describe('host key check', () => {
  const entries = parseKnownHosts(
    [
      `leaf1a ssh-ed25519 ${ED25519}`,
      `leaf1b ecdsa-sha2-nistp384 ${ECDSA384}`,
      `leaf1b ssh-rsa ${RSA}`,
      `@revoked * ecdsa-sha2-nistp521 ${ECDSA521}`,
    ].join('\n'),
  );

  it('GIVEN the recorded key THEN it is known', () => {
    expect(checkHostKey(entries, 'leaf1a', blob(ED25519))).toEqual({ status: 'known', entry: entries[0] });
    expect(checkHostKey(entries, 'leaf1b', blob(RSA))).toMatchObject({ status: 'known', entry: { line: 3 } });
  });

  it('GIVEN a host nobody recorded THEN it is unknown', () => {
    expect(checkHostKey(entries, 'leaf2a', blob(ED25519))).toEqual({ status: 'unknown' });
  });

  it('GIVEN another key of a recorded type THEN it is changed, with the old entry of that type', () => {
    const other = knownHostLine('x', blob(ECDSA384)).split(' ')[2]!;
    expect(other).toBe(ECDSA384);
    const check = checkHostKey(entries, 'leaf1a', blob(RSA));
    // leaf1a has only an ED25519 key: a host that no longer offers it has changed
    expect(check).toMatchObject({ status: 'changed', old: [{ line: 1 }] });
  });

  it('GIVEN a revoked key THEN it is revoked even for a host with no entry', () => {
    expect(checkHostKey(entries, 'anything', blob(ECDSA521))).toMatchObject({
      status: 'revoked',
      entry: { line: 4 },
    });
  });

  it('GIVEN recorded key types THEN those host key algorithms are offered first, RSA as its SHA-2 variants', () => {
    expect(preferredHostKeyAlgorithms(entries, 'leaf1b').slice(0, 4)).toEqual([
      'ecdsa-sha2-nistp384',
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(preferredHostKeyAlgorithms(entries, 'leaf1a')[0]).toBe('ssh-ed25519');
    expect(preferredHostKeyAlgorithms(entries, 'unknown')).toHaveLength(7);
  });
});

describe('host key policy on a file', () => {
  const ask = (file: string, presented: string, policy: 'strict' | 'accept-new', port = 22) =>
    verifyHostKey({ file, host: '198.18.1.11', port, presented: blob(presented), policy });

  it('GIVEN no file THEN strict refuses naming the file and the flag, and accept-new creates it', () => {
    const file = join(tempDir(), 'sub', 'known_hosts');
    const refused = ask(file, ED25519, 'strict');
    expect(refused).toMatchObject({ accepted: false, kind: 'host-key-unknown' });
    expect(!refused.accepted && refused.message).toContain(`${file} does not exist`);
    expect(!refused.accepted && refused.message).toMatch(/UserKnownHostsFile .*--known-hosts FILE/);
    expect(!refused.accepted && refused.message).toContain('--accept-new-host-keys');
    expect(ask(file, ED25519, 'accept-new', 2222)).toEqual({ accepted: true, added: true });
    expect(readFileSync(file, 'utf8')).toBe(`[198.18.1.11]:2222 ssh-ed25519 ${ED25519}\n`);
    expect(ask(file, ED25519, 'strict', 2222)).toEqual({ accepted: true, added: false });
  });

  it('GIVEN a file without the host THEN the advice is to point at the file that has it first, and to record a new device second', () => {
    const file = join(tempDir(), 'known_hosts');
    writeFileSync(file, '');
    const refused = verifyHostKey({
      file,
      host: '198.18.1.11',
      port: 22,
      presented: Buffer.from(ED25519, 'base64'),
      policy: 'strict',
      origin: {
        knownHosts: 'UserKnownHostsFile at lab/ssh_config:7',
        sshConfig: 'FABRIC_SSH_CONFIG=lab/ssh_config',
      },
    });
    const message = refused.accepted ? '' : refused.message;
    expect(message).toContain(`host key not in ${file} (UserKnownHostsFile at lab/ssh_config:7)`);
    expect(message).toContain('ssh config: FABRIC_SSH_CONFIG=lab/ssh_config');
    expect(message.indexOf('--known-hosts')).toBeLessThan(message.indexOf('--accept-new-host-keys'));
    expect(message).toMatch(
      /if the device is new, check the fingerprint and connect once with --accept-new-host-keys$/,
    );
  });

  it('GIVEN a changed key THEN both policies refuse with file:line and both fingerprints', () => {
    const file = join(tempDir(), 'known_hosts');
    writeFileSync(file, `# lab\n198.18.1.11 ssh-ed25519 ${ED25519}`); // no final newline
    for (const policy of ['strict', 'accept-new'] as const) {
      const v = ask(file, RSA, policy);
      expect(v).toMatchObject({ accepted: false, kind: 'host-key-changed' });
      const message = v.accepted ? '' : v.message;
      expect(message).toContain(`${file}:2 has ED25519 SHA256:Xn9sPQkUuXfrQlgP8ZgYk5LiV1DpzYIszdPLnYCYByE`);
      expect(message).toContain('now offers RSA SHA256:jmuMqRe1Hi0thOsWrDuT+BOk43HwO0J2hcR5Rtynf6U');
      expect(message).toContain(`ssh-keygen -R 198.18.1.11 -f ${file}`);
      expect(message).not.toContain('\n');
    }
    expect(readFileSync(file, 'utf8')).toBe(`# lab\n198.18.1.11 ssh-ed25519 ${ED25519}`);
  });

  it('GIVEN a file without a final newline THEN an appended line starts on its own line', () => {
    const file = join(tempDir(), 'known_hosts');
    writeFileSync(file, `other ssh-rsa ${RSA}`);
    appendKnownHost(file, `new ssh-ed25519 ${ED25519}`);
    expect(parseKnownHosts(readFileSync(file, 'utf8')).map((e) => e.hosts)).toEqual(['other', 'new']);
  });

  it('GIVEN a known_hosts path that is a directory THEN the check fails with a message, not an exception', () => {
    const v = ask(tempDir(), ED25519, 'strict');
    expect(v).toMatchObject({ accepted: false, kind: 'host-key-unknown' });
    expect(!v.accepted && v.message).toMatch(/cannot read known_hosts .* \(EISDIR\)/);
  });
});
