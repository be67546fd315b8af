/**
 * keepalived: keepalived.conf, validated with `keepalived -t`, reloaded in place (it keeps its
 * VIPs), read back as the file the running keepalived was started with (its `-f`).
 */
import { compareFileInUse, fileInUse } from '../../drift/driver.js';
import { oneProcessStatus, reloadableUnit, stagedAt, withDropIns } from '../steps.js';
import type { DaemonDriver } from '../types.js';
import { keepalivedAffectsForwarding, keepalivedLineKey, normaliseKeepalived } from './drift.js';

export const KEEPALIVED_CONF = '/etc/keepalived/keepalived.conf';
/** systemd drop-in of an L4 member with anycast VIPs: the clean-up after keepalived dies. */
export const KEEPALIVED_DROP_IN = '/etc/systemd/system/keepalived.service.d/fabric-anycast.conf';

export const keepalived: DaemonDriver = {
  name: 'keepalived',
  crash: {
    daemon: 'keepalived',
    pidFiles: ['/run/keepalived.pid'],
    restart: 'service keepalived start >/dev/null',
  },
  files: (d) => [
    {
      daemon: 'keepalived',
      file: 'keepalived.conf',
      template: 'keepalived/keepalived.conf',
      target: KEEPALIVED_CONF,
      mode: 0o640,
      owner: 'root:root',
    },
    // anycast VIPs (docs/active-active.md): systemd deletes them after keepalived ends, any way
    ...('keepalived' in d && d.keepalived.stopPost
      ? [
          {
            daemon: 'keepalived',
            file: 'keepalived/anycast.conf',
            template: 'keepalived/anycast.conf',
            target: KEEPALIVED_DROP_IN,
            mode: 0o644,
            owner: 'root:root',
          },
        ]
      : []),
  ],
  printed: (d) => ('keepalived' in d ? d.keepalived : {}),
  push: {
    unit: 'keepalived',
    steps(files) {
      const conf = stagedAt(files, KEEPALIVED_CONF);
      const unit = reloadableUnit('keepalived');
      return {
        validate: conf
          ? [
              `keepalived -t -f files/${conf} > validate-keepalived.out 2>&1 || { echo "keepalived.conf rejected by keepalived -t: $(head -n1 validate-keepalived.out)"; ok=1; }`,
            ]
          : [],
        ...unit,
        // a changed drop-in (anycast VIPs) is read by systemd only after daemon-reload
        ...withDropIns(files, [KEEPALIVED_DROP_IN], unit),
      };
    },
  },
  drift: {
    processes: () => ['keepalived'],
    reads: () => [['keepalived.conf', fileInUse('keepalived', '-f', KEEPALIVED_CONF, '--use-file')]],
    compare: (ctx) =>
      compareFileInUse(
        ctx,
        'keepalived.conf',
        'keepalived.conf',
        { daemon: 'keepalived', key: keepalivedLineKey, affectsForwarding: keepalivedAffectsForwarding },
        normaliseKeepalived,
      ),
  },
  lab: {
    requires: () => [
      { program: 'keepalived', pkg: 'keepalived' },
      { program: 'nft', pkg: 'nftables' },
    ],
    status: oneProcessStatus('keepalived'),
  },
};
