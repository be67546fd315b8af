/**
 * What the fabric delivers, read off the derivation of the check kinds (`src/verify/checks/`) and
 * the eBGP simulation for one state of the fabric (intact or degraded): which upstream reaches
 * which URL (upstreams.ts), which L4 VIP answers, who is VRRP master, which hypervisors reach each
 * other for a segment's overlay, which loopbacks each top-of-rack switch reaches, how many HAProxy
 * servers each backend has. On a site that routes IPv6 (issue 14), the IPv6 loopbacks each switch
 * reaches and the upstreams that route each IPv6 prefix the site announces, off IPv6's own
 * simulation. `analyse.ts` compares the degraded state with the intact one; `intact.ts` says what
 * the intact one already lacks.
 */
import { hostPart } from '../net/host-part.js';
import { oncePer } from '../util/once-per.js';
import { ofFamily } from '../verify/checks/family.js';
import {
  loopbackSources,
  loopbacksReachable,
  loopbackTargets,
  routeTo,
} from '../verify/checks/loopbacks-reachable.js';
import {
  loopbackOf,
  masterOf,
  proxyDevices,
  routes,
  speaksBgp,
  vrrpDevices,
  vrrpGroups,
} from '../verify/checks/model.js';
import type { DeriveContext } from '../verify/checks/spec.js';
import { vipAnswers } from '../verify/checks/vip-answers.js';
import type { AddressFamily, FamilyRouting } from '../verify/routing.js';
import { tableOf } from '../verify/routing-view.js';
import { type DataState, dataServicesOf } from './data-services.js';
import { type LoadBalancers, loadBalancersOf } from './load-balancers.js';
import type { LoopbackPlan } from './table-deltas.js';
import { announcedOf, carriedOf, edgesOf, type Urls, urlsOf } from './upstreams.js';

export interface Gateway {
  /** The VRRP instance's name and VIP, for people. */
  title: string;
  master: string | null;
  /** Its members that are up. */
  members: string[];
  /** Whether the master (when it routes) has a default route: the tenant reaches the internet. */
  defaultRoute: boolean;
}

/** Per device, the upper devices it has a session with: a `Map`, or what a degraded fabric left of one. */
export interface Uplinks extends Iterable<[string, ReadonlySet<string>]> {
  get(device: string): ReadonlySet<string> | undefined;
  /**
   * When known, the devices whose uplinks may differ from the intact fabric's (every other
   * device has the intact's, or is down): a degraded fabric's, read off the sessions it lost.
   */
  changed?: Iterable<string>;
}

export interface ServiceState {
  /**
   * Per URL of a public VIP: its address, the upstreams it is served from (none: the internet
   * does not reach it), and the servers that serve it.
   */
  urls: Urls;
  /**
   * L4 VIPs of both families that answer from inside their tenant (`203.0.113.10:443`,
   * `[2001:db8:100:10::10]:443`), with the router asking.
   */
  vips: Map<string, string>;
  /** Per edge (a device cabled to an upstream) the VIPs of both families it routes to. */
  vipRoutes: Map<string, Set<string>>;
  /** Per VRRP group key. */
  gateways: Map<string, Gateway>;
  /**
   * Per segment: the hypervisors with VMs of it that are up, and the pairs of them (`hvA↔hvB`)
   * that reach each other's VTEP.
   */
  overlay: Map<string, { hosts: Set<string>; pairs: Set<string> }>;
  /**
   * The top-of-rack switches that ping loopbacks and the loopbacks they ping; per switch, the
   * loopbacks it reaches (by device) only when the routing is not the simulation's table (else
   * `table-deltas.ts` reads what a failure changed off the table).
   */
  loopbacks: LoopbackPlan & { reached?: Map<string, Set<string>> };
  /**
   * Per BGP speaker with uplinks (the lower end of fabric and host cables), the upper devices it
   * has a session with: a leaf with none left reaches the fabric only through servers, if at all.
   */
  uplinks: Uplinks;
  /** Per L4 VIP of either family (`address:port`, `[address6]:port`), its real servers that are up. */
  realServers: Map<string, string[]>;
  /** Per HAProxy `device/backend`, its servers that are up. */
  backends: Map<string, string[]>;
  /** Per Kubernetes LoadBalancer pool, who announces and who routes it (load-balancers.ts). */
  loadBalancers: LoadBalancers;
  /** Per data service (`<tenant>/<service>`), its members, Sentinels and HAProxys that are up (data-services.ts). */
  data: Map<string, DataState>;
  /** The IPv6 family's reach, on a site that routes IPv6 (issue 14); the fields above are IPv4's. */
  ipv6?: FamilyState;
}

