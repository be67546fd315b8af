/**
 * Every announced loopback answers a ping from every top-of-rack switch (the role servers uplink
 * to, from the role table), sourced from the switch's own loopback, in each family: the IPv6
 * loopbacks (announced as /128) from each switch's IPv6 loopback (issue 14). A failed device's
 * loopback is not expected to answer, nor, in a degraded fabric, one the switch has no route to.
 */
import { hostRoles, roleSpec } from '../../compile/roles.js';
import { oncePer } from '../../util/once-per.js';
import { lastLine } from '../../util/shell.js';
import { type AddressFamily, FAMILIES, familyField, familyId, familyWord, routingOf } from './family.js';
import { loopback6Of, loopbackOf, speaksBgp } from './model.js';
import { answeredPings, pingManyScript } from './ping-many.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface LoopbacksReachable extends ExpectationBase {
  kind: 'loopbacks-reachable';
  source: string;
  targets: { device: string; address: string }[];
}

export interface LoopbackTarget {
  device: string;
  address: string;
}

/** Per site: the managed BGP speakers that announce their loopback as a /32, in site order. */
const announcing = oncePer((site: DeriveContext['site']): LoopbackTarget[] =>
  site.devices
    .filter(
      (d) =>
        d.managed &&
        speaksBgp(d) &&
        d.frr.routerBgp.ipv4Unicast.networks.some(
          (n) => n.endsWith('/32') && n.startsWith(`${loopbackOf(d)}/`),
        ),
    )
    .map((d) => ({ device: d.name, address: loopbackOf(d)! })),
);

/** Per site: the managed BGP speakers that announce their IPv6 loopback as a /128 (issue 14), in site order. */
const announcing6 = oncePer((site: DeriveContext['site']): LoopbackTarget[] =>
  site.devices.flatMap((d) => {
    const address = loopback6Of(d);
    return address &&
      d.managed &&
      speaksBgp(d) &&
      d.frr.routerBgp.ipv6Unicast?.networks.includes(`${address}/128`)
      ? [{ device: d.name, address }]
      : [];
  }),
);

/**
 * The loopbacks to reach: of the managed BGP speakers that are up and announce it as a /32
 * (IPv4) or a /128 (IPv6).
 */
export function loopbackTargets(ctx: DeriveContext, family: AddressFamily = 'ipv4'): LoopbackTarget[] {
  const all = (family === 'ipv4' ? announcing : announcing6)(ctx.site);
  return ctx.degraded ? all.filter((t) => !ctx.isDown(t.device)) : [...all];
}

/** The switches that ping them: the top-of-rack switches that are up (with a loopback of the family). */
export function loopbackSources(ctx: DeriveContext, family: AddressFamily = 'ipv4') {
  return topOfRackOf(ctx.site)[family].filter((d) => !ctx.isDown(d.name));
}

/** Per site: its top-of-rack switches, and those with an IPv6 loopback, in site order. */
const topOfRackOf = oncePer((site: DeriveContext['site']) => {
  const topOfRack = new Set(hostRoles().flatMap((r) => roleSpec(r).uplinksTo));
  const ipv4 = site.devices.filter((d) => topOfRack.has(d.role));
  return { ipv4, ipv6: ipv4.filter((d) => loopback6Of(d) !== undefined) };
});

/** The route a switch needs to a loopback: in a degraded fabric, one without it is not expected to answer. */
export const routeTo = (t: LoopbackTarget): string => `${t.address}/${t.address.includes(':') ? 128 : 32}`;

/** One family's: none of IPv6 where no speaker announces an IPv6 loopback. */
function reachable(ctx: DeriveContext, family: AddressFamily): LoopbacksReachable[] {
  const loopbacks = loopbackTargets(ctx, family);
  const routes = loopbacks.map(routeTo);
  return loopbackSources(ctx, family).map((d) => {
    const source = (family === 'ipv4' ? loopbackOf : loopback6Of)(d)!;
    const routed = routingOf(ctx.routing, family)?.nexthops.get(d.name);
    const targets = loopbacks.filter(
      (t, i) => t.device !== d.name && (!ctx.degraded || !!routed?.has(routes[i]!)),
    );
    return {
      kind: 'loopbacks-reachable',
      id: familyId('loopbacks', family, d.name),
      device: d.name,
      title: `${d.name} (${source}) reaches the ${targets.length} other ${familyWord(family)}loopbacks`,
      source,
      targets,
      ...familyField(family),
    };
  });
}

export const loopbacksReachable: CheckSpec<LoopbacksReachable> = {
  kind: 'loopbacks-reachable',
  describes: 'every loopback answers from every leaf',
  runs: { verify: true, gates: true, drift: false },
  stage: 3,
  derive: (ctx) => FAMILIES.flatMap((f) => reachable(ctx, f)),
  async evaluate(e, round) {
    // one echo request per loopback, all from one process (ping-many.ts), each answered within a second
    const addresses = e.targets.map((t) => t.address);
    const script = pingManyScript(e.source, addresses);
    const r = await round.fresh(e.device, script, 20_000);
    const ok = answeredPings(r.stdout);
    if (r.code !== 0 && !ok.size && !r.stdout.trim())
      return fail(`could not ping from ${e.source}: ${lastLine(r.stderr) || `exit ${r.code}`}`);
    const missing = e.targets.filter((t) => !ok.has(t.address));
    if (missing.length)
      return fail(`no answer from ${missing.map((t) => `${t.device} ${t.address}`).join(', ')}`);
    return pass(`all ${e.targets.length} answer`);
  },
  reads: () => [],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: 'system', section: e.id }),
  severity: () => 'major',
};
