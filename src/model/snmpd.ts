/** net-snmp's snmpd: snmpd.conf (templates/snmp/). */
import type { SecretRef } from './secrets.js';

/**
 * net-snmp's snmpd as the NOC polls it: SNMPv3 authPriv on the management address, a read-only
 * view of the MIBs drift reads, and the AgentX master socket that FRR and keepalived register with.
 */
export interface SnmpdModel {
  /** Where snmpd listens: the management address, UDP port 161. */
  agentAddress: { address: string; port: number };
  /**
   * And the IPv6 management address (`mgmt.ipv6`, RFC 5952), UDP port 161: net-snmp's `udp6`
   * transport. Absent when the device has no IPv6 management address.
   */
  agentAddress6?: { address: string; port: number };
  /** `sysLocation`: site and rack, as the NOC sees them. */
  sysLocation: string;
  /**
   * The AgentX master socket for the device's subagents. `group`: the socket's group, `frr` where
   * FRR runs (zebra and bgpd run as user frr and register BGP4-MIB), else null (root only: keepalived).
   */
  agentx: { socket: string; group: string | null };
  /** The read-only view `name`: the subtrees the NOC may read, sorted by OID. */
  view: { name: string; subtrees: { oid: string; mib: string }[] };
  /** The SNMPv3 user, authPriv only. */
  user: {
    name: string;
    authProtocol: 'SHA' | 'SHA-256' | 'SHA-512';
    auth: SecretRef;
    /** AES-128 (CFB). */
    privProtocol: 'AES';
    priv: SecretRef;
  };
  /**
   * SNMPv2c read-only community answered only from `source` (the management subnet) and, with
   * IPv6 management, from `source6` (`pools.mgmt6`: `rocommunity6`); null: v2c off.
   */
  community: { secret: SecretRef; source: string; source6?: string } | null;
}
