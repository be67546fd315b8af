/**
 * The plan of a lab of several sites (src/topology/shared/types.ts says what it decides, and
 * docs/active-active.md "Both sites in one lab" why): a pure function of the sites' compiled
 * models, in steps: management, the merged upstreams, the client, the nodes, the links.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import { formatAddress, type Prefix4, parseAddress } from '../../net/ipv4.js';
import { parsePrefix6 } from '../../net/ipv6.js';
import { siteNodeName } from '../lab-nodes.js';
import { clientLinkOf, highestFree, withCover6 } from './addresses.js';
import { type Fail, mgmtCover, planProblems, sessionCollisions, upstreamMismatches } from './checks.js';
import {
  CLIENT_NODE,
  CLIENT_PORT,
  CLIENT_UPSTREAM_PORT,
  isUpstream,
  type SharedClient,
  type SharedLabLink,
  type SharedLabNode,
  type SharedLabPlan,
  type SharedUpstream,
  type Site,
  type Upstream,
  type UpstreamPort,
} from './types.js';

type Seen = Map<string, { site: Site; k: number; u: Upstream }[]>;

/** The plan of a lab of these sites (at least two), or what stops it. */
export function planSharedLab(
  sitesGiven: readonly Site[],
): { plan: SharedLabPlan; problems: [] } | { plan: undefined; problems: Diagnostic[] } {
  const sites = [...sitesGiven].sort((a, b) => a.name.localeCompare(b.name));
  const problems: Diagnostic[] = [];
  const fail: Fail = (code, message, site, path) => problems.push(error(code, message, { site, path }));

  const cover = mgmtCover(sites, fail);
  const seen: Seen = new Map();
  sites.forEach((site, i) => {
    for (const d of site.devices)
      if (isUpstream(d)) seen.set(d.name, [...(seen.get(d.name) ?? []), { site, k: i + 1, u: d }]);
  });
  const upstreams = mergeUpstreams(seen, fail);
  sessionCollisions(sites, fail);
  const client = placeClient(sites, upstreams, seen, fail);
  if (problems.length || !client) return { plan: undefined, problems };

  const nodes = planNodes(sites, upstreams);
  const used = new Set([
    ...nodes.map((n) => parseAddress(n.mgmtIpv4)),
    ...sites.map((s) => parseAddress(s.mgmt.gateway)),
  ]);
  const clientMgmt = highestFree(cover, used);
  client.mgmtIpv4 = clientMgmt === undefined ? '' : formatAddress(clientMgmt);
  nodes.push({
    name: CLIENT_NODE,
    site: null,
    device: CLIENT_NODE,
    kind: 'client',
    mgmtIpv4: client.mgmtIpv4,
  });

  const plan: SharedLabPlan = {
    sites: sites.map((s) => s.name),
    mgmt: mgmtOf(sites, cover),
    nodes,
    links: planLinks(sites, upstreams, client),
    upstreams,
    client,
  };
  const late = planProblems(plan);
  return late.length ? { plan: undefined, problems: late } : { plan, problems: [] };
}

function mgmtOf(sites: readonly Site[], cover: Prefix4): SharedLabPlan['mgmt'] {
  return {
    subnet: cover.text,
    gateway: sites[0]!.mgmt.gateway,
    prefixLength: cover.length,
    ...withCover6(sites.flatMap((s) => (s.mgmt.ipv6 ? [parsePrefix6(s.mgmt.ipv6.subnet)!.prefix] : []))),
  };
}

/** One upstream per name, with a port per site that has it (`s<k>-<port>`). */
function mergeUpstreams(seen: Seen, fail: Fail): SharedUpstream[] {
  const upstreams: SharedUpstream[] = [];
  for (const [name, list] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    upstreamMismatches(name, list, fail);
    const ports: UpstreamPort[] = [];
    for (const { site, k, u } of list) {
      const cable = site.cables.find((c) => c.kind === 'upstream' && c.b.device === u.name);
      if (!cable) continue; // compile refuses an upstream without its edge
      ports.push({
        site: site.name,
        edge: cable.a.device,
        edgeInterface: cable.a.interface,
        siteInterface: cable.b.interface,
        port: `s${k}-${cable.b.interface}`,
      });
    }
    const first = list[0]!;
    upstreams.push({
      name,
      asn: first.u.frr.routerBgp.asn,
      id: first.u.id,
      sites: list.map((s) => s.site.name),
      ports,
      mgmtIpv4: first.u.mgmt.address,
    });
  }
  return upstreams;
}

