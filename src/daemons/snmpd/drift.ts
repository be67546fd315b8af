/**
 * snmpd's configuration in sections: `agent` (where it listens, AgentX, system identity),
 * `view NAME`, `user NAME` (createUser and its access), `community` (SNMPv2c access) and
 * `global`. Directives are case-insensitive to snmpd, so their first word is compared in lower
 * case; comments and blank lines are ignored. snmpd adds nothing to the file it reads.
 */
import type { ConfigSection } from '../../drift/types.js';

function sectionOf(words: string[]): string {
  const d = words[0]!.toLowerCase();
  if (
    /^(agentaddress|master|agentxsocket|agentxperms|agentxtimeout|agentxretries|sysname|syslocation|syscontact|sysservices)$/.test(
      d,
    )
  )
    return 'agent';
  if (d === 'view') return `view ${words[1] ?? ''}`;
  if (/^(createuser|rouser|rwuser|authuser)$/.test(d)) return `user ${words[1] ?? ''}`;
  if (/^(rocommunity6?|rwcommunity6?|com2sec6?|authcommunity)$/.test(d)) return 'community';
  return 'global';
}

export function normaliseSnmpd(text: string): ConfigSection[] {
  const sections = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*#.*$/, '').trim();
    if (!line) continue;
    const words = line.split(/\s+/);
    words[0] = words[0]!.toLowerCase();
    const name = sectionOf(words);
    sections.set(name, [...(sections.get(name) ?? []), words.join(' ')]);
  }
  return [...sections].map(([name, lines]) => ({ name, lines }));
}

/** snmpd's sections group lines: none has a line of its own that opens it. */
export function snmpdSectionHeader(_section: string): string[] {
  return [];
}

export function snmpdLineKey(line: string): string | null {
  const words = line.split(' ');
  if (words[0] === 'view' || words[0] === 'rocommunity' || words[0] === 'rwcommunity') return null;
  if (words[0] === 'createuser' || words[0] === 'rouser' || words[0] === 'rwuser')
    return words.slice(0, 2).join(' ');
  return words[0]!;
}

/** snmpd changes no forwarding: its differences are minor unless a section is missing. */
export function snmpdAffectsForwarding(_section: string, _line: string): boolean {
  return false;
}
