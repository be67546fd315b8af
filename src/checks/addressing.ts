/**
 * Addresses and prefixes, once per address family: no address used twice, no pools, subnets,
 * links or announced prefixes overlapping, every segment address inside its subnet and a host of
 * it, every id inside the pools whose addresses derive from it. What differs between IPv4 and
 * IPv6 is one table per family (`IPV4`, `IPV6`): its arithmetic, where the facts and the
 * inventory keep its addresses, and the few rules only one family has. Addresses are compared
 * as numbers, so `2001:DB8::1` and `2001:db8:0::1` are the same address; IPv6 is printed in
 * RFC 5952 form. Nothing of IPv6 runs on an IPv4-only site: it has no IPv6 field.
 */

import type { DeviceFacts, NicFacts, SegmentFacts, SiteFacts, UpstreamFacts } from '../compile/facts.js';
import { inServicePrefix } from '../compile/facts.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { AddressFamily } from '../model/address.js';
import { contains, formatAddress, overlaps, type Prefix4, parseAddress, withLength } from '../net/ipv4.js';
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
  upstreamRanges,
} from './address-findings.js';
import { clusterRanges } from './clusters.js';
import { type Check, type CheckContext, finding } from './context.js';
import { dataVipAddresses } from './data.js';
import { notAHost } from './host-addresses.js';

interface Prefix {
  text: string;
  length: number;
}

/** A gateway's or VIP's addresses as the inventory writes them. */
interface WrittenAddresses {
  address?: string;
  address6?: string;
}

/** What the addressing checks need of one family (`A`: its address as a number, `P`: its prefix). */
interface Family<A, P extends Prefix> {
  /** `IPv6 ` before a noun in an IPv6 finding; nothing in an IPv4 one (which reads as it always did). */
  word: '' | 'IPv6 ';
  /** What ends the family's inventory fields: `address`/`address6`, `peer6`, `subnet6`, `pools.loopback6`. */
  suffix: '' | '6';
  bits: 32 | 128;
  parse(text: string): A | undefined;
  format(a: A): string;
  contains(p: P, a: A): boolean;
  overlaps(p: P, q: P): boolean;
  /** Why the address is not a host of the prefix (network, broadcast, Subnet-Router anycast), or undefined. */
  notAHost(p: P, a: A): string | undefined;
  withLength(a: A, length: number): string;
  /** An address in a finding: IPv4 as the inventory wrote it, IPv6 in RFC 5952 form. */
  echo(written: string | undefined, a: A): string;
  /** Where the facts keep the family's addresses and prefixes; null where the site has none. */
  loopback(d: DeviceFacts): A | null;
  mgmt(d: DeviceFacts): A | null;
  nic(n: NicFacts): A | null;
  subnet(s: SegmentFacts): P | null;
  upstream(u: UpstreamFacts): { link: P; ours: A; theirs: A; originate: readonly P[] } | null;
  pools(facts: SiteFacts): { loopback: P | null; mgmt: P | null };
  announce(facts: SiteFacts): readonly P[];
  written(v: WrittenAddresses): string | undefined;
  /** The management gateway, which no device may take (IPv4's; IPv6 management has none). */
  mgmtGateway(ctx: CheckContext): A | undefined;
  /**
   * A management address the inventory sets (`mgmt`, IPv4 only), as written, or null where it
   * derives from the id. The family without one has no `or set mgmt` to suggest.
   */
  givenMgmt: ((d: DeviceFacts) => string | null) | null;
  /** Addresses reserved at the end of the management pool: IPv4's broadcast. */
  mgmtReserved: number;
  /** Whether a device that shares its id is left out of pool exhaustion (IPv6; IPv4 counts it). */
  exhaustionSkipsSharedIds: boolean;
  /**
   * The hint of a peering link's host-address findings, checked here; null for IPv4, whose links
   * host-addresses.ts checks with the management addresses.
   */
  linkHostHint: ((link: P) => string) | null;
}

