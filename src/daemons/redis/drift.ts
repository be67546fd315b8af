/**
 * redis.conf and sentinel.conf in sections: `redis-server` (every line of redis.conf), `sentinel`
 * (sentinel.conf's own lines) and `sentinel NAME` (the `sentinel <setting> NAME …` lines of one
 * monitored service). Directives are case-insensitive to Redis: their first word is compared in
 * lower case; comments, blank lines and whitespace are ignored.
 *
 * Both daemons rewrite their own files at runtime (Sentinel after every change it learns, and
 * `CONFIG REWRITE` on a member Sentinel re-points: https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/#sentinels-and-replicas-auto-discovery),
 * so what they own is not drift: a member's `replicaof`, the current primary's address in
 * `sentinel monitor`, and Sentinel's state (`myid`, epochs, the replicas and Sentinels it knows),
 * and the defaults a rewrite prints (`user default …`, `latency-tracking-info-percentiles`).
 * A rewrite also quotes every string value (`dir "/var/lib/redis"`, `requirepass "…"`): a word
 * in plain double quotes is compared without them.
 */
import type { ConfigSection } from '../../drift/types.js';

/** What a Sentinel writes of itself into its file (`sentinel <word> …`): its id, its epoch. */
export const SENTINEL_OWN = ['myid', 'current-epoch'] as const;
/** What it writes per monitored service (`sentinel <word> <service> …`): what it learnt of it. */
export const SENTINEL_LEARNT = [
  'config-epoch',
  'leader-epoch',
  'known-replica',
  'known-slave',
  'known-sentinel',
] as const;

/** Lines the daemons write for themselves, by their first words. */
const RUNTIME = new RegExp(
  `^(replicaof|slaveof|user|latency-tracking-info-percentiles|sentinel (${[...SENTINEL_OWN, ...SENTINEL_LEARNT, 'rename-command'].join('|')}))( |$)`,
);

/** `sentinel <setting> <name> …`: the settings of one monitored service. */
const PER_MASTER =
  /^sentinel (monitor|down-after-milliseconds|failover-timeout|parallel-syncs|auth-pass|auth-user|notification-script|client-reconfig-script|master-reboot-down-after-period) (\S+)/;

function lines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^\s*#.*$/, '')
      .trim()
      .replace(/\s+/g, ' ');
    if (!line) continue;
    const words = line.split(' ').map((w) => /^"([^"\\\s]+)"$/.exec(w)?.[1] ?? w);
    words[0] = words[0]!.toLowerCase();
    if (words[0] === 'sentinel' && words[1]) words[1] = words[1].toLowerCase();
    const l = words.join(' ');
    if (RUNTIME.test(l)) continue;
    // the primary Sentinel monitors now is its own to follow: keep the name and the quorum
    const monitor = /^sentinel monitor (\S+) \S+ \S+ (\S+)$/.exec(l);
    out.push(monitor ? `sentinel monitor ${monitor[1]} ${monitor[2]}` : l);
  }
  return out;
}

export function normaliseRedis(text: string): ConfigSection[] {
  return [{ name: 'redis-server', lines: lines(text) }];
}

export function normaliseSentinel(text: string): ConfigSection[] {
  const sections = new Map<string, string[]>([['sentinel', []]]);
  for (const l of lines(text)) {
    const name = PER_MASTER.exec(l)?.[2];
    const section = name ? `sentinel ${name}` : 'sentinel';
    sections.set(section, [...(sections.get(section) ?? []), l]);
  }
  return [...sections].map(([name, ls]) => ({ name, lines: ls }));
}

/** The sections group lines: none has a line of its own that opens it. */
export function redisSectionHeader(_section: string): string[] {
  return [];
}

/** The setting a line sets: the line without its last word (`sentinel quorum cache` …). */
export function redisLineKey(line: string): string | null {
  const words = line.split(' ');
  if (words[0] === 'save' || words[0] === 'bind') return words[0];
  return words.length < 2 ? null : words.slice(0, -1).join(' ');
}

/** Every line decides where writes go or how fast a failover is: none is minor. */
export function redisAffectsForwarding(_section: string, _line: string): boolean {
  return true;
}
