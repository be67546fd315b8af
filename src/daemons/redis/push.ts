/**
 * How a push changes Redis and Sentinel on a device (the driver's `push`, src/daemons/redis/index.ts):
 * each file validated by starting its daemon on a copy; what the daemons own at runtime carried
 * over from the files in use (`adopt`); a running redis-server never restarted, a Sentinel
 * restarted; and the service's password changed in two phases around the waves (`credentials`).
 */
import { runsRedis } from '../../model/runs.js';
import { stagedAt } from '../steps.js';
import type { PushDriver, StagedFile } from '../types.js';
import { SENTINEL_LEARNT, SENTINEL_OWN } from './drift.js';
import { REDIS_CONF, REQUIREPASS_SED, SENTINEL_CONF } from './paths.js';

/**
 * What the daemons own at runtime, carried from the file in use into the staged one before it goes
 * into place. Sentinel rewrites its file with what it learns: the current primary of each service
 * (`sentinel monitor`), its own id, the epochs, the replicas and Sentinels it knows; a member's
 * redis.conf gets the role Sentinel gave it (`replicaof`, or none on the primary). The rendered
 * file has the roles of the inventory: a Sentinel restarted on it after a failover would name the
 * old primary until the others' hellos correct it, and HAProxy's write backend, which asks the
 * local Sentinel, would have no primary UP meanwhile (measured in the lab: writes through the
 * write VIP refused for seconds by a push after a failover). Lines the rendered file sets stay
 * the rendered ones (the quorum, the timers, the passwords).
 */
const ADOPT = [
  '# adopt_redis STAGED IN_USE: the role Sentinel gave the member (its replicaof; none: the primary)',
  'adopt_redis() {',
  '  [ -s "$2" ] || return 0',
  `  role=$(grep -i '^replicaof ' "$2" | tail -n 1)`,
  `  { grep -iv '^replicaof ' "$1"; [ -z "$role" ] || printf '%s\\n' "$role"; } > "$1.adopted" && mv -f "$1.adopted" "$1"`,
  '}',
  '# adopt_sentinel STAGED IN_USE: the primary each service has now, and what Sentinel learnt',
  'adopt_sentinel() {',
  '  [ -s "$2" ] || return 0',
  `  awk 'FNR == NR {`,
  '    if ($1 != "sentinel") next',
  '    if ($2 == "monitor") { at[$3] = $4 " " $5; next }',
  `    if ($2 ~ /^(${SENTINEL_OWN.join('|')})$/) { kept[++k] = $0; next }`,
  `    if ($2 ~ /^(${SENTINEL_LEARNT.join('|')})$/) { learnt[++l] = $0; of[l] = $3 }`,
  '    next',
  '  }',
  '  $1 == "sentinel" && $2 == "monitor" { watched[$3] = 1; if ($3 in at) { split(at[$3], a, " "); $4 = a[1]; $5 = a[2] } }',
  '  { print }',
  `  END { for (i = 1; i <= k; i++) print kept[i]; for (i = 1; i <= l; i++) if (of[i] in watched) print learnt[i] }' "$2" "$1" > "$1.adopted" && mv -f "$1.adopted" "$1"`,
  '}',
];

/**
 * Starts the daemon on a copy of the staged file for a second: a bad directive makes it exit at
 * once ("FATAL CONFIG FILE ERROR"); still running after a second (`timeout`'s 124) is valid. The
 * copy listens on a scratch unix socket only, in a scratch `dir`, and replicates from nothing (redis.conf without
 * `replicaof`) or monitors an address nothing listens on (sentinel.conf), so it never touches
 * the running service.
 */
