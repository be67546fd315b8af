/**
 * What is broken with nothing failed: the services of the intact fabric that already do not
 * work (a public VIP no upstream reaches, an announced prefix no upstream routes, a gateway
 * without a default route, hypervisors whose VTEPs do not reach each other, a LoadBalancer pool
 * no edge routes, a loopback a switch has no route to). No single failure is to blame for them: each is said once, as the intact
 * fabric's own break, and the N-1 comparison (compare.ts) starts from what does work.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { routeTo } from '../verify/checks/loopbacks-reachable.js';
import { sameSubnet } from '../verify/checks/model.js';
import type { FamilyRouting, RoutingExpectation } from '../verify/routing.js';
import { listed } from './compare.js';
import type { ServiceState } from './services.js';
import type { LoopbackPlan } from './table-deltas.js';
import type { IntactBreak } from './types.js';
import { announcements, upstreamsOf } from './upstreams.js';

type Site = DeepReadonly<SiteModel>;

/** A public address's URLs that no upstream reaches, one break per address. */
function unreachedVips(site: Site, intact: ServiceState): IntactBreak[] {
  const byAddress = new Map<string, string[]>();
  for (const [url, u] of intact.urls)
    if (!u.from.size) byAddress.set(u.address, [...(byAddress.get(u.address) ?? []), url]);
  return [...byAddress].map(([address, urls]) => {
    const six = address.includes(':');
    const announced = announcements(site)[six ? 'ipv6' : 'ipv4'];
    const key = six ? 'prefixes.announce6' : 'prefixes.announce';
    const notAnnounced = !announced.some((p) => sameSubnet(p, address));
    const why = notAnnounced
      ? `it is inside no prefix the site announces (${key}: ${announced.join(', ') || 'none'}), so no upstream has a route to it; announce a prefix that holds it, or give the service an address inside ${announced.length === 1 ? 'it' : 'one of them'}`
      : 'no upstream has a route to it (fabric whatif says which edge routes it)';
    return {
      service: 'vip',
      detail: `${address} is reachable from no upstream with nothing failed (${listed(urls, 2)}): ${why}`,
      address,
      ...(notAnnounced ? { notAnnounced } : {}),
    };
  });
}

/** The pairs `source → target` of a loopback plan that `routing` (the intact fabric's) does not route. */
function unroutedLoopbacks(plan: LoopbackPlan, routing: FamilyRouting | undefined): string[] {
  const out: string[] = [];
  for (const source of plan.sources) {
    const routed = routing?.nexthops.get(source);
    for (const t of plan.targets)
      if (t.device !== source && !routed?.has(routeTo(t))) out.push(`${source} → ${t.device}`);
  }
  return out;
}

/** Loopbacks the intact fabric does not route, per family (named on a site that routes both). */
function loopbackBreaks(intact: ServiceState, routing: RoutingExpectation): IntactBreak[] {
  const out: IntactBreak[] = [];
  const four = unroutedLoopbacks(intact.loopbacks, routing);
  const what = (family: string, lost: string[]) => ({
    service: 'loopback',
    detail: `${family}loopbacks not routed with nothing failed: ${listed(lost)}`,
    device: lost[0]!.split(' → ')[0]!,
  });
  if (four.length) out.push(what(intact.ipv6 ? 'IPv4 ' : '', four));
  const six = intact.ipv6 ? unroutedLoopbacks(intact.ipv6.loopbacks, routing.ipv6) : [];
  if (six.length) out.push(what('IPv6 ', six));
  return out;
}

/** Every service of `intact` that does not work with nothing failed, in the comparison's order. */
export function intactBreaks(site: Site, intact: ServiceState, routing: RoutingExpectation): IntactBreak[] {
  const out = unreachedVips(site, intact);
  // without an upstream there is no default route to have
  const internet = upstreamsOf(site).length > 0;
  for (const g of intact.gateways.values())
    if (internet && g.master && !g.defaultRoute)
      out.push({
        service: 'gateway',
        detail: `${g.title}: master ${g.master} has no default route with nothing failed`,
        device: g.master,
      });
  for (const [segment, o] of intact.overlay) {
    const hosts = [...o.hosts].sort();
    const apart = hosts.flatMap((a, i) =>
      hosts.slice(i + 1).flatMap((b) => (o.pairs.has(`${a}↔${b}`) ? [] : [`${a}↔${b}`])),
    );
    if (apart.length)
      out.push({
        service: 'overlay',
        detail: `${segment}: VTEPs ${listed(apart)} do not reach each other with nothing failed`,
        device: apart[0]!.split('↔')[0]!,
      });
  }
  out.push(...loopbackBreaks(intact, routing));
  for (const [prefix, from] of intact.ipv6?.announced ?? [])
    if (!from.size)
      out.push({
        service: 'announce',
        detail: `${prefix} is routed from no upstream with nothing failed: an edge announces it over an IPv6 session (upstreams.<name>.address6) only, and only while its table holds a route inside it`,
        prefix,
      });
  for (const [pool, lb] of intact.loadBalancers)
    if (!lb.from.size)
      out.push({
        service: 'load-balancer',
        detail: `LoadBalancer pool ${pool} is routed by no edge with nothing failed`,
      });
  return out;
}
