/**
 * Health gates between waves, from the same model-derived checks `fabric verify` runs, over SSH
 * and only on devices fabric manages. Before the push a baseline round records what passes; after
 * each wave every check that passed before must pass again (a push never makes things worse),
 * and every check whose devices have all been pushed must pass (so the last gate of a first push
 * to an empty site is a full verify).
 */

import { configuredDevices } from '../model/devices.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import type { CommandRunner } from '../observe/runner.js';
import { type DeriveOptions, deriveChecks, type Expectation, specOf } from '../verify/checks/index.js';
import type { CheckIndex, ExpectationBase } from '../verify/checks/spec.js';
import { runChecks, type VerifyResult } from '../verify/run.js';
import { CombinedFrrReads, ipv6Devices } from './gate-reads.js';

/**
 * The checks a gate can run: the kinds the index marks for gates (no pings or HTTP from VMs), on
 * the devices fabric configures; for the fabric left when `opts.down` has failed (a gate during
 * the maintenance of one spine).
 */
export function gateChecks<E extends ExpectationBase = Expectation>(
  site: DeepReadonly<SiteModel>,
  opts: Omit<DeriveOptions<E>, 'tool'> = {},
): E[] {
  const runnable = new Set(configuredDevices(site).map((d) => d.name));
  return deriveChecks(site, { ...opts, tool: 'gates' }).filter((e) => runnable.has(e.device));
}

/** What `involved` needs of the site, worked out once per gate rather than once per check. */
interface SiteIndex {
  routers: string[];
  hostOf: Map<string, string>;
}

function indexSite(site: DeepReadonly<SiteModel>): SiteIndex {
  return {
    routers: configuredDevices(site).map((d) => d.name),
    hostOf: new Map(site.devices.filter((d) => d.hostedOn).map((d) => [d.name, d.hostedOn!])),
  };
}

/** The hypervisors of the VMs among `devices` join them: a VM fails with its hypervisor. */
function withHosts(devices: readonly string[], site: SiteIndex): string[] {
  const hosts = devices.map((name) => site.hostOf.get(name)).filter((h): h is string => !!h);
  return [...new Set([...devices, ...hosts])];
}

/**
 * The devices a check is about (its kind's `about`: where it runs and the peers it names, a
 * session's two ends, a VRRP group's members, a backend's servers, a tunnel's remotes), with
 * their hypervisors.
 */
function ownDevices<E extends ExpectationBase>(e: E, site: SiteIndex, index?: CheckIndex<E>): string[] {
  return withHosts(specOf(e, index)?.about(e) ?? [e.device], site);
}

/**
 * The devices whose configuration a check depends on: its own devices, and for a site-wide check
 * (ECMP, reachability of every loopback, a VIP answering) every router (a route to anywhere can
 * pass through any of them).
 */
function involved<E extends ExpectationBase>(e: E, site: SiteIndex, index?: CheckIndex<E>): string[] {
  return specOf(e, index)?.siteWide ? withHosts(site.routers, site) : ownDevices(e, site, index);
}

/** A failed gate check, and which devices of the wave it is laid to (none: not the wave's doing). */
export interface Attribution {
  id: string;
  /** The check passed in the baseline, before the push: the push made it worse. */
  passedBefore: boolean;
  /** The wave's devices the failure is laid to; empty when it involves none of them. */
  blamed: string[];
}

/**
 * Who a failed check is laid to. A check that passed before the push and fails now broke during
 * this wave (the previous gate saw it pass): it is laid to the wave's devices it depends on. A
 * check that never passed is laid only to the wave's devices it is about (a session's ends, a
 * group's members, the device a site-wide check runs on), so a site-wide check that never passed
 * does not revert a hypervisor that has nothing to do with it. The wave is reverted when some
 * failure is laid to it; the others stop the rollout without reverting anyone.
 */
