/**
 * A whole site as a failure unit (`fabric whatif --sites`, `--fail site:NAME`; issue 11,
 * docs/active-active.md): for each `gslb` service the failed site offered, whether another site
 * still offers it and how traffic moves there (the DNS answer drops the site after `detectMs`;
 * with anycast the site's L4 members stop announcing the VIP after their VM-silent time,
 * `device.anycast.nodeDeadMs`), against the service's budgets. A service no other site offers,
 * or whose zone has no DNS server left, is lost; so is every service of the site that spans no
 * site. Plain data from the compiled model: no routing is simulated (the sites are joined by the
 * internet, which the model does not hold).
 */

import type { DeepReadonly } from '../model/freeze.js';
import type { GslbModel, GslbService } from '../model/gslb.js';
import type { FabricModel, SiteModel } from '../model/site.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { SingleSiteService, Verdict } from './types.js';

type Fabric = DeepReadonly<FabricModel>;
type Site = DeepReadonly<SiteModel>;

/** One or more whole sites down at once: `site:aa-a`, or `site:aa-a+site:aa-b`. */
export interface SiteScenario {
  name: string;
  sites: string[];
}

/** What a `gslb` service offered by a failed site becomes. */
export interface ServiceMove {
  service: string;
  fqdn: string;
  /** `moves`: another site serves it; `lost`: none does (or none answers its name). */
  outcome: 'moves' | 'lost';
  /** The sites that still offer it, sorted. */
  left: string[];
  /** Why it is lost, for people. */
  reason?: string;
  /**
   * When it moves: the DNS answer drops the failed site(s) after `detectMs` (ms) against `budget`.
   * Absent when the failed sites' VIP is the same address in a site left (`prefix`).
   */
  dns?: { dropMs: number; clientsFollowMs: number; budget: number };
  /**
   * When the failed sites' VIP is the same address in a site left (anycast, `anycast.prefix`):
   * the service prefix their edges stop announcing with the last VIP inside it. The DNS answer,
   * that address, does not change; the routes do.
   */
  prefix?: string;
  /**
   * When it moves and is announced by anycast: the failed site's L4 members stop announcing its
   * VIP after the slowest VM-silent time (`nodeDeadMs`, ms), against `anycast.budget`.
   */
  anycast?: { withdrawnMs: number; budget: number; members: string[] };
  /** The budgets a move misses (`dns`, `anycast`); empty when every time fits. */
  overBudget: ('dns' | 'anycast')[];
}

export interface SiteLossResult {
  scenario: SiteScenario;
  /** `breaks`: a service is lost; `degraded`: every service it offered moves; `survives`: it offered none. */
  verdict: Verdict;
  /** Each `gslb` service a failed site offered, sorted by name. */
  services: ServiceMove[];
  /** The failed sites' L4 services that no `gslb` service names (`site/tenant/vip`): lost with their site. */
  local: string[];
}

export interface SitesReport {
  /** `sites`: every site on its own; `scenario`: the sites a `--fail` list names, together. */
  mode: 'sites' | 'scenario';
  results: SiteLossResult[];
  /** The single sites whose loss loses a service (`site:aa-a`). */
  singlePointsOfFailure: string[];
  /** The `gslb` services one site alone offers (the `gslb-single-site` finding's). */
  singleSiteServices: SingleSiteService[];
  notes: string[];
}

export const SITE_PREFIX = 'site:';

/** Every site of the model on its own, in the model's order. */
export function singleSiteFailures(model: Fabric): SiteScenario[] {
  return model.sites.map((s) => ({ name: `${SITE_PREFIX}${s.name}`, sites: [s.name] }));
}

/** Whether a `--fail` list names whole sites (any `site:` name). */
export function namesSites(names: readonly string[]): boolean {
  return names.some((n) => n.trim().startsWith(SITE_PREFIX));
}

/**
 * The scenario a `--fail` list of `site:NAME`s names. A site name the model lacks is an error
 * listing the known ones; `site:` names cannot be mixed with names inside a site.
 */
