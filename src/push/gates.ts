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
import type { Expectation } from '../verify/expectations.js';
import { deriveExpectations } from '../verify/expectations.js';
import { runChecks, type VerifyResult } from '../verify/run.js';

/** The checks a gate can run: on the devices fabric configures; no pings or HTTP from VMs. */
export function gateChecks(site: DeepReadonly<SiteModel>): Expectation[] {
  const runnable = new Set(configuredDevices(site).map((d) => d.name));
  return deriveExpectations(site).filter(
    (e) => runnable.has(e.device) && e.kind !== 'overlay-ping' && e.kind !== 'http-path',
  );
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

/**
 * The devices whose configuration a check depends on. A VM depends on its hypervisor (its NICs
 * are OVS ports there); routing-wide checks depend on every router.
 */
function involved(e: Expectation, site: SiteIndex): string[] {
  const direct = ((): string[] => {
    switch (e.kind) {
      case 'bgp-identity':
        return [e.device];
      case 'haproxy-backends':
        return [e.device, ...e.servers];
      case 'bgp-session':
      case 'bfd-peer':
        return [e.device, e.peerDevice];
      case 'vrrp-master':
        return e.members.map((m) => m.device);
      case 'vxlan-tunnels':
        return [e.device, ...e.remotes.map((r) => r.device)];
      case 'ecmp':
      case 'loopbacks-reachable':
      case 'vip-answers':
      case 'overlay-ping':
      case 'http-path':
        return site.routers;
    }
  })();
  const hosts = direct.map((name) => site.hostOf.get(name)).filter((h): h is string => !!h);
  return [...new Set([...direct, ...hosts])];
}

export async function baseline(
  checks: readonly Expectation[],
  runner: CommandRunner,
  concurrency: number,
): Promise<Set<string>> {
  const results = await runChecks(checks, runner, { deadlineMs: 0, intervalMs: 0, concurrency });
  return new Set(results.filter((r) => r.ok).map((r) => r.expectation.id));
}

/**
 * The checks due after a wave: those that passed before (as strict as before), and those whose
 * devices have all settled. A session's prefix count depends on every router, not only on its two
 * ends, so until every router has settled a newly due session check only demands Established
 * with the right AS; the last wave demands the counts too.
 */
export function dueChecks(
  checks: readonly Expectation[],
  site: DeepReadonly<SiteModel>,
  passedBefore: Set<string>,
  settled: Set<string>,
): Expectation[] {
  const everything = site.devices.every((d) => settled.has(d.name));
  const index = indexSite(site);
  return checks
    .filter((e) => passedBefore.has(e.id) || involved(e, index).every((d) => settled.has(d)))
    .map((e) =>
      e.kind === 'bgp-session' && !everything && !passedBefore.has(e.id)
        ? { ...e, prefixes: { certain: 0, possible: e.prefixes.possible } }
        : e,
    );
}

export async function runGate(
  checks: readonly Expectation[],
  runner: CommandRunner,
  deadlineMs: number,
  concurrency: number,
): Promise<{ ok: boolean; results: VerifyResult[]; seconds: number }> {
  const started = Date.now();
  const results = await runChecks(checks, runner, { deadlineMs, intervalMs: 1000, concurrency });
  return { ok: results.every((r) => r.ok), results, seconds: (Date.now() - started) / 1000 };
}
