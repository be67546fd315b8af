/**
 * What the eBGP simulation of one site shares between its runs (`fabric whatif` runs it once per
 * failure): the sessions of the intact fabric by index, the policy each applies, and the prefix
 * classes. A failure removes devices and sessions; it changes no policy and no originator of a
 * device that is up, so two prefixes that travel alike in the intact fabric do in every
 * degraded one.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { type Down, failedDevices, linkEnd, NOTHING_DOWN } from './down.js';
import type { Condition } from './routing-conditions.js';
import { type AddressFamily, byAddress, ROUTING_FAMILIES, type RoutingFamily } from './routing-family.js';
import { AsPaths, PathSets } from './routing-paths.js';
import { Policies } from './routing-policy.js';
import type { Net, PrefixClass } from './routing-propagate.js';
import { type Frr, pairAll, type Session, speakers } from './routing-sessions.js';

export interface Prepared {
  family: AddressFamily;
  /** Every BGP speaker of the site, by index, and each one's index. */
  devices: Frr[];
  /** Their names, by index (the rows of the next-hop table's views). */
  names: string[];
  index: Map<string, number>;
  /** Every session of the intact fabric, by index, and its link's ends as `Down.links` names them. */
  sessions: Session[];
  links: ([string, string] | undefined)[];
  /**
   * The sessions' ends and policies, by index (`into`, `from` and `active`: all of them), every
   * advertise-map `Advertise` (a run applies the states it finds: routing-incremental.ts `intactOf`).
   */
  net: Net;
  sets: PathSets;
  classes: PrefixClass[];
  /**
   * The classes' indices in the order to simulate them: an aggregate after what it aggregates,
   * the classes an exist-map permits first (`conditionsAt` of them).
   */
  order: number[];
  /** The sessions with an advertise-map (routing-conditions.ts), and where in `order` their state is known. */
  conditions: Condition[];
  conditionsAt: number;
  /** Every prefix in address order, and its class. */
  prefixes: string[];
  classOf: Map<string, number>;
  /** The sessions (by index) each device is an end of, and those over each link end. */
  byDevice: Map<string, number[]>;
  byLink: Map<string, number[]>;
}

/** Appends `i` to the list under `key`. */
function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** A session with an advertise-map, its exist-map as a policy id (its classes are not known yet). */
type RawCondition = Omit<Condition, 'exist'> & { existPolicy: number };

function netOf(
  family: RoutingFamily,
  devices: Frr[],
  sessions: Session[],
  policies: Policies,
  conditions: RawCondition[],
): Net {
  const index = new Map(devices.map((d, i) => [d.name, i]));
  const count = sessions.length;
  const net: Net = {
    asn: devices.map((d) => d.frr.routerBgp.asn),
    recv: new Int32Array(count),
    send: new Int32Array(count),
    inPolicy: new Int32Array(count),
    outPolicy: new Int32Array(count),
    defaultOffer: new Uint8Array(count),
    defaults: [],
    into: devices.map(() => []),
    from: devices.map(() => []),
    removed: [],
  };
  for (const [i, s] of sessions.entries()) {
    const r = index.get(s.device)!;
    const f = index.get(s.from)!;
    const sender = devices[f]!;
    net.recv[i] = r;
    net.send[i] = f;
    net.inPolicy[i] = policies.of(devices[r]!, s.peer, 'in');
    const out = policies.sending(sender, s.fromPeer);
    net.outPolicy[i] = out.send;
    if (out.exist >= 0) conditions.push({ session: i, withdrawn: out.withdrawn, existPolicy: out.exist });
    net.into[r]!.push(i);
    net.from[f]!.push(i);
    if (family.unicast(sender)?.defaultOriginate.includes(s.fromPeer)) {
      net.defaultOffer[i] = 1;
      net.defaults.push(i);
    }
  }
  return net;
}

/**
 * Every prefix the speakers originate (and the default route when a session originates it),
 * grouped into classes that travel alike: the same originators, the same answer from every policy.
 * `exists`: the exist-maps' policy ids, whose classes are simulated first.
 */
