/**
 * The management network (`mgmt:`) and the nodes' `mgmt-ipv4` addresses. Like containerlab's
 * default docker network: 172.20.20.0/24, gateway = first address, each node's eth0 on it.
 * https://containerlab.dev/manual/network/#management-network
 */
import {
  contains,
  formatAddress,
  isNetworkOrBroadcast,
  nth,
  parseAddress,
  parsePrefix,
} from '../../net/ipv4.js';
import { MGMT_HONOURED, MGMT_KEYS } from './clab-keys.js';
import type { ParseContext } from './context.js';
import { DEFAULT_MGMT_MTU, DEFAULT_MGMT_SUBNET, type LabNode, type MgmtNetwork } from './types.js';

export function readMgmt(ctx: ParseContext, raw: unknown): MgmtNetwork {
  const path = ['mgmt'];
  const map = ctx.mapping(raw, path, 'mgmt') ?? {};
  ctx.checkKeys(map, MGMT_KEYS, path, 'mgmt');
  for (const key of Object.keys(map)) {
    if ((MGMT_KEYS as readonly string[]).includes(key) && !MGMT_HONOURED.has(key)) {
      ctx.warn(
        'ignored-field',
        `mgmt "${key}" is ignored by this runtime (IPv4 management bridge only)`,
        [...path, key],
        true,
      );
    }
  }
  let subnetText =
    ctx.string(map['ipv4-subnet'], [...path, 'ipv4-subnet'], 'ipv4-subnet') ?? DEFAULT_MGMT_SUBNET;
  if (subnetText === 'auto') {
    ctx.warn('ignored-field', `ipv4-subnet "auto" is not supported; using ${DEFAULT_MGMT_SUBNET}`, [
      ...path,
      'ipv4-subnet',
    ]);
    subnetText = DEFAULT_MGMT_SUBNET;
  }
  const parsed = parsePrefix(subnetText);
  const mtu = ctx.integer(map.mtu, [...path, 'mtu'], 'mtu', 68, 65535) ?? DEFAULT_MGMT_MTU;
  const network = ctx.string(map.network, [...path, 'network'], 'network') ?? 'clab';
  if (!parsed || parsed.hostBits || parsed.prefix.length > 29) {
    ctx.error(
      'invalid-value',
      `ipv4-subnet "${subnetText}" must be an IPv4 network such as 172.20.20.0/24 (at most /29)`,
      [...path, 'ipv4-subnet'],
    );
    return { network, ipv4Subnet: subnetText, ipv4Gw: '', mtu };
  }
  const subnet = parsed.prefix;
  const gwText = ctx.string(map['ipv4-gw'], [...path, 'ipv4-gw'], 'ipv4-gw');
  const gw = gwText === undefined ? nth(subnet, 1)! : parseAddress(gwText);
  if (gw === undefined || !contains(subnet, gw) || isNetworkOrBroadcast(subnet, gw)) {
    ctx.error('invalid-value', `ipv4-gw "${gwText}" must be a host address in ${subnet.text}`, [
      ...path,
      'ipv4-gw',
    ]);
  }
  return { network, ipv4Subnet: subnet.text, ipv4Gw: gw === undefined ? '' : formatAddress(gw), mtu };
}

/** Each `mgmt-ipv4` is a host address of the subnet, not the gateway, and used once. */
export function checkMgmtAddresses(ctx: ParseContext, mgmt: MgmtNetwork, nodes: readonly LabNode[]): void {
  const subnet = parsePrefix(mgmt.ipv4Subnet)?.prefix;
  if (!subnet) return;
  const seen = new Map<number, string>();
  for (const node of nodes) {
    if (node.mgmtIpv4 === undefined) continue;
    const at = ['topology', 'nodes', node.name, 'mgmt-ipv4'];
    const addr = parseAddress(node.mgmtIpv4);
    if (addr === undefined || !contains(subnet, addr) || isNetworkOrBroadcast(subnet, addr)) {
      ctx.error(
        'invalid-mgmt-ip',
        `mgmt-ipv4 "${node.mgmtIpv4}" of node "${node.name}" must be a host address in ${subnet.text}`,
        at,
      );
      continue;
    }
    if (node.mgmtIpv4 === mgmt.ipv4Gw) {
      ctx.error(
        'duplicate-mgmt-ip',
        `mgmt-ipv4 ${node.mgmtIpv4} of node "${node.name}" is the management gateway`,
        at,
      );
      continue;
    }
    const other = seen.get(addr);
    if (other)
      ctx.error(
        'duplicate-mgmt-ip',
        `mgmt-ipv4 ${node.mgmtIpv4} of node "${node.name}" is also used by "${other}"`,
        at,
      );
    else seen.set(addr, node.name);
  }
}
