/**
 * Every L4 VIP answers TCP on its port from inside its tenant: from the vRouter that is VRRP
 * master on the VIP's segment (the backup once the master is down). Per family: each IPv6 VIP
 * (an IPv6 `virtualServers` entry) from the master of the segment's IPv6 instance. A VIP whose balancers or
 * real servers are all down is not expected to answer.
 */

import { serviceRoles } from '../../compile/roles.js';
import { hostPart } from '../../net/host-part.js';
import { shellQuote } from '../../util/shell.js';
import { type AddressFamily, FAMILIES, familyField, familyId, ofFamily } from './family.js';
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
  // a router of the tenant (an L4 member announcing anycast VIPs speaks BGP too, but is no client)
  const routers = serviceRoles().routers;
  return vrrpDevices(ctx.site).find(
    (d) => routers.includes(d.role) && speaksBgp(d) && d.tenant === tenant && masters.has(d.name),
  )?.name;
}

/** One family's VIPs. */
function vipsOf(ctx: DeriveContext, family: AddressFamily): VipAnswers[] {
  const out: VipAnswers[] = [];
  const groups = vrrpGroups(ctx.site, family);
  for (const d of vrrpDevices(ctx.site)) {
    if (ctx.isDown(d.name)) continue;
    for (const vs of ofFamily(d.keepalived.virtualServers, family)) {
      const from = tenantRouter(ctx, groups, d.tenant, vs.address);
      const id = familyId('vip', family, `${vs.address}:${vs.port}`);
      if (!from || out.some((e) => e.id === id)) continue;
      if (ctx.degraded && vs.realServers.every((r) => ctx.isDown(r.device))) continue;
      out.push({
        kind: 'vip-answers',
        id,
        device: from,
        title: `${hostPart(vs.address)}:${vs.port} answers TCP from ${from}`,
        address: vs.address,
        port: vs.port,
        ...familyField(family),
      });
    }
  }
  return out;
}

export const vipAnswers: CheckSpec<VipAnswers> = {
  kind: 'vip-answers',
  describes: 'every L4 VIP answers',
  runs: { verify: true, gates: true, drift: false },
  stage: 8,
  derive: (ctx) => FAMILIES.flatMap((f) => vipsOf(ctx, f)),
  async evaluate(e, round) {
    // bash's /dev/tcp resolves with getaddrinfo: an IPv6 address connects over IPv6
    const r = await round.fresh(
      e.device,
      `timeout 3 bash -c ${shellQuote(`</dev/tcp/${e.address}/${e.port}`)}`,
    );
    return r.code === 0
      ? { ok: true, detail: 'TCP connect ok' }
      : { ok: false, detail: `TCP connect to ${hostPart(e.address)}:${e.port} failed` };
  },
  reads: () => [],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: 'system', section: e.id }),
  severity: () => 'major',
};
