/**
 * A lab of several sites (`fabric lab up --site aa-a --site aa-b`, docs/active-active.md "Both
 * sites in one lab"), decided as plain data before anything is rendered or run: which node runs
 * what, the links, the shared management network, the shared internet (the sites' upstreams
 * merged by name) and the client on it. A pure function of the sites' compiled models; problems
 * come back as diagnostics located in the inventory (exit 2), never as exceptions.
 *
 * - **Nodes.** A site's device runs on `<site>-<device>` (src/topology/lab-nodes.ts).
 * - **The shared internet.** An upstream is a network, not a router of one site: the same name
 *   in two sites is one node (`isp1`) with a session to each site's edge, as a real ISP's AS is
 *   one network whichever of its customers it serves. Its name, AS number, `id` (the internet
 *   links' port names derive from it) and originated prefixes must agree across the sites. Its
 *   port to the site in position k (1-based, sites sorted by name) is `s<k>-<port>`: each site
 *   names it after its own inventory (`peer_interface`, `eth1` by default), so two sites would
 *   give it the same name. The internet links between upstreams of each site are one set.
 * - **The client.** A node `client` on the first upstream that originates a prefix (`lab.originate`):
 *   its link is the last /30 of that prefix (the upstream .1, the client .2 of it), and of
 *   `lab.originate6` the last /64 (`::1`, `::2`); its default routes point at the upstream. The
 *   prefix is the upstream's own announcement, so every upstream and every site already routes it
 *   (the sites by their default route): the client is reached from both sites' prefixes with
 *   nothing announced anew.
 * - **Management.** One network for the lab: the smallest prefix that covers every site's
 *   `pools.mgmt` (they may not overlap, and must lie within a /16), its gateway the first site's.
 *   Each node keeps its own management address; a merged upstream takes the first site's; the
 *   client the highest free address of the network.
 */
import { externalRole } from '../../compile/roles.js';
import type { DeepReadonly } from '../../model/freeze.js';
import type { Device, SiteModel, UpstreamDevice } from '../../model/types.js';

/** The client node on the shared internet. */
export const CLIENT_NODE = 'client';
/** The client's port, and the upstream's port towards it. */
export const CLIENT_PORT = 'eth1';
export const CLIENT_UPSTREAM_PORT = 'client';
/** The pseudo-site the shared internet's files are rendered as (`FRR configuration of isp1 (site internet, …)`). */
export const INTERNET = 'internet';
/** Linux's interface names: IFNAMSIZ - 1. */
export const MAX_IFNAME = 15;
/** The management pools of the sites must lie within one prefix this long, or shorter. */
export const MGMT_COVER_MAX = 16;

/** The lab name of several sites, by default: their names joined by `_` (no site name has one). */
export function sharedLabName(sites: readonly string[]): string {
  return [...sites].sort().join('_');
}

export interface SharedLabEnd {
  node: string;
  interface: string;
}

export interface SharedLabLink {
  a: SharedLabEnd;
  z: SharedLabEnd;
  mtu: number;
  /** A site's own cable, an edge's session with a merged upstream, the internet between upstreams, or the client's link. */
  kind: 'site' | 'session' | 'internet' | 'client';
  /** The site of a site's cable or of an upstream session; null on the internet and the client's link. */
  site: string | null;
}

export interface SharedLabNode {
  name: string;
  /** null: the shared internet's (a merged upstream, the client). */
  site: string | null;
  /** The device it runs (its name in its site), or `client`. */
  device: string;
  /** A site's device, a merged upstream (shared by the sites), or the client. */
  kind: 'device' | 'shared' | 'client';
  /** eth0's address on `mgmt.subnet`. */
  mgmtIpv4: string;
}

/** One site's session with a merged upstream. */
export interface UpstreamPort {
  site: string;
  /** The site's edge router and its port. */
  edge: string;
  edgeInterface: string;
  /** The upstream's port as the site names it, and as the lab does (`s<k>-<port>`). */
  siteInterface: string;
  port: string;
}

export interface SharedUpstream {
  name: string;
  asn: number;
  id: number;
  /** The sites that have it, sorted. */
  sites: string[];
  ports: UpstreamPort[];
  mgmtIpv4: string;
}

/** The client's link and addresses: the last /30 (and /64) of an upstream's first originated prefix. */
export interface ClientLink {
  link: string;
  /** The client's address on it, its prefix length, and its default gateway (the upstream's end). */
  address: string;
  prefixLength: number;
  gateway: string;
  link6?: string;
  address6?: string;
  prefixLength6?: number;
  gateway6?: string;
}

export interface SharedClient extends ClientLink {
  node: string;
  interface: string;
  /** The upstream it hangs off, and that upstream's port to it. */
  upstream: string;
  upstreamInterface: string;
  mgmtIpv4: string;
}

export interface SharedLabPlan {
  /** Sorted by name; a site's position (1-based) names its ports on the merged upstreams. */
  sites: string[];
  mgmt: {
    subnet: string;
    gateway: string;
    prefixLength: number;
    /** The smallest IPv6 prefix covering the sites' `pools.mgmt6`; absent when no site has one. */
    ipv6Subnet?: string;
  };
  nodes: SharedLabNode[];
  links: SharedLabLink[];
  upstreams: SharedUpstream[];
  client: SharedClient;
}

export type Site = DeepReadonly<SiteModel>;
export type Upstream = DeepReadonly<UpstreamDevice>;

export function isUpstream(d: DeepReadonly<Device>): d is Upstream {
  return d.role === externalRole();
}
