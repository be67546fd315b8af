/**
 * Host addresses: every address a device is given or derives must be a host of its subnet, never
 * its network or broadcast address (the kernel accepts them, then ARP, VRRP and BGP misbehave).
 * /31 and /32 have neither (RFC 3021). Segment addresses (NICs, gateways, VIPs) are checked in
 * addressing.ts together with their subnet; this module checks IPv4 management and peering links
 * (an IPv6 peering link's are in addressing.ts, its IPv6 table).
 */
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { contains, formatAddress, isNetworkOrBroadcast, type Prefix4 } from '../net/ipv4.js';
import { type CheckContext, finding } from './context.js';

/** `203.0.113.0 is the network address of 203.0.113.0/24`, or undefined for a host address. */
export function notAHost(subnet: Prefix4, address: number): string | undefined {
  if (!isNetworkOrBroadcast(subnet, address)) return undefined;
  const which = address === subnet.network ? 'network' : 'broadcast';
  return `${formatAddress(address)} is the ${which} address of ${subnet.text}`;
}

export function checkHostAddresses(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  const report = (message: string, path: InventoryPath) =>
    out.push(finding(ctx, 'not-a-host-address', message, path));

  const pool = facts.pools.mgmt;
  for (const d of facts.devices.values()) {
    if (d.mgmt === null || ctx.duplicateIds.has(d.name) || !contains(pool, d.mgmt)) continue;
    const why = notAHost(pool, d.mgmt);
    if (!why) continue;
    const explicit = d.given.mgmt !== null;
    const last = 2 ** (32 - pool.length) - 2;
    report(
      explicit
        ? `management address of ${d.name}: ${why} (pools.mgmt); choose a host address of pools.mgmt other than its gateway (.1)`
        : `management address of ${d.name} (pools.mgmt + id ${d.id}): ${why}; give ${d.name} an id from 2 to ${last}, or set mgmt`,
      explicit ? [...d.path, 'mgmt'] : [...d.path, 'id'],
    );
  }

  for (const [name, u] of facts.upstreams) {
    const { link, ours, theirs: peer } = u;
    const hint = `use a /31 (RFC 3021) or a host address of ${link.text}`;
    const oursWhy = notAHost(link, ours);
    if (oursWhy) report(`upstream ${name}: our address ${oursWhy}; ${hint}`, ['upstreams', name, 'address']);
    const peerWhy = contains(link, peer) ? notAHost(link, peer) : undefined;
    if (peerWhy) report(`upstream ${name}: peer ${peerWhy}; ${hint}`, ['upstreams', name, 'peer']);
  }
  return out;
}
