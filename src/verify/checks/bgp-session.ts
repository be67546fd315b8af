/**
 * Every BGP session between devices that are up is Established with the peer's AS and the number
 * of prefixes the routing simulation says it carries, per address family: IPv4 unicast on every
 * session that carries it, and IPv6 unicast (`show bgp ipv6 unicast summary json`) on those that
 * activate it (issue 14). A session to a failed device, or over a failed link, is not expected.
 */
import { bgpSummary, FRR_FAMILY, isEstablished } from '../../observe/frr.js';
import { own } from '../../util/own.js';
import { type Range, sessionKey } from '../routing.js';
import { ROUTING_FAMILIES } from '../routing-family.js';
import { standbyAnnouncements } from '../routing-speakers.js';
import { rangeLess } from '../routing-view.js';
import { bgpSortKey } from './bgp-identity.js';
import { type AddressFamily, FAMILIES, familyField, familyId, familyOf, routingOf } from './family.js';
import { FILED_UNDER, speaksBgp } from './model.js';
import {
  type CheckSpec,
  type DeriveContext,
  type ExpectationBase,
  fail,
  inRange,
  pass,
  rangeText,
  rangeTitle,
  readJson,
} from './spec.js';

export interface BgpSession extends ExpectationBase {
  kind: 'bgp-session';
  peer: string;
  peerDevice: string;
  remoteAs: number;
  prefixes: Range;
}

/**
 * The sessions expected up: every configured neighbor, less those the failures take down. Of one
 * family: those that carry it (the simulation's rule, src/verify/routing-family.ts); of none
 * (BFD, one per session): those up in any family.
 */
export function liveNeighbors(ctx: DeriveContext, family?: AddressFamily) {
  const families = family ? [family] : FAMILIES;
  const up = (device: string, peer: string) =>
    families.some((f) => routingOf(ctx.routing, f)?.received.has(sessionKey(device, peer)));
  return ctx.site.devices
    .filter(speaksBgp)
    .filter((d) => !ctx.isDown(d.name))
    .flatMap((d) =>
      d.frr.routerBgp.neighbors
        .filter((n) => !family || ROUTING_FAMILIES[family].carries(d, n))
        .filter((n) => !ctx.degraded || up(d.name, n.peer))
        .map((n) => ({ device: d, neighbor: n })),
    );
}

/** One family's sessions, where the simulation routes the family. */
function sessionsOf(ctx: DeriveContext, family: AddressFamily): BgpSession[] {
  const routing = routingOf(ctx.routing, family);
  if (!routing) return [];
  const unicast = family === 'ipv4' ? '' : ' ipv6 unicast';
  // the simulation has both L4 members of a pair announce its anycast VIPs; the backup does not
  // (IPv4 only, as anycast is); counted once per site, not per session
  const standby = new Map(
    family === 'ipv4'
      ? ctx.site.devices.map((x) => [x.name, standbyAnnouncements(x)] as const).filter(([, k]) => k > 0)
      : [],
  );
  return liveNeighbors(ctx, family).map(({ device: d, neighbor: n }) => {
    const simulated = ctx.sharedInternet?.linkPrefixes(d.name, n.peer, n.peerDevice, family) ??
      routing.received.get(sessionKey(d.name, n.peer)) ?? { certain: 0, possible: 0 };
    const prefixes = rangeLess(simulated, standby.get(n.peerDevice) ?? 0);
    return {
      kind: 'bgp-session',
      id: familyId('bgp-session', family, `${d.name}:${n.peer}`),
      device: d.name,
      title: `${d.name} ${n.peer} ↔ ${n.peerDevice} (AS${n.remoteAs})${unicast} Established, ${rangeTitle(prefixes)} prefixes received`,
      peer: n.peer,
      peerDevice: n.peerDevice,
      remoteAs: n.remoteAs,
      prefixes,
      ...familyField(family),
    };
  });
}

export const bgpSession: CheckSpec<BgpSession> = {
  kind: 'bgp-session',
  describes: 'every session Established with the expected prefix count',
  runs: { verify: true, gates: true, drift: true },
  stage: 1,
  // a session's IPv6 unicast check right after its IPv4 one, before its BFD
  sortKey: (e, ctx) => [...bgpSortKey(e.device, e.peer, ctx), 0, ...(e.family ? [1] : [])],
  derive: (ctx) => FAMILIES.flatMap((f) => sessionsOf(ctx, f)),
  async evaluate(e, round) {
    const family = familyOf(e);
    const what = family === 'ipv4' ? 'show bgp summary' : 'show bgp ipv6 unicast summary';
    const r = await readJson(round, e.device, FRR_FAMILY[family].bgpSummary, what);
    if ('error' in r) return fail(r.error);
    const s = bgpSummary(r.value);
    const p = own(s?.peers, e.peer);
    if (!p)
      return fail(
        `no BGP neighbor ${e.peer} ${family === 'ipv4' ? 'configured' : 'activated in ipv6 unicast'}`,
      );
    if (p.remoteAs !== e.remoteAs)
      return fail(`neighbor ${e.peer} is AS${p.remoteAs}, expected AS${e.remoteAs} (${e.peerDevice})`);
    if (!isEstablished(p))
      return fail(
        `${p.state}${p.peerState && p.peerState !== 'OK' && !p.state.includes(p.peerState) ? ` (${p.peerState})` : ''}, not Established`,
      );
    const n = p.pfxRcd ?? 0;
    if (!inRange(n, e.prefixes))
      return fail(
        `Established but ${n} prefixes received, expected ${rangeText(e.prefixes)}`,
        'prefix-count',
      );
    return pass(`Established, ${n} prefixes received`);
  },
  reads: (e) => [{ device: e.device, command: FRR_FAMILY[familyOf(e)].bgpSummary }],
  about: (e) => [e.device, e.peerDevice],
  siteWide: false,
  filed: (e) => ({
    daemon: FILED_UNDER.routing,
    section: `bgp neighbor ${e.peer}${e.family ? ' address-family ipv6 unicast' : ''}`,
  }),
  severity: (code) => (code === 'prefix-count' ? 'major' : 'critical'),
  // a session's prefix count depends on every router: until all have settled, Established will do
  whileSettling: (e) => ({ ...e, prefixes: { certain: 0, possible: e.prefixes.possible } }),
};
