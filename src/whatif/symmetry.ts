/**
 * Interchangeable BGP speakers of a site, proven from the model (issue 10): two leaves of a pod
 * whose swap maps the fabric onto itself fail alike, so `fabric whatif` analyses one failure per
 * kind and names the others by relabelling (relabel.ts). The proof is a check that the
 * transposition of two devices is an automorphism of everything the IPv4 simulation and the
 * compared services read: the sessions (ends, policies, default-originate, link ends), the ASNs
 * (a consistent renaming), the prefix classes (originators, policy answers, sizes), the loopback
 * plan and the uplinks. A permutation of the members of a group is a product of such
 * transpositions, so it is an automorphism too. (Bonsai's control-plane compression checks the
 * same kind of relabelling: https://doi.org/10.1145/3230543.3230583.)
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { routeTo } from '../verify/checks/loopbacks-reachable.js';
import type { Down } from '../verify/down.js';
import { failedDevices } from '../verify/down.js';
import { type Prepared, removedSessions } from '../verify/routing-prepare.js';
import type { LoopbackPlan } from './table-deltas.js';

type Site = DeepReadonly<SiteModel>;

/** How many sub-groups of one role and pod are tried before a device is left on its own. */
const MAX_KINDS_PER_GROUP = 4;

/** Per intact uplinks: per lower device, per upper device, its sessions (services.ts `uplinkSessions`). */
export type UplinkCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface Symmetry {
  /** Per speaker index, its group (-1: none, it is never moved). */
  group: Int32Array;
  /** Per group, its members by speaker index, ascending (the first is the canonical one). */
  members: number[][];
  /** Per (receiver × N + sender) the session between them, when exactly one. */
  sessionOf: Map<number, number>;
  /** Per sorted originator list and answers, the class. */
  classByKey: Map<string, number>;
}

/** The key of a class for its image: originators (sorted) and policy answers. */
function classKey(origins: readonly number[], answers: Uint8Array, isDefault: boolean): string {
  return `${isDefault ? 'd' : ''}${[...origins].sort((a, b) => a - b).join(',')}|${answers.join('')}`;
}

/** A device permutation as a map of the devices it moves. */
export type Relabelling = Map<number, number>;

const image = (pi: Relabelling, i: number) => pi.get(i) ?? i;

interface Proof {
  p: Prepared;
  site: Site;
  plan: LoopbackPlan;
  uplinks: UplinkCounts;
  /** Per device, the (lower, upper) uplink pairs it is an end of. */
  uplinkPairs: Map<string, [string, string][]>;
  sessionOf: Map<number, number>;
  pairCount: Map<number, number>;
  classByKey: Map<string, number>;
  classesOf: Map<number, number[]>;
  /** Classes some aggregate depends on, and the aggregates: never moved. */
  pinnedClasses: Set<number>;
  /** Per ASN, how many speakers have it. */
  asnCount: Map<number, number>;
  role: Map<string, string>;
  targetsOf: Map<string, number[]>;
  sources: Set<string>;
}

/**
 * Whether swapping speakers `a` and `b` (and what follows from it: their sessions, link ends,
 * ASNs and classes) maps the site's simulation inputs and services onto themselves.
 */