function classesOf(
  f: RoutingFamily,
  devices: Frr[],
  policies: Policies,
  defaults: number[],
  exists: number[],
) {
  const origins = new Map<string, number[]>();
  const add = (p: string, i: number) => {
    const list = origins.get(p) ?? [];
    if (!list.includes(i)) list.push(i);
    origins.set(p, list);
  };
  // per aggregate prefix, the devices that aggregate it (and do not also `network` it)
  const aggregating = new Map<string, number[]>();
  for (const [i, d] of devices.entries()) {
    const networks = f.unicast(d)?.networks ?? [];
    for (const p of networks) add(p, i);
    for (const p of f.unicast(d)?.aggregates ?? []) {
      add(p, i);
      const conditional = aggregating.get(p) ?? [];
      aggregating.set(p, networks.includes(p) ? conditional : [...conditional, i]);
    }
  }
  if (defaults.length && !origins.has(f.defaultRoute)) origins.set(f.defaultRoute, []);
  const byKey = new Map<string, PrefixClass>();
  const classOf = new Map<string, number>();
  for (const [prefix, from] of origins) {
    const answers = policies.answersFor(prefix);
    const isDefault = prefix === f.defaultRoute;
    // an aggregate travels alone: whether it is announced depends on its own prefixes inside
    const own = aggregating.has(prefix) ? `aggregate ${prefix}` : from.join(',');
    const key = `${isDefault ? 'default' : own}|${answers.join('')}`;
    let cls = byKey.get(key);
    if (!cls) {
      cls = { index: byKey.size, prefixes: 0, origins: from, answers, isDefault };
      byKey.set(key, cls);
    }
    cls.prefixes++;
    classOf.set(prefix, cls.index);
  }
  const classes = [...byKey.values()];
  // per class, where it is simulated: after every class of a longer prefix inside it
  const rank = new Map<number, number>();
  for (const [prefix, conditional] of aggregating) {
    const outer = f.parse(prefix);
    const contributors = new Set<number>();
    for (const [p, c] of classOf) {
      const inner = f.parse(p);
      if (outer && inner && inner.length > outer.length && f.within(outer, inner)) contributors.add(c);
    }
    const c = classOf.get(prefix)!;
    classes[c]!.aggregate = { contributors: [...contributors].sort((a, b) => a - b), conditional };
    rank.set(c, 1 + f.hostLength - (outer?.length ?? 0));
  }
  // an advertise-map's state is known once the exist-maps' classes are: those go first
  let conditionsAt = 0;
  for (const c of classes)
    if (!c.aggregate && exists.some((e) => c.answers[e])) {
      rank.set(c.index, -1);
      conditionsAt++;
    }
  const order = classes.map((c) => c.index).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || a - b);
  return { classes, order, conditionsAt, prefixes: [...origins.keys()].sort(byAddress(f)), classOf };
}

const caches: Record<AddressFamily, WeakMap<DeepReadonly<SiteModel>, Prepared>> = {
  ipv4: new WeakMap(),
  ipv6: new WeakMap(),
};

/**
 * The site's shared part for one address family, computed on the first run (a compiled site
 * never changes). Every BGP speaker is a device of each family's; one that does not route the
 * family has no session in it.
 */
export function prepared(site: DeepReadonly<SiteModel>, family: AddressFamily = 'ipv4'): Prepared {
  const cache = caches[family];
  let p = cache.get(site);
  if (!p) {
    const f = ROUTING_FAMILIES[family];
    const devices = [...speakers(site, NOTHING_DOWN).values()];
    const all = pairAll(site, f);
    const sessions = all.map((a) => a.session);
    const policies = new Policies(f);
    const raw: RawCondition[] = [];
    const net = netOf(f, devices, sessions, policies, raw);
    const classified = classesOf(f, devices, policies, net.defaults, [
      ...new Set(raw.map((c) => c.existPolicy)),
    ]);
    const links = all.map(
      ({ link }): [string, string] | undefined =>
        link && [
          linkEnd(link.end.device, link.end.interface),
          linkEnd(link.peer.device, link.peer.interface),
        ],
    );
    const byDevice = new Map<string, number[]>();
    const byLink = new Map<string, number[]>();
    for (const [i, s] of sessions.entries()) {
      push(byDevice, s.device, i);
      if (s.from !== s.device) push(byDevice, s.from, i);
      for (const end of new Set(links[i])) push(byLink, end, i);
    }
    p = {
      family,
      devices,
      names: devices.map((d) => d.name),
      index: new Map(devices.map((d, i) => [d.name, i])),
      sessions,
      links,
      net,
      sets: new PathSets(new AsPaths()),
      ...classified,
      conditions: raw.map(({ session, withdrawn, existPolicy }) => ({
        session,
        withdrawn,
        exist: classified.classes.flatMap((c) => (c.answers[existPolicy] ? [c.index] : [])),
      })),
      byDevice,
      byLink,
    };
    cache.set(site, p);
  }
  return p;
}

/** The sessions (by index) of the intact fabric that `down` takes down, in order. */
export function removedSessions(p: Prepared, site: DeepReadonly<SiteModel>, down: Down): number[] {
  if (down.devices.size === 0 && down.links.size === 0) return [];
  const gone = new Set<number>();
  for (const d of failedDevices(site, down)) for (const i of p.byDevice.get(d) ?? []) gone.add(i);
  for (const end of down.links) for (const i of p.byLink.get(end) ?? []) gone.add(i);
  return [...gone].sort((a, b) => a - b);
}

/** The sessions (by index) between devices that are up, over links that are up. */
export function activeSessions(p: Prepared, site: DeepReadonly<SiteModel>, down: Down): number[] {
  const gone = new Set(removedSessions(p, site, down));
  return p.sessions.flatMap((_, i) => (gone.has(i) ? [] : [i]));
}

/**
 * The sessions of the fabric left when the `removed` ones of the intact fabric's `base` (its
 * run's net: its advertise-maps' states applied) are down: only the devices that lost a session
 * get new lists.
 */
export function netWithout(base: Net, removed: number[]): Net {
  if (!removed.length) return base;
  const gone = new Set(removed);
  const net: Net = {
    ...base,
    into: base.into.slice(),
    from: base.from.slice(),
    removed,
    defaults: base.defaults.filter((i) => !gone.has(i)),
  };
  for (const i of removed) {
    const r = base.recv[i]!;
    const f = base.send[i]!;
    if (net.into[r] === base.into[r]) net.into[r] = base.into[r]!.filter((s) => !gone.has(s));
    if (net.from[f] === base.from[f]) net.from[f] = base.from[f]!.filter((s) => !gone.has(s));
  }
  return net;
}
