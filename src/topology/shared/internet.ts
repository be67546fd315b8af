/**
 * The shared internet's own devices: each merged upstream's model (one FRR speaking to every
 * site's edge) and the pseudo-site `internet` the renderer prints them as.
 */
import type { FamilyAddress } from '../../model/address.js';
import type { BgpNeighbor, FrrInterface, FrrModel } from '../../model/frr.js';
import type { HostInterface, SiteModel, UpstreamDevice } from '../../model/types.js';
import { INTERNET, type SharedLabPlan, type Site, type Upstream } from './types.js';

/**
 * The merged upstream's device model: the first site's, with every site's session port renamed
 * `s<k>-<port>` and added, every site's sessions (by peer address), the internet sessions once,
 * and the client's port on the client's upstream. Printed by the same templates as a site's
 * upstream (rendered as site `internet`).
 */
export function sharedUpstreamDevice(
  plan: SharedLabPlan,
  sites: readonly Site[],
  name: string,
): UpstreamDevice {
  const shared = plan.upstreams.find((u) => u.name === name)!;
  const models = shared.ports.map((p) => ({
    port: p,
    u: sites.find((s) => s.name === p.site)!.devices.find((d) => d.name === name) as Upstream,
  }));
  const base = structuredClone(models[0]!.u) as UpstreamDevice;
  const frr: FrrModel = base.frr;
  const interfaces: FrrInterface[] = [];
  const hostInterfaces: HostInterface[] = [];
  const neighbors: BgpNeighbor[] = [];
  const defaultOriginate = { v4: new Set<string>(), v6: new Set<string>() };
  const staticRoutes = new Map<string, FrrModel['staticRoutes'][number]>();
  const sysctls = new Map<string, string>();
  for (const { port, u } of models) {
    const rename = (iface: string) => (iface === port.siteInterface ? port.port : iface);
    const tag = (text: string, iface: string) =>
      iface === port.siteInterface ? `${port.site} ${text}` : text;
    for (const i of u.frr.interfaces)
      if (!interfaces.some((x) => x.name === rename(i.name)))
        interfaces.push({
          ...structuredClone(i as FrrInterface),
          name: rename(i.name),
          description: tag(i.description, i.name),
        });
    for (const i of u.interfaces)
      if (!hostInterfaces.some((x) => x.name === rename(i.name)))
        hostInterfaces.push({ ...structuredClone(i as HostInterface), name: rename(i.name) });
    for (const n of u.frr.routerBgp.neighbors)
      if (!neighbors.some((x) => x.peer === n.peer))
        neighbors.push({
          ...structuredClone(n as BgpNeighbor),
          ...(n.unnumbered ? {} : { description: `${port.site} ${n.description}` }),
        });
    for (const p of u.frr.routerBgp.ipv4Unicast.defaultOriginate) defaultOriginate.v4.add(p);
    for (const p of u.frr.routerBgp.ipv6Unicast?.defaultOriginate ?? []) defaultOriginate.v6.add(p);
    for (const r of u.frr.staticRoutes) staticRoutes.set(`${r.family ?? ''} ${r.prefix}`, structuredClone(r));
    // the kernel's per-interface settings follow the port's new name (and the client's port gets the same)
    for (const { key, value } of u.sysctls) {
      const own = perInterface(key, port.siteInterface);
      if (own === undefined) sysctls.set(key, value);
      else {
        sysctls.set(own(port.port), value);
        if (plan.client.upstream === name) sysctls.set(own(plan.client.upstreamInterface), value);
      }
    }
  }
  const c = plan.client;
  if (c.upstream === name) {
    const addresses: FamilyAddress[] = [{ family: 'ipv4', address: c.gateway, prefixLength: c.prefixLength }];
    if (c.gateway6 !== undefined)
      addresses.push({ family: 'ipv6', address: c.gateway6, prefixLength: c.prefixLength6! });
    interfaces.push({ name: c.upstreamInterface, description: `${c.node}:${c.interface}`, addresses });
    hostInterfaces.push({
      name: c.upstreamInterface,
      addresses,
      mtu: 1500,
      peer: { device: c.node, interface: c.interface },
      kind: 'internet',
      segment: null,
    });
  }
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name === 'lo' ? -1 : b.name === 'lo' ? 1 : a.name.localeCompare(b.name, 'en', { numeric: true });
  frr.interfaces = interfaces.sort(byName);
  frr.staticRoutes = [...staticRoutes.values()];
  // unnumbered sessions (the internet) first, then numbered by address, as compile orders them
  frr.routerBgp.neighbors = neighbors;
  frr.routerBgp.ipv4Unicast.defaultOriginate = [...defaultOriginate.v4];
  if (frr.routerBgp.ipv6Unicast) frr.routerBgp.ipv6Unicast.defaultOriginate = [...defaultOriginate.v6];
  base.interfaces = hostInterfaces.sort(byName);
  base.sysctls = sortedSysctls(sysctls);
  base.site = INTERNET;
  base.mgmt = { ...base.mgmt, address: shared.mgmtIpv4, prefixLength: plan.mgmt.prefixLength };
  base.description = `${base.description} (shared by ${shared.sites.join(', ')})`;
  return base;
}

/**
 * The shared internet as a site for the renderer: its merged upstreams, and nothing else (no
 * cables, segments or groups: it is the lab's, not an inventory's). Rendered by the same
 * templates as every site's upstreams, into the lab's own folder.
 */
export function internetSite(plan: SharedLabPlan, sites: readonly Site[]): SiteModel {
  const first = sites.find((s) => s.name === plan.sites[0])! as SiteModel;
  return {
    name: INTERNET,
    description: `the internet shared by ${plan.sites.join(', ')} (lab)`,
    devices: plan.upstreams.map((u) => sharedUpstreamDevice(plan, sites, u.name)),
    cables: [],
    segments: [],
    redundancyGroups: [],
    ipPlan: [],
    mgmt: { subnet: plan.mgmt.subnet, gateway: plan.mgmt.gateway, prefixLength: plan.mgmt.prefixLength },
    secrets: [...new Set(sites.flatMap((s) => s.secrets))].sort(),
    timers: structuredClone(first.timers),
    budgets: [],
  };
}

/** `net.ipv6.conf.<iface>.<setting>` of this interface, as a function of another interface name. */
function perInterface(key: string, iface: string): ((other: string) => string) | undefined {
  const m = /^(net\.ipv[46]\.conf\.)([^.]+)(\..+)$/.exec(key);
  return m && m[2] === iface ? (other) => `${m[1]}${other}${m[3]}` : undefined;
}

/** The site-wide settings (`all`, `default`, none per interface) first, in their order, then per interface by name. */
function sortedSysctls(sysctls: ReadonlyMap<string, string>): { key: string; value: string }[] {
  const list = [...sysctls].map(([key, value]) => ({ key, value }));
  const iface = (k: string) => /^net\.ipv[46]\.conf\.([^.]+)\./.exec(k)?.[1];
  const general = list.filter((s) => ['all', 'default', undefined].includes(iface(s.key)));
  const specific = list
    .filter((s) => !general.includes(s))
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return [...general, ...specific];
}
