/**
 * Services that span sites (`gslb`, docs/active-active.md), compiled once into plain data: each
 * service's VIPs by site, its health check with every default set, its DNS-answer times against
 * its budget, and the gdnsd model of every DNS server of a zone. Runs after the sites' own compile,
 * on the merged inventories of all sites (also those not selected with --site: a DNS server of
 * idc-a answers idc-b's VIP too, so pushing idc-a alone must not drop it).
 *
 * A reference that does not resolve (site, tenant, VIP, server) is an input error (exit 2).
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { GslbInventory, SiteInventory } from '../inventory/merge.js';
import type {
  GdnsdAddress,
  GdnsdModel,
  GdnsdResource,
  GslbCheck,
  GslbModel,
  GslbServer,
  GslbService,
  GslbServiceSite,
} from '../model/gslb.js';
import { contains, parseAddress, parsePrefix } from '../net/ipv4.js';
import { formatAddress6, parseAddress6 } from '../net/ipv6.js';
import { ANYCAST_BUDGET_MS, ANYCAST_QUORUM } from './anycast.js';
import {
  checkAnycastQuorum,
  checkPortPerSite,
  checkServiceNames,
  plainPortsInCommon,
  type SiteVip,
} from './gslb-service-checks.js';

/** gdnsd's monitor defaults fabric documents (docs/active-active.md): whole seconds. */
export const GSLB_CHECK_DEFAULTS = { path: '/', interval: 2, timeout: 1, fall: 2, rise: 3 } as const;
/** Seconds. */
export const GSLB_SERVICE_TTL = 30;
/** Seconds. */
export const GSLB_ZONE_TTL = 300;
/** Milliseconds: how long the answer may keep a site that stopped serving. */
export const GSLB_BUDGET = 10000;
/** multifo's threshold: one site alone is still answered (docs/active-active.md). */
const UP_THRESH = '0.01';

export interface CompiledGslb {
  gslb: GslbModel;
  /** gdnsd of each DNS server, by `<site>/<device>`. */
  servers: Map<string, GdnsdModel>;
  diagnostics: Diagnostic[];
}

/** An IPv6 address in RFC 5952 form; none for one that does not parse (the site's facts say so, located). */
const v6 = (a: string): string[] => {
  const parsed = parseAddress6(a);
  return parsed === undefined ? [] : [formatAddress6(parsed)];
};
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const bySite = <T extends { site: string }>(a: T, b: T) => a.site.localeCompare(b.site);

interface Ctx {
  siteNamed: ReadonlyMap<string, SiteInventory>;
  known: string;
  at: (...path: (string | number)[]) => { file: string; path: (string | number)[] };
  diagnostics: Diagnostic[];
}

type ZoneFacts = { name: string; ttl: number; servers: GslbServer[] };

export function compileGslb(input: GslbInventory, sites: readonly SiteInventory[]): CompiledGslb {
  const diagnostics: Diagnostic[] = [];
  const ctx: Ctx = {
    siteNamed: new Map(sites.map((s) => [s.name, s])),
    known: sites.map((s) => s.name).join(', '),
    at: (...path) => ({ file: input.file, path: ['gslb', ...path] }),
    diagnostics,
  };
  const zones = compileZones(input, ctx);
  const services = compileServices(input, zones, ctx);
  const servers = serverModels(zones, services);
  return {
    gslb: { zones: zones.map(({ name, servers: s }) => ({ name, servers: s })), services },
    servers,
    diagnostics,
  };
}

