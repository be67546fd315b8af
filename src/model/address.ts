/**
 * Addresses as typed values, and the address-family axis of the model. IPv4 is always there;
 * IPv6 comes beside it where the inventory gives it. A list of things that exist once per family
 * (an interface's `addresses`, `vrrpInstances`, `virtualServers`, HAProxy `binds`) is one list
 * whose items carry their `family`, IPv4 first; readers of one family select it with `ofFamily`.
 * Other IPv6 fields (`RouterBgp.ipv6Unicast` beside `ipv4Unicast`, `defaultGateway6`) are absent,
 * not empty, on an IPv4-only site. Every IPv6 address is in RFC 5952 form (src/net/ipv6.ts), so
 * consumers compare strings safely.
 */

/** An address family fabric configures. */
export type AddressFamily = 'ipv4' | 'ipv6';

/** The families in the order the model lists them: IPv4 first. */
export const ADDRESS_FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/** The items of one family of a list that holds both (`vrrpInstances`, `virtualServers`, `binds`), in order. */
export function ofFamily<T extends { readonly family: AddressFamily }>(
  items: readonly T[],
  family: AddressFamily,
): T[] {
  return items.filter((i) => i.family === family);
}

/** An address on an interface: the host address, and the length of the prefix it is on. */
export interface InterfaceAddress {
  /** The host address, e.g. `10.20.2.21`. */
  address: string;
  /** Length of the prefix the address is on, e.g. 24 (32 for a loopback). */
  prefixLength: number;
}

/** An interface's address in a list of both families (`FrrInterface`, `HostInterface`). */
export interface FamilyAddress extends InterfaceAddress {
  family: AddressFamily;
}

/** The address in CIDR notation, `10.20.2.21/24`, for the places that print or parse it so. */
export function cidrOf(a: InterfaceAddress): string {
  return `${a.address}/${a.prefixLength}`;
}

/**
 * Whether a device's interfaces have an IPv6 address: then snmpd serves IP-MIB's address table
 * (src/compile/snmp.ts) and drift compares it (src/drift/runtime.ts), as BGP4-MIB has no IPv6.
 */
export function hasIpv6Addresses(interfaces: readonly { addresses: readonly FamilyAddress[] }[]): boolean {
  return interfaces.some((i) => i.addresses.some((a) => a.family === 'ipv6'));
}
