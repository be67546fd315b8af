/**
 * What runs in a node. There are no images here (every node runs the host's root filesystem),
 * so the image name picks a role:
 * - `frrouting/frr` (any registry, any tag): an FRR router;
 * - `fabric-labnode*` (our image, lab/image/Dockerfile): the daemons listed in env
 *   `FABRIC_DAEMONS`, plus `FABRIC_HTTP_PORTS` for `http`;
 * - anything else: a plain Linux host (links and `exec` only).
 * Every node also runs sshd, so SSH works the same on all of them.
 */
import { DAEMONS as DRIVERS } from '../../daemons/index.js';
import type { DaemonRegistry } from '../../daemons/types.js';
import type { Daemon } from '../../model/types.js';
import type { LabNode } from '../topology/types.js';

/**
 * Lab-only daemons around the drivers': sshd first, then `gobgpd` (a Cilium node's speaker, which
 * fabric configures nowhere: docs/kubernetes.md) and `http` (the application stand-in) last.
 */
export type LabDaemon = 'sshd' | Daemon | 'gobgpd' | 'http';

/**
 * In boot order: sshd, the drivers' daemons (those that boot first first: snmpd before FRR,
 * whose AgentX subagent does not retry), then gobgpd and http.
 */
export function labDaemonOrder(registry: DaemonRegistry = DRIVERS): LabDaemon[] {
  const drivers = Object.values(registry)
    .filter((d) => !d.appliesTo) // the device's settings (sysctl) start nothing
    .sort((a, b) => Number(!!b.lab.bootFirst) - Number(!!a.lab.bootFirst));
  return ['sshd', ...drivers.map((d) => d.name as Daemon), 'gobgpd', 'http'];
}

export const DAEMONS: readonly LabDaemon[] = labDaemonOrder();

export type NodeRole = 'frr' | 'labnode' | 'host' | 'bridge';

export interface NodeRuntime {
  role: NodeRole;
  /** Daemons started in the node, in boot order; empty for a bridge. */
  daemons: LabDaemon[];
  /** Ports of the `http` daemon. */
  httpPorts: number[];
}

export const ENV_DAEMONS = 'FABRIC_DAEMONS';
export const ENV_HTTP_PORTS = 'FABRIC_HTTP_PORTS';
/** containerlab's count of a node's data interfaces (the init waits for them at boot). */
export const ENV_INTFS = 'CLAB_INTFS';
const DEFAULT_HTTP_PORT = 80;

const FRR_IMAGE = /(^|\/)frrouting\/frr([:@]|$)/;

export function isFrrImage(image: string): boolean {
  return FRR_IMAGE.test(image);
}

/** `fabric-labnode`, `fabric-labnode:1.2`, `ghcr.io/acme/fabric-labnode-dev@sha256:…` */
export function isLabnodeImage(image: string): boolean {
  return (image.split('/').pop() ?? '').startsWith('fabric-labnode');
}

/** The node's role and daemons, or the problems with its env (unknown daemon, bad port). */
export function nodeRuntime(
  node: LabNode,
  registry: DaemonRegistry = DRIVERS,
): { runtime: NodeRuntime; problems: string[] } {
  if (node.kind === 'bridge')
    return { runtime: { role: 'bridge', daemons: [], httpPorts: [] }, problems: [] };
  if (isFrrImage(node.image))
    return { runtime: { role: 'frr', daemons: ['sshd', 'frr'], httpPorts: [] }, problems: [] };
  if (!isLabnodeImage(node.image))
    return { runtime: { role: 'host', daemons: ['sshd'], httpPorts: [] }, problems: [] };

  const known = labDaemonOrder(registry);
  const problems: string[] = [];
  const requested = new Set<string>(['sshd']);
  for (const word of (node.env[ENV_DAEMONS] ?? '').split(',')) {
    const name = word.trim().toLowerCase();
    if (!name) continue;
    if ((known as readonly string[]).includes(name)) requested.add(name);
    else problems.push(`${ENV_DAEMONS}: unknown daemon "${name}"; known: ${known.join(', ')}`);
  }
  const daemons = known.filter((d) => requested.has(d));
  const httpPorts: number[] = [];
  if (requested.has('http')) {
    const text = node.env[ENV_HTTP_PORTS] ?? String(DEFAULT_HTTP_PORT);
    for (const word of text.split(',')) {
      const port = Number(word.trim());
      if (Number.isInteger(port) && port > 0 && port < 65536) httpPorts.push(port);
      else problems.push(`${ENV_HTTP_PORTS}: "${word.trim()}" is not a TCP port`);
    }
  }
  return { runtime: { role: 'labnode', daemons, httpPorts }, problems };
}
