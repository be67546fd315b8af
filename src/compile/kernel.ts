/**
 * Kernel settings of a device, rendered to /etc/sysctl.d/90-fabric.conf. Only `net.*` keys: they
 * are per network namespace, so a lab node applies them without touching the host.
 */
import type { Sysctl } from '../model/types.js';

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

/** The sysctls of a device: the routed set where FRR routes (`routed`), else none. */
export function compileSysctls(routed: boolean): Sysctl[] {
  return routed ? ROUTED.map((s) => ({ ...s })) : [];
}
