/**
 * The SSH transport for push and drift: one code path for real devices and lab nodes.
 *
 *   const pool = new SessionPool({ identities: ['lab/clab-idc-a/id_ed25519'],
 *                                  knownHostsFile: 'lab/clab-idc-a/known_hosts',
 *                                  redact: (t) => redactor.redact(t) });
 *   const r = await attempt(pool.use({ device: 'leaf1a', host: '198.18.1.11' }, (s) => s.exec('vtysh -c "show bgp summary json"')));
 *   if (!r.ok) report(r.error.kind, r.error.message);
 *
 * Every failure is an `SshError` with a `kind`; see errors.ts.
 */

export { forEachLimit, mapLimit, Semaphore } from '../util/concurrency.js';
export { shellCommand, shellQuote } from '../util/shell.js';
export { addSshOptions, type SshCliOptions, sshFlagsInEffect, sshOptionsFromCli } from './cli-options.js';
export { findSshConfig, SETTINGS_FILE, SSH_CONFIG_ENV } from './config-source.js';
export type { HostKeyInfo } from './connect.js';
export { type Attempt, attempt, isSshError, SshError, type SshErrorKind } from './errors.js';
export { describeKey, fingerprintSha256 } from './fingerprint.js';
export { ACCEPT_NEW_FLAG, defaultKnownHostsFile, type HostKeyPolicy } from './host-key-check.js';
export { PASSPHRASE_ENV } from './identity.js';
export { DEFAULTS, type ResolvedTarget, type SshOptions, type SshTarget } from './options.js';
export { SessionPool, type UseOptions } from './pool.js';
export { type ExecOptions, type ExecResult, openSession, type Session } from './session.js';
