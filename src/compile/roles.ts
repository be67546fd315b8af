/**
 * The table of roles: everything that differs by role and is not a daemon's configuration,
 * decided here once. Compile copies each device's results into the model (`tier`,
 * `failureDomain`, `daemons`), so push, the lab and drift read them instead of deciding again.
 *
 * A role added to the schema and missing here does not compile (`satisfies Record<Role, …>`,
 * with `Role` generated from the schema). Recipe: docs/architecture.md, "How to add a role".
 */
import type { CrashPlan } from '../daemons/types.js';
import type { CableKind, Daemon, RedundancyKind, Role } from '../model/types.js';
import type { PeerGroupKey } from './frr/peer-groups.js';

/** How a role's AS number is chosen (see `RoleSpec.asn`). */
export type AsnRule = 'shared-edge' | 'shared-superspine' | 'per-pod' | 'per-device' | 'per-cluster' | 'own';

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
   * is the first of `asns.pool` + id, one per device (unless the device sets `asn`); `per-cluster`
   * is its Kubernetes cluster's `asn` (`clusters.<name>.asn`), shared by the cluster's nodes; `own`
   * is an upstream's own AS; null: no BGP. Devices with an ASN from the site's plan (not `own`, not
   * `per-cluster`) also get a loopback (router-id) from `pools.loopback`.
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
  /**
   * The daemon it runs beyond `daemons` when its tenant has data VIPs, which it then holds
   * (docs/data-tier.md: the HAProxy pair, keepalived VRRP on the clients' segment); absent: never.
   */
  dataVips?: Extract<Daemon, 'keepalived'>;
  /**
   * The BGP peer group (src/compile/frr/peer-groups.ts) a session to a device of this role goes
   * into on the other end: `asPeer`, or `fromPeer[<the other end's role>]`. Null: no BGP.
   */
  bgp: { asPeer: PeerGroupKey; fromPeer?: Partial<Record<Role, PeerGroupKey>> } | null;
  /** The redundancy group its devices form, or null (src/compile/redundancy.ts). */
  redundancy: RedundancySpec | null;
  /** Outside our control: the lab's simulated ISP, rendered for the lab, never pushed or watched. */
  external: boolean;
  /** Where the site docs draw it (src/docs): its zone of the reference architecture, see `Place`. */
  place: Place;
  /**
   * What `lab failover --fault crash` kills on a device of the role that runs none of fabric's
   * daemons, when the lab runs something of its own on it (a Kubernetes node's speaker).
   */
  crash?: CrashPlan;
}

/**
 * A zone of the reference drawings (`fabric docs`, docs/site-docs.md): `internet` the lab's
 * upstreams; `border` the edge routers that peer with them; `core` the spine planes; `rack` the
 * leaf pairs; `compute` the servers that host VMs; `data` the other servers (storage, Kubernetes
 * nodes); `gateway` a
 * tenant's vRouters, `l4` and `l7` its balancers; `app` its application VMs.
 */
export type Place =
  | 'internet'
  | 'border'
  | 'core'
  | 'rack'
  | 'compute'
  | 'data'
  | 'gateway'
  | 'l4'
  | 'l7'
  | 'app';

/**
 * A redundancy group the devices of a role form: one for the site, one per pod (named
 * `<name>-pod<n>` when the site has several pods), one per rack (`<name>-<rack>`) or one per
 * Kubernetes cluster (`<name>-<cluster>`).
 */
