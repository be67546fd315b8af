/**
 * Every L4 VIP answers TCP on its port from inside its tenant: from the vRouter that is VRRP
 * master on the VIP's segment (the backup once the master is down). A VIP whose balancers or
 * real servers are all down is not expected to answer.
 */
import { shellQuote } from '../../util/shell.js';
import { masterOf, sameSubnet, speaksBgp, type VrrpGroup, vrrpDevices, vrrpGroups } from './model.js';
import type { CheckSpec, DeriveContext, ExpectationBase } from './spec.js';

export interface VipAnswers extends ExpectationBase {
  kind: 'vip-answers';
  address: string;
  port: number;
}

/** The tenant's router that is VRRP master on the VIP's segment: a client inside the tenant. */
function tenantRouter(ctx: DeriveContext, groups: readonly VrrpGroup[], tenant: string, vip: string) {
  const masters = new Set(
    groups.filter((g) => sameSubnet(g.vip, vip)).map((g) => masterOf(g, (n) => ctx.isDown(n))?.device),
  );
  return vrrpDevices(ctx.site).find((d) => speaksBgp(d) && d.tenant === tenant && masters.has(d.name))?.name;
}

export const vipAnswers: CheckSpec<VipAnswers> = {
  kind: 'vip-answers',
  describes: 'every L4 VIP answers',
  runs: { verify: true, gates: true, drift: false },
  stage: 8,
  derive(ctx) {
    const out: VipAnswers[] = [];
    const groups = vrrpGroups(ctx.site);
    for (const d of vrrpDevices(ctx.site)) {
      if (ctx.isDown(d.name)) continue;
      for (const vs of d.keepalived.virtualServers) {
        const from = tenantRouter(ctx, groups, d.tenant, vs.address);
        const id = `vip:${vs.address}:${vs.port}`;
        if (!from || out.some((e) => e.id === id)) continue;
        if (ctx.degraded && vs.realServers.every((r) => ctx.isDown(r.device))) continue;
        out.push({
          kind: 'vip-answers',
          id,
          device: from,
          title: `${vs.address}:${vs.port} answers TCP from ${from}`,
          address: vs.address,
          port: vs.port,
        });
      }
    }
    return out;
  },
  async evaluate(e, round) {
    const r = await round.fresh(
      e.device,
      `timeout 3 bash -c ${shellQuote(`</dev/tcp/${e.address}/${e.port}`)}`,
    );
    return r.code === 0
      ? { ok: true, detail: 'TCP connect ok' }
      : { ok: false, detail: `TCP connect to ${e.address}:${e.port} failed` };
  },
  reads: () => [],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: 'system', section: e.id }),
  severity: () => 'major',
};
