/**
 * Every route the simulation says is reached over several paths (and the default route) has as
 * many ECMP next hops as the paths the model provides, in each family (`show ip route json`,
 * `show ipv6 route json`). In a degraded fabric the same routes are checked for the width that
 * is left: with one of two spines down, 1.
 */
import { FRR_FAMILY, fibNexthops, routes } from '../../observe/frr.js';
import { deriveWidths, ECMP_WIDTH_SPEC, type EcmpWidth } from './ecmp-width.js';
import { familyOf } from './family.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, fail, inRange, pass, rangeText, rangeTitle, readJson } from './spec.js';

export interface Ecmp extends EcmpWidth {
  kind: 'ecmp';
}

export const ecmp: CheckSpec<Ecmp> = {
  ...ECMP_WIDTH_SPEC,
  kind: 'ecmp',
  describes: 'ECMP next hops = the paths the model provides',
  derive: (ctx) =>
    deriveWidths(
      ctx,
      'ecmp',
      (w) => `${w.device} reaches ${w.prefix} over ${rangeTitle(w.nexthops)} equal-cost next hops`,
    ),
  async evaluate(e, round) {
    const family = familyOf(e);
    const r = await readJson(
      round,
      e.device,
      FRR_FAMILY[family].routes,
      family === 'ipv4' ? 'show ip route' : 'show ipv6 route',
    );
    if ('error' in r) return fail(r.error);
    const { count, protocol } = fibNexthops(routes(r.value).get(e.prefix));
    if (protocol === null) return fail(`no route to ${e.prefix}`, 'no-route');
    if (!inRange(count, e.nexthops))
      return fail(`${count} next hops (${protocol}), expected ${rangeText(e.nexthops)}`);
    return pass(`${count} next hops (${protocol})`);
  },
  reads: (e) => [{ device: e.device, command: FRR_FAMILY[familyOf(e)].routes }],
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `route ${e.prefix}` }),
};