function validate(files: readonly StagedFile[]): string[] {
  const out: string[] = [];
  const conf = stagedAt(files, REDIS_CONF);
  const sentinel = stagedAt(files, SENTINEL_CONF);
  if (conf)
    out.push(
      'd=$(mktemp -d)',
      `grep -v '^replicaof ' files/${conf} > "$d/redis.conf"`,
      `timeout 1 redis-server "$d/redis.conf" --port 0 --unixsocket "$d/sock" --dir "$d" --logfile '' --pidfile "$d/pid" --appendonly no > validate-redis.out 2>&1; rc=$?`,
      'rm -rf "$d"',
      '[ "$rc" = 124 ] || { echo "redis.conf rejected by redis-server: $(grep -m1 -i -A2 error validate-redis.out | tr \'\\n\' \' \')"; ok=1; }',
    );
  if (sentinel)
    out.push(
      'd=$(mktemp -d)',
      `sed 's/^sentinel monitor \\([^ ]*\\) [^ ]* [^ ]* /sentinel monitor \\1 127.0.0.1 1 /; /^sentinel announce-ip /d' files/${sentinel} > "$d/sentinel.conf"`,
      `timeout 1 redis-sentinel "$d/sentinel.conf" --port 0 --unixsocket "$d/sock" --dir "$d" --logfile '' --pidfile "$d/pid" > validate-sentinel.out 2>&1; rc=$?`,
      'rm -rf "$d"',
      '[ "$rc" = 124 ] || { echo "sentinel.conf rejected by redis-sentinel: $(grep -m1 -i -A2 error validate-sentinel.out | tr \'\\n\' \' \')"; ok=1; }',
    );
  return out;
}

/**
 * The service's password changed on a running redis-server (docs/data-tier.md, "Changing the
 * password"): before the waves, the default user takes the new password beside the old one
 * (`ACL SETUSER default on >NEW`) and replicas AUTH to their primary with the new one, so HAProxy
 * and the Sentinels, switched wave by wave, are never refused; after the last wave `CONFIG SET
 * requirepass` keeps the new one only. Passwords go to redis-cli on stdin and in REDISCLI_AUTH,
 * never on a command line. Where there was no password (or is none now) no overlap exists (a
 * member without one answers AUTH with an error): it is set (or cleared) after the last wave.
 * The state between the phases is kept under $state, so a push whose waves stopped leaves both
 * passwords working and the next push finishes it.
 */
/** Shell: `host` and `port` that the daemon of `file` (a path or a "$variable") listens on, as its file says. */
const listensOn = (file: string, defaultPort: number) =>
  `host=$(sed -n 's/^bind \\([^ ]*\\).*/\\1/p' ${file} | head -n 1); port=$(sed -n 's/^port \\([0-9]*\\).*/\\1/p' ${file} | head -n 1); port=\${port:-${defaultPort}}`;

const CREDENTIAL_COMMON = [
  `conf=${REDIS_CONF}`,
  `new=$(sed -n '${REQUIREPASS_SED}' "$new_file")`,
  'cli() { redis-cli -h "$host" -p "$port" "$@" 2>&1; }',
];

const CREDENTIALS_BEFORE = [
  ...CREDENTIAL_COMMON,
  `old=$(sed -n '${REQUIREPASS_SED}' "$conf")`,
  'if [ "$new" = "$old" ]; then echo "password unchanged"; exit 0; fi',
  'pidof redis-server > /dev/null || { echo "password changed; redis-server is not running: it starts on the new one"; exit 0; }',
  listensOn('"$conf"', 6379),
  'if [ -z "$old" ]; then echo "add $host $port" > "$state/redis"; echo "a password where there was none: set after the last wave (clients without it are refused from then on)"; exit 0; fi',
  'if [ -z "$new" ]; then (umask 077; printf \'%s\' "$old" > "$state/redis-previous-auth"); echo "remove $host $port" > "$state/redis"; echo "the password is removed: cleared after the last wave"; exit 0; fi',
  'export REDISCLI_AUTH="$old"',
  'r=$(printf \'>%s\' "$new" | cli -x ACL SETUSER default on)',
  '[ "$r" = OK ] || { echo "redis-server did not take the new password beside the old one: $r"; exit 1; }',
  'r=$(printf \'%s\' "$new" | cli -x CONFIG SET masterauth)',
  '[ "$r" = OK ] || { echo "redis-server did not take the new masterauth: $r"; exit 1; }',
  'echo "both $host $port" > "$state/redis"',
  'echo "redis-server accepts the new password beside the old one"',
];

