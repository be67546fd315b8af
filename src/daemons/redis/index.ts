/**
 * Redis and Redis Sentinel (Debian's redis-server and redis-sentinel) for the `redis` data
 * services (docs/data-tier.md): redis.conf on the members, sentinel.conf on every device that
 * watches a service. Neither has a dry run, so a push validates each file by starting the daemon
 * on a copy of it for a second, on no TCP port and monitoring nothing real. A running redis-server
 * is never restarted by a push (a primary's restart is a failover, and Sentinel owns the roles):
 * a changed redis.conf applies at its next start. A Sentinel is restarted (it keeps its state in
 * its file and learns the current primary again from the others within seconds).
 */
import { compareFileInUse } from '../../drift/driver.js';
import { runsRedis } from '../../model/runs.js';
import { stagedAt } from '../steps.js';
import type { DaemonDriver, DeviceView, FileSpec, LabProbe, StagedFile } from '../types.js';
import {
  normaliseRedis,
  normaliseSentinel,
  redisAffectsForwarding,
  redisLineKey,
  redisSectionHeader,
} from './drift.js';

export const REDIS_CONF = '/etc/redis/redis.conf';
export const SENTINEL_CONF = '/etc/redis/sentinel.conf';
/**
 * A sed script that prints the password of a redis.conf: `requirepass <password>` as fabric
 * renders it, or `requirepass "<password>"` once Sentinel has made Redis rewrite the file
 * (CONFIG REWRITE quotes every string). For reads on the device (verify, `lab failover`).
 */
export const REQUIREPASS_SED = 's/^requirepass "\\{0,1\\}\\([^"]*\\)"\\{0,1\\}$/\\1/p';

/**
 * The start of a redis-cli command line that AUTHs with the `requirepass` of `file` (redis.conf or
 * sentinel.conf), read on the device into REDISCLI_AUTH: on no command line (ps), in no report and
 * in no fabric process.
 */
export function redisCliAuth(file: string): string {
  return `REDISCLI_AUTH="$(sed -n '${REQUIREPASS_SED}' ${file})" `;
}

/** `pidfile` of redis.conf (templates/redis/redis.conf.hbs). */
export const REDIS_PID_FILE = '/run/redis/redis-server.pid';

function redisOf(d: DeviceView) {
  return runsRedis(d) ? d.redis : null;
}

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

const startIfStopped = (unit: string, fail: string) =>
  `systemctl is-active --quiet ${unit} || systemctl start ${unit} || ${fail}`;

export const redis: DaemonDriver = {
  name: 'redis',
  // a member's redis-server (its rendered pidfile); a device with only a Sentinel (the HAProxy
  // pair) is crashed through its other daemons
  crash: (d) =>
    redisOf(d)?.server
      ? {
          daemon: 'redis-server',
          pidFiles: [REDIS_PID_FILE],
          restart: 'service redis-server start >/dev/null',
        }
      : undefined,
  files: (d) => {
    const r = redisOf(d);
    const out: FileSpec[] = [];
    if (r?.server)
      out.push({
        daemon: 'redis',
        file: 'redis.conf',
        template: 'redis/redis.conf',
        target: REDIS_CONF,
        mode: 0o640,
        owner: 'redis:redis',
        // Sentinel makes a member rewrite it (CONFIG REWRITE) when it re-points it
        rewritten: true,
      });
    if (r?.sentinel)
      out.push({
        daemon: 'redis',
        file: 'sentinel.conf',
        template: 'redis/sentinel.conf',
        target: SENTINEL_CONF,
        // Sentinel rewrites its own file: it must own it
        mode: 0o640,
        owner: 'redis:redis',
        rewritten: true,
      });
    return out;
  },
  printed: (d) => redisOf(d) ?? {},
  push: {
    unit: 'redis-server',
    steps(files) {
      const conf = stagedAt(files, REDIS_CONF);
      const sentinel = stagedAt(files, SENTINEL_CONF);
      return {
        validate: validate(files),
        reload: [
          ...(conf ? [startIfStopped('redis-server', 'return 1')] : []),
          ...(sentinel ? ['systemctl restart redis-sentinel || return 1'] : []),
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
  },
  drift: {
    processes: (d) => {
      const r = redisOf(d);
      return [...(r?.server ? ['redis-server'] : []), ...(r?.sentinel ? ['redis-sentinel'] : [])];
    },
    // redis-server and redis-sentinel overwrite their command lines with their title: the file
    // read is the one Debian's units start them with
    reads: (d) => {
      const r = redisOf(d);
      return [
        ...(r?.server
          ? ([['redis.conf', `echo ${REDIS_CONF}; cat ${REDIS_CONF}`]] as [string, string][])
          : []),
        ...(r?.sentinel
          ? ([['sentinel.conf', `echo ${SENTINEL_CONF}; cat ${SENTINEL_CONF}`]] as [string, string][])
          : []),
      ];
    },
    compare: (ctx) => {
      const rules = {
        daemon: 'redis' as const,
        key: redisLineKey,
        affectsForwarding: redisAffectsForwarding,
        header: redisSectionHeader,
      };
      return [
        ...compareFileInUse(ctx, 'redis.conf', 'redis.conf', rules, normaliseRedis),
        ...compareFileInUse(ctx, 'sentinel.conf', 'sentinel.conf', rules, normaliseSentinel),
      ];
    },
  },
  lab: {
    requires: () => [
      { program: 'redis-server', pkg: 'redis-server' },
      { program: 'redis-sentinel', pkg: 'redis-sentinel' },
    ],
    status: ({ has, reported }: LabProbe) => {
      const up = has('redis-server') || has('redis-sentinel');
      return { up, detail: up ? 'ok' : reported };
    },
    // a member's redis.conf has the password (`requirepass`, quoted once Sentinel has rewritten it)
    clientPassword: (d) =>
      runsRedis(d) && d.redis.server ? { file: REDIS_CONF, sed: REQUIREPASS_SED } : null,
  },
};
