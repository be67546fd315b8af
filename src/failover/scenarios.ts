/**
 * Failover scenarios, derived from the compiled model: every member of every redundancy group,
 * the application servers behind each HAProxy backend, and every fabric and host cable, each
 * with the fault kinds that apply to it. A pure function of the model and the selection.
 */

import { roleSpec } from '../compile/roles.js';
import { DAEMONS } from '../daemons/index.js';
import type { CrashPlan } from '../daemons/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Cable, Device, SiteModel } from '../model/types.js';
import { runsProxy } from '../verify/checks/model.js';
import { dataPlans } from '../whatif/data-services.js';
import { type Budget, budgetFor, type TargetKind } from './budgets.js';
import type { WhatifPrediction } from './prediction.js';

export const FAULT_KINDS = ['cut', 'silent', 'crash'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type { CrashPlan };

export interface DeviceTarget {
  kind: 'device';
  device: string;
  group: string;
  groupKind: TargetKind;
  /** The devices that fail with it (itself and the VMs it hosts): their own probes are not the fabric's outage. */
  fallen: string[];
  crash: CrashPlan | undefined;
  /**
   * A daemon failed alone on the device (`pgbouncer`: the pooler), not the device: only `crash`
   * applies, with the daemon's own plan (`DaemonDriver.partCrash`); the target is named
   * `<device>:<part>`. Absent on every other target.
   */
  part?: string;
}

export interface CableTarget {
  kind: 'cable';
  /** `a-dev:if--b-dev:if` */
  cable: string;
  ends: { device: string; interface: string }[];
}

export type Target = DeviceTarget | CableTarget;

export interface Scenario {
  /** `spine1/cut`, `leaf1a:eth1--spine1:eth11/silent` */
  id: string;
  target: Target;
  fault: FaultKind;
  /** The model's budget of what it fails (src/failover/budgets.ts). */
  budget: Budget;
  /** `fabric whatif`'s verdict on the same failure, when annotated (src/failover/prediction.ts). */
  whatif?: WhatifPrediction;
}

/** The name reports give a scenario's target: the device, or the cable `a-dev:if--b-dev:if`. */
export function targetName(s: Pick<Scenario, 'target'>): string {
  if (s.target.kind === 'cable') return s.target.cable;
  return s.target.part ? `${s.target.device}:${s.target.part}` : s.target.device;
}

/** The group reports put a scenario in: its redundancy group, or `cables` (not a redundancy group). */
export function groupName(s: Pick<Scenario, 'target'>): string {
  return s.target.kind === 'device' ? s.target.group : 'cables';
}

export interface Selection {
  /** Devices or cables (`dev:if--dev:if`, or one end `dev:if`); empty: all. */
  only?: string[];
  /** Redundancy group names (or `app:<backend>`, `data:<tenant>/<service>`, `pgbouncer:<tenant>/<service>`); empty: all. */
  groups?: string[];
  faults?: FaultKind[];
}

type Site = DeepReadonly<SiteModel>;
type Dev = DeepReadonly<Device>;

/**
 * What `crash` kills on a device: the last of its daemons in registry order with a crash plan
 * (src/daemons/), i.e. keepalived, HAProxy or OVS before FRR; on a device running none of them,
 * its role's own (a Kubernetes node's speaker), else (a VM) its HTTP stand-in if it serves.
 * Nothing on the external upstreams: not ours to fail.
 */
export function crashPlanOf(d: Dev): CrashPlan | undefined {
  if (roleSpec(d.role).external) return undefined;
  const plans = Object.values(DAEMONS).flatMap((driver) => {
    if (!driver.crash || !(d.daemons as readonly string[]).includes(driver.name)) return [];
    const plan = typeof driver.crash === 'function' ? driver.crash(d) : driver.crash;
    return plan ? [plan] : [];
  });
  if (plans.length) return plans.at(-1);
  const own = roleSpec(d.role).crash;
  if (own) return own;
  return d.services.length
    ? {
        daemon: 'http',
        pidFiles: ['/run/lab-http-*.pid'],
        restart: '/usr/local/sbin/labnode-init start http',
      }
    : undefined;
}

/** A device's data interfaces: not its loopback, not its management port (faults never touch eth0). */
export function dataInterfaces<I extends { kind: string; name: string }>(d: {
  interfaces: readonly I[];
}): I[] {
  return d.interfaces.filter((i) => i.kind !== 'loopback' && i.name !== 'eth0');
}

export function cableName(c: DeepReadonly<Cable>): string {
  return `${c.a.device}:${c.a.interface}--${c.b.device}:${c.b.interface}`;
}

export interface FailoverGroup {
  name: string;
  kind: TargetKind;
  members: string[];
  /** The daemon its members fail alone (`DeviceTarget.part`); absent: the members themselves. */
  part?: string;
}

/** The daemons of a device that fail alone (`DaemonDriver.partCrash`), with their plans. */
function partCrashes(d: Dev): { part: string; crash: CrashPlan }[] {
  return Object.values(DAEMONS).flatMap((driver) => {
    const crash = (d.daemons as readonly string[]).includes(driver.name) ? driver.partCrash?.(d) : undefined;
    return crash ? [{ part: driver.name, crash }] : [];
  });
}

/**
 * Groups of the model plus, per HAProxy backend, its application servers (`app:<backend>`), per
 * data service its members (`data:<tenant>/<service>`), and per daemon its members run that
 * fails alone its instances (`pgbouncer:<tenant>/<service>`: the poolers).
 */
export function failoverGroups(site: Site): FailoverGroup[] {
  const groups: FailoverGroup[] = site.redundancyGroups.map((g) => ({
    name: g.name,
    kind: g.kind,
    members: [...g.members],
  }));
  const byAddress = new Map<string, string>();
  for (const d of site.devices)
    for (const i of d.interfaces) for (const a of i.addresses) byAddress.set(a.address, d.name);
  const seen = new Set<string>();
  for (const d of site.devices) {
    if (!runsProxy(d)) continue;
    for (const b of d.haproxy.backends) {
      if (seen.has(b.name)) continue;
      seen.add(b.name);
      // a server of each family on one VM is one member
      const members = [...new Set(b.servers.flatMap((s) => byAddress.get(s.address) ?? []))];
      if (members.length > 1) groups.push({ name: `app:${b.name}`, kind: 'app-servers', members });
    }
  }
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  for (const plan of dataPlans(site)) {
    groups.push({ name: `data:${plan.service}`, kind: 'data-members', members: [...plan.members] });
    const parts = [...new Set(plan.members.flatMap((m) => partCrashes(byName.get(m)!).map((p) => p.part)))];
    for (const part of parts)
      groups.push({
        name: `${part}:${plan.service}`,
        kind: 'data-members',
        members: [...plan.members],
        part,
      });
  }
  return groups;
}

function cableMatches(name: string, wanted: string): boolean {
  if (name === wanted) return true;
  const [a, b] = name.split('--');
  return wanted === a || wanted === b || wanted === `${b}--${a}`;
}

/**
 * Every scenario of the site, in a stable order (groups as the model lists them, then cables),
 * filtered by the selection. `unknown` lists the `--only`/`--group` names that matched nothing.
 */
export function deriveScenarios(
  site: Site,
  selection: Selection = {},
): { scenarios: Scenario[]; unknown: string[] } {
  const faults = selection.faults?.length ? selection.faults : [...FAULT_KINDS];
  const only = selection.only ?? [];
  const groupsWanted = selection.groups ?? [];
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const used = new Set<string>();
  const targets: Target[] = [];
  const taken = new Set<string>();
  for (const g of failoverGroups(site)) {
    if (groupsWanted.length && !groupsWanted.includes(g.name)) continue;
    if (groupsWanted.includes(g.name)) used.add(g.name);
    for (const m of g.members) {
      const d = byName.get(m);
      // a part is named `<device>:<part>`: `--only pg1` is the member, `--only pg1:pgbouncer` its pooler
      const name = g.part ? `${m}:${g.part}` : m;
      if (!d || taken.has(name) || (only.length && !only.includes(name))) continue;
      if (only.includes(name)) used.add(name);
      taken.add(name);
      // a daemon failing alone fells no device
      const fallen = g.part ? [] : [m, ...site.devices.filter((x) => x.hostedOn === m).map((x) => x.name)];
      const crash = g.part ? partCrashes(d).find((p) => p.part === g.part)?.crash : crashPlanOf(d);
      targets.push({
        kind: 'device',
        device: m,
        group: g.name,
        groupKind: g.kind,
        fallen,
        crash,
        ...(g.part ? { part: g.part } : {}),
      });
    }
  }
  if (!groupsWanted.length) {
    for (const c of site.cables) {
      if (c.kind !== 'fabric' && c.kind !== 'host') continue;
      const name = cableName(c);
      const wanted = only.filter((o) => cableMatches(name, o));
      if (only.length && !wanted.length) continue;
      for (const w of wanted) used.add(w);
      targets.push({
        kind: 'cable',
        cable: name,
        ends: [c.a, c.b].map((e) => ({ device: e.device, interface: e.interface })),
      });
    }
  }
  const scenarios: Scenario[] = [];
  for (const t of targets)
    for (const fault of faults) {
      if (fault === 'crash' && (t.kind === 'cable' || !t.crash)) continue;
      // a daemon fails alone by its crash; cut and silent are its device's
      if (fault !== 'crash' && t.kind === 'device' && t.part) continue;
      const name = targetName({ target: t });
      const budget =
        t.kind === 'device'
          ? budgetFor(site.budgets, t.groupKind, { device: t.device, group: t.group })
          : budgetFor(site.budgets, 'cable', { cable: t.cable });
      scenarios.push({ id: `${name}/${fault}`, target: t, fault, budget });
    }
  const unknown = [...only, ...groupsWanted].filter((n) => !used.has(n));
  return { scenarios, unknown };
}
