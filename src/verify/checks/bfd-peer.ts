/** BFD is up on every live session whose peer group has a BFD profile. */
import { bfdPeers, FRR, findBfdPeer } from '../../observe/frr.js';
import { bgpSortKey } from './bgp-identity.js';
import { liveNeighbors } from './bgp-session.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface BfdPeer extends ExpectationBase {
  kind: 'bfd-peer';
  peer: string;
  peerDevice: string;
  unnumbered: boolean;
}

export const bfdPeer: CheckSpec<BfdPeer> = {
  kind: 'bfd-peer',
  describes: 'BFD up on every fabric and upstream session',
  runs: { verify: true, gates: true, drift: true },
  stage: 1,
  sortKey: (e, ctx) => [...bgpSortKey(e.device, e.peer, ctx), 1],
  derive: (ctx) =>
    liveNeighbors(ctx)
      .filter(
        ({ device, neighbor }) =>
          device.frr.routerBgp.peerGroups.find((g) => g.name === neighbor.peerGroup)?.bfdProfile,
      )
      .map(({ device: d, neighbor: n }) => ({
        kind: 'bfd-peer',
        id: `bfd-peer:${d.name}:${n.peer}`,
        device: d.name,
        title: `${d.name} ${n.peer} ↔ ${n.peerDevice}: BFD up`,
        peer: n.peer,
        peerDevice: n.peerDevice,
        unnumbered: n.unnumbered,
      })),
  async evaluate(e, round) {
    const r = await readJson(round, e.device, FRR.bfdPeers, 'show bfd peers');
    if ('error' in r) return fail(r.error);
    const p = findBfdPeer(bfdPeers(r.value), e.peer, e.unnumbered);
    if (!p) return fail(`no BFD session on ${e.peer}`);
    return p.status === 'up' ? pass('up') : fail(`BFD ${p.status}`);
  },
  reads: (e) => [{ device: e.device, command: FRR.bfdPeers }],
  about: (e) => [e.device, e.peerDevice],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.routing, section: `bfd peer ${e.peer}` }),
  severity: () => 'major',
};