/** The zones and their servers, VMs of the sites. */
function compileZones(input: GslbInventory, { siteNamed, known, at, diagnostics }: Ctx): ZoneFacts[] {
  // zones: their servers, VMs of the sites
  return Object.entries(input.gslb.zones)
    .map(([name, z]) => {
      const servers: GslbServer[] = [];
      for (const [siteName, device] of Object.entries(z.servers)) {
        const site = siteNamed.get(siteName);
        if (!site) {
          diagnostics.push(
            error('unknown-site', `no site '${siteName}' in the inventory (sites: ${known})`, {
              ...at('zones', name, 'servers', siteName),
              atKey: true,
            }),
          );
          continue;
        }
        const d = Object.hasOwn(site.devices, device) ? site.devices[device] : undefined;
        if (d?.role !== 'vm') {
          const vms = Object.entries(site.devices)
            .filter(([, x]) => x.role === 'vm')
            .map(([n]) => n)
            .sort();
          diagnostics.push(
            error(
              d ? 'gslb-server-not-vm' : 'unknown-device',
              `${d ? `device '${device}' is a ${d.role}, not` : `no device '${device}' in site ${siteName}; it must be`} a VM to run the zone's DNS server (VMs of ${siteName}: ${vms.join(', ') || 'none'})`,
              at('zones', name, 'servers', siteName),
            ),
          );
          continue;
        }
        const nics = Object.values(d.nics ?? {});
        servers.push({
          site: siteName,
          device,
          nsName: `ns-${siteName}.${name}`,
          addresses: nics.flatMap((n) => (n.address ? [n.address] : [])).sort(),
          addresses6: nics.flatMap((n) => (n.address6 ? v6(n.address6) : [])).sort(),
        });
      }
      return { name, ttl: z.ttl ?? GSLB_ZONE_TTL, servers: servers.sort(bySite) };
    })
    .sort(byName);
}

/** Each service: its sites' VIPs, the check with its defaults, the answer's times. */
function compileServices(
  input: GslbInventory,
  zones: readonly ZoneFacts[],
  { siteNamed, known, at, diagnostics }: Ctx,
): GslbService[] {
  // services: each site's VIP, the check with its defaults, the answer's times
  const services: GslbService[] = [];
  for (const [name, s] of Object.entries(input.gslb.services)) {
    if (!zones.some((z) => z.name === s.zone)) {
      diagnostics.push(
        error(
          'unknown-zone',
          `no zone '${s.zone}' in gslb.zones (zones: ${zones.map((z) => z.name).join(', ')})`,
          at('services', name, 'zone'),
        ),
      );
      continue;
    }
    const members: GslbServiceSite[] = [];
    const vips = new Map<string, SiteVip>();
    for (const [siteName, m] of Object.entries(s.sites)) {
      const site = siteNamed.get(siteName);
      if (!site) {
        diagnostics.push(
          error('unknown-site', `no site '${siteName}' in the inventory (sites: ${known})`, {
            ...at('services', name, 'sites', siteName),
            atKey: true,
          }),
        );
        continue;
      }
      const tenant = Object.hasOwn(site.tenants, m.tenant) ? site.tenants[m.tenant] : undefined;
      if (!tenant) {
        diagnostics.push(
          error(
            'unknown-tenant',
            `no tenant '${m.tenant}' in site ${siteName} (tenants: ${Object.keys(site.tenants).sort().join(', ') || 'none'})`,
            at('services', name, 'sites', siteName, 'tenant'),
          ),
        );
        continue;
      }
      const l4 = tenant.l4?.services ?? {};
      const vip = Object.hasOwn(l4, m.vip) ? l4[m.vip] : undefined;
      if (!vip) {
        diagnostics.push(
          error(
            'unknown-vip',
            `tenant ${m.tenant} of site ${siteName} has no L4 service '${m.vip}' (its VIPs: ${Object.keys(l4).sort().join(', ') || 'none'})`,
            at('services', name, 'sites', siteName, 'vip'),
          ),
        );
        continue;
      }
      const frontends = Object.values(tenant.l7?.frontends ?? {});
      vips.set(siteName, {
        ports: new Set(vip.ports),
        tls: new Set(frontends.flatMap((f) => (f.https ? [f.https] : []))),
        realServers: vip.real_servers.length,
      });
      members.push({
        site: siteName,
        tenant: m.tenant,
        vip: m.vip,
        ...(vip.address ? { address: vip.address } : {}),
        ...(vip.address6 && v6(vip.address6).length ? { address6: v6(vip.address6)[0]! } : {}),
      });
    }
    const prefix = s.anycast?.prefix;
    if (prefix) checkAnycastPrefix(name, prefix, members, siteNamed, at, diagnostics);
    const c = s.check ?? {};
    const common = plainPortsInCommon(vips);
    const check: GslbCheck = {
      kind: 'http',
      path: c.path ?? GSLB_CHECK_DEFAULTS.path,
      port: c.port ?? (common.includes(80) || common.length === 0 ? 80 : common[0]!),
      interval: c.interval ?? GSLB_CHECK_DEFAULTS.interval,
      timeout: c.timeout ?? GSLB_CHECK_DEFAULTS.timeout,
      fall: c.fall ?? GSLB_CHECK_DEFAULTS.fall,
      rise: c.rise ?? GSLB_CHECK_DEFAULTS.rise,
    };
    if (check.timeout >= check.interval)
      diagnostics.push(
        error(
          'bad-check-timers',
          `the check's timeout (${check.timeout} s) must be less than its interval (${check.interval} s): gdnsd refuses it; e.g. interval: ${check.timeout + 1}`,
          at('services', name, 'check', c.timeout !== undefined ? 'timeout' : 'interval'),
        ),
      );
    checkPortPerSite(name, check.port, vips, at, diagnostics);
    if (s.anycast) checkAnycastQuorum(name, s.anycast.quorum ?? ANYCAST_QUORUM, vips, at, diagnostics);
    const ttl = s.ttl ?? GSLB_SERVICE_TTL;
    const detectMs = (check.fall * check.interval + check.timeout) * 1000;
    services.push({
      name,
      zone: s.zone,
      fqdn: `${s.host ?? name}.${s.zone}`,
      ttl,
      check,
      sites: members.sort(bySite),
      detectMs,
      returnMs: check.rise * check.interval * 1000,
      clientsFollowMs: detectMs + ttl * 1000,
      budget: s.budget ?? GSLB_BUDGET,
      // anycast on the L4 side (src/compile/anycast.ts) only when the service asks for it
      ...(s.anycast
        ? {
            anycast: {
              quorum: s.anycast.quorum ?? ANYCAST_QUORUM,
              budget: s.anycast.budget ?? ANYCAST_BUDGET_MS,
              ...(s.anycast.prefix ? { prefix: s.anycast.prefix } : {}),
            },
          }
        : {}),
    });
  }
  const nameServers = new Map(zones.flatMap((z) => z.servers.map((v) => [v.nsName, v.site] as const)));
  checkServiceNames(services, nameServers, at, diagnostics);
  return services.sort(byName);
}