const IPV4: Family<number, Prefix4> = {
  word: '',
  suffix: '',
  bits: 32,
  parse: parseAddress,
  format: formatAddress,
  contains,
  overlaps,
  notAHost,
  withLength,
  echo: (written, a) => written ?? formatAddress(a),
  loopback: (d) => d.loopback,
  mgmt: (d) => d.mgmt,
  nic: (n) => n.address,
  subnet: (s) => s.subnet,
  upstream: (u) => u,
  pools: (facts) => facts.pools,
  announce: (facts) => facts.announce,
  written: (v) => v.address,
  mgmtGateway: (ctx) => parseAddress(ctx.site.mgmt.gateway),
  givenMgmt: (d) => d.given.mgmt,
  mgmtReserved: 1,
  exhaustionSkipsSharedIds: false,
  linkHostHint: null,
};

const IPV6: Family<bigint, Prefix6> = {
  word: 'IPv6 ',
  suffix: '6',
  bits: 128,
  parse: parseAddress6,
  format: formatAddress6,
  contains: contains6,
  overlaps: overlaps6,
  notAHost: notAHost6,
  withLength: withLength6,
  echo: (_written, a) => formatAddress6(a),
  loopback: (d) => d.loopback6,
  mgmt: (d) => d.mgmt6,
  nic: (n) => n.address6,
  subnet: (s) => s.subnet6,
  upstream: (u) => u.ipv6,
  pools: (facts) => ({ loopback: facts.pools.loopback6, mgmt: facts.pools.mgmt6 }),
  announce: (facts) => facts.announce6,
  written: (v) => v.address6,
  mgmtGateway: () => undefined,
  givenMgmt: null,
  mgmtReserved: 0,
  exhaustionSkipsSharedIds: true,
  linkHostHint: (link) => `use a /127 (RFC 6164) or a host address of ${link.text}`,
};

/** A check of one family, run with the family's table. */
type FamilyCheck = <A, P extends Prefix>(ctx: CheckContext, f: Family<A, P>) => Diagnostic[];

function perFamily(check: FamilyCheck): (family: AddressFamily) => Check {
  return (family) => (ctx) => (family === 'ipv4' ? check(ctx, IPV4) : check(ctx, IPV6));
}

/** The gateways and VIPs of every tenant, with what the findings call them and where they are written. */
function* tenantAddresses(facts: SiteFacts, word: string) {
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      yield {
        owner: `vip:${tenant}:gw:${seg}`,
        what: `${word}gateway VIP of ${tenant}/${seg}`,
        whatInSegment: `${word}gateway VIP`,
        segment: `${tenant}/${seg}`,
        written: g,
        path: [...base, 'routers', 'gateways', seg],
      };
    if (t.l4) {
      yield {
        owner: `vip:${tenant}:l4gw`,
        what: `${word}L4 gateway VIP of ${tenant}`,
        whatInSegment: `${word}L4 gateway VIP`,
        segment: `${tenant}/${t.l4.gateway.segment}`,
        written: t.l4.gateway,
        path: [...base, 'l4', 'gateway'],
      };
      for (const [svc, s] of Object.entries(t.l4.services))
        yield {
          owner: `vip:${tenant}:${svc}`,
          what: `${word}VIP of service ${tenant}/${svc}`,
          whatInSegment: `${word}VIP of ${svc}`,
          segment: `${tenant}/${s.segment}`,
          written: s,
          path: [...base, 'l4', 'services', svc],
          hostRoute: inServicePrefix(facts, tenant, s.address), // anycast: off the segment
        };
    }
    yield* dataVipAddresses(tenant, t, word);
  }
}

