/**
 * The data tier (docs/data-tier.md): a data service's VIPs need members of their role (a write
 * VIP a primary, a read VIP replicas), and its members must be reachable by the HAProxy pair that
 * checks their roles and carries the VIPs' connections. Addresses are checked with the other VIPs
 * (addressing.ts), ports with the other listeners (listeners.ts).
 */

import { sentinelQuorum, sentinelsOf } from '../compile/redis.js';
import { SENTINEL_MIN_DOWN_AFTER_MS } from '../compile/timers.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Tenant } from '../inventory/types.gen.js';
import { type CheckContext, finding, notice } from './context.js';

export function checkDataServices(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [svc, ds] of Object.entries(t.data ?? {})) {
      const base = ['tenants', tenant, 'data', svc];
      const primaries = ds.members.filter((m) => m.role === 'primary');
      const replicas = ds.members.filter((m) => m.role === 'replica');
      // roles: one primary to start from, replicas behind a read VIP
      for (const [vip, v] of Object.entries(ds.vips)) {
        if (v.role === 'write' && primaries.length === 0)
          out.push(
            finding(
              ctx,
              'data-write-without-primary',
              `write VIP ${vip} of ${svc} has no member to send writes to: no member is role: primary; make one the primary, e.g. { device: ${ds.members[0]?.device}, role: primary }`,
              [...base, 'vips', vip, 'role'],
            ),
          );
        if (v.role === 'read' && replicas.length === 0)
          out.push(
            finding(
              ctx,
              'data-read-without-replicas',
              `read VIP ${vip} of ${svc} has no replica to spread reads over (members: ${ds.members.map((m) => `${m.device} ${m.role}`).join(', ')}): every read would go to the primary; add a replica or remove the read VIP`,
              [...base, 'vips', vip, 'role'],
            ),
          );
      }
      ds.members.forEach((m, i) => {
        if (m.role === 'primary' && primaries[0] !== m)
          out.push(
            finding(
              ctx,
              'data-primary-twice',
              `${m.device} and ${primaries[0]?.device} are both role: primary of ${svc}: a service starts from one primary; make ${m.device} a replica`,
              [...base, 'members', i, 'role'],
            ),
          );
      });
      // a password: without one anyone on the member's segment reads and writes the data (and
      // can make a member the replica of their own server); optional so that a service can be
      // brought up first and given one later, but said
      if (!ds.auth)
        out.push(
          notice(
            ctx,
            'data-without-auth',
            `data service ${svc} has no password: its members run protected-mode no and serve anyone who reaches their port; give it one, e.g. auth: { secret: ${tenant}-${svc}-auth }, and set the secret (16 to 128 characters, e.g. openssl rand -base64 32)`,
            base,
          ),
        );
      // the HAProxy pair that checks the roles and carries the connections
      if (!t.l7) {
        out.push(
          finding(
            ctx,
            'data-without-proxy',
            `data service ${svc} needs the tenant's HAProxy pair (l7) to check its members' roles and carry its VIPs; tenant ${tenant} has none`,
            base,
          ),
        );
        continue;
      }
      ds.members.forEach((m, i) => {
        const member = ctx.facts.devices.get(m.device);
        if (!member) return;
        for (const name of t.l7!.members) {
          const lb = ctx.facts.devices.get(name);
          if (
            lb &&
            !lb.nics.some((n) => n.segment !== null && member.nics.some((x) => x.segment === n.segment))
          )
            out.push(
              finding(
                ctx,
                'data-member-unreachable',
                `${m.device} of data service ${svc} shares no segment with ${name} (HAProxy reaches and checks the members on a segment it is on); put ${m.device} on one of ${name}'s segments: ${lb.nics
                  .map((n) => n.segment?.split('/')[1])
                  .filter((s) => s)
                  .join(', ')}`,
                [...base, 'members', i, 'device'],
              ),
            );
        }
      });
    }
  out.push(...checkSentinelQuorum(ctx), ...checkSentinelDownAfter(ctx));
  return out;
}

/**
 * `down-after-milliseconds` below SENTINEL_MIN_DOWN_AFTER_MS lets a Sentinel hold a just-promoted
 * primary down before it has reconnected to it (it reconnects at most once a second), and the
 * other Sentinels' replies about the old primary, which count for 5 s, make that a second
 * failover at once: measured, 14.5 s and 22.3 s of failed writes instead of ~2.5 s.
 */
function checkSentinelDownAfter(ctx: CheckContext): Diagnostic[] {
  const given = ctx.facts.inventory.defaults.sentinel?.down_after;
  const redis = [...ctx.facts.tenants.values()].some((t) => t.data.some((s) => s.kind === 'redis'));
  if (given === undefined || given >= SENTINEL_MIN_DOWN_AFTER_MS || !redis) return [];
  return [
    notice(
      ctx,
      'sentinel-down-after-short',
      `defaults.sentinel.down_after ${given} ms is below ${SENTINEL_MIN_DOWN_AFTER_MS} ms: after a failover a Sentinel reconnects to the new primary only up to 1 s later, may hold it down first, and fails it over a second time (10 s and more of failed writes); use at least ${SENTINEL_MIN_DOWN_AFTER_MS}`,
      ['defaults', 'sentinel', 'down_after'],
    ),
  ];
}

/**
 * A Redis service's Sentinels (every member and the HAProxy pair, compile/redis.ts) must keep a
 * majority when any one failure domain fails (a device, or a hypervisor with its VMs): a failover
 * needs a majority to elect its leader, so without one the write VIP stays without a primary.
 */
function checkSentinelQuorum(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, t] of ctx.facts.tenants)
    for (const svc of t.data) {
      if (svc.kind !== 'redis') continue;
      const sentinels = sentinelsOf(ctx.facts, tenant, svc);
      const need = sentinelQuorum(sentinels.length);
      const domains = new Set(sentinels.flatMap((s) => [s.name, ...(s.hostedOn ? [s.hostedOn] : [])]));
      for (const domain of [...domains].sort()) {
        const left = sentinels.filter((s) => s.name !== domain && s.hostedOn !== domain);
        if (left.length >= need) continue;
        out.push(
          notice(
            ctx,
            'sentinel-quorum-at-risk',
            `losing ${domain} leaves ${left.length} of the ${sentinels.length} Sentinels of ${svc.name} (${sentinels.map((s) => s.name).join(', ')}), fewer than the ${need} a failover needs: put a member on another hypervisor, e.g. a third replica`,
            ['tenants', tenant, 'data', svc.name, 'members'],
          ),
        );
        break;
      }
    }
  return out;
}

/** The data VIPs among a tenant's virtual addresses (addressing.ts: duplicates, outside their segment). */
export function* dataVipAddresses(tenant: string, t: Tenant, word: string) {
  for (const [svc, ds] of Object.entries(t.data ?? {}))
    for (const [vip, v] of Object.entries(ds.vips))
      yield {
        owner: `vip:${tenant}:data:${svc}:${vip}`,
        what: `${word}VIP ${vip} of data service ${tenant}/${svc}`,
        whatInSegment: `${word}VIP ${vip} of ${svc}`,
        segment: `${tenant}/${v.segment}`,
        written: v as { address?: string; address6?: string },
        path: ['tenants', tenant, 'data', svc, 'vips', vip],
      };
}