/**
 * The service prefix the edges announce (`anycast.prefix`): a network (no host bits), every
 * site's VIP inside it, and none of a site's own prefixes inside or around it: those would keep
 * the edges' aggregate alive with every VIP dead (or the VIPs inside a site's own announcement).
 */
function checkAnycastPrefix(
  service: string,
  text: string,
  members: readonly GslbServiceSite[],
  siteNamed: ReadonlyMap<string, SiteInventory>,
  at: Ctx['at'],
  diagnostics: Diagnostic[],
): void {
  const where = at('services', service, 'anycast', 'prefix');
  const parsed = parsePrefix(text);
  if (!parsed || parsed.hostBits) {
    diagnostics.push(
      error(
        'bad-prefix',
        `${text} is not a network prefix${parsed ? `: its host bits are set; did you mean ${parsed.prefix.text}?` : ''}`,
        where,
      ),
    );
    return;
  }
  const p = parsed.prefix;
  for (const m of members) {
    const a = m.address === undefined ? undefined : parseAddress(m.address);
    if (a === undefined || !contains(p, a))
      diagnostics.push(
        error(
          'anycast-vip-outside-prefix',
          `${m.address ? `VIP ${m.address}` : 'the VIP has no IPv4 address, which is'} (${m.tenant}/${m.vip} in site ${m.site}) ${m.address ? 'is ' : ''}outside the service prefix ${p.text} the edges announce: the internet would not reach it; give the L4 service an address inside ${p.text}`,
          { ...at('services', service, 'sites', m.site, 'vip'), site: m.site },
        ),
      );
  }
  for (const site of siteNamed.values())
    for (const [what, other] of ownPrefixes(site)) {
      const o = parsePrefix(other)?.prefix;
      if (o && (contains(p, o.network) || contains(o, p.network)))
        diagnostics.push(
          error(
            'anycast-prefix-overlap',
            `service prefix ${p.text} overlaps ${what} ${o.text} of site ${site.name}: the edges' aggregate must have the VIP host routes as its only contributors; take a prefix of its own`,
            where,
          ),
        );
    }
}

