/**
 * The kernel forwards each multipath route over as many next hops as the model provides: the
 * same routes and widths as `ecmp`, read from the kernel's FIB instead of zebra's view. With
 * kernel nexthop objects, zebra can believe a group has two members while the kernel's has one
 * (a link flap, issue 10 finding 2): `ecmp` stays green, this one does not.
 */
import {
  KERNEL_FIB,
  KERNEL_ROUTES,
  type KernelNexthop,
  type KernelRoute,
  kernelWidth,
  parseIpJson,
} from '../../observe/kernel-fib.js';
import type { ObservationRound } from '../../observe/runner.js';
import { deriveWidths, ECMP_WIDTH_SPEC, type EcmpWidth } from './ecmp-width.js';
import { familyOf } from './family.js';
import { FILED_UNDER } from './model.js';
import { type CheckResult, type CheckSpec, fail, inRange, pass, rangeText, rangeTitle } from './spec.js';

export interface KernelEcmp extends EcmpWidth {
  kind: 'kernel-ecmp';
}

/**
 * The pure compare: what the kernel shows for the prefix against the width the model expects.
 * `nexthops` is null when the route uses no nexthop object (then it is not read).
 */
export function compareKernelWidth(
  e: Pick<KernelEcmp, 'prefix' | 'nexthops'>,
  routes: readonly KernelRoute[],
  nexthops: readonly KernelNexthop[] | null,
): CheckResult {
  const w = kernelWidth(routes, nexthops, e.prefix);
  if (w === null) return fail(`no route to ${e.prefix} in the kernel`, 'no-route');
  const where = `${w.devs.join(', ') || 'none'}${w.nhid === undefined ? '' : `, nhid ${w.nhid}`}`;
  const hops = `${w.count} next hop${w.count === 1 ? '' : 's'} in the kernel (${where})`;
  if (!inRange(w.count, e.nexthops)) return fail(`${hops}, expected ${rangeText(e.nexthops)}`);
  return pass(hops);
}

async function readList<T>(
  round: ObservationRound,
  device: string,
  command: string,
): Promise<{ value: T[] } | { error: string }> {
  const r = await round.read(device, command);
  if (r.code !== 0) return { error: `${command} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim()}` };
  const value = parseIpJson<T>(r.stdout);
  return value === null ? { error: `${command} did not return a JSON list` } : { value };
}

export const kernelEcmp: CheckSpec<KernelEcmp> = {
  ...ECMP_WIDTH_SPEC,
  kind: 'kernel-ecmp',
  describes: "the kernel's FIB forwards over the ECMP next hops the model provides",
  derive: (ctx) =>
    deriveWidths(
      ctx,
      'kernel-ecmp',
      (w) => `${w.device}'s kernel forwards ${w.prefix} over ${rangeTitle(w.nexthops)} next hops`,
    ),
  async evaluate(e, round) {
    const routes = await readList<KernelRoute>(round, e.device, KERNEL_ROUTES[familyOf(e)]);
    if ('error' in routes) return fail(routes.error);
    const usesObject = routes.value.some((r) => r.nhid !== undefined);
    if (!usesObject) return compareKernelWidth(e, routes.value, null);
    const nexthops = await readList<KernelNexthop>(round, e.device, KERNEL_FIB.nexthops);
    if ('error' in nexthops) return fail(nexthops.error);
    return compareKernelWidth(e, routes.value, nexthops.value);
  },
  reads: (e) => [
    { device: e.device, command: KERNEL_ROUTES[familyOf(e)] },
    { device: e.device, command: KERNEL_FIB.nexthops },
  ],
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `route ${e.prefix} (kernel)` }),
};
