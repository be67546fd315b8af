/**
 * What stops sites from sharing one lab, as located diagnostics (exit 2): management pools that
 * overlap or lie too far apart, an upstream whose name means two networks, session links numbered
 * alike; and, on the finished plan, the guards every lab needs (unique node names, one link per
 * port, Linux's 15-character interface names, one free management address per node).
 */
import type { Diagnostic, InventoryPath } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import {
  contains,
  isNetworkOrBroadcast,
  overlaps,
  type Prefix4,
  parseAddress,
  parsePrefix,
} from '../../net/ipv4.js';
import { coverOf, originated, sameLink } from './addresses.js';
import {
  isUpstream,
  MAX_IFNAME,
  MGMT_COVER_MAX,
  type SharedLabPlan,
  type Site,
  type Upstream,
} from './types.js';

export type Fail = (code: string, message: string, site: string, path: InventoryPath) => void;

/** The management network covering every site's pool; overlapping or far-apart pools fail. */
export function mgmtCover(sites: readonly Site[], fail: Fail): Prefix4 {
  const pools = sites.map((s) => ({ site: s.name, prefix: parsePrefix(s.mgmt.subnet)!.prefix }));
  pools.forEach((p, i) => {
    for (const q of pools.slice(0, i))
      if (overlaps(p.prefix, q.prefix))
        fail(
          'lab-mgmt-overlap',
          `pools.mgmt ${p.prefix.text} of ${p.site} overlaps ${q.prefix.text} of ${q.site}: in one lab the sites share a management network, so their management addresses would collide; give ${p.site} its own subnet`,
          p.site,
          ['pools', 'mgmt'],
        );
  });
  const cover = coverOf(pools.map((p) => p.prefix));
  if (cover.length < MGMT_COVER_MAX)
    fail(
      'lab-mgmt-apart',
      `pools.mgmt of ${pools.map((p) => `${p.site} (${p.prefix.text})`).join(', ')} lie only within ${cover.text}: one lab's management network covers them all, and one wider than /${MGMT_COVER_MAX} is no lab network; give the sites neighbouring subnets (e.g. 198.18.1.0/24 and 198.18.2.0/24)`,
      pools[pools.length - 1]!.site,
      ['pools', 'mgmt'],
    );
  return cover;
}

/** An upstream of one name is one network: the same AS, id and originated prefixes in every site. */
export function upstreamMismatches(
  name: string,
  seen: readonly { site: Site; u: Upstream }[],
  fail: Fail,
): void {
  const first = seen[0]!;
  for (const other of seen.slice(1)) {
    const differs = (what: string, field: string, mine: string, theirs: string) =>
      mine !== theirs &&
      fail(
        'lab-upstream-mismatch',
        `upstream ${name} has ${what} ${theirs} in ${other.site.name} but ${mine} in ${first.site.name}: in one lab an upstream of the same name is one network (one node); give it the same ${what} in both sites, or another name in one`,
        other.site.name,
        ['upstreams', name, field],
      );
    differs('asn', 'asn', String(first.u.frr.routerBgp.asn), String(other.u.frr.routerBgp.asn));
    differs('id', 'id', String(first.u.id), String(other.u.id));
    differs('lab.originate', 'lab', originated(first.u).join(', '), originated(other.u).join(', '));
  }
}

/** No two sites may number an upstream session's link alike: in one lab they are one internet. */
export function sessionCollisions(sites: readonly Site[], fail: Fail): void {
  const sessions = sites.flatMap((site) =>
    site.devices
      .filter(isUpstream)
      .flatMap((u) =>
        u.frr.interfaces
          .filter((i) => i.name !== 'lo')
          .flatMap((i) => i.addresses.map((a) => ({ site: site.name, upstream: u.name, a }))),
      ),
  );
  sessions.forEach((s, i) => {
    for (const t of sessions.slice(0, i)) {
      if (s.site === t.site || !sameLink(s.a, t.a)) continue;
      fail(
        'lab-upstream-address-collision',
        `upstream ${s.upstream}'s link ${s.a.address}/${s.a.prefixLength} in ${s.site} overlaps ${t.upstream}'s ${t.a.address}/${t.a.prefixLength} in ${t.site}: in one lab both are links of the same internet; number them apart`,
        s.site,
        ['upstreams', s.upstream, s.a.family === 'ipv6' ? 'address6' : 'address'],
      );
    }
  });
}

/**
 * What must hold of any plan (a guard for inventories the checks above let through): node names
 * unique, every (node, interface) used once and fitting Linux's 15 characters, every node a free
 * management address of the network.
 */
export function planProblems(plan: SharedLabPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Set<string>();
  for (const n of plan.nodes) {
    if (names.has(n.name))
      out.push(
        error(
          'lab-name-collision',
          `two nodes of the lab would be named ${n.name}: rename the device or upstream ${n.device}${n.site ? ` of ${n.site}` : ''}`,
          n.site ? { site: n.site, path: ['devices', n.device] } : {},
        ),
      );
    names.add(n.name);
  }
  const ends = new Set<string>();
  for (const l of plan.links)
    for (const e of [l.a, l.z]) {
      const key = `${e.node}:${e.interface}`;
      if (ends.has(key))
        out.push(error('lab-port-collision', `port ${key} would carry two links of the lab`, {}));
      ends.add(key);
      if (e.interface.length > MAX_IFNAME)
        out.push(
          error(
            'lab-port-name',
            `port ${key}: interface name ${e.interface} is longer than Linux's ${MAX_IFNAME} characters`,
            {},
          ),
        );
    }
  const subnet = parsePrefix(plan.mgmt.subnet)!.prefix;
  const addresses = new Map<string, string>();
  for (const n of plan.nodes) {
    const a = parseAddress(n.mgmtIpv4);
    if (a === undefined || !contains(subnet, a) || isNetworkOrBroadcast(subnet, a)) {
      out.push(
        error(
          'lab-mgmt-address',
          `node ${n.name}: no management address on ${subnet.text} (${n.mgmtIpv4 || 'none free'})`,
          {},
        ),
      );
      continue;
    }
    const other = addresses.get(n.mgmtIpv4);
    if (other)
      out.push(
        error(
          'lab-mgmt-address',
          `nodes ${other} and ${n.name} would share the management address ${n.mgmtIpv4}`,
          n.site ? { site: n.site, path: ['devices', n.device] } : {},
        ),
      );
    addresses.set(n.mgmtIpv4, n.name);
  }
  return out;
}
