/**
 * Per tenant, the way a request travels from the internet to the application: upstreams → edge
 * pair → fabric → vRouter pair → L4 VIP → L7 proxies → backends → app servers. A stage the
 * tenant does not have is left out (a tenant with only segments goes from the fabric to its VMs).
 */
import { ofFamily } from '../../model/address.js';
import type { FrozenSite } from '../../pipeline.js';
import { names } from '../markdown.js';
import { asnOf, devicesAt } from '../places.js';
import type { TenantView } from '../tenant-view.js';
import { edgeText, flowLabel, type Layer, layerClasses, nodeId } from './mermaid.js';

const masterFirst = (members: readonly { device: string; master: boolean }[]) =>
  members.map((m) => `${m.device}${m.master ? ' (master)' : ''}`).join(' / ');

function backendNodes(t: TenantView, from: string, lines: string[]): void {
  const h = t.haproxy!;
  const routesTo = new Map<string, string[]>();
  for (const f of h.frontends) {
    for (const r of f.routes) routesTo.set(r.backend, [...(routesTo.get(r.backend) ?? []), r.pathPrefix]);
    routesTo.set(f.defaultBackend, [...(routesTo.get(f.defaultBackend) ?? []), 'default']);
  }
  for (const b of h.backends) {
    const id = nodeId('be', b.name);
    const check = b.httpCheck ? `check HTTP ${b.httpCheck.path}` : 'check TCP';
    lines.push(`  ${id}[${flowLabel(`backend ${b.name}`, `${b.balance} · ${check}`)}]`);
    lines.push(
      `  ${from} -->|${edgeText([...new Set(routesTo.get(b.name) ?? [])].join(', ') || 'backend')}| ${id}`,
    );
    for (const s of b.servers) lines.push(`  ${id} --> ${nodeId('app', s.name)}`);
  }
}

function appNodes(site: FrozenSite, t: TenantView, lines: string[]): void {
  lines.push(`  subgraph z_app["Application: ${t.name}"]`);
  for (const name of t.apps) {
    const d = site.devices.find((x) => x.name === name)!;
    const addrs = d.interfaces.flatMap((i) => ofFamily(i.addresses, 'ipv4').map((a) => a.address));
    lines.push(
      `    ${nodeId('app', name)}[${flowLabel(name, addrs.join(', '), d.hostedOn ? `on ${d.hostedOn}` : '')}]`,
    );
  }
  lines.push('  end');
}

/** The outside, the edge pair and the fabric: the first stages, the same for every tenant. */
function entryNodes(site: FrozenSite, lines: string[]): string {
  const upstreams = devicesAt(site, 'internet');
  const edges = devicesAt(site, 'border');
  const spines = devicesAt(site, 'core');
  const leaves = devicesAt(site, 'rack');
  const announce = site.ipPlan.filter((e) => e.kind === 'announce').map((e) => e.prefix);
  lines.push(
    `  internet(${flowLabel('Internet', upstreams.map((d) => `${d.name} AS${asnOf(d)}`).join(', '))})`,
    `  edge[${flowLabel('Edge pair', edges.map((d) => d.name).join(' / '), `announces ${announce.join(', ')}`)}]`,
    `  fabric[${flowLabel('Fabric', `${spines.length} spines, ${leaves.length} leaves`, 'eBGP, ECMP, BFD')}]`,
    `  internet -->|${edgeText('eBGP + BFD')}| edge`,
    `  edge -->|${edgeText('default route in')}| fabric`,
  );
  return 'fabric';
}

export function servicePathDiagram(site: FrozenSite, t: TenantView): string {
  const lines = ['flowchart LR'];
  let at = entryNodes(site, lines);
  const step = (id: string, label: string, via: string) => {
    lines.push(`  ${id}[${label}]`, `  ${at} -->|${edgeText(via)}| ${id}`);
    at = id;
  };
  const gateways = t.vrrp.filter((v) => v.place === 'gateway');
  if (t.routers.length)
    step(
      'vrouters',
      flowLabel(
        'vRouter pair',
        masterFirst(gateways[0]?.members ?? []),
        ...gateways.map((g) => `${g.addresses.join(' ')} VRID ${g.vrid}`),
      ),
      'BGP via the hypervisor',
    );
  const serviceAddresses = new Set(t.virtualServers.map((v) => v.address));
  const vips = t.vrrp.filter(
    (v) => v.place === 'l4' && v.addresses.some((a) => serviceAddresses.has(a.split('/')[0]!)),
  );
  if (t.l4.length) {
    const ports = [...new Set(t.virtualServers.map((v) => `:${v.port}`))].join(' ');
    step(
      'l4',
      flowLabel(
        'L4 VIP + VRRP',
        masterFirst(vips[0]?.members ?? []),
        ...vips.map((v) => `${v.addresses.join(' ')} ${ports}`),
        `IPVS ${t.virtualServers[0]?.lbAlgo ?? ''}`,
      ),
      `segment ${vips[0]?.segment ?? '-'}`,
    );
  }
  if (t.l7.length && t.haproxy) {
    const binds = [
      ...new Set(
        t.haproxy.frontends.flatMap((f) => f.binds.map((b) => `:${b.port}${b.certificate ? ' TLS' : ''}`)),
      ),
    ];
    step('l7', flowLabel('L7 HAProxy pair', t.l7.join(' / '), binds.join(', ')), 'IPVS NAT');
  }
  appNodes(site, t, lines);
  if (t.haproxy && t.l7.length) backendNodes(t, at, lines);
  else {
    const segs = t.segments.map((s) => `${s.name} VNI ${s.vni}`);
    lines.push(`  ${at} -->|${edgeText(`segments ${names(segs, 4)}`)}| z_app`);
  }
  const layers = new Map<string, Layer>([
    ['internet', 'internet'],
    ['edge', 'network'],
    ['fabric', 'network'],
    ['vrouters', 'network'],
    ['l4', 'ingress'],
    ['l7', 'ingress'],
  ]);
  for (const b of t.haproxy && t.l7.length ? t.haproxy.backends : [])
    layers.set(nodeId('be', b.name), 'ingress');
  for (const a of t.apps) layers.set(nodeId('app', a), 'server');
  lines.push(
    ...layerClasses(
      new Map(
        [...layers].filter(([id]) =>
          lines.some(
            (l) => l.startsWith(`  ${id}[`) || l.startsWith(`  ${id}(`) || l.startsWith(`    ${id}[`),
          ),
        ),
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}
