/**
 * From each simulated upstream, HTTP (and HTTPS where the frontend terminates TLS) to each public
 * VIP: edge → spine → leaf → hypervisor → vRouter → overlay → L4 → HAProxy (or straight to the
 * app VMs of an L4 service) → app. The answer must come from a server the path routes to. In a
 * degraded fabric, servers that are down are not expected to answer; a path with none left, or
 * whose upstream has no route to the VIP, is not expected. Per family: each IPv6 VIP (the IPv6
 * `virtualServers`, HAProxy's IPv6 `binds`) from each upstream's IPv6 client address, over the
 * IPv6 routing (issue 14). And to each public LoadBalancer pool of a Kubernetes cluster (issue 13).
 */
import { hostPart } from '../../net/host-part.js';
import { oncePer } from '../../util/once-per.js';
import { shellQuote } from '../../util/shell.js';
import { type AddressFamily, FAMILIES, familyField, familyId, ofFamily, routingOf } from './family.js';
import {
  clientDevices,
  internetClient,
  proxyDevices,
  routes,
  runsVrrp,
  sameSubnet,
  vrrpDevices,
} from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface HttpPath extends ExpectationBase {
  kind: 'http-path';
  source: string;
  url: string;
  servers: string[];
  insecure: boolean;
}

export interface Path {
  url: string;
  servers: string[];
  insecure: boolean;
  /** Who serves it, in the check's title, when not the servers' names alone. */
  title?: string;
}

/**
 * Adds the paths to a VIP from every upstream that is up, has a client of the family and reaches
 * it, once per upstream and URL.
 */
function fromUpstreams(
  ctx: DeriveContext,
  family: AddressFamily,
  out: HttpPath[],
  vip: string,
  paths: Path[],
): void {
  for (const up of clientDevices(ctx.site)) {
    const source = internetClient(up, family);
    if (!source || ctx.isDown(up.name)) continue;
    if (ctx.degraded && !routes(routingOf(ctx.routing, family), up.name, vip)) continue;
    for (const p of paths) {
      const id = familyId('http', family, `${up.name}:${p.url}`);
      if (!p.servers.length || out.some((e) => e.id === id)) continue;
      out.push({
        kind: 'http-path',
        id,
        device: up.name,
        title: `${p.url} from ${up.name} (${source}) is served by ${p.title ?? p.servers.join('/')}`,
        source,
        url: p.url,
        servers: p.servers,
        insecure: p.insecure,
        ...familyField(family),
      });
    }
  }
}

/** The VIPs of the family a balancer serves. */
function virtualServersOf(d: Parameters<typeof runsVrrp>[0], family: AddressFamily) {
  if (!runsVrrp(d)) return [];
  return ofFamily(d.keepalived.virtualServers, family);
}

/**
 * A site's HTTP paths by VIP address: each URL and the servers that answer it, in groups (a
 * frontend's bind on the VIP, a virtual server), in the order the checks are listed.
 */
type SitePaths = Map<string, Path[][]>;
type Site = DeriveContext['site'];

function addPaths(out: SitePaths, vip: string, paths: Path[]): void {
  out.set(vip, [...(out.get(vip) ?? []), paths]);
}

/**
 * Through HAProxy: each frontend's paths, on each VIP whose real servers include the balancer
 * (for IPv6: on the frontend's IPv6 binds, which the L4 balancers send IPv6 to).
 */
