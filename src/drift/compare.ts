/**
 * Compares a daemon's intended and running configuration, both already normalised into sections
 * by the daemon's module (frr.ts, keepalived.ts, haproxy.ts, ovs.ts, snmpd.ts). Sections are
 * matched by name; inside a section lines are a multiset. A missing and an extra line that set
 * the same thing (the daemon's `key`) are one `changed` line. Severities follow docs/drift.md:
 * a missing section or line, or a changed one, is major; an extra line is major when it changes
 * forwarding and minor otherwise; anything that only describes (descriptions) is minor.
 */
import type { ConfigSection, DriftDaemon, Finding, Severity } from './types.js';

export interface DaemonRules {
  daemon: DriftDaemon;
  /**
   * The config lines that open a section (`router bgp 65100`, ` address-family ipv4 unicast`),
   * or none when the section only groups top-level lines (`ip route`, `global`).
   * @default the section name split at ` / `
   */
  header?: (section: string) => string[];
  /** The setting a line sets, or null when the line is a member of a set. */
  key: (line: string) => string | null;
  /** Whether a line (or, with line '', a whole section) changes forwarding. */
  affectsForwarding: (section: string, line: string) => boolean;
}

export interface CompareOptions {
  device: string;
  rules: DaemonRules;
  /** Masks secret values (BGP passwords, VRRP keys, SNMP passphrases) in everything reported. */
  redact: (text: string) => string;
  /** Sections not to compare (those of a daemon that is not running: reported as the daemon). */
  skip?: (section: string) => boolean;
  /** `since` of new findings. */
  now: string;
}

const DESCRIPTION = /^(neighbor \S+ )?description /;

function describesOnly(line: string): boolean {
  return DESCRIPTION.test(line);
}

function counts(lines: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** Lines of `a` not in `b`, as a multiset, in `a`'s order. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const have = counts(b);
  const out: string[] = [];
  for (const l of a) {
    const n = have.get(l) ?? 0;
    if (n > 0) have.set(l, n - 1);
    else out.push(l);
  }
  return out;
}

function merge(sections: readonly ConfigSection[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const s of sections) m.set(s.name, [...(m.get(s.name) ?? []), ...s.lines]);
  return m;
}

export function compareSections(
  intended: readonly ConfigSection[],
  running: readonly ConfigSection[],
  o: CompareOptions,
): Finding[] {
  const want = merge(intended);
  const have = merge(running);
  const out: Finding[] = [];
  const r = o.redact;
  const header = o.rules.header ?? ((s: string) => s.split(' / ').map((h, i) => `${' '.repeat(i)}${h}`));
  const whole = (section: string, lines: readonly string[]) => {
    const head = header(section);
    const indent = ' '.repeat(head.length);
    return [...head, ...lines.map((l) => `${indent}${l}`)].join('\n');
  };
  const finding = (
    section: string,
    kind: 'missing' | 'extra' | 'changed',
    severity: Severity,
    what: string,
    message: string,
    intendedText?: string,
    runningText?: string,
  ): Finding => ({
    id: r(`config|${o.device}|${o.rules.daemon}|${section}|${kind}|${what}`),
    device: o.device,
    source: 'config',
    daemon: o.rules.daemon,
    section: r(section),
    kind,
    severity,
    ...(intendedText !== undefined ? { intended: r(intendedText) } : {}),
    ...(runningText !== undefined ? { running: r(runningText) } : {}),
    message: r(message),
    via: ['ssh'],
    since: o.now,
  });

  for (const [section, lines] of want) {
    if (o.skip?.(section)) continue;
    const present = have.get(section);
    if (!present) {
      out.push(
        finding(
          section,
          'missing',
          'major',
          '',
          `${o.rules.daemon} section "${section}" is missing${lines.length ? ` (${lines.length} line${lines.length === 1 ? '' : 's'})` : ''}`,
          whole(section, lines),
        ),
      );
      continue;
    }
    const missing = minus(lines, present);
    const extra = minus(present, lines);
    for (const m of missing) {
      const key = o.rules.key(m);
      const i = key === null ? -1 : extra.findIndex((e) => o.rules.key(e) === key);
      if (i >= 0) {
        const e = extra.splice(i, 1)[0]!;
        out.push(
          finding(
            section,
            'changed',
            describesOnly(m) ? 'minor' : 'major',
            key!,
            `changed in ${section}: "${m}" is "${e}" on the device`,
            m,
            e,
          ),
        );
      } else
        out.push(
          finding(
            section,
            'missing',
            describesOnly(m) ? 'minor' : 'major',
            m,
            `missing in ${section}: "${m}"`,
            m,
          ),
        );
    }
    for (const e of extra)
      out.push(
        finding(
          section,
          'extra',
          o.rules.affectsForwarding(section, e) && !describesOnly(e) ? 'major' : 'minor',
          e,
          `extra in ${section}: "${e}"`,
          undefined,
          e,
        ),
      );
  }
  for (const [section, lines] of have) {
    if (want.has(section) || o.skip?.(section)) continue;
    const routing =
      o.rules.affectsForwarding(section, '') || lines.some((l) => o.rules.affectsForwarding(section, l));
    out.push(
      finding(
        section,
        'extra',
        routing ? 'major' : 'minor',
        '',
        `extra ${o.rules.daemon} section "${section}"${lines.length ? ` (${lines.length} line${lines.length === 1 ? '' : 's'})` : ''}`,
        undefined,
        whole(section, lines),
      ),
    );
  }
  return out;
}