/**
 * What the fabric reaches in one address family besides IPv4: its loopbacks, and the upstreams
 * that route the site's prefixes of the family. (IPv4's reach from the upstreams is the `urls`
 * check's, whose VIPs are IPv4 addresses.)
 */
export interface FamilyState {
  /** As `ServiceState.loopbacks`, with the family's loopbacks and the switches that have one. */
  loopbacks: LoopbackPlan & { reached?: Map<string, Set<string>> };
  /** Per prefix of the family the site announces, the upstreams that are up and route it. */
  announced: Map<string, Set<string>>;
  /**
   * In the intact fabric: per prefix, those of `announced` that have a session of the family
   * with an edge and carry it from the site (the others reach it through them).
   */
  carried?: Map<string, Set<string>>;
}

/** Per site and family: every VIP of a virtual server, each once. */
const vipsOf = oncePer((site: DeriveContext['site']) => {
  const of = (f: AddressFamily) => [
    ...new Set(
      vrrpDevices(site).flatMap((d) => ofFamily(d.keepalived.virtualServers, f).map((v) => v.address)),
    ),
  ];
  return { ipv4: of('ipv4'), ipv6: of('ipv6') } satisfies Record<AddressFamily, string[]>;
});

/** Per edge that is up, the VIPs of both families it routes to, each in its family's routing. */
function vipRoutesOf(ctx: DeriveContext): ServiceState['vipRoutes'] {
  const out: ServiceState['vipRoutes'] = new Map();
  const vips = vipsOf(ctx.site);
  for (const edge of edgesOf(ctx.site)) {
    if (ctx.isDown(edge)) continue;
    const routed = vips.ipv4.filter((v) => routes(ctx.routing, edge, v));
    const six = ctx.routing.ipv6;
    if (six) routed.push(...vips.ipv6.filter((v) => routes(six, edge, v)));
    out.set(edge, new Set(routed));
  }
  return out;
}

function gatewaysOf(ctx: DeriveContext): ServiceState['gateways'] {
  const out: ServiceState['gateways'] = new Map();
  for (const g of vrrpGroups(ctx.site)) {
    const master = masterOf(g, (n) => ctx.isDown(n));
    const router = master && ctx.byName.get(master.device);
    out.set(g.key, {
      title: `${g.members[0]!.v.name} (${g.vip})`,
      master: master?.device ?? null,
      members: g.members.map((m) => m.device).filter((m) => !ctx.isDown(m)),
      // a static default (a VM's gateway, an anycast L4 member's too: it speaks BGP only to
      // announce its VIPs) or, on a router, one learnt over BGP
      defaultRoute:
        !!router &&
        (router.defaultGateway !== null || !speaksBgp(router) || routes(ctx.routing, router.name, '0.0.0.0')),
    });
  }
  return out;
}

/** Per site: the VMs (devices on a hypervisor), in the site's order. */
const vmsOf = oncePer((site: DeriveContext['site']) => site.devices.filter((d) => d.hostedOn));

function overlayOf(ctx: DeriveContext): ServiceState['overlay'] {
  const hostsOf = new Map<string, Set<string>>();
  for (const d of vmsOf(ctx.site)) {
    if (!d.hostedOn || ctx.isDown(d.name)) continue;
    for (const i of d.interfaces)
      if (i.segment) hostsOf.set(i.segment, (hostsOf.get(i.segment) ?? new Set()).add(d.hostedOn));
  }
  const vtep = (name: string) => {
    const d = ctx.byName.get(name);
    return d && loopbackOf(d);
  };
  const out: ServiceState['overlay'] = new Map();
  for (const [segment, hostSet] of hostsOf) {
    const hosts = [...hostSet].sort();
    const pairs = new Set<string>();
    for (const [i, a] of hosts.entries())
      for (const b of hosts.slice(i + 1)) {
        const va = vtep(a);
        const vb = vtep(b);
        if (va && vb && routes(ctx.routing, a, vb) && routes(ctx.routing, b, va)) pairs.add(`${a}↔${b}`);
      }
    out.set(segment, { hosts: hostSet, pairs });
  }
  return out;
}

