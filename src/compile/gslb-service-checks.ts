/**
 * What gdnsd would refuse or never answer right, found in compile where it is written: a check
 * port that some site's VIP does not serve in plain HTTP (that site always down), two services
 * or a service and a name server on one name (`gdnsd checkconf` refuses the zone), an anycast
 * quorum no site's real servers can reach (the VIP never announced).
 */
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { GslbService } from '../model/gslb.js';

/** What a site's VIP of a service serves: its ports, those HAProxy answers in TLS, its real servers. */
export interface SiteVip {
  ports: ReadonlySet<number>;
  tls: ReadonlySet<number>;
  realServers: number;
}

type At = (...path: (string | number)[]) => { file: string; path: (string | number)[] };

/** The ports every site's VIP serves in plain HTTP, ascending. */
export function plainPortsInCommon(sites: ReadonlyMap<string, SiteVip>): number[] {
  const all = [...sites.values()];
  if (!all.length) return [];
  return [...all[0]!.ports]
    .filter((p) => all.every((s) => s.ports.has(p) && !s.tls.has(p)))
    .sort((a, b) => a - b);
}

/**
 * The check's port in each site: one the site's VIP serves, in plain HTTP (gdnsd's http_status
 * speaks no TLS). Checked per site: a port of another site's VIP would find this one always down,
 * and gdnsd's "all down: answer all" fallback would hide it.
 */
export function checkPortPerSite(
  service: string,
  port: number,
  sites: ReadonlyMap<string, SiteVip>,
  at: At,
  diagnostics: Diagnostic[],
): void {
  const common = plainPortsInCommon(sites);
  const fix = common.length
    ? `e.g. check: { port: ${common[0]} }`
    : 'give every site’s VIP a plain HTTP port in common';
  for (const [site, s] of sites) {
    const list = [...s.ports].sort((a, b) => a - b).join(', ');
    if (!s.ports.has(port))
      diagnostics.push(
        error(
          'bad-check-port',
          `port ${port} is not a port of site ${site}'s VIP (${list}): the DNS servers would find ${site} down whatever its health; ${fix}`,
          at('services', service, 'check', 'port'),
        ),
      );
    else if (s.tls.has(port))
      diagnostics.push(
        error(
          'bad-check-port',
          `port ${port} of site ${site}'s VIP is an HTTPS (TLS) port of its HAProxy pair: gdnsd's check speaks plain HTTP, so ${site} would always be down; ${fix}`,
          at('services', service, 'check', 'port'),
        ),
      );
  }
}

/** A service with `anycast.quorum` above a site's real servers is never announced from it. */
export function checkAnycastQuorum(
  service: string,
  quorum: number,
  sites: ReadonlyMap<string, SiteVip>,
  at: At,
  diagnostics: Diagnostic[],
): void {
  for (const [site, s] of sites)
    if (s.realServers < quorum)
      diagnostics.push(
        error(
          'anycast-quorum-unreachable',
          `quorum ${quorum} is more than the ${s.realServers} real server(s) of site ${site}'s VIP: ${site} would never announce it; give quorum: ${s.realServers} at most, or more real servers`,
          at('services', service, 'anycast', 'quorum'),
        ),
      );
}

/**
 * One name, one answer: two services on the same name, or a service on a name server's name
 * (`ns-<site>.<zone>`), make `gdnsd checkconf` refuse the zone ("DYNA defined twice", "DYNA
 * cannot co-exist … with A").
 */
export function checkServiceNames(
  services: readonly GslbService[],
  nameServers: ReadonlyMap<string, string>,
  at: At,
  diagnostics: Diagnostic[],
): void {
  const owner = new Map<string, string>();
  for (const s of services) {
    const other = owner.get(s.fqdn);
    const server = nameServers.get(s.fqdn);
    if (other || server)
      diagnostics.push(
        error(
          'gslb-name-taken',
          `${s.fqdn} is already ${other ? `service ${other}'s name` : `the zone's name server of site ${server}`}: gdnsd answers one thing per name and refuses the zone; give service ${s.name} another host`,
          at('services', s.name, 'host'),
        ),
      );
    else owner.set(s.fqdn, s.name);
  }
}