const CREDENTIALS_AFTER = [
  ...CREDENTIAL_COMMON,
  '[ -f "$state/redis" ] || { echo "nothing to do"; exit 0; }',
  'read -r mode host port < "$state/redis"',
  'case "$mode" in both) export REDISCLI_AUTH="$new" ;; remove) REDISCLI_AUTH=$(cat "$state/redis-previous-auth"); export REDISCLI_AUTH ;; *) unset REDISCLI_AUTH ;; esac',
  'r=$(printf \'%s\' "$new" | cli -x CONFIG SET requirepass)',
  '[ "$r" = OK ] || { echo "redis-server did not take requirepass: $r"; exit 1; }',
  'if [ -n "$new" ]; then export REDISCLI_AUTH="$new"; else unset REDISCLI_AUTH; fi',
  'r=$(printf \'%s\' "$new" | cli -x CONFIG SET masterauth)',
  '[ "$r" = OK ] || { echo "redis-server did not take masterauth: $r"; exit 1; }',
  // a CONFIG REWRITE meanwhile (Sentinel makes one on a failover) wrote the old password, and the
  // default user with both, into the file: write the running config back
  'users=$(grep "^user default " "$conf" | tr " " "\\n" | grep -c "^[#>]")',
  `if [ "$users" -gt 1 ] || [ "$(sed -n '${REQUIREPASS_SED}' "$conf")" != "$new" ]; then r=$(cli CONFIG REWRITE); [ "$r" = OK ] || { echo "redis-server did not rewrite $conf: $r"; exit 1; }; fi`,
  'rm -f "$state/redis" "$state/redis-previous-auth"',
  'case "$mode" in both) echo "redis-server accepts the new password only" ;; add) echo "redis-server requires the password now" ;; *) echo "redis-server has no password now" ;; esac',
];

/**
 * A Sentinel is restarted only when what changed cannot be set at runtime. HAProxy's write
 * backend asks the local Sentinel which member is the primary (src/compile/data-tier.ts): a
 * Sentinel restarting on the HAProxy that holds the write VIP fails that check twice (inter
 * 200 ms, fall 2) and the primary is DOWN until it rises again, about a second of refused writes
 * (measured in the lab, 2026-12-07). So the file in use and the new one are compared by meaning,
 * leaving out what the daemon owns (as drift does: its id, epochs and what it learnt, a rewrite's
 * defaults and quoting, the monitor's address, `daemonize`, which the init sets on the command
 * line and a rewrite then writes) and what `SENTINEL SET` changes on a running Sentinel (a
 * service's quorum, timers and `auth-pass`). Nothing else differs: every such setting of the new
 * file is set (the value on stdin; the same value changes nothing) and Sentinel rewrites its file
 * itself. Anything else (its own password, a service added or removed, an address) restarts it.
 */
const SENTINEL_SETTABLE =
  '^sentinel (quorum|down-after-milliseconds|failover-timeout|parallel-syncs|auth-pass) ';

