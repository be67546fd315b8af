/**
 * The route-maps of the eBGP simulation (src/verify/routing.ts), decided once per prefix: every
 * route-map a session applies is reduced to a policy id (route-maps with the same entries and
 * prefix-lists share one), and a prefix's answers under all policies form its signature.
 * Prefixes with the same originators and the same signature travel the fabric alike, so the
 * simulation propagates one of them per class. A session with an advertise-map has a policy per
 * state of its condition (`sending`, routing-conditions.ts).
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

/** What a session sends a neighbor, as policy ids (`Policies.sending`). */
export interface Sending {
  /** Its out route-map's; on a group with an advertise-map, while the condition holds. */
  send: number;
  /** While the condition does not hold: the out route-map less what the advertise-map permits. */
  withdrawn: number;
  /** The exist-map's; -1 without an advertise-map (then `withdrawn` is `send`). */
  exist: number;
}

/** The distinct policies of one family's simulation, and each prefix's answer under each of them. */
export class Policies {
  private readonly ids = new Map<string, number>();
  /** Per policy id, what it permits, to evaluate it with. */
  private readonly tests: ((prefix: string) => boolean)[] = [];
  private readonly answers = new Map<string, Uint8Array>();

  constructor(private readonly f: RoutingFamily) {}

  private idOf(key: string, test: (prefix: string) => boolean): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.tests.length;
      this.ids.set(key, id);
      this.tests.push(test);
    }
    return id;
  }

  /**
   * A route-map of the device by name: its content, prefix-lists resolved, as the key (equal
   * route-maps of different devices are one policy), and what it permits.
   */
  private routeMap(d: Frr, name: string | undefined): { key: string; permits: (prefix: string) => boolean } {
    const map = d.frr.routeMaps.find((m) => m.name === name);
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
    return { key, permits: (prefix) => routeMapPermits(this.f, d, map, prefix) };
  }

  /** The policy id of the route-map a device applies in one direction to one neighbor, in the family. */
  of(d: Frr, peer: string, dir: 'in' | 'out'): number {
    const n = d.frr.routerBgp.neighbors.find((x) => x.peer === peer)!;
    const m = this.routeMap(d, this.f.routeMaps(d, n)?.[dir]);
    return this.idOf(m.key, m.permits);
  }

  /**
   * What a device sends one neighbor in the family. With an advertise-map (FRR's conditional
   * advertisement), `send` is a policy of its own, keyed by the condition too: its answers are
   * the out route-map's, but sessions with and without a condition are never one policy
   * (whatif's symmetry compares sessions by policy id).
   */
  sending(d: Frr, peer: string): Sending {
    const n = d.frr.routerBgp.neighbors.find((x) => x.peer === peer)!;
    const out = this.routeMap(d, this.f.routeMaps(d, n)?.out);
    const cond = this.f.advertiseMap(d, n);
    if (!cond) {
      const send = this.idOf(out.key, out.permits);
      return { send, withdrawn: send, exist: -1 };
    }
    const advertise = this.routeMap(d, cond.advertise);
    const exist = this.routeMap(d, cond.existMap);
    return {
      send: this.idOf(`${out.key} advertise-map ${advertise.key} exist-map ${exist.key}`, out.permits),
      withdrawn: this.idOf(
        `${out.key} less ${advertise.key}`,
        (x) => out.permits(x) && !advertise.permits(x),
      ),
      exist: this.idOf(exist.key, exist.permits),
    };
  }

  /** Per policy id, whether it permits the prefix (1) or not (0). Call after every `of` and `sending`. */
  answersFor(prefix: string): Uint8Array {
    let a = this.answers.get(prefix);
    if (!a) {
      a = new Uint8Array(this.tests.length);
      for (const [id, permits] of this.tests.entries()) a[id] = permits(prefix) ? 1 : 0;
      this.answers.set(prefix, a);
    }
    return a;
  }
}
