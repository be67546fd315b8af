/** The IP plan people read before a change: every pool, prefix and address the site uses. */

import { cidrOf } from '../model/address.js';
import { runsVrrp } from '../model/runs.js';
import type { Device, IpPlanEntry, SiteModel } from '../model/types.js';
import { parseHostAndLength, withLength } from '../net/ipv4.js';
import { parseHostAndLength6, withLength6 } from '../net/ipv6.js';
import type { SiteFacts } from './facts.js';

export function compileIpPlan(facts: SiteFacts, devices: Device[]): IpPlanEntry[] {
  const plan: IpPlanEntry[] = [];
  plan.push({
    prefix: facts.pools.loopback.text,
    kind: 'pool',
    description: 'loopbacks, router-ids, VTEPs (network + id)',
  });
  plan.push({ prefix: facts.pools.mgmt.text, kind: 'pool', description: 'management (network + id)' });
  if (facts.pools.loopback6)
    plan.push({
      prefix: facts.pools.loopback6.text,
      kind: 'pool',
      description: 'IPv6 loopbacks (network + id)',
    });
  if (facts.pools.mgmt6)
    plan.push({
      prefix: facts.pools.mgmt6.text,
      kind: 'pool',
      description: 'IPv6 management (network + id)',
    });
  for (const p of [...facts.announce, ...facts.announce6])
    plan.push({ prefix: p.text, kind: 'announce', description: 'announced to upstreams' });
  for (const c of facts.clusters.values()) {
    for (const p of [...c.pools, ...c.pools6])
      plan.push({ prefix: p.text, kind: 'lb-pool', description: `LoadBalancer pool of cluster ${c.name}` });
    const cilium = c.speaker === 'cilium';
    plan.push({
      prefix: c.podCidr.text,
      kind: 'cluster-cidr',
      description: `pods of cluster ${c.name}${cilium ? `, a /${c.podCidrMask} per node, announced by Cilium` : ''}`,
    });
    if (c.linkPool)
      plan.push({
        prefix: c.linkPool.text,
        kind: 'link-pool',
        description: `node links of cluster ${c.name} (a /31 per cable, two per node id)`,
      });
    plan.push({
      prefix: c.serviceCidr.text,
      kind: 'cluster-cidr',
      description: `services of cluster ${c.name}`,
    });
  }
  for (const s of facts.segments.values())
    for (const subnet of [s.subnet, s.subnet6])
      if (subnet)
        plan.push({
          prefix: subnet.text,
          kind: 'segment',
          description: `segment ${s.key}, VNI ${s.vni}, VLAN ${s.vlan}`,
        });
  for (const [name, u] of facts.upstreams) {
    plan.push({
      prefix: withLength(u.ours, u.link.length),
      kind: 'upstream-link',
      device: u.edge,
      interface: u.interface,
      description: `peering with ${name} (AS${u.asn})`,
    });
    if (u.ipv6)
      plan.push({
        prefix: withLength6(u.ipv6.ours, u.ipv6.link.length),
        kind: 'upstream-link',
        device: u.edge,
        interface: u.interface,
        description: `peering with ${name} (AS${u.asn})`,
      });
    for (const p of [...u.originate, ...(u.ipv6?.originate ?? [])])
      plan.push({
        prefix: p.text,
        kind: 'lab-originate',
        device: name,
        description: 'announced by the simulated upstream (lab)',
      });
  }
  for (const d of devices) {
    plan.push({
      prefix: `${d.mgmt.address}/${d.mgmt.prefixLength}`,
      kind: 'mgmt',
      device: d.name,
      interface: 'eth0',
      description: 'management',
    });
    if (d.mgmt.ipv6)
      plan.push({
        prefix: cidrOf(d.mgmt.ipv6),
        kind: 'mgmt',
        device: d.name,
        interface: 'eth0',
        description: 'management',
      });
    for (const i of d.interfaces) {
      if (i.kind === 'upstream') continue;
      for (const a of i.addresses)
        plan.push({
          prefix: `${a.address}/${a.prefixLength}`,
          kind: i.kind === 'loopback' ? 'loopback' : 'nic',
          device: d.name,
          interface: i.name,
          description: i.kind === 'loopback' ? 'loopback' : (i.segment ?? i.kind),
        });
    }
    if (runsVrrp(d))
      for (const v of d.keepalived.vrrpInstances)
        if (v.intendedMaster)
          for (const vip of v.virtualIpaddress)
            plan.push({
              prefix: `${vip.address}/${vip.prefixLength}`,
              kind: 'vrrp-vip',
              device: d.name,
              interface: vip.dev,
              description: `VRRP ${v.name} (VRID ${v.virtualRouterId})`,
            });
  }
  return sortByAddress(plan);
}

/**
 * By address, numerically (10.1.0.9 before 10.1.0.10), the address itself and not its network,
 * so the rows of a segment follow its addresses; an enclosing prefix before what it holds
 * (shorter first), then by device. IPv4 rows come first, then IPv6 ones, by the same rule. Keys
 * are computed once: a big site has 100,000 rows.
 */
export function sortByAddress(plan: IpPlanEntry[]): IpPlanEntry[] {
  const keyed = plan.map((e) => {
    const v6 = e.prefix.includes(':') ? parseHostAndLength6(e.prefix) : undefined;
    if (v6) return { e, family: 6, address: 0, address6: v6.address, length: v6.length };
    const parsed = parseHostAndLength(e.prefix);
    return { e, family: 4, address: parsed?.address ?? 0, address6: 0n, length: parsed?.length ?? 32 };
  });
  keyed.sort(
    (a, b) =>
      a.family - b.family ||
      a.address - b.address ||
      (a.address6 < b.address6 ? -1 : a.address6 > b.address6 ? 1 : 0) ||
      a.length - b.length ||
      (a.e.device ?? '').localeCompare(b.e.device ?? '') ||
      a.e.kind.localeCompare(b.e.kind),
  );
  return keyed.map((k) => k.e);
}

export type { SiteModel };
