/**
 * The eBGP sessions of the simulation (src/verify/routing.ts): each configured neighbor paired
 * with the neighbor on the other end, and the link it runs over.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { BgpNeighbor, SiteModel } from '../model/types.js';
import { type Down, failedDevices } from './down.js';
import { ROUTING_FAMILIES, type RoutingFamily } from './routing-family.js';
import { allSpeakers, type Frr } from './routing-speakers.js';

export interface Session {
  /** The receiving side. */
  device: string;
  /** The neighbor as configured on the receiver (interface or address): FRR's key for the peer. */
  peer: string;
  /** The sending side. */
  from: string;
  fromPeer: string;
}

/** The two ends of the link a session runs over. */
export interface SessionLink {
  end: { device: string; interface: string };
  peer: { device: string; interface: string };
}

export type { Frr };

export function sessionKey(device: string, peer: string): string {
  return `${device}|${peer}`;
}

/** The BGP speakers that are up: devices with FRR, and Kubernetes nodes (routing-speakers.ts). */
export function speakers(site: DeepReadonly<SiteModel>, down: Down): Map<string, Frr> {
  const failed = failedDevices(site, down);
  return new Map(
    allSpeakers(site)
      .filter((d) => !failed.has(d.name))
      .map((d) => [d.name, d]),
  );
}

/**
 * Every session of the intact fabric that carries the family, with the link it runs over: both
 * ends must activate the family on it.
 */
export function pairAll(
  site: DeepReadonly<SiteModel>,
  f: RoutingFamily = ROUTING_FAMILIES.ipv4,
): { session: Session; link: SessionLink | undefined }[] {
  const frr = speakers(site, { devices: new Set(), links: new Set() });
  const out: { session: Session; link: SessionLink | undefined }[] = [];
  for (const d of frr.values()) {
    for (const n of d.frr.routerBgp.neighbors) {
      if (!f.carries(d, n)) continue;
      const other = frr.get(n.peerDevice);
      if (!other) continue;
      const back = counterpart(d, n, other);
      if (!back || !f.carries(other, back)) continue;
      out.push({
        session: { device: d.name, peer: n.peer, from: other.name, fromPeer: back.peer },
        link: sessionLink(d, n, f),
      });
    }
  }
  return out;
}

/**
 * The link a session runs over: the neighbor's interface when unnumbered, else the interface
 * towards the peer with an address of the session's family on a prefix that holds the neighbor's.
 */
function sessionLink(d: Frr, n: DeepReadonly<BgpNeighbor>, f: RoutingFamily): SessionLink | undefined {
  const towards = d.interfaces.filter((i) => i.peer.device === n.peerDevice);
  const link = n.unnumbered
    ? d.interfaces.find((i) => i.name === n.peer)
    : (towards.find((i) => f.onLink(i, n.peer)) ?? towards[0]);
  return link && { end: { device: d.name, interface: link.name }, peer: link.peer };
}

/** The neighbor on the other end: over the same link when unnumbered, else of the same family. */
function counterpart(
  d: Frr,
  n: DeepReadonly<BgpNeighbor>,
  other: Frr,
): DeepReadonly<BgpNeighbor> | undefined {
  if (n.unnumbered) {
    // the other's neighbor whose interface faces this one: on a hypervisor, a vRouter uplink's
    // session runs on the uplink's OVS bridge, not on the VM's port the cable ends in
    const mine = d.interfaces.find((i) => i.name === n.peer)?.peer.interface;
    const faces = (m: DeepReadonly<BgpNeighbor>) =>
      m.peer === mine || other.interfaces.find((i) => i.name === m.peer)?.peer.interface === n.peer;
    return other.frr.routerBgp.neighbors.find((m) => m.unnumbered && m.peerDevice === d.name && faces(m));
  }
  return other.frr.routerBgp.neighbors.find(
    (m) => !m.unnumbered && m.family === n.family && m.peerDevice === d.name,
  );
}
