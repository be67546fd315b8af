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
import type { DaemonDriver, DeviceView, FileSpec, LabProbe } from '../types.js';
import {
  normaliseRedis,
  normaliseSentinel,
  redisAffectsForwarding,
  redisLineKey,
  redisSectionHeader,
} from './drift.js';
import { REDIS_CONF, REDIS_PID_FILE, REQUIREPASS_SED, SENTINEL_CONF } from './paths.js';
import { redisPush } from './push.js';

export { REDIS_CONF, REDIS_PID_FILE, REQUIREPASS_SED, redisCliAuth, SENTINEL_CONF } from './paths.js';

function redisOf(d: DeviceView) {
  return runsRedis(d) ? d.redis : null;
}

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
  push: redisPush,
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
