/**
 * The addressing checks of addressing.ts for IPv6 (issue 14): no IPv6 address used twice, no IPv6
 * pools, subnets, links or announced prefixes overlapping, every segment address inside its
 * `subnet6` and a host of it, every id inside `pools.loopback6` and `pools.mgmt6`. Addresses are compared as
 * numbers, so `2001:DB8::1` and `2001:db8:0::1` are the same address; messages print RFC 5952.
 * Nothing here runs on an IPv4-only site: it has no IPv6 field.
 */

import type { DeviceFacts } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import {
  contains6,
  formatAddress6,
  notAHost6,
  overlaps6,
  type Prefix6,
  parseAddress6,
  withLength6,
} from '../net/ipv6.js';
import {
  type AddressRange,
  addressUses,
  duplicateFindings,
  overlapFindings,
  type PoolDevice,
  pastThePool,
} from './address-findings.js';
import { type CheckContext, finding } from './context.js';

/** An optional IPv6 field of the inventory, parsed. */
function parse6(text: string | undefined): bigint | undefined {
  return text === undefined ? undefined : parseAddress6(text);
}

export function checkDuplicateAddresses6(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const { uses, use } = addressUses<bigint>();
  for (const d of facts.devices.values()) {
    if (ctx.duplicateIds.has(d.name)) continue;
    use(d.loopback6, { owner: d.name, what: `IPv6 loopback of ${d.name}`, path: [...d.path, 'id'] });
    use(d.mgmt6, {
      owner: `mgmt:${d.name}`,
      what: `IPv6 management address of ${d.name}`,
      path: [...d.path, 'id'],
    });
    for (const n of d.nics)
      use(n.address6, { owner: d.name, what: `${d.name} ${n.name}`, path: [...n.path, 'address6'] });
  }
  for (const [name, u] of facts.upstreams) {
    if (!u.ipv6) continue;
    const path = ['upstreams', name];
    use(u.ipv6.ours, {
      owner: `link:${name}:ours`,
      what: `our IPv6 end of the ${name} peering`,
      path: [...path, 'address6'],
    });
    if (u.ipv6.theirs !== u.ipv6.ours)
      use(u.ipv6.theirs, {
        owner: `link:${name}:peer`,
        what: `${name}'s IPv6 end of its peering`,
        path: [...path, 'peer6'],
      });
  }
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      use(parse6(g.address6), {
        owner: `vip:${tenant}:gw:${seg}`,
        what: `IPv6 gateway VIP of ${tenant}/${seg}`,
        path: [...base, 'routers', 'gateways', seg, 'address6'],
      });
    if (t.l4) {
      use(parse6(t.l4.gateway.address6), {
        owner: `vip:${tenant}:l4gw`,
        what: `IPv6 L4 gateway VIP of ${tenant}`,
        path: [...base, 'l4', 'gateway', 'address6'],
      });
      for (const [svc, s] of Object.entries(t.l4.services))
        use(parse6(s.address6), {
          owner: `vip:${tenant}:${svc}`,
          what: `IPv6 VIP of service ${tenant}/${svc}`,
          path: [...base, 'l4', 'services', svc, 'address6'],
        });
    }
  }
  return duplicateFindings(ctx, uses, formatAddress6);
}

export function checkOverlaps6(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const ranges: AddressRange<Prefix6>[] = [];
  if (facts.pools.loopback6)
    ranges.push({
      prefix: facts.pools.loopback6,
      what: 'pools.loopback6',
      path: ['pools', 'loopback6'],
      kind: 'pool',
    });
  if (facts.pools.mgmt6)
    ranges.push({ prefix: facts.pools.mgmt6, what: 'pools.mgmt6', path: ['pools', 'mgmt6'], kind: 'pool' });
  for (const s of facts.segments.values())
    if (s.subnet6)
      ranges.push({
        prefix: s.subnet6,
        what: `segment ${s.key}`,
        path: [...s.path, 'subnet6'],
        kind: 'segment',
      });
  for (const [name, u] of facts.upstreams)
    if (u.ipv6)
      ranges.push({
        prefix: u.ipv6.link,
        what: `the ${name} IPv6 peering link`,
        path: ['upstreams', name, 'address6'],
        kind: 'link',
      });
  facts.announce6.forEach((p, i) => {
    ranges.push({
      prefix: p,
      what: `announced prefix ${p.text}`,
      path: ['prefixes', 'announce6', i],
      kind: 'announce',
    });
  });
  return overlapFindings(ctx, ranges, overlaps6);
}

