/**
 * Can this runtime run the topology? Only `linux` nodes (and `bridge` switches) can: every
 * other kind needs a vendor image that does not exist here. Checked before anything is created,
 * so a lab is never half-run.
 */

import type { DaemonRegistry } from '../../daemons/types.js';
import { own } from '../../util/own.js';
import { nodeRuntime } from '../plan/node-roles.js';
import type { ParseContext } from './context.js';
import type { Topology } from './types.js';

export const SUPPORTED_KINDS = new Set(['linux', 'bridge']);
const ONLY = 'this runtime runs kind linux and bridge nodes only';

/** Vendor NOS kinds shipped as containers; every other unknown kind is a VM (vrnetlab). */
const CONTAINER_NOS = new Set([
  'nokia_srlinux',
  'srl',
  'nokia_srsim',
  'arista_ceos',
  'ceos',
  'juniper_crpd',
  'crpd',
  'juniper_csrx',
  'sonic-vs',
  'dell_sonic',
  'plvision_sonic',
  'cisco_xrd',
  'xrd',
  'cisco_xrd_vrouter',
  'cisco_iol',
  'keysight_ixia-c-one',
  'rare',
  'fdio_vpp',
  'veesix_osvbng',
  'ostinato',
  'arrcus_arcos',
  'vyosnetworks_vyos',
  'border0',
]);

const SPECIAL: Record<string, string> = {
  'ovs-bridge': `kind ovs-bridge needs an OVS bridge with the kernel datapath in the root namespace; use a linux node with image fabric-labnode and FABRIC_DAEMONS=ovs; ${ONLY}`,
  host: `kind host gives a node the machine's own namespace; ${ONLY}`,
  'ext-container': `kind ext-container attaches to an existing container; ${ONLY}`,
  'k8s-kind': `kind k8s-kind needs kind (Kubernetes in Docker); ${ONLY}`,
  frr: `kind frr is newer than containerlab 0.79; use kind linux with image frrouting/frr; ${ONLY}`,
};

/** Why a kind cannot run here, or undefined when it can. */
export function unsupportedKindReason(kind: string): string | undefined {
  if (SUPPORTED_KINDS.has(kind)) return undefined;
  const special = own(SPECIAL, kind);
  if (special) return special;
  const what = CONTAINER_NOS.has(kind) ? 'container' : 'VM';
  return `kind ${kind} needs a vendor ${what} image; ${ONLY}`;
}

/** Paths the node mounts fresh at boot: a bind copied there would be hidden. */
const VOLATILE = ['/run', '/tmp', '/proc', '/sys', '/dev', '/var/run'];

/** Adds one error per node the runtime cannot run (kind, env, binds), at the node's key. */
export function checkSupport(ctx: ParseContext, topology: Topology, daemons?: DaemonRegistry): void {
  for (const node of topology.nodes) {
    const at = ['topology', 'nodes', node.name];
    const reason = unsupportedKindReason(node.kind);
    if (reason) {
      ctx.error('unsupported-kind', `node "${node.name}": ${reason}`, at, true);
      continue;
    }
    for (const problem of nodeRuntime(node, daemons).problems)
      ctx.error('invalid-env', `node "${node.name}": ${problem}`, [...at, 'env']);
    for (const bind of node.binds) {
      const hidden = VOLATILE.find((p) => bind.target === p || bind.target.startsWith(`${p}/`));
      if (hidden) {
        ctx.error(
          'unsupported-bind',
          `node "${node.name}": bind "${bind.spec}" targets ${hidden}, which the node mounts fresh at boot`,
          [...at, 'binds'],
        );
      }
    }
    if (node.kind === 'bridge' && (node.exec.length || node.binds.length)) {
      ctx.warn('ignored-field', `node "${node.name}" is a bridge: its exec and binds are ignored`, at, true);
    }
  }
}
