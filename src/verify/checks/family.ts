/**
 * The address-family axis of the check kinds (issue 14): each kind derives its expectations once
 * per family from what the model has of that family (IPv6 only for the devices, segments and VIPs
 * that have IPv6), and reads the device's state with the daemon's own command for the family.
 * An IPv4 expectation carries no `family` and keeps the id it always had; an IPv6 one carries
 * `family: 'ipv6'` and `ipv6` after its kind's tag in its id.
 */
import { ADDRESS_FAMILIES, type AddressFamily, ofFamily } from '../../model/address.js';
import type { FamilyRouting, RoutingExpectation } from '../routing.js';
import type { ExpectationBase } from './spec.js';

export type { AddressFamily };
/** A folded list's items of one family (`vrrpInstances`, `virtualServers`, `binds`). */
export { ofFamily };

/** Every family a kind derives, IPv4 first: IPv6's expectations follow IPv4's. */
export const FAMILIES: readonly AddressFamily[] = ADDRESS_FAMILIES;

/** The family of an expectation. */
export const familyOf = (e: Pick<ExpectationBase, 'family'>): AddressFamily => e.family ?? 'ipv4';

/** What an expectation of the family carries: nothing for IPv4, `family: 'ipv6'` for IPv6. */
export function familyField(f: AddressFamily): Pick<ExpectationBase, 'family'> {
  return f === 'ipv6' ? { family: 'ipv6' } : {};
}

/** An expectation's id: `<tag>:<rest>` for IPv4 (as always), `<tag>:ipv6:<rest>` for IPv6. */
export const familyId = (tag: string, f: AddressFamily, rest: string): string =>
  f === 'ipv4' ? `${tag}:${rest}` : `${tag}:ipv6:${rest}`;

/** `IPv6 ` in an IPv6 expectation's words, nothing in an IPv4 one's (whose titles stay as they were). */
export const familyWord = (f: AddressFamily): string => (f === 'ipv6' ? 'IPv6 ' : '');

/** The simulated routing of one family; none for IPv6 on a site whose speakers do not route it. */
export function routingOf(r: RoutingExpectation, f: AddressFamily): FamilyRouting | undefined {
  return f === 'ipv4' ? r : r.ipv6;
}
