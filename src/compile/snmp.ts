/**
 * SNMP for the NOC: when the site has `defaults.snmp`, every managed device that runs a daemon
 * gets snmpd (SNMPv3 authPriv on its management addresses, a read-only view of the MIBs that
 * `fabric drift` polls, IP-MIB's address table where the device has IPv6 addresses), FRR loads
 * its AgentX module (BGP4-MIB) and keepalived enables its SNMP support (KEEPALIVED-MIB). Runs
 * after the device compilers: it only adds to a compiled device.
 */

import { FRR_GROUP } from '../daemons/frr/paths.js';
import { hasIpv6Addresses } from '../model/address.js';
import { runsVrrp, speaksBgp } from '../model/runs.js';
import type { Daemon, Device, SnmpdModel } from '../model/types.js';
import type { SiteFacts } from './facts.js';
import { withValue } from './ip-family.js';

/** UDP port snmpd answers on. */
export const SNMP_PORT = 161;
/** net-snmp's default AgentX master socket, where FRR and keepalived look for it. */
export const AGENTX_SOCKET = '/var/agentx/master';
/** The read-only view of the NOC user. */
export const SNMP_VIEW = 'fabric';

/** The subtrees the NOC may read, per what runs on the device. */
export const MIB_SUBTREES = {
  system: { oid: '.1.3.6.1.2.1.1', mib: 'SNMPv2-MIB system' },
  interfaces: { oid: '.1.3.6.1.2.1.2', mib: 'IF-MIB interfaces' },
  ipAddress: {
    oid: '.1.3.6.1.2.1.4.34',
    mib: 'IP-MIB ipAddressTable (IPv6 addresses: BGP4-MIB has no IPv6)',
  },
  ifMib: { oid: '.1.3.6.1.2.1.31', mib: 'IF-MIB ifMIB (ifName, ifXTable)' },
  bgp: { oid: '.1.3.6.1.2.1.15', mib: 'BGP4-MIB (FRR bgpd over AgentX)' },
  keepalived: { oid: '.1.3.6.1.4.1.9586.100.5', mib: 'KEEPALIVED-MIB (keepalived over AgentX)' },
} as const;

/**
 * The device with snmpd added, or unchanged when the site has no SNMP or the device runs no
 * daemon of fabric's (VMs, simulated upstreams).
 */
export function withSnmpd(facts: SiteFacts, device: Device): Device {
  const snmp = facts.inventory.defaults.snmp;
  if (!snmp || !device.managed || device.daemons.length === 0) return device;
  const hasFrr = speaksBgp(device);
  const hasKeepalived = runsVrrp(device);
  const subtrees = [
    MIB_SUBTREES.system,
    MIB_SUBTREES.interfaces,
    ...(hasIpv6Addresses(device.interfaces) ? [MIB_SUBTREES.ipAddress] : []),
    ...(hasFrr ? [MIB_SUBTREES.bgp] : []),
    MIB_SUBTREES.ifMib,
    ...(hasKeepalived ? [MIB_SUBTREES.keepalived] : []),
  ];
  const snmpd: SnmpdModel = {
    agentAddress: { address: device.mgmt.address, port: SNMP_PORT },
    ...withValue('agentAddress6', device.mgmt.ipv6 && { address: device.mgmt.ipv6.address, port: SNMP_PORT }),
    sysLocation: `site ${facts.name}${device.rack ? `, rack ${device.rack}` : ''}`,
    agentx: { socket: AGENTX_SOCKET, group: hasFrr ? FRR_GROUP : null },
    view: { name: SNMP_VIEW, subtrees: subtrees.map((s) => ({ oid: s.oid, mib: s.mib })) },
    user: {
      name: snmp.user,
      authProtocol: snmp.auth_protocol ?? 'SHA',
      auth: { secret: snmp.auth.secret, use: 'snmp-auth' },
      privProtocol: 'AES',
      priv: { secret: snmp.priv.secret, use: 'snmp-priv' },
    },
    community: snmp.community
      ? {
          secret: { secret: snmp.community.secret, use: 'snmp-community' },
          source: facts.pools.mgmt.text,
          ...withValue('source6', facts.pools.mgmt6?.text),
        }
      : null,
  };
  const daemons = [...device.daemons, 'snmpd' as Daemon].sort();
  const out = { ...device, daemons, snmpd } as Device;
  if (speaksBgp(out)) out.frr = { ...out.frr, daemons: { ...out.frr.daemons, agentx: true } };
  if (runsVrrp(out))
    out.keepalived = {
      ...out.keepalived,
      globalDefs: { ...out.keepalived.globalDefs, enableSnmpVrrp: true },
    };
  return out;
}

/** The device as it was before withSnmpd: no snmpd, and snmpd not among its daemons. */
export function withoutSnmpd(device: Device): Device {
  return { ...device, daemons: device.daemons.filter((x) => x !== 'snmpd'), snmpd: null } as Device;
}
