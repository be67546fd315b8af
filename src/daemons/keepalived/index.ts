/**
 * keepalived: keepalived.conf, validated with `keepalived -t`, reloaded in place (it keeps its
 * VIPs), read back as the file the running keepalived was started with (its `-f`).
 */
import { compareFileInUse, fileInUse } from '../../drift/driver.js';
import type { KeepalivedModel } from '../../model/keepalived.js';
import { restartDropIn } from '../drop-in.js';
import { oneProcessStatus, reloadableUnit, stagedAt, withDropIns } from '../steps.js';
import type { DaemonDriver, DeviceView } from '../types.js';
import { keepalivedAffectsForwarding, keepalivedLineKey, normaliseKeepalived } from './drift.js';

export const KEEPALIVED_CONF = '/etc/keepalived/keepalived.conf';
/** systemd drop-in of every keepalived: its VIPs deleted after it dies, and it started again. */
const DROP_IN = restartDropIn('keepalived', 'keepalived');
export const KEEPALIVED_DROP_IN = DROP_IN.target;
const hasDropIn = (d: DeviceView) =>
  'keepalived' in d && (d.keepalived as KeepalivedModel).stopPost.length > 0;

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
    // systemd deletes its VIPs after keepalived ends, any way, and starts it again (docs/failover.md)
    ...(hasDropIn(d) ? [DROP_IN.file] : []),
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
        // a changed drop-in is read by systemd only after daemon-reload
        ...withDropIns(files, [KEEPALIVED_DROP_IN], unit),
      };
    },
  },
  drift: {
    processes: () => ['keepalived'],
    reads: (d) => [
      ['keepalived.conf', fileInUse('keepalived', '-f', KEEPALIVED_CONF, '--use-file')],
      ...(hasDropIn(d) ? [DROP_IN.read] : []),
    ],
    compare: (ctx) => [
      ...compareFileInUse(
        ctx,
        'keepalived.conf',
        'keepalived.conf',
        { daemon: 'keepalived', key: keepalivedLineKey, affectsForwarding: keepalivedAffectsForwarding },
        normaliseKeepalived,
      ),
      ...DROP_IN.compare(ctx),
    ],
  },
  lab: {
    requires: () => [
      { program: 'keepalived', pkg: 'keepalived' },
      { program: 'nft', pkg: 'nftables' },
    ],
    status: oneProcessStatus('keepalived'),
  },
};
