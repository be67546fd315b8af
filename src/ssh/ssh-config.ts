/**
 * OpenSSH's client configuration (ssh_config(5)), read the way `ssh` reads it, for the keywords
 * fabric uses: HostName, User, Port, IdentityFile, IdentitiesOnly, UserKnownHostsFile,
 * StrictHostKeyChecking, ConnectTimeout. `Host` patterns take `*`, `?` and `!`; the first value
 * of a keyword wins (IdentityFile adds up); `Include` is followed; `Match all` is `Host *`, and
 * the other `Match` blocks are skipped (and said so). Parsing is pure: the caller reads files.
 *
 * A device is looked up under its inventory name and its management address, so both
 * `Host leaf1a` (as the lab writes) and `Host 198.18.1.*` apply.
 */

/** One `Host` (or `Match`) block: its patterns and its keyword lines, in file order. */
export interface SshConfigBlock {
  /** Host patterns; `null` for a `Match` block fabric cannot evaluate (never applies). */
  patterns: string[] | null;
  options: SshConfigOption[];
}

export interface SshConfigOption {
  /** Lower case, as keywords are case-insensitive. */
  keyword: string;
  args: string[];
  /** `file:line`, for messages. */
  where: string;
}

export interface SshConfig {
  /** The file it was read from, as the user named it. */
  file: string;
  blocks: SshConfigBlock[];
  /** Lines fabric could not use, with `file:line` (unsupported Match, bad quoting, …). */
  problems: string[];
}

/** Reads an included file (absolute path): its text, or null when it does not exist. */
export type ReadConfigFile = (path: string) => string | null;
/** Expands an Include pattern to absolute paths (a glob on the last component). */
export type ExpandInclude = (pattern: string) => string[];

/** Splits a line into words as ssh does: whitespace (or one `=` after the keyword), double quotes. */
export function splitWords(line: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  const s = line.trim();
  // `Keyword=value` and `Keyword = value`
  const eq = /^([A-Za-z]+)\s*=\s*/.exec(s);
  if (eq) {
    words.push(eq[1]!);
    i = eq[0].length;
  }
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) return null;
      words.push(s.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < s.length && !/\s/.test(s[j]!)) j++;
      words.push(s.slice(i, j));
      i = j;
    }
  }
  return words;
}

const MAX_INCLUDE_DEPTH = 16;

export function parseSshConfig(
  text: string,
  file: string,
  io: { read: ReadConfigFile; expand: ExpandInclude } = { read: () => null, expand: () => [] },
): SshConfig {
  const config: SshConfig = { file, blocks: [{ patterns: ['*'], options: [] }], problems: [] };
  parseInto(config, text, file, io, 0);
  return config;
}

