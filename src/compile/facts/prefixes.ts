/** Facts of the site's plan: pools, announced prefixes, ASN ranges, defaults, tenant segments. */
import type { Prefix4 } from '../../net/ipv4.js';
import type { Prefix6 } from '../../net/ipv6.js';
import { type AsnPlan, segmentVlan } from '../allocate.js';
import type { SegmentFacts, SiteFacts } from '../facts.js';
import type { FactsContext } from './context.js';

export interface PlanFacts {
  pools: {
    loopback: Prefix4 | undefined;
    mgmt: Prefix4 | undefined;
    loopback6: Prefix6 | undefined;
    mgmt6: Prefix6 | undefined;
  };
  announce: Prefix4[];
  announce6: Prefix6[];
  asns: AsnPlan;
  defaults: SiteFacts['defaults'];
}

export function planFacts(ctx: FactsContext): PlanFacts {
  const { site, fail, prefix } = ctx;
  const loopback = prefix(site.pools.loopback, ['pools', 'loopback']);
  const mgmt = prefix(site.pools.mgmt, ['pools', 'mgmt']);
  const announce = site.prefixes.announce
    .map((p, i) => prefix(p, ['prefixes', 'announce', i]))
    .filter((p): p is Prefix4 => !!p);
  const loopback6 = site.pools.loopback6
    ? ctx.prefix6(site.pools.loopback6, ['pools', 'loopback6'])
    : undefined;
  const mgmt6 = site.pools.mgmt6 ? ctx.prefix6(site.pools.mgmt6, ['pools', 'mgmt6']) : undefined;
  const announce6 = (site.prefixes.announce6 ?? [])
    .map((p, i) => ctx.prefix6(p, ['prefixes', 'announce6', i]))
    .filter((p): p is Prefix6 => !!p);

  const [firstText, lastText] = site.asns.pool.split('-');
  const pool = { first: Number(firstText), last: Number(lastText) };
  if (pool.first > pool.last || pool.last > 4294967294 || pool.first < 1)
    fail(
      'bad-asn-range',
      `ASN pool '${site.asns.pool}' must be first-last with first <= last <= 4294967294`,
      ['asns', 'pool'],
    );
  const asns: AsnPlan = {
    edge: site.asns.edge,
    spine: site.asns.spine,
    superspine: site.asns.superspine,
    pool,
  };

  const defaults: SiteFacts['defaults'] = {
    mtu: site.defaults.mtu ?? 9000,
    ssh: { user: site.defaults.ssh?.user ?? 'root', port: site.defaults.ssh?.port ?? 22 },
    datapath: site.defaults.ovs?.datapath ?? 'system',
  };
  return { pools: { loopback, mgmt, loopback6, mgmt6 }, announce, announce6, asns, defaults };
}

/**
 * Tenant segments by `tenant/segment`, sorted; `unusable` holds those whose subnet is unusable
 * (already reported): a reference to one is not "unknown".
 */
export function segmentFacts(ctx: FactsContext): {
  segments: Map<string, SegmentFacts>;
  unusable: Set<string>;
} {
  const segments = new Map<string, SegmentFacts>();
  const unusable = new Set<string>();
  for (const [tenant, t] of Object.entries(ctx.site.tenants).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [name, s] of Object.entries(t.segments).sort(([a], [b]) => a.localeCompare(b))) {
      const path = ['tenants', tenant, 'segments', name];
      const key = `${tenant}/${name}`;
      if (s.subnet === undefined && s.subnet6 === undefined) {
        ctx.fail(
          'bad-segment',
          `segment ${key} has no subnet: give it subnet (IPv4), subnet6 (IPv6) or both, e.g. subnet6: 2001:db8:20::/64`,
          path,
        );
        unusable.add(key);
        continue;
      }
      const subnet = s.subnet === undefined ? null : (ctx.prefix(s.subnet, [...path, 'subnet']) ?? undefined);
      const subnet6 =
        s.subnet6 === undefined ? null : (ctx.prefix6(s.subnet6, [...path, 'subnet6']) ?? undefined);
      if (subnet === undefined || subnet6 === undefined) {
        unusable.add(key);
        continue;
      }
      segments.set(key, { key, tenant, name, vni: s.vni, vlan: segmentVlan(s.vni), subnet, subnet6, path });
    }
  }
  return { segments, unusable };
}
