/**
 * FRR: frr.conf and the daemons file, validated with `vtysh -C`, applied with frr-reload.py (or
 * restarted when the daemons file changes what runs), read back with one vtysh, started in the
 * lab by its init (frrinit.sh).
 */
import { daemonFinding } from '../../drift/runtime.js';
import type { DaemonDriver, DeviceView } from '../types.js';
import { frrCombinedOf, splitFrrCombined } from './collect.js';
import { compareFrr, frrDaemonOfSection } from './drift.js';
import { frrLabStatus } from './lab.js';
import { FRR_CONF, FRR_DAEMONS_FILE } from './paths.js';
import { frrSteps } from './push.js';

export { FRR_CONF, FRR_DAEMONS_FILE };

/** FRR's AgentX modules, needed when a node runs both FRR and snmpd. */
function frrSnmp(): { program: string; pkg: string } {
  const multiarch: Record<string, string> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };
  const arch = Object.hasOwn(multiarch, process.arch) ? multiarch[process.arch] : `${process.arch}-linux-gnu`;
  return { program: `/usr/lib/${arch}/frr/modules/bgpd_snmp.so`, pkg: 'frr-snmp' };
}

/** The BGP AS a device's FRR speaks, or null on a device without FRR (`fabric show`). */
export function bgpAsn(d: DeviceView): number | null {
  return 'frr' in d ? d.frr.routerBgp.asn : null;
}

export const frr: DaemonDriver = {
  name: 'frr',
  crash: {
    daemon: 'bgpd',
    pidFiles: ['/run/frr/bgpd.pid'],
    // watchfrr restarts bgpd by itself; only if it did not, restart FRR
    restart:
      'for i in $(seq 50); do kill -0 "$(cat /run/frr/bgpd.pid 2>/dev/null)" 2>/dev/null && exit 0; sleep 0.2; done; service frr restart',
  },
  files: () => [
    {
      daemon: 'frr',
      file: 'frr.conf',
      template: 'frr/frr.conf',
      target: FRR_CONF,
      mode: 0o640,
      owner: 'frr:frr',
    },
    {
      daemon: 'frr',
      file: 'daemons',
      template: 'frr/daemons',
      target: FRR_DAEMONS_FILE,
      mode: 0o640,
      owner: 'frr:frr',
    },
  ],
  printed: (d) => ('frr' in d ? d.frr : {}),
  push: { unit: 'frr', steps: frrSteps },
  drift: {
    processes(d) {
      if (!('frr' in d)) return [];
      const out = ['watchfrr', 'zebra', 'staticd'];
      if (d.frr.daemons.bgpd) out.push('bgpd');
      if (d.frr.daemons.bfdd) out.push('bfdd');
      return out;
    },
    reads: (d) => [['frr', frrCombinedOf(d).command]],
    answers: (d) => frrCombinedOf(d).json,
    prefetched(reads, wanted) {
      const combined = reads.get('frr');
      const json = combined ? splitFrrCombined(combined).json : new Map();
      return new Map([...json].filter(([c]) => wanted.includes(c)));
    },
    compare(ctx) {
      const d = ctx.device;
      const file = ctx.intended('frr.conf');
      if (file === undefined || ctx.down.has('zebra')) return [];
      const raw = ctx.reads.get('frr');
      const running = raw ? splitFrrCombined(raw).running : null;
      if (running === null)
        return [
          {
            ...daemonFinding(d.name, 'frr', 'vtysh', ctx.now),
            message: ctx.redact(
              `vtysh cannot show the running configuration: ${(raw?.stderr || raw?.stdout || 'no output').trim().split('\n')[0]}`,
            ),
          },
        ];
      return compareFrr(file, running, {
        device: d.name,
        redact: ctx.redact,
        now: ctx.now,
        skip: (section) => ctx.down.has(frrDaemonOfSection(section)),
      });
    },
  },
  lab: {
    requires: (node) => [
      { program: '/usr/lib/frr/frrinit.sh', pkg: 'frr' },
      { program: 'vtysh', pkg: 'frr' },
      { program: '/usr/lib/frr/frr-reload.py', pkg: 'frr-pythontools' },
      ...(node.agentx ? [frrSnmp()] : []),
    ],
    routes: true,
    // BGP and BFD, what the fabric runs
    labnodeDefault: {
      path: FRR_DAEMONS_FILE,
      edit: (text) => text.replace(/^bgpd=no$/m, 'bgpd=yes').replace(/^bfdd=no$/m, 'bfdd=yes'),
    },
    status: frrLabStatus,
  },
};
