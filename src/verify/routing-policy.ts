/**
 * The route-maps of the eBGP simulation (src/verify/routing.ts), decided once per prefix: every
 * route-map a session applies is reduced to a policy id (route-maps with the same entries and
 * prefix-lists share one), and a prefix's answers under all policies form its signature.
 * Prefixes with the same originators and the same signature travel the fabric alike, so the
 * simulation propagates one of them per class.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { PrefixList, RouteMap } from '../model/types.js';
import type { RoutingFamily } from './routing-family.js';
import type { Frr } from './routing-speakers.js';

/** FRR's prefix-list match; a prefix of the other family matches no entry. */
function prefixListPermits(
  f: RoutingFamily,
  list: DeepReadonly<PrefixList> | undefined,
  prefix: string,
): boolean {
  if (!list) return false;
  const p = f.parse(prefix);
  if (!p) return false;
  for (const e of list.entries) {
    const q = f.parse(e.prefix);
    if (!q || p.length < q.length || !f.within(q, p)) continue;
    const ge = e.ge ?? q.length;
    const le = e.le ?? (e.ge !== null ? f.hostLength : q.length);
    if (p.length >= ge && p.length <= le) return e.action === 'permit';
  }
  return false;
}

/** What a route-map does to a prefix; a missing route-map denies everything (FRR). */
function routeMapPermits(
  f: RoutingFamily,
  d: Frr,
  map: DeepReadonly<RouteMap> | undefined,
  prefix: string,
): boolean {
  if (!map) return false;
  for (const e of map.entries) {
    const matches =
      e.matchPrefixList === null ||
      prefixListPermits(
        f,
        d.frr.prefixLists.find((l) => l.name === e.matchPrefixList),
        prefix,
      );
    if (matches) return e.action === 'permit';
  }
  return false;
}

/** The distinct policies of one family's simulation, and each prefix's answer under each of them. */
export class Policies {
  private readonly ids = new Map<string, number>();
  /** One device and route-map per policy id, to evaluate it with. */
  private readonly samples: { device: Frr; map: DeepReadonly<RouteMap> | undefined }[] = [];
  private readonly answers = new Map<string, Uint8Array>();

  constructor(private readonly f: RoutingFamily) {}

  /** The policy id of the route-map a device applies in one direction to one neighbor, in the family. */
  of(d: Frr, peer: string, dir: 'in' | 'out'): number {
    const n = d.frr.routerBgp.neighbors.find((x) => x.peer === peer)!;
    const name = this.f.routeMaps(d, n)?.[dir];
    const map = d.frr.routeMaps.find((m) => m.name === name);
    // the content, prefix-lists resolved: equal route-maps of different devices are one policy
    const key = map
      ? JSON.stringify(
          map.entries.map((e) => [
            e.action,
            e.matchPrefixList === null
              ? null
              : (d.frr.prefixLists.find((l) => l.name === e.matchPrefixList)?.entries ?? 'missing'),
          ]),
        )
      : 'missing';
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.samples.length;
      this.ids.set(key, id);
      this.samples.push({ device: d, map });
    }
    return id;
  }

  /** Per policy id, whether it permits the prefix (1) or not (0). Call after every `of`. */
  answersFor(prefix: string): Uint8Array {
    let a = this.answers.get(prefix);
    if (!a) {
      a = new Uint8Array(this.samples.length);
      for (const [id, { device, map }] of this.samples.entries())
        a[id] = routeMapPermits(this.f, device, map, prefix) ? 1 : 0;
      this.answers.set(prefix, a);
    }
    return a;
  }
}
