/**
 * A containerlab topology after inheritance and checks: plain data, everything the lab runtime
 * needs and nothing it ignores. Produced by `parseTopology` (./parse.ts).
 */

export interface Location {
  file: string;
  line: number;
  col: number;
}

/** One `binds:` entry, `src:dst[:ro]`. The runtime copies `source` into the node's own layer. */
export interface Bind {
  /** Absolute path on this machine (relative sources are resolved against the topology file's folder). */
  source: string;
  /** Absolute path inside the node. */
  target: string;
  readOnly: boolean;
  /** The entry as written, for messages. */
  spec: string;
}

export interface LabNode {
  name: string;
  /** containerlab kind, e.g. `linux`, `bridge`, `nokia_srlinux`. */
  kind: string;
  /** Container image; decides what runs in the node (see ../plan/node-roles.ts). Empty for `bridge`. */
  image: string;
  group: string | undefined;
  /** Merged across defaults → kind → group → node; the more specific level wins per destination. */
  binds: Bind[];
  /** Merged key by key, node wins. */
  env: Record<string, string>;
  /** Commands run in the node after its links are up; each is split into words, no shell. */
  exec: string[];
  mgmtIpv4: string | undefined;
  /**
   * eth0's IPv6 address (RFC 5952), on `mgmt.ipv6Subnet`; undefined: none (this runtime gives
   * IPv6 management addresses only to the nodes that name one, containerlab to every node).
   */
  mgmtIpv6: string | undefined;
  labels: Record<string, string>;
  /** `hostname:` or the node name. */
  hostname: string;
  /** Where the node is declared, for messages about it. */
  location: Location | undefined;
}

export interface Endpoint {
  node: string;
  interface: string;
  /** Only from the extended link form. */
  mac: string | undefined;
}

export interface LabLink {
  /** Position in `topology.links`, stable for names derived from it. */
  index: number;
  a: Endpoint;
  z: Endpoint;
  /** @default 9500 (containerlab's veth default) */
  mtu: number;
}

export interface MgmtNetwork {
  /** containerlab's docker network name; informational here. @default 'clab' */
  network: string;
  /** @default '172.20.20.0/24' */
  ipv4Subnet: string;
  /** @default the first address of `ipv4Subnet` */
  ipv4Gw: string;
  /**
   * The IPv6 management subnet (RFC 5952) the nodes' `mgmt-ipv6` addresses are on. The host end
   * of the management network stays IPv4: the nodes reach each other over IPv6 on it, the host
   * routes no IPv6 to them. @default '3fff:172:20:20::/64' (containerlab's)
   */
  ipv6Subnet: string;
  /** MTU of the management veths. @default 1500 */
  mtu: number;
}

export interface Topology {
  /** Absolute path of the `*.clab.yml` file. */
  file: string;
  /** Folder of the topology file: relative binds and the `clab-<lab>/` folder live here. */
  dir: string;
  name: string;
  /** `prefix:` as written; undefined when absent (containerlab then uses `clab`). */
  prefix: string | undefined;
  mgmt: MgmtNetwork;
  /** In declaration order. */
  nodes: LabNode[];
  links: LabLink[];
}

export const DEFAULT_MGMT_SUBNET = '172.20.20.0/24';
/** containerlab's default IPv6 management subnet. */
export const DEFAULT_MGMT_SUBNET6 = '3fff:172:20:20::/64';
export const DEFAULT_LINK_MTU = 9500;
export const DEFAULT_MGMT_MTU = 1500;
