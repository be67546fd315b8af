/**
 * First compile pass: site-wide facts. Resolves every reference of the inventory (cables, VM
 * placement, tenant members, backends), parses every prefix, and allocates loopbacks, management
 * addresses and ASNs. Device compilers (second pass) read only these facts, never a peer's raw
 * inventory.
 *
 * A reference that cannot be resolved, or a prefix that cannot be used, is an input error
 * (exit 2); the facts are then incomplete and compile stops after this pass.
 */

import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { SiteInventory } from '../inventory/merge.js';
import type { CableKind, Role } from '../model/types.js';
import { contains, type Prefix4, parseAddress } from '../net/ipv4.js';
import type { Prefix6 } from '../net/ipv6.js';
import type { AsnPlan } from './allocate.js';
import { cableFacts } from './facts/cables.js';
import { allocateNodeLinks, type ClusterFacts, clusterFacts } from './facts/clusters.js';
import { factsContext } from './facts/context.js';
import { deviceFacts, placeVms, upstreamFacts } from './facts/devices.js';
import { planFacts, segmentFacts } from './facts/prefixes.js';
import { checkTenantReferences, originatedPrefixes } from './facts/references.js';
import { type TenantFacts, tenantFacts } from './facts/tenants.js';

export interface PortFacts {
  interface: string;
  peer: { device: string; interface: string };
  kind: CableKind;
  mtu: number;
  /** The description the inventory gives the port (`interfaces: { eth11: { description } }`), or null. */
  description: string | null;
  /** Inventory path of the declaration, for findings. */
  path: InventoryPath;
}

export interface NicFacts {
  name: string;
  /** `tenant/segment` key, or null for a vRouter uplink. */
  segment: string | null;
  /** The segment resolved (subnet, VNI, VLAN), or null for a vRouter uplink. */
  on: SegmentFacts | null;
  address: number | null;
  /** Its IPv6 address on the segment's `subnet6`, or null. */
  address6: bigint | null;
  path: InventoryPath;
}

export interface DeviceFacts {
  name: string;
  role: Role;
  id: number;
  rack: string;
  pod: number;
  description: string;
  managed: boolean;
  asn: number | null;
  loopback: number | null;
  /** IPv6 loopback (pool `loopback6` + id), or null when the site has no `loopback6`. */
  loopback6: bigint | null;
  mgmt: number | null;
  /** IPv6 management address (pool `mgmt6` + id), or null when the site has no `mgmt6`. */
  mgmt6: bigint | null;
  hostedOn: string | null;
  tenant: string | null;
  /** The Kubernetes cluster of a node (`cluster`), or null. */
  cluster: string | null;
  ports: PortFacts[];
  nics: NicFacts[];
  /** What the inventory sets itself rather than letting it derive: `mgmt` (as written), `asn`. */
  given: { mgmt: string | null; asn: boolean };
  /** Path of the device in the inventory. */
  path: InventoryPath;
}

export interface CableFacts {
  a: { device: string; interface: string; mtu: number };
  b: { device: string; interface: string; mtu: number };
  kind: CableKind;
  path: InventoryPath;
}

export interface SegmentFacts {
  key: string;
  tenant: string;
  name: string;
  vni: number;
  vlan: number;
  /** IPv4 subnet, or null on an IPv6-only segment. */
  subnet: Prefix4 | null;
  /** IPv6 subnet, or null on an IPv4-only segment. */
  subnet6: Prefix6 | null;
  path: InventoryPath;
}

export interface SiteFacts {
  name: string;
  inventory: SiteInventory;
  pools: { loopback: Prefix4; mgmt: Prefix4; loopback6: Prefix6 | null; mgmt6: Prefix6 | null };
  announce: Prefix4[];
  /**
   * The service prefixes of the `gslb` services this site offers with `anycast.prefix`
   * (docs/active-active.md, "Anycast: the edges"), with the tenant whose VIPs are inside:
   * the VIP host routes pass the vRouters, hypervisors and leaves; the edges aggregate them.
   */
  anycast: AnycastPrefix[];
  /** `prefixes.announce6`, as written (RFC 5952 text); empty when the site announces no IPv6. */
  announce6: Prefix6[];
  asns: AsnPlan;
  defaults: {
    mtu: number;
    ssh: { user: string; port: number };
    datapath: 'system' | 'netdev';
  };
  /** Devices and upstreams by name. */
  devices: Map<string, DeviceFacts>;
  /** Device names sorted by id within each role. */
  byRole: Map<Role, string[]>;
  cables: CableFacts[];
  segments: Map<string, SegmentFacts>;
  /** The tenants by name, sorted, with their services resolved. */
  tenants: Map<string, TenantFacts>;
  /** The simulated upstreams by name, sorted, with their peering links parsed. */
  upstreams: Map<string, UpstreamFacts>;
  /** The Kubernetes clusters by name, sorted, with their nodes (docs/kubernetes.md). */
  clusters: Map<string, ClusterFacts>;
}

