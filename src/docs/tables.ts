/** The tables of a site's README: devices, cabling, ASNs, redundancy, failure domains, timers, budgets. */

import { isPhysical, isVirtualNic } from '../model/cables.js';
import type { FrozenSite } from '../pipeline.js';
import { mdTable, names } from './markdown.js';
import { asnOf, loopbackOf, vmsByHost } from './places.js';

type Cable = FrozenSite['cables'][number];

export function deviceTable(site: FrozenSite): string {
  return mdTable(
    ['device', 'role', 'id', 'rack', 'host', 'management', 'loopback', 'ASN', 'daemons', 'description'],
    site.devices.map((d) => [
      d.name,
      d.managed ? d.role : `${d.role} (lab only)`,
      d.id,
      d.rack,
      d.hostedOn,
      `${d.mgmt.address}/${d.mgmt.prefixLength}`,
      loopbackOf(d),
      asnOf(d),
      d.daemons.join(', '),
      d.description,
    ]),
  );
}

const end = (e: Cable['a']) => `${e.device}:${e.interface}`;

export function cablingTable(site: FrozenSite): string {
  return mdTable(
    ['#', 'a end', 'b end', 'kind', 'MTU a', 'MTU b'],
    site.cables.filter(isPhysical).map((c, i) => [i + 1, end(c.a), end(c.b), c.kind, c.a.mtu, c.b.mtu]),
  );
}

export function virtualNicTable(site: FrozenSite): string {
  return mdTable(
    ['VM end', 'hypervisor end', 'kind', 'MTU'],
    site.cables.filter(isVirtualNic).map((c) => [end(c.a), end(c.b), c.kind, c.a.mtu]),
  );
}

export function asnTable(site: FrozenSite): string {
  const byAsn = new Map<number, string[]>();
  for (const d of site.devices) {
    const asn = asnOf(d);
    if (asn !== null) byAsn.set(asn, [...(byAsn.get(asn) ?? []), d.name]);
  }
  const roles = (members: readonly string[]) =>
    [...new Set(members.map((m) => site.devices.find((d) => d.name === m)!.role))].join(', ');
  return mdTable(
    ['ASN', 'devices', 'roles'],
    [...byAsn].sort(([a], [b]) => a - b).map(([asn, members]) => [asn, names(members, 12), roles(members)]),
  );
}

export function redundancyTable(site: FrozenSite): string {
  return mdTable(
    ['group', 'kind', 'members', 'down at once', 'why'],
    site.redundancyGroups.map((g) => [g.name, g.kind, g.members.join(', '), g.maxUnavailable, g.reason]),
  );
}

/** Each hypervisor with the VMs that fail with it, and each rack with what it holds. */
export function failureDomainTable(site: FrozenSite): string {
  const rows: (string | number)[][] = [];
  for (const [host, vms] of vmsByHost(site)) rows.push([host, 'host', vms.join(', ')]);
  const racks = new Map<string, string[]>();
  for (const d of site.devices) if (d.rack) racks.set(d.rack, [...(racks.get(d.rack) ?? []), d.name]);
  for (const [rack, members] of [...racks].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })))
    rows.push([`rack:${rack}`, 'rack', names(members, 24)]);
  return mdTable(['failure of', 'kind', 'takes down'], rows);
}

export function timersTable(site: FrozenSite): string {
  const t = site.timers;
  const c = t.checks;
  const r = t.haproxyRetries;
  return mdTable(
    ['timer', 'value', 'decides'],
    [
      ['BGP keepalive / hold', `${t.bgp.keepaliveS} s / ${t.bgp.holdS} s`, 'backstop when BFD is silent'],
      // a Cilium cluster's sessions have no BFD: their hold timer is what sees a node down
      ...(site.clusters ?? []).flatMap((cl) => {
        const n = cl.speaker === 'cilium' ? cl.speakers[0]?.neighbors[0] : undefined;
        return n
          ? [
              [
                `BGP keepalive / hold, cluster ${cl.name} (Cilium)`,
                `${n.keepaliveS} s / ${n.holdS} s`,
                'a silent node or node cable is seen down (no BFD)',
              ],
            ]
          : [];
      }),
      ['BGP connect retry', `${t.bgp.connectRetryS} s`, 'how soon a session that could not open tries again'],
      [
        'BGP update delay',
        t.bgp.updateDelayS ? `${t.bgp.updateDelayS} s at most` : 'off',
        "a restarted router takes traffic back only with its peers' whole tables",
      ],
      [
        'BFD fabric',
        `${t.bfdFabric.intervalMs} ms × ${t.bfdFabric.multiplier}`,
        'a fabric node or cable is seen down',
      ],
      [
        'BFD upstream',
        `${t.bfdUpstream.intervalMs} ms × ${t.bfdUpstream.multiplier}`,
        'an upstream session is seen down',
      ],
      ['routing reaction', `${t.routingReactionMs} ms`, 'BFD down to the FIB (estimate)'],
      ['VRRP', `v${t.vrrp.version}, advert ${t.vrrp.advertS} s`, 'a backup gateway or VIP takes over'],
      [
        'health checks',
        `every ${c.intervalS} s (failing ${c.fastIntervalS} s, down ${c.downIntervalS} s), timeout ${c.timeoutS} s, rise ${c.rise}, fall ${c.fall}`,
        'a real server or HAProxy server is taken out',
      ],
      [
        'HAProxy retries',
        `${r.retries} on ${r.retryOn.join(' ')} (after a connect: ${r.l7RetryOnly.join(', ')} only), connect timeout ${r.connectTimeoutMs} ms${r.redispatch ? ', redispatch' : ''}; each backend's \`timeout server\` is its response_timeout`,
        'a failed app server is hidden from clients',
      ],
    ],
  );
}

export function budgetTable(site: FrozenSite): string {
  return mdTable(
    ['failure of', 'kind', 'group', 'worst case', 'budget', 'met', 'how'],
    site.budgets.map((b) => [
      b.subject,
      b.kind,
      b.group,
      b.budgetMs === null
        ? `${b.expectedFailedRequests ?? 'any'} failed requests`
        : `${b.expectedOutageMs} ms`,
      b.budgetMs === null ? `${b.budgetFailedRequests} failed requests` : `${b.budgetMs} ms`,
      b.met ? 'yes' : '**NO**',
      b.formula,
    ]),
  );
}
