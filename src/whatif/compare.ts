/**
 * What a failure costs: the degraded fabric's services next to the intact fabric's. A service
 * that is gone while something could still provide it **breaks**; one that is still delivered,
 * but by fewer paths or members, is **degraded**. What only the failed devices themselves did
 * (their own loopback, their own sessions) is neither.
 */

import { oncePer } from '../util/once-per.js';
import { routeTo } from '../verify/checks/loopbacks-reachable.js';
import { FILED_UNDER } from '../verify/checks/model.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import type { FamilyRouting } from '../verify/routing.js';
import { narrowedRoutes } from '../verify/routing-view.js';
import { dataImpacts } from './data-services.js';
import { dnsImpacts } from './dns-servers.js';
import { type FamilyState, loopbacksReached, reachedOver, type ServiceState } from './services.js';
import { lostLoopbacks, type Narrowed, narrowedEcmp } from './table-deltas.js';
import type { Impact, Scenario, ScenarioResult } from './types.js';

const breaks = (service: string, detail: string): Impact => ({ severity: 'breaks', service, detail });
const degraded = (service: string, detail: string): Impact => ({ severity: 'degraded', service, detail });

/** `a, b, c` or `a, b, c and 4 more`. */
export function listed(names: readonly string[], max = 4): string {
  return names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function compareUrls(before: ServiceState, after: ServiceState, isDown: (n: string) => boolean): Impact[] {
  const out: Impact[] = [];
  for (const [url, was] of before.urls) {
    if (!was.from.size) continue; // unreachable with nothing failed: the intact fabric's own break (intact.ts)
    const now = after.urls.get(url);
    if (!now?.from.size) {
      out.push(breaks('vip', `${url} is reachable from no upstream`));
      continue;
    }
    const cut = [...was.from].filter((u) => !now.from.has(u) && !isDown(u));
    if (cut.length)
      out.push(degraded('vip', `${url} not from ${listed(cut)} (still from ${listed([...now.from])})`));
    const lost = [...was.servers].filter((s) => !now.servers.has(s));
    if (lost.length)
      out.push(degraded('vip', `${url} served by ${listed([...now.servers])} only (${listed(lost)} down)`));
  }
  for (const [vip, from] of before.vips)
    if (!after.vips.has(vip)) out.push(breaks('vip', `${vip} no longer answers (was from ${from})`));
  for (const [edge, vips] of before.vipRoutes) {
    const now = after.vipRoutes.get(edge);
    if (!now) continue; // the edge itself failed
    const gone = [...vips].filter((v) => !now.has(v));
    if (gone.length) out.push(degraded('vip', `${edge} has no route to ${listed(gone)}`));
  }
  return out;
}

function compareGateways(before: ServiceState, after: ServiceState): Impact[] {
  const out: Impact[] = [];
  for (const [key, was] of before.gateways) {
    const now = after.gateways.get(key)!;
    if (!now.master) out.push(breaks('gateway', `${was.title}: no member left, no master`));
    else if (now.master !== was.master)
      out.push(degraded('vrrp', `${was.title}: master moves ${was.master} → ${now.master}`));
    else if (now.members.length < was.members.length)
      out.push(
        degraded(
          'vrrp',
          `${was.title}: master ${now.master} stays; ${listed(was.members.filter((m) => !now.members.includes(m)))} down, ${now.members.length} of ${was.members.length} members left`,
        ),
      );
    if (now.master && was.defaultRoute && !now.defaultRoute)
      out.push(breaks('gateway', `${was.title}: master ${now.master} has no default route`));
  }
  return out;
}

function compareOverlay(before: ServiceState, after: ServiceState): Impact[] {
  const out: Impact[] = [];
  for (const [segment, was] of before.overlay) {
    const now = after.overlay.get(segment);
    // a pair is lost when both hypervisors still run VMs of the segment but no longer reach each other
    const lost = [...was.pairs].filter(
      (p) => !now?.pairs.has(p) && p.split('↔').every((h) => now?.hosts.has(h)),
    );
    if (lost.length)
      out.push(breaks('overlay', `${segment}: VTEPs ${listed(lost)} no longer reach each other`));
  }
  return out;
}

/** Every pair of `before` that `now` no longer reaches, one by one. */
function lostByPairs(
  before: ServiceState['loopbacks'],
  now: Map<string, Set<string>>,
  ctx: DeriveContext,
  intact: FamilyRouting = ctx.intact,
): string[] {
  const lost: string[] = [];
  const was = before.reached ?? new Map(before.sources.map((d) => [d, before.targets.map((t) => t.device)]));
  // a pair the intact fabric does not route either is no failure's doing (intact.ts says it)
  const routeOf = new Map(before.targets.map((t) => [t.device, routeTo(t)]));
  const intactRoutes = (source: string, t: string) =>
    !!intact.nexthops.get(source)?.has(routeOf.get(t) ?? '');
  for (const [source, targets] of was) {
    const has = now.get(source);
    if (!has) continue; // the switch itself failed
    for (const t of targets)
      if (t !== source && !has.has(t) && !ctx.isDown(t) && intactRoutes(source, t))
        lost.push(`${source} → ${t}`);
  }
  return lost;
}

/** The loopbacks lost, per family; the family is named on a site that routes both. */
function compareLoopbacks(before: ServiceState, after: ServiceState, ctx: DeriveContext): Impact[] {
  const out: Impact[] = [];
  const lost =
    (!before.loopbacks.reached && lostLoopbacks(before.loopbacks, ctx)) ||
    lostByPairs(before.loopbacks, after.loopbacks.reached ?? loopbacksReached(ctx), ctx);
  if (lost.length)
    out.push(breaks('loopback', `${before.ipv6 ? 'IPv4 ' : ''}loopbacks lost: ${listed(lost)}`));
  const lost6 = lostLoopbacks6(before.ipv6, after.ipv6, ctx);
  if (lost6.length) out.push(breaks('loopback', `IPv6 loopbacks lost: ${listed(lost6)}`));
  return out;
}

function lostLoopbacks6(before: FamilyState | undefined, after: FamilyState | undefined, ctx: DeriveContext) {
  const intact = ctx.intact.ipv6;
  const routing = ctx.routing.ipv6;
  if (!before || !after || !intact || !routing) return [];
  return (
    (!before.loopbacks.reached && lostLoopbacks(before.loopbacks, ctx, intact, routing)) ||
    lostByPairs(
      before.loopbacks,
      after.loopbacks.reached ?? reachedOver(ctx, after.loopbacks, routing),
      ctx,
      intact,
    )
  );
}

/**
 * Per prefix the site announces (IPv6's: the prefix names its family), the upstreams that no
 * longer route it while up; none left breaks the site's reach from the internet.
 */
function compareAnnounced(
  before: FamilyState,
  after: Map<string, Set<string>> | undefined,
  isDown: (n: string) => boolean,
): Impact[] {
  const out: Impact[] = [];
  for (const [prefix, was] of before.announced) {
    if (!was.size) continue; // routed from no upstream with nothing failed: the intact fabric's own break
    const now = after?.get(prefix) ?? new Set<string>();
    if (!now.size) {
      // the upstreams whose own session carried it, not those that reached it through them
      const carried = [...(before.carried?.get(prefix) ?? was)];
      out.push(
        breaks(
          'announce',
          `${prefix} is routed from no upstream (was from ${listed(carried.length ? carried : [...was])})`,
        ),
      );
      continue;
    }
    const cut = [...was].filter((u) => !now.has(u) && !isDown(u));
    if (cut.length)
      out.push(
        degraded('announce', `${prefix} not routed from ${listed(cut)} (still from ${listed([...now])})`),
      );
  }
  return out;
}

/** Per intact uplinks, each device's position in them (the order cut devices are listed in). */
const uplinkOrder = oncePer((uplinks: ServiceState['uplinks']) => {
  const order = new Map<string, number>();
  for (const [device] of uplinks) order.set(device, order.size);
  return order;
});

function compareUplinks(before: ServiceState, after: ServiceState): Impact[] {
  // only a device whose uplinks changed can have lost them all: those, in the intact order
  const order = uplinkOrder(before.uplinks);
  const devices = after.uplinks.changed
    ? [...after.uplinks.changed].filter((d) => order.has(d)).sort((a, b) => order.get(a)! - order.get(b)!)
    : [...order.keys()];
  const cut: string[] = [];
  for (const device of devices) {
    const was = before.uplinks.get(device)!;
    const now = after.uplinks.get(device);
    if (was.size && now && !now.size) cut.push(`${device} (had ${listed([...was])})`);
  }
  return cut.length ? [breaks('uplinks', `no uplink session left: ${listed(cut)}`)] : [];
}

function compareBackends(before: ServiceState, after: ServiceState): Impact[] {
  const out: Impact[] = [];
  for (const [vip, was] of before.realServers) {
    const now = after.realServers.get(vip) ?? [];
    if (!now.length) out.push(breaks('l4', `${vip}: no real server left (${listed(was)} down)`));
    else if (now.length < was.length)
      out.push(degraded('l4', `${vip}: real servers ${listed(now)} left of ${listed(was)}`));
  }
  for (const [backend, was] of before.backends) {
    const now = after.backends.get(backend);
    if (!now) continue; // the balancer itself failed
    if (!now.length) out.push(breaks(FILED_UNDER.proxy, `${backend}: no server left (${listed(was)} down)`));
    else if (now.length < was.length)
      out.push(degraded(FILED_UNDER.proxy, `${backend}: ${now.length} of ${was.length} servers left`));
  }
  return out;
}

/**
 * ECMP: routes whose equal-cost next hops narrowed on devices that are up, per family; on a site
 * that routes IPv6 the count names its family.
 */
function compareEcmp(ctx: DeriveContext): Impact[] {
  const six = ctx.intact.ipv6 && ctx.routing.ipv6;
  const out = narrowedIn(ctx, ctx.intact, ctx.routing, six ? 'IPv4 ' : '');
  return six ? [...out, ...narrowedIn(ctx, ctx.intact.ipv6!, six, 'IPv6 ')] : out;
}

function narrowedIn(
  ctx: DeriveContext,
  intact: FamilyRouting,
  routing: FamilyRouting,
  family: string,
): Impact[] {
  const n = narrowedEcmp(ctx, intact, routing) ?? narrowedByDevice(ctx, intact, routing);
  if (!n.routes || !n.example) return [];
  const { device, prefix, was, now } = n.example;
  return [
    degraded(
      'ecmp',
      `${n.routes} ${family}routes on ${n.devices} devices narrowed (e.g. ${device} → ${prefix}: ${now.possible} of ${was.possible})`,
    ),
  ];
}

/** The same, device by device and route by route. */
function narrowedByDevice(ctx: DeriveContext, intact: FamilyRouting, routing: FamilyRouting): Narrowed {
  let routes = 0;
  const devices = new Set<string>();
  let example: Narrowed['example'];
  for (const [device, prefixes] of intact.nexthops) {
    if (ctx.isDown(device)) continue;
    for (const [prefix, was, now] of narrowedRoutes(prefixes, routing.nexthops.get(device), 2)) {
      routes++;
      devices.add(device);
      example ??= { device, prefix, was, now };
    }
  }
  return { routes, devices: devices.size, example };
}

/**
 * Kubernetes LoadBalancer pools (docs/kubernetes.md): a pool no edge routes any more while it
 * did breaks (every node announcing it is down or cut off: a cluster in one rack loses it with
 * the rack); a pool announced by fewer nodes, or routed by fewer edges, is degraded.
 */
function compareLoadBalancers(
  before: ServiceState,
  after: ServiceState,
  isDown: (n: string) => boolean,
): Impact[] {
  const out: Impact[] = [];
  for (const [pool, was] of before.loadBalancers) {
    const now = after.loadBalancers.get(pool)!;
    if (was.from.size && !now.from.size) {
      out.push(
        breaks(
          'load-balancer',
          `LoadBalancer pool ${pool} is routed by no edge: ${now.nodes.size ? `its nodes ${listed([...now.nodes])} reach no spine` : `none of its nodes (${listed([...was.nodes])}) announces it`}`,
        ),
      );
      continue;
    }
    const lost = [...was.nodes].filter((n) => !now.nodes.has(n));
    if (lost.length)
      out.push(
        degraded(
          'load-balancer',
          `LoadBalancer pool ${pool} announced by ${listed([...now.nodes])} only (${listed(lost)} ${lost.every(isDown) ? 'down' : 'cut off'})`,
        ),
      );
    const cut = [...was.from].filter((e) => !now.from.has(e) && !isDown(e));
    if (cut.length)
      out.push(
        degraded(
          'load-balancer',
          `${listed(cut)} no longer route${cut.length === 1 ? 's' : ''} LoadBalancer pool ${pool}`,
        ),
      );
  }
  return out;
}

export function compareStates(before: ServiceState, after: ServiceState, ctx: DeriveContext): Impact[] {
  const isDown = (n: string) => ctx.isDown(n);
  return [
    ...compareUrls(before, after, isDown),
    ...compareGateways(before, after),
    ...compareOverlay(before, after),
    ...compareUplinks(before, after),
    ...compareLoopbacks(before, after, ctx),
    ...(before.ipv6 ? compareAnnounced(before.ipv6, after.ipv6?.announced, isDown) : []),
    ...compareBackends(before, after),
    ...compareLoadBalancers(before, after, isDown),
    ...compareData(after),
    ...dnsImpacts(ctx.site, isDown),
    ...compareEcmp(ctx),
  ];
}

/** The data services (data-services.ts): what a failure costs each, against its whole plan. */
function compareData(after: ServiceState): Impact[] {
  return [...after.data.values()].flatMap((now) =>
    dataImpacts(now, listed).map((i) => ({ ...i, service: now.plan.daemon })),
  );
}

/** A scenario's result from its impacts: the breaks listed first, the verdict the worst of them. */
export function resultOf(scenario: Scenario, impacts: Impact[]): ScenarioResult {
  impacts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'breaks' ? -1 : 1));
  const verdict = impacts.some((i) => i.severity === 'breaks')
    ? 'breaks'
    : impacts.length
      ? 'degraded'
      : 'survives';
  return { scenario, verdict, impacts };
}
