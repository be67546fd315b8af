/**
 * Drift's view of a flat config file (key = value, or one entry a line): one section of the
 * file's lines, trimmed, whitespace collapsed, comment lines and blank lines dropped. For the
 * PostgreSQL tier's files (etcd's environment file, Patroni's config.yml, pgbouncer.ini and
 * userlist.txt), which their daemons never rewrite.
 */
import type { ConfigSection, DriftDaemon } from '../drift/types.js';

export function normaliseLines(section: string, comment: RegExp): (text: string) => ConfigSection[] {
  return (text) => [
    {
      name: section,
      lines: text
        .split('\n')
        .filter((l) => !comment.test(l))
        .map((l) => l.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    },
  ];
}

/** Drift rules for such a file: no line has a key of its own, and none forwards packets. */
export function flatRules(daemon: DriftDaemon) {
  return {
    daemon,
    key: (_line: string): string | null => null,
    affectsForwarding: (_section: string, _line: string) => false,
    header: (_section: string): string[] => [],
  };
}