function parseInto(
  config: SshConfig,
  text: string,
  file: string,
  io: { read: ReadConfigFile; expand: ExpandInclude },
  depth: number,
): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, n) => {
    const where = `${file}:${n + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const words = splitWords(line);
    if (!words || words.length === 0) {
      config.problems.push(`${where}: unbalanced quotes; line ignored`);
      return;
    }
    const keyword = words[0]!.toLowerCase();
    const args = words.slice(1);
    if (keyword === 'host') {
      config.blocks.push({ patterns: args, options: [] });
      return;
    }
    if (keyword === 'match') {
      const all = args.length === 1 && args[0]!.toLowerCase() === 'all';
      if (!all)
        config.problems.push(
          `${where}: Match ${args.join(' ')}: fabric evaluates only 'Match all'; block skipped`,
        );
      config.blocks.push({ patterns: all ? ['*'] : null, options: [] });
      return;
    }
    if (keyword === 'include') {
      if (depth >= MAX_INCLUDE_DEPTH) {
        config.problems.push(`${where}: Include nested more than ${MAX_INCLUDE_DEPTH} deep; ignored`);
        return;
      }
      for (const pattern of args)
        for (const path of io.expand(pattern)) {
          const included = io.read(path);
          if (included !== null) parseInto(config, included, path, io, depth + 1);
        }
      return;
    }
    config.blocks.at(-1)!.options.push({ keyword, args, where });
  });
}

/** ssh_config(5) pattern: `*` any run of characters, `?` one character; case-insensitive. */
export function patternMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

/**
 * Whether a `Host` line applies to a device known by these names: some pattern matches one of
 * them, and no negated pattern (`!name`) matches any of them (a negated match rules the line out).
 */
export function hostMatches(patterns: readonly string[], names: readonly string[]): boolean {
  let positive = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (names.some((n) => patternMatches(p.slice(1), n))) return false;
    } else if (names.some((n) => patternMatches(p, n))) positive = true;
  }
  return positive;
}

/** What the config says for one device; every field is absent when the config does not set it. */
export interface HostSettings {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  /** `file:line` of each of `identityFiles`. */
  identityWhere: string[];
  identitiesOnly?: boolean;
  userKnownHostsFile?: string;
  strictHostKeyChecking?: 'yes' | 'accept-new' | 'no' | 'ask';
  connectTimeoutSeconds?: number;
  /** `file:line` of each value used, by keyword, for messages. */
  where: Map<string, string>;
  /** Keywords set for this device that fabric does not honour (ProxyJump, …): worth a mention on failure. */
  ignored: string[];
}

const USED = new Set([
  'hostname',
  'user',
  'port',
  'identityfile',
  'identitiesonly',
  'userknownhostsfile',
  'stricthostkeychecking',
  'connecttimeout',
]);
/** Keywords that change how to reach a host: silently ignoring them would connect somewhere else. */
const ROUTING = new Map([
  ['proxyjump', 'ProxyJump'],
  ['proxycommand', 'ProxyCommand'],
  ['hostkeyalias', 'HostKeyAlias'],
  ['canonicalizehostname', 'CanonicalizeHostname'],
]);

/** The settings for a device: the first value of each keyword over the blocks that apply. */
export function hostSettings(config: SshConfig, names: readonly string[]): HostSettings {
  const s: HostSettings = { identityFiles: [], identityWhere: [], where: new Map(), ignored: [] };
  const first = (keyword: string, where: string): boolean => {
    if (s.where.has(keyword)) return false;
    s.where.set(keyword, where);
    return true;
  };
  for (const block of config.blocks) {
    if (!block.patterns || !hostMatches(block.patterns, names)) continue;
    for (const { keyword, args, where } of block.options) {
      const value = args[0];
      if (value === undefined) continue;
      if (!USED.has(keyword)) {
        const name = ROUTING.get(keyword);
        if (name && !s.ignored.includes(name)) s.ignored.push(name);
        continue;
      }
      if (keyword === 'identityfile') {
        if (value.toLowerCase() !== 'none') {
          s.identityFiles.push(value);
          s.identityWhere.push(where);
        }
        s.where.set(keyword, s.where.get(keyword) ?? where);
        continue;
      }
      if (!first(keyword, where)) continue;
      switch (keyword) {
        case 'hostname':
          s.hostName = value;
          break;
        case 'user':
          s.user = value;
          break;
        case 'port': {
          const port = Number(value);
          if (Number.isInteger(port) && port > 0 && port < 65536) s.port = port;
          else config.problems.push(`${where}: Port ${value} is not a port number; ignored`);
          break;
        }
        case 'identitiesonly':
          s.identitiesOnly = value.toLowerCase() === 'yes';
          break;
        case 'userknownhostsfile':
          if (value.toLowerCase() !== 'none') s.userKnownHostsFile = value;
          break;
        case 'stricthostkeychecking': {
          const v = value.toLowerCase();
          s.strictHostKeyChecking =
            v === 'yes' || v === 'accept-new' || v === 'ask' ? v : v === 'no' || v === 'off' ? 'no' : 'ask';
          break;
        }
        case 'connecttimeout': {
          const t = Number(value);
          if (Number.isFinite(t) && t > 0) s.connectTimeoutSeconds = t;
          else config.problems.push(`${where}: ConnectTimeout ${value} is not a number of seconds; ignored`);
          break;
        }
      }
    }
  }
  return s;
}

/**
 * ssh_config's `~` and `%` tokens in a path (IdentityFile, UserKnownHostsFile) or in HostName:
 * %d home, %h host name, %n the name looked up, %p port, %r remote user, %u local user, %% a %.
 */
export function expandTokens(
  value: string,
  t: { home: string; host: string; name: string; port: number; user: string; localUser: string },
): string {
  const tilde = value === '~' ? t.home : value.startsWith('~/') ? `${t.home}${value.slice(1)}` : value;
  return tilde.replace(/%([%dhnpru])/g, (_, c: string) => {
    switch (c) {
      case 'd':
        return t.home;
      case 'h':
        return t.host;
      case 'n':
        return t.name;
      case 'p':
        return String(t.port);
      case 'r':
        return t.user;
      case 'u':
        return t.localUser;
      default:
        return '%';
    }
  });
}
