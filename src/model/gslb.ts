/**
 * Services that span sites and the GSLB DNS that answers them (docs/active-active.md): the
 * fabric-wide part (`FabricModel.gslb`) and the part a DNS server prints (`GdnsdModel`, gdnsd's
 * `config` and zone files, templates/gdnsd/). Everything here is decided in src/compile/gslb.ts.
 */

/** The services that span sites, with the zones that answer them. */
export interface GslbModel {
  /** Zones, sorted by name. */
  zones: GslbZone[];
  /** Services, sorted by name. */
  services: GslbService[];
}

export interface GslbZone {
  /** The zone, without the final dot, e.g. `shop.example`. */
  name: string;
  /** The zone's DNS servers, one per site, sorted by site. */
  servers: GslbServer[];
}

/** A DNS server of a zone: a VM of a site running gdnsd. */
export interface GslbServer {
  site: string;
  device: string;
  /** Its name server name in the zone: `ns-<site>.<zone>`. */
  nsName: string;
  /** Its IPv4 addresses (its NICs'), sorted: the zone's glue and where it listens. */
  addresses: string[];
  /** Its IPv6 addresses (RFC 5952), sorted. */
  addresses6: string[];
}

/** A service offered by several sites. */
export interface GslbService {
  name: string;
  zone: string;
  /** The name that answers it: `<host>.<zone>`. */
  fqdn: string;
  /** Seconds: the TTL of its answers (gdnsd halves it while a site is down). @default 30 */
  ttl: number;
  /** How each site's VIP is checked by every DNS server of the zone. */
  check: GslbCheck;
  /** Where each site serves it, sorted by site. */
  sites: GslbServiceSite[];
  /**
   * Milliseconds: the worst time the answer keeps a site that stopped serving,
   * `fall` × `interval` + `timeout` (the last failing check may wait its whole timeout).
   */
  detectMs: number;
  /**
   * Milliseconds: about the time before a repaired site is answered again, `rise` × `interval`
   * (give or take one interval: the phase of the checks; measured 5.6-7.0 s for 6 s).
   */
  returnMs: number;
  /** Milliseconds: what a client that cached the last answer may wait, `detectMs` + `ttl`. */
  clientsFollowMs: number;
  /** Milliseconds: the budget for `detectMs` (`gslb.services.<s>.budget`). @default 10000 */
  budget: number;
  /**
   * Anycast on the L4 side (`gslb.services.<s>.anycast`, src/compile/anycast.ts): the healthy real
   * servers each virtual server of the VIP needs (@default 1) and the ms an L4 member may take to
   * stop announcing it (@default 3000). Absent: the L4 pairs announce nothing. `prefix`: the
   * site-independent service prefix the edges announce while a VIP inside it is alive in their
   * site (docs/active-active.md, "Anycast: the edges"); absent, the VIP stops at the vRouters.
   */
  anycast?: { quorum: number; budget: number; prefix?: string };
}

export interface GslbCheck {
  kind: 'http';
  /** URL path fetched from each VIP. @default / */
  path: string;
  /** TCP port. @default 80 when the VIP has it, else its first port */
  port: number;
  /** Seconds between checks (gdnsd counts whole seconds). @default 2 */
  interval: number;
  /** Seconds a check may take, less than `interval`. @default 1 */
  timeout: number;
  /** Failed checks that take a VIP out of the answer (gdnsd `down_thresh`). @default 2 */
  fall: number;
  /** Checks in a row before a VIP is answered again (gdnsd `up_thresh`). @default 3 */
  rise: number;
}

export interface GslbServiceSite {
  site: string;
  tenant: string;
  /** The tenant's L4 service whose VIP serves it. */
  vip: string;
  /** Its IPv4 VIP, when it has one. */
  address?: string;
  /** Its IPv6 VIP (RFC 5952), when it has one. */
  address6?: string;
}

/** gdnsd on a DNS server: what its `config` and zone files print. */
export interface GdnsdModel {
  /** Addresses it listens on, UDP and TCP port 53: its NICs', IPv4 then IPv6. */
  listen: string[];
  /** One monitor per service (`<service>_http`): gdnsd's http_status plugin. */
  serviceTypes: GdnsdServiceType[];
  /** One multifo resource per service, sorted by name. */
  resources: GdnsdResource[];
  /** The zones it serves, sorted by name. */
  zones: GdnsdZone[];
  /**
   * ms after which systemd starts a gdnsd that died again (fabric's drop-in, `Restart=always`):
   * Debian's gdnsd.service does not, and the zone's other server would answer alone until someone
   * did.
   */
  restartMs: number;
}