export function attributeFailures<E extends ExpectationBase = Expectation>(
  failed: readonly E[],
  wave: readonly string[],
  passedBefore: ReadonlySet<string>,
  site: DeepReadonly<SiteModel>,
  index?: CheckIndex<E>,
): Attribution[] {
  const devicesOf = indexSite(site);
  const inWave = new Set(wave);
  return failed.map((e) => {
    const before = passedBefore.has(e.id);
    const devices = before ? involved(e, devicesOf, index) : ownDevices(e, devicesOf, index);
    return { id: e.id, passedBefore: before, blamed: devices.filter((d) => inWave.has(d)).sort() };
  });
}

/** One round of every check before anything changes: what passes, and what fails (named in the report). */
export async function baseline<E extends ExpectationBase = Expectation>(
  checks: readonly E[],
  runner: CommandRunner,
  concurrency: number,
  index?: CheckIndex<E>,
): Promise<{ passed: Set<string>; failing: VerifyResult<E>[] }> {
  const six = ipv6Devices(checks);
  const results = await runChecks(
    checks,
    runner,
    { deadlineMs: 0, intervalMs: 0, concurrency, perRound: (r) => new CombinedFrrReads(r, six) },
    index,
  );
  return {
    passed: new Set(results.filter((r) => r.ok).map((r) => r.expectation.id)),
    failing: results.filter((r) => !r.ok),
  };
}

/**
 * The checks due after a wave: those that passed before (as strict as before), and those whose
 * devices have all settled and that involve a device this push changes (a check that failed
 * before the push and involves none of them is not the push's business: it is named in the
 * baseline). Until every router has settled, a newly due check demands what its kind's
 * `whileSettling` says (a session's prefix count depends on every router, not only on its two
 * ends: Established with the right AS will do); the last wave demands everything.
 */
export function dueChecks<E extends ExpectationBase = Expectation>(
  checks: readonly E[],
  site: DeepReadonly<SiteModel>,
  passedBefore: ReadonlySet<string>,
  settled: ReadonlySet<string>,
  changing: ReadonlySet<string>,
  index?: CheckIndex<E>,
): E[] {
  const everything = site.devices.every((d) => settled.has(d.name));
  const devicesOf = indexSite(site);
  return checks
    .filter((e) => {
      if (passedBefore.has(e.id)) return true;
      const devices = involved(e, devicesOf, index);
      return devices.every((d) => settled.has(d)) && devices.some((d) => changing.has(d));
    })
    .map((e) => {
      const settling = specOf(e, index)?.whileSettling;
      return settling && !everything && !passedBefore.has(e.id) ? settling(e) : e;
    });
}

/**
 * Between two rounds of a gate, ms. A round re-reads only the devices of the checks still
 * failing, and a fabric on data-centre timers converges in well under a second: polling every
 * second made each gate wait up to a second past the moment it was green.
 */
export const GATE_POLL_MS = 200;

export interface GateRun<E extends ExpectationBase = Expectation> {
  ok: boolean;
  results: VerifyResult<E>[];
  seconds: number;
  /** Rounds of reads the gate took (1: everything passed at the first look). */
  rounds: number;
  /** The check that passed last when that took more than one round, and when (seconds into the gate): what the gate waited for. */
  slowest?: { id: string; seconds: number };
}

export async function runGate<E extends ExpectationBase = Expectation>(
  checks: readonly E[],
  runner: CommandRunner,
  deadlineMs: number,
  concurrency: number,
  index?: CheckIndex<E>,
): Promise<GateRun<E>> {
  const started = Date.now();
  const six = ipv6Devices(checks);
  const results = await runChecks(
    checks,
    runner,
    { deadlineMs, intervalMs: GATE_POLL_MS, concurrency, perRound: (r) => new CombinedFrrReads(r, six) },
    index,
  );
  const rounds = Math.max(0, ...results.map((r) => r.attempts));
  const last = results.filter((r) => r.ok && r.attempts > 1).sort((a, b) => b.attempts - a.attempts)[0];
  return {
    ok: results.every((r) => r.ok),
    results,
    seconds: (Date.now() - started) / 1000,
    rounds,
    ...(last ? { slowest: { id: last.expectation.id, seconds: last.seconds } } : {}),
  };
}
