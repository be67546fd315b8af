/**
 * The Redis Sentinels of a tenant (docs/data-tier.md): a majority of a service's Sentinels survives
 * any one failure domain, their `down-after` is long enough not to fail a new primary over twice,
 * and they have a password of their own (`sentinels.auth`).
 */
import { sentinelQuorum, sentinelsOf } from '../compile/redis.js';
import { SENTINEL_MIN_DOWN_AFTER_MS } from '../compile/timers.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type CheckContext, notice } from './context.js';
import { firstDomainBelow } from './failure-domains.js';

/** The Sentinel checks of the site's data services. */
export function checkSentinels(ctx: CheckContext): Diagnostic[] {
  return [...checkSentinelQuorum(ctx), ...checkSentinelAuth(ctx), ...checkSentinelDownAfter(ctx)];
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
      const lost = firstDomainBelow(sentinels, need);
      if (lost)
        out.push(
          notice(
            ctx,
            'sentinel-quorum-at-risk',
            `losing ${lost.domain} leaves ${lost.left.length} of the ${sentinels.length} Sentinels of ${svc.name} (${sentinels.map((s) => s.name).join(', ')}), fewer than the ${need} a failover needs: put a member on another hypervisor, e.g. a third replica`,
            ['tenants', tenant, 'data', svc.name, 'members'],
          ),
        );
    }
  return out;
}

/**
 * The Sentinels' own password (`sentinels.auth`, docs/data-tier.md): said when a tenant's Redis
 * has a password and its Sentinels none (anyone on the segment can fail a service over at will),
 * when it is a data service's secret too (that service's clients could command every service's
 * failover), and when the tenant runs no Sentinel to give it to.
 */
function checkSentinelAuth(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants) {
    const redis = Object.entries(t.data ?? {}).filter(([, ds]) => ds.kind === 'redis');
    const secret = t.sentinels?.auth?.secret;
    const path = ['tenants', tenant, 'sentinels', 'auth'];
    if (secret === undefined) {
      const locked = redis.find(([, ds]) => ds.auth);
      if (locked)
        out.push(
          notice(
            ctx,
            'sentinel-without-auth',
            `the Sentinels of tenant ${tenant} have no password while ${locked[0]}'s Redis has one: anyone who reaches a Sentinel on the data segment can make it fail a service over (SENTINEL FAILOVER) or forget one (SENTINEL REMOVE); give them their own, e.g. sentinels: { auth: { secret: ${tenant}-sentinels } }, and set the secret (16 to 128 characters, e.g. openssl rand -base64 32)`,
            ['tenants', tenant, 'data', locked[0]],
          ),
        );
      continue;
    }
    if (!redis.length)
      out.push(
        notice(
          ctx,
          'sentinel-auth-unused',
          `tenant ${tenant} runs no Sentinel (it has no redis data service), so sentinels.auth is given to nothing; remove it or add the redis service it is for`,
          path,
        ),
      );
    // any data service's, of any tenant of the site: its clients know it
    const shared = [...ctx.facts.tenants].flatMap(([owner, { input: o }]) =>
      Object.entries(o.data ?? {})
        .filter(([, ds]) => ds.auth?.secret === secret)
        .map(([svc]) => (owner === tenant ? svc : `${owner}/${svc}`)),
    )[0];
    if (shared)
      out.push(
        notice(
          ctx,
          'sentinel-auth-shared',
          `the Sentinels of tenant ${tenant} use the secret '${secret}' of data service ${shared}: its clients could then command the failover of every Redis service of tenant ${tenant}; give the Sentinels a secret of their own, e.g. ${tenant}-sentinels`,
          path,
        ),
      );
  }
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
