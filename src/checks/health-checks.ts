/**
 * A service's or backend's `check` says how its servers are checked; these findings are the keys
 * fabric would not honour as written, so the inventory says what is checked (docs/inventory-reference.md,
 * HealthCheck; docs/timers-and-budgets.md).
 */
import { HAPROXY_HEALTH } from '../compile/haproxy.js';
import { serviceRoles } from '../compile/roles.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { HealthCheck } from '../inventory/types.gen.js';
import { type CheckContext, notice } from './context.js';

/** How keepalived checks fabric's HAProxy as a real server (compile/keepalived.ts `viaHealth`). */
const VIA_HEALTH = `HTTP GET ${HAPROXY_HEALTH.uri} on port ${HAPROXY_HEALTH.port} (its health frontend: 200 only while one of its application servers is up; a TCP connect would only say that it listens)`;

export function checkHealthChecks(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const l7Roles = serviceRoles().l7;
  for (const [tenant, { input: t }] of ctx.facts.tenants) {
    for (const [svc, s] of Object.entries(t.l4?.services ?? {})) {
      if (!s.check) continue;
      const path = ['tenants', tenant, 'l4', 'services', svc, 'check'];
      // a real server that is fabric's HAProxy is checked on its health frontend, whatever kind says
      const proxies = s.real_servers.filter((r) => {
        const role = ctx.facts.devices.get(r)?.role;
        return role !== undefined && l7Roles.includes(role);
      });
      if (proxies.length < s.real_servers.length)
        out.push(...pathUnused(ctx, s.check, `L4 service ${svc}`, path));
      if (!proxies.length) continue;
      const them = `${proxies.join(' and ')} ${proxies.length === 1 ? 'is' : 'are'} fabric's HAProxy, checked by keepalived with ${VIA_HEALTH}; only check.interval and check.timeout apply to ${proxies.length === 1 ? 'it' : 'them'}`;
      const rest =
        proxies.length < s.real_servers.length
          ? ' (the VMs among the real servers are checked as check says)'
          : '';
      if (s.check.kind === 'tcp')
        out.push(
          notice(
            ctx,
            'l4-check-ignored',
            `check.kind tcp of L4 service ${svc} is not what its real servers get: ${them}${rest}; write kind: http, or leave check out for defaults.checks`,
            [...path, 'kind'],
          ),
        );
      else if (s.check.path !== undefined && s.check.path !== HAPROXY_HEALTH.uri)
        out.push(
          notice(
            ctx,
            'l4-check-ignored',
            `check.path ${s.check.path} of L4 service ${svc} is not asked: ${them}${rest}; remove path (the application servers' own paths are their backends' check)`,
            [...path, 'path'],
          ),
        );
    }
    for (const [be, b] of Object.entries(t.l7?.backends ?? {}))
      if (b.check)
        out.push(
          ...pathUnused(ctx, b.check, `backend ${be}`, ['tenants', tenant, 'l7', 'backends', be, 'check']),
        );
  }
  return out;
}

/** A `path` with `kind: tcp`: a TCP connect asks no path (compile/keepalived.ts `healthCheck`). */
function pathUnused(ctx: CheckContext, check: HealthCheck, what: string, path: InventoryPath): Diagnostic[] {
  if (check.kind !== 'tcp' || check.path === undefined) return [];
  return [
    notice(
      ctx,
      'check-path-unused',
      `check.path ${check.path} of ${what} is not asked: kind tcp is a TCP connect to the server's port; make it kind: http to GET ${check.path}, or remove path`,
      [...path, 'path'],
    ),
  ];
}
