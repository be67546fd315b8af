/**
 * whatif's view of Kubernetes LoadBalancer pools (docs/kubernetes.md): per pool, the nodes that
 * announce it and the edges that route it, read off the route simulation, in which each node's
 * speaker originates a representative route per pool (src/verify/routing-speakers.ts).
 */
import { oncePer } from '../util/once-per.js';
import { speaksBgp } from '../verify/checks/model.js';
import type { DeriveContext } from '../verify/checks/spec.js';

/**
 * Per pool (`<pool> (cluster <c>)`): its nodes that are up with a session to a leaf left, and
 * the edges (every BGP speaker that is no node, on a site without edges) that route the pool's
 * representative IP in its family's routing.
 */
export type LoadBalancers = Map<string, { nodes: Set<string>; from: Set<string> }>;

/**
 * Per site: each cluster's pools with the route that stands for them (`ClusterModel.poolRoutes`),
 * and the BGP speakers that are no node.
 */
const lbPlan = oncePer((site: DeriveContext['site']) => {
  const nodes = new Set((site.clusters ?? []).flatMap((c) => c.nodes));
  const routers = site.devices.filter((d) => speaksBgp(d) && !nodes.has(d.name)).map((d) => d.name);
  const pools = (site.clusters ?? []).flatMap((c) =>
    c.poolRoutes.map((p) => ({
      key: `${p.pool} (cluster ${c.name})`,
      nodes: c.nodes,
      route: p.route,
      family: p.family,
    })),
  );
  return { routers, pools };
});

/** The pools of the fabric `ctx` describes; `uplinks` is its per-device upper sessions. */
export function loadBalancersOf(
  ctx: DeriveContext,
  uplinks: { get(device: string): ReadonlySet<string> | undefined },
  edges: readonly string[],
): LoadBalancers {
  const { routers, pools } = lbPlan(ctx.site);
  const askers = edges.length ? edges : routers;
  const out: LoadBalancers = new Map();
  for (const p of pools) {
    const routing = p.family === 'ipv4' ? ctx.routing : ctx.routing.ipv6;
    out.set(p.key, {
      nodes: new Set(p.nodes.filter((n) => !ctx.isDown(n) && (uplinks.get(n)?.size ?? 0) > 0)),
      from: new Set(askers.filter((a) => !ctx.isDown(a) && !!routing?.nexthops.get(a)?.has(p.route))),
    });
  }
  return out;
}
