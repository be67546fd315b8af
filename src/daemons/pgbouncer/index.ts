/**
 * PgBouncer (Debian's pgbouncer) on every member of a `postgres` data service, in front of the
 * member's own PostgreSQL: HAProxy's servers point at its port, and its role check connects to it
 * before asking Patroni, so a dead pooler takes its member out of both backends
 * (docs/data-tier.md). Debian's pgbouncer.service reads /etc/pgbouncer/pgbouncer.ini; the users
 * clients log in as are in userlist.txt. PgBouncer has no dry run: a push starts it on a copy
 * for a second, listening on a scratch unix socket only. A running PgBouncer is reloaded (SIGHUP
 * re-reads both files, its clients stay connected).
 */
import { compareFileInUse } from '../../drift/driver.js';
import { runsPostgres } from '../../model/runs.js';
import { restartDropIn } from '../drop-in.js';
import { flatRules, normaliseLines } from '../lines.js';
import { oneProcessStatus, reloadableUnit, stagedAt, withDropIns } from '../steps.js';
import type { DaemonDriver, StagedFile } from '../types.js';

export const PGBOUNCER_INI = '/etc/pgbouncer/pgbouncer.ini';
export const PGBOUNCER_USERLIST = '/etc/pgbouncer/userlist.txt';
/** Where pgbouncer.ini's `pidfile` puts the pooler's PID (templates/pgbouncer/pgbouncer.ini.hbs). */
export const PGBOUNCER_PID = '/var/run/postgresql/pgbouncer.pid';
/** systemd drop-in: Debian's unit does not restart a pooler that died (PgbouncerModel.restartMs). */
const DROP_IN = restartDropIn('pgbouncer', 'pgbouncer');
export const PGBOUNCER_DROP_IN = DROP_IN.target;
/**
 * A sed script that prints the password of `user` in userlist.txt (`"<user>" "<password>"`, as
 * templates/pgbouncer/userlist.txt prints it), for reads on the device (`lab failover`).
 */
export const userlistPasswordSed = (user: string) => `s/^"${user}" "\\(.*\\)"$/\\1/p`;

const normaliseIni = normaliseLines('pgbouncer.ini', /^\s*[;#]/);
const normaliseUsers = normaliseLines('userlist.txt', /^\s*;/);

/**
 * Starts pgbouncer on a copy of the staged files for a second, on no TCP address and a scratch
 * unix socket, not as a daemon: a bad setting makes it exit at once; still running after a
 * second (`timeout`'s 124) is valid. Runs as the `postgres` user (pgbouncer refuses root).
 */
export function pgbouncerValidate(files: readonly StagedFile[], at = (n: string) => `files/${n}`): string[] {
  const ini = stagedAt(files, PGBOUNCER_INI);
  const users = stagedAt(files, PGBOUNCER_USERLIST);
  if (!ini) return [];
  return [
    'd=$(mktemp -d); chown postgres "$d"',
    `sed -e 's|^listen_addr = .*|listen_addr =|' -e 's|^unix_socket_dir =.*|unix_socket_dir = '"$d"'|' -e 's|^logfile = .*|logfile = '"$d"'/log|' -e 's|^pidfile = .*|pidfile = '"$d"'/pid|' -e 's|^auth_file = .*|auth_file = '"$d"'/userlist.txt|' ${at(ini)} > "$d/pgbouncer.ini"`,
    users ? `cp ${at(users)} "$d/userlist.txt"` : `: > "$d/userlist.txt"`,
    'chown postgres "$d"/*',
    `timeout 1 runuser -u postgres -- pgbouncer "$d/pgbouncer.ini" > validate-pgbouncer.out 2>&1; rc=$?`,
    'cat "$d/log" >> validate-pgbouncer.out 2>/dev/null; rm -rf "$d"',
    '[ "$rc" = 124 ] || { echo "pgbouncer.ini rejected by pgbouncer: $(grep -m1 -iE \'error|fatal\' validate-pgbouncer.out)"; ok=1; }',
  ];
}

export const pgbouncer: DaemonDriver = {
  name: 'pgbouncer',
  // "the pooler dies": PgBouncer alone, its member's PostgreSQL untouched. systemd starts it again
  // after RestartSec (the drop-in), which the lab node's supervisor plays (lab/image/labnode-init.sh);
  // the repair is the init script's start, a no-op while it runs
  partCrash: (d) =>
    runsPostgres(d)
      ? { daemon: 'pgbouncer', pidFiles: [PGBOUNCER_PID], restart: 'service pgbouncer start >/dev/null' }
      : undefined,
  files: (d) =>
    runsPostgres(d)
      ? [
          {
            daemon: 'pgbouncer',
            file: 'pgbouncer.ini',
            template: 'pgbouncer/pgbouncer.ini',
            target: PGBOUNCER_INI,
            mode: 0o640,
            owner: 'postgres:postgres',
            private: true,
          },
          {
            daemon: 'pgbouncer',
            file: 'userlist.txt',
            template: 'pgbouncer/userlist.txt',
            target: PGBOUNCER_USERLIST,
            // the application's password
            mode: 0o600,
            owner: 'postgres:postgres',
            private: true,
          },
          DROP_IN.file,
        ]
      : [],
  printed: (d) => (runsPostgres(d) ? d.postgres.pgbouncer : {}),
  push: {
    unit: 'pgbouncer',
    steps(files) {
      if (![PGBOUNCER_INI, PGBOUNCER_USERLIST, PGBOUNCER_DROP_IN].some((f) => stagedAt(files, f))) return {};
      const unit = reloadableUnit('pgbouncer');
      return {
        validate: pgbouncerValidate(files),
        ...unit,
        ...withDropIns(files, [PGBOUNCER_DROP_IN], unit),
      };
    },
  },
  drift: {
    processes: (d) => (runsPostgres(d) ? ['pgbouncer'] : []),
    reads: (d) =>
      runsPostgres(d)
        ? [
            ['pgbouncer.ini', `echo ${PGBOUNCER_INI}; cat ${PGBOUNCER_INI}`],
            ['userlist.txt', `echo ${PGBOUNCER_USERLIST}; cat ${PGBOUNCER_USERLIST}`],
            DROP_IN.read,
          ]
        : [],
    compare: (ctx) => [
      ...compareFileInUse(ctx, 'pgbouncer.ini', 'pgbouncer.ini', flatRules('pgbouncer'), normaliseIni),
      ...compareFileInUse(ctx, 'userlist.txt', 'userlist.txt', flatRules('pgbouncer'), normaliseUsers),
      ...DROP_IN.compare(ctx),
    ],
  },
  lab: {
    requires: () => [{ program: 'pgbouncer', pkg: 'pgbouncer' }],
    status: oneProcessStatus('pgbouncer'),
    // clients log in through PgBouncer: userlist.txt has each role's password
    clientPassword: (d, user) =>
      runsPostgres(d) && user ? { file: PGBOUNCER_USERLIST, sed: userlistPasswordSed(user) } : null,
  },
};
