/**
 * What the internet reaches of a site (services.ts's parts read off the upstreams' routing): per
 * public URL the upstreams that route to its address, and per announced prefix the upstreams
 * that route it and those whose own session carries it.
 */
import { roleSpec } from '../compile/roles.js';
import { parsePrefix } from '../net/ipv4.js';
import { parsePrefix6 } from '../net/ipv6.js';
import { oncePer } from '../util/once-per.js';
import { FAMILIES, routingOf } from '../verify/checks/family.js';
import { publicTargets } from '../verify/checks/http-path.js';
import { routes } from '../verify/checks/model.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import type { AddressFamily, FamilyRouting } from '../verify/routing.js';

/** Per URL of a public VIP: its address, the upstreams it is served from, the servers that serve it. */
export type Urls = Map<string, { address: string; from: Set<string>; servers: Set<string> }>;

/** Per site: the managed devices cabled to an upstream (the edges), in the site's order. */
export const edgesOf = oncePer((site: DeriveContext['site']): string[] => {
  const edges = new Set(
    site.cables.filter((c) => c.kind === 'upstream').flatMap((c) => [c.a.device, c.b.device]),
  );
  return site.devices.filter((d) => edges.has(d.name) && d.managed).map((d) => d.name);
});

/**
 * Per public URL (http-path's, of both families), the upstreams that are up and route to its
 * address, in the intact fabric as in a degraded one: what the internet reaches is read off the
 * simulation, not assumed, and needs no lab client (`lab.originate`) on the upstream. A URL no
 * upstream reaches has an empty `from`; one with no server left is not listed.
 */
export function urlsOf(ctx: DeriveContext): Urls {
  const urls: Urls = new Map();
  const all = upstreamsOf(ctx.site);
  if (!all.length) return urls; // no upstream: no internet to reach the site from
  const upstreams = all.filter((u) => !ctx.isDown(u));
  for (const family of FAMILIES) {
    const routing = routingOf(ctx.routing, family);
    // a family the site does not route, or announces nothing of, has no public URL
    if (!routing || !announcements(ctx.site)[family].length) continue;
    for (const t of publicTargets(ctx, family)) {
      const from = upstreams.filter((u) => routes(routing, u, t.address));
      for (const p of t.paths) {
        if (!p.servers.length) continue;
        const u = urls.get(p.url) ?? { from: new Set(), servers: new Set(), address: t.address };
        for (const x of from) u.from.add(x);
        for (const x of p.servers) u.servers.add(x);
        urls.set(p.url, u);
      }
    }
  }
  return urls;
}

/** Per site: the upstreams (the far ends of upstream cables, from the edges' side). */
export const upstreamsOf = oncePer((site: DeriveContext['site']): string[] => {
  const edge = (name: string) => {
    const d = site.devices.find((x) => x.name === name);
    return !!d && roleSpec(d.role).peersWithUpstreams;
  };
  const out = new Set<string>();
  for (const c of site.cables)
    if (c.kind === 'upstream') for (const end of [c.a.device, c.b.device]) if (!edge(end)) out.add(end);
  return [...out].sort();
});

/** Per site and family: the prefixes the site announces to its upstreams. */
export const announcements = oncePer((site: DeriveContext['site']) => {
  const all = site.ipPlan.filter((p) => p.kind === 'announce').map((p) => p.prefix);
  return {
    ipv4: all.filter((p) => parsePrefix(p) !== undefined),
    ipv6: all.filter((p) => parsePrefix6(p) !== undefined),
  } satisfies Record<AddressFamily, string[]>;
});

/** Per announced prefix of the family, the upstreams that are up and have a route to it. */
export function announcedOf(ctx: DeriveContext, family: AddressFamily, routing: FamilyRouting) {
  const upstreams = upstreamsOf(ctx.site).filter((u) => !ctx.isDown(u));
  return new Map(
    announcements(ctx.site)[family].map((prefix) => [
      prefix,
      new Set(upstreams.filter((u) => !!routing.nexthops.get(u)?.has(prefix))),
    ]),
  );
}

/**
 * Per announced prefix of the family, the upstreams that route it over a session of the family
 * with an edge: those that carry it from the site (an upstream with no such session may still
 * route it through another, over the simulated internet). Read in the intact fabric only.
 */
export function carriedOf(
  ctx: DeriveContext,
  family: AddressFamily,
  routing: FamilyRouting,
  announced: Map<string, Set<string>>,
) {
  const edges = new Set(edgesOf(ctx.site));
  const peered = new Set(routing.sessions.filter((s) => edges.has(s.from)).map((s) => s.device));
  return new Map(
    announcements(ctx.site)[family].map((prefix) => [
      prefix,
      new Set([...(announced.get(prefix) ?? [])].filter((u) => peered.has(u))),
    ]),
  );
}