/** Per site: each lower end of a fabric or host cable, and the upper devices it is cabled to. */
export const upperOf = oncePer((site: DeriveContext['site']): Map<string, Set<string>> => {
  const upper = new Map<string, Set<string>>();
  for (const c of site.cables)
    if (c.kind === 'fabric' || c.kind === 'host')
      upper.set(c.a.device, (upper.get(c.a.device) ?? new Set()).add(c.b.device));
  return upper;
});

function uplinksOf(ctx: DeriveContext): ServiceState['uplinks'] {
  const removed = ctx.routing.removed;
  if (ctx.degraded && removed && ctx.routing !== ctx.intact) return uplinksLeft(ctx, removed);
  const upper = upperOf(ctx.site);
  const out = new Map<string, Set<string>>();
  for (const device of upper.keys()) {
    if (ctx.isDown(device)) continue;
    out.set(device, new Set());
  }
  for (const s of ctx.routing.sessions) if (upper.get(s.device)?.has(s.from)) out.get(s.device)?.add(s.from);
  return out;
}

/** Per intact routing: per lower device, per upper device, how many sessions it has with it. */
const uplinkSessions = oncePer((_intact: DeriveContext['intact']) => ({
  counts: new Map<string, Map<string, number>>(),
  /** The intact uplinks (the upper devices of `counts`). */
  sets: new Map<string, ReadonlySet<string>>(),
}));

/**
 * The uplinks of a degraded fabric from the sessions it lost: a device keeps its intact uplinks
 * but those to an upper device it has no session left with (one of several parallel sessions
 * keeps it). Only the devices that lost a session are listed anew; the others read the intact's.
 */
function uplinksLeft(ctx: DeriveContext, removed: NonNullable<DeriveContext['routing']['removed']>): Uplinks {
  const upper = upperOf(ctx.site);
  const { counts, sets } = uplinkSessions(ctx.intact);
  if (!counts.size) {
    for (const device of upper.keys()) counts.set(device, new Map());
    for (const s of ctx.intact.sessions) {
      const per = counts.get(s.device);
      if (per && upper.get(s.device)!.has(s.from)) per.set(s.from, (per.get(s.from) ?? 0) + 1);
    }
    for (const [device, per] of counts) sets.set(device, new Set(per.keys()));
  }
  const lost = new Map<string, Map<string, number>>();
  for (const s of removed) {
    if (!upper.get(s.device)?.has(s.from) || ctx.isDown(s.device)) continue;
    const per = lost.get(s.device) ?? new Map<string, number>();
    per.set(s.from, (per.get(s.from) ?? 0) + 1);
    lost.set(s.device, per);
  }
  const changed = new Map<string, Set<string>>();
  for (const [device, per] of lost) {
    const left = new Set<string>();
    for (const [from, n] of counts.get(device)!) if (n > (per.get(from) ?? 0)) left.add(from);
    changed.set(device, left);
  }
  const get = (device: string): ReadonlySet<string> | undefined => {
    const intact = sets.get(device);
    if (!intact || ctx.isDown(device)) return undefined;
    return changed.get(device) ?? intact;
  };
  return {
    get,
    changed: [...changed.keys()],
    *[Symbol.iterator]() {
      for (const device of upper.keys()) {
        const set = get(device);
        if (set) yield [device, set];
      }
    },
  };
}

function realServersOf(ctx: DeriveContext): ServiceState['realServers'] {
  const out: ServiceState['realServers'] = new Map();
  for (const d of vrrpDevices(ctx.site)) {
    for (const vs of d.keepalived.virtualServers) {
      const key = `${hostPart(vs.address)}:${vs.port}`;
      if (!out.has(key))
        out.set(
          key,
          vs.realServers.map((r) => r.device).filter((r) => !ctx.isDown(r)),
        );
    }
  }
  return out;
}

