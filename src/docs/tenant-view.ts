/**
 * A tenant as the docs show it, gathered from its devices' models: segments, the VRRP addresses of
 * its pairs (gateways and service VIPs), its L4 services, its HAProxy frontends and backends, its
 * application VMs. Only grouping: every value is the compiled model's. Both families: an IPv6
 * VRRP instance is its own row (keepalived's rule: one instance per family), an IPv6 service or
 * bind is written `[address]:port`.
 */

import { driverOf } from '../daemons/index.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { HaproxyModel } from '../model/haproxy.js';
import type { KeepalivedModel } from '../model/keepalived.js';
import { runsProxy, runsVrrp } from '../model/runs.js';
import { hostPart } from '../net/host-part.js';
import type { FrozenSite } from '../pipeline.js';
import { type DataPlan, dataPlans } from '../whatif/data-services.js';
import { placeOf, type SiteDevice, tenantOf } from './places.js';

type Keepalived = DeepReadonly<KeepalivedModel>;
type Haproxy = DeepReadonly<HaproxyModel>;

/** One VRRP instance across the members of its pair. */
export interface VrrpAddress {
  name: string;
  vrid: number;
  segment: string;
  /** `203.0.113.1/27`. */
  addresses: string[];
  /** Members, the intended master first. */
  members: { device: string; priority: number; master: boolean }[];
  /**
   * Where it runs: on the tenant's vRouters (`gateway`), its L4 balancers (`l4`, a service VIP or
   * the real servers' gateway) or its HAProxy pair (`l7`: the data services' VIPs).
   */
  place: 'gateway' | 'l4' | 'l7';
}

export interface TenantView {
  name: string;
  segments: FrozenSite['segments'][number][];
  routers: string[];
  l4: string[];
  l7: string[];
  /** Its VMs that run no daemon fabric configures: the applications the balancers serve. */
  apps: string[];
  /** Its VMs that run a daemon fabric configures (gdnsd, Redis, PostgreSQL, …), with those daemons. */
  serviceVms: { name: string; daemons: string[] }[];
  vrrp: VrrpAddress[];
  virtualServers: Keepalived['virtualServers'][number][];
  /** Its data services (docs/data-tier.md), from the same plan whatif judges them by. */
  data: DataPlan[];
  /** The HAProxy configuration of the pair (its members share it), or null. */
  haproxy: Haproxy | null;
  /** Each frontend's binds on every member of the pair, `web1 10.20.1.11:443 (TLS)`, `web1 [2001:db8:20:1::11]:443 (TLS)`. */
  frontendBinds: Map<string, string[]>;
}

function vrrpOf(members: readonly SiteDevice[]): VrrpAddress[] {
  const byName = new Map<string, VrrpAddress>();
  for (const d of members) {
    if (!runsVrrp(d)) continue;
    const at = placeOf(d);
    const place = at === 'gateway' || at === 'l7' ? at : 'l4';
    for (const v of d.keepalived.vrrpInstances) {
      const entry = byName.get(v.name) ?? {
        name: v.name,
        vrid: v.virtualRouterId,
        segment: v.segment,
        addresses: v.virtualIpaddress.map((a) => `${a.address}/${a.prefixLength}`),
        members: [],
        place,
      };
      entry.members.push({ device: d.name, priority: v.priority, master: v.intendedMaster });
      byName.set(v.name, entry);
    }
  }
  for (const e of byName.values())
    e.members.sort((a, b) => Number(b.master) - Number(a.master) || b.priority - a.priority);
  return [...byName.values()].sort((a, b) => a.vrid - b.vrid || a.name.localeCompare(b.name));
}

function bindsOf(members: readonly SiteDevice[]): Map<string, string[]> {
  const binds = new Map<string, string[]>();
  for (const d of members)
    if (runsProxy(d))
      for (const f of d.haproxy.frontends)
        binds.set(f.name, [
          ...(binds.get(f.name) ?? []),
          ...f.binds.map((b) => `${d.name} ${hostPart(b.address)}:${b.port}${b.certificate ? ' (TLS)' : ''}`),
        ]);
  return binds;
}

export function tenantView(site: FrozenSite, name: string): TenantView {
  const own = site.devices.filter((d) => tenantOf(d) === name);
  const at = (place: string) => own.filter((d) => placeOf(d) === place).map((d) => d.name);
  const served = (d: SiteDevice) => d.daemons.filter((x) => !driverOf(x)?.monitoring);
  const vms = own.filter((d) => placeOf(d) === 'app');
  const servers = new Map<string, Keepalived['virtualServers'][number]>();
  for (const d of own)
    if (runsVrrp(d))
      for (const v of d.keepalived.virtualServers) servers.set(`${hostPart(v.address)}:${v.port}`, v);
  const proxy = own.find(runsProxy);
  return {
    name,
    segments: site.segments.filter((s) => s.tenant === name),
    routers: at('gateway'),
    l4: at('l4'),
    l7: at('l7'),
    apps: vms.filter((d) => !served(d).length).map((d) => d.name),
    serviceVms: vms.filter((d) => served(d).length).map((d) => ({ name: d.name, daemons: served(d) })),
    vrrp: vrrpOf(own),
    virtualServers: [...servers.values()],
    data: dataPlans(site).filter((p) => p.service.startsWith(`${name}/`)),
    haproxy: proxy && runsProxy(proxy) ? proxy.haproxy : null,
    frontendBinds: bindsOf(own),
  };
}
