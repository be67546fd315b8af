/**
 * Open vSwitch: ovs.sh, fabric's idempotent description of the bridges, ports and tunnels; read
 * back from OVSDB and the kernel against the model (the model is what ovs.sh converges to).
 */

import { compareSections } from '../../drift/compare.js';
import { daemonFinding } from '../../drift/runtime.js';
import { LINUX } from '../../observe/linux.js';
import type { DaemonDriver } from '../types.js';
import { ovsAnswers, ovsReadsOf } from './collect.js';
import { OVS_READS, ovsAffectsForwarding, ovsIntended, ovsLineKey, ovsRunning } from './drift.js';
import { OVS_SH, ovsSteps } from './push.js';

export { OVS_SH };

export const ovs: DaemonDriver = {
  name: 'ovs',
  crash: {
    daemon: 'ovs-vswitchd',
    pidFiles: ['/run/openvswitch/ovs-vswitchd.pid'],
    // the node's init starts what is not running, at the priority it boots OVS with (nice -10):
    // started by hand at nice 0, the vswitch forwarded behind the probes for the rest of the run
    restart: '/usr/local/sbin/labnode-init start ovs',
  },
  files: () => [
    {
      daemon: 'ovs',
      file: 'ovs.sh',
      template: 'ovs/ovs.sh',
      target: OVS_SH,
      mode: 0o750,
      owner: 'root:root',
    },
  ],
  printed: () => ({}),
  push: { unit: null, steps: ovsSteps },
  drift: {
    processes: () => ['ovsdb-server', 'ovs-vswitchd'],
    reads: () => Object.entries(OVS_READS).map(([k, cmd]): [string, string] => [`ovs.${k}`, cmd]),
    answers: (d) =>
      'ovs' in d ? d.ovs.vxlanPorts.flatMap((p) => [LINUX.ovsPort(p.name), LINUX.flood(p.name)]) : [],
    prefetched(reads, wanted) {
      const got = ovsReadsOf(reads);
      return 'error' in got ? new Map() : ovsAnswers(got, wanted);
    },
    compare(ctx) {
      const d = ctx.device;
      if (!('ovs' in d) || ctx.down.has('ovsdb-server')) return [];
      try {
        const reads = ovsReadsOf(ctx.reads);
        if ('error' in reads) throw new Error(reads.error);
        return compareSections(ovsIntended(d.ovs), ovsRunning(reads), {
          device: d.name,
          rules: { daemon: 'ovs', key: ovsLineKey, affectsForwarding: ovsAffectsForwarding },
          redact: ctx.redact,
          now: ctx.now,
        });
      } catch (e) {
        return [
          {
            ...daemonFinding(d.name, 'ovs', 'ovsdb', ctx.now),
            message: ctx.redact(`OVS state cannot be read: ${(e as Error).message}`),
          },
        ];
      }
    },
  },
  lab: {
    requires: () =>
      ['ovsdb-server', 'ovs-vswitchd', 'ovs-vsctl', 'ovsdb-tool'].map((program) => ({
        program,
        pkg: 'openvswitch-switch',
      })),
    // no openvswitch kernel module here: bridges run on the userspace datapath, whatever is asked
    tools: ['ovs-vsctl'],
    // containerlab substitutes $VARIABLES in the file, so no '$' here
    exec: (_d, empty) =>
      empty
        ? []
        : [`timeout 20 sh -c 'until ovs-vsctl show >/dev/null 2>&1; do sleep 0.1; done'`, `sh ${OVS_SH}`],
    status: ({ has, reported }) => ({ up: has('ovsdb-server') && has('ovs-vswitchd'), detail: reported }),
  },
};
