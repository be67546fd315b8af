/**
 * Listeners: no two services on the same address and port, and every port a VIP forwards has
 * something listening behind it. Neither is refused by the daemons' own parsers (HAProxy binds
 * a port twice with SO_REUSEPORT and the kernel splits connections between the two; IPVS
 * forwards to a port where nothing listens), so validate has to. An https port without a
 * certificate is one more port nothing listens on.
 */
import { HAPROXY_HEALTH, HAPROXY_PEER } from '../compile/haproxy.js';
import { roleSpec } from '../compile/roles.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { runsProxy } from '../model/runs.js';
import type { Device, Role, SiteModel } from '../model/types.js';
import { type CheckContext, finding } from './context.js';

/** HAProxy's default ports when a frontend gives none (see the Frontend schema). */
const HTTP_PORT = 80;
const HTTPS_PORT = 443;

/** The frontends fabric adds to every L7 pair's HAProxy, on the same address (src/compile/haproxy.ts). */
const FABRIC_FRONTENDS = new Map<number, string>([
  [HAPROXY_HEALTH.port, `the L4 balancers check HAProxy (${HAPROXY_HEALTH.name})`],
  [
    HAPROXY_PEER.port,
    `the pair's HAProxies send each other the requests a backend has no server for (${HAPROXY_PEER.name})`,
  ],
]);

/** Ports that HAProxy frontends bind and that sshd (every device, every lab node) listens on. */
export function checkListeners(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ssh = ctx.facts.defaults.ssh.port;
  const conflict = (message: string, path: InventoryPath) =>
    out.push(finding(ctx, 'listener-conflict', message, path));
  for (const [tenant, { input: t }] of ctx.facts.tenants) {
    const base = ['tenants', tenant, 'l7'];
    const members = t.l7?.members.join(', ') ?? '';
    const bound = new Map<number, string>();
    const listen = (port: number, what: string, path: InventoryPath) => {
      const first = bound.get(port);
      const own = FABRIC_FRONTENDS.get(port);
      if (own)
        conflict(`${what} listens on port ${port}, where ${own} on ${members}; choose another port`, path);
      else if (port === ssh)
        conflict(
          `${what} listens on port ${port}, where sshd listens on ${members} (defaults.ssh.port); choose another port`,
          path,
        );
      else if (first)
        conflict(
          `${what} listens on port ${port}, as ${first} does, on the same address of ${members}: HAProxy binds both and the kernel splits connections between them; give each its own port`,
          path,
        );
      else bound.set(port, what);
    };
    for (const [fe, f] of Object.entries(t.l7?.frontends ?? {})) {
      const at = [...base, 'frontends', fe];
      listen(f.http ?? HTTP_PORT, `frontend ${fe} (http)`, f.http === undefined ? at : [...at, 'http']);
      if (f.certificate)
        listen(
          f.https ?? HTTPS_PORT,
          `frontend ${fe} (https)`,
          f.https === undefined ? at : [...at, 'https'],
        );
      else if (f.https !== undefined)
        out.push(
          finding(
            ctx,
            'https-without-certificate',
            `frontend ${fe} sets https: ${f.https} but has no certificate, so nothing listens on ${f.https}; add certificate: { secret: NAME } or remove https`,
            [...at, 'https'],
          ),
        );
    }
    // a data VIP is a TCP frontend on its own address (src/compile/data-tier.ts), which no other
    // VIP or device has (addressing.ts, duplicate-address): only sshd, on every address, can be in its way
    for (const [svc, ds] of Object.entries(t.data ?? {}))
      for (const [vip, v] of Object.entries(ds.vips))
        if (v.port === ssh)
          conflict(
            `data VIP ${svc}/${vip} listens on port ${v.port}, where sshd listens on ${members} (defaults.ssh.port); choose another port`,
            ['tenants', tenant, 'data', svc, 'vips', vip, 'port'],
          );
    for (const [be, b] of Object.entries(t.l7?.backends ?? {}))
      if (b.port === ssh)
        conflict(
          `backend ${be} sends HTTP to port ${b.port} of ${b.servers.join(', ')}, where sshd listens (defaults.ssh.port); choose the port the application serves`,
          [...base, 'backends', be, 'port'],
        );
    // a VM behind a VIP serves the VIP's ports itself (compile: services[].l4Services)
    for (const [svc, sv] of Object.entries(t.l4?.services ?? {})) {
      const vms = sv.real_servers.filter((r) => servesItself(ctx.facts.devices.get(r)?.role));
      const i = sv.ports.indexOf(ssh);
      if (vms.length && i >= 0)
        conflict(
          `port ${ssh} of service ${svc} goes to ${vms.join(', ')}, where sshd listens (defaults.ssh.port); a VM behind a VIP serves the VIP's ports itself: choose another port`,
          ['tenants', tenant, 'l4', 'services', svc, 'ports', i],
        );
    }
  }
  return out;
}

/** The TCP ports a real server listens on, by what the model runs there. */
function listening(d: Device): { ports: Set<number>; what: string } | undefined {
  if (runsProxy(d)) {
    const ports = new Set(d.haproxy.frontends.flatMap((f) => f.binds.map((b) => b.port)));
    return { ports, what: 'HAProxy frontends' };
  }
  if (servesItself(d.role)) return { ports: new Set(d.services.map((s) => s.port)), what: 'its services' };
  return undefined; // not a real server role: reported by compile (wrong-role)
}

/** An application VM (a role that may be an L7 backend's server): it serves a VIP's ports itself. */
function servesItself(role: Role | undefined): boolean {
  return role !== undefined && roleSpec(role).serves.includes('l7-server');
}

/** Every port of every L4 service reaches a listener on each real server (IPVS NAT keeps the port). */
export function checkVipPorts(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map<string, SiteModel['devices'][number]>(ctx.site.devices.map((d) => [d.name, d]));
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [svc, s] of Object.entries(t.l4?.services ?? {}))
      s.ports.forEach((port, i) => {
        const unserved: string[] = [];
        let what = '';
        for (const r of s.real_servers) {
          const d = byName.get(r);
          const l = d ? listening(d) : undefined;
          if (!l || l.ports.has(port)) continue;
          unserved.push(r);
          what = `${l.what} listen on ${[...l.ports].sort((a, b) => a - b).join(', ') || 'no port'}`;
        }
        if (unserved.length)
          out.push(
            finding(
              ctx,
              'vip-port-unserved',
              `port ${port} of service ${svc} (VIP ${s.address}) goes to port ${port} of ${unserved.join(', ')}, where nothing listens (${what}); add a frontend on ${port} or remove the port`,
              ['tenants', tenant, 'l4', 'services', svc, 'ports', i],
            ),
          );
      });
  return out;
}
