/**
 * The BGP session over one cabled port of a routed device, and the addresses it needs on the
 * port: unnumbered (the fabric's cables), numbered over an upstream's peering link (and its IPv6
 * twin), or numbered over a Cilium node's /31 (Cilium peers by address, facts/clusters.ts).
 */
import type { FamilyAddress } from '../../model/address.js';
import type { BgpNeighbor } from '../../model/types.js';
import { formatAddress } from '../../net/ipv4.js';
import { nodeLinkAt } from '../facts/clusters.js';
import type { DeviceFacts, PortFacts, SiteFacts, UpstreamFacts } from '../facts.js';
import { address4 } from '../ip-family.js';
import { upstreamSession6 } from './ipv6.js';
import { type PeerGroupSpec, peerGroupFor } from './peer-groups.js';

export interface PortSession {
  group: PeerGroupSpec;
  /** The IPv6 twin group of a numbered upstream session with IPv6. */
  group6: PeerGroupSpec | null;
  /** Numbered: the group is not activated in the IPv6 family. */
  numbered: boolean;
  addresses: FamilyAddress[];
  neighbors: BgpNeighbor[];
}

/** The session of `d` with `peer` over `port`, whose routed interface is `iface`. */
export function portSession(
  facts: SiteFacts,
  d: DeviceFacts,
  port: PortFacts,
  peer: DeviceFacts,
  iface: string,
): PortSession {
  const simulated = facts.upstreams.get(d.name);
  const link = port.kind === 'upstream' ? peeringLink(facts, d, peer) : null;
  const cluster = peer.cluster === null ? undefined : facts.clusters.get(peer.cluster);
  const group = peerGroupFor(
    d.role,
    peer.role,
    link?.upstream.accept === 'full',
    cluster && {
      name: cluster.name,
      maximumPrefix: cluster.maximumPrefix,
      bfd: cluster.speaker === 'metallb',
    },
  );
  const neighbor = (peerAddress: string, unnumbered: boolean, description: string): BgpNeighbor => ({
    peer: peerAddress,
    unnumbered,
    peerGroup: group.name,
    remoteAs: peer.asn!,
    description,
    peerDevice: peer.name,
    password: null,
    updateSource: null,
  });
  const described = port.description ?? `${peer.name}:${port.peer.interface}`;
  const cable = cluster ? nodeLinkAt(facts.clusters, d.name, port.interface) : undefined;
  if (cable)
    return {
      group,
      group6: null,
      numbered: true,
      addresses: [address4(cable.mine, cable.link.length)],
      neighbors: [neighbor(formatAddress(cable.theirs), false, described)],
    };
  if (!link)
    return {
      group,
      group6: null,
      numbered: false,
      addresses: [],
      neighbors: [neighbor(iface, true, described)],
    };
  const v4: BgpNeighbor = {
    ...neighbor(
      formatAddress(link.theirs),
      false,
      simulated ? `${peer.name} (customer AS${peer.asn})` : `${peer.name} (AS${peer.asn})`,
    ),
    password: link.upstream.password ? { secret: link.upstream.password, use: 'bgp-password' } : null,
  };
  // the IPv6 session over the same link: its own neighbor, in the group's IPv6 twin
  const six = upstreamSession6(link.upstream, !!simulated, group, v4);
  return {
    group,
    group6: six?.group ?? null,
    numbered: true,
    addresses: [address4(link.mine, link.upstream.link.length), ...(six ? [six.address] : [])],
    neighbors: [v4, ...(six ? [six.neighbor] : [])],
  };
}

/**
 * A numbered peering link seen from `d`: the edge's end (ours) or the simulated upstream's
 * (theirs), whichever `d` is.
 */
function peeringLink(
  facts: SiteFacts,
  d: DeviceFacts,
  peer: DeviceFacts,
): { upstream: UpstreamFacts; mine: number; theirs: number } | null {
  const simulated = facts.upstreams.get(d.name);
  const upstream = simulated ?? facts.upstreams.get(peer.name);
  if (!upstream) return null;
  return simulated
    ? { upstream, mine: upstream.theirs, theirs: upstream.ours }
    : { upstream, mine: upstream.ours, theirs: upstream.theirs };
}
