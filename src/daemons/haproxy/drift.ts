/**
 * HAProxy's configuration in sections: `global`, `defaults`, one per `frontend NAME`,
 * `backend NAME`, `listen NAME` (and `peers`, `resolvers`, `userlist`, …). A section's lines
 * are compared as a set, except that the order of the rules HAProxy evaluates in order
 * (`http-request`, `use_backend`, `tcp-request`, `http-response`, `tcp-check`: a data service's
 * role check is a dialogue) is part of the line: the
 * `n`th such rule is `#n http-request …`. Comments, blank lines and whitespace are ignored;
 * HAProxy prints nothing of its own, because drift reads the file the running haproxy was
 * started with (its `-f`).
 */
import type { ConfigSection } from '../../drift/types.js';

const SECTION =
  /^(global|defaults|frontend|backend|listen|peers|resolvers|userlist|mailers|cache|program|ring|http-errors)\b/;
const ORDERED = /^(http-request|http-response|tcp-request|tcp-response|tcp-check|use_backend|use-server)\b/;

export function normaliseHaproxy(text: string): ConfigSection[] {
  const sections: ConfigSection[] = [];
  let current: ConfigSection | null = null;
  let ordered = 0;
  for (const raw of text.split('\n')) {
    // `#` starts a comment unless escaped or quoted; fabric never writes either
    const line = raw
      .replace(/(^|\s)#.*$/, '')
      .trim()
      .replace(/\s+/g, ' ');
    if (!line) continue;
    if (SECTION.test(line)) {
      current = { name: line, lines: [] };
      sections.push(current);
      ordered = 0;
      continue;
    }
    if (!current) {
      current = { name: 'global', lines: [] };
      sections.push(current);
    }
    current.lines.push(ORDERED.test(line) ? `#${++ordered} ${line}` : line);
  }
  return sections;
}

/** The setting a line sets, for pairing a missing and an extra line as `changed`; null: a set member. */
export function haproxyLineKey(line: string): string | null {
  const l = line.replace(/^#\d+ /, '');
  const patterns: RegExp[] = [
    /^(server \S+)/,
    /^(bind \S+)/,
    /^(acl \S+)/,
    /^(timeout \S+)/,
    /^(stats socket)/,
    /^(stats timeout|maxconn|balance|default_backend|mode|user|group|chroot|ssl-default-bind-options|http-check expect|http-check send|stick-table|log)\b/,
  ];
  for (const p of patterns) {
    const m = p.exec(l);
    if (m) return m[1]!;
  }
  // an ordered rule: its position is its key (`#2 http-request …` changed)
  const pos = /^(#\d+) /.exec(line);
  return pos ? pos[1]! : null;
}

/** Lines that change where or whether traffic goes: an extra one is major. */
export function haproxyAffectsForwarding(_section: string, line: string): boolean {
  return /^(#\d+ )?(server|bind|use_backend|default_backend|http-request|tcp-request|acl|balance|option httpchk)\b/.test(
    line,
  );
}