/**
 * A site's IPv4 prefixes, named: what it announces, its pools, its tenants' segments, its peering
 * links and what its simulated upstreams originate in the lab (a service prefix over those would
 * take the upstreams' own addresses).
 */
function ownPrefixes(site: SiteInventory): [string, string][] {
  const out: [string, string][] = site.prefixes.announce.map((p) => ['prefixes.announce', p]);
  // an IPv6 pool does not parse as IPv4 and is passed over where they are compared
  for (const [pool, p] of Object.entries(site.pools))
    if (typeof p === 'string') out.push([`pools.${pool}`, p]);
  for (const [tenant, t] of Object.entries(site.tenants))
    for (const [segment, seg] of Object.entries(t.segments ?? {}))
      if (seg.subnet) out.push([`segment ${tenant}/${segment}`, seg.subnet]);
  for (const [name, u] of Object.entries(site.upstreams)) {
    out.push([`the peering link of upstream ${name}`, u.address]);
    for (const p of u.lab?.originate ?? []) out.push([`the lab prefix of upstream ${name}`, p]);
  }
  return out;
}

/**
 * One answer per address: an anycast VIP is the same in several sites (one address, one monitor:
 * it checks whichever site the routing reaches), labelled with those sites, `aa-a_aa-b`.
 */
function byAddress(list: { label: string; address: string }[]): GdnsdAddress[] {
  const sites = new Map<string, string[]>();
  for (const x of list) sites.set(x.address, [...(sites.get(x.address) ?? []), x.label]);
  return [...sites].map(([address, labels]) => ({ label: labels.join('_'), address, sites: labels }));
}

/** A dead gdnsd restarted after 1 s: soon enough that the zone keeps both servers, slow enough not to spin. */
const GDNSD_RESTART_MS = 1000;

/** gdnsd of each server: the zones it serves and their services. */
function serverModels(
  zones: readonly ZoneFacts[],
  services: readonly GslbService[],
): Map<string, GdnsdModel> {
  // gdnsd of each server: the zones it serves and their services
  const servers = new Map<string, GdnsdModel>();
  for (const zone of zones)
    for (const server of zone.servers) {
      const key = `${server.site}/${server.device}`;
      const own = services.filter((s) => s.zone === zone.name);
      const model: GdnsdModel = servers.get(key) ?? {
        listen: [...server.addresses, ...server.addresses6],
        serviceTypes: [],
        resources: [],
        zones: [],
        restartMs: GDNSD_RESTART_MS,
      };
      for (const s of own) {
        if (model.resources.some((r) => r.name === s.name)) continue;
        model.serviceTypes.push({
          name: `${s.name}_http`,
          port: s.check.port,
          urlPath: s.check.path,
          interval: s.check.interval,
          timeout: s.check.timeout,
          downThresh: s.check.fall,
          upThresh: s.check.rise,
          okThresh: s.check.rise,
        });
        const resource: GdnsdResource = {
          name: s.name,
          serviceType: `${s.name}_http`,
          upThresh: UP_THRESH,
          v4: byAddress(s.sites.flatMap((m) => (m.address ? [{ label: m.site, address: m.address }] : []))),
          v6: byAddress(s.sites.flatMap((m) => (m.address6 ? [{ label: m.site, address: m.address6 }] : []))),
        };
        model.resources.push(resource);
      }
      model.zones.push({
        name: zone.name,
        file: `zones/${zone.name}`,
        ttl: zone.ttl,
        serial: 1,
        primary: zone.servers[0]!.nsName.slice(0, -zone.name.length - 1),
        nameServers: zone.servers.map((x) => ({
          name: x.nsName.slice(0, -zone.name.length - 1),
          addresses: x.addresses,
          addresses6: x.addresses6,
        })),
        records: own
          .map((s) => ({ host: s.fqdn.slice(0, -zone.name.length - 1), ttl: s.ttl, resource: s.name }))
          .sort((a, b) => a.host.localeCompare(b.host)),
      });
      model.serviceTypes.sort(byName);
      model.resources.sort(byName);
      model.zones.sort(byName);
      servers.set(key, model);
    }
  return servers;
}
