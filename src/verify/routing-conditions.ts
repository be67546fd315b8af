/**
 * FRR's conditional advertisement in the eBGP simulation (src/verify/routing.ts): a group's
 * `neighbor … advertise-map A exist-map E` (`PeerGroup.advertiseMap`, FRR 8.4) sends what A
 * permits only while the sender's BGP table holds a route E permits (`Advertise`); while it holds
 * none (`Withdraw`) the rest still goes. fabric prints one on a vRouter towards its hypervisors:
 * the VIP host routes of a service prefix while the vRouter has the default route.
 *
 * Each state is a policy id of its own (routing-policy.ts `sending`): the net holds the
 * `Advertise` one, and a run swaps a session's out policy once it knows the sender's state. The
 * state depends on E's classes alone, which a run propagates first (`Prepared.conditionsAt`). That
 * order assumes what fabric compiles: E (DEFAULT-ROUTE) matches the default route only, which no
 * advertise-map permits and no device aggregates, so E's classes travel alike in either state.
 */
import type { Net } from './routing-propagate.js';

/** A session whose sender's group has an advertise-map. */
export interface Condition {
  session: number;
  /** Its out policy while the sender holds no route the exist-map permits (`Withdraw`). */
  withdrawn: number;
  /** The classes the exist-map permits: a route of one at the sender holds the condition. */
  exist: number[];
}

/**
 * The conditions, of the `live` sessions, in the `Withdraw` state: whose sender has no route of
 * an exist class (`routeAt(class, device)`: its path-set id there, 0 for none). In `conditions`'
 * order, so two such lists compare element by element.
 */
export function withdrawnOf(
  conditions: readonly Condition[],
  net: Net,
  live: (session: number) => boolean,
  routeAt: (cls: number, device: number) => number,
): Condition[] {
  return conditions.filter(
    (c) => live(c.session) && !c.exist.some((k) => routeAt(k, net.send[c.session]!) !== 0),
  );
}

/**
 * `net` with the out policies of the `configured` net (every condition in `Advertise`) but those
 * of the `withdrawn` sessions; `net` itself when that changes nothing.
 */
export function withdrawing(configured: Net, net: Net, withdrawn: readonly Condition[]): Net {
  if (!withdrawn.length && net.outPolicy === configured.outPolicy) return net;
  const outPolicy = configured.outPolicy.slice();
  for (const c of withdrawn) outPolicy[c.session] = c.withdrawn;
  return { ...net, outPolicy };
}

/** The conditions in one list but not the other (both in the same order): those whose state changed. */
export function flipped(a: readonly Condition[], b: readonly Condition[]): Condition[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((c) => !inB.has(c)), ...b.filter((c) => !inA.has(c))];
}

/**
 * Per class (by its policy `answers`), whether a `flipped` condition's two out policies answer
 * differently for it: the classes whose routes the flip may change.
 */
export function flippedClasses(
  classes: readonly { answers: Uint8Array }[],
  configured: Net,
  flips: readonly Condition[],
): Uint8Array {
  const out = new Uint8Array(classes.length);
  for (const [k, cls] of classes.entries())
    for (const c of flips)
      if (cls.answers[configured.outPolicy[c.session]!] !== cls.answers[c.withdrawn]) out[k] = 1;
  return out;
}
