/**
 * What fabric writes for each daemon, and where it lives on the device. Push uploads each file
 * to `target` with `mode` and `owner`; drift reads the same paths back.
 */
import type { Daemon, Device, HaproxyModel } from '../model/types.js';

/** Where the rendered files go on a device: the paths the daemons read (Debian's), and ovs.sh's. */
export const TARGETS = {
  frrConf: '/etc/frr/frr.conf',
  frrDaemons: '/etc/frr/daemons',
  keepalived: '/etc/keepalived/keepalived.conf',
  haproxy: '/etc/haproxy/haproxy.cfg',
  ovs: '/etc/fabric/ovs.sh',
  snmpd: '/etc/snmp/snmpd.conf',
} as const;

export interface FileSpec {
  daemon: Daemon;
  /** Path in the device's output folder. */
  file: string;
  /** Root template, or null for a file whose content is a secret (a TLS bundle). */
  template: string | null;
  /** Path on the device. */
  target: string;
  mode: number;
  owner: string;
  /** For secret-content files: the secret that is the whole file. */
  secret?: { name: string };
}

export function fileSpecs(device: Pick<Device, 'daemons'> & { haproxy?: HaproxyModel }): FileSpec[] {
  const specs: FileSpec[] = [];
  for (const daemon of device.daemons) {
    switch (daemon) {
      case 'frr':
        specs.push(
          {
            daemon,
            file: 'frr.conf',
            template: 'frr/frr.conf',
            target: TARGETS.frrConf,
            mode: 0o640,
            owner: 'frr:frr',
          },
          {
            daemon,
            file: 'daemons',
            template: 'frr/daemons',
            target: TARGETS.frrDaemons,
            mode: 0o640,
            owner: 'frr:frr',
          },
        );
        break;
      case 'keepalived':
        specs.push({
          daemon,
          file: 'keepalived.conf',
          template: 'keepalived/keepalived.conf',
          target: TARGETS.keepalived,
          mode: 0o640,
          owner: 'root:root',
        });
        break;
      case 'haproxy':
        specs.push({
          daemon,
          file: 'haproxy.cfg',
          template: 'haproxy/haproxy.cfg',
          target: TARGETS.haproxy,
          mode: 0o640,
          owner: 'root:haproxy',
        });
        for (const c of device.haproxy?.certificates ?? [])
          specs.push({
            daemon,
            file: c.file,
            template: null,
            target: c.path,
            mode: 0o600,
            owner: 'root:root',
            secret: { name: c.secret.secret },
          });
        break;
      case 'ovs':
        specs.push({
          daemon,
          file: 'ovs.sh',
          template: 'ovs/ovs.sh',
          target: TARGETS.ovs,
          mode: 0o750,
          owner: 'root:root',
        });
        break;
      case 'snmpd':
        // Debian's own mode and owner: snmpd runs as Debian-snmp and rereads it on SIGHUP
        specs.push({
          daemon,
          file: 'snmpd.conf',
          template: 'snmp/snmpd.conf',
          target: TARGETS.snmpd,
          mode: 0o640,
          owner: 'root:Debian-snmp',
        });
        break;
    }
  }
  return specs;
}
