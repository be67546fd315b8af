/**
 * The keys containerlab's strict YAML decoder accepts (containerlab ~v0.79,
 * `schemas/clab.schema.json`, see ../shared/containerlab/SOURCE.md), and what this runtime does
 * with each node key. An unknown key is an error, like in containerlab
 * (https://containerlab.dev/manual/topo-def-file/); a known key this runtime cannot honour is a
 * warning, or an error when ignoring it would run a different lab.
 */

export const TOP_KEYS = ['name', 'prefix', 'mgmt', 'topology', 'settings', 'debug'] as const;

export const MGMT_KEYS = [
  'network',
  'bridge',
  'ipv4-subnet',
  'ipv6-subnet',
  'ipv4-gw',
  'ipv6-gw',
  'ipv4-range',
  'ipv6-range',
  'mtu',
  'external-access',
  'skip-when-unused',
  'driver-opts',
] as const;

/** mgmt keys that are honoured; the others only matter to Docker. */
export const MGMT_HONOURED = new Set(['network', 'ipv4-subnet', 'ipv4-gw', 'ipv6-subnet', 'mtu']);

/** Why a known mgmt key is ignored (default: it only matters to Docker). */
export const MGMT_IGNORED_WHY: Record<string, string> = {
  'ipv6-gw': 'the host end of the management network is IPv4 only (nodes get their mgmt-ipv6 on eth0)',
  'ipv6-range': 'nodes get IPv6 management addresses only from their mgmt-ipv6',
};

export const TOPOLOGY_KEYS = ['nodes', 'groups', 'kinds', 'defaults', 'links'] as const;

/** `definitions/node-config` in the schema; shared by defaults, kinds, groups and nodes. */
export const NODE_KEYS = [
  'aliases',
  'auto-remove',
  'binds',
  'cap-add',
  'certificate',
  'cgroup-parent',
  'cgroupns-mode',
  'cmd',
  'components',
  'config',
  'cpu',
  'cpu-set',
  'credentials',
  'devices',
  'dns',
  'enforce-startup-config',
  'entrypoint',
  'env',
  'env-files',
  'exec',
  'extras',
  'group',
  'healthcheck',
  'hostname',
  'image',
  'image-pull-policy',
  'kind',
  'labels',
  'license',
  'link-apply-mode',
  'memory',
  'mgmt-ipv4',
  'mgmt-ipv6',
  'network-mode',
  'pid-mode',
  'ports',
  'privileged',
  'restart-policy',
  'runtime',
  'security-opts',
  'shm-size',
  'stages',
  'startup-config',
  'startup-delay',
  'suppress-startup-config',
  'sysctls',
  'tmpfs',
  'type',
  'user',
  'volumes',
] as const;

/** Node keys the runtime honours. */
export const NODE_HONOURED = new Set([
  'kind',
  'image',
  'group',
  'binds',
  'env',
  'exec',
  'mgmt-ipv4',
  'mgmt-ipv6',
  'labels',
  'hostname',
]);

/** Node keys that would make the lab behave differently if ignored, with the reason. */
export const NODE_REFUSED: Record<string, string> = {
  'network-mode': 'network-mode shares another namespace; every node here has its own network namespace',
  volumes: 'volumes need a container engine; use binds (they are copied into the node)',
};

/** Why a known node key is ignored (default: "has no effect without a container engine"). */
export const NODE_IGNORED_WHY: Record<string, string> = {
  'startup-delay': 'nodes boot in parallel',
  entrypoint: 'what runs in a node follows from its image (see the lab runtime docs)',
  cmd: 'what runs in a node follows from its image (see the lab runtime docs)',
  'startup-config': 'only vendor kinds read a startup-config; for kind linux, bind the file',
  stages: 'nodes boot in parallel; exec runs once all links are up',
};

export const LINK_BRIEF_KEYS = ['endpoints', 'mtu', 'vars', 'ipv4', 'ipv6'] as const;
export const LINK_VETH_KEYS = ['type', 'endpoints', 'mtu', 'vars', 'labels', 'ipv4', 'ipv6'] as const;
export const ENDPOINT_KEYS = ['node', 'interface', 'mac', 'ipv4', 'ipv6', 'vars'] as const;

/** Brief-form endpoint "nodes" that are not nodes (containerlab special endpoints). */
export const SPECIAL_ENDPOINTS = new Set(['host', 'mgmt-net', 'macvlan']);

/** containerlab's name patterns. */
export const LAB_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-._]*$/;
export const NODE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-._|]*$/;
