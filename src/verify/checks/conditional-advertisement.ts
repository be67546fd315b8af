/**
 * A session whose group has an advertise-map (`PeerGroup.advertiseMap`: a vRouter's VIP host
 * routes inside a service prefix, sent to its hypervisor only while it holds the default route)
 * is in the state the simulation expects: `Advertise` while the device has a default route,
 * `Withdraw` while it has none. A session stuck in `Withdraw` keeps the site's anycast VIPs, and
 * so its service prefix, off the internet while the site could serve them. Read from `show bgp
 * neighbors <peer> json` (`addressFamilyInfo.ipv4Unicast.advertiseMap`, FRR 8.4).
 */
import { own } from '../../util/own.js';
import { ROUTING_FAMILIES } from '../routing-family.js';
import { bgpSortKey } from './bgp-identity.js';
import { liveNeighbors } from './bgp-session.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass, readJson } from './spec.js';

export type AdvertiseStatus = 'Advertise' | 'Withdraw';

export interface ConditionalAdvertisement extends ExpectationBase {
  kind: 'conditional-advertisement';
  peer: string;
  peerDevice: string;
  advertise: string;
  existMap: string;
  status: AdvertiseStatus;
}

export function neighborCommand(peer: string): string {
  return `vtysh -c 'show bgp neighbors ${peer} json'`;
}

/** The advertise-map's state FRR reports for `peer` (IPv4 unicast), or why there is none. */
export function advertiseStatusOf(json: unknown, peer: string): { status: string } | { error: string } {
  const neighbor = own((json ?? undefined) as Record<string, unknown> | undefined, peer) as
    | { addressFamilyInfo?: { ipv4Unicast?: { advertiseMap?: { advertiseStatus?: unknown } } } }
    | undefined;
  if (!neighbor) return { error: `no BGP neighbor ${peer}` };
  const map = neighbor.addressFamilyInfo?.ipv4Unicast?.advertiseMap;
  if (!map) return { error: `${peer} has no advertise-map in IPv4 unicast` };
  return typeof map.advertiseStatus === 'string'
    ? { status: map.advertiseStatus }
    : { error: `${peer}'s advertise-map shows no status` };
}

function derive(ctx: DeriveContext): ConditionalAdvertisement[] {
  return liveNeighbors(ctx, 'ipv4').flatMap(({ device: d, neighbor: n }) => {
    const map = d.frr.routerBgp.peerGroups.find((g) => g.name === n.peerGroup && !g.family)?.advertiseMap;
    if (!map) return [];
    // the condition is the default route (compile/frr/policy.ts): as the simulation routes it
    const status: AdvertiseStatus = ctx.routing.nexthops.get(d.name)?.has(ROUTING_FAMILIES.ipv4.defaultRoute)
      ? 'Advertise'
      : 'Withdraw';
    return [
      {
        kind: 'conditional-advertisement' as const,
        id: `conditional-advertisement:${d.name}:${n.peer}`,
        device: d.name,
        title: `${d.name} ${n.peer} ↔ ${n.peerDevice}: ${map.advertise} ${status === 'Advertise' ? 'advertised (default route held)' : 'withdrawn (no default route)'}`,
        peer: n.peer,
        peerDevice: n.peerDevice,
        advertise: map.advertise,
        existMap: map.existMap,
        status,
      },
    ];
  });
}

export const conditionalAdvertisement: CheckSpec<ConditionalAdvertisement> = {
  kind: 'conditional-advertisement',
  describes:
    "advertise-maps in the state the routes call for (a vRouter's service-prefix VIPs while it has a default)",
  runs: { verify: true, gates: true, drift: true },
  stage: 1,
  // after the session's BFD and its filtered routes
  sortKey: (e, ctx) => [...bgpSortKey(e.device, e.peer, ctx), 3],
  derive,
  async evaluate(e, round) {
    const r = await readJson(round, e.device, neighborCommand(e.peer), `show bgp neighbors ${e.peer}`);
    if ('error' in r) return fail(r.error);
    const state = advertiseStatusOf(r.value, e.peer);
    if ('error' in state) return fail(state.error);
    if (state.status === e.status) return pass(`${e.advertise}: ${state.status} (condition ${e.existMap})`);
    return fail(
      `${e.advertise}: ${state.status}, expected ${e.status}: ${
        e.status === 'Advertise'
          ? `${e.existMap} matches nothing in the BGP table, so the VIP host routes stay off ${e.peerDevice}`
          : `sent to ${e.peerDevice} with no default route to reply by`
      } (bgpd re-checks every \`bgp conditional-advertisement timer\` seconds)`,
      'state',
    );
  },
  reads: (e) => [{ device: e.device, command: neighborCommand(e.peer) }],
  about: (e) => [e.device, e.peerDevice],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `bgp neighbor ${e.peer}` }),
  // the service prefix is announced by the other sites; this site's share of it is lost
  severity: () => 'major',
};
