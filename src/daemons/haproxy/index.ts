/**
 * HAProxy: haproxy.cfg and its TLS bundles, validated together with `haproxy -c` before anything
 * moves, reloaded in place (it hands over its sockets; a new certificate needs a reload too:
 * HAProxy reads certificates when it (re)starts), read back as the file it was started with.
 */
import { HAPROXY_CERT_DIR, HAPROXY_SERVER_STATE, HAPROXY_STATS_SOCKET } from '../../compile/haproxy.js';
import { compareFileInUse, fileInUse } from '../../drift/driver.js';
import { oneProcessStatus, reloadableUnit, stagedAt } from '../steps.js';
import type { DaemonDriver, FileSpec, StagedFile, TransactionSteps } from '../types.js';
import { haproxyAffectsForwarding, haproxyLineKey, normaliseHaproxy } from './drift.js';

export const HAPROXY_CFG = '/etc/haproxy/haproxy.cfg';
const PID_FILE = '/run/haproxy.pid';

/**
 * A reload that hands the listening sockets over, so that no connection waiting in a listen
 * queue is reset. Under systemd, Debian's unit runs HAProxy in master-worker mode (-Ws), whose
 * reload passes them on by itself (the stats socket has `expose-fd listeners`). Without
 * systemd, the init script's reload starts the new process with `-sf` alone: it binds new
 * sockets and the old process closes its own with what waits in them — in the lab, about one
 * failed request per client and reload (docs/failover.md). `-x` takes them over instead; a
 * running config whose stats socket does not expose them (Debian's default, before fabric's
 * first push) makes `-x` fail before anything is bound, and the init script's reload does it.
 *
 * First the running process's view of its servers is saved for the new one to load
 * (haproxy.cfg's `server-state-file`); when it cannot be (no socat, no socket), none is left
 * behind, so the new process never loads an older one.
 */
const HANDOVER = [
  'haproxy_reload() {',
  `  { [ -S ${HAPROXY_STATS_SOCKET} ] && command -v socat >/dev/null && echo 'show servers state' | socat -t 2 stdio unix-connect:${HAPROXY_STATS_SOCKET} > ${HAPROXY_SERVER_STATE}.new 2>/dev/null && mv ${HAPROXY_SERVER_STATE}.new ${HAPROXY_SERVER_STATE}; } || rm -f ${HAPROXY_SERVER_STATE} ${HAPROXY_SERVER_STATE}.new`,
  '  if [ -d /run/systemd/system ]; then systemctl reload haproxy; return; fi',
  `  pid=$(cat ${PID_FILE} 2>/dev/null)`,
  `  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null || [ ! -S ${HAPROXY_STATS_SOCKET} ]; then systemctl reload haproxy; return; fi`,
  `  haproxy -f ${HAPROXY_CFG} -p ${PID_FILE} -D -x ${HAPROXY_STATS_SOCKET} -sf $pid 2>/dev/null && return 0`,
  '  systemctl reload haproxy',
  '}',
];

/** reloadableUnit's lines, with the reload that hands the sockets over. */
function haproxySteps(files: readonly StagedFile[]): Partial<TransactionSteps> {
  const unit = reloadableUnit('haproxy');
  const swap = (lines: string[]) => lines.map((l) => l.replace('systemctl reload haproxy', 'haproxy_reload'));
  return {
    validate: validate(files),
    ...unit,
    reload: swap(unit.reload),
    reloadPrevious: swap(unit.reloadPrevious),
    functions: HANDOVER,
  };
}

/** Staged TLS bundles are checked, then haproxy.cfg against a copy of the certificate folder. */
function validate(files: readonly StagedFile[]): string[] {
  const certs = files
    .filter((f) => f.target.startsWith(`${HAPROXY_CERT_DIR}/`))
    .map((f) => ({ n: f.n, name: f.target.slice(HAPROXY_CERT_DIR.length + 1) }));
  const lines = certs.map(
    ({ n, name }) =>
      `openssl x509 -noout -in files/${n} 2>/dev/null && openssl pkey -noout -in files/${n} 2>/dev/null || { echo "TLS bundle ${name} is not a certificate with its key"; ok=1; }`,
  );
  const cfg = stagedAt(files, HAPROXY_CFG);
  if (cfg)
    lines.push(
      '# check a copy that reads the certificates from here: new ones are not in place yet',
      `mkdir -p certs && { cp -p ${HAPROXY_CERT_DIR}/* certs/ 2>/dev/null || true; }`,
      ...certs.map(({ n, name }) => `cp files/${n} certs/${name}`),
      `sed "s#crt ${HAPROXY_CERT_DIR}/#crt $dir/certs/#g" files/${cfg} > haproxy-check.cfg`,
      'haproxy -c -f haproxy-check.cfg > validate-haproxy.out 2>&1 || { echo "haproxy.cfg rejected by haproxy -c: $(grep -m1 ALERT validate-haproxy.out)"; ok=1; }',
    );
  return lines;
}

export const haproxy: DaemonDriver = {
  name: 'haproxy',
  crash: {
    daemon: 'haproxy',
    pidFiles: ['/run/haproxy.pid'],
    restart: 'service haproxy start >/dev/null',
  },
  files(d) {
    const specs: FileSpec[] = [
      {
        daemon: 'haproxy',
        file: 'haproxy.cfg',
        template: 'haproxy/haproxy.cfg',
        target: HAPROXY_CFG,
        mode: 0o640,
        owner: 'root:haproxy',
      },
    ];
    for (const c of 'haproxy' in d ? d.haproxy.certificates : [])
      specs.push({
        daemon: 'haproxy',
        file: c.file,
        template: null,
        target: c.path,
        mode: 0o600,
        owner: 'root:root',
        secret: { name: c.secret.secret },
      });
    return specs;
  },
  // the TLS bundles are whole files of their own; inside haproxy.cfg, only the data backends'
  // checks print a secret (a Redis service's password, `tcp-check send AUTH\ …`)
  printed: (d) => ('haproxy' in d ? { tcpBackends: d.haproxy.tcpBackends } : {}),
  push: { unit: 'haproxy', steps: haproxySteps },
  drift: {
    processes: () => ['haproxy'],
    reads: () => [['haproxy.cfg', fileInUse('haproxy', '-f', HAPROXY_CFG)]],
    compare: (ctx) =>
      compareFileInUse(
        ctx,
        'haproxy.cfg',
        'haproxy.cfg',
        { daemon: 'haproxy', key: haproxyLineKey, affectsForwarding: haproxyAffectsForwarding },
        normaliseHaproxy,
      ),
  },
  lab: {
    // socat: a reload saves the servers' state through the stats socket
    requires: () => [
      { program: 'haproxy', pkg: 'haproxy' },
      { program: 'socat', pkg: 'socat' },
    ],
    status: oneProcessStatus('haproxy'),
  },
};