function checkDuplicates<A, P extends Prefix>(ctx: CheckContext, f: Family<A, P>): Diagnostic[] {
  const { facts } = ctx;
  const address = `address${f.suffix}`;
  const { uses, use } = addressUses<A>();
  use(f.mgmtGateway(ctx), { owner: 'mgmt-gateway', what: 'the management gateway', path: ['pools', 'mgmt'] });
  for (const d of facts.devices.values()) {
    if (ctx.duplicateIds.has(d.name)) continue;
    use(f.loopback(d), { owner: d.name, what: `${f.word}loopback of ${d.name}`, path: [...d.path, 'id'] });
    use(f.mgmt(d), {
      owner: `mgmt:${d.name}`,
      what: `${f.word}management address of ${d.name}`,
      path: [...d.path, f.givenMgmt?.(d) ? 'mgmt' : 'id'],
    });
    for (const n of d.nics)
      use(f.nic(n), { owner: d.name, what: `${d.name} ${n.name}`, path: [...n.path, address] });
  }
  for (const [name, u] of facts.upstreams) {
    const link = f.upstream(u);
    if (!link) continue;
    use(link.ours, {
      owner: `link:${name}:ours`,
      what: `our ${f.word}end of the ${name} peering`,
      path: ['upstreams', name, address],
    });
    // a peer equal to our own address is its own finding (checkInPools), not a second duplicate-address
    if (link.theirs !== link.ours)
      use(link.theirs, {
        owner: `link:${name}:peer`,
        what: `${name}'s ${f.word}end of its peering`,
        path: ['upstreams', name, `peer${f.suffix}`],
      });
  }
  for (const v of tenantAddresses(facts, f.word))
    use(parseWritten(f, v.written), { owner: v.owner, what: v.what, path: [...v.path, address] });
  return duplicateFindings(ctx, uses, f.format);
}

/** A gateway's or VIP's address of the family, parsed; undefined where it has none. */
function parseWritten<A, P extends Prefix>(f: Family<A, P>, v: WrittenAddresses): A | undefined {
  const text = f.written(v);
  return text === undefined ? undefined : f.parse(text);
}

function checkPrefixOverlaps<A, P extends Prefix>(ctx: CheckContext, f: Family<A, P>): Diagnostic[] {
  const { facts } = ctx;
  const ranges: AddressRange<P>[] = [];
  const pools = f.pools(facts);
  for (const key of ['loopback', 'mgmt'] as const) {
    const prefix = pools[key];
    const name = `${key}${f.suffix}`;
    if (prefix) ranges.push({ prefix, what: `pools.${name}`, path: ['pools', name], kind: 'pool' });
  }
  for (const s of facts.segments.values()) {
    const prefix = f.subnet(s);
    if (prefix)
      ranges.push({
        prefix,
        what: `segment ${s.key}`,
        path: [...s.path, `subnet${f.suffix}`],
        kind: 'segment',
      });
  }
  ranges.push(...upstreamRanges(facts.upstreams, f));
  f.announce(facts).forEach((p, i) => {
    ranges.push({
      prefix: p,
      what: `announced prefix ${p.text}`,
      path: ['prefixes', `announce${f.suffix}`, i],
      kind: 'announce',
    });
  });
  // the family's ranges: the suffix says which (IPv4's prefixes have none)
  ranges.push(...clusterRanges<P>(facts, f.suffix));
  return overlapFindings(ctx, ranges, f.overlaps);
}

