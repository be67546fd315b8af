/**
 * What fabric writes for each daemon, and where it lives on the device. Push uploads each file
 * to `target` with `mode` and `owner`; drift reads the same paths back.
 */
import type { Daemon, Device } from '../model/types.js';

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

export function fileSpecs(
  device: Pick<Device, 'daemons'> & Partial<Pick<Extract<Device, { role: 'l7lb' }>, 'haproxy'>>,
): FileSpec[] {
  const specs: FileSpec[] = [];
  for (const daemon of device.daemons) {
    switch (daemon) {
      case 'frr':
        specs.push(
          {
            daemon,
            file: 'frr.conf',
            template: 'frr/frr.conf',
            target: '/etc/frr/frr.conf',
            mode: 0o640,
            owner: 'frr:frr',
          },
          {
            daemon,
            file: 'daemons',
            template: 'frr/daemons',
            target: '/etc/frr/daemons',
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
          target: '/etc/keepalived/keepalived.conf',
          mode: 0o640,
          owner: 'root:root',
        });
        break;
      case 'haproxy':
        specs.push({
          daemon,
          file: 'haproxy.cfg',
          template: 'haproxy/haproxy.cfg',
          target: '/etc/haproxy/haproxy.cfg',
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
          target: '/etc/fabric/ovs.sh',
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
          target: '/etc/snmp/snmpd.conf',
          mode: 0o640,
          owner: 'root:Debian-snmp',
        });
        break;
    }
  }
  return specs;
}
