/**
 * `topology.links`: point-to-point veth pairs in the brief form (`endpoints: ["a:eth1", "b:eth1"]`)
 * or the extended `type: veth` form, plus containerlab's parse-time link checks: the node
 * exists, each (node, interface) is used once, and the name fits Linux's 15 characters.
 * https://containerlab.dev/manual/topo-def-file/#links
 */
import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import { ENDPOINT_KEYS, LINK_BRIEF_KEYS, LINK_VETH_KEYS, SPECIAL_ENDPOINTS } from './clab-keys.js';
import type { ParseContext, Raw } from './context.js';
import { DEFAULT_LINK_MTU, type Endpoint, type LabLink, type LabNode } from './types.js';

/** IFNAMSIZ - 1 */
const MAX_IFNAME = 15;
const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;

/** `declared`: every name under topology.nodes, valid or not (a node with its own errors is not reported again here). */
export function readLinks(
  ctx: ParseContext,
  raw: unknown,
  nodes: readonly LabNode[],
  declared: ReadonlySet<string>,
): LabLink[] {
  const path = ['topology', 'links'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.error('invalid-value', 'topology.links must be a list', path);
    return [];
  }
  const links: LabLink[] = [];
  raw.forEach((item, index) => {
    const at = [...path, index];
    const map = ctx.mapping(item, at, 'a link');
    if (!map) return;
    const endpoints = map.type === undefined ? readBrief(ctx, map, at) : readExtended(ctx, map, at);
    const mtu = ctx.integer(map.mtu, [...at, 'mtu'], 'mtu', 68, 65535) ?? DEFAULT_LINK_MTU;
    if (map.ipv4 !== undefined || map.ipv6 !== undefined) {
      ctx.warn(
        'ignored-field',
        'link addresses are not applied to kind linux nodes (containerlab does the same); set them in frr.conf or exec',
        at,
      );
    }
    if (endpoints) links.push({ index, a: endpoints[0], z: endpoints[1], mtu });
  });
  checkEndpoints(ctx, links, nodes, declared);
  return links;
}

function readBrief(ctx: ParseContext, map: Raw, at: InventoryPath): [Endpoint, Endpoint] | undefined {
  ctx.checkKeys(map, LINK_BRIEF_KEYS, at, 'a link');
  const list = ctx.strings(map.endpoints, [...at, 'endpoints'], 'endpoints');
  if (!list) {
    if (map.endpoints === undefined) ctx.error('missing-field', 'a link needs "endpoints"', at);
    return undefined;
  }
  if (list.length !== 2) {
    ctx.error('invalid-value', `a link has exactly 2 endpoints, not ${list.length}`, [...at, 'endpoints']);
    return undefined;
  }
  const out: Endpoint[] = [];
  for (const [i, text] of list.entries()) {
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1) {
      ctx.error('invalid-value', `endpoint "${text}" must look like NODE:INTERFACE`, [...at, 'endpoints', i]);
      return undefined;
    }
    out.push({ node: text.slice(0, colon), interface: text.slice(colon + 1), mac: undefined });
  }
  return out as [Endpoint, Endpoint];
}

function readExtended(ctx: ParseContext, map: Raw, at: InventoryPath): [Endpoint, Endpoint] | undefined {
  if (map.type !== 'veth') {
    ctx.error(
      'unsupported-link',
      `link type "${String(map.type)}" is not supported by this runtime; only veth links between nodes are`,
      [...at, 'type'],
    );
    return undefined;
  }
  ctx.checkKeys(map, LINK_VETH_KEYS, at, 'a veth link');
  if (!Array.isArray(map.endpoints) || map.endpoints.length !== 2) {
    ctx.error('invalid-value', 'a veth link has exactly 2 endpoints', [...at, 'endpoints']);
    return undefined;
  }
  const out: Endpoint[] = [];
  for (const [i, item] of map.endpoints.entries()) {
    const ep = [...at, 'endpoints', i];
    const e = ctx.mapping(item, ep, 'an endpoint');
    if (!e) return undefined;
    ctx.checkKeys(e, ENDPOINT_KEYS, ep, 'an endpoint');
    const node = ctx.string(e.node, [...ep, 'node'], 'node');
    const iface = ctx.string(e.interface, [...ep, 'interface'], 'interface');
    const mac = ctx.string(e.mac, [...ep, 'mac'], 'mac');
    if (mac !== undefined && !MAC.test(mac))
      ctx.error('invalid-value', `mac "${mac}" is not a MAC address`, [...ep, 'mac']);
    if (!node || !iface) {
      ctx.error('missing-field', 'an endpoint needs "node" and "interface"', ep);
      return undefined;
    }
    out.push({ node, interface: iface, mac: mac?.replaceAll('-', ':').toLowerCase() });
  }
  return out as [Endpoint, Endpoint];
}

function endpointPath(link: LabLink, side: 0 | 1): InventoryPath {
  return ['topology', 'links', link.index, 'endpoints', side];
}

function checkEndpoints(
  ctx: ParseContext,
  links: readonly LabLink[],
  nodes: readonly LabNode[],
  declared: ReadonlySet<string>,
): void {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const seen = new Map<string, number>();
  for (const link of links) {
    for (const [side, e] of [link.a, link.z].entries()) {
      const at = endpointPath(link, side as 0 | 1);
      const node = byName.get(e.node);
      if (!node && declared.has(e.node)) continue;
      if (!node) {
        const why = SPECIAL_ENDPOINTS.has(e.node)
          ? `"${e.node}:" endpoints (links into the host or the management network) are not supported by this runtime`
          : `node "${e.node}" is not in topology.nodes`;
        ctx.error('unknown-node', `endpoint "${e.node}:${e.interface}": ${why}`, at);
        continue;
      }
      if (e.interface.length > MAX_IFNAME) {
        ctx.error(
          'interface-name-too-long',
          `interface "${e.interface}" of node "${e.node}" has ${e.interface.length} characters; Linux allows ${MAX_IFNAME}`,
          at,
        );
      } else if (!/^[^\s/:]+$/.test(e.interface) || e.interface === '.' || e.interface === '..') {
        ctx.error('invalid-interface-name', `"${e.interface}" is not a valid Linux interface name`, at);
      } else if (e.interface === 'eth0' && node.kind === 'linux') {
        ctx.error(
          'invalid-interface-name',
          `eth0 of node "${e.node}" is its management interface; use eth1 and up`,
          at,
        );
      }
      const key = `${e.node}:${e.interface}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.error(
          'duplicate-endpoint',
          `endpoint "${key}" is already used by link ${first}; each interface joins one link`,
          at,
        );
      } else seen.set(key, link.index);
    }
  }
}
