/**
 * A session whose peer group keeps what it receives (`keepsReceived`: a Kubernetes cluster's
 * nodes) has nothing its inbound route-map rejects. A rejected prefix does no harm to the fabric,
 * but it is a LoadBalancer IP outside the cluster's pools that nobody can reach: the speaker and
 * the pools disagree, and the leaf's session check cannot see it (it counts accepted routes).
 * Read from `show bgp <afi> unicast neighbors <peer> filtered-routes json`, which needs
 * `soft-reconfiguration inbound` (bgp_vty.c: the Adj-RIB-In run through the inbound policy).
 */
import { own } from '../../util/own.js';
import { bgpSortKey } from './bgp-identity.js';
import { liveNeighbors } from './bgp-session.js';
import { type AddressFamily, FAMILIES, familyField, familyId, familyOf, familyWord } from './family.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface BgpFiltered extends ExpectationBase {
  kind: 'bgp-filtered';
  peer: string;
  peerDevice: string;
  /** The inbound route-map that rejects, for the words of a failure. */
  routeMapIn: string;
}

/** The command that lists what a neighbor sent and the inbound policy rejected. */
export function filteredRoutesCommand(family: AddressFamily, peer: string): string {
  return `vtysh -c 'show bgp ${family} unicast neighbors ${peer} filtered-routes json'`;
}

/** The rejected prefixes in `filtered-routes json` (`receivedRoutes`, keyed by prefix), sorted. */
export function filteredPrefixes(json: unknown): string[] | undefined {
  const routes = (json as { receivedRoutes?: unknown } | null)?.receivedRoutes;
  if (routes === undefined || routes === null || typeof routes !== 'object') return undefined;
  return Object.keys(routes).sort();
}

function filteredOf(ctx: DeriveContext, family: AddressFamily): BgpFiltered[] {
  return liveNeighbors(ctx, family).flatMap(({ device: d, neighbor: n }) => {
    const bgp = d.frr.routerBgp;
    const group =
      family === 'ipv4'
        ? bgp.peerGroups.find((g) => g.name === n.peerGroup && !g.family)
        : bgp.ipv6Unicast?.peerGroups.find((g) => g.name === n.peerGroup);
    if (!group?.keepsReceived) return [];
    return [
      {
        kind: 'bgp-filtered' as const,
        id: familyId('bgp-filtered', family, `${d.name}:${n.peer}`),
        device: d.name,
        title: `${d.name} ${n.peer} ↔ ${n.peerDevice}: no ${familyWord(family)}prefix rejected by ${group.routeMapIn}`,
        peer: n.peer,
        peerDevice: n.peerDevice,
        routeMapIn: group.routeMapIn,
        ...familyField(family),
      },
    ];
  });
}

export const bgpFiltered: CheckSpec<BgpFiltered> = {
  kind: 'bgp-filtered',
  describes: 'nothing rejected from the peers whose routes are kept as received (Kubernetes nodes)',
  // a push does not make a node announce outside its pools: gates would only block on its speaker
  runs: { verify: true, gates: false, drift: true },
  stage: 1,
  // after the session's BFD
  sortKey: (e, ctx) => [...bgpSortKey(e.device, e.peer, ctx), 2, ...(e.family ? [1] : [])],
  derive: (ctx) => FAMILIES.flatMap((f) => filteredOf(ctx, f)),
  async evaluate(e, round) {
    const family = familyOf(e);
    const command = filteredRoutesCommand(family, e.peer);
    const r = await readJson(
      round,
      e.device,
      command,
      `show bgp ${family} unicast neighbors ${e.peer} filtered-routes`,
    );
    if ('error' in r) return fail(r.error);
    const rejected = filteredPrefixes(r.value);
    if (rejected === undefined) {
      // FRR says why in one field: `warning` (nothing kept) or `malformedAddressOrName` (no such peer)
      const said = r.value as Record<string, unknown> | null;
      const warning = own(said ?? undefined, 'warning');
      return fail(
        typeof warning === 'string'
          ? `${warning} for ${e.peer}: what it rejects cannot be read`
          : `no BGP neighbor ${e.peer}`,
      );
    }
    if (rejected.length === 0) return pass('nothing rejected');
    const shown = rejected.slice(0, 10).join(', ');
    return fail(
      `${e.peerDevice} announces ${shown}${rejected.length > 10 ? ', …' : ''}: rejected by ${e.routeMapIn} (${rejected.length} prefix${rejected.length === 1 ? '' : 'es'})`,
      'rejected',
    );
  },
  reads: (e) => [{ device: e.device, command: filteredRoutesCommand(familyOf(e), e.peer) }],
  about: (e) => [e.device, e.peerDevice],
  siteWide: false,
  filed: (e) => ({
    daemon: FILED_UNDER.routing,
    section: `bgp neighbor ${e.peer}${e.family ? ' address-family ipv6 unicast' : ''}`,
  }),
  // the fabric is unharmed; a Service is unreachable
  severity: () => 'minor',
};
