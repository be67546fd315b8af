/**
 * The table of roles: everything that differs by role and is not a daemon's configuration,
 * decided here once. Compile copies each device's results into the model (`tier`,
 * `failureDomain`, `daemons`), so push, the lab and drift read them instead of deciding again.
 *
 * A role added to the schema and missing here does not compile (`satisfies Record<Role, …>`,
 * with `Role` generated from the schema). Recipe: docs/architecture.md, "How to add a role".
 */
import type { CableKind, Daemon, Role } from '../model/types.js';

export interface RoleSpec {
  /**
   * Push order: lower tiers change first. The core goes first, where ECMP absorbs a restart best;
   * VMs last, after the hypervisors they run on.
   */
  tier: number;
  /**
   * Speaks BGP in the underlay with an ASN and a loopback from the site's pools
   * (rule in `deviceAsn`, src/compile/allocate.ts). Upstreams bring their own ASN.
   */
  routed: boolean;
  /** The roles its `uplinks` may go to; empty when the role has no uplinks. */
  uplinksTo: readonly Role[];
  /** Kind of the cables its uplinks make: `host` for servers on a leaf pair, `fabric` between switches. */
  uplinkCable: Extract<CableKind, 'fabric' | 'host'>;
  /** A VM: runs on a hypervisor (`host`) and fails with it. */
  hosted: boolean;
  /** The daemons fabric renders for it, sorted (snmpd comes on top when the site has SNMP: compile/snmp.ts). */
  daemons: readonly Daemon[];
}

export const ROLES = {
  superspine: {
    tier: 1,
    routed: true,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
  },
  spine: {
    tier: 2,
    routed: true,
    uplinksTo: ['superspine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
  },
  edge: {
    tier: 3,
    routed: true,
    uplinksTo: ['spine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
  },
  leaf: {
    tier: 4,
    routed: true,
    uplinksTo: ['spine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
  },
  storage: {
    tier: 5,
    routed: true,
    uplinksTo: ['leaf'],
    uplinkCable: 'host',
    hosted: false,
    daemons: ['frr'],
  },
  hypervisor: {
    tier: 6,
    routed: true,
    uplinksTo: ['leaf'],
    uplinkCable: 'host',
    hosted: false,
    daemons: ['frr', 'ovs'],
  },
  vrouter: {
    tier: 7,
    routed: true,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: ['frr', 'keepalived'],
  },
  l4lb: {
    tier: 8,
    routed: false,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: ['keepalived'],
  },
  l7lb: { tier: 9, routed: false, uplinksTo: [], uplinkCable: 'fabric', hosted: true, daemons: ['haproxy'] },
  vm: { tier: 10, routed: false, uplinksTo: [], uplinkCable: 'fabric', hosted: true, daemons: [] },
  // the lab's simulated ISP: never pushed, but it has a place in the order all the same
  upstream: {
    tier: 11,
    routed: false,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
  },
} as const satisfies Record<Role, RoleSpec>;

/** The spec of a role (typed as the interface, so callers do not depend on one role's literal types). */
export function roleSpec(role: Role): RoleSpec {
  return ROLES[role];
}

/** Roles whose spec says `key` is true, in table order. */
export function rolesWhere(key: 'routed' | 'hosted'): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r)[key]);
}

/**
 * The devices whose failure takes a device down with it: itself, and its hypervisor if it is a
 * VM. Waves never put two members of one redundancy group's failure domains together.
 */
export function failureDomain(name: string, hostedOn: string | null): string[] {
  return hostedOn ? [name, hostedOn] : [name];
}
