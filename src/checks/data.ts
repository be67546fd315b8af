/**
 * The data tier (docs/data-tier.md): a data service's VIPs need members of their role (a write
 * VIP a primary, a read VIP replicas), and its members must be reachable by the HAProxy pair that
 * checks their roles and carries the VIPs' connections. Addresses are checked with the other VIPs
 * (addressing.ts), ports with the other listeners (listeners.ts), the Sentinels in sentinels.ts.
 */

import { patroniNodeLossPrediction } from '../compile/data-tier.js';
import type { DataServiceFacts } from '../compile/facts/tenants.js';
import { nicToward, proxiesOf } from '../compile/redis.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Tenant } from '../inventory/types.gen.js';
import { runsProxy } from '../model/runs.js';
import { majority } from '../util/majority.js';
import { type CheckContext, finding, notice } from './context.js';
import { firstDomainBelow } from './failure-domains.js';
import { checkRabbitmqServices } from './rabbitmq.js';
import { checkSentinels } from './sentinels.js';

export function checkDataServices(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [svc, ds] of Object.entries(t.data ?? {})) {
      const base = ['tenants', tenant, 'data', svc];
      const rabbitmq = ds.kind === 'rabbitmq';
      const primaries = ds.members.filter((m) => m.role === 'primary');
      const replicas = ds.members.filter((m) => m.role === 'replica');
      // roles: one primary to start from, replicas behind a read VIP
      for (const [vip, v] of Object.entries(ds.vips)) {
        // RabbitMQ has no roles: checks/rabbitmq.ts
        if (rabbitmq) continue;
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
        // a device listed twice is data-member-listed-twice's (below), not two primaries
        if (m.role === 'primary' && primaries[0] !== m && primaries[0]?.device !== m.device && !rabbitmq)
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
      // rabbitmq's password is an error of its own (checks/rabbitmq.ts)
      if (!ds.auth && ds.kind === 'postgres')
        out.push(
          finding(
            ctx,
            'postgres-without-auth',
            `postgres service ${svc} has no password: Patroni's superuser and replication users and PgBouncer's clients need one (fabric renders no trust lines); give it one, e.g. auth: { secret: ${tenant}-${svc}-auth }, and set the secret (16 to 128 characters of letters, digits and ._~+/=@-, e.g. openssl rand -base64 32)`,
            base,
          ),
        );
      else if (!ds.auth && !rabbitmq)
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
      out.push(...checkDataVipSegments(ctx, tenant, svc, ds.vips, t.l7.members));
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
  out.push(
    ...checkDataVipVrids(ctx),
    ...checkSentinels(ctx),
    ...checkDataMembersOnce(ctx),
    ...checkDataMemberSegment(ctx),
    ...checkEtcdQuorum(ctx),
    ...checkPatroniTimers(ctx),
    ...checkRabbitmqServices(ctx),
  );
  return out;
}

/**
 * Each VM is a member of one data service, once, and a worker of a service once: a VM runs one
 * server of its kind on the service's port (one redis.conf, one Patroni), so a second service on
 * it would silently be the first one's, and a member listed twice is two servers of one name in
 * HAProxy's backends, which HAProxy refuses.
 */
function checkDataMembersOnce(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants) {
    const memberOf = new Map<string, string>();
    const workerOf = new Map<string, string>();
    const kindOf = new Map(Object.entries(t.data ?? {}).map(([svc, ds]) => [svc, ds.kind]));
    for (const [svc, ds] of Object.entries(t.data ?? {})) {
      const base = ['tenants', tenant, 'data', svc];
      const here = new Set<string>();
      ds.members.forEach((m, i) => {
        const path = [...base, 'members', i, 'device'];
        const elsewhere = memberOf.get(m.device);
        if (here.has(m.device))
          out.push(
            finding(
              ctx,
              'data-member-listed-twice',
              `${m.device} is listed twice in the members of ${svc}: a member is one server, named once in HAProxy's backends; remove this entry`,
              path,
            ),
          );
        else if (elsewhere !== undefined)
          out.push(
            finding(
              ctx,
              'data-member-shared',
              `${m.device} is already a member of data service ${elsewhere}: a VM runs one data service's server (its ${kindOf.get(elsewhere)} on its port, one set of files), so it cannot serve ${svc} too; give ${svc} VMs of its own`,
              path,
            ),
          );
        here.add(m.device);
        if (elsewhere === undefined) memberOf.set(m.device, svc);
      });
      // a worker VM runs one consumer (one amqp-worker unit): of one queue of one service
      (ds.workers ?? []).forEach((w, i) => {
        const first = workerOf.get(w.device);
        if (first !== undefined)
          out.push(
            finding(
              ctx,
              'data-worker-listed-twice',
              `${w.device} is already a worker of ${first === svc ? svc : `data service ${first}`}: a worker VM runs one consumer (one amqp-worker unit), so this queue would have none; give it a worker VM of its own`,
              [...base, 'workers', i, 'device'],
            ),
          );
        else workerOf.set(w.device, svc);
      });
    }
  }
  return out;
}

