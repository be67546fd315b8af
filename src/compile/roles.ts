/**
 * The table of roles: everything that differs by role and is not a daemon's configuration,
 * decided here once. Compile copies each device's results into the model (`tier`,
 * `failureDomain`, `daemons`), so push, the lab and drift read them instead of deciding again.
 *
 * A role added to the schema and missing here does not compile (`satisfies Record<Role, …>`,
 * with `Role` generated from the schema). Recipe: docs/architecture.md, "How to add a role".
 */
import type { CableKind, Daemon, Role } from '../model/types.js';

/** How a role's AS number is chosen (see `RoleSpec.asn`). */
export type AsnRule = 'shared-edge' | 'shared-superspine' | 'per-pod' | 'per-device' | 'own';

export interface RoleSpec {
  /**
   * Push order: lower tiers change first. The core goes first, where ECMP absorbs a restart best;
   * VMs last, after the hypervisors they run on.
   */
  tier: number;
  /**
   * Where its AS number comes from (RFC 7938 section 5.2; the arithmetic is `deviceAsn`,
   * src/compile/allocate.ts): `shared-edge` and `shared-superspine` share the site's `asns.edge`
   * / `asns.superspine`; `per-pod` is `asns.spine` + pod - 1, shared by a pod's spines; `per-device`
   * is the first of `asns.pool` + id, one per device (unless the device sets `asn`); `own` is an
   * upstream's own AS; null: no BGP. Devices with an ASN from the site's plan also get a loopback
   * (router-id) from `pools.loopback`.
   */
  asn: AsnRule | null;
  /** The roles its `uplinks` may go to; empty when the role has no uplinks. */
  uplinksTo: readonly Role[];
  /** Kind of the cables its uplinks make: `host` for servers on a leaf pair, `fabric` between switches. */
  uplinkCable: Extract<CableKind, 'fabric' | 'host'>;
  /** A VM: runs on a hypervisor (`host`) and fails with it. */
  hosted: boolean;
  /** The daemons fabric renders for it, sorted (snmpd comes on top when the site has SNMP: compile/snmp.ts). */
  daemons: readonly Daemon[];
  /** A routed VM: exactly one NIC is its `uplink` to its hypervisor's FRR, the others are on segments. */
  uplinkNic: boolean;
  /** Upstream ISPs peer with it: it anchors and announces the site's prefixes (`prefixes.announce`). */
  peersWithUpstreams: boolean;
  /** The places of a tenant's services it may fill (`tenants.<t>.routers.members`, …). */
  serves: readonly TenantSlot[];
}

/**
 * A place a tenant's services name devices in: `routers` (VRRP gateway members), `l4` (IPVS
 * members), `l4-real-server` (an L4 service's real servers), `l7` (HAProxy members), `l7-server`
 * (an L7 backend's servers).
 */
export type TenantSlot = 'routers' | 'l4' | 'l4-real-server' | 'l7' | 'l7-server';

export const ROLES = {
  superspine: {
    tier: 1,
    asn: 'shared-superspine',
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
  spine: {
    tier: 2,
    asn: 'per-pod',
    uplinksTo: ['superspine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
  edge: {
    tier: 3,
    asn: 'shared-edge',
    uplinksTo: ['spine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: true,
    serves: [],
  },
  leaf: {
    tier: 4,
    asn: 'per-device',
    uplinksTo: ['spine'],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
  storage: {
    tier: 5,
    asn: 'per-device',
    uplinksTo: ['leaf'],
    uplinkCable: 'host',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
  hypervisor: {
    tier: 6,
    asn: 'per-device',
    uplinksTo: ['leaf'],
    uplinkCable: 'host',
    hosted: false,
    daemons: ['frr', 'ovs'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
  vrouter: {
    tier: 7,
    asn: 'per-device',
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: ['frr', 'keepalived'],
    uplinkNic: true,
    peersWithUpstreams: false,
    serves: ['routers'],
  },
  l4lb: {
    tier: 8,
    asn: null,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: ['keepalived'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: ['l4'],
  },
  l7lb: {
    tier: 9,
    asn: null,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: ['haproxy'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: ['l7', 'l4-real-server'],
  },
  vm: {
    tier: 10,
    asn: null,
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: true,
    daemons: [],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: ['l4-real-server', 'l7-server'],
  },
  // the lab's simulated ISP: never pushed, but it has a place in the order all the same
  upstream: {
    tier: 11,
    asn: 'own',
    uplinksTo: [],
    uplinkCable: 'fabric',
    hosted: false,
    daemons: ['frr'],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
  },
} as const satisfies Record<Role, RoleSpec>;

/** The spec of a role (typed as the interface, so callers do not depend on one role's literal types). */
export function roleSpec(role: Role): RoleSpec {
  return ROLES[role];
}

/** Roles whose table row runs `daemon`, in table order (e.g. the VXLAN endpoints: roles running OVS). */
export function rolesRunning(daemon: Daemon): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).daemons.includes(daemon));
}

/** Roles whose uplinks are host cables: servers dual-homed to their rack's leaf pair. */
export function hostRoles(): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).uplinkCable === 'host');
}

/** Whether the role's ASN and loopback come from the site's plan and pools (a fabric BGP speaker). */
export function fromSitePlan(role: Role): boolean {
  const rule = roleSpec(role).asn;
  return rule !== null && rule !== 'own';
}

/**
 * The devices whose failure takes a device down with it: itself, and its hypervisor if it is a
 * VM. Waves never put two members of one redundancy group's failure domains together.
 */
export function failureDomain(name: string, hostedOn: string | null): string[] {
  return hostedOn ? [name, hostedOn] : [name];
}

/** Roles whose table row says `peersWithUpstreams` (the edge routers). */
export function upstreamPeerRoles(): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).peersWithUpstreams);
}

/** For each place of a tenant's services, the roles that may fill it, in table order. */
export function serviceRoles(): Record<'routers' | 'l4' | 'l4RealServers' | 'l7' | 'l7Servers', Role[]> {
  const filling = (slot: TenantSlot) =>
    (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).serves.includes(slot));
  return {
    routers: filling('routers'),
    l4: filling('l4'),
    l4RealServers: filling('l4-real-server'),
    l7: filling('l7'),
    l7Servers: filling('l7-server'),
  };
}
