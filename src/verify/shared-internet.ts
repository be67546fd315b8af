/**
 * verify in a lab of several sites (`fabric lab up --site aa-a --site aa-b`, docs/active-active.md
 * "Both sites in one lab"): each upstream is one node for every site, so a site's model alone
 * mispredicts three things about it, and only those:
 *
 * - its BGP identity: the merged upstream runs the configuration `sharedUpstreamDevice` builds
 *   (the first site's router-id, every site's sessions), not the site's own copy's;
 * - what crosses a link between two upstreams: every site's prefixes, not one site's;
 * - who answers an anycast VIP (one address in several sites): the site the upstream's ECMP
 *   hash picks, not necessarily this one (http-path asks `sites`).
 *
 * The first two are computed here from every site of the lab, with the lab plan's own functions,
 * so verify of a site in the shared lab expects what the shared internet really is.
 */
import { roleSpec } from '../compile/roles.js';
import { speaksBgp } from '../model/runs.js';
import type { FrozenSite } from '../pipeline.js';
import { planSharedLab, sharedUpstreamDevice } from '../topology/shared/index.js';
import { isUpstream } from '../topology/shared/types.js';
import { routingOf } from './checks/family.js';
import { type AddressFamily, type Range, sessionKey, simulateRouting } from './routing.js';
import { rangeLess } from './routing-view.js';

export interface SharedInternet {
  /** Every site of the lab, by name: an anycast VIP is served by each site that has it. */
  sites: readonly FrozenSite[];
  /** The merged upstream's AS and router-id; undefined for a device that is no shared upstream. */
  identity(device: string): { asn: number; routerId: string } | undefined;
  /**
   * The prefixes a shared upstream receives in the family over its session `peer` when that
   * session is to another shared upstream (the internet link); undefined for any other session.
   */
  linkPrefixes(device: string, peer: string, peerDevice: string, family: AddressFamily): Range | undefined;
}

/**
 * The shared internet of a lab of these sites (every site of the lab, the verified one among
 * them); undefined for one site, or sites the lab plan refuses (their lab could not exist).
 */
export function sharedInternet(sites: readonly FrozenSite[]): SharedInternet | undefined {
  if (sites.length < 2) return undefined;
  const { plan } = planSharedLab(sites);
  if (!plan) return undefined;
  const sorted = [...sites].sort((a, b) => a.name.localeCompare(b.name));
  const upstreams = new Set(plan.upstreams.map((u) => u.name));
  const identities = new Map(
    plan.upstreams.map((u) => {
      const bgp = sharedUpstreamDevice(plan, sorted, u.name).frr.routerBgp;
      return [u.name, { asn: bgp.asn, routerId: bgp.routerId }] as const;
    }),
  );
  // per site: its routing, and its routing with only the upstreams left (what they originate)
  const routings = sorted.map((site) => {
    const others = site.devices.filter((d) => !isUpstream(d)).map((d) => d.name);
    return {
      whole: simulateRouting(site),
      upstreamsOnly: simulateRouting(site, { devices: new Set(others), links: new Set() }),
    };
  });
  const sharedAnnouncements = repeatedAggregates(sorted);
  return {
    sites: sorted,
    identity: (device) => identities.get(device),
    linkPrefixes(device, peer, peerDevice, family) {
      if (!upstreams.has(device) || !upstreams.has(peerDevice)) return undefined;
      const key = sessionKey(device, peer);
      // the upstreams' own prefixes once, then each site's on top; a service prefix several
      // sites announce (anycast) crosses the link once, not once per site
      let total: Range | undefined;
      for (const r of routings) {
        const whole = routingOf(r.whole, family)?.received.get(key);
        const own = routingOf(r.upstreamsOnly, family)?.received.get(key) ?? { certain: 0, possible: 0 };
        if (!whole) continue;
        total = total
          ? {
              certain: total.certain + whole.certain - own.certain,
              possible: total.possible + whole.possible - own.possible,
            }
          : { ...whole };
      }
      return total && rangeLess(total, family === 'ipv4' ? sharedAnnouncements : 0);
    },
  };
}

/**
 * How many more times than once the sites' edges announce the same prefixes: a service prefix
 * (`anycast.prefix`) two sites aggregate is counted by both sites' simulations. IPv4 only, as
 * anycast is.
 */
function repeatedAggregates(sites: readonly FrozenSite[]): number {
  const bySite = sites.map(
    (site) =>
      new Set(
        site.devices.flatMap((d) =>
          roleSpec(d.role).peersWithUpstreams && speaksBgp(d) ? d.frr.routerBgp.ipv4Unicast.aggregates : [],
        ),
      ),
  );
  const counts = new Map<string, number>();
  for (const set of bySite) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
}