function proxiedPaths(site: Site, family: AddressFamily, isDown: (n: string) => boolean, out: SitePaths) {
  for (const l7 of proxyDevices(site)) {
    if (isDown(l7.name)) continue;
    const vips = vrrpDevices(site)
      .filter((d) => d.tenant === l7.tenant && !isDown(d.name))
      .flatMap((d) => virtualServersOf(d, family))
      .filter((vs) => vs.realServers.some((r) => r.device === l7.name));
    const backend = (name: string) =>
      l7.haproxy.backends
        .find((b) => b.name === name)!
        .servers.map((s) => s.name)
        .filter((s) => !isDown(s));
    for (const fe of l7.haproxy.frontends) {
      const paths = [
        { path: '/', servers: backend(fe.defaultBackend) },
        ...fe.routes.map((r) => ({ path: r.pathPrefix, servers: backend(r.backend) })),
      ];
      for (const bind of ofFamily(fe.binds, family))
        for (const vs of vips.filter((v) => v.port === bind.port)) {
          const scheme = bind.certificate ? 'https' : 'http';
          addPaths(
            out,
            vs.address,
            paths.map((p) => ({
              url: `${scheme}://${hostPart(vs.address)}${p.path}`,
              servers: p.servers,
              insecure: !!bind.certificate,
            })),
          );
        }
    }
  }
}

/** Per site: its devices by name (this site's and the other sites' of a lab). */
const devicesByName = oncePer((site: Site) => new Map(site.devices.map((d) => [d.name, d])));

/** Per site: the prefixes it announces to its upstreams. */
const announcedOf = oncePer((site: Site) =>
  site.ipPlan.filter((p) => p.kind === 'announce').map((p) => p.prefix),
);

/**
 * Straight to app VMs: each public VIP of an L4 service whose real servers all serve the port
 * themselves (no L7 balancer between). A VIP outside the prefixes the site announces is not
 * reachable from the internet, so it gets no such check.
 */
function directPaths(site: Site, family: AddressFamily, isDown: (n: string) => boolean, out: SitePaths) {
  const announced = announcedOf(site);
  const byName = devicesByName(site);
  for (const d of vrrpDevices(site)) {
    if (isDown(d.name)) continue;
    for (const vs of virtualServersOf(d, family)) {
      const servers = vs.realServers.map((r) => byName.get(r.device));
      const apps = servers.filter((s) => s?.services.some((x) => x.port === vs.port));
      if (!apps.length || apps.length !== servers.length) continue;
      if (!announced.some((p) => sameSubnet(p, vs.address))) continue;
      const url = `http://${hostPart(vs.address)}${vs.port === 80 ? '' : `:${vs.port}`}/`;
      addPaths(out, vs.address, [
        { url, servers: apps.map((v) => v!.name).filter((n) => !isDown(n)), insecure: false },
      ]);
    }
  }
}

/** A site's paths of the family, the devices `isDown` names left out. */
function sitePaths(site: Site, family: AddressFamily, isDown: (n: string) => boolean): SitePaths {
  const out: SitePaths = new Map();
  proxiedPaths(site, family, isDown, out);
  directPaths(site, family, isDown, out);
  return out;
}

/** The addresses of an intact site that serve public URLs of the family (its VIPs, not its pools). */
export function publicAddresses(site: Site, family: AddressFamily): string[] {
  return [...intactPaths(site)[family].keys()];
}

/** Every path of an intact site, once per site and family (the other sites of a lab). */
const intactPaths = oncePer((site: Site) => ({
  ipv4: sitePaths(site, 'ipv4', () => false),
  ipv6: sitePaths(site, 'ipv6', () => false),
}));

/**
 * An anycast VIP in a lab of several sites (docs/active-active.md "Both sites in one lab"): the
 * shared upstreams route it to any of the sites that serve the address (ECMP, by a hash this
 * side cannot predict), so a URL is answered by the servers of whichever site that is. Checked
 * from the internet are the URLs every such site serves, each by any of their servers; a URL one
 * of them lacks (aa-b has no /api/) is not: the site's own VIP of the service checks it.
 */
function acrossSites(ctx: DeriveContext, family: AddressFamily, vip: string, own: Path[]): Path[] {
  const others = (ctx.sharedInternet?.sites ?? [])
    .filter((s) => s.name !== ctx.site.name)
    .flatMap((s) => {
      const paths = intactPaths(s)[family].get(vip)?.flat();
      return paths ? [{ site: s.name, paths }] : [];
    });
  if (!others.length) return own;
  return own.flatMap((p) => {
    const theirs = others.flatMap((o) => {
      const path = o.paths.find((x) => x.url === p.url && x.servers.length);
      return path ? [{ site: o.site, path }] : [];
    });
    if (theirs.length < others.length) return [];
    const all = [{ site: ctx.site.name, path: p }, ...theirs];
    return [
      {
        ...p,
        servers: [...new Set(all.flatMap((t) => t.path.servers))],
        title: `${all.map((t) => `${t.site}'s ${t.path.servers.join('/')}`).join(' or ')} (anycast)`,
      },
    ];
  });
}

