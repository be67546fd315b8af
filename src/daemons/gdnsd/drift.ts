/**
 * gdnsd's files as drift compares them. `config`: a section per top-level stanza and per entry
 * of `service_types` and `plugins.multifo` (`service_types www_http`, `multifo www`), lines
 * trimmed, `=` and `=>` alike, comments (`#`, `;`) and brace-only lines dropped. A zone file: one
 * section, a line per record with its whitespace collapsed. gdnsd adds nothing to either file.
 */
import type { ConfigSection } from '../../drift/types.js';

export function normaliseGdnsdConfig(text: string): ConfigSection[] {
  const sections = new Map<string, string[]>();
  const stack: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/\s[#;].*$|^[#;].*$/, '')
      .trim()
      .replace(/\s*=>?\s*/g, ' => ')
      .replace(/\s+/g, ' ');
    if (!line) continue;
    const open = /^(\S+) => \{$/.exec(line);
    if (open) {
      stack.push(open[1]!);
      continue;
    }
    if (/^\}+$/.test(line)) {
      stack.pop();
      continue;
    }
    const name = sectionName(stack);
    sections.set(name, [...(sections.get(name) ?? []), line]);
  }
  return [...sections].map(([name, lines]) => ({ name, lines }));
}

function sectionName(stack: readonly string[]): string {
  if (stack[0] === 'plugins') return stack.slice(1, 3).join(' ') || 'plugins';
  return stack.slice(0, 2).join(' ') || 'global';
}

export function normaliseGdnsdZone(text: string): ConfigSection[] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/;.*$/, '').trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [{ name: 'zone', lines }];
}

/** gdnsd's sections group lines: none has a line of its own that opens it. */
export function gdnsdSectionHeader(_section: string): string[] {
  return [];
}

/** A config line sets its key; a zone record is a member of its owner's set. */
export function gdnsdLineKey(line: string): string | null {
  const key = /^(\S+) => /.exec(line);
  if (key) return key[1]!;
  return null;
}

/** DNS answers do not forward packets; a missing resource or zone stops answering, which is major anyway. */
export function gdnsdAffectsForwarding(_section: string, _line: string): boolean {
  return false;
}
