/**
 * BGP peer groups and their policy, by who is on each side of a session. The policy that matters
 * in a Clos is at its borders: what the edges take from and give to upstreams, what leaves accept
 * from hosts, what hypervisors accept from vRouters. Inside the fabric everything is permitted,
 * with explicit route-maps so `bgp ebgp-requires-policy` holds.
 *
 * Which group a session goes into is a column of the role table (`RoleSpec.bgp`,
 * src/compile/roles.ts); this module holds the groups themselves.
 */
import type { PeerGroup, Role } from '../../model/types.js';
import { own } from '../../util/own.js';
import { withValue } from '../ip-family.js';
import { roleSpec } from '../roles.js';

export interface PeerGroupSpec {
  name: string;
  description: string;
  /** Prefix-list a route must match to be accepted, or null to accept everything. */
  acceptPrefixList: string | null;
  /** Prefix-list a route must match to be announced, or null to announce everything. */
  announcePrefixList: string | null;
  /** The BFD profile of its sessions; null for a speaker without BFD (a Cilium cluster's nodes). */
  bfdProfile: 'fabric' | 'upstream' | null;
  /** Originate a default route towards the group's members (simulated upstreams only). */
  defaultOriginate: boolean;
  /**
   * A Kubernetes cluster's group: the cluster whose LoadBalancer pools its accept list holds,
   * and the `maximum-prefix` per session. Absent on every other group.
   */
  cluster?: ClusterGroup;
  /**
   * A rule whose routes go to the group only while the device's BGP table holds the default route
   * (`advertise-map … exist-map`, policy.ts): a vRouter's VIP host routes inside a service prefix,
   * so its site draws the prefix's traffic only once the replies have a way out. Absent on every
   * other group.
   */
  whileDefault?: string;
}

const any = { acceptPrefixList: null, announcePrefixList: null, defaultOriginate: false } as const;

/** Every peer group, by the key the role table names it with. */
export const PEER_GROUPS = {
  SUPERSPINES: { name: 'SUPERSPINES', description: 'super-spine plane', bfdProfile: 'fabric', ...any },
  SPINES: { name: 'SPINES', description: 'spine plane', bfdProfile: 'fabric', ...any },
  EDGES: { name: 'EDGES', description: 'edge routers', bfdProfile: 'fabric', ...any },
  CUSTOMERS: {
    name: 'CUSTOMERS',
    description: 'customer edge routers',
    bfdProfile: 'upstream',
    ...any,
    defaultOriginate: true,
  },
  LEAVES: { name: 'LEAVES', description: 'leaf pair of the rack', bfdProfile: 'fabric', ...any },
  LEAVES_OF_POD: { name: 'LEAVES', description: 'leaves of the pod', bfdProfile: 'fabric', ...any },
  HOSTS: {
    name: 'HOSTS',
    description: 'hosts of the rack (BGP to the host)',
    bfdProfile: 'fabric',
    ...any,
    acceptPrefixList: 'HOST-ROUTES',
  },
  HYPERVISOR: {
    name: 'HYPERVISOR',
    description: 'the hypervisor this vRouter runs on',
    bfdProfile: 'fabric',
    ...any,
    announcePrefixList: 'OWN-SEGMENTS',
    whileDefault: 'SERVICE-PREFIX-HOSTS',
  },
  VROUTERS: {
    name: 'VROUTERS',
    description: 'tenant vRouters on this host',
    bfdProfile: 'fabric',
    ...any,
    acceptPrefixList: 'TENANT-PREFIXES',
  },
  UPSTREAMS: {
    name: 'UPSTREAMS',
    description: 'upstream ISPs',
    bfdProfile: 'upstream',
    acceptPrefixList: 'DEFAULT-ONLY',
    announcePrefixList: 'SITE-PREFIXES',
    defaultOriginate: false,
  },
  // a template: peerGroupFor names it per cluster (`K8S-<CLUSTER>`, its accept list `K8S-<CLUSTER>-LB`)
  CLUSTER: {
    name: 'K8S',
    description: 'nodes of a Kubernetes cluster',
    bfdProfile: 'fabric',
    ...any,
    acceptPrefixList: 'K8S-LB',
  },
  INTERNET: {
    name: 'INTERNET',
    description: 'the other simulated upstreams (lab only)',
    bfdProfile: 'upstream',
    ...any,
  },
} as const satisfies Record<string, PeerGroupSpec>;

