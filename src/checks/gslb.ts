/**
 * Services that span sites (docs/active-active.md): a service one site alone offers has a single
 * point of failure (the site); a zone one DNS server alone answers too; a VIP the site does not
 * announce upstream cannot be reached from the internet, whatever DNS answers; a health check too
 * slow for the service's budget. Findings (exit 1), located in the file that holds `gslb`.
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { GslbInventory, SiteInventory } from '../inventory/merge.js';
import type { GslbModel } from '../model/gslb.js';
import type { SiteModel } from '../model/site.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { contains6, parseAddress6, parsePrefix6 } from '../net/ipv6.js';

export function checkGslb(
  gslb: GslbModel,
  sites: readonly SiteInventory[],
  input: GslbInventory,
  models: readonly SiteModel[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (...path: (string | number)[]) => ({ file: input.file, path: ['gslb', ...path] });
  for (const zone of gslb.zones)
    if (zone.servers.length === 1)
      out.push(
        error(
          'gslb-single-server',
          `zone ${zone.name} has one DNS server (${zone.servers[0]!.device} in ${zone.servers[0]!.site}): a single point of failure; name a VM of another site too`,
          at('zones', zone.name, 'servers'),
        ),
      );
  for (const s of gslb.services) {
    if (s.sites.length === 1)
      out.push(
        error(
          'gslb-single-site',
          `service ${s.name} (${s.fqdn}) is offered by site ${s.sites[0]!.site} only: the site is a single point of failure; add another site under sites`,
          at('services', s.name, 'sites'),
        ),
      );
    for (const m of s.sites) {
      const site = sites.find((x) => x.name === m.site)!;
      const v4 = site.prefixes.announce.map((p) => parsePrefix(p)!.prefix);
      const v6 = (site.prefixes.announce6 ?? []).map((p) => parsePrefix6(p)!.prefix);
      const where = at('services', s.name, 'sites', m.site, 'vip');
      // a VIP of a service prefix is announced with it (compile put it inside)
      if (m.address && !s.anycast?.prefix && !v4.some((p) => contains(p, parseAddress(m.address!)!)))
        out.push(
          error(
            'gslb-vip-not-announced',
            `VIP ${m.address} (${m.tenant}/${m.vip}) is outside site ${m.site}'s prefixes.announce (${site.prefixes.announce.join(', ')}): the internet cannot reach what DNS answers; use a VIP inside them`,
            { ...where, site: m.site },
          ),
        );
      if (m.address6 && !v6.some((p) => contains6(p, parseAddress6(m.address6!)!)))
        out.push(
          error(
            'gslb-vip-not-announced',
            `VIP ${m.address6} (${m.tenant}/${m.vip}) is outside site ${m.site}'s prefixes.announce6 (${(site.prefixes.announce6 ?? []).join(', ') || 'none'}): the internet cannot reach what DNS answers; use a VIP inside them`,
            { ...where, site: m.site },
          ),
        );
    }
    if (s.detectMs > s.budget)
      out.push(
        error(
          'budget-exceeded',
          `the DNS answer of ${s.fqdn} may keep a failed site for ${s.detectMs} ms (fall ${s.check.fall} × interval ${s.check.interval} s + timeout ${s.check.timeout} s), over its budget of ${s.budget} ms; check more often or raise budget`,
          at('services', s.name, input.gslb.services[s.name]?.budget !== undefined ? 'budget' : 'check'),
        ),
      );
  }
  out.push(...anycastBudgets(gslb, models, at));
  return out;
}

/**
 * An L4 member that may announce a VIP longer after it cannot serve it than the service's
 * `anycast.budget` (src/compile/anycast.ts predicts each way: real servers down, keepalived
 * killed, the VM silent): one finding per service and member.
 */
function anycastBudgets(
  gslb: GslbModel,
  models: readonly SiteModel[],
  at: (...path: (string | number)[]) => { file: string; path: (string | number)[] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const site of models)
    for (const d of site.devices) {
      if (!('anycast' in d)) continue;
      const a = d.anycast;
      const worst = Math.max(a.quorumLostMs, a.keepalivedDeadMs, a.nodeDeadMs);
      for (const name of [...new Set(a.announcements.map((x) => x.service))]) {
        const budget = gslb.services.find((s) => s.name === name)?.anycast?.budget;
        if (budget === undefined || worst <= budget) continue;
        out.push(
          error(
            'budget-exceeded',
            `${d.name} in ${site.name} may announce the VIP of ${name} for ${worst} ms after it cannot serve it (real servers down ${a.quorumLostMs} ms, keepalived killed ${a.keepalivedDeadMs} ms, the VM silent ${a.nodeDeadMs} ms), over its anycast budget of ${budget} ms; check the real servers more often or raise anycast.budget`,
            { ...at('services', name, 'anycast'), site: site.name },
          ),
        );
      }
    }
  return out;
}
