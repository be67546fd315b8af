/**
 * Names of everything a lab creates. Node namespaces follow containerlab's container names so
 * users find them (`ip netns exec clab-<lab>-<node> …`). Root-namespace objects carry a short
 * per-lab tag, `fl` + 6 hex digits of sha1(lab name), so that two labs (or a lab and a test
 * run) never collide and every name fits Linux's 15 characters.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Where every lab keeps its state file and node layers. */
export const DEFAULT_STATE_ROOT = '/var/lib/fabric-lab';

export function labTag(lab: string): string {
  return `fl${createHash('sha1').update(lab).digest('hex').slice(0, 6)}`;
}

/**
 * containerlab's container name: `<prefix>-<lab>-<node>`, prefix `clab` by default; `prefix: ""`
 * gives the bare node name and `prefix: __lab-name` gives `<lab>-<node>`.
 * https://containerlab.dev/manual/topo-def-file/#prefix
 */
export function containerName(prefix: string | undefined, lab: string, node: string): string {
  if (prefix === '') return node;
  if (prefix === '__lab-name') return `${lab}-${node}`;
  return `${prefix ?? 'clab'}-${lab}-${node}`;
}

/** The per-lab folder for users, next to the topology file like containerlab's. */
export function defaultLabDir(topologyDir: string, lab: string): string {
  return join(topologyDir, `clab-${lab}`);
}

export function stateDirOf(stateRoot: string, lab: string): string {
  return join(stateRoot, lab);
}

/** Root-namespace names; each fits 15 characters for up to 9999 nodes or links. */
export const rootNames = {
  mgmtBridge: (tag: string) => `${tag}br`,
  /** The root-namespace end of a node's eth0. */
  mgmtVeth: (tag: string, nodeIndex: number) => `${tag}m${nodeIndex}`,
  /** A `kind: bridge` node. */
  bridge: (tag: string, nodeIndex: number) => `${tag}b${nodeIndex}`,
  /** A link end on a `kind: bridge` node. */
  bridgePort: (tag: string, linkIndex: number, side: 'a' | 'z') => `${tag}p${linkIndex}${side}`,
  /** A restarting node's link end, kept in the root namespace while the node restarts. */
  parked: (tag: string, linkIndex: number) => `${tag}k${linkIndex}`,
};