function checkInPools<A, P extends Prefix>(ctx: CheckContext, f: Family<A, P>): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  const address = `address${f.suffix}`;
  const inSegment = (
    a: A | undefined,
    written: string | undefined,
    segKey: string,
    what: string,
    path: InventoryPath,
  ) => {
    const seg = facts.segments.get(segKey);
    const subnet = seg && f.subnet(seg);
    if (!subnet || a === undefined) return;
    if (!f.contains(subnet, a))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${what} ${f.echo(written, a)} is outside segment ${segKey} (${subnet.text}); give it an address inside ${subnet.text}`,
          path,
        ),
      );
    else if (f.notAHost(subnet, a))
      out.push(
        finding(
          ctx,
          'not-a-host-address',
          `${what}: ${f.notAHost(subnet, a)} (segment ${segKey}); choose a host address of the segment`,
          path,
        ),
      );
  };
  const pools = f.pools(facts);
  for (const d of facts.devices.values()) {
    for (const n of d.nics) {
      const a = f.nic(n);
      if (n.segment && a !== null)
        inSegment(a, undefined, n.segment, `${d.name} ${n.name}`, [...n.path, address]);
    }
    // a management address the inventory sets is outside the pool at `mgmt` (one per device)
    const given = f.givenMgmt?.(d);
    const mgmt = f.mgmt(d);
    if (given && mgmt !== null && pools.mgmt && !f.contains(pools.mgmt, mgmt))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `management address ${given} of ${d.name} is outside pools.mgmt ${pools.mgmt.text}; give one inside it, or leave mgmt out (network + id)`,
          [...d.path, 'mgmt'],
        ),
      );
  }
  // the pools whose addresses are network + id: an id past the end has none (one finding per pool)
  const idPools = [
    { key: 'loopback', label: 'loopback pool', reserved: 0, address: f.loopback, fix: '' },
    {
      key: 'mgmt',
      label: 'management pool',
      reserved: f.mgmtReserved,
      // a management address the inventory sets is not derived from the id
      address: (d: DeviceFacts) => (f.givenMgmt?.(d) ? null : f.mgmt(d)),
      fix: f.givenMgmt ? ' or set mgmt' : '',
    },
  ] as const;
  for (const { key, label, reserved, address: of, fix } of idPools) {
    const prefix = pools[key];
    if (!prefix) continue;
    const past: PoolDevice[] = [...facts.devices.values()].filter((d) => {
      const a = of(d);
      if (a === null || (f.exhaustionSkipsSharedIds && ctx.duplicateIds.has(d.name))) return false;
      return !f.contains(prefix, a);
    });
    const name = `${key}${f.suffix}`;
    out.push(
      ...pastThePool(
        ctx,
        {
          label: `${f.word}${label}`,
          prefix,
          path: ['pools', name],
          bits: f.bits,
          reserved,
          fix: `widen pools.${name}${fix}`,
        },
        past,
      ),
    );
  }
  for (const v of tenantAddresses(facts, f.word)) {
    const written = f.written(v.written);
    if (f.suffix === '' && 'hostRoute' in v && v.hostRoute) continue;
    inSegment(parseWritten(f, v.written), written, v.segment, v.whatInSegment, [...v.path, address]);
  }
  for (const [name, u] of facts.upstreams) {
    const link = f.upstream(u);
    if (!link) continue;
    const { ours, theirs } = link;
    const peerField = `peer${f.suffix}`;
    const peer = f.format(theirs);
    const path = ['upstreams', name, peerField];
    if (!f.contains(link.link, theirs))
      out.push(
        finding(
          ctx,
          'address-outside-pool',
          `${name}: ${peerField} ${peer} is not on the link ${link.link.text} of our address ${f.withLength(ours, link.link.length)}`,
          path,
        ),
      );
    else if (theirs === ours)
      out.push(finding(ctx, 'duplicate-address', `${name}: ${peerField} ${peer} is our own address`, path));
    else if (f.linkHostHint) {
      const hint = f.linkHostHint(link.link);
      const oursWhy = f.notAHost(link.link, ours);
      if (oursWhy)
        out.push(
          finding(ctx, 'not-a-host-address', `upstream ${name}: our ${address} ${oursWhy}; ${hint}`, [
            'upstreams',
            name,
            address,
          ]),
        );
      const peerWhy = f.notAHost(link.link, theirs);
      if (peerWhy)
        out.push(
          finding(ctx, 'not-a-host-address', `upstream ${name}: ${peerField} ${peerWhy}; ${hint}`, path),
        );
    }
  }
  return out;
}

/** An address used twice in the family (`duplicate-address`). */
export const checkDuplicateAddresses = perFamily(checkDuplicates);
/** Pools, subnets, peering links and announced prefixes of the family that overlap (`prefix-overlap`). */
export const checkOverlaps = perFamily(checkPrefixOverlaps);
/**
 * Addresses outside their segment or pool, or not a host of it (`address-outside-pool`,
 * `not-a-host-address`), and an upstream peer that is our own address (`duplicate-address`).
 */
export const checkAddressesInPools = perFamily(checkInPools);
