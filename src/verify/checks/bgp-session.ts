/**
 * Every BGP session between devices that are up is Established with the peer's AS and the number
 * of prefixes the routing simulation says it carries. A session to a failed device, or over a
 * failed link, is not expected.
 */
import { bgpSummary, FRR, isEstablished } from '../../observe/frr.js';
import { own } from '../../util/own.js';
import { type Range, sessionKey } from '../routing.js';
import { bgpSortKey } from './bgp-identity.js';
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

/** The sessions expected up: every configured neighbor, less those the failures take down. */
export function liveNeighbors(ctx: DeriveContext) {
  return ctx.site.devices
    .filter(speaksBgp)
    .filter((d) => !ctx.isDown(d.name))
    .flatMap((d) =>
      d.frr.routerBgp.neighbors
        .filter((n) => !ctx.degraded || ctx.routing.received.has(sessionKey(d.name, n.peer)))
        .map((n) => ({ device: d, neighbor: n })),
    );
}

export const bgpSession: CheckSpec<BgpSession> = {
  kind: 'bgp-session',
  describes: 'every session Established with the expected prefix count',
  runs: { verify: true, gates: true, drift: true },
  stage: 1,
  sortKey: (e, ctx) => [...bgpSortKey(e.device, e.peer, ctx), 0],
  derive: (ctx) =>
    liveNeighbors(ctx).map(({ device: d, neighbor: n }) => {
      const prefixes = ctx.routing.received.get(sessionKey(d.name, n.peer)) ?? { certain: 0, possible: 0 };
      return {
        kind: 'bgp-session',
        id: `bgp-session:${d.name}:${n.peer}`,
        device: d.name,
        title: `${d.name} ${n.peer} ↔ ${n.peerDevice} (AS${n.remoteAs}) Established, ${rangeTitle(prefixes)} prefixes received`,
        peer: n.peer,
        peerDevice: n.peerDevice,
        remoteAs: n.remoteAs,
        prefixes,
      };
    }),
  async evaluate(e, round) {
    const r = await readJson(round, e.device, FRR.bgpSummary, 'show bgp summary');
    if ('error' in r) return fail(r.error);
    const s = bgpSummary(r.value);
    const p = own(s?.peers, e.peer);
    if (!p) return fail(`no BGP neighbor ${e.peer} configured`);
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
  reads: (e) => [{ device: e.device, command: FRR.bgpSummary }],
  about: (e) => [e.device, e.peerDevice],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `bgp neighbor ${e.peer}` }),
  severity: (code) => (code === 'prefix-count' ? 'major' : 'critical'),
  // a session's prefix count depends on every router: until all have settled, Established will do
  whileSettling: (e) => ({ ...e, prefixes: { certain: 0, possible: e.prefixes.possible } }),
};
