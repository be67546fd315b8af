/** Addresses and prefixes: no address used twice, no pools or subnets overlapping, everything inside its pool. */
import type { DeviceFacts } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { contains, formatAddress, overlaps, type Prefix4, parseAddress, withLength } from '../net/ipv4.js';
import { type CheckContext, finding } from './context.js';
import { notAHost } from './host-addresses.js';

type PoolDevice = Pick<DeviceFacts, 'name' | 'id' | 'path'>;

/**
 * Devices whose id has no address in a pool (the address is pool + id). One device: at its id.
 * Several: one finding at the pool, naming them and the pool size that fits the largest id
 * (`reserved` addresses at the pool's end, the broadcast of a management subnet).
 */
function pastThePool(
  ctx: CheckContext,
  pool: 'loopback' | 'mgmt',
  prefix: Prefix4,
  devices: readonly PoolDevice[],
  reserved: number,
  fix: string,
): Diagnostic[] {
  const label = pool === 'loopback' ? 'loopback pool' : 'management pool';
  if (devices.length === 0) return [];
  if (devices.length === 1) {
    const d = devices[0]!;
    return [
      finding(
        ctx,
        'address-outside-pool',
        `${d.name}: ${label} ${prefix.text} has no offset ${d.id}; ${fix}`,
        [...d.path, 'id'],
      ),
    ];
  }
  const sorted = [...devices].sort((a, b) => a.id - b.id);
  const maxId = sorted[sorted.length - 1]!.id;
  const fits = 32 - Math.ceil(Math.log2(maxId + 1 + reserved));
  const named = sorted.slice(0, 6).map((d) => `${d.name} (${d.id})`);
  const more = sorted.length > 6 ? ` and ${sorted.length - 6} more` : '';
  return [
    finding(
      ctx,
      'address-outside-pool',
      `${label} ${prefix.text} has no offset for the ids of ${sorted.length} devices: ${named.join(', ')}${more}; ${fix} (a /${fits} holds id ${maxId})`,
      ['pools', pool],
    ),
  ];
}

interface Use {
  owner: string;
  what: string;
  path: InventoryPath;
}

export function checkDuplicateAddresses(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const uses = new Map<number, Use[]>();
  const use = (address: number | null | undefined, u: Use) => {
    if (address === null || address === undefined) return;
    uses.set(address, [...(uses.get(address) ?? []), u]);
  };
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
      use(parseAddress(g.address), {
        owner: `vip:${tenant}:gw:${seg}`,
        what: `gateway VIP of ${tenant}/${seg}`,
        path: [...base, 'routers', 'gateways', seg, 'address'],
      });
    if (t.l4) {
      use(parseAddress(t.l4.gateway.address), {
        owner: `vip:${tenant}:l4gw`,
        what: `L4 gateway VIP of ${tenant}`,
        path: [...base, 'l4', 'gateway', 'address'],
      });
      for (const [svc, s] of Object.entries(t.l4.services))
        use(parseAddress(s.address), {
          owner: `vip:${tenant}:${svc}`,
          what: `VIP of service ${tenant}/${svc}`,
          path: [...base, 'l4', 'services', svc, 'address'],
        });
    }
  }
  const out: Diagnostic[] = [];
  for (const [address, list] of uses) {
    const owners = [...new Set(list.map((u) => u.owner))];
    if (owners.length < 2) continue;
    const [first, ...rest] = list;
    for (const u of rest) {
      if (u.owner === first!.owner) continue;
      out.push(
        finding(
          ctx,
          'duplicate-address',
          `${formatAddress(address)} is used twice: ${u.what} and ${first!.what}`,
          u.path,
        ),
      );
    }
  }
  return out;
}

interface Range {
  prefix: Prefix4;
  what: string;
  path: InventoryPath;
  kind: 'pool' | 'segment' | 'link' | 'announce';
}

export function checkOverlaps(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const ranges: Range[] = [
    { prefix: facts.pools.loopback, what: 'pools.loopback', path: ['pools', 'loopback'], kind: 'pool' },
    { prefix: facts.pools.mgmt, what: 'pools.mgmt', path: ['pools', 'mgmt'], kind: 'pool' },
  ];
  for (const s of facts.segments.values())
    ranges.push({ prefix: s.subnet, what: `segment ${s.key}`, path: [...s.path, 'subnet'], kind: 'segment' });
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
  const out: Diagnostic[] = [];
  for (let i = 0; i < ranges.length; i++)
    for (let j = 0; j < i; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (!overlaps(a.prefix, b.prefix)) continue;
      // a public segment inside an announced prefix is the point of announcing it
      if ((a.kind === 'announce' && b.kind === 'segment') || (a.kind === 'segment' && b.kind === 'announce'))
        continue;
      if (a.kind === 'announce' && b.kind === 'announce') continue;
      out.push(
        finding(
          ctx,
          'prefix-overlap',
          `${a.what} (${a.prefix.text}) overlaps ${b.what} (${b.prefix.text})`,
          a.path,
        ),
      );
    }
  return out;
}

export function checkAddressesInPools(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  const inSegment = (address: string, segKey: string, what: string, path: InventoryPath) => {
    const seg = facts.segments.get(segKey);
    const a = parseAddress(address);
    if (!seg || a === undefined) return;
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
    ...pastThePool(ctx, 'loopback', facts.pools.loopback, pastLoopback, 0, 'widen pools.loopback'),
    ...pastThePool(ctx, 'mgmt', facts.pools.mgmt, pastMgmt, 1, 'widen pools.mgmt or set mgmt'),
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
