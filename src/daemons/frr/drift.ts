/**
 * FRR's configuration in sections of normalised lines: the rendered frr.conf and the output of
 * `vtysh -c 'show running-config'` become the same shape, so they compare by meaning.
 *
 * Sections: `global` (hostname, logging, forwarding, agentx), `ip route` (static routes),
 * `ip prefix-list NAME`, one per `interface X`, `route-map NAME ACTION SEQ`, `router bgp ASN`
 * and one per address family (`router bgp ASN / address-family ipv4 unicast`), `bfd` and one
 * per `bfd / profile NAME` (or peer). Inside a section, lines are compared as a set: FRR prints
 * them in its own order (e.g. `remote-as` before `peer-group`).
 *
 * What FRR 8.4 prints by itself, found by diffing every rendered frr.conf of idc-a against
 * `show running-config` in the lab (samples in test/fixtures/drift/frr/), and ignored here —
 * precisely these lines, nothing else:
 * - the vtysh framing: `Building configuration...`, `Current configuration:`, `end`, `!` comments;
 * - `exit` / `exit-address-family` closing a node (structure, not configuration);
 * - `service integrated-vtysh-config`: vtysh.conf's setting, printed by vtysh (running only);
 * - `frr version X`: the package that runs, not configuration (an upgrade is not drift);
 * - defaults FRR does not print (`frr defaults traditional`): `ip forwarding` and
 *   `ipv6 forwarding` (printed only as `no …` when off), and in a BFD profile or peer
 *   `detect-multiplier 3`, `receive-interval 300`, `transmit-interval 300`. Both sides get the
 *   default line where a section does not set that value otherwise, so a running `no ip
 *   forwarding` or `detect-multiplier 5` is a `changed` line against the default.
 * A daemon that is not running prints none of its sections; the poller reports the daemon, not
 * each of its sections (see DAEMON_SECTIONS).
 */
import { type CompareOptions, compareSections, type DaemonRules } from '../../drift/compare.js';
import type { ConfigSection, Finding } from '../../drift/types.js';

const FRAMING = new Set(['Building configuration...', 'Current configuration:', 'end']);
const TERMINATORS = /^(exit|exit-address-family|exit-vrf|exit-vni|exit-link-params|quit)$/;
const RUNNING_ONLY = new Set(['service integrated-vtysh-config']);
const VERSION = /^frr version /;

/** Defaults of `frr defaults traditional` that FRR 8.4 never prints, by section pattern. */
const DEFAULT_LINES: { section: RegExp; lines: string[] }[] = [
  { section: /^global$/, lines: ['ip forwarding', 'ipv6 forwarding'] },
  {
    section: /^bfd \/ (profile|peer) /,
    lines: ['detect-multiplier 3', 'receive-interval 300', 'transmit-interval 300'],
  },
];

/** Top-level nodes that open a block (FRR's CLI nodes), closed by `exit`. */
const TOP_BLOCK =
  /^(interface|router|route-map|bfd|line|key chain|vrf|nexthop-group|pbr-map|segment-routing|mpls ldp|l2vpn|rpki|srv6)( |$)/;

/** Nested nodes, by the block they open in. */
function opensNested(parent: string, text: string): boolean {
  if (parent.startsWith('router ')) return /^(address-family|vni|vrf-policy) /.test(text);
  if (parent === 'bfd') return /^(profile|peer) /.test(text);
  if (parent.startsWith('interface ')) return text === 'link-params';
  if (parent.startsWith('address-family l2vpn')) return /^vni /.test(text);
  return false;
}

/** Named top-level lists that are their own section: `ip prefix-list NAME …`. */
const NAMED_LISTS =
  /^((?:ip|ipv6) prefix-list|bgp as-path access-list|bgp community-list(?: standard| expanded)?|bgp large-community-list(?: standard| expanded)?|access-list|ipv6 access-list) (\S+)/;

export type FrrSource = 'intended' | 'running';

interface Node {
  text: string;
  indent: number;
  block: boolean;
  children: Node[];
}

function collapse(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/** The lines as a tree of CLI nodes (blocks) and their lines. */
function parseTree(text: string): Node {
  const root: Node = { text: '', indent: -1, block: true, children: [] };
  const stack: Node[] = [root];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const t = collapse(line);
    if (t === '' || t.startsWith('!') || FRAMING.has(t)) continue;
    const indent = line.length - line.trimStart().length;
    if (TERMINATORS.test(t)) {
      // close the innermost block opened at this indent (or deeper)
      while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) {
        const closed = stack.pop()!;
        if (closed.indent === indent) break;
      }
      continue;
    }
    while (stack.length > 1 && indent <= stack[stack.length - 1]!.indent) stack.pop();
    const parent = stack[stack.length - 1]!;
    const block = parent === root ? TOP_BLOCK.test(t) : opensNested(parent.text, t);
    const node: Node = { text: t, indent, block, children: [] };
    parent.children.push(node);
    if (block) stack.push(node);
  }
  return root;
}