export function checkAddressesInPools6(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  const inSegment = (address: bigint | undefined, segKey: string, what: string, path: InventoryPath) => {
    const subnet = facts.segments.get(segKey)?.subnet6;
    if (!subnet || address === undefined) return;
    const text = formatAddress6(address);
    if (!contains6(subnet, address))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${what} ${text} is outside segment ${segKey} (${subnet.text})`,
          path,
        ),
      );
    else if (notAHost6(subnet, address))
      out.push(
        finding(
          ctx,
          'not-a-host-address',
          `${what}: ${notAHost6(subnet, address)} (segment ${segKey}); choose a host address of the segment`,
          path,
        ),
      );
  };
  for (const d of facts.devices.values())
    for (const n of d.nics)
      if (n.segment && n.address6 !== null)
        inSegment(n.address6, n.segment, `${d.name} ${n.name}`, [...n.path, 'address6']);
  // the pools whose addresses are network + id: an id past the end has none
  const pools = [
    { key: 'loopback6', label: 'IPv6 loopback pool', address: (d: DeviceFacts) => d.loopback6 },
    { key: 'mgmt6', label: 'IPv6 management pool', address: (d: DeviceFacts) => d.mgmt6 },
  ] as const;
  for (const { key, label, address } of pools) {
    const pool = facts.pools[key];
    if (!pool) continue;
    const past: PoolDevice[] = [...facts.devices.values()].filter((d) => {
      const a = address(d);
      return a !== null && !ctx.duplicateIds.has(d.name) && !contains6(pool, a);
    });
    out.push(
      ...pastThePool(
        ctx,
        { label, prefix: pool, path: ['pools', key], bits: 128, reserved: 0, fix: `widen pools.${key}` },
        past,
      ),
    );
  }
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      inSegment(parse6(g.address6), `${tenant}/${seg}`, 'IPv6 gateway VIP', [
        ...base,
        'routers',
        'gateways',
        seg,
        'address6',
      ]);
    if (t.l4) {
      inSegment(parse6(t.l4.gateway.address6), `${tenant}/${t.l4.gateway.segment}`, 'IPv6 L4 gateway VIP', [
        ...base,
        'l4',
        'gateway',
        'address6',
      ]);
      for (const [svc, s] of Object.entries(t.l4.services))
        inSegment(parse6(s.address6), `${tenant}/${s.segment}`, `IPv6 VIP of ${svc}`, [
          ...base,
          'l4',
          'services',
          svc,
          'address6',
        ]);
    }
  }
  for (const [name, u] of facts.upstreams) {
    if (!u.ipv6) continue;
    const { link, ours, theirs } = u.ipv6;
    const peer = formatAddress6(theirs);
    const path = ['upstreams', name, 'peer6'];
    if (!contains6(link, theirs))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${name}: peer6 ${peer} is not on the link ${link.text} of our address ${withLength6(ours, link.length)}`,
          path,
        ),
      );
    else if (theirs === ours)
      out.push(finding(ctx, 'duplicate-address', `${name}: peer6 ${peer} is our own address`, path));
    else {
      const hint = `use a /127 (RFC 6164) or a host address of ${link.text}`;
      const oursWhy = notAHost6(link, ours);
      if (oursWhy)
        out.push(
          finding(ctx, 'not-a-host-address', `upstream ${name}: our address6 ${oursWhy}; ${hint}`, [
            'upstreams',
            name,
            'address6',
          ]),
        );
      const peerWhy = notAHost6(link, theirs);
      if (peerWhy)
        out.push(finding(ctx, 'not-a-host-address', `upstream ${name}: peer6 ${peerWhy}; ${hint}`, path));
    }
  }
  return out;
}
