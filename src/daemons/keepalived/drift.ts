/**
 * keepalived's configuration in sections: `global_defs`, one per `vrrp_sync_group NAME`, per
 * `vrrp_instance NAME`, per `virtual_server ADDRESS PORT` and per real server of it
 * (`virtual_server 203.0.113.10 443 / real_server 10.20.1.61 443`). Nested blocks that are not
 * sections become path-prefixed lines (`authentication auth_pass …`, `HTTP_GET url path /healthz`),
 * lists (`virtual_ipaddress`, `track_interface`, a sync group's `group`) one line per member.
 * Comments (`!`, `#`), blank lines and whitespace are ignored; keepalived prints nothing of its
 * own, because drift reads the file the running keepalived was started with (its `-f`).
 */
import type { ConfigSection } from '../../drift/types.js';

/** Blocks that are drift sections of their own (with their header's words as the name). */
const SECTION_BLOCKS =
  /^(global_defs|vrrp_sync_group|vrrp_instance|virtual_server|virtual_server_group|vrrp_script|real_server)\b/;
/** Blocks whose lines are members of a set: never paired as `changed`. */
const LIST_BLOCKS = new Set([
  'virtual_ipaddress',
  'virtual_ipaddress_excluded',
  'virtual_routes',
  'virtual_rules',
  'track_interface',
  'track_script',
  'track_process',
  'unicast_peer',
  'group',
]);

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[!#].*$/, '').trim();
    if (!line) continue;
    // braces are tokens of their own: `x {`, `}`, `a { b }` on one line
    for (const part of line
      .replace(/([{}])/g, ' $1 ')
      .trim()
      .split(/\s*\n\s*/)) {
      let current: string[] = [];
      for (const w of part.split(/\s+/)) {
        if (w === '{' || w === '}') {
          if (current.length) out.push(current.join(' '));
          out.push(w);
          current = [];
        } else if (w) current.push(w);
      }
      if (current.length) out.push(current.join(' '));
    }
  }
  return out;
}

export function normaliseKeepalived(text: string): ConfigSection[] {
  const sections: ConfigSection[] = [];
  // a stack of open blocks: their header, and the section their lines go to
  const stack: { header: string; section: ConfigSection | null; prefix: string }[] = [];
  const items = tokens(text);
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (t === '}') {
      stack.pop();
      continue;
    }
    const opens = items[i + 1] === '{';
    const top = stack[stack.length - 1];
    if (opens) {
      i++;
      if (SECTION_BLOCKS.test(t)) {
        const name = top?.section ? `${top.section.name} / ${t}` : t;
        const section = { name, lines: [] };
        sections.push(section);
        stack.push({ header: t, section, prefix: '' });
      } else {
        // a nested block inside a section: its lines carry its path
        const prefix = `${top?.prefix ?? ''}${t} `;
        stack.push({ header: t, section: top?.section ?? null, prefix });
      }
      continue;
    }
    if (top?.section) top.section.lines.push(`${top.prefix}${t}`);
    else sections.push({ name: t.split(' ')[0]!, lines: [t] });
  }
  return sections;
}

/** The key of a line for pairing as `changed`: the setting without its value; null for list members. */
export function keepalivedLineKey(line: string): string | null {
  const words = line.split(' ');
  if (LIST_BLOCKS.has(words[0]!)) return null;
  if (words.length < 2) return null;
  // nested settings keep their path: `authentication auth_pass X` → `authentication auth_pass`
  return words.slice(0, -1).join(' ');
}

/** Every keepalived line changes what it does (priorities, VIPs, real servers): none is minor but a comment. */
export function keepalivedAffectsForwarding(_section: string, _line: string): boolean {
  return true;
}