/**
 * To a Kubernetes cluster's LoadBalancer IPs (docs/kubernetes.md): each public pool's
 * representative IP (`poolRoutes`, inside the prefixes the site announces) from every upstream,
 * answered by one of the cluster's nodes (in the lab, each node serves its name there), in each
 * family from the upstreams' client of that family.
 */
function loadBalancerTargets(ctx: DeriveContext, family: AddressFamily): PublicTarget[] {
  const announced = announcedOf(ctx.site);
  const out: PublicTarget[] = [];
  for (const c of ctx.site.clusters ?? []) {
    const nodes = c.nodes.filter((n) => !ctx.isDown(n));
    for (const p of c.poolRoutes) {
      if (p.family !== family) continue;
      const address = p.route.split('/')[0]!;
      if (!announced.some((a) => sameSubnet(a, address))) continue;
      out.push({
        address,
        paths: [{ url: `http://${hostPart(address)}/`, servers: nodes, insecure: false }],
      });
    }
  }
  return out;
}

/** A public address of the site and the URLs it serves there, each with the servers that answer it. */
export interface PublicTarget {
  address: string;
  paths: Path[];
}

/**
 * Every public address of the family the internet should reach, in the order the checks list
 * them: each VIP's groups of URLs (a frontend's bind, a virtual server), then the LoadBalancer
 * pools. A URL with no server left has none. What reaches them is not said here: the lab's
 * check asks each upstream's client, `fabric whatif` each upstream's routing.
 */
export function publicTargets(ctx: DeriveContext, family: AddressFamily): PublicTarget[] {
  const out: PublicTarget[] = [];
  for (const [vip, groups] of sitePaths(ctx.site, family, (n) => ctx.isDown(n)))
    for (const paths of groups) out.push({ address: vip, paths: acrossSites(ctx, family, vip, paths) });
  return [...out, ...loadBalancerTargets(ctx, family)];
}

export const httpPath: CheckSpec<HttpPath> = {
  kind: 'http-path',
  describes: 'internet → edge → fabric → vRouter → L4 → HAProxy → app; internet → LoadBalancer IP',
  runs: { verify: true, gates: false, drift: false },
  stage: 9,
  derive(ctx) {
    const out: HttpPath[] = [];
    for (const f of FAMILIES)
      for (const t of publicTargets(ctx, f)) fromUpstreams(ctx, f, out, t.address, t.paths);
    return out;
  },
  async evaluate(e, round) {
    // -g: an IPv6 URL's brackets are the address's, not curl's globbing
    const r = await round.fresh(
      e.device,
      `curl -sS -m 5 ${e.insecure ? '-k ' : ''}${e.family ? '-g ' : ''}--interface ${e.source} -o - -w '\\n%{http_code}' ${shellQuote(e.url)}`,
      10_000,
    );
    const lines = r.stdout.trim().split('\n');
    const status = lines.pop() ?? '';
    const body = lines.join('\n').trim();
    if (r.code !== 0) return fail(`request failed: ${r.stderr.trim().split('\n')[0] ?? `exit ${r.code}`}`);
    if (status !== '200') return fail(`HTTP ${status}: ${body.slice(0, 80)}`);
    const server = e.servers.find((s) => body.split(/\s+/).includes(s));
    if (!server)
      return fail(`HTTP 200 but served by "${body.slice(0, 40)}", expected one of ${e.servers.join(', ')}`);
    return pass(`HTTP 200 from ${server}`);
  },
  reads: () => [],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: 'system', section: e.id }),
  severity: () => 'major',
};