export function parseSiteFailures(
  model: Fabric,
  names: readonly string[],
): { scenario: SiteScenario } | { error: string } {
  const known = model.sites.map((s) => s.name);
  const sites: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name)
      return { error: 'an empty name in --fail; list sites separated by commas: --fail site:aa-a,site:aa-b' };
    if (!name.startsWith(SITE_PREFIX))
      return {
        error: `--fail: '${name}' is inside a site and ${names.find((n) => n.trim().startsWith(SITE_PREFIX))!.trim()} is a whole site; name whole sites only (--fail site:${known[0]}), or devices, cables and racks of one site with --site`,
      };
    const site = name.slice(SITE_PREFIX.length);
    if (!known.includes(site)) {
      const hint = site ? didYouMean(site, known, SITE_PREFIX) : '';
      return { error: `--fail: no site '${site}' in the inventory (sites: ${known.join(', ')})${hint}` };
    }
    if (!sites.includes(site)) sites.push(site);
  }
  return { scenario: { name: sites.map((s) => `${SITE_PREFIX}${s}`).join('+'), sites } };
}

/** The `gslb` services one site alone offers, optionally only those of `site`. */
export function singleSiteServices(
  gslb: DeepReadonly<GslbModel> | undefined,
  site?: string,
): SingleSiteService[] {
  return (gslb?.services ?? [])
    .filter((s) => s.sites.length === 1 && (site === undefined || s.sites[0]!.site === site))
    .map((s) => ({ service: s.name, fqdn: s.fqdn, site: s.sites[0]!.site }));
}

/** The L4 services of a site (`tenant/vip`), read off its budgets (one `l4-real-server` per VIP). */
function l4Services(site: Site): string[] {
  return site.budgets.filter((b) => b.kind === 'l4-real-server').map((b) => b.subject);
}

/** The L4 services of `site` (`tenant/vip`) that no `gslb` service names: lost with their site. */
function notInGslb(gslb: DeepReadonly<GslbModel> | undefined, site: Site): string[] {
  const named = new Set(
    (gslb?.services ?? []).flatMap((s) =>
      s.sites.filter((m) => m.site === site.name).map((m) => `${m.tenant}/${m.vip}`),
    ),
  );
  return l4Services(site).filter((v) => !named.has(v));
}

/** A `gslb` service a site offers together with other sites. */
export interface SharedService {
  service: string;
  fqdn: string;
  /** The other sites that offer it, sorted. */
  with: string[];
}

/**
 * A site's services by whether another site offers them too (`fabric docs`): those offered by
 * this site only are lost with it, which is their single point of failure.
 */
export interface ServicesAcrossSites {
  site: string;
  /** Whether the inventory has a `gslb` section (without one no service spans sites). */
  gslb: boolean;
  /** The `gslb` services this site alone offers (`gslb-single-site`). */
  gslbSingleSite: SingleSiteService[];
  /** The site's L4 services (`tenant/vip`) that no `gslb` service names, sorted. */
  notInGslb: string[];
  /** The `gslb` services this site offers with other sites, sorted by name. */
  shared: SharedService[];
}

export function servicesAcrossSites(
  gslb: DeepReadonly<GslbModel> | undefined,
  site: Site,
): ServicesAcrossSites {
  const shared = (gslb?.services ?? []).flatMap((s) => {
    const offeredBy = s.sites.map((m) => m.site);
    const others = offeredBy.filter((x) => x !== site.name);
    return offeredBy.includes(site.name) && others.length
      ? [{ service: s.name, fqdn: s.fqdn, with: others }]
      : [];
  });
  return {
    site: site.name,
    gslb: gslb !== undefined,
    gslbSingleSite: singleSiteServices(gslb, site.name),
    notInGslb: notInGslb(gslb, site),
    shared,
  };
}

/** The failed sites' L4 members announcing `service`, with their slowest VM-silent withdrawal. */
function anycastOf(
  model: Fabric,
  failed: ReadonlySet<string>,
  service: DeepReadonly<GslbService>,
): ServiceMove['anycast'] {
  if (!service.anycast) return undefined;
  const members: string[] = [];
  let withdrawnMs = 0;
  for (const site of model.sites) {
    if (!failed.has(site.name)) continue;
    for (const d of site.devices) {
      if (!('anycast' in d)) continue;
      if (!d.anycast.announcements.some((a) => a.service === service.name && a.announced)) continue;
      members.push(`${site.name}/${d.name}`);
      withdrawnMs = Math.max(withdrawnMs, d.anycast.nodeDeadMs);
    }
  }
  return members.length ? { withdrawnMs, budget: service.anycast.budget, members } : undefined;
}

