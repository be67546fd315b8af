/**
 * What the check kinds read of the model, by what a device runs (its daemons' models) rather than
 * by its role, so that a new role is checked for what it runs without changes here.
 */
import type { DriftDaemon } from '../../drift/types.js';
import { cidrOf } from '../../model/address.js';
import type { DeepReadonly } from '../../model/freeze.js';
import { REDIS_DAEMON, runsProxy, runsVrrp } from '../../model/runs.js';
import type { Device, SiteModel, VrrpInstance } from '../../model/types.js';
import { contains, parseAddress, parsePrefix } from '../../net/ipv4.js';
import { contains6, parseAddress6, parsePrefix6 } from '../../net/ipv6.js';
import { oncePer } from '../../util/once-per.js';
import { hasCovering } from '../routing-view.js';
import { type AddressFamily, ofFamily } from './family.js';

type Dev = DeepReadonly<Device>;

/** The daemon a drift finding of each family of checks is filed under. */
export const FILED_UNDER = {
  routing: 'frr',
  vrrp: 'keepalived',
  proxy: 'haproxy',
  overlay: 'ovs',
  data: REDIS_DAEMON,
} as const satisfies Record<string, DriftDaemon>;

export { runsOverlay, runsProxy, runsVrrp, speaksBgp } from '../../model/runs.js';
/**
 * Per site, the devices that run keepalived (VRRP, IPVS), those that run HAProxy and the upstreams
 * with a test client (of either family), in the site's order: whatif derives the services once per
 * failure, and a 5,000-device fabric has a handful of each.
 */
export const vrrpDevices = oncePer((site: DeepReadonly<SiteModel>) =>
  Object.freeze(site.devices.filter(runsVrrp)),
);
export const proxyDevices = oncePer((site: DeepReadonly<SiteModel>) =>
  Object.freeze(site.devices.filter(runsProxy)),
);
export const clientDevices = oncePer((site: DeepReadonly<SiteModel>) =>
  Object.freeze(site.devices.filter((d) => 'clientAddress' in d)),
);

/** A simulated upstream's test client of the family: where internet traffic comes from. */
export function internetClient(d: Dev, family: AddressFamily = 'ipv4'): string | null {
  if (!('clientAddress' in d)) return null;
  return family === 'ipv4' ? d.clientAddress : (d.clientAddress6 ?? null);
}

export function loopbackOf(d: Dev): string | undefined {
  return loopbackIn(d, 'ipv4');
}

/** The device's IPv6 loopback address (issue 14), if it has one. */
export function loopback6Of(d: Dev): string | undefined {
  return loopbackIn(d, 'ipv6');
}

function loopbackIn(d: Dev, family: AddressFamily): string | undefined {
  return d.interfaces.find((i) => i.kind === 'loopback')?.addresses.find((a) => a.family === family)?.address;
}

/** Whether the prefix holds the address, in either family (false across families). */
export function sameSubnet(cidr: string, address: string): boolean {
  if (address.includes(':')) {
    const prefix6 = parsePrefix6(cidr)?.prefix;
    const a6 = parseAddress6(address);
    return !!prefix6 && a6 !== undefined && contains6(prefix6, a6);
  }
  const prefix = parsePrefix(cidr)?.prefix;
  const a = parseAddress(address);
  return !!prefix && a !== undefined && contains(prefix, a);
}

export interface VrrpMember {
  device: string;
  interface: string;
  v: DeepReadonly<VrrpInstance>;
}

export interface VrrpGroup {
  /** `segment#vrid` */
  key: string;
  vip: string;
  members: VrrpMember[];
}

function groupsOf(site: DeepReadonly<SiteModel>, family: AddressFamily): readonly VrrpGroup[] {
  const groups = new Map<string, VrrpGroup>();
  for (const d of vrrpDevices(site)) {
    for (const v of ofFamily(d.keepalived.vrrpInstances, family)) {
      const key = `${v.segment}#${v.virtualRouterId}`;
      const group = groups.get(key) ?? { key, vip: cidrOf(v.virtualIpaddress[0]!), members: [] };
      group.members.push({ device: d.name, interface: v.interface, v });
      groups.set(key, group);
    }
  }
  return Object.freeze([...groups.values()].sort((a, b) => a.key.localeCompare(b.key)));
}
const groups4 = oncePer((site: DeepReadonly<SiteModel>) => groupsOf(site, 'ipv4'));
const groups6 = oncePer((site: DeepReadonly<SiteModel>) => groupsOf(site, 'ipv6'));

/**
 * Every VRRP group of the site in the family, with all its members (up or not), sorted by key:
 * IPv4's instances, or IPv6's VRRPv3 ones (same segment and VRID, own instance).
 */
export function vrrpGroups(
  site: DeepReadonly<SiteModel>,
  family: AddressFamily = 'ipv4',
): readonly VrrpGroup[] {
  return family === 'ipv4' ? groups4(site) : groups6(site);
}

/**
 * The member that holds the VIP: the intended master while it is up, else the surviving member
 * with the highest priority (VRRP's election, RFC 5798 section 6.4.2); none when all are down.
 */
export function masterOf(group: VrrpGroup, isDown: (name: string) => boolean): VrrpMember | undefined {
  const up = group.members.filter((m) => !isDown(m.device));
  const intended = group.members.find((m) => m.v.intendedMaster) ?? group.members[0];
  if (intended && up.includes(intended)) return intended;
  return [...up].sort((a, b) => b.v.priority - a.v.priority || a.device.localeCompare(b.device))[0];
}

/** Whether the device has a route (in the simulated routing it is given, of the address's family) that covers the address. */
export function routes(
  routing: { nexthops: ReadonlyMap<string, ReadonlyMap<string, unknown>> } | undefined,
  device: string,
  address: string,
): boolean {
  const table = routing?.nexthops.get(device);
  return !!table && hasCovering(table, address, sameSubnet);
}
