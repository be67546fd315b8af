/** The IP plan people read before a change: every pool, prefix and address the site uses. */
import type { Device, IpPlanEntry, SiteModel } from '../model/types.js';
import { parseAddress, parsePrefix } from '../net/ipv4.js';
import type { SiteFacts } from './facts.js';

export function compileIpPlan(facts: SiteFacts, devices: Device[]): IpPlanEntry[] {
  const plan: IpPlanEntry[] = [];
  plan.push({
    prefix: facts.pools.loopback.text,
    kind: 'pool',
    description: 'loopbacks, router-ids, VTEPs (network + id)',
  });
  plan.push({ prefix: facts.pools.mgmt.text, kind: 'pool', description: 'management (network + id)' });
  for (const p of facts.announce)
    plan.push({ prefix: p.text, kind: 'announce', description: 'announced to upstreams' });
  for (const s of facts.segments.values())
    plan.push({
      prefix: s.subnet.text,
      kind: 'segment',
      description: `segment ${s.key}, VNI ${s.vni}, VLAN ${s.vlan}`,
    });
  for (const [name, u] of facts.upstreams) {
    plan.push({
      prefix: u.address,
      kind: 'upstream-link',
      device: u.edge,
      interface: u.interface,
      description: `peering with ${name} (AS${u.asn})`,
    });
    for (const p of u.lab?.originate ?? [])
      plan.push({
        prefix: p,
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
    for (const i of d.interfaces) {
      if (i.kind === 'upstream') continue;
      for (const a of i.addresses)
        plan.push({
          prefix: a,
          kind: i.kind === 'loopback' ? 'loopback' : 'nic',
          device: d.name,
          interface: i.name,
          description: i.kind === 'loopback' ? 'loopback' : (i.segment ?? i.kind),
        });
    }
    if ('keepalived' in d)
      for (const v of d.keepalived.vrrpInstances)
        if (v.intendedMaster)
          for (const vip of v.virtualIpaddress)
            plan.push({
              prefix: vip.address,
              kind: 'vrrp-vip',
              device: d.name,
              interface: vip.dev,
              description: `VRRP ${v.name} (VRID ${v.virtualRouterId})`,
            });
  }
  // parsed once per entry, not once per comparison (the sort compares n log n times)
  const keys = new Map<IpPlanEntry, { network: number; length: number }>();
  for (const e of plan) {
    const p = parsePrefix(e.prefix)?.prefix;
    keys.set(e, { network: p ? p.network : (parseAddress(e.prefix) ?? 0), length: p?.length ?? 0 });
  }
  return plan.sort((a, b) => {
    const [ka, kb] = [keys.get(a)!, keys.get(b)!];
    return ka.network - kb.network || ka.length - kb.length || (a.device ?? '').localeCompare(b.device ?? '');
  });
}

export type { SiteModel };
