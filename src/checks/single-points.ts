/**
 * Single points of failure, found by `fabric whatif`'s N-1 analysis (src/whatif/): a device,
 * hypervisor, cable or upstream whose failure alone breaks a service is an error at the device's
 * (or the cable's) declaration. A rack whose failure breaks a service is a warning at its first
 * leaf's `rack`: racks are the unit a site may choose not to double (services placed in one
 * rack); `fabric whatif` says what breaks.
 *
 * N-1 checks the services of the whole site once per failure, so validate runs it while single
 * failures × devices stays within `MAX_WORK` (about two seconds of CPU); beyond, it says so in a
 * warning, and `fabric whatif --site S` is the tool (docs/whatif.md).
 */

import { rackSwitchRoles } from '../compile/roles.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { analyseSite } from '../whatif/analyse.js';
import { singleFailures } from '../whatif/scenarios.js';
import type { IntactBreak, ScenarioResult } from '../whatif/types.js';
import { type CheckContext, finding, notice } from './context.js';
import { vipPath } from './public-vips.js';

/** Single failures × devices validate analyses: idc-a is 54 × 26; 657 × 62 took 1.7 s of CPU. */
export const MAX_WORK = 50_000;

function pathOf(ctx: CheckContext, r: ScenarioResult): InventoryPath {
  const { facts, site } = ctx;
  const device = (name: string) => facts.devices.get(name)?.path ?? ['upstreams', name];
  if (r.scenario.kind === 'cable') {
    const [end] = r.scenario.links;
    const [name = '', iface = ''] = (end ?? '').split(':');
    const declared = site.cables.some((c) => c.kind !== 'upstream' && c.a.device === name);
    return declared ? [...device(name), 'uplinks', iface] : device(name);
  }
  if (r.scenario.kind === 'rack') {
    const leaf = site.devices.find(
      (d) => rackSwitchRoles().includes(d.role) && r.scenario.devices.includes(d.name),
    );
    return [...device(leaf?.name ?? r.scenario.devices[0] ?? ''), 'rack'];
  }
  return device(r.scenario.devices[0] ?? '');
}

export function checkSinglePointsOfFailure(ctx: CheckContext): Diagnostic[] {
  const failures = singleFailures(ctx.site).length;
  const devices = ctx.site.devices.length;
  if (failures * devices > MAX_WORK)
    return [
      notice(
        ctx,
        'single-points-not-analysed',
        `single points of failure not analysed: ${failures.toLocaleString('en')} single failures of ${devices.toLocaleString('en')} devices are more than validate analyses (failures × devices at most ${MAX_WORK.toLocaleString('en')}); run fabric whatif --site ${ctx.site.name}`,
        ['devices'],
      ),
    ];
  const report = analyseSite(ctx.site);
  // what is broken with nothing failed is said once, where it is written: no failure is blamed
  const intact = (report.brokenIntact ?? []).map((b) => intactFinding(ctx, b));
  return intact.concat(
    report.results.flatMap((r) => {
      // an impact another finding already names (gslb-single-server) is not said twice
      const broken = r.impacts.filter((i) => i.severity === 'breaks' && !i.reportedAs);
      if (!broken.length) return [];
      const what = broken.map((i) => i.detail).join('; ');
      const message = `single point of failure: ${r.scenario.kind === 'rack' ? '' : `${r.scenario.kind} `}${r.scenario.name} breaks ${what} (fabric whatif --site ${ctx.site.name} --fail ${r.scenario.name})`;
      return r.scenario.kind === 'rack'
        ? notice(ctx, 'single-point-of-failure', message, pathOf(ctx, r))
        : finding(ctx, 'single-point-of-failure', message, pathOf(ctx, r));
    }),
  );
}

/**
 * A service broken in the intact fabric (whatif/intact.ts), at what is wrong: a VIP inside no
 * announced prefix at the VIP (`vip-not-announced`), anything else at its VIP, prefix or device.
 */
function intactFinding(ctx: CheckContext, b: IntactBreak): Diagnostic {
  const six = b.prefix?.includes(':');
  const prefixIndex = b.prefix
    ? ctx.site.ipPlan
        .filter((p) => p.kind === 'announce' && p.prefix.includes(':') === six)
        .findIndex((p) => p.prefix === b.prefix)
    : -1;
  const path =
    (b.address && vipPath(ctx, b.address)?.path) ||
    (b.prefix && ['prefixes', six ? 'announce6' : 'announce', Math.max(0, prefixIndex)]) ||
    (b.device && ctx.facts.devices.get(b.device)?.path) ||
    (b.address ? ['prefixes', 'announce'] : ['devices']);
  const code = b.notAnnounced ? 'vip-not-announced' : 'broken-with-nothing-failed';
  return finding(ctx, code, b.notAnnounced ? `VIP ${b.detail}` : `${b.service}: ${b.detail}`, path);
}
