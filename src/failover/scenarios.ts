/**
 * Failover scenarios, derived from the compiled model: every member of every redundancy group,
 * the application servers behind each HAProxy backend, and every fabric and host cable, each
 * with the fault kinds that apply to it. A pure function of the model and the selection.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { Cable, Device, SiteModel } from '../model/types.js';
import { type Budget, budgetFor, type TargetKind } from './budgets.js';

export const FAULT_KINDS = ['cut', 'silent', 'crash'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The daemon a `crash` kills in a node, by its own PID files, and how it comes back. */
export interface CrashPlan {
  daemon: string;
  /**
   * PID files inside the node (globs allowed): every PID in them and its children get SIGKILL,
   * children first (keepalived's VRRP child, which has no PID file, gets SIGTERM when its parent
   * dies and would then resign politely with a priority-0 advert: not a crash).
   */
  pidFiles: string[];
  /** Shell command in the node that brings the daemon back (idempotent). */
  restart: string;
}

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
  budget: Budget;
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

const FRR_CRASH: CrashPlan = {
  daemon: 'bgpd',
  pidFiles: ['/run/frr/bgpd.pid'],
  // watchfrr restarts bgpd by itself; only if it did not, restart FRR
  restart:
    'for i in $(seq 50); do kill -0 "$(cat /run/frr/bgpd.pid 2>/dev/null)" 2>/dev/null && exit 0; sleep 0.2; done; /usr/lib/frr/frrinit.sh restart',
};

/** What `crash` kills on a device of this role. */
export function crashPlanOf(d: Dev): CrashPlan | undefined {
  switch (d.role) {
    case 'vrouter':
    case 'l4lb':
      return {
        daemon: 'keepalived',
        pidFiles: ['/run/keepalived.pid'],
        restart: 'service keepalived start >/dev/null',
      };
    case 'l7lb':
      return {
        daemon: 'haproxy',
        pidFiles: ['/run/haproxy.pid'],
        restart: 'service haproxy start >/dev/null',
      };
    case 'hypervisor':
      return {
        daemon: 'ovs-vswitchd',
        pidFiles: ['/run/openvswitch/ovs-vswitchd.pid'],
        restart:
          'ovs-vswitchd unix:/run/openvswitch/db.sock --pidfile --detach --log-file=/var/log/openvswitch/ovs-vswitchd.log -vconsole:off',
      };
    case 'vm':
      return d.services.length
        ? {
            daemon: 'http',
            pidFiles: ['/run/lab-http-*.pid'],
            restart: '/usr/local/sbin/labnode-init start http',
          }
        : undefined;
    case 'upstream':
      return undefined;
    default:
      return 'frr' in d ? FRR_CRASH : undefined;
  }
}

export function cableName(c: DeepReadonly<Cable>): string {
  return `${c.a.device}:${c.a.interface}--${c.b.device}:${c.b.interface}`;
}

/** Groups of the model plus, per HAProxy backend, its application servers (`app:<backend>`). */
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
    if (d.role !== 'l7lb') continue;
    for (const b of d.haproxy.backends) {
      if (seen.has(b.name)) continue;
      seen.add(b.name);
      const members = b.servers.flatMap((s) => byAddress.get(s.address) ?? []);
      if (members.length > 1) groups.push({ name: `app:${b.name}`, kind: 'app-servers', members });
    }
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
      const budget = budgetFor(t.kind === 'device' ? t.groupKind : 'cable');
      scenarios.push({ id: `${name}/${fault}`, target: t, fault, budget });
    }
  const unknown = [...only, ...groupsWanted].filter((n) => !used.has(n));
  return { scenarios, unknown };
}