/**
 * A service's members reach each other on one segment: compile gives each member one address, on
 * its first NIC on a segment of the HAProxy pair (redis.ts `nicToward`), and the others replicate
 * from it, vote with it (Sentinel, etcd, a RabbitMQ cluster) and admit it by their own segment's
 * subnet (Patroni's pg_hba) there. A member elsewhere is outside all of that: the service's segment
 * is the one most members are on (the primary's, or the first member's, on a tie).
 */
const TOGETHER: Record<DataServiceFacts['kind'], string> = {
  redis:
    "the replicas replicate from the primary and the Sentinels watch and vote on the members' addresses on one segment, the service's",
  postgres:
    "the members replicate and form their etcd cluster on one segment, the service's, and pg_hba admits that segment's subnet only",
  rabbitmq: "the nodes cluster on one segment, the service's",
};

function checkDataMemberSegment(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, t] of ctx.facts.tenants)
    for (const svc of t.data) {
      const proxies = proxiesOf(ctx.facts, tenant);
      // a member without one is data-member-unreachable's
      const on = svc.members.flatMap((m) => {
        const nic = nicToward(m.device, proxies);
        return nic?.segment ? [{ ...m, nic, segment: nic.segment }] : [];
      });
      const count = (seg: string) => on.filter((m) => m.segment === seg).length;
      const first = on.find((m) => m.role === 'primary') ?? on[0];
      if (!first) continue;
      const segment = on.reduce(
        (best, m) => (count(m.segment) > count(best) ? m.segment : best),
        first.segment,
      );
      const there = on.filter((m) => m.segment === segment);
      const name = (seg: string) => seg.slice(tenant.length + 1);
      const subnet = there[0]!.nic.on?.subnet?.text;
      for (const m of on.filter((x) => x.segment !== segment))
        out.push(
          finding(
            ctx,
            'data-member-off-segment',
            `${m.device.name} of data service ${svc.name} is on segment ${name(m.segment)} (${m.nic.name}, its NIC toward the HAProxy pair), the other members (${there.map((x) => x.device.name).join(', ')}) on ${name(segment)}: ${TOGETHER[svc.kind]}; put ${m.device.name}'s ${m.nic.name} on ${name(segment)}${subnet ? ` with an address in ${subnet}` : ''}`,
            [...m.nic.path, 'segment'],
          ),
        );
    }
  return out;
}

/**
 * The HAProxy pair holds each data VIP with VRRP on the VIP's segment (docs/data-tier.md): every
 * member needs a NIC there (`data-vip-off-proxy`, naming the segments the whole pair is on).
 */
function checkDataVipSegments(
  ctx: CheckContext,
  tenant: string,
  svc: string,
  vips: Readonly<Record<string, { segment: string }>>,
  l7Members: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // the HAProxy pair holds each VIP with VRRP on the VIP's segment: every member needs a NIC there
  const l7 = l7Members.flatMap((name) => ctx.facts.devices.get(name) ?? []);
  const segmentsOf = (lb: (typeof l7)[number]) =>
    lb.nics.flatMap((n) => (n.segment?.startsWith(`${tenant}/`) ? [n.segment.slice(tenant.length + 1)] : []));
  const shared = l7.length
    ? segmentsOf(l7[0]!).filter((seg) => l7.every((lb) => segmentsOf(lb).includes(seg)))
    : [];
  for (const [vip, v] of Object.entries(vips)) {
    if (!ctx.facts.segments.has(`${tenant}/${v.segment}`)) continue; // unknown-segment
    const without = l7.filter((lb) => !segmentsOf(lb).includes(v.segment)).map((lb) => lb.name);
    if (without.length)
      out.push(
        finding(
          ctx,
          'data-vip-off-proxy',
          `VIP ${vip} of ${svc} is on segment ${v.segment}, where ${without.join(' and ')} of the HAProxy pair ${without.length === 1 ? 'has' : 'have'} no NIC: the pair holds the VIP with VRRP on its segment, so every member needs one there; ${
            shared.length
              ? `put it on a segment every member is on, the one its clients are on: ${[...new Set(shared)].sort().join(' or ')}`
              : `give ${without.join(' and ')} a NIC on ${v.segment}`
          }`,
          ['tenants', tenant, 'data', svc, 'vips', vip, 'segment'],
        ),
      );
  }
  return out;
}

