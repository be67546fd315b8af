/**
 * etcd (Debian's etcd-server) on every member of a `postgres` data service: the store of
 * Patroni's leader lock (docs/data-tier.md). Debian's etcd.service reads /etc/default/etcd, an
 * environment file, which is what fabric renders. etcd has no dry run: a push checks the file is
 * a plain list of `ETCD_*=` settings. A running etcd is never restarted by a push (it is one of
 * the store's quorum); a changed file applies at its next start, and the `ETCD_INITIAL_*` settings
 * only at the first start of an empty data dir.
 */
import { compareFileInUse } from '../../drift/driver.js';
import { runsPostgres } from '../../model/runs.js';
import { flatRules, normaliseLines } from '../lines.js';
import { oneProcessStatus, stagedAt } from '../steps.js';
import type { DaemonDriver } from '../types.js';

export const ETCD_DEFAULTS = '/etc/default/etcd';

const startIfStopped = (fail: string) =>
  `systemctl is-active --quiet etcd || systemctl start etcd || ${fail}`;
const normalise = normaliseLines('etcd', /^\s*#/);

export const etcd: DaemonDriver = {
  name: 'etcd',
  files: (d) =>
    runsPostgres(d)
      ? [
          {
            daemon: 'etcd',
            file: 'etcd',
            template: 'etcd/etcd',
            target: ETCD_DEFAULTS,
            mode: 0o644,
            owner: 'root:root',
          },
        ]
      : [],
  printed: (d) => (runsPostgres(d) ? d.postgres.etcd : {}),
  push: {
    unit: 'etcd',
    steps(files) {
      const f = stagedAt(files, ETCD_DEFAULTS);
      return {
        validate: f
          ? [
              `grep -Ev '^(#.*|ETCD_[A-Z_]+=[^ ]+)?$' files/${f} > validate-etcd.out && { echo "etcd defaults: not an ETCD_*= setting: $(head -1 validate-etcd.out)"; ok=1; }`,
              `grep -q '^ETCD_NAME=' files/${f} || { echo 'etcd defaults: no ETCD_NAME'; ok=1; }`,
            ]
          : [],
        reload: f ? [startIfStopped('return 1')] : [],
        healthy: f ? ['pidof etcd > /dev/null || down="$down etcd"'] : [],
        reloadPrevious: f ? [`if was_active etcd; then ${startIfStopped('rc=1')}; fi`] : [],
        healthyPrevious: f
          ? ['if was_active etcd; then pidof etcd > /dev/null || down="$down etcd"; fi']
          : [],
      };
    },
  },
  drift: {
    processes: (d) => (runsPostgres(d) ? ['etcd'] : []),
    reads: (d) => (runsPostgres(d) ? [['etcd', `echo ${ETCD_DEFAULTS}; cat ${ETCD_DEFAULTS}`]] : []),
    compare: (ctx) => compareFileInUse(ctx, 'etcd', 'etcd', flatRules('etcd'), normalise),
  },
  lab: {
    requires: () => [{ program: 'etcd', pkg: 'etcd-server' }],
    status: oneProcessStatus('etcd'),
  },
};
