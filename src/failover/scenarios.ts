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
import { isProbedData } from './probe-plan.js';

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
  return s.target.kind === 'device' ? s.target.device : s.target.cable;
}

/** The group reports put a scenario in: its redundancy group, or `cables` (not a redundancy group). */
export function groupName(s: Pick<Scenario, 'target'>): string {
  return s.target.kind === 'device' ? s.target.group : 'cables';
}

export interface Selection {
  /** Devices or cables (`dev:if--dev:if`, or one end `dev:if`); empty: all. */
  only?: string[];
  /** Redundancy group names (or `app:<backend>`); empty: all. */
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

/**
 * Groups of the model plus, per HAProxy backend, its application servers (`app:<backend>`), and
 * per data service its members (`data:<tenant>/<service>`).
 */
export function failoverGroups(site: Site): { name: string; kind: TargetKind; members: string[] }[] {
  const groups: { name: string; kind: TargetKind; members: string[] }[] = site.redundancyGroups.map((g) => ({
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
  for (const plan of dataPlans(site).filter((p) => isProbedData(p.kind)))
    groups.push({ name: `data:${plan.service}`, kind: 'data-members', members: [...plan.members] });
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
      if (!d || taken.has(m) || (only.length && !only.includes(m))) continue;
      if (only.includes(m)) used.add(m);
      taken.add(m);
      const fallen = [m, ...site.devices.filter((x) => x.hostedOn === m).map((x) => x.name)];
      targets.push({
        kind: 'device',
        device: m,
        group: g.name,
        groupKind: g.kind,
        fallen,
        crash: crashPlanOf(d),
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
      const name = t.kind === 'device' ? t.device : t.cable;
      const budget =
        t.kind === 'device'
          ? budgetFor(site.budgets, t.groupKind, { device: t.device, group: t.group })
          : budgetFor(site.budgets, 'cable', { cable: t.cable });
      scenarios.push({ id: `${name}/${fault}`, target: t, fault, budget });
    }
  const unknown = [...only, ...groupsWanted].filter((n) => !used.has(n));
  return { scenarios, unknown };
}
