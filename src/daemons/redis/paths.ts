/** Where Redis and Sentinel keep their files on a device, and how a password is read from them. */
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
