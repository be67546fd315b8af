/**
 * Every announced loopback answers a ping from every top-of-rack switch (the role servers uplink
 * to, from the role table), sourced from the switch's own loopback. A failed device's loopback is
 * not expected to answer, nor, in a degraded fabric, one the switch has no route to.
 */
import { hostRoles, roleSpec } from '../../compile/roles.js';
import { loopbackOf, speaksBgp } from './model.js';
import { type CheckSpec, type ExpectationBase, fail, pass } from './spec.js';

export interface LoopbacksReachable extends ExpectationBase {
  kind: 'loopbacks-reachable';
  source: string;
  targets: { device: string; address: string }[];
}

export const loopbacksReachable: CheckSpec<LoopbacksReachable> = {
  kind: 'loopbacks-reachable',
  describes: 'every loopback answers from every leaf',
  runs: { verify: true, gates: true, drift: false },
  stage: 3,
  derive(ctx) {
    const loopbacks = ctx.site.devices
      .filter(
        (d) =>
          d.managed &&
          speaksBgp(d) &&
          !ctx.isDown(d.name) &&
          d.frr.routerBgp.ipv4Unicast.networks.some(
            (n) => n.endsWith('/32') && n.startsWith(`${loopbackOf(d)}/`),
          ),
      )
      .map((d) => ({ device: d.name, address: loopbackOf(d)! }));
    const topOfRack = new Set(hostRoles().flatMap((r) => roleSpec(r).uplinksTo));
    return ctx.site.devices
      .filter((d) => topOfRack.has(d.role) && !ctx.isDown(d.name))
      .map((d) => {
        const source = loopbackOf(d)!;
        const routed = ctx.routing.nexthops.get(d.name);
        const targets = loopbacks.filter(
          (t) => t.device !== d.name && (!ctx.degraded || routed?.has(`${t.address}/32`)),
        );
        return {
          kind: 'loopbacks-reachable',
          id: `loopbacks:${d.name}`,
          device: d.name,
          title: `${d.name} (${source}) reaches the ${targets.length} other loopbacks`,
          source,
          targets,
        };
      });
  },
  async evaluate(e, round) {
    // all pings at once, each answered in at most a second
    const script = `for a in ${e.targets.map((t) => t.address).join(' ')}; do (ping -c1 -W1 -I ${e.source} "$a" >/dev/null 2>&1 && echo "ok $a" || echo "fail $a") & done; wait`;
    const r = await round.fresh(e.device, script, 20_000);
    const ok = new Set(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('ok '))
        .map((l) => l.slice(3)),
    );
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