function moveOf(model: Fabric, failed: ReadonlySet<string>, s: DeepReadonly<GslbService>): ServiceMove {
  const base = { service: s.name, fqdn: s.fqdn };
  const offered = s.sites.map((m) => m.site);
  const left = offered.filter((site) => !failed.has(site));
  const zone = model.gslb!.zones.find((z) => z.name === s.zone);
  const servers = zone?.servers ?? [];
  const answering = servers.filter((x) => !failed.has(x.site));
  if (!left.length)
    return {
      ...base,
      outcome: 'lost',
      left,
      reason:
        offered.length === 1
          ? `offered by ${offered[0]} only (gslb-single-site)`
          : `every site that offers it failed (${offered.join(', ')})`,
      overBudget: [],
    };
  if (!answering.length)
    return {
      ...base,
      outcome: 'lost',
      left,
      reason: `no DNS server of ${s.zone} left (${servers.map((x) => `${x.device} in ${x.site}`).join(', ')})`,
      overBudget: [],
    };
  // one address in a failed site and a site left: the routes move, the answer cannot
  const lost = new Set(s.sites.filter((m) => failed.has(m.site) && m.address).map((m) => m.address));
  const prefix = s.anycast?.prefix && s.sites.some((m) => !failed.has(m.site) && lost.has(m.address));
  const dns = { dropMs: s.detectMs, clientsFollowMs: s.clientsFollowMs, budget: s.budget };
  const anycast = anycastOf(model, failed, s);
  const overBudget: ServiceMove['overBudget'] = [];
  if (!prefix && dns.dropMs > dns.budget) overBudget.push('dns');
  if (anycast && anycast.withdrawnMs > anycast.budget) overBudget.push('anycast');
  return {
    ...base,
    outcome: 'moves',
    left,
    ...(prefix ? { prefix: s.anycast!.prefix! } : { dns }),
    ...(anycast ? { anycast } : {}),
    overBudget,
  };
}

/** What losing the scenario's sites costs each service. */
export function analyseSiteLoss(model: Fabric, scenario: SiteScenario): SiteLossResult {
  const failed = new Set(scenario.sites);
  const services = (model.gslb?.services ?? [])
    .filter((s) => s.sites.some((m) => failed.has(m.site)))
    .map((s) => moveOf(model, failed, s));
  const local = model.sites
    .filter((s) => failed.has(s.name))
    .flatMap((s) => notInGslb(model.gslb, s).map((v) => `${s.name}/${v}`));
  const verdict: Verdict =
    local.length || services.some((m) => m.outcome === 'lost')
      ? 'breaks'
      : services.length
        ? 'degraded'
        : 'survives';
  return { scenario, verdict, services, local };
}

const NO_GSLB_NOTE =
  'the inventory has no gslb section: no service spans sites, so each site takes its services with it';
/** Where the report's times come from: the DNS answer's always, the L4 members' where a service uses anycast. */
function scopeNote(results: readonly SiteLossResult[]): string {
  const anycast = results.some((r) => r.services.some((m) => m.anycast));
  return `times are the model's (the DNS answer's detectMs${anycast ? ", the L4 members' VM-silent withdrawal" : ''}); the internet between the sites is not simulated`;
}

/** Every site on its own (`--sites`), or one scenario of sites together (`--fail site:…`). */
export function analyseSites(model: Fabric, scenario?: SiteScenario): SitesReport {
  const scenarios = scenario ? [scenario] : singleSiteFailures(model);
  const results = scenarios.map((s) => analyseSiteLoss(model, s));
  return {
    mode: scenario ? 'scenario' : 'sites',
    results,
    singlePointsOfFailure: results
      .filter((r) => r.scenario.sites.length === 1 && r.verdict === 'breaks')
      .map((r) => r.scenario.name),
    singleSiteServices: singleSiteServices(model.gslb),
    notes: [model.gslb ? scopeNote(results) : NO_GSLB_NOTE],
  };
}

/** Whether a site report finds nothing lost and every move within its budgets. */
export function sitesOk(report: SitesReport): boolean {
  return report.results.every((r) => r.verdict !== 'breaks' && r.services.every((m) => !m.overBudget.length));
}
