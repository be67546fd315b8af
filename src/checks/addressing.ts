/** Addresses and prefixes: no address used twice, no pools or subnets overlapping, everything inside its pool. */
import type { DeviceFacts } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { contains, formatAddress, overlaps, type Prefix4, parseAddress, withLength } from '../net/ipv4.js';
import {
  type AddressRange,
  addressUses,
  duplicateFindings,
  overlapFindings,
  pastThePool,
} from './address-findings.js';
import { type CheckContext, finding } from './context.js';
import { notAHost } from './host-addresses.js';

const LOOPBACK_POOL = { label: 'loopback pool', bits: 32, reserved: 0, fix: 'widen pools.loopback' } as const;
const MGMT_POOL = {
  label: 'management pool',
  bits: 32,
  reserved: 1,
  fix: 'widen pools.mgmt or set mgmt',
} as const;

/** An optional IPv4 field of the inventory, parsed. */
function parse4(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseAddress(text);
}

export function checkDuplicateAddresses(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const { uses, use } = addressUses<number>();
  use(parseAddress(ctx.site.mgmt.gateway), {
    owner: 'mgmt-gateway',
    what: 'the management gateway',
    path: ['pools', 'mgmt'],
  });
  for (const d of facts.devices.values()) {
    if (ctx.duplicateIds.has(d.name)) continue;
    use(d.loopback, { owner: d.name, what: `loopback of ${d.name}`, path: [...d.path, 'id'] });
    const mgmtPath = d.given.mgmt ? [...d.path, 'mgmt'] : [...d.path, 'id'];
    use(d.mgmt, { owner: `mgmt:${d.name}`, what: `management address of ${d.name}`, path: mgmtPath });
    for (const n of d.nics)
      use(n.address, { owner: d.name, what: `${d.name} ${n.name}`, path: [...n.path, 'address'] });
  }
  for (const [name, u] of facts.upstreams) {
    const path = ['upstreams', name];
    use(u.ours, {
      owner: `link:${name}:ours`,
      what: `our end of the ${name} peering`,
      path: [...path, 'address'],
    });
    // a peer equal to our own address is its own finding below, not a second duplicate-address
    if (u.theirs !== u.ours)
      use(u.theirs, {
        owner: `link:${name}:peer`,
        what: `${name}'s end of its peering`,
        path: [...path, 'peer'],
      });
  }
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      use(parse4(g.address), {
        owner: `vip:${tenant}:gw:${seg}`,
        what: `gateway VIP of ${tenant}/${seg}`,
        path: [...base, 'routers', 'gateways', seg, 'address'],
      });
    if (t.l4) {
      use(parse4(t.l4.gateway.address), {
        owner: `vip:${tenant}:l4gw`,
        what: `L4 gateway VIP of ${tenant}`,
        path: [...base, 'l4', 'gateway', 'address'],
      });
      for (const [svc, s] of Object.entries(t.l4.services))
        use(parse4(s.address), {
          owner: `vip:${tenant}:${svc}`,
          what: `VIP of service ${tenant}/${svc}`,
          path: [...base, 'l4', 'services', svc, 'address'],
        });
    }
  }
  return duplicateFindings(ctx, uses, formatAddress);
}

export function checkOverlaps(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const ranges: AddressRange<Prefix4>[] = [
    { prefix: facts.pools.loopback, what: 'pools.loopback', path: ['pools', 'loopback'], kind: 'pool' },
    { prefix: facts.pools.mgmt, what: 'pools.mgmt', path: ['pools', 'mgmt'], kind: 'pool' },
  ];
  for (const s of facts.segments.values())
    if (s.subnet)
      ranges.push({
        prefix: s.subnet,
        what: `segment ${s.key}`,
        path: [...s.path, 'subnet'],
        kind: 'segment',
      });
  for (const [name, u] of facts.upstreams) {
    ranges.push({
      prefix: u.link,
      what: `the ${name} peering link`,
      path: ['upstreams', name, 'address'],
      kind: 'link',
    });
  }
  facts.announce.forEach((p, i) => {
    ranges.push({
      prefix: p,
      what: `announced prefix ${p.text}`,
      path: ['prefixes', 'announce', i],
      kind: 'announce',
    });
  });
  return overlapFindings(ctx, ranges, overlaps);
}

export function checkAddressesInPools(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  const inSegment = (address: string | undefined, segKey: string, what: string, path: InventoryPath) => {
    const seg = facts.segments.get(segKey);
    const a = parse4(address);
    if (!seg?.subnet || a === undefined) return;
    if (!contains(seg.subnet, a))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${what} ${address} is outside segment ${segKey} (${seg.subnet.text})`,
          path,
        ),
      );
    else if (notAHost(seg.subnet, a))
      out.push(
        finding(
          ctx,
          'not-a-host-address',
          `${what}: ${notAHost(seg.subnet, a)} (segment ${segKey}); choose a host address of the segment`,
          path,
        ),
      );
  };
  // devices whose id has no address in a pool: one finding per pool, not one per device
  const pastLoopback: DeviceFacts[] = [];
  const pastMgmt: DeviceFacts[] = [];
  for (const d of facts.devices.values()) {
    for (const n of d.nics)
      if (n.segment && n.address !== null)
        inSegment(formatAddress(n.address), n.segment, `${d.name} ${n.name}`, [...n.path, 'address']);
    const explicit = d.given.mgmt;
    if (d.loopback !== null && !contains(facts.pools.loopback, d.loopback)) pastLoopback.push(d);
    if (!explicit && d.mgmt !== null && !contains(facts.pools.mgmt, d.mgmt)) pastMgmt.push(d);
    if (explicit && d.mgmt !== null && !contains(facts.pools.mgmt, d.mgmt))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `management address ${explicit} of ${d.name} is outside pools.mgmt ${facts.pools.mgmt.text}`,
          [...d.path, 'mgmt'],
        ),
      );
  }
  out.push(
    ...pastThePool(
      ctx,
      { ...LOOPBACK_POOL, prefix: facts.pools.loopback, path: ['pools', 'loopback'] },
      pastLoopback,
    ),
    ...pastThePool(ctx, { ...MGMT_POOL, prefix: facts.pools.mgmt, path: ['pools', 'mgmt'] }, pastMgmt),
  );
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      inSegment(g.address, `${tenant}/${seg}`, 'gateway VIP', [
        ...base,
        'routers',
        'gateways',
        seg,
        'address',
      ]);
    if (t.l4) {
      inSegment(t.l4.gateway.address, `${tenant}/${t.l4.gateway.segment}`, 'L4 gateway VIP', [
        ...base,
        'l4',
        'gateway',
        'address',
      ]);
      for (const [svc, s] of Object.entries(t.l4.services))
        inSegment(s.address, `${tenant}/${s.segment}`, `VIP of ${svc}`, [
          ...base,
          'l4',
          'services',
          svc,
          'address',
        ]);
    }
  }
  for (const [name, u] of facts.upstreams) {
    const peer = formatAddress(u.theirs);
    if (!contains(u.link, u.theirs))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${name}: peer ${peer} is not on the link ${u.link.text} of our address ${withLength(u.ours, u.link.length)}`,
          ['upstreams', name, 'peer'],
        ),
      );
    else if (u.theirs === u.ours)
      out.push(
        finding(ctx, 'duplicate-address', `${name}: peer ${peer} is our own address`, [
          'upstreams',
          name,
          'peer',
        ]),
      );
  }
  return out;
}
