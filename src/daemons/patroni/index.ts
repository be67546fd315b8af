/**
 * Patroni (Debian's patroni) on every member of a `postgres` data service: it runs PostgreSQL 15,
 * holds or follows the leader lock in the members' etcd, promotes a replica when the primary is
 * gone, and answers HAProxy's role checks on its REST API (`/primary`, `/replica`;
 * docs/data-tier.md). Debian's patroni.service reads /etc/patroni/config.yml. A push validates the
 * file with `patroni --validate-config` (which also tries to reach etcd and to bind its ports:
 * those complaints are ignored, as etcd may start after it and the running one holds the ports) and reloads a running Patroni (SIGHUP: it re-reads its
 * file; the timers of `bootstrap.dcs` live in the store and change with `patronictl
 * edit-config`).
 */
import { compareFileInUse } from '../../drift/driver.js';
import { runsPostgres } from '../../model/runs.js';
import { flatRules, normaliseLines } from '../lines.js';
import { oneProcessStatus, reloadableUnit, stagedAt } from '../steps.js';
import type { DaemonDriver } from '../types.js';

export const PATRONI_CONFIG = '/etc/patroni/config.yml';

const normalise = normaliseLines('config.yml', /^\s*#/);

/**
 * `patroni --validate-config` on the staged file, every complaint but an unreachable etcd and a
 * port already in use (it tries to bind the REST API's and PostgreSQL's addresses, which the
 * running Patroni and PostgreSQL hold).
 */
export function patroniValidate(file: string): string[] {
  return [
    `patroni --validate-config ${file} > validate-patroni.out 2>&1; grep -v -e 'is not reachable' -e 'is already in use' validate-patroni.out > validate-patroni.err`,
    "[ -s validate-patroni.err ] && { echo \"config.yml rejected by patroni --validate-config: $(head -2 validate-patroni.err | tr '\\n' ' ')\"; ok=1; }",
  ];
}

export const patroni: DaemonDriver = {
  name: 'patroni',
  // PostgreSQL's postmaster (its PID is the first line of postmaster.pid) and its backends: the
  // primary's Patroni then gives up the leader lock (master_start_timeout 0) and a replica is
  // promoted; Patroni itself starts the old primary again, as a replica. The restart is the lab
  // node's start of Patroni, a no-op while it runs (lab/image/labnode-init.sh)
  crash: (d) =>
    runsPostgres(d)
      ? {
          daemon: 'postgres',
          pidFiles: [`${d.postgres.patroni.postgresql.dataDir}/postmaster.pid`],
          restart: 'labnode-init start patroni',
        }
      : undefined,
  files: (d) =>
    runsPostgres(d)
      ? [
          {
            daemon: 'patroni',
            file: 'patroni.yml',
            template: 'patroni/config.yml',
            target: PATRONI_CONFIG,
            // the superuser's and replication's passwords: PostgreSQL's own user only
            mode: 0o600,
            owner: 'postgres:postgres',
            // Patroni runs as postgres and reads it (the lab places it with this owner)
            private: true,
          },
        ]
      : [],
  printed: (d) => (runsPostgres(d) ? d.postgres.patroni : {}),
  push: {
    unit: 'patroni',
    steps(files) {
      const f = stagedAt(files, PATRONI_CONFIG);
      return f ? { validate: patroniValidate(`files/${f}`), ...reloadableUnit('patroni') } : {};
    },
  },
  drift: {
    processes: (d) => (runsPostgres(d) ? ['patroni', 'postgres'] : []),
    reads: (d) => (runsPostgres(d) ? [['patroni.yml', `echo ${PATRONI_CONFIG}; cat ${PATRONI_CONFIG}`]] : []),
    compare: (ctx) => compareFileInUse(ctx, 'patroni.yml', 'patroni.yml', flatRules('patroni'), normalise),
  },
  lab: {
    requires: () => [
      { program: 'patroni', pkg: 'patroni' },
      { program: 'pg_ctlcluster', pkg: 'postgresql' },
    ],
    status: oneProcessStatus('patroni'),
  },
};
