/**
 * The site-level scenarios of `fabric lab failover --site-loss` (src/failover/site-loss.ts), a
 * pure function of the model of the lab's sites: which of a site's interfaces each one silences,
 * and what each shared service must do meanwhile.
 */
import { roleSpec } from '../compile/roles.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { GslbService } from '../model/gslb.js';
import { speaksBgp } from '../model/runs.js';
import type { Device, SiteModel } from '../model/types.js';
import type { FrozenModel } from '../pipeline.js';
import { runsProxy } from '../verify/checks/model.js';
import { dataInterfaces } from './scenarios.js';

export const SITE_LOSS_PARTS = ['l4', 'apps', 'edges', 'all'] as const;
export type SiteLossPart = (typeof SITE_LOSS_PARTS)[number];

type Site = DeepReadonly<SiteModel>;
type Dev = DeepReadonly<Device>;

export interface SiteLossService {
  name: string;
  fqdn: string;
  /** The lost site's IPv4 VIP of it, and the other sites'. */
  lostVip: string;
  otherVips: string[];
  /** ms after the fault from which every request must be served: `anycast.budget`, else `budget`. */
  moveBudgetMs: number;
  /** ms for the DNS answers to drop the site (`budget`), and the model's `detectMs`. */
  dnsBudgetMs: number;
  detectMs: number;
  /** The zone's DNS servers' first IPv4 addresses, the other sites' first: the client's order. */
  dnsServers: string[];
  /** Where the anycast route is withdrawn (S's vRouters of the tenant), when they stay up. */
  anycast?: { vrouters: string[]; budgetMs: number };
  /**
   * A VIP that is the same address in another site (anycast, `anycast.prefix`): neither the
   * address that served a request nor the DNS answer tells the sites apart. Watched instead: the
   * site's announcement of the service prefix at the upstreams (their routes to it through the
   * site's edges, `edges`: the edges' addresses on the peering links).
   */
  prefix?: { prefix: string; upstreams: { device: string; edges: string[] }[] };
}

export interface SiteLossScenario {
  /** `site:aa-a/l4` */
  id: string;
  site: string;
  part: SiteLossPart;
  /** What is done, for reports: `aa-a's L4 pairs silent: lb1, lb2`. */
  what: string;
  /** Per device of the site: the interfaces whose every packet is dropped. */
  silent: { device: string; interfaces: string[] }[];
  services: SiteLossService[];
}

/** The devices of `tenants` in the site whose role serves `slot` (the role table's column). */
function serving(site: Site, tenants: ReadonlySet<string>, slot: 'l4' | 'routers'): Dev[] {
  return site.devices.filter(
    (d) => roleSpec(d.role).serves.includes(slot) && 'tenant' in d && tenants.has(d.tenant as string),
  );
}

