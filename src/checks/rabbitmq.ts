/**
 * The `rabbitmq` data services (docs/data-tier.md): every member is a `node` and no VIP is a read
 * VIP (any node serves every queue), the cluster keeps a majority when any one failure domain
 * fails (the quorum queues need one), the application's password and the nodes' cookie exist,
 * and the workers are a rabbitmq service's, with an AMQP VIP to connect to. Errors (exit 1); a
 * node's silent loss over the budget is a warning.
 */
import { rabbitmqNodeLossPrediction, writeBackendName } from '../compile/data-tier.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { runsProxy } from '../model/runs.js';
import { majority } from '../util/majority.js';
import { type CheckContext, finding, notice } from './context.js';
import { firstDomainBelow } from './failure-domains.js';

export function checkRabbitmqServices(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, { input: t }] of ctx.facts.tenants)
    for (const [svc, ds] of Object.entries(t.data ?? {})) {
      const base = ['tenants', tenant, 'data', svc];
      if (ds.kind !== 'rabbitmq') {
        // a node, a cookie or workers say RabbitMQ: on another kind they would be ignored
        ds.members.forEach((m, i) => {
          if (m.role === 'node')
            out.push(
              finding(
                ctx,
                'data-member-role',
                `${m.device} is role: node of ${ds.kind} service ${svc}; a ${ds.kind} member is primary or replica (node is for rabbitmq)`,
                [...base, 'members', i, 'role'],
              ),
            );
        });
        for (const key of ['cookie', 'workers'] as const)
          if (ds[key] !== undefined)
            out.push(
              finding(
                ctx,
                'rabbitmq-only',
                `${key} is for rabbitmq services; ${svc} is kind: ${ds.kind}: remove it`,
                [...base, key],
                true,
              ),
            );
        continue;
      }
      ds.members.forEach((m, i) => {
        if (m.role !== 'node')
          out.push(
            finding(
              ctx,
              'data-member-role',
              `${m.device} is role: ${m.role} of rabbitmq service ${svc}; a RabbitMQ cluster has no primary or replicas (every node serves every queue): write { device: ${m.device}, role: node }`,
              [...base, 'members', i, 'role'],
            ),
          );
      });
      for (const [vip, v] of Object.entries(ds.vips))
        if (v.role === 'read')
          out.push(
            finding(
              ctx,
              'rabbitmq-read-vip',
              `read VIP ${vip} of rabbitmq service ${svc}: RabbitMQ has no replicas to read from (consuming is a write: it acknowledges); use one role: write VIP, which spreads over every healthy node`,
              [...base, 'vips', vip, 'role'],
            ),
          );
      if (!ds.auth)
        out.push(
          finding(
            ctx,
            'rabbitmq-without-auth',
            `rabbitmq service ${svc} has no password: its application user and HAProxy's monitoring user need one (fabric creates no guest user); give it one, e.g. auth: { secret: ${tenant}-${svc}-auth }, and set the secret (16 to 128 characters of letters, digits and ._~+/=@-, e.g. openssl rand -base64 32)`,
            base,
          ),
        );
      if (!ds.cookie)
        out.push(
          finding(
            ctx,
            'rabbitmq-without-cookie',
            `rabbitmq service ${svc} has no Erlang cookie: its nodes cannot form a cluster without the same one; give it one, e.g. cookie: { secret: ${tenant}-${svc}-cookie }, and set the secret (20 to 255 letters and digits, e.g. openssl rand -hex 32), never the password`,
            base,
          ),
        );
      if (ds.workers?.length && !Object.values(ds.vips).some((v) => v.role === 'write'))
        out.push(
          finding(
            ctx,
            'rabbitmq-workers-without-vip',
            `the workers of ${svc} have no AMQP VIP to connect to: give the service a role: write VIP`,
            [...base, 'workers'],
            true,
          ),
        );
    }
  out.push(...checkRabbitmqQuorum(ctx), ...checkRabbitmqNodeLoss(ctx));
  return out;
}

/**
 * What losing a node without a word costs (rabbitmqNodeLossPrediction: `net_ticktime` bounds it,
 * not HAProxy): said as a warning at the service's budget (or the service) when it exceeds the
 * budget, never hidden: lower defaults.rabbitmq.net_ticktime, raise the service's budget to
 * accept it, or keep it in sight (docs/data-tier.md). Patroni's node loss is said the same way.
 */
function checkRabbitmqNodeLoss(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, t] of ctx.facts.tenants)
    for (const svc of t.data) {
      if (svc.kind !== 'rabbitmq') continue;
      const b = ctx.site.devices
        .filter(runsProxy)
        .filter((d) => d.tenant === tenant)
        .flatMap((d) => d.haproxy.tcpBackends)
        .find((x) => x.name === writeBackendName(svc));
      const write = ctx.site.budgets.find(
        (x) => x.kind === 'data-write' && x.subject === `${tenant}/${svc.name}`,
      );
      if (!b || !write || write.budgetMs === null) continue;
      const nodeLoss = rabbitmqNodeLossPrediction(b, ctx.site.timers);
      if (nodeLoss <= write.budgetMs) continue;
      const tick = ctx.site.timers.rabbitmq.netTicktimeS;
      out.push(
        notice(
          ctx,
          'rabbitmq-node-loss-over-budget',
          `losing a node of ${svc.name} without a word (its VM or its link) holds publishes to the queues it led for up to ${nodeLoss} ms (1.25 × net_ticktime ${tick} s, then their leader election), over its budget of ${write.budgetMs} ms; a node's crash costs ${write.expectedOutageMs} ms. Lower defaults.rabbitmq.net_ticktime (a node silent that long is lost), accept it with the service's budget: ${nodeLoss}, or keep this in sight`,
          svc.budget !== null
            ? ['tenants', tenant, 'data', svc.name, 'budget']
            : ['tenants', tenant, 'data', svc.name],
        ),
      );
    }
  return out;
}

/**
 * A RabbitMQ service's nodes must keep a majority when any one failure domain fails (a member, or
 * a hypervisor with its VMs): a quorum queue accepts and delivers messages only while a majority
 * of its replicas (one per node) runs, and `pause_minority` pauses the nodes of a minority. So at
 * least three members, on three failure domains (https://www.rabbitmq.com/quorum-queues.html).
 */
function checkRabbitmqQuorum(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tenant, t] of ctx.facts.tenants)
    for (const svc of t.data) {
      if (svc.kind !== 'rabbitmq') continue;
      const nodes = svc.members.map((m) => m.device);
      const need = majority(nodes.length);
      const path = ['tenants', tenant, 'data', svc.name, 'members'];
      if (nodes.length < 3) {
        out.push(
          finding(
            ctx,
            'rabbitmq-quorum-at-risk',
            `rabbitmq service ${svc.name} has ${nodes.length} member${nodes.length === 1 ? '' : 's'} (${nodes.map((s) => s.name).join(', ')}): its quorum queues need a majority of their replicas, so losing any one node ${nodes.length === 1 ? 'loses every queue' : 'stops every queue'}; give it at least three members on three hypervisors`,
            path,
          ),
        );
        continue;
      }
      const lost = firstDomainBelow(nodes, need);
      if (lost)
        out.push(
          finding(
            ctx,
            'rabbitmq-quorum-at-risk',
            `losing ${lost.domain} leaves ${lost.left.length} of the ${nodes.length} nodes of ${svc.name} (${nodes.map((s) => s.name).join(', ')}), fewer than the ${need} its quorum queues need: every queue stops and pause_minority pauses the nodes left; put the members on three hypervisors`,
            path,
          ),
        );
    }
  return out;
}
