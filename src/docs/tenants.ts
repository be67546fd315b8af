/** The tenant tables of a site's README: segments and VNIs, VIPs, L4 services, HAProxy. */
import { hostPart } from '../net/host-part.js';
import type { FrozenSite } from '../pipeline.js';
import { mdTable, section } from './markdown.js';
import type { TenantView } from './tenant-view.js';

export function segmentTable(site: FrozenSite): string {
  // the IPv6 column only where a segment has IPv6 (an IPv4-only site's table stays as it was)
  const v6 = site.segments.some((s) => s.ipv6);
  return mdTable(
    ['tenant', 'segment', 'VNI', 'VLAN (br-int)', 'subnet', ...(v6 ? ['IPv6 subnet'] : [])],
    site.segments.map((s) => [
      s.tenant,
      s.name,
      s.vni,
      s.vlan,
      s.subnet,
      ...(v6 ? [s.ipv6?.subnet ?? null] : []),
    ]),
  );
}

function vipTable(t: TenantView): string {
  const serviceAddresses = new Set(t.virtualServers.map((v) => v.address));
  return mdTable(
    ['VRRP instance', 'VRID', 'addresses', 'segment', 'members (master first)', 'used as'],
    t.vrrp.map((v) => [
      v.name,
      v.vrid,
      v.addresses.join(', '),
      v.segment,
      v.members.map((m) => `${m.device} (${m.priority}${m.master ? ', master' : ''})`).join(', '),
      v.place === 'gateway'
        ? 'gateway'
        : v.place === 'l7'
          ? 'data VIP'
          : v.addresses.some((a) => serviceAddresses.has(a.split('/')[0]!))
            ? 'service VIP'
            : "real servers' gateway",
    ]),
  );
}

/** Each data service: its members (the inventory's primary first) and the VIPs its HAProxy pair binds, by role. */
function dataTable(t: TenantView): string {
  const frontends = t.haproxy?.tcpFrontends ?? [];
  return mdTable(
    ['data service', 'kind', 'members', 'VIPs (on the HAProxy pair)'],
    t.data.map((p) => [
      p.service,
      p.kind,
      [...p.members]
        .sort((a, b) => Number(b === p.primary) - Number(a === p.primary))
        .map((m) => (m === p.primary ? `${m} (primary)` : m))
        .join(', '),
      frontends
        .filter((f) => `${t.name}/${f.service}` === p.service)
        .sort((a, b) => Number(b.vipRole === 'write') - Number(a.vipRole === 'write'))
        .map((f) => `${f.vipRole} ${f.binds.map((b) => `${hostPart(b.address)}:${b.port}`).join(', ')}`)
        .join('; '),
    ]),
  );
}

function l4Table(t: TenantView): string {
  return mdTable(
    ['VIP', 'scheduler', 'real servers', 'check'],
    t.virtualServers.map((v) => [
      `${hostPart(v.address)}:${v.port}/${v.protocol.toLowerCase()}`,
      v.lbAlgo,
      v.realServers.map((r) => `${r.device} ${hostPart(r.address)}:${r.port} (w${r.weight})`).join(', '),
      [...new Set(v.realServers.map((r) => `${r.check.kind}${r.check.path ? ` ${r.check.path}` : ''}`))].join(
        ', ',
      ),
    ]),
  );
}

function l7Tables(t: TenantView): string {
  const h = t.haproxy;
  if (!h) return '';
  const frontends = mdTable(
    ['frontend', 'binds', 'routes', 'default backend', 'rate limit'],
    h.frontends.map((f) => [
      f.name,
      (t.frontendBinds.get(f.name) ?? []).join(', '),
      f.routes.map((r) => `${r.pathPrefix} → ${r.backend}`).join(', '),
      f.defaultBackend,
      f.rateLimit ? `${f.rateLimit.requests} per ${f.rateLimit.period}` : null,
    ]),
  );
  const backends = mdTable(
    ['backend', 'balance', 'servers', 'check'],
    h.backends.map((b) => [
      b.name,
      b.balance,
      b.servers.map((s) => `${s.name} ${hostPart(s.address)}:${s.port}`).join(', '),
      b.httpCheck ? `HTTP ${b.httpCheck.path} → ${b.httpCheck.expectStatus}` : 'TCP connect',
    ]),
  );
  return `${frontends}\n\n${backends}`;
}

/** One tenant's part: its network functions, its VIPs, its L4 and L7 services. */
export function tenantSection(t: TenantView): string {
  const parts = [
    mdTable(
      ['part', 'devices'],
      [
        ['vRouters', t.routers.join(', ')],
        ['L4 balancers', t.l4.join(', ')],
        ['L7 proxies', t.l7.join(', ')],
        ['application VMs', t.apps.join(', ')],
        ...(t.serviceVms.length
          ? [['service VMs', t.serviceVms.map((v) => `${v.name} (${v.daemons.join(', ')})`).join(', ')]]
          : []),
      ],
    ),
  ];
  if (t.vrrp.length) parts.push(vipTable(t));
  if (t.virtualServers.length) parts.push(l4Table(t));
  if (t.data.length) parts.push(dataTable(t));
  const l7 = l7Tables(t);
  if (l7) parts.push(l7);
  return section(3, `Tenant ${t.name}`, parts.join('\n\n'));
}
