/**
 * What a check kind is, in one place (anchor: AVD's `_anta/index.py`, `TestSpec`): how it is
 * derived from the model, what it reads, which devices it involves, where drift files its
 * finding, which tools run it, how a report words it and how it evaluates an observation.
 * One module per kind in this folder implements it; `index.ts` lists them.
 */
import type { DriftDaemon, Severity } from '../../drift/types.js';
import type { DeepReadonly } from '../../model/freeze.js';
import type { Device, SiteModel } from '../../model/types.js';
import { type ObservationRound, parseJson } from '../../observe/runner.js';
import type { Down } from '../down.js';
import type { Range, RoutingExpectation } from '../routing.js';
import type { SharedInternet } from '../shared-internet.js';

/** What every expectation has: the kind's module adds what its evaluation needs. */
export interface ExpectationBase {
  kind: string;
  /** Stable id, e.g. `bgp-session:leaf1a:eth1`. */
  id: string;
  /** What is expected, in words: `leaf1a eth1 ↔ spine1: Established, AS65100`. */
  title: string;
  /** Device the check runs on. */
  device: string;
  /**
   * The address family a kind checks, which is a parameter of the kind, not a kind of its own
   * (issue 14): `ipv6` on an IPv6 expectation, absent on an IPv4 one, so an IPv4-only site's
   * expectations are what they always were (src/verify/checks/family.ts).
   */
  family?: 'ipv6';
}

export interface CheckResult {
  ok: boolean;
  /** What was observed: "Established, 12 prefixes" or "Active: no session". */
  detail: string;
  /**
   * Which way a check failed, where the kind alone does not say how bad it is (drift's
   * severities): `prefix-count`, `no-route`, `wrong-master`, `all-down`.
   */
  code?: string;
}

/** A command a check reads through `round.read` (cached per round, so drift can prefetch it). */
export interface Read {
  device: string;
  command: string;
}

type Dev = DeepReadonly<Device>;

/** What derivation knows: the model, the fabric that is left, and the routing it converges to. */
export interface DeriveContext {
  site: DeepReadonly<SiteModel>;
  byName: ReadonlyMap<string, Dev>;
  /** Each device's position in the site's (sorted) device list. */
  position: ReadonlyMap<string, number>;
  down: Down;
  /** Whether anything is down. */
  degraded: boolean;
  /** Whether a device is down (failed, or a VM of a failed hypervisor). */
  isDown(name: string): boolean;
  /** The simulated routing of the fabric that is left. */
  routing: RoutingExpectation;
  /** The simulated routing of the intact fabric (the same object when nothing is down). */
  intact: RoutingExpectation;
  /** In a lab of several sites: what the merged upstreams run and carry (src/verify/shared-internet.ts). */
  sharedInternet?: SharedInternet;
  /** In a lab: the sites it runs (the others' VIPs are out of its reach). Absent: every site. */
  labSites?: ReadonlySet<string>;
}

export interface CheckSpec<E extends ExpectationBase> {
  kind: E['kind'];
  /** The verify report's one line about the kind. */
  describes: string;
  /**
   * Which tools run it. Verify runs it in the lab; gates on the devices fabric configures, over
   * SSH, between push waves; drift on the watched devices. Active probes (pings, HTTP from VMs
   * or upstreams) are verify's only.
   */
  runs: { verify: boolean; gates: boolean; drift: boolean };
  /**
   * Where its expectations are listed: by stage, then in the order `derive` returns them. Kinds
   * of one stage are interleaved by `sortKey` (BGP: per device, its identity, then each session
   * followed by its BFD).
   */
  stage: number;
  sortKey?(e: E, ctx: DeriveContext): number[];
  /** Its expectations for the (possibly degraded) fabric. */
  derive(ctx: DeriveContext): E[];
  /** Checks one expectation against what the devices show. */
  evaluate(e: E, round: ObservationRound): Promise<CheckResult>;
  /** The commands `evaluate` reads through `round.read` (not `fresh`): drift prefetches them. */
  reads(e: E): Read[];
  /** The devices it is about: where it runs and the peers it names (their hypervisors join them). */
  about(e: E): string[];
  /** Whether it depends on every router (a route to anywhere can pass through any of them). */
  siteWide: boolean;
  /** Where drift files a failure: the daemon and the section named the way the config does. */
  filed(e: E): { daemon: DriftDaemon; section: string };
  /** How bad a failure is for drift (docs/drift.md, "Severities"), by the result's `code`. */
  severity(code: string | undefined): Severity;
  /** What a gate demands of a newly due check while not every router has settled. */
  whileSettling?(e: E): E;
}

/** The kinds, in the order reports list them. */
export type CheckIndex<E extends ExpectationBase = ExpectationBase> = readonly CheckSpec<E>[];

// --- helpers the kinds share ---------------------------------------------------------------

export const pass = (detail: string): CheckResult => ({ ok: true, detail });
export const fail = (detail: string, code?: string): CheckResult => ({
  ok: false,
  detail,
  ...(code ? { code } : {}),
});

export function inRange(n: number, r: Range): boolean {
  return n >= r.certain && n <= r.possible;
}

/** `3` or `2 to 4`: a range in a result. */
export function rangeText(r: Range): string {
  return r.certain === r.possible ? `${r.certain}` : `${r.certain} to ${r.possible}`;
}

/** `3` or `2-4`: a range in a title. */
export function rangeTitle(r: Range): string {
  return r.certain === r.possible ? `${r.certain}` : `${r.certain}-${r.possible}`;
}

/** Parsed once per observation: a round hands every check of a device the same result object. */
const parsed = new WeakMap<object, unknown>();

/** Reads a command's JSON output through the round, parsed once for every check that reads it. */
export async function readJson<T>(round: ObservationRound, device: string, command: string, what: string) {
  const r = await round.read(device, command);
  let value = parsed.get(r) as ReturnType<typeof parseJson<T>> | undefined;
  if (!value) {
    value = parseJson<T>(r, what);
    parsed.set(r, value);
  }
  return value;
}
