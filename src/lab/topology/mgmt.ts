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

/** One family's management addresses of the nodes, for checkMgmtAddresses. */
interface MgmtFamily<A> {
  key: 'mgmt-ipv4' | 'mgmt-ipv6';
  addressOf: (node: LabNode) => string | undefined;
  parse: (text: string) => A | undefined;
  /** A host address of the subnet (not its network, nor for IPv4 its broadcast). */
  isHost: (a: A) => boolean;
  subnetText: string;
  /** The management gateway, which no node may take; none for IPv6 (the host side is IPv4 only). */
  gateway?: string;
  print: (raw: string, a: A) => string;
}

function checkFamily<A>(ctx: ParseContext, nodes: readonly LabNode[], f: MgmtFamily<A>): void {
  const seen = new Map<A, string>();
  for (const node of nodes) {
    const raw = f.addressOf(node);
    if (raw === undefined) continue;
    const at = ['topology', 'nodes', node.name, f.key];
    const addr = f.parse(raw);
    if (addr === undefined || !f.isHost(addr)) {
      ctx.error(
        'invalid-mgmt-ip',
        `${f.key} "${raw}" of node "${node.name}" must be a host address in ${f.subnetText}`,
        at,
      );
      continue;
    }
    if (f.gateway !== undefined && raw === f.gateway) {
      ctx.error('duplicate-mgmt-ip', `${f.key} ${raw} of node "${node.name}" is the management gateway`, at);
      continue;
    }
    const other = seen.get(addr);
    if (other)
      ctx.error(
        'duplicate-mgmt-ip',
        `${f.key} ${f.print(raw, addr)} of node "${node.name}" is also used by "${other}"`,
        at,
      );
    else seen.set(addr, node.name);
  }
}

/**
 * Each `mgmt-ipv4` is a host address of the subnet, not the gateway, and used once; each
 * `mgmt-ipv6` an address of `ipv6-subnet` other than its network address, used once.
 */
export function checkMgmtAddresses(ctx: ParseContext, mgmt: MgmtNetwork, nodes: readonly LabNode[]): void {
  const subnet6 = parsePrefix6(mgmt.ipv6Subnet)?.prefix;
  if (subnet6)
    checkFamily(ctx, nodes, {
      key: 'mgmt-ipv6',
      addressOf: (n) => n.mgmtIpv6,
      parse: parseAddress6,
      isHost: (a) => contains6(subnet6, a) && a !== subnet6.network,
      subnetText: subnet6.text,
      print: (_, a) => formatAddress6(a),
    });
  const subnet = parsePrefix(mgmt.ipv4Subnet)?.prefix;
  if (subnet)
    checkFamily(ctx, nodes, {
      key: 'mgmt-ipv4',
      addressOf: (n) => n.mgmtIpv4,
      parse: parseAddress,
      isHost: (a) => contains(subnet, a) && !isNetworkOrBroadcast(subnet, a),
      subnetText: subnet.text,
      gateway: mgmt.ipv4Gw,
      print: (raw) => raw,
    });
}
