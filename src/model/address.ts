/**
 * Addresses as typed values, and the address-family axis of the model. Only IPv4 is configured
 * today; IPv6 comes beside it (`ipv6Unicast` beside `RouterBgp.ipv4Unicast`, IPv6 entries in
 * the same address lists), so no consumer splits `"10.1.0.11/32"` strings again.
 */

/** An address family fabric configures. */
export type AddressFamily = 'ipv4';

/** An address on an interface: the host address, and the length of the prefix it is on. */
export interface InterfaceAddress {
  /** The host address, e.g. `10.20.2.21`. */
  address: string;
  /** Length of the prefix the address is on, e.g. 24 (32 for a loopback). */
  prefixLength: number;
}

/** The address in CIDR notation, `10.20.2.21/24`, for the places that print or parse it so. */
export function cidrOf(a: InterfaceAddress): string {
  return `${a.address}/${a.prefixLength}`;
}