export interface RedundancySpec {
  kind: RedundancyKind;
  name: string;
  by: 'site' | 'pod' | 'rack' | 'cluster';
  /** Why the members back each other up, for people reading a wave plan. */
  reason: (group: { rack: string; members: number }) => string;
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
    bgp: { asPeer: 'SUPERSPINES' },
    redundancy: {
      kind: 'superspine-plane',
      name: 'superspine-plane',
      by: 'site',
      reason: () => 'every spine uplinks to each super-spine; ECMP across them',
    },
    external: false,
    place: 'core',
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
    bgp: { asPeer: 'SPINES' },
    redundancy: {
      kind: 'spine-plane',
      name: 'spine-plane',
      by: 'pod',
      reason: () => 'every leaf uplinks to each spine; ECMP across them',
    },
    external: false,
    place: 'core',
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
    bgp: { asPeer: 'EDGES', fromPeer: { upstream: 'CUSTOMERS' } },
    redundancy: {
      kind: 'edge-pair',
      name: 'edge-pair',
      by: 'site',
      reason: () => 'each edge carries an upstream and the default route into the fabric',
    },
    external: false,
    place: 'border',
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
    bgp: { asPeer: 'LEAVES', fromPeer: { spine: 'LEAVES_OF_POD' } },
    redundancy: {
      kind: 'leaf-pair',
      name: 'leaf-pair',
      by: 'rack',
      reason: ({ rack }) => `every host of rack ${rack} is dual-homed to these leaves`,
    },
    external: false,
    place: 'rack',
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
    bgp: { asPeer: 'HOSTS', fromPeer: { vrouter: 'HYPERVISOR' } },
    redundancy: {
      // not a "pair": any number of hosts, and one host alone replicates nothing
      kind: 'storage-hosts',
      name: 'storage',
      by: 'site',
      reason: ({ members }) =>
        members === 1
          ? 'a single storage host: nothing replicates it (not redundant)'
          : 'storage hosts replicate each other',
    },
    external: false,
    place: 'data',
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
    bgp: { asPeer: 'HOSTS', fromPeer: { vrouter: 'HYPERVISOR' } },
    redundancy: {
      kind: 'hypervisors',
      name: 'hypervisors',
      by: 'site',
      reason: () => 'N+1: the VMs of any one hypervisor fit on the others',
    },
    external: false,
    place: 'compute',
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
    bgp: { asPeer: 'VROUTERS' },
    redundancy: null,
    external: false,
    place: 'gateway',
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
    bgp: null,
    redundancy: null,
    external: false,
    place: 'l4',
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
    dataVips: 'keepalived',
    bgp: null,
    redundancy: null,
    external: false,
    place: 'l7',
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
    bgp: null,
    redundancy: null,
    external: false,
    place: 'app',
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
    bgp: { asPeer: 'UPSTREAMS', fromPeer: { upstream: 'INTERNET' } },
    redundancy: null,
    external: true,
    place: 'internet',
  },
  // A Kubernetes node: its cluster's speaker (MetalLB, Cilium) peers with both leaves of its rack. fabric
  // configures the leaves' side and renders the cluster's resources, but runs nothing on the node
  // (no daemons: nothing is pushed to it, drift does not read it; the platform team applies the
  // resources). It is managed like a VM is: part of the site, in its racks, with no files of its own.
  'k8s-node': {
    tier: 12,
    asn: 'per-cluster',
    uplinksTo: ['leaf'],
    uplinkCable: 'host',
    hosted: false,
    daemons: [],
    uplinkNic: false,
    peersWithUpstreams: false,
    serves: [],
    bgp: { asPeer: 'CLUSTER' },
    // a cluster's nodes all announce its LoadBalancer IPs: when one fails, its leaves withdraw
    // it (BFD, the fabric's profile) and the others carry the IPs; `lab failover` fails them
    redundancy: {
      kind: 'k8s-cluster',
      name: 'k8s',
      by: 'cluster',
      reason: ({ members }) =>
        members === 1
          ? 'a single Kubernetes node: nothing else announces its LoadBalancer IPs (not redundant)'
          : 'Kubernetes nodes announcing the same LoadBalancer IPs',
    },
    external: false,
    place: 'data',
    // the speaker, as when its pod is killed: all of MetalLB's FRR (one container), or Cilium's
    // GoBGP (gobgpd in the lab); the lab's node then starts whichever of the two it runs
    crash: {
      daemon: 'speaker',
      pidFiles: ['/run/frr/*.pid', '/run/gobgpd.pid'],
      restart: '/usr/local/sbin/labnode-init start speaker',
    },
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

/** Whether the role's row runs FRR: its devices route (and get the routed kernel settings). */
export function routesWithFrr(spec: RoleSpec): boolean {
  return spec.daemons.includes('frr');
}

/** Whether a device running these daemons routes (FRR): the routed kernel settings follow. */
export function runsFrr(daemons: readonly Daemon[]): boolean {
  return daemons.includes('frr');
}

/** A device's daemons once a later stage makes it route too (anycast on an L4 member): FRR added. */
export function withFrr(daemons: readonly Daemon[]): Daemon[] {
  return [...new Set([...daemons, 'frr' as const])].sort();
}

/** The roles that host VMs: those running OVS, the VXLAN endpoints VMs' ports plug into. */
export function vmHostRoles(): Role[] {
  return rolesRunning('ovs');
}

/** Roles whose uplinks are host cables: servers dual-homed to their rack's leaf pair. */
export function hostRoles(): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).uplinkCable === 'host');
}

/** Whether the role's ASN and loopback come from the site's plan and pools (a fabric BGP speaker). */
export function fromSitePlan(role: Role): boolean {
  const rule = roleSpec(role).asn;
  return rule !== null && rule !== 'own' && rule !== 'per-cluster';
}

/** Roles whose devices are nodes of a Kubernetes cluster (`asn: 'per-cluster'`: the cluster's AS). */
export function clusterNodeRoles(): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((r) => roleSpec(r).asn === 'per-cluster');
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

/** The daemons a device of `role` runs to hold data VIPs (`dataVips`) when `holds`; else none. */
export function dataVipDaemons(role: Role, holds: boolean): Daemon[] {
  const daemon = roleSpec(role).dataVips;
  return holds && daemon ? [daemon] : [];
}

/** The role of the devices outside our control (the lab's simulated upstreams): `external` in its row. */
export function externalRole(): Role {
  const role = (Object.keys(ROLES) as Role[]).find((r) => roleSpec(r).external);
  if (!role) throw new Error('the role table has no external role');
  return role;
}

/** The roles that form redundancy groups, in table order (the order of the groups). */
export function redundantRoles(): { role: Role; spec: RedundancySpec }[] {
  return (Object.keys(ROLES) as Role[]).flatMap((role) => {
    const spec = roleSpec(role).redundancy;
    return spec ? [{ role, spec }] : [];
  });
}

/** The roles host roles uplink to: the rack switches (leaves) that hosts are dual-homed to. */
export function rackSwitchRoles(): Role[] {
  return [...new Set(hostRoles().flatMap((r) => roleSpec(r).uplinksTo))];
}
