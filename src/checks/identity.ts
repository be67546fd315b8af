/** Device ids, router-ids and AS numbers: each must identify what it should, and only that. */

import { roleSpec } from '../compile/roles.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Role } from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import { type CheckContext, finding } from './context.js';

export function checkDuplicateIds(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<number, string>();
  for (const d of [...ctx.facts.devices.values()].sort((a, b) =>
    a.path.join('.').localeCompare(b.path.join('.')),
  )) {
    const first = seen.get(d.id);
    if (first === undefined) seen.set(d.id, d.name);
    else
      out.push(
        finding(
          ctx,
          'duplicate-id',
          `${d.name} has id ${d.id}, already used by ${first}; ids are site-wide unique (addresses and ASNs derive from them)`,
          [...d.path, 'id'],
        ),
      );
  }
  return out;
}

export function checkRouterIds(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<number, string>();
  for (const d of ctx.facts.devices.values()) {
    if (d.loopback === null || ctx.duplicateIds.has(d.name)) continue;
    const first = seen.get(d.loopback);
    if (first === undefined) seen.set(d.loopback, d.name);
    else
      out.push(
        finding(
          ctx,
          'router-id-collision',
          `${d.name} and ${first} both have router-id ${formatAddress(d.loopback)}`,
          [...d.path, 'id'],
        ),
      );
  }
  return out;
}

/**
 * Who may share an AS number, by the role's ASN rule (src/compile/roles.ts): the edge pair, the
 * spines of one pod, the super-spines. Every leaf, host and vRouter has its own; upstreams have theirs.
 */
function asnGroup(role: Role, name: string, pod: number, cluster: string | null): string {
  switch (roleSpec(role).asn) {
    case 'per-cluster':
      return `cluster ${cluster}`;
    case 'shared-edge':
      return 'the edge pair';
    case 'per-pod':
      return `the spines of pod ${pod}`;
    case 'shared-superspine':
      return 'the super-spines';
    case 'own':
      return `upstream ${name}`;
    default:
      return name;
  }
}

export function checkAsns(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { pool } = ctx.facts.asns;
  for (const d of ctx.facts.devices.values()) {
    const explicit = d.given.asn;
    // a pool ASN is first + id unless the device sets asn
    if (roleSpec(d.role).asn === 'per-device' && !explicit && d.asn !== null && d.asn > pool.last)
      out.push(
        finding(
          ctx,
          'asn-outside-pool',
          `${d.name}: ASN ${pool.first} + id ${d.id} is past the end of asns.pool ${ctx.facts.inventory.asns.pool}; widen the pool or set asn`,
          [...d.path, 'id'],
        ),
      );
  }
  const owners = new Map<number, string>();
  // a cluster's nodes share its AS: one finding for the cluster, not one per node
  const said = new Set<string>();
  for (const d of [...ctx.facts.devices.values()].sort(
    (a, b) => a.id - b.id || a.name.localeCompare(b.name),
  )) {
    if (d.asn === null || ctx.duplicateIds.has(d.name)) continue;
    const group = asnGroup(d.role, d.name, d.pod, d.cluster);
    const first = owners.get(d.asn);
    if (first === undefined) owners.set(d.asn, group);
    else if (first !== group) {
      const ownAs = roleSpec(d.role).asn === 'own';
      const ofCluster = d.cluster === null ? undefined : ctx.facts.clusters.get(d.cluster);
      const explicit = !ownAs && d.given.asn;
      if (ofCluster && said.has(`${group}|${first}`)) continue;
      said.add(`${group}|${first}`);
      const who = ofCluster ? `the nodes of ${group}` : `${d.name} (${d.role})`;
      out.push(
        finding(
          ctx,
          'asn-collision',
          `${who} ${ofCluster ? 'have' : 'has'} AS${d.asn}, which belongs to ${first}; ${ownAs ? 'an upstream needs an AS of its own' : `give ${group} an AS of its own`}`,
          ofCluster ? [...ofCluster.path, 'asn'] : ownAs || explicit ? [...d.path, 'asn'] : [...d.path, 'id'],
        ),
      );
    }
  }
  return out;
}