export interface GdnsdServiceType {
  name: string;
  port: number;
  urlPath: string;
  /** Seconds. */
  interval: number;
  /** Seconds. */
  timeout: number;
  /** gdnsd `down_thresh`: the check's `fall`. */
  downThresh: number;
  /** gdnsd `up_thresh`: the check's `rise`. */
  upThresh: number;
  /** gdnsd `ok_thresh` (successes in a row that forgive earlier failures): `rise`. */
  okThresh: number;
}

/**
 * A multifo resource: every non-DOWN address is answered. `upThresh` 0.01 lets one site alone
 * be answered; with every site down the threshold fails and gdnsd answers them all (its
 * documented fallback: an answer that may work beats none).
 */
export interface GdnsdResource {
  name: string;
  serviceType: string;
  upThresh: string;
  /**
   * Labelled by site, sorted. Empty when no site has the family. An address several sites share
   * (a service on one address, `anycast.prefix`) is one entry, labelled with its sites joined by
   * `_`; `sites` lists them.
   */
  v4: GdnsdAddress[];
  v6: GdnsdAddress[];
}

export interface GdnsdAddress {
  label: string;
  address: string;
  /** The sites whose VIP the address is. */
  sites: string[];
}

export interface GdnsdZone {
  name: string;
  /** Path in the device's output folder and under /etc/gdnsd: `zones/<name>`. */
  file: string;
  /** Seconds: the TTL of its static records and of negative answers. @default 300 */
  ttl: number;
  /** SOA serial: 1. Every server of the zone gets it from fabric, none transfers it. */
  serial: number;
  /** SOA MNAME: the first server's name (relative to the zone). */
  primary: string;
  /** Name servers, with their glue. */
  nameServers: { name: string; addresses: string[]; addresses6: string[] }[];
  /** The services' records, sorted by host. */
  records: { host: string; ttl: number; resource: string }[];
}

/**
 * Health-following route injection on one L4 member (docs/active-active.md, "Anycast"):
 * everything decided in src/compile/anycast.ts; keepalived and FRR print their parts.
 */
export interface AnycastModel {
  /** The VIPs it announces as host routes, one per service and family, sorted by prefix. */
  announcements: AnycastAnnouncement[];
  /** The tenant's vRouters it peers with on the VIPs' segment (eBGP, IPv4), sorted by device. */
  peers: { device: string; address: string; remoteAs: number }[];
  /**
   * Milliseconds: the worst time from the last healthy real server failing to the vRouters
   * withdrawing the VIP: keepalived's detection of each real server (`l4CheckDetectionMs`), then
   * the routing reaction (`timers.routingReactionMs`).
   */
  quorumLostMs: number;
  /**
   * Milliseconds: the worst time from keepalived dying to the withdrawal: systemd runs
   * `stopPost` at once; the address goes, zebra and bgpd react (`timers.routingReactionMs`).
   */
  keepalivedDeadMs: number;
  /** Milliseconds: the VM dead or FRR silent: the vRouters' BFD (`fabric` profile) + reaction. */
  nodeDeadMs: number;
  /** Milliseconds: the budget each of the above must fit (`ANYCAST_BUDGET_MS`). @default 3000 */
  budget: number;
}

export interface AnycastAnnouncement {
  service: string;
  family: 'ipv4' | 'ipv6';
  /** `203.0.113.10/32`: the VIP as keepalived adds it (a host route, not the segment's prefix). */
  prefix: string;
  /** The VRRP instance that holds it; it faults while a virtual server of the VIP lacks quorum. */
  vrrpInstance: string;
  /** Healthy real servers (sum of weights) each of the VIP's virtual servers needs. @default 1 */
  quorum: number;
  /**
   * Whether FRR announces it: IPv4 yes; IPv6 not yet (the sessions are IPv4; docs: what is left),
   * but keepalived already holds it as a /128 under the same quorum.
   */
  announced: boolean;
}