/** The data VIPs' VRRP instance on a segment needs a VRID the inventory leaves free (allocate.ts `dataVipVrid`). */
function checkDataVipVrids(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, tf] of ctx.facts.tenants)
    for (const g of tf.dataVrrp?.groups ?? []) {
      if (g.vrid !== null) continue;
      const first = tf.data.flatMap((svc) =>
        svc.vips.filter((v) => v.segment === g.segment).map((v) => [svc.name, v.name]),
      )[0]!;
      out.push(
        finding(
          ctx,
          'data-vip-no-vrid',
          `the data VIPs on ${g.segment} need a VRRP VRID of their own, and the tenant's VRRP groups use all 255 on ${g.segment}; free one, or put the data VIPs on another segment of the HAProxy pair`,
          ['tenants', tenant, 'data', first[0]!, 'vips', first[1]!, 'segment'],
        ),
      );
    }
  return out;
}

/**
 * A PostgreSQL service's etcds (one per member, compile/postgres.ts) must keep a majority when any
 * one failure domain fails (a member, or a hypervisor with its VMs). An error, not a warning as
 * for Sentinel's quorum: a Patroni that cannot reach a majority of the store cannot renew the
 * leader lock and demotes its primary (https://patroni.readthedocs.io/en/latest/dcs_failsafe_mode.html),
 * so with two members either one's loss stops every write — worse than one server alone. Hence
 * at least three members, on three failure domains.
 */
function checkEtcdQuorum(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, t] of ctx.facts.tenants)
    for (const svc of t.data) {
      if (svc.kind !== 'postgres') continue;
      const etcds = svc.members.map((m) => m.device);
      const need = majority(etcds.length);
      const lost = firstDomainBelow(etcds, need);
      if (lost)
        out.push(
          finding(
            ctx,
            'etcd-quorum-at-risk',
            `losing ${lost.domain} leaves ${lost.left.length} of the ${etcds.length} etcds of ${svc.name} (${etcds.map((s) => s.name).join(', ')}), fewer than the ${need} the store needs: Patroni then demotes the primary and every write fails; give the service at least three members on three hypervisors`,
            ['tenants', tenant, 'data', svc.name, 'members'],
          ),
        );
    }
  return out;
}

/**
 * Patroni's timers: `loop_wait + 2 × retry_timeout ≤ ttl` (Patroni's rule, else a primary that
 * retries the store for retry_timeout loses the lock before it gives up), and what losing the
 * primary's node costs: the lock expires only after `ttl` (at least 20 s), which no 5 s budget
 * meets. Said as a warning at the service's budget (or the service), never hidden: raise the
 * service's budget to accept it, or keep it in sight (docs/data-tier.md).
 */
function checkPatroniTimers(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pg = [...ctx.facts.tenants].flatMap(([tenant, t]) =>
    t.data.filter((s) => s.kind === 'postgres').map((s) => ({ tenant, svc: s })),
  );
  if (!pg.length) return out;
  const p = ctx.site.timers.patroni;
  if (p.loopWaitS + 2 * p.retryTimeoutS > p.ttlS)
    out.push(
      finding(
        ctx,
        'patroni-timers-invalid',
        `Patroni needs loop_wait + 2 × retry_timeout ≤ ttl: ${p.loopWaitS} + 2 × ${p.retryTimeoutS} > ${p.ttlS} s; raise defaults.patroni.ttl to ${p.loopWaitS + 2 * p.retryTimeoutS} or lower the others`,
        ['defaults', 'patroni'],
      ),
    );
  for (const { tenant, svc } of pg) {
    const b = ctx.site.devices
      .filter(runsProxy)
      .filter((d) => d.tenant === tenant)
      .flatMap((d) => d.haproxy.tcpBackends)
      .find((x) => x.name === `${svc.name}_primary`);
    const write = ctx.site.budgets.find(
      (x) => x.kind === 'data-write' && x.subject === `${tenant}/${svc.name}`,
    );
    if (!b || !write || write.budgetMs === null) continue;
    const nodeLoss = patroniNodeLossPrediction(b, ctx.site.timers);
    if (nodeLoss <= write.budgetMs) continue;
    out.push(
      notice(
        ctx,
        'patroni-node-loss-over-budget',
        `losing the primary's node (or its Patroni) fails writes of ${svc.name} for up to ${nodeLoss} ms (ttl ${p.ttlS} s + Patroni's reaction ${p.reactionMs} ms + HAProxy's checks), over its budget of ${write.budgetMs} ms; a PostgreSQL crash alone costs ${write.expectedOutageMs} ms. Patroni's ttl cannot go below 20 s: accept it with the service's budget: ${nodeLoss}, or keep this in sight`,
        svc.budget !== null
          ? ['tenants', tenant, 'data', svc.name, 'budget']
          : ['tenants', tenant, 'data', svc.name],
      ),
    );
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
