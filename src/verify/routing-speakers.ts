/**
 * The BGP speakers of the route simulation (src/verify/routing.ts): every device with an FRR
 * model, and every Kubernetes node, whose FRR fabric does not configure but MetalLB does, from
 * the speaker model compile decided for it (`ClusterModel.speakers`, docs/kubernetes.md). The
 * simulation reads a node as it reads a device's FRR: the cluster's AS, one unnumbered neighbor
 * per leaf in a group with MetalLB's route-maps (`<iface>-in` denies everything, `<iface>-out`
 * permits the `<iface>-allowed-ipv4/6` prefix-lists), and a `network` per pool's representative
 * route. So a node originates its pools into the sessions its leaves have with it, and a failed
 * node or rack takes its announcements with it.
 */
import type { DeepReadonly } from '../model/freeze.js';
import { speaksBgp } from '../model/runs.js';
import type {
  BgpNeighbor,
  BgpUnicastFamily,
  BgpUnicastFamily6,
  CiliumSpeakerModel,
  Device,
  FrrDevice,
  PeerGroup,
  PrefixList,
  RouteMap,
  SiteModel,
  SpeakerModel,
} from '../model/types.js';
import { oncePer } from '../util/once-per.js';

/** What the simulation reads of a BGP speaker: a device's FRR model, or a node's speaker read as one. */
export interface BgpSpeaker {
  name: string;
  interfaces: FrrDevice['interfaces'];
  frr: {
    routerBgp: {
      asn: number;
      peerGroups: PeerGroup[];
      neighbors: BgpNeighbor[];
      ipv4Unicast: BgpUnicastFamily;
      ipv6Unicast?: BgpUnicastFamily6;
    };
    routeMaps: RouteMap[];
    prefixLists: PrefixList[];
  };
}

export type Frr = DeepReadonly<BgpSpeaker>;

/** MetalLB's route-maps hold both families' matches; fabric's model splits lists by family. */
function prefixList(name: string, family: 'ipv4' | 'ipv6', prefixes: readonly string[]): PrefixList {
  return {
    ...(family === 'ipv6' ? { family: 'ipv6' as const } : {}),
    name,
    // MetalLB's `deny any` when nothing is announced: no entry denies as well
    entries: prefixes.map((prefix, i) => ({ seq: i + 1, action: 'permit', prefix, ge: null, le: null })),
  };
}

/** A node's speaker's family as the simulation reads it: what it originates, one path per prefix. */
function unicastFamily(networks: readonly string[]): BgpUnicastFamily {
  return { networks: [...networks], aggregates: [], maximumPaths: 1, defaultOriginate: [] };
}

/** One node's speaker, read as an FRR device: the fields the simulation reads, nothing printed. */
export function speakerAsFrr(
  s: DeepReadonly<SpeakerModel>,
  interfaces: DeepReadonly<FrrDevice['interfaces']>,
): Frr {
  const router = s.routers[0]!;
  const groups: PeerGroup[] = [];
  const neighbors: BgpNeighbor[] = [];
  const routeMaps: RouteMap[] = [];
  const prefixLists: PrefixList[] = [];
  for (const n of router.neighbors) {
    groups.push({
      name: n.id,
      description: `MetalLB peer ${n.peerDevice}`,
      bfdProfile: n.bfdProfile,
      routeMapIn: n.routeMapIn,
      routeMapOut: n.routeMapOut,
    });
    neighbors.push({
      peer: n.iface,
      unnumbered: true,
      peerGroup: n.id,
      remoteAs: Number(n.asn),
      description: n.peerDevice,
      peerDevice: n.peerDevice,
      password: null,
      updateSource: null,
    });
    const entry = (seq: number, action: 'permit' | 'deny', match: string | null) => ({
      seq,
      action,
      matchPrefixList: match,
      description: null,
    });
    routeMaps.push({ name: n.routeMapIn, entries: [entry(20, 'deny', null)] });
    routeMaps.push({
      name: n.routeMapOut,
      entries: n.routeMapOutEntries.map((e) => entry(e.seq, 'permit', e.prefixList)),
    });
    prefixLists.push(prefixList(n.prefixListV4.name, 'ipv4', n.prefixesV4));
    prefixLists.push(prefixList(n.prefixListV6.name, 'ipv6', n.prefixesV6));
  }
  return {
    name: s.node,
    interfaces: interfaces as FrrDevice['interfaces'],
    frr: {
      routerBgp: {
        asn: router.myAsn,
        peerGroups: groups,
        neighbors,
        ipv4Unicast: unicastFamily(router.ipv4Prefixes),
        // an interface peer is dual-stack: activated in both families with the same route-maps
        ipv6Unicast: {
          ...unicastFamily(router.ipv6Prefixes),
          peerGroups: groups.map((g) => ({
            name: g.name,
            routeMapIn: g.routeMapIn,
            routeMapOut: g.routeMapOut,
          })),
        },
      },
      routeMaps,
      prefixLists,
    },
  };
}