const SENTINEL_RELOAD = [
  '# sentinel_norm FILE: its settings by meaning, one per line, sorted (a monitor as its name and `sentinel quorum NAME Q`)',
  'sentinel_norm() {',
  `  awk '{ sub(/^[ \t]+/, "") } /^#/ || NF == 0 { next }`,
  '    { for (i = 1; i <= NF; i++) if ($i ~ /^"[^" ]*"$/) $i = substr($i, 2, length($i) - 2); $1 = tolower($1) }',
  '    $1 == "sentinel" { $2 = tolower($2) }',
  '    $1 == "user" || $1 == "latency-tracking-info-percentiles" || $1 == "daemonize" { next }',
  `    $1 == "sentinel" && $2 ~ /^(${[...SENTINEL_OWN, ...SENTINEL_LEARNT, 'rename-command'].join('|')})$/ { next }`,
  `    $1 == "sentinel" && $2 == "monitor" { print "sentinel monitor " $3; print "sentinel quorum " $3 " " $6; next }`,
  `    { print }' "$1" | sort`,
  '}',
  '# sentinel_reload N: the new sentinel.conf (staged as N) made live, by SENTINEL SET where that is enough',
  'sentinel_reload() {',
  `  if [ ! -s "previous/$1" ] || ! pidof redis-sentinel > /dev/null; then systemctl restart redis-sentinel; return; fi`,
  `  sentinel_norm "previous/$1" | grep -Ev '${SENTINEL_SETTABLE}' > sentinel.was`,
  `  sentinel_norm ${SENTINEL_CONF} | grep -Ev '${SENTINEL_SETTABLE}' > sentinel.now`,
  '  if ! cmp -s sentinel.was sentinel.now; then',
  `    say "redis-sentinel restarted: $(diff sentinel.was sentinel.now | awk '/^[<>]/ { print ($2 == "sentinel" ? $2 " " $3 : $2) }' | sort -u | tr '\\n' ' ')changed"`,
  '    systemctl restart redis-sentinel; return',
  '  fi',
  `  ${listensOn(SENTINEL_CONF, 26379)}`,
  `  REDISCLI_AUTH=$(sed -n '${REQUIREPASS_SED}' ${SENTINEL_CONF}); if [ -n "$REDISCLI_AUTH" ]; then export REDISCLI_AUTH; else unset REDISCLI_AUTH; fi`,
  `  sentinel_norm ${SENTINEL_CONF} | grep -E '${SENTINEL_SETTABLE}' > sentinel.set`,
  '  while read -r _ option name value; do',
  `    r=$(printf '%s' "$value" | redis-cli -h "$host" -p "$port" -x SENTINEL SET "$name" "$option" 2>&1)`,
  '    [ "$r" = OK ] || { say "redis-sentinel refused SENTINEL SET $name $option ($r): restarted"; systemctl restart redis-sentinel; return; }',
  '  done < sentinel.set',
  '  say "redis-sentinel: not restarted, its services\' settings set at runtime (SENTINEL SET)"',
  '}',
];

const startIfStopped = (unit: string, fail: string) =>
  `systemctl is-active --quiet ${unit} || systemctl start ${unit} || ${fail}`;

export const redisPush: PushDriver = {
  unit: 'redis-server',
  credentials: (d) =>
    runsRedis(d) && d.redis.server
      ? { target: REDIS_CONF, before: CREDENTIALS_BEFORE, after: CREDENTIALS_AFTER }
      : null,
  steps(files) {
    const conf = stagedAt(files, REDIS_CONF);
    const sentinel = stagedAt(files, SENTINEL_CONF);
    return {
      validate: validate(files),
      functions: [...ADOPT, ...(sentinel ? SENTINEL_RELOAD : [])],
      adopt: [
        ...(conf ? [`adopt_redis files/${conf} ${REDIS_CONF}`] : []),
        ...(sentinel ? [`adopt_sentinel files/${sentinel} ${SENTINEL_CONF}`] : []),
      ],
      reload: [
        ...(conf ? [startIfStopped('redis-server', 'return 1')] : []),
        ...(sentinel ? [`sentinel_reload ${sentinel} || return 1`] : []),
      ],
      healthy: [
        ...(conf ? ['pidof redis-server > /dev/null || down="$down redis-server"'] : []),
        ...(sentinel ? ['pidof redis-sentinel > /dev/null || down="$down redis-sentinel"'] : []),
      ],
      reloadPrevious: [
        ...(conf ? [`if was_active redis-server; then ${startIfStopped('redis-server', 'rc=1')}; fi`] : []),
        ...(sentinel
          ? [
              'if was_active redis-sentinel; then systemctl restart redis-sentinel || rc=1; else systemctl stop redis-sentinel > /dev/null 2>&1 || :; fi',
            ]
          : []),
      ],
      healthyPrevious: [
        ...(conf
          ? [
              'if was_active redis-server; then pidof redis-server > /dev/null || down="$down redis-server"; fi',
            ]
          : []),
        ...(sentinel
          ? [
              'if was_active redis-sentinel; then pidof redis-sentinel > /dev/null || down="$down redis-sentinel"; fi',
            ]
          : []),
      ],
    };
  },
};
