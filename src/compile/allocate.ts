/**
 * Every allocation rule of fabric, in one place. Each value is derived from an explicit device id
 * (or VNI) and a pool, never from the order of a list, so adding a device never renumbers an
 * existing one. Functions return undefined when the result falls outside its pool; the caller
 * reports that as a located finding.
 */
import { nth, type Prefix4 } from '../net/ipv4.js';
import { nth6, type Prefix6 } from '../net/ipv6.js';
import type { VrrpAddressFacts } from './facts/tenants.js';
import type { AsnRule } from './roles.js';

/** Loopback, router-id and (hypervisors) VXLAN tunnel endpoint: pool `loopback`, offset = id, /32. */
export function loopbackAddress(pool: Prefix4, id: number): number | undefined {
  return nth(pool, id);
}

/**
 * IPv6 loopback: pool `loopback6`, offset = id, /128 (the same rule as the IPv4 one, so
 * 10.1.0.11 and 2001:db8:1::b belong to the same device).
 */
export function loopbackAddress6(pool: Prefix6, id: number): bigint | undefined {
  return nth6(pool, id);
}

/**
 * Management address: pool `mgmt`, offset = id, unless the device sets `mgmt`. Offset 1 is the
 * management gateway, so ids start at 2 in practice (a collision is reported as a duplicate).
 */
export function mgmtAddress(pool: Prefix4, id: number): number | undefined {
  return nth(pool, id);
}

/**
 * IPv6 management address: pool `mgmt6`, offset = id, the same rule as the IPv4 one (a device's
 * `mgmt` does not change it), so 198.18.1.11 and 2001:db8:18:1::b belong to the same device.
 */
export function mgmtAddress6(pool: Prefix6, id: number): bigint | undefined {
  return nth6(pool, id);
}

/**
 * The management interface of every device and lab node (out-of-band, addressed from pool
 * `mgmt`): never a cable of the fabric.
 */
export const MGMT_INTERFACE = 'eth0';

/** The management gateway: the first host address of pool `mgmt`. */
export function mgmtGateway(pool: Prefix4): number {
  return nth(pool, 1)!;
}

export interface AsnPlan {
  edge: number;
  spine: number;
  superspine: number | undefined;
  pool: { first: number; last: number };
}

/**
 * AS number by the role's rule (RFC 7938 section 5.2; which role has which: src/compile/roles.ts):
 * - `shared-edge`: `asns.edge`, shared by the edge pair (the site's AS towards the upstreams);
 * - `shared-superspine`: `asns.superspine`, shared by the super-spines;
 * - `per-pod`: `asns.spine` + pod - 1, shared by the spines of a pod;
 * - `per-device`: first of `asns.pool` + id, one per device (leaves, hosts, vRouters).
 * Returns undefined when a per-device ASN falls past the end of the pool.
 */
export function deviceAsn(
  rule: Exclude<AsnRule, 'own'>,
  plan: AsnPlan,
  id: number,
  pod: number,
): number | undefined {
  switch (rule) {
    case 'shared-edge':
      return plan.edge;
    case 'shared-superspine':
      return plan.superspine;
    case 'per-pod':
      return plan.spine + pod - 1;
    case 'per-device': {
      const asn = plan.pool.first + id;
      return asn <= plan.pool.last ? asn : undefined;
    }
  }
}

/** Local VLAN tag of a segment on br-int: 1 + (VNI mod 4094), so tags stay in 1..4094. */
export function segmentVlan(vni: number): number {
  return 1 + (vni % 4094);
}

/** Hypervisor-side name of a VM's NIC (a tap or veth): `vm<vm id>-<nic>`, at most 13 characters. */
export function vmPortName(vmId: number, nic: string): string {
  return `vm${vmId}-${nic}`;
}

/**
 * A vRouter uplink's OVS bridge on its hypervisor, whose internal port is the hypervisor's routed
 * interface to the VM: `up<vm id>-<nic>`, at most 13 characters like the VM's port.
 */
export function vmUplinkBridgeName(vmId: number, nic: string): string {
  return `up${vmId}-${nic}`;
}

/** Kernel VXLAN device of a segment on a hypervisor: `vxlan<vni>`, at most 13 characters. */
export function vxlanPortName(vni: number): string {
  return `vxlan${vni}`;
}

/** VRRP instance name: `<tenant>_<what>`, e.g. `shop_public`, unique on the device. */
export function vrrpInstanceName(tenant: string, what: string): string {
  return `${tenant}_${what}`.replace(/-/g, '_');
}

/**
 * Name of a virtual address's IPv6 VRRP instance: its IPv4 instance's name + `_v6`, e.g.
 * `shop_gw_public_v6`. keepalived takes one address family per instance, so a dual-stack
 * virtual address is two instances, both in the device's sync group.
 */
export function vrrpInstanceName6(name4: string): string {
  return `${name4}_v6`;
}

/**
 * VRID of a virtual address's VRRP instances: the inventory's `vrid`, for the IPv4 and the IPv6
 * instance alike. VRRPv3's IPv4 and IPv6 virtual routers do not meet on the wire (virtual MAC
 * 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6, RFC 5798 section 7.3; adverts
 * to 224.0.0.18 and to ff02::12), and keepalived 2.2 accepts the same VRID in both families on one interface
 * while it refuses it twice within one family. One VRID per virtual router then needs no second
 * number, so the inventory's `vrid` and the existing vrid-collision check (one VRID per segment)
 * cover both families, and no derived VRID can collide with another one written in the inventory.
 * https://www.rfc-editor.org/rfc/rfc5798#section-7.3
 */
export function vrrpVrid(vip: Pick<VrrpAddressFacts, 'vrid'>): number {
  return vip.vrid;
}

/**
 * VRID of a tenant's data VIPs on one segment (the HAProxy pair's VRRP instance there,
 * docs/data-tier.md): the highest of 255 down to 1 that no VRRP group of the tenant written in
 * the inventory uses on that segment (its vRouters' gateway, its L4 gateway, its L4 services), so
 * it never collides with one of them and does not change when a lower one is added. Null when
 * every VRID of the segment is taken.
 */
export function dataVipVrid(taken: ReadonlySet<number>): number | null {
  for (let vrid = 255; vrid >= 1; vrid--) if (!taken.has(vrid)) return vrid;
  return null;
}

/**
 * VRRP priority of the n-th member (from 0) of a tenant's HAProxy pair for its data VIPs: 150 for
 * the first, 100 for the second, each next 10 lower (at least 1), as the inventory's pairs
 * usually write them: the first member listed is the intended master.
 */
export function dataVipPriority(index: number): number {
  return index === 0 ? 150 : Math.max(1, 100 - 10 * (index - 1));
}