function backendsOf(ctx: DeriveContext): ServiceState['backends'] {
  const out: ServiceState['backends'] = new Map();
  for (const d of proxyDevices(ctx.site)) {
    if (ctx.isDown(d.name)) continue;
    for (const b of d.haproxy.backends)
      out.set(
        `${d.name}/${b.name}`,
        b.servers.map((s) => s.name).filter((s) => !ctx.isDown(s)),
      );
  }
  return out;
}

/** Per top-of-rack switch, the IPv4 loopbacks it reaches (by device): the check kind's derivation. */
export function loopbacksReached(ctx: DeriveContext): Map<string, Set<string>> {
  return new Map(
    loopbacksReachable
      .derive(ctx)
      .filter((e) => !e.family) // IPv6's reach is the family state's (`reachedOver`)
      .map((e) => [e.device, new Set(e.targets.map((t) => t.device))]),
  );
}

/**
 * The switches that ping loopbacks and the loopbacks they ping, in one family. A degraded
 * fabric's is listed when read: with the routing a table, the comparison reads the intact plan
 * and what the failure changed, so a failure of a 5,000-device fabric lists no 5,000 switches.
 */
function planOf(ctx: DeriveContext, family: AddressFamily): LoopbackPlan {
  const sources = () => loopbackSources(ctx, family).map((d) => d.name);
  const targets = () => loopbackTargets(ctx, family);
  if (!ctx.degraded) return { sources: sources(), targets: targets() };
  let s: string[] | undefined;
  let t: LoopbackPlan['targets'] | undefined;
  return {
    get sources() {
      s ??= sources();
      return s;
    },
    get targets() {
      t ??= targets();
      return t;
    },
  };
}

function loopbacksOf(ctx: DeriveContext): ServiceState['loopbacks'] {
  const plan = planOf(ctx, 'ipv4');
  return tableOf(ctx.routing.nexthops) ? plan : { ...plan, reached: loopbacksReached(ctx) };
}

/**
 * Per switch of the plan, the loopbacks it reaches over one family's `routing`: every other one
 * in the intact fabric (as the check kind expects), those it has a route to in a degraded one.
 */
export function reachedOver(
  ctx: DeriveContext,
  plan: LoopbackPlan,
  routing: FamilyRouting,
): Map<string, Set<string>> {
  return new Map(
    plan.sources.map((source) => {
      const routed = routing.nexthops.get(source);
      const targets = plan.targets.filter(
        (t) => t.device !== source && (!ctx.degraded || !!routed?.has(routeTo(t))),
      );
      return [source, new Set(targets.map((t) => t.device))];
    }),
  );
}

/** The IPv6 family's loopbacks and announced prefixes, when the site routes IPv6. */
function ipv6Of(ctx: DeriveContext): FamilyState | undefined {
  const routing = ctx.routing.ipv6;
  if (!routing) return undefined;
  const plan = planOf(ctx, 'ipv6');
  const announced = announcedOf(ctx, 'ipv6', routing);
  return {
    loopbacks: tableOf(routing.nexthops) ? plan : { ...plan, reached: reachedOver(ctx, plan, routing) },
    announced,
    ...(ctx.degraded ? {} : { carried: carriedOf(ctx, 'ipv6', routing, announced) }),
  };
}

/** The services of the fabric described by `ctx` (intact or degraded). */
export function serviceState(ctx: DeriveContext): ServiceState {
  const vipList = vipAnswers.derive(ctx);
  const six = ipv6Of(ctx);
  const uplinks = uplinksOf(ctx);
  return {
    urls: urlsOf(ctx),
    vips: new Map(vipList.map((e) => [`${hostPart(e.address)}:${e.port}`, e.device])),
    vipRoutes: vipRoutesOf(ctx),
    gateways: gatewaysOf(ctx),
    overlay: overlayOf(ctx),
    loopbacks: loopbacksOf(ctx),
    uplinks,
    realServers: realServersOf(ctx),
    backends: backendsOf(ctx),
    loadBalancers: loadBalancersOf(ctx, uplinks, edgesOf(ctx.site)),
    data: dataServicesOf(ctx),
    ...(six ? { ipv6: six } : {}),
  };
}