/** A service prefix of `gslb`, as a site sees it. */
export interface AnycastPrefix {
  prefix: Prefix4;
  tenant: string;
}

/** An IPv4 VIP of the tenant inside one of its service prefixes: a host route, off its segment. */
export function inServicePrefix(facts: SiteFacts, tenant: string, address: string | undefined): boolean {
  const a = address === undefined ? undefined : parseAddress(address);
  return a !== undefined && facts.anycast.some((p) => p.tenant === tenant && contains(p.prefix, a));
}

/** An upstream ISP peering with one edge router, resolved: compile reads this, not the inventory. */
export interface UpstreamFacts {
  name: string;
  asn: number;
  /** Our edge router, and its port towards the upstream. */
  edge: string;
  interface: string;
  /** The upstream's port (lab). */
  peerInterface: string;
  /** The peering link's prefix; our address on it, and the upstream's. */
  link: Prefix4;
  ours: number;
  theirs: number;
  /** What we accept from it: a default route only, or the full table. */
  accept: 'default' | 'full';
  /** Name of the secret holding the session's TCP-MD5 password, or null. */
  password: string | null;
  /** Prefixes the simulated upstream announces besides the default route (lab), sorted as written. */
  originate: Prefix4[];
  /** The IPv6 session over the same link (`address6`/`peer6`), or null. */
  ipv6: { link: Prefix6; ours: bigint; theirs: bigint; originate: Prefix6[] } | null;
  path: InventoryPath;
}

/** MTU of a VM NIC and of the tunnel devices carrying it. */
export const VM_MTU = 1500;

export { ifaceOrder } from './facts/cables.js';

export type { ClusterFacts } from './facts/clusters.js';
export type { TenantFacts } from './facts/tenants.js';

/** A device's tenant, resolved, or undefined for a device of no tenant. */
export function tenantOf(facts: SiteFacts, d: DeviceFacts): TenantFacts | undefined {
  return d.tenant === null ? undefined : facts.tenants.get(d.tenant);
}

/**
 * The first pass, in order: the site's plan, segments, devices, clusters (they give their nodes
 * their ASN), upstreams, VMs, cables (then the Cilium clusters' numbered ones), references.
 */
export function computeFacts(
  site: SiteInventory,
  anycast: readonly AnycastPrefix[] = [],
): {
  facts: SiteFacts | undefined;
  diagnostics: Diagnostic[];
} {
  const ctx = factsContext(site);
  const { pools, announce, announce6, asns, defaults } = planFacts(ctx);
  const segments = segmentFacts(ctx);
  const devices = deviceFacts(ctx, pools, asns);
  const clusters = clusterFacts(ctx, devices);
  const upstreams = upstreamFacts(ctx, devices, pools.mgmt);
  placeVms(ctx, devices, segments);
  const cables = cableFacts(ctx, devices, upstreams, defaults.mtu);
  allocateNodeLinks(ctx, clusters, devices);
  checkTenantReferences(ctx, devices, segments);
  const tenants = tenantFacts(ctx, devices, segments.segments);
  originatedPrefixes(ctx, upstreams);

  const byRole = new Map<Role, string[]>();
  for (const d of [...devices.values()].sort((x, y) => x.id - y.id || x.name.localeCompare(y.name))) {
    const names = byRole.get(d.role) ?? [];
    names.push(d.name);
    byRole.set(d.role, names);
  }

  const { diagnostics } = ctx;
  if (diagnostics.length || !pools.loopback || !pools.mgmt) return { facts: undefined, diagnostics };
  return {
    facts: {
      name: site.name,
      inventory: site,
      pools: {
        loopback: pools.loopback,
        mgmt: pools.mgmt,
        loopback6: pools.loopback6 ?? null,
        mgmt6: pools.mgmt6 ?? null,
      },
      announce,
      anycast: [...anycast],
      announce6,
      asns,
      defaults,
      devices,
      byRole,
      cables,
      segments: segments.segments,
      tenants,
      upstreams,
      clusters,
    },
    diagnostics,
  };
}
