/**
 * The GSLB DNS servers of a site (docs/active-active.md): what losing one costs its zones. A
 * zone's servers are one per site, so the others answer alone while this one is down (resolvers
 * retry the next name server); a zone with no other server is not answered at all. Read off the
 * compiled gdnsd model; no routing to the other sites is simulated.
 */
import type { DeepReadonly } from '../model/freeze.js';
import { runsDns } from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';
import type { Impact } from './types.js';

/** The site's DNS servers, found once: whatif asks for every scenario. */
const dnsServers = oncePer((site: DeepReadonly<SiteModel>) => site.devices.filter(runsDns));

export function dnsImpacts(site: DeepReadonly<SiteModel>, isDown: (name: string) => boolean): Impact[] {
  return dnsServers(site).flatMap((d) => {
    if (!isDown(d.name)) return [];
    const own = new Set(d.gdnsd.listen);
    return d.gdnsd.zones.map((z): Impact => {
      const others = z.nameServers.filter(
        (ns) => ![...ns.addresses, ...ns.addresses6].some((a) => own.has(a)),
      );
      return others.length
        ? {
            severity: 'degraded',
            service: 'dns',
            detail: `${z.name}: answered by ${others.map((ns) => `${ns.name} (${ns.addresses[0] ?? ns.addresses6[0]})`).join(', ')} alone (${d.name} down)`,
          }
        : {
            severity: 'breaks',
            service: 'dns',
            detail: `${z.name}: no name server left (${d.name} down)`,
            reportedAs: 'gslb-single-server',
          };
    });
  });
}