export type PeerGroupKey = keyof typeof PEER_GROUPS;

/** What a cluster's group takes from its cluster: its name, `maximum-prefix`, whether its speaker runs BFD. */
export interface ClusterGroup {
  name: string;
  maximumPrefix: number;
  bfd: boolean;
}

/**
 * The group a session of `me` with `peer` goes into: the peer's row says it (`bgp.asPeer`,
 * unless `bgp.fromPeer` names another for my role). Of an upstream that sends the full table we
 * accept it, bar our own prefixes.
 */
export function peerGroupFor(
  me: Role,
  peer: Role,
  acceptFullTable: boolean,
  cluster?: ClusterGroup,
): PeerGroupSpec {
  const bgp = roleSpec(peer).bgp;
  if (!bgp) throw new Error(`no BGP session is defined between a ${me} and a ${peer}`);
  const key = own(bgp.fromPeer, me) ?? bgp.asPeer;
  const spec: PeerGroupSpec = PEER_GROUPS[key];
  // a cluster's node: its cluster's group (without one, the template: only the tests ask so)
  if (key === 'CLUSTER' && cluster) return clusterGroup(spec, cluster);
  return key === 'UPSTREAMS' && acceptFullTable ? { ...spec, acceptPrefixList: 'FULL-TABLE' } : spec;
}

/**
 * A cluster's group, one per cluster on every leaf with nodes of it: `K8S-<CLUSTER>`, accepting
 * only the cluster's LoadBalancer pools (`K8S-<CLUSTER>-LB`), announcing the leaf's routes.
 * The cluster's name is written with `_` for its `-`: every suffix FRR's names get (`-LB`, `-V6`,
 * `-IN`…) starts with `-`, so clusters `prod` and `prod-v6` cannot share a route-map or a list
 * (`K8S-PROD-V6-IN` is prod's IPv6 route-map, `K8S-PROD_V6-IN` prod-v6's IPv4 one).
 */
function clusterGroup(spec: PeerGroupSpec, cluster: ClusterGroup): PeerGroupSpec {
  const name = `${spec.name}-${cluster.name.toUpperCase().replaceAll('-', '_')}`;
  return {
    ...spec,
    name,
    description: `${spec.description} (${cluster.name})`,
    acceptPrefixList: `${name}-LB`,
    // BFD towards a speaker without it would stay down, and say nothing of the node
    bfdProfile: cluster.bfd ? spec.bfdProfile : null,
    cluster,
  };
}

/** The model's peer groups of one family's specs, with their advertise-maps (policy.ts). */
export /** The model's peer groups: each group's route-maps are `<name>-IN`/`-OUT` in its family. */
function peerGroupsOf(
  groups: Map<string, PeerGroupSpec>,
  ipv6: boolean,
  advertiseMaps: ReadonlyMap<string, NonNullable<PeerGroup['advertiseMap']>>,
): PeerGroup[] {
  return [...groups.values()].map((g) => ({
    name: g.name,
    description: g.description,
    bfdProfile: g.bfdProfile,
    routeMapIn: `${g.name}-IN`,
    routeMapOut: `${g.name}-OUT`,
    ...withValue('maximumPrefix', g.cluster?.maximumPrefix ?? null),
    ...(g.cluster ? { keepsReceived: true as const } : {}),
    ...withValue('advertiseMap', advertiseMaps.get(g.name) ?? null),
    ...(ipv6 ? { family: 'ipv6' as const } : {}),
  }));
}
