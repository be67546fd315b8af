/** Every BGP speaker that is up runs BGP with the AS number and router-id the model gives it. */
import { bgpSummary, FRR } from '../../observe/frr.js';
import { FILED_UNDER, speaksBgp } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface BgpIdentity extends ExpectationBase {
  kind: 'bgp-identity';
  asn: number;
  routerId: string;
}

/** BGP's kinds are listed per device: its identity, then each session followed by its BFD. */
export function bgpSortKey(device: string, peer: string | null, ctx: DeriveContext): number[] {
  const position = ctx.position.get(device) ?? -1;
  const d = ctx.byName.get(device);
  const neighbors = d && speaksBgp(d) ? d.frr.routerBgp.neighbors : [];
  return [position, peer === null ? -1 : neighbors.findIndex((n) => n.peer === peer)];
}

export const bgpIdentity: CheckSpec<BgpIdentity> = {
  kind: 'bgp-identity',
  describes: 'local AS and router-id of every BGP speaker',
  runs: { verify: true, gates: true, drift: true },
  stage: 1,
  sortKey: (e, ctx) => [...bgpSortKey(e.device, null, ctx), 0],
  derive: (ctx) =>
    ctx.site.devices
      .filter(speaksBgp)
      .filter((d) => !ctx.isDown(d.name))
      .map((d) => {
        // a merged upstream of a lab of several sites runs the lab's identity, not this site's copy's
        const bgp = ctx.sharedInternet?.identity(d.name) ?? d.frr.routerBgp;
        return {
          kind: 'bgp-identity',
          id: `bgp-identity:${d.name}`,
          device: d.name,
          title: `${d.name} runs BGP as AS${bgp.asn}, router-id ${bgp.routerId}`,
          asn: bgp.asn,
          routerId: bgp.routerId,
        };
      }),
  async evaluate(e, round) {
    const r = await readJson(round, e.device, FRR.bgpSummary, 'show bgp summary');
    if ('error' in r) return fail(r.error);
    const s = bgpSummary(r.value);
    if (!s) return fail('BGP is not running (no router bgp)');
    if (s.as !== e.asn) return fail(`local AS is ${s.as}, expected AS${e.asn}`);
    if (s.routerId !== e.routerId) return fail(`router-id is ${s.routerId}, expected ${e.routerId}`);
    return pass(`AS${s.as}, router-id ${s.routerId}`);
  },
  reads: (e) => [{ device: e.device, command: FRR.bgpSummary }],
  about: (e) => [e.device],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `router bgp ${e.asn}` }),
  severity: () => 'critical',
};
