/**
 * Which OpenSSH client config fabric reads, the way Ansible finds ansible.cfg:
 *
 *   1. `--ssh-config FILE` (`--ssh-config none`: no config at all)
 *   2. the environment variable FABRIC_SSH_CONFIG
 *   3. `ssh_config:` in the project settings file `.fabric/config.yaml`, in the current folder or
 *      the nearest parent that has one (a relative path is relative to the folder holding `.fabric/`)
 *   4. `~/.ssh/config`, when it exists
 *
 * A file named by 1–3 must exist; the message says who named it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseSshConfig, type SshConfig } from './ssh-config.js';

export const SSH_CONFIG_ENV = 'FABRIC_SSH_CONFIG';
export const SETTINGS_FILE = join('.fabric', 'config.yaml');

export type SshConfigSource =
  | { kind: 'flag'; file: string }
  | { kind: 'env'; file: string }
  | { kind: 'settings'; file: string; settings: string }
  | { kind: 'default'; file: string }
  | { kind: 'none'; why: string };

/** For messages: "--ssh-config x", "FABRIC_SSH_CONFIG=x", ".fabric/config.yaml (ssh_config: x)". */
export function describeSource(s: SshConfigSource): string {
  switch (s.kind) {
    case 'flag':
      return `--ssh-config ${s.file}`;
    case 'env':
      return `${SSH_CONFIG_ENV}=${s.file}`;
    case 'settings':
      return `${s.settings} (ssh_config: ${s.file})`;
    case 'default':
      return s.file;
    case 'none':
      return s.why;
  }
}

/** The nearest `.fabric/config.yaml` from `cwd` up, or null. */
export function findSettingsFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, SETTINGS_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `ssh_config:` of a settings file, resolved; other keys belong to other parts of fabric. */
function settingsSshConfig(settings: string): { file: string | null } | { error: string } {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(settings, 'utf8'));
  } catch (e) {
    return { error: `${settings}: not valid YAML (${(e as Error).message.split('\n')[0]})` };
  }
  if (doc === null || doc === undefined) return { file: null };
  if (typeof doc !== 'object' || Array.isArray(doc))
    return {
      error: `${settings}: expected a mapping of settings, e.g. 'ssh_config: lab/clab-idc-a/ssh_config'`,
    };
  if (!Object.hasOwn(doc, 'ssh_config')) return { file: null };
  const value = (doc as Record<string, unknown>).ssh_config;
  if (typeof value !== 'string' || value === '')
    return {
      error: `${settings}: ssh_config must be a file path, e.g. 'ssh_config: lab/clab-idc-a/ssh_config'`,
    };
  const project = dirname(dirname(settings));
  return { file: isAbsolute(value) ? value : join(project, value) };
}

export function findSshConfig(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  home: string = homedir(),
): SshConfigSource | { error: string } {
  if (flag !== undefined) {
    if (flag === 'none') return { kind: 'none', why: '--ssh-config none' };
    return existsSync(flag)
      ? { kind: 'flag', file: flag }
      : { error: `--ssh-config ${flag}: no such file; name an OpenSSH client config (or 'none')` };
  }
  const fromEnv = env[SSH_CONFIG_ENV];
  if (fromEnv) {
    if (fromEnv === 'none') return { kind: 'none', why: `${SSH_CONFIG_ENV}=none` };
    return existsSync(fromEnv)
      ? { kind: 'env', file: fromEnv }
      : {
          error: `${SSH_CONFIG_ENV}=${fromEnv}: no such file; unset it or point it at an OpenSSH client config`,
        };
  }
  const settings = findSettingsFile(cwd);
  if (settings) {
    const r = settingsSshConfig(settings);
    if ('error' in r) return r;
    if (r.file !== null)
      return existsSync(r.file)
        ? { kind: 'settings', file: r.file, settings }
        : { error: `${settings}: ssh_config ${r.file}: no such file` };
  }
  const user = join(home, '.ssh', 'config');
  if (existsSync(user)) return { kind: 'default', file: user };
  return {
    kind: 'none',
    why: `no ssh config (none of --ssh-config, ${SSH_CONFIG_ENV}, ${SETTINGS_FILE}, ~/.ssh/config)`,
  };
}

/** Reads and parses the config a source names, following Include as ssh does. */
export function loadSshConfig(source: SshConfigSource, home: string = homedir()): SshConfig | null {
  if (source.kind === 'none') return null;
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  // Include: relative paths are in ~/.ssh (ssh_config(5)); a glob in the last component
  const expand = (pattern: string): string[] => {
    const path = pattern.startsWith('~/') ? join(home, pattern.slice(2)) : pattern;
    const full = isAbsolute(path) ? path : join(home, '.ssh', path);
    const name = basename(full);
    if (!/[*?]/.test(name)) return [full];
    const re = new RegExp(
      `^${name
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    try {
      return readdirSync(dirname(full))
        .filter((f) => re.test(f))
        .sort()
        .map((f) => join(dirname(full), f));
    } catch {
      return [];
    }
  };
  return parseSshConfig(read(source.file) ?? '', source.file, { read, expand });
}
