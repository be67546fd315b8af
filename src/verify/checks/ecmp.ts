/**
 * Every route the simulation says is reached over several paths (and the default route) has as
 * many ECMP next hops as the paths the model provides. In a degraded fabric the same routes are
 * checked for the width that is left: with one of two spines down, 1.
 */
import { FRR, fibNexthops, routes } from '../../observe/frr.js';
import type { Range } from '../routing.js';
import { FILED_UNDER, speaksBgp } from './model.js';
import {
  type CheckSpec,
  type ExpectationBase,
  fail,
  inRange,
  pass,
  rangeText,
  rangeTitle,
  readJson,
} from './spec.js';

export interface Ecmp extends ExpectationBase {
  kind: 'ecmp';
  prefix: string;
  nexthops: Range;
}

const DEFAULT_ROUTE = '0.0.0.0/0';

export const ecmp: CheckSpec<Ecmp> = {
  kind: 'ecmp',
  describes: 'ECMP next hops = the paths the model provides',
  runs: { verify: true, gates: true, drift: true },
  stage: 2,
  derive(ctx) {
    const out: Ecmp[] = [];
    for (const d of ctx.site.devices) {
      if (!speaksBgp(d) || !d.managed || ctx.isDown(d.name)) continue;
      const intact = ctx.intact.nexthops.get(d.name);
      for (const [prefix, nexthops] of ctx.routing.nexthops.get(d.name) ?? []) {
        const width = intact?.get(prefix) ?? nexthops;
        if (width.possible < 2 && prefix !== DEFAULT_ROUTE) continue;
        out.push({
          kind: 'ecmp',
          id: `ecmp:${d.name}:${prefix}`,
          device: d.name,
          title: `${d.name} reaches ${prefix} over ${rangeTitle(nexthops)} equal-cost next hops`,
          prefix,
          nexthops,
        });
      }
    }
    return out;
  },
  async evaluate(e, round) {
    const r = await readJson(round, e.device, FRR.routes, 'show ip route');
    if ('error' in r) return fail(r.error);
    const { count, protocol } = fibNexthops(routes(r.value).get(e.prefix));
    if (protocol === null) return fail(`no route to ${e.prefix}`, 'no-route');
    if (!inRange(count, e.nexthops))
      return fail(`${count} next hops (${protocol}), expected ${rangeText(e.nexthops)}`);
    return pass(`${count} next hops (${protocol})`);
  },
  reads: (e) => [{ device: e.device, command: FRR.routes }],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `route ${e.prefix}` }),
  severity: (code) => (code === 'no-route' ? 'critical' : 'major'),
};
