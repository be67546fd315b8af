/**
 * References of the tenant services: VRRP members, L4 real servers, L7 members and backend
 * servers must exist, have the role the service needs and belong to the tenant; gateways and
 * services name segments of the tenant; a data service's members exist and are servers of the
 * tenant, its VIPs name segments of the tenant; frontends name backends of the tenant. Also parses the
 * prefixes the simulated upstreams originate.
 */
import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import type { Tenant } from '../../inventory/types.gen.js';
import type { Role } from '../../model/types.js';
import type { Prefix4 } from '../../net/ipv4.js';
import type { Prefix6 } from '../../net/ipv6.js';
import type { DeviceFacts, SegmentFacts, UpstreamFacts } from '../facts.js';
import { serviceRoles } from '../roles.js';
import { type FactsContext, listOf, suggest } from './context.js';
import { namesOf } from './devices.js';

export function checkTenantReferences(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  segments: { segments: Map<string, SegmentFacts>; unusable: Set<string> },
): void {
  const tenants = Object.entries(ctx.site.tenants).sort(([a], [b]) => a.localeCompare(b));
  const known = new Set(tenants.map(([name]) => name));
  for (const [tenant, t] of tenants) tenantReferences(ctx, devices, segments, known, tenant, t);
}

function tenantReferences(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  { segments, unusable }: { segments: Map<string, SegmentFacts>; unusable: Set<string> },
  tenants: Set<string>,
  tenant: string,
  t: Tenant,
): void {
  const base = ['tenants', tenant];
  const roles = serviceRoles();
  const member = (device: string, roles: readonly Role[], path: InventoryPath) => {
    const d = devices.get(device);
    const candidates = namesOf(devices, roles).filter((n) => devices.get(n)?.tenant === tenant);
    if (!d) {
      ctx.fail(
        'unknown-device',
        `unknown device '${device}'${suggest(device, candidates)} (${roles.join('/')}s of ${tenant}: ${listOf(candidates)})`,
        path,
      );
      return;
    }
    if (!roles.includes(d.role)) {
      ctx.fail(
        'wrong-role',
        `'${device}' is a ${d.role}; expected a ${roles.join(' or ')} (${roles.join('/')}s of ${tenant}: ${listOf(candidates)})`,
        path,
      );
      return;
    }
    // a device of an unknown tenant is already reported there (unknown-tenant)
    if (d.tenant !== tenant && d.tenant !== null && tenants.has(d.tenant))
      ctx.fail('wrong-tenant', `'${device}' belongs to tenant ${d.tenant}, not ${tenant}`, path);
  };
  const segment = (name: string, path: InventoryPath) => {
    const key = `${tenant}/${name}`;
    if (segments.has(key) || unusable.has(key)) return;
    const names = Object.keys(t.segments);
    ctx.fail(
      'unknown-segment',
      `tenant ${tenant} has no segment '${name}'${suggest(name, names)} (segments: ${names.join(', ')})`,
      path,
    );
  };
  t.routers?.members.forEach(
    (m, i) => void member(m.device, roles.routers, [...base, 'routers', 'members', i, 'device']),
  );
  for (const s of Object.keys(t.routers?.gateways ?? {})) segment(s, [...base, 'routers', 'gateways', s]);
  t.l4?.members.forEach((m, i) => void member(m.device, roles.l4, [...base, 'l4', 'members', i, 'device']));
  if (t.l4) segment(t.l4.gateway.segment, [...base, 'l4', 'gateway', 'segment']);
  for (const [svc, s] of Object.entries(t.l4?.services ?? {})) {
    segment(s.segment, [...base, 'l4', 'services', svc, 'segment']);
    s.real_servers.forEach(
      (r, i) => void member(r, roles.l4RealServers, [...base, 'l4', 'services', svc, 'real_servers', i]),
    );
  }
  t.l7?.members.forEach((m, i) => void member(m, roles.l7, [...base, 'l7', 'members', i]));
  for (const [be, b] of Object.entries(t.l7?.backends ?? {}))
    b.servers.forEach(
      (s, i) => void member(s, roles.l7Servers, [...base, 'l7', 'backends', be, 'servers', i]),
    );
  // a data service's members are servers of the HAProxy pair, as a backend's are
  for (const [svc, ds] of Object.entries(t.data ?? {})) {
    ds.members.forEach(
      (m, i) => void member(m.device, roles.l7Servers, [...base, 'data', svc, 'members', i, 'device']),
    );
    for (const [vip, v] of Object.entries(ds.vips))
      segment(v.segment, [...base, 'data', svc, 'vips', vip, 'segment']);
    // a worker is a VM of the tenant, as a member is
    (ds.workers ?? []).forEach(
      (w, i) => void member(w.device, roles.l7Servers, [...base, 'data', svc, 'workers', i, 'device']),
    );
  }
  const backends = Object.keys(t.l7?.backends ?? {});
  for (const [fe, f] of Object.entries(t.l7?.frontends ?? {})) {
    const refs: [string, InventoryPath][] = [
      [f.default_backend, [...base, 'l7', 'frontends', fe, 'default_backend']],
      ...(f.routes ?? []).map((r, i): [string, InventoryPath] => [
        r.backend,
        [...base, 'l7', 'frontends', fe, 'routes', i, 'backend'],
      ]),
    ];
    for (const [ref, path] of refs)
      if (!backends.includes(ref))
        ctx.fail(
          'unknown-backend',
          `frontend ${fe} uses unknown backend '${ref}'${suggest(ref, backends)} (backends: ${backends.join(', ')})`,
          path,
        );
  }
}

/** The prefixes each simulated upstream originates (lab), parsed into its facts. */
export function originatedPrefixes(ctx: FactsContext, upstreams: Map<string, UpstreamFacts>): void {
  for (const [name, u] of Object.entries(ctx.site.upstreams).sort(([a], [b]) => a.localeCompare(b))) {
    const originate = (u.lab?.originate ?? [])
      .map((p, i) => ctx.prefix(p, ['upstreams', name, 'lab', 'originate', i]))
      .filter((p): p is Prefix4 => p !== undefined);
    const originate6 = (u.lab?.originate6 ?? [])
      .map((p, i) => ctx.prefix6(p, ['upstreams', name, 'lab', 'originate6', i]))
      .filter((p): p is Prefix6 => p !== undefined);
    const facts = upstreams.get(name);
    if (facts) facts.originate = originate;
    if (facts?.ipv6) facts.ipv6.originate = originate6;
    // with address6 or peer6 given, what is wrong with them is said where they are
    else if (originate6.length && u.address6 === undefined && u.peer6 === undefined)
      ctx.fail('bad-prefix', `upstream ${name}: lab.originate6 needs an IPv6 session (address6, peer6)`, [
        'upstreams',
        name,
        'lab',
        'originate6',
      ]);
  }
}
