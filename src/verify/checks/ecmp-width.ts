/**
 * What the two ECMP kinds share: `ecmp` (zebra's view) and `kernel-ecmp` (the kernel's FIB) expect
 * the same routes at the same widths, and a failure means the same to drift. Each kind keeps its
 * own module for how it reads, words and files what it sees.
 */

import type { Range } from '../routing.js';
import { ROUTING_FAMILIES } from '../routing-family.js';
import { standbyAnnouncements } from '../routing-speakers.js';
import { type AddressFamily, FAMILIES, familyField, familyId, routingOf } from './family.js';
import { speaksBgp } from './model.js';
import type { CheckSpec, DeriveContext, ExpectationBase } from './spec.js';

/** A route expected over a number of equal-cost next hops. */
export interface EcmpWidth extends ExpectationBase {
  prefix: string;
  nexthops: Range;
}

/** A width as derived, before a kind names and words it. */
type DerivedWidth = Pick<EcmpWidth, 'device' | 'prefix' | 'nexthops'> & { family: AddressFamily };

/**
 * Every route of the family the simulation says a managed BGP speaker that is up reaches over
 * several paths (and its default route, `0.0.0.0/0` or `::/0`), with the width it has in the
 * (possibly degraded) fabric: a route that was multipath in the intact fabric stays listed at the
 * width that is left (with one of two spines down, 1). None of IPv6 where the site does not route it.
 */
function ecmpWidths(ctx: DeriveContext, family: AddressFamily): DerivedWidth[] {
  const routing = routingOf(ctx.routing, family);
  const intactRouting = routingOf(ctx.intact, family);
  const defaultRoute = ROUTING_FAMILIES[family].defaultRoute;
  const out: DerivedWidth[] = [];
  const standby = standbyVips(ctx.site);
  for (const d of ctx.site.devices) {
    if (!routing || !speaksBgp(d) || !d.managed || ctx.isDown(d.name)) continue;
    const intact = intactRouting?.nexthops.get(d.name);
    // the simulation has both L4 members of a pair announce an anycast VIP; only the master does
    const fromPair = d.frr.routerBgp.neighbors.some((n) => standby.members.has(n.peerDevice));
    for (const [prefix, nexthops] of routing.nexthops.get(d.name) ?? []) {
      const width = intact?.get(prefix) ?? nexthops;
      if (width.possible < 2 && prefix !== defaultRoute) continue;
      if (fromPair && standby.prefixes.has(prefix)) continue;
      out.push({ device: d.name, prefix, nexthops, family });
    }
  }
  return out;
}

/** The L4 members that announce anycast VIPs in the simulation, and those VIPs (routing-speakers.ts). */
function standbyVips(site: DeriveContext['site']): { members: Set<string>; prefixes: Set<string> } {
  const members = new Set<string>();
  const prefixes = new Set<string>();
  for (const d of site.devices)
    if (standbyAnnouncements(d) > 0) {
      members.add(d.name);
      if ('anycast' in d && d.anycast) for (const a of d.anycast.announcements) prefixes.add(a.prefix);
    }
  return { members, prefixes };
}

/**
 * A kind's expectations of those widths, IPv4's then IPv6's: id `<kind>:<device>:<prefix>`
 * (`<kind>:ipv6:…` for IPv6), titled the kind's way.
 */
export function deriveWidths<K extends string>(
  ctx: DeriveContext,
  kind: K,
  title: (w: DerivedWidth) => string,
): (EcmpWidth & { kind: K })[] {
  // keys in the order the kinds always listed them: expectations are printed as JSON
  return FAMILIES.flatMap((f) => ecmpWidths(ctx, f)).map((w) => ({
    kind,
    id: familyId(kind, w.family, `${w.device}:${w.prefix}`),
    device: w.device,
    title: title(w),
    prefix: w.prefix,
    nexthops: w.nexthops,
    ...familyField(w.family),
  }));
}

/** The parts of both kinds' specs that are one decision: when they run, whom they involve, how bad a failure is. */
export const ECMP_WIDTH_SPEC = {
  runs: { verify: true, gates: true, drift: true },
  stage: 2,
  about: (e) => [e.device],
  siteWide: true,
  severity: (code) => (code === 'no-route' ? 'critical' : 'major'),
} as const satisfies Pick<CheckSpec<EcmpWidth>, 'runs' | 'stage' | 'about' | 'siteWide' | 'severity'>;