/** The client on the first upstream (by name) that originates an IPv4 prefix; its management address comes later. */
function placeClient(sites: readonly Site[], upstreams: readonly SharedUpstream[], seen: Seen, fail: Fail) {
  const host = upstreams
    .map((u) => seen.get(u.name)![0]!)
    .find(({ u }) => u.frr.routerBgp.ipv4Unicast.networks.length > 0);
  const link = host ? clientLinkOf(host.u) : undefined;
  if (host && link) {
    const client: SharedClient = {
      node: CLIENT_NODE,
      interface: CLIENT_PORT,
      upstream: host.u.name,
      upstreamInterface: CLIENT_UPSTREAM_PORT,
      mgmtIpv4: '',
      ...link,
    };
    return client;
  }
  fail(
    'lab-no-client-prefix',
    host
      ? `upstream ${host.u.name}'s first lab.originate prefix is smaller than a /30 (IPv4) or /64 (IPv6): the lab's client takes the last /30 and /64 of it`
      : `no upstream of ${sites.map((s) => s.name).join(', ')} originates a prefix (lab.originate): the lab's client on the internet lives in one; give an upstream lab: { originate: [192.0.2.128/26] }`,
    host?.site.name ?? sites[0]!.name,
    host ? ['upstreams', host.u.name, 'lab', 'originate'] : ['upstreams'],
  );
  return undefined;
}

/** Every site's devices but its upstreams (`<site>-<device>`), then the merged upstreams. */
function planNodes(sites: readonly Site[], upstreams: readonly SharedUpstream[]): SharedLabNode[] {
  const nodes: SharedLabNode[] = [];
  for (const site of sites)
    for (const d of site.devices)
      if (!isUpstream(d))
        nodes.push({
          name: siteNodeName(site.name, d.name, sites.length),
          site: site.name,
          device: d.name,
          kind: 'device',
          mgmtIpv4: d.mgmt.address,
        });
  for (const u of upstreams)
    nodes.push({ name: u.name, site: null, device: u.name, kind: 'shared', mgmtIpv4: u.mgmtIpv4 });
  return nodes;
}

/** Each site's cables on its nodes, its upstream sessions on the merged upstreams' ports, the internet once, the client's link. */
function planLinks(
  sites: readonly Site[],
  upstreams: readonly SharedUpstream[],
  client: SharedClient,
): SharedLabLink[] {
  const links: SharedLabLink[] = [];
  const internet = new Set<string>();
  for (const site of sites) {
    const own = new Set(site.devices.filter(isUpstream).map((u) => u.name));
    const nodeOf = (device: string) =>
      own.has(device) ? device : siteNodeName(site.name, device, sites.length);
    for (const c of site.cables) {
      const mtu = Math.max(c.a.mtu, c.b.mtu);
      if (c.kind === 'upstream') {
        const port = upstreams.find((u) => u.name === c.b.device)!.ports.find((p) => p.site === site.name)!;
        links.push({
          a: { node: nodeOf(c.a.device), interface: c.a.interface },
          z: { node: c.b.device, interface: port.port },
          mtu,
          kind: 'session',
          site: site.name,
        });
        continue;
      }
      const a = { node: nodeOf(c.a.device), interface: c.a.interface };
      const z = { node: nodeOf(c.b.device), interface: c.b.interface };
      if (c.kind !== 'internet') {
        links.push({ a, z, mtu, kind: 'site', site: site.name });
        continue;
      }
      const key = [a, z]
        .map((e) => `${e.node}:${e.interface}`)
        .sort()
        .join(' ');
      if (internet.has(key)) continue;
      internet.add(key);
      links.push({ a, z, mtu, kind: 'internet', site: null });
    }
  }
  links.push({
    a: { node: client.node, interface: client.interface },
    z: { node: client.upstream, interface: client.upstreamInterface },
    mtu: 1500,
    kind: 'client',
    site: null,
  });
  return links;
}
