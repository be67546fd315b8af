/**
 * Kernel settings of a device, rendered to /etc/sysctl.d/90-fabric.conf. Only `net.*` keys: they
 * are per network namespace, so a lab node applies them without touching the host.
 */
import type { HostInterface, Sysctl } from '../model/types.js';

/**
 * A routed device drops a route's next hop the moment its link loses carrier, instead of
 * forwarding into a dead link until BFD/BGP withdraw it (FRR reacts too, but only after zebra
 * hears of the link change and reinstalls the route). `all` covers the interfaces that exist,
 * `default` the ones created later; IPv6 too, since unnumbered BGP's next hops are link-local
 * IPv6 addresses. https://docs.kernel.org/networking/ip-sysctl.html (ignore_routes_with_linkdown)
 */
const ROUTED: Sysctl[] = [
  { key: 'net.ipv4.conf.all.ignore_routes_with_linkdown', value: '1' },
  { key: 'net.ipv4.conf.default.ignore_routes_with_linkdown', value: '1' },
  { key: 'net.ipv6.conf.all.ignore_routes_with_linkdown', value: '1' },
  { key: 'net.ipv6.conf.default.ignore_routes_with_linkdown', value: '1' },
  // An interface set down and up again keeps its IPv6 addresses: the kernel flushes them on
  // admin down (IPv4's stay), and FRR 8.4's zebra does not put a configured one back, so an
  // upstream session over a numbered IPv6 link stayed down for good after its far end's link
  // was cut and restored (idc-a lab, edge1/cut: isp1's 2001:db8:ffff:1::/127 gone).
  { key: 'net.ipv6.conf.all.keep_addr_on_down', value: '1' },
  { key: 'net.ipv6.conf.default.keep_addr_on_down', value: '1' },
];

/**
 * No duplicate address detection on the device's own links. Every time a link comes back, the
 * kernel runs DAD again on each of its IPv6 addresses, link-local included, and for ~1 s they are
 * `tentative`: unusable as a source, so no unnumbered BGP session, no VRRPv3 advert, no IPv6
 * traffic from a VRRP master that has just taken its gateway back (idc-a lab, hv1/cut: the
 * failback of vr1's IPv6 gateway lost up to 1,022 ms, docs/failover.md). fabric allocates every
 * address and the checks refuse a duplicate (`duplicate-address`), so DAD only delays. The
 * effective value is the larger of `all` and the interface's, and `default` only reaches
 * interfaces created later: hence all three (https://docs.kernel.org/networking/ip-sysctl.html,
 * accept_dad).
 */
function noDad(interfaces: readonly string[]): Sysctl[] {
  return ['all', 'default', ...interfaces].map((i) => ({ key: `net.ipv6.conf.${i}.accept_dad`, value: '0' }));
}

/**
 * The interfaces that are the device's own NICs: not its loopback (no DAD there), and not, on a
 * hypervisor, the OVS ports of its VMs (`vm-*` kinds on a device that is not itself a VM): they
 * carry no address of the hypervisor's and exist only while their VM does.
 */
export function ownNics(interfaces: readonly HostInterface[], isVm: boolean): string[] {
  return interfaces
    .filter((i) => i.kind !== 'loopback' && (isVm || !i.kind.startsWith('vm-')))
    .map((i) => i.name);
}

/**
 * A member of the HAProxy pair holding data VIPs with VRRP (docs/data-tier.md) binds each VIP's
 * port on the VIP itself, which only the VRRP master has: the backup's HAProxy must still start,
 * reload and listen, so it may bind an address it does not have. Per network namespace, like the
 * others (https://docs.kernel.org/networking/ip-sysctl.html, ip_nonlocal_bind).
 */
const NONLOCAL_BIND: Sysctl[] = [{ key: 'net.ipv4.ip_nonlocal_bind', value: '1' }];
/** The same for its IPv6 data VIPs (`address6`). */
const NONLOCAL_BIND6: Sysctl[] = [{ key: 'net.ipv6.ip_nonlocal_bind', value: '1' }];

/**
 * The sysctls of a device: the routed set where FRR routes (`routed`); no DAD where it routes
 * (unnumbered sessions use link-local addresses) or where fabric configures daemons on a device
 * with an IPv6 address (`configured`: an application server is not fabric's to tune); the
 * non-local bind where it holds data VIPs (`holdsDataVips`, and IPv6's for IPv6 ones); else none.
 */
export function compileSysctls(
  device: {
    routed: boolean;
    configured: boolean;
    isVm: boolean;
    holdsDataVips?: boolean;
    /** Its tenant has IPv6 data VIPs (`address6`). */
    holdsDataVips6?: boolean;
  },
  interfaces: readonly HostInterface[],
): Sysctl[] {
  const ipv6 = interfaces.some((i) => i.addresses.some((a) => a.family === 'ipv6'));
  return [
    ...(device.routed ? ROUTED.map((s) => ({ ...s })) : []),
    ...(device.routed || (device.configured && ipv6) ? noDad(ownNics(interfaces, device.isVm)) : []),
    ...(device.holdsDataVips ? NONLOCAL_BIND.map((s) => ({ ...s })) : []),
    ...(device.holdsDataVips6 ? NONLOCAL_BIND6.map((s) => ({ ...s })) : []),
  ];
}