/**
 * An L4 member announcing anycast VIPs (`device.anycast`, docs/active-active.md) read with every
 * VIP it may announce as a `network`: FRR announces one by `redistribute connected` while
 * keepalived holds it as a host route, which is on the pair's master, whichever member that is
 * after a failure. A failure changes no originator in this simulation, so both members of the
 * pair originate here: a failed master leaves the backup's announcement, as it does in the
 * network. What a healthy pair really sends (the intended master's only) is for verify's session
 * counts: `standbyAnnouncements`.
 */
function withAnycast(d: DeepReadonly<Device>): Frr {
  const vips = anycastVips(d, () => true);
  if (!vips.length || !speaksBgp(d)) return d as Frr;
  const unicast = d.frr.routerBgp.ipv4Unicast;
  return {
    ...(d as Frr),
    frr: {
      ...d.frr,
      routerBgp: {
        ...d.frr.routerBgp,
        ipv4Unicast: { ...unicast, networks: [...unicast.networks, ...vips] },
      },
    },
  } as Frr;
}

/** The announced IPv4 anycast VIPs of an L4 member whose VRRP instance passes `keep`. */
function anycastVips(d: DeepReadonly<Device>, keep: (intendedMaster: boolean) => boolean): string[] {
  if (!('anycast' in d) || !d.anycast) return [];
  const master = new Map(d.keepalived.vrrpInstances.map((v) => [v.name, v.intendedMaster]));
  return d.anycast.announcements
    .filter((a) => a.announced && a.family === 'ipv4' && keep(!!master.get(a.vrrpInstance)))
    .map((a) => a.prefix);
}

/**
 * The anycast VIPs an L4 member originates in the simulation but does not send while its pair is
 * healthy (it is not the intended master of their instances): a session from it receives that
 * many fewer prefixes than the simulation counts.
 */
export function standbyAnnouncements(d: DeepReadonly<Device> | undefined): number {
  return d ? anycastVips(d, (master) => !master).length : 0;
}

/** Per site: every BGP speaker of the intact fabric, devices with FRR then nodes, in the site's order. */
export const allSpeakers = oncePer((site: DeepReadonly<SiteModel>): Frr[] => {
  const nodes = new Map(
    (site.clusters ?? []).flatMap((c) =>
      c.speaker === 'cilium'
        ? c.speakers.map((s) => [s.node, (i: Interfaces) => ciliumAsFrr(s, i)] as const)
        : c.speakers.map((s) => [s.node, (i: Interfaces) => speakerAsFrr(s, i)] as const),
    ),
  );
  return site.devices.flatMap((d): Frr[] => {
    if (speaksBgp(d)) return [withAnycast(d)];
    const asFrr = nodes.get(d.name);
    return asFrr ? [asFrr(d.interfaces)] : [];
  });
});

type Interfaces = DeepReadonly<FrrDevice['interfaces']>;

/**
 * A Cilium node's speaker read as an FRR device: a numbered IPv4 neighbor per leaf, and the paths
 * Cilium adds as `network`s. Cilium's GoBGP rejects every path it receives (a global import
 * policy that lets only local paths in), so the in route-map denies everything; it exports all
 * it holds, which is only its own paths.
 */
export function ciliumAsFrr(s: DeepReadonly<CiliumSpeakerModel>, interfaces: Interfaces): Frr {
  const group: PeerGroup = {
    name: 'CILIUM',
    description: 'Cilium BGP control plane (GoBGP)',
    bfdProfile: null,
    routeMapIn: 'CILIUM-IN',
    routeMapOut: 'CILIUM-OUT',
  };
  const rule = (action: 'permit' | 'deny') => ({ seq: 10, action, matchPrefixList: null, description: null });
  return {
    name: s.node,
    interfaces: interfaces as FrrDevice['interfaces'],
    frr: {
      routerBgp: {
        asn: s.asn,
        peerGroups: [group],
        neighbors: s.neighbors.map((n) => ({
          peer: n.address,
          unnumbered: false,
          peerGroup: group.name,
          remoteAs: n.peerAsn,
          description: n.peerDevice,
          peerDevice: n.peerDevice,
          password: null,
          updateSource: null,
        })),
        ipv4Unicast: unicastFamily(s.paths.map((p) => p.prefix)),
      },
      routeMaps: [
        { name: group.routeMapIn, entries: [rule('deny')] },
        { name: group.routeMapOut, entries: [rule('permit')] },
      ],
      prefixLists: [],
    },
  };
}

/** Per site: the names of the BGP speakers (a failure of any other device changes no route). */
export const speakerNames = oncePer(
  (site: DeepReadonly<SiteModel>): ReadonlySet<string> => new Set(allSpeakers(site).map((d) => d.name)),
);
