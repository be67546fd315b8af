/** What `fabric whatif` works with: a failure scenario and what the fabric left does with it. */

export type ScenarioKind = 'device' | 'host' | 'cable' | 'rack' | 'transit' | 'combined';

export interface Scenario {
  /** `spine1`, `leaf1a:eth1—spine1:eth11`, `rack r1`, or the names of a `--fail` list joined by `+`. */
  name: string;
  kind: ScenarioKind;
  /** Failed devices (a VM fails with its hypervisor, by the model's `failureDomain`). */
  devices: string[];
  /** Failed cables, each named by one end as `device:interface`. */
  links: string[];
}

export type Verdict = 'survives' | 'degraded' | 'breaks';

/** One consequence of a scenario, in words, with how bad it is. */
export interface Impact {
  severity: 'degraded' | 'breaks';
  /** The service family: `vip`, `gateway`, `overlay`, `loopback`, `announce` (IPv6), `ecmp`, `vrrp`, the proxy's (`FILED_UNDER.proxy`), the data tier's (the daemon that decides a data service's roles, `DataPlan.daemon`), `dns` (a GSLB zone's servers), `capacity`. */
  service: string;
  detail: string;
  /**
   * The finding of validate that already names this impact's cause for every failure that
   * causes it (a zone with one DNS server: `gslb-single-server`); validate's single points of
   * failure leave it out, so one problem is one message.
   */
  reportedAs?: string;
}

export interface ScenarioResult {
  scenario: Scenario;
  verdict: Verdict;
  impacts: Impact[];
}

export interface WhatifReport {
  site: string;
  /** `n-1` for every single failure, `scenario` for a `--fail` list. */
  mode: 'n-1' | 'scenario';
  results: ScenarioResult[];
  /** The scenarios of single failures that break a service: the single points of failure. */
  singlePointsOfFailure: string[];
  /**
   * The `gslb` services this site alone offers (`gslb-single-site`): the site itself is their
   * single point of failure. Set by `fabric whatif` on an N-1 report of an inventory with `gslb`.
   */
  singleSiteServices?: SingleSiteService[];
  /**
   * The services broken with nothing failed (intact.ts): the intact fabric's own breaks, said
   * once, which no failure is blamed for. Absent when there is none.
   */
  brokenIntact?: IntactBreak[];
  /** What the model cannot say (no capacity data), once per report. */
  notes: string[];
}

/** A `gslb` service offered by one site only: that site is its single point of failure (`gslb-single-site`). */
export interface SingleSiteService {
  service: string;
  fqdn: string;
  site: string;
}

/** One service broken in the intact fabric, and what it is about (where validate files it). */
export interface IntactBreak {
  /** As `Impact.service`: `vip`, `announce`, `gateway`, `overlay`, `loopback`, `load-balancer`. */
  service: string;
  detail: string;
  /** The public address (a VIP's) or the announced prefix it is about, when it is one. */
  address?: string;
  prefix?: string;
  /** The device it is about otherwise (a gateway's master, a hypervisor of the overlay, a switch). */
  device?: string;
  /** Why, when the model says it: the address is inside no prefix the site announces. */
  notAnnounced?: boolean;
}
