/**
 * The management network (`mgmt:`) and the nodes' `mgmt-ipv4` and `mgmt-ipv6` addresses. Like
 * containerlab's default docker network: 172.20.20.0/24, gateway = first address, each node's
 * eth0 on it; IPv6 (`ipv6-subnet`, default 3fff:172:20:20::/64) only on the nodes that name a
 * `mgmt-ipv6`, and never on the host's end.
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
import { contains6, formatAddress6, parseAddress6, parsePrefix6 } from '../../net/ipv6.js';
import { MGMT_HONOURED, MGMT_IGNORED_WHY, MGMT_KEYS } from './clab-keys.js';
import type { ParseContext } from './context.js';
import {
  DEFAULT_MGMT_MTU,
  DEFAULT_MGMT_SUBNET,
  DEFAULT_MGMT_SUBNET6,
  type LabNode,
  type MgmtNetwork,
} from './types.js';

export function readMgmt(ctx: ParseContext, raw: unknown): MgmtNetwork {
  const path = ['mgmt'];
  const map = ctx.mapping(raw, path, 'mgmt') ?? {};
  ctx.checkKeys(map, MGMT_KEYS, path, 'mgmt');
  for (const key of Object.keys(map)) {
    if ((MGMT_KEYS as readonly string[]).includes(key) && !MGMT_HONOURED.has(key)) {
      ctx.warn(
        'ignored-field',
        `mgmt "${key}" is ignored by this runtime (${MGMT_IGNORED_WHY[key] ?? 'IPv4 management bridge only'})`,
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
  const ipv6Subnet = readSubnet6(ctx, map['ipv6-subnet'], [...path, 'ipv6-subnet']);
  if (!parsed || parsed.hostBits || parsed.prefix.length > 29) {
    ctx.error(
      'invalid-value',
      `ipv4-subnet "${subnetText}" must be an IPv4 network such as 172.20.20.0/24 (at most /29)`,
      [...path, 'ipv4-subnet'],
    );
    return { network, ipv4Subnet: subnetText, ipv4Gw: '', ipv6Subnet, mtu };
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
  return {
    network,
    ipv4Subnet: subnet.text,
    ipv4Gw: gw === undefined ? '' : formatAddress(gw),
    ipv6Subnet,
    mtu,
  };
}

/** `ipv6-subnet` in RFC 5952 form; containerlab's default when absent, '' when invalid. */
function readSubnet6(ctx: ParseContext, raw: unknown, path: (string | number)[]): string {
  const text = ctx.string(raw, path, 'ipv6-subnet') ?? DEFAULT_MGMT_SUBNET6;
  const parsed = parsePrefix6(text);
  if (!parsed || parsed.hostBits || parsed.prefix.length > 126) {
    ctx.error(
      'invalid-value',
      `ipv6-subnet "${text}" must be an IPv6 network such as 3fff:172:20:20::/64 (at most /126)`,
      path,
    );
    return '';
  }
  return parsed.prefix.text;
}

/** Each `mgmt-ipv6` is an address of `ipv6-subnet` other than its network address, used once. */
function checkMgmtAddresses6(ctx: ParseContext, mgmt: MgmtNetwork, nodes: readonly LabNode[]): void {
  const subnet = parsePrefix6(mgmt.ipv6Subnet)?.prefix;
  if (!subnet) return;
  const seen = new Map<bigint, string>();
  for (const node of nodes) {
    if (node.mgmtIpv6 === undefined) continue;
    const at = ['topology', 'nodes', node.name, 'mgmt-ipv6'];
    const addr = parseAddress6(node.mgmtIpv6);
    if (addr === undefined || !contains6(subnet, addr) || addr === subnet.network) {
      ctx.error(
        'invalid-mgmt-ip',
        `mgmt-ipv6 "${node.mgmtIpv6}" of node "${node.name}" must be a host address in ${subnet.text}`,
        at,
      );
      continue;
    }
    const other = seen.get(addr);
    if (other)
      ctx.error(
        'duplicate-mgmt-ip',
        `mgmt-ipv6 ${formatAddress6(addr)} of node "${node.name}" is also used by "${other}"`,
        at,
      );
    else seen.set(addr, node.name);
  }
}

/** Each `mgmt-ipv4` is a host address of the subnet, not the gateway, and used once. */
export function checkMgmtAddresses(ctx: ParseContext, mgmt: MgmtNetwork, nodes: readonly LabNode[]): void {
  checkMgmtAddresses6(ctx, mgmt, nodes);
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
