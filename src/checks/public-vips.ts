/**
 * A public VIP (an L4 service whose real servers are HAProxys with a frontend on its port: the
 * lab's and whatif's `http-path` URLs) must be inside a prefix the site announces, or no upstream
 * ever has a route to it: it is unreachable from the internet with nothing failed, whatever
 * `lab:` says. One error at the VIP (`vip-not-announced`), before any N-1 analysis, which would
 * otherwise find the same VIP lost after every failure.
 */
import { inServicePrefix } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { publicAddresses } from '../verify/checks/http-path.js';
import { sameSubnet } from '../verify/checks/model.js';
import { announcements, upstreamsOf } from '../whatif/upstreams.js';
import { type CheckContext, finding } from './context.js';

/** The L4 service whose VIP (`address` or `address6`) is `address`: its name and where it is written. */
export function vipPath(
  ctx: CheckContext,
  address: string,
): { tenant: string; name: string; path: InventoryPath } | undefined {
  const six = address.includes(':');
  const key = six ? 'address6' : 'address';
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [svc, s] of Object.entries(t.l4?.services ?? {})) {
      const written = s[key];
      if (written && sameSubnet(`${written}/${six ? 128 : 32}`, address))
        return { tenant, name: `${tenant}/${svc}`, path: ['tenants', tenant, 'l4', 'services', svc, key] };
    }
  return undefined;
}

export function checkPublicVips(ctx: CheckContext): Diagnostic[] {
  // a site with no upstream has no internet to be reached from; one announcing no prefix of a
  // family has no public address of it
  if (!upstreamsOf(ctx.site).length) return [];
  const out: Diagnostic[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const announced = announcements(ctx.site)[family];
    if (!announced.length) continue;
    const key = family === 'ipv6' ? 'prefixes.announce6' : 'prefixes.announce';
    for (const address of publicAddresses(ctx.site, family)) {
      const at = vipPath(ctx, address);
      if (!at || announced.some((p) => sameSubnet(p, address))) continue;
      if (inServicePrefix(ctx.facts, at.tenant, address)) continue; // anycast: its service prefix is announced
      out.push(
        finding(
          ctx,
          'vip-not-announced',
          `VIP ${address} of ${at.name} is inside no prefix the site announces (${key}: ${announced.join(', ')}): no upstream has a route to it, so its public URLs are reachable from none with nothing failed; announce a prefix that holds it, or give the service an address inside ${announced.length === 1 ? 'it' : 'one of them'}`,
          at.path,
        ),
      );
    }
  }
  return out;
}