/** The application servers of the tenants' HAProxy backends, by the servers' addresses. */
function appServers(site: Site, tenants: ReadonlySet<string>): Dev[] {
  const byAddress = new Map<string, Dev>();
  for (const d of site.devices)
    for (const i of d.interfaces) for (const a of i.addresses) byAddress.set(a.address, d);
  const out = new Map<string, Dev>();
  for (const d of site.devices) {
    if (!runsProxy(d) || !('tenant' in d) || !tenants.has(d.tenant as string)) continue;
    for (const b of d.haproxy.backends)
      for (const s of b.servers) {
        const vm = byAddress.get(s.address);
        if (vm && vm.name !== d.name) out.set(vm.name, vm);
      }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function servicesOf(model: FrozenModel, siteName: string): DeepReadonly<GslbService>[] {
  return (model.gslb?.services ?? []).filter((s) => {
    const own = s.sites.find((x) => x.site === siteName)?.address;
    const others = s.sites.filter((x) => x.site !== siteName && x.address).map((x) => x.address);
    // the same address in another site is judged by the service prefix's announcement
    return !!own && others.length > 0 && (!others.includes(own) || !!s.anycast?.prefix);
  });
}

/** The site's upstreams, each with the addresses of the site's edges it peers with. */
function upstreamsOf(site: Site): { device: string; edges: string[] }[] {
  const edges = new Set(site.devices.filter((d) => roleSpec(d.role).peersWithUpstreams).map((d) => d.name));
  return site.devices.flatMap((d) => {
    if (!roleSpec(d.role).external || !speaksBgp(d)) return [];
    // IPv4 sessions: the prefix is IPv4
    const toEdges = d.frr.routerBgp.neighbors.filter(
      (n) => edges.has(n.peerDevice) && !n.unnumbered && n.family !== 'ipv6',
    );
    return toEdges.length ? [{ device: d.name, edges: toEdges.map((n) => n.peer).sort() }] : [];
  });
}

/**
 * The site-level scenarios of `siteName` over the lab's sites (`model`: every site of the lab),
 * for the `gslb` services it shares with another site; `parts` selects (default all).
 */
export function siteLossScenarios(
  model: FrozenModel,
  siteName: string,
  parts: readonly SiteLossPart[] = SITE_LOSS_PARTS,
): SiteLossScenario[] {
  const site = model.sites.find((s) => s.name === siteName);
  if (!site) return [];
  const shared = servicesOf(model, siteName);
  if (!shared.length) return [];
  const tenants = new Set(shared.map((s) => s.sites.find((x) => x.site === siteName)!.tenant));
  const zones = new Map((model.gslb?.zones ?? []).map((z) => [z.name, z]));
  const services = (part: SiteLossPart): SiteLossService[] =>
    shared.map((s) => {
      const servers = [...(zones.get(s.zone)?.servers ?? [])].sort(
        (a, b) => Number(a.site === siteName) - Number(b.site === siteName),
      );
      const own = s.sites.find((x) => x.site === siteName)!;
      const routers = serving(site, new Set([own.tenant]), 'routers').map((d) => d.name);
      const anycastAddress = s.sites.some((x) => x.site !== siteName && x.address === own.address);
      return {
        name: s.name,
        fqdn: s.fqdn,
        lostVip: own.address!,
        otherVips: s.sites.filter((x) => x.site !== siteName && x.address).map((x) => x.address!),
        moveBudgetMs: s.anycast?.budget ?? s.budget,
        dnsBudgetMs: s.budget,
        detectMs: s.detectMs,
        dnsServers: servers.flatMap((x) => x.addresses.slice(0, 1)),
        // the vRouters see the withdrawal where they stay up and the announcement needs the L4 side
        ...(s.anycast && (part === 'l4' || part === 'apps') && routers.length
          ? { anycast: { vrouters: routers, budgetMs: s.anycast.budget } }
          : {}),
        ...(anycastAddress && s.anycast?.prefix
          ? { prefix: { prefix: s.anycast.prefix, upstreams: upstreamsOf(site) } }
          : {}),
      };
    });
  const all = (devices: Dev[]) =>
    devices.map((d) => ({ device: d.name, interfaces: dataInterfaces(d).map((i) => i.name) }));
  const external = (name: string | undefined) => {
    const d = site.devices.find((x) => x.name === name);
    return !!d && roleSpec(d.role).external;
  };
  const silentOf: Record<SiteLossPart, () => SiteLossScenario['silent']> = {
    l4: () => all(serving(site, tenants, 'l4')),
    apps: () => all(appServers(site, tenants)),
    edges: () =>
      site.devices
        .filter((d) => roleSpec(d.role).peersWithUpstreams)
        .map((d) => ({
          device: d.name,
          interfaces: dataInterfaces(d)
            .filter((i) => external(i.peer?.device))
            .map((i) => i.name),
        })),
    all: () => all(site.devices.filter((d) => !roleSpec(d.role).external)),
  };
  const words: Record<SiteLossPart, string> = {
    l4: 'L4 pairs silent',
    apps: 'application servers silent',
    edges: 'edges cut off from the internet',
    all: 'every device silent',
  };
  return parts.flatMap((part) => {
    const silent = silentOf[part]().filter((x) => x.interfaces.length);
    if (!silent.length) return [];
    const names = silent.map((x) => x.device);
    const list =
      names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
    return [
      {
        id: `site:${siteName}/${part}`,
        site: siteName,
        part,
        what: `${siteName}'s ${words[part]}: ${list}`,
        silent,
        services: services(part),
      },
    ];
  });
}
