/** VRRP pairs and load-balancing services: VRIDs, priorities, members present on their segments, servers reachable. */
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import type { VrrpMembers } from '../inventory/types.gen.js';
import { formatAddress6 } from '../net/ipv6.js';
import { type CheckContext, finding } from './context.js';

export function checkVrrp(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of facts.tenants) {
    const base = ['tenants', tenant];
    // VRIDs per segment: every VRRP group on a segment needs its own
    const vrids = new Map<string, { what: string; path: InventoryPath }>();
    const vrid = (segment: string, id: number, what: string, path: InventoryPath) => {
      const key = `${segment}#${id}`;
      const first = vrids.get(key);
      if (first)
        out.push(
          finding(
            ctx,
            'vrid-collision',
            `VRID ${id} on segment ${tenant}/${segment} is used by ${what} and by ${first.what}`,
            path,
          ),
        );
      else vrids.set(key, { what, path });
    };
    for (const [seg, g] of Object.entries(t.routers?.gateways ?? {}))
      vrid(seg, g.vrid, `the gateway of ${seg}`, [...base, 'routers', 'gateways', seg, 'vrid']);
    if (t.l4) {
      vrid(t.l4.gateway.segment, t.l4.gateway.vrid, 'the L4 gateway', [...base, 'l4', 'gateway', 'vrid']);
      for (const [svc, s] of Object.entries(t.l4.services))
        vrid(s.segment, s.vrid, `service ${svc}`, [...base, 'l4', 'services', svc, 'vrid']);
    }
    // pairs: distinct members, distinct priorities, each member on each VRRP segment
    const pairs: [string, { members: VrrpMembers } | undefined, string[]][] = [
      ['routers', t.routers, Object.keys(t.routers?.gateways ?? {})],
      ['l4', t.l4, t.l4 ? [t.l4.gateway.segment, ...Object.values(t.l4.services).map((s) => s.segment)] : []],
    ];
    for (const [kind, pair, segments] of pairs) {
      if (!pair) continue;
      const [a, b] = pair.members;
      if (a && b && a.device === b.device)
        out.push(
          finding(
            ctx,
            'vrrp-pair-duplicate',
            `the ${kind} pair lists ${a.device} twice; a pair needs two devices`,
            [...base, kind, 'members', 1, 'device'],
          ),
        );
      else if (a && b && a.priority === b.priority)
        out.push(
          finding(
            ctx,
            'vrrp-priority-tie',
            `${a.device} and ${b.device} both have VRRP priority ${a.priority}: no intended master (VRRP would elect by highest address); give the intended master the higher priority`,
            [...base, kind, 'members', 1, 'priority'],
          ),
        );
      pair.members.forEach((m, i) => {
        const d = facts.devices.get(m.device);
        if (!d) return;
        for (const seg of new Set(segments))
          if (!d.nics.some((n) => n.segment === `${tenant}/${seg}`))
            out.push(
              finding(
                ctx,
                'vrrp-member-not-on-segment',
                `${m.device} is in the ${kind} pair but has no NIC on segment ${seg}`,
                [...base, kind, 'members', i, 'device'],
              ),
            );
      });
    }
    // real servers and backends must be reachable on a segment they share with the balancer
    if (t.l4)
      for (const [svc, s] of Object.entries(t.l4.services))
        s.real_servers.forEach((r, i) => {
          const d = facts.devices.get(r);
          if (d && !d.nics.some((n) => n.segment === `${tenant}/${t.l4!.gateway.segment}`))
            out.push(
              finding(
                ctx,
                'real-server-unreachable',
                `real server ${r} of ${svc} has no NIC on the L4 gateway segment ${t.l4!.gateway.segment} (IPVS NAT reaches real servers there)`,
                [...base, 'l4', 'services', svc, 'real_servers', i],
              ),
            );
        });
    if (t.l7)
      for (const [be, b] of Object.entries(t.l7.backends))
        b.servers.forEach((s, i) => {
          const server = facts.devices.get(s);
          if (!server) return;
          for (const m of t.l7!.members) {
            const lb = facts.devices.get(m);
            if (
              lb &&
              !lb.nics.some((n) => n.segment !== null && server.nics.some((x) => x.segment === n.segment))
            )
              out.push(
                finding(
                  ctx,
                  'backend-unreachable',
                  `backend ${be}: ${m} shares no segment with server ${s}`,
                  [...base, 'l7', 'backends', be, 'servers', i],
                ),
              );
          }
        });
  }
  return out;
}

/**
 * An IPv6 VIP needs real servers it can reach over IPv6: IPVS NAT does not translate between
 * families, so compile gives the IPv6 virtual_server only the real servers with an `address6` on
 * the L4 gateway segment. None at all (the segment has no `subnet6`) would be an IPv6 VIP that
 * answers nothing.
 */
export function checkVipFamilies(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { l4 }] of ctx.facts.tenants) {
    if (!l4) continue;
    for (const s of l4.services) {
      if (s.address6 === null || s.realServers.length === 0) continue;
      const served = s.realServers.some(
        (r) => ctx.facts.devices.get(r)?.nics.find((n) => n.segment === l4.gateway.key)?.address6 != null,
      );
      if (served) continue;
      out.push(
        finding(
          ctx,
          'vip-family-unserved',
          `IPv6 VIP ${formatAddress6(s.address6)} of service ${s.name} has no real server with an IPv6 address on the L4 gateway segment ${l4.gateway.segment} (IPVS NAT does not translate between families); give ${l4.gateway.segment} a subnet6 and its NICs an address6, or remove address6`,
          ['tenants', tenant, 'l4', 'services', s.name, 'address6'],
        ),
      );
    }
  }
  return out;
}

export function checkSegments(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const vnis = new Map<number, string>();
  const vlans = new Map<number, string>();
  for (const s of ctx.facts.segments.values()) {
    const v = vnis.get(s.vni);
    if (v)
      out.push(
        finding(ctx, 'vni-collision', `segment ${s.key} has VNI ${s.vni}, already used by ${v}`, [
          ...s.path,
          'vni',
        ]),
      );
    else vnis.set(s.vni, s.key);
    const l = vlans.get(s.vlan);
    if (l && !v)
      out.push(
        finding(
          ctx,
          'vlan-collision',
          `segments ${s.key} and ${l} map to the same local VLAN ${s.vlan} (1 + VNI mod 4094); change one VNI`,
          [...s.path, 'vni'],
        ),
      );
    else vlans.set(s.vlan, s.key);
  }
  return out;
}

/** HAProxy's timers are signed 32-bit milliseconds: `haproxy -c` refuses a longer stick-table expiry. */
const HAPROXY_MAX_TIMER_MS = 2147483647;

export function checkRateLimits(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [fe, f] of Object.entries(t.l7?.frontends ?? {})) {
      const period = f.rate_limit?.period;
      const m = period ? /^(\d+)(s|m)$/.exec(period) : null;
      if (!m || Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000) <= HAPROXY_MAX_TIMER_MS) continue;
      out.push(
        finding(
          ctx,
          'rate-limit-period-too-long',
          `rate_limit period ${period} of frontend ${fe} is longer than HAProxy's longest timer (${HAPROXY_MAX_TIMER_MS} ms, about 24.8 days); use at most ${Math.floor(HAPROXY_MAX_TIMER_MS / 60_000)}m`,
          ['tenants', tenant, 'l7', 'frontends', fe, 'rate_limit', 'period'],
        ),
      );
    }
  return out;
}
