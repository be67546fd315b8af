/**
 * net-snmp's snmpd: snmpd.conf (Debian's own mode and owner: snmpd runs as Debian-snmp),
 * restarted, not reloaded (net-snmp creates its USM users, createUser, only when it starts), and
 * before the others: FRR and keepalived, reloaded next, find its AgentX socket at once; in the
 * lab it boots first because FRR's AgentX subagent does not retry.
 */
import { compareFileInUse, fileInUse } from '../../drift/driver.js';
import { oneProcessStatus } from '../steps.js';
import type { DaemonDriver } from '../types.js';
import { normaliseSnmpd, snmpdAffectsForwarding, snmpdLineKey, snmpdSectionHeader } from './drift.js';

export const SNMPD_CONF = '/etc/snmp/snmpd.conf';

export const snmpd: DaemonDriver = {
  name: 'snmpd',
  monitoring: true,
  files: () => [
    {
      daemon: 'snmpd',
      file: 'snmpd.conf',
      template: 'snmp/snmpd.conf',
      target: SNMPD_CONF,
      mode: 0o640,
      owner: 'root:Debian-snmp',
    },
  ],
  printed: (d) => d.snmpd,
  push: {
    unit: 'snmpd',
    reloadFirst: true,
    steps: () => ({
      reload: [
        '# first, so that FRR and keepalived, reloaded next, find its AgentX socket at once',
        'systemctl restart snmpd || return 1',
      ],
      healthy: ['pidof snmpd > /dev/null || down="$down snmpd"'],
      reloadPrevious: [
        'if was_active snmpd; then systemctl restart snmpd || rc=1; else systemctl stop snmpd > /dev/null 2>&1 || :; fi',
      ],
      healthyPrevious: ['if was_active snmpd; then pidof snmpd > /dev/null || down="$down snmpd"; fi'],
    }),
  },
  drift: {
    processes: () => ['snmpd'],
    reads: () => [['snmpd.conf', fileInUse('snmpd', '-c', SNMPD_CONF)]],
    compare: (ctx) =>
      compareFileInUse(
        ctx,
        'snmpd.conf',
        'snmpd.conf',
        {
          daemon: 'snmpd',
          key: snmpdLineKey,
          affectsForwarding: snmpdAffectsForwarding,
          header: snmpdSectionHeader,
        },
        normaliseSnmpd,
      ),
  },
  lab: {
    requires: () => [{ program: 'snmpd', pkg: 'snmpd' }],
    bootFirst: true,
    agentxMaster: true,
    status: oneProcessStatus('snmpd'),
  },
};