function swapIsAutomorphism(pr: Proof, a: number, b: number): boolean {
  const { p } = pr;
  const N = p.names.length;
  const tau: Relabelling = new Map([
    [a, b],
    [b, a],
  ]);
  const na = p.names[a]!;
  const nb = p.names[b]!;
  if (pr.role.get(na) !== pr.role.get(nb) || pr.role.get(na) === undefined) return false;
  // ASNs: the same one, or each its own (then the swap renames them consistently)
  const asnA = p.net.asn[a]!;
  const asnB = p.net.asn[b]!;
  if (asnA !== asnB && (pr.asnCount.get(asnA) !== 1 || pr.asnCount.get(asnB) !== 1)) return false;
  // sessions of either: each has one image with the same policies and default offer
  for (const d of [na, nb])
    for (const i of p.byDevice.get(d) ?? []) {
      const r = p.net.recv[i]!;
      const f = p.net.send[i]!;
      if (pr.pairCount.get(r * N + f) !== 1) return false;
      const j = pr.sessionOf.get(image(tau, r) * N + image(tau, f));
      if (j === undefined || pr.pairCount.get(image(tau, r) * N + image(tau, f)) !== 1) return false;
      if (
        p.net.inPolicy[i] !== p.net.inPolicy[j] ||
        p.net.outPolicy[i] !== p.net.outPolicy[j] ||
        p.net.defaultOffer[i] !== p.net.defaultOffer[j] ||
        !p.links[i] !== !p.links[j]
      )
        return false;
    }
  // classes either originates: an image with the swapped originators, the same answers and size
  const moved = new Set([...(pr.classesOf.get(a) ?? []), ...(pr.classesOf.get(b) ?? [])]);
  for (const c of moved) {
    if (pr.pinnedClasses.has(c)) return false;
    const cls = p.classes[c]!;
    const to = pr.classByKey.get(
      classKey(
        cls.origins.map((o) => image(tau, o)),
        cls.answers,
        cls.isDefault,
      ),
    );
    if (to === undefined || p.classes[to]!.prefixes !== cls.prefixes || pr.pinnedClasses.has(to))
      return false;
  }
  // the loopback plan: both ping or neither; one target each, whose classes swap
  if (pr.sources.has(na) !== pr.sources.has(nb)) return false;
  const ta = pr.targetsOf.get(na) ?? [];
  const tb = pr.targetsOf.get(nb) ?? [];
  if (ta.length !== tb.length || ta.length > 1) return false;
  if (ta.length) {
    const ca = p.classOf.get(routeTo(pr.plan.targets[ta[0]!]!));
    const cb = p.classOf.get(routeTo(pr.plan.targets[tb[0]!]!));
    if (ca === undefined || cb === undefined) return false;
    const img = pr.classByKey.get(
      classKey(
        p.classes[ca]!.origins.map((o) => image(tau, o)),
        p.classes[ca]!.answers,
        p.classes[ca]!.isDefault,
      ),
    );
    if (img !== cb) return false;
  }
  // uplinks: per lower device, the sessions to each upper one, swapped
  const sw = (x: string) => (x === na ? nb : x === nb ? na : x);
  for (const d of [na, nb])
    for (const [lower, upper] of pr.uplinkPairs.get(d) ?? []) {
      const per = pr.uplinks.get(lower)!;
      const to = pr.uplinks.get(sw(lower));
      if (!to || to.get(sw(upper)) !== per.get(upper) || to.size !== per.size) return false;
    }
  return true;
}

/**
 * The groups of interchangeable speakers of a site: same role and pod, and each proven
 * interchangeable with the group's first member. `uplinks` are the intact uplink sessions,
 * `plan` the intact IPv4 loopback plan.
 */