/** Section of a top-level line that is not a block. */
function topLineSection(text: string): string {
  if (/^(ip|ipv6) route /.test(text)) return text.startsWith('ipv6') ? 'ipv6 route' : 'ip route';
  const named = NAMED_LISTS.exec(text);
  if (named) return `${named[1]} ${named[2]}`;
  return 'global';
}

export function normaliseFrr(text: string, source: FrrSource): ConfigSection[] {
  const sections = new Map<string, string[]>();
  const add = (name: string, line?: string) => {
    const lines = sections.get(name) ?? [];
    if (line !== undefined) lines.push(line);
    sections.set(name, lines);
  };
  const walk = (node: Node, path: string) => {
    add(path);
    for (const c of node.children) {
      if (c.block) walk(c, `${path} / ${c.text}`);
      else add(path, c.text);
    }
  };
  for (const n of parseTree(text).children) {
    if (n.block) walk(n, n.text);
    else if (VERSION.test(n.text)) continue;
    else if (source === 'running' && RUNNING_ONLY.has(n.text)) continue;
    else add(topLineSection(n.text), n.text);
  }
  if (!sections.has('global')) sections.set('global', []);
  const out: ConfigSection[] = [];
  for (const [name, lines] of sections) {
    // the implicit defaults, made explicit where the section does not set the value otherwise
    const implicit = DEFAULT_LINES.find((d) => d.section.test(name))?.lines ?? [];
    const set = new Set(lines.map((l) => frrLineKey(l)));
    out.push({ name, lines: [...lines, ...implicit.filter((l) => !set.has(frrLineKey(l)))] });
  }
  return out;
}

/** The lines that open a section: none for the sections that group top-level lines. */
export function frrSectionHeader(section: string): string[] {
  if (
    section === 'global' ||
    /^(ipv?6? route|ipv?6? prefix-list |bgp \S+-list |access-list |ipv6 access-list )/.test(section)
  )
    return [];
  return section.split(' / ').map((h, i) => `${' '.repeat(i)}${h}`);
}

/** Which FRR daemon prints a section: when that daemon is down, its sections are not drift of their own. */
export function frrDaemonOfSection(section: string): 'bgpd' | 'bfdd' | 'staticd' | 'zebra' {
  if (section.startsWith('router bgp') || section.startsWith('bgp ')) return 'bgpd';
  if (section === 'bfd' || section.startsWith('bfd /')) return 'bfdd';
  if (section === 'ip route' || section === 'ipv6 route') return 'staticd';
  return 'zebra';
}

/**
 * The key of a line for pairing a missing and an extra line as one `changed` line: the same
 * setting with another value (`neighbor eth1 remote-as 65001` → `… 65002`). null: the line is
 * a member of a set (a `network`, a prefix-list entry), only ever missing or extra.
 */
export function frrLineKey(line: string): string | null {
  const patterns: RegExp[] = [
    /^(neighbor \S+ (?:description|remote-as|password|update-source|bfd profile|timers|ebgp-multihop|ttl-security hops|local-as|weight|maximum-prefix))\b/,
    /^(neighbor \S+) (?:interface )?peer-group\b/,
    /^(neighbor \S+ route-map) \S+ (in|out)$/,
    /^(description|hostname|bgp router-id|maximum-paths(?: ibgp)?|timers bgp|log file|frr defaults|detect-multiplier|receive-interval|transmit-interval|echo-interval|minimum-ttl|ip address|match ip address prefix-list|set local-preference|set metric|set community|set as-path prepend|bgp bestpath as-path)\b/,
    /^(ip prefix-list \S+ seq \d+)\b/,
    /^(?:no )?(ipv?6? ?forwarding)$/,
  ];
  for (const p of patterns) {
    const m = p.exec(line);
    if (m) return m.slice(1).filter(Boolean).join(' ');
  }
  return null;
}

/** Lines that change forwarding when they appear: an extra one is major, not minor. */
export function frrAffectsForwarding(section: string, line: string): boolean {
  if (/^(ipv?6? route|ipv?6? prefix-list |route-map |bgp \S+-list )/.test(section)) return true;
  if (line === '') return section.startsWith('router ');
  return /(^| )(shutdown|network|redistribute|default-originate|neighbor \S+ (remote-as|peer-group|interface)|ip address|no ip forwarding|no ipv6 forwarding|maximum-paths|aggregate-address|route-map)( |$)/.test(
    line,
  );
}

/** How FRR's sections compare (compare.ts): the rules drift and push share. */
export const FRR_RULES: DaemonRules = {
  daemon: 'frr',
  key: frrLineKey,
  affectsForwarding: frrAffectsForwarding,
  header: frrSectionHeader,
};

/**
 * The differences between a rendered frr.conf and FRR's `show running-config`, by meaning.
 * Drift reports them; push re-applies a file whose running config has drifted from it.
 */
export function compareFrr(intended: string, running: string, o: Omit<CompareOptions, 'rules'>): Finding[] {
  return compareSections(normaliseFrr(intended, 'intended'), normaliseFrr(running, 'running'), {
    ...o,
    rules: FRR_RULES,
  });
}
