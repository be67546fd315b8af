/**
 * What the two ECMP kinds share: `ecmp` (zebra's view) and `kernel-ecmp` (the kernel's FIB) expect
 * the same routes at the same widths, and a failure means the same to drift. Each kind keeps its
 * own module for how it reads, words and files what it sees.
 */
import type { Range } from '../routing.js';
import { speaksBgp } from './model.js';
import type { CheckSpec, DeriveContext, ExpectationBase } from './spec.js';

/** A route expected over a number of equal-cost next hops. */
export interface EcmpWidth extends ExpectationBase {
  prefix: string;
  nexthops: Range;
}

/** A width as derived, before a kind names and words it. */
type DerivedWidth = Pick<EcmpWidth, 'device' | 'prefix' | 'nexthops'>;

const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * Every route the simulation says a managed BGP speaker that is up reaches over several paths
 * (and its default route), with the width it has in the (possibly degraded) fabric: a route
 * that was multipath in the intact fabric stays listed at the width that is left (with one of
 * two spines down, 1).
 */
function ecmpWidths(ctx: DeriveContext): DerivedWidth[] {
  const out: DerivedWidth[] = [];
  for (const d of ctx.site.devices) {
    if (!speaksBgp(d) || !d.managed || ctx.isDown(d.name)) continue;
    const intact = ctx.intact.nexthops.get(d.name);
    for (const [prefix, nexthops] of ctx.routing.nexthops.get(d.name) ?? []) {
      const width = intact?.get(prefix) ?? nexthops;
      if (width.possible < 2 && prefix !== DEFAULT_ROUTE) continue;
      out.push({ device: d.name, prefix, nexthops });
    }
  }
  return out;
}

/** A kind's expectations of those widths: id `<kind>:<device>:<prefix>`, titled the kind's way. */
export function deriveWidths<K extends string>(
  ctx: DeriveContext,
  kind: K,
  title: (w: DerivedWidth) => string,
): (EcmpWidth & { kind: K })[] {
  // keys in the order the kinds always listed them: expectations are printed as JSON
  return ecmpWidths(ctx).map((w) => ({
    kind,
    id: `${kind}:${w.device}:${w.prefix}`,
    device: w.device,
    title: title(w),
    prefix: w.prefix,
    nexthops: w.nexthops,
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