export function findSymmetry(site: Site, p: Prepared, plan: LoopbackPlan, uplinks: UplinkCounts): Symmetry {
  const N = p.names.length;
  const sessionOf = new Map<number, number>();
  const pairCount = new Map<number, number>();
  for (let i = 0; i < p.sessions.length; i++) {
    const key = p.net.recv[i]! * N + p.net.send[i]!;
    sessionOf.set(key, i);
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  const classByKey = new Map<string, number>();
  const classesOf = new Map<number, number[]>();
  const pinnedClasses = new Set<number>();
  for (const c of p.classes) {
    // an aggregate is never an image (pinned below); its key may be a plain class's
    if (!c.aggregate) classByKey.set(classKey(c.origins, c.answers, c.isDefault), c.index);
    for (const o of c.origins) classesOf.set(o, [...(classesOf.get(o) ?? []), c.index]);
    if (c.aggregate) {
      pinnedClasses.add(c.index);
      for (const x of c.aggregate.contributors) pinnedClasses.add(x);
    }
  }
  const asnCount = new Map<number, number>();
  for (const asn of p.net.asn) asnCount.set(asn, (asnCount.get(asn) ?? 0) + 1);
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const role = new Map<string, string>();
  for (const name of p.names) {
    const d = byName.get(name);
    // a device with VMs, or a VM, fails with others: never moved
    if (d?.managed && !d.hostedOn) role.set(name, `${d.role}|${'pod' in d ? d.pod : ''}|${d.tier}`);
  }
  const hosting = new Set(site.devices.flatMap((d) => (d.hostedOn ? [d.hostedOn] : [])));
  for (const h of hosting) role.delete(h);
  const targetsOf = new Map<string, number[]>();
  plan.targets.forEach((t, j) => {
    targetsOf.set(t.device, [...(targetsOf.get(t.device) ?? []), j]);
  });
  const uplinkPairs = new Map<string, [string, string][]>();
  for (const [lower, per] of uplinks)
    for (const upper of per.keys())
      for (const d of new Set([lower, upper]))
        uplinkPairs.set(d, [...(uplinkPairs.get(d) ?? []), [lower, upper]]);
  const proof: Proof = {
    p,
    site,
    plan,
    uplinks,
    uplinkPairs,
    sessionOf,
    pairCount,
    classByKey,
    classesOf,
    pinnedClasses,
    asnCount,
    role,
    targetsOf,
    sources: new Set(plan.sources),
  };
  const group = new Int32Array(N).fill(-1);
  const members: number[][] = [];
  const candidates = new Map<string, number[]>();
  for (let i = 0; i < N; i++) {
    const r = role.get(p.names[i]!);
    if (r !== undefined) candidates.set(r, [...(candidates.get(r) ?? []), i]);
  }
  for (const list of candidates.values()) {
    const kinds: number[][] = [];
    for (const i of list) {
      const kind = kinds.find((k) => swapIsAutomorphism(proof, k[0]!, i));
      if (kind) kind.push(i);
      else if (kinds.length < MAX_KINDS_PER_GROUP) kinds.push([i]);
    }
    for (const k of kinds)
      if (k.length > 1) {
        for (const i of k) group[i] = members.length;
        members.push(k);
      }
  }
  return { group, members, sessionOf, classByKey };
}

/** A scenario in the canonical members' terms, and the relabelling that took it there. */
export interface Canonical {
  key: string;
  /** Scenario's devices → canonical ones (the inverse names a canonical result's devices in the scenario's). */
  pi: Relabelling;
}

/**
 * The canonical form of a failure: its speakers moved, one by one, to the first members of their
 * groups not yet taken; undefined when the failure takes down a device that speaks no BGP or a
 * link no session runs over (its services are not only the routing's: the full analysis).
 */
export function canonicalOf(site: Site, p: Prepared, sym: Symmetry, down: Down): Canonical | undefined {
  const failed = failedDevices(site, down);
  const failedIx: number[] = [];
  for (const name of failed) {
    const i = p.index.get(name);
    if (i === undefined) return undefined;
    failedIx.push(i);
  }
  for (const end of down.links) if (!p.byLink.get(end)?.length) return undefined;
  const removed = removedSessions(p, site, down);
  if (!removed.length) return undefined;
  const involved = new Set<number>(failedIx);
  for (const i of removed) {
    involved.add(p.net.recv[i]!);
    involved.add(p.net.send[i]!);
  }
  const pi: Relabelling = new Map();
  const taken = new Set<number>();
  const swap = (x: number, y: number) => {
    // pi := (x y) ∘ pi
    const moved = new Map<number, number>();
    for (const [from, to] of pi) moved.set(from, to === x ? y : to === y ? x : to);
    if (!pi.has(x) && !moved.has(x)) moved.set(x, y);
    if (!pi.has(y) && !moved.has(y)) moved.set(y, x);
    pi.clear();
    for (const [from, to] of moved) if (from !== to) pi.set(from, to);
  };
  for (const x of [...involved].sort((a, b) => a - b)) {
    const y = image(pi, x);
    const g = sym.group[y]!;
    if (g < 0) continue;
    const target = sym.members[g]!.find((m) => !taken.has(m))!;
    taken.add(target);
    if (target !== y) swap(y, target);
  }
  const N = p.names.length;
  const sessions: number[] = [];
  for (const i of removed) {
    const r = p.net.recv[i]!;
    const f = p.net.send[i]!;
    // a session between devices that stay is itself; one that moves has exactly one image (proven)
    const j = pi.has(r) || pi.has(f) ? sym.sessionOf.get(image(pi, r) * N + image(pi, f)) : i;
    if (j === undefined) return undefined;
    sessions.push(j);
  }
  const devices = failedIx.map((i) => image(pi, i)).sort((a, b) => a - b);
  return { key: `${devices.join(',')}/${sessions.sort((a, b) => a - b).join(',')}`, pi };
}

/** The inverse of a relabelling. */
export function inverse(pi: Relabelling): Relabelling {
  return new Map([...pi].map(([a, b]) => [b, a]));
}

/** The class a relabelling maps class `c` to (the one with the relabelled originators). */
export function classImage(p: Prepared, sym: Symmetry, pi: Relabelling, c: number): number {
  const cls = p.classes[c]!;
  if (!cls.origins.some((o) => pi.has(o))) return c;
  return sym.classByKey.get(
    classKey(
      cls.origins.map((o) => image(pi, o)),
      cls.answers,
      cls.isDefault,
    ),
  )!;
}

export { image };
