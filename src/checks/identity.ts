/** Device ids, router-ids and AS numbers: each must identify what it should, and only that. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatAddress } from '../net/ipv4.js';
import { own } from '../util/own.js';
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
 * Who may share an AS number: the edge pair, the spines of one pod, the super-spines. Every
 * leaf, host and vRouter has its own; upstreams have theirs.
 */
function asnGroup(role: string, name: string, pod: number): string {
  switch (role) {
    case 'edge':
      return 'the edge pair';
    case 'spine':
      return `the spines of pod ${pod}`;
    case 'superspine':
      return 'the super-spines';
    case 'upstream':
      return `upstream ${name}`;
    default:
      return name;
  }
}

/** Roles whose AS number is `asns.pool` first + id unless they set `asn`. */
const POOL_ASN_ROLES = new Set(['leaf', 'hypervisor', 'storage', 'vrouter']);

export function checkAsns(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { pool } = ctx.facts.asns;
  for (const d of ctx.facts.devices.values()) {
    const explicit = d.role !== 'upstream' && 'asn' in (own(ctx.facts.inventory.devices, d.name) ?? {});
    if (POOL_ASN_ROLES.has(d.role) && !explicit && d.asn !== null && d.asn > pool.last)
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
  for (const d of [...ctx.facts.devices.values()].sort(
    (a, b) => a.id - b.id || a.name.localeCompare(b.name),
  )) {
    if (d.asn === null || ctx.duplicateIds.has(d.name)) continue;
    const group = asnGroup(d.role, d.name, d.pod);
    const first = owners.get(d.asn);
    if (first === undefined) owners.set(d.asn, group);
    else if (first !== group) {
      const explicit = d.role !== 'upstream' && 'asn' in (own(ctx.facts.inventory.devices, d.name) ?? {});
      out.push(
        finding(
          ctx,
          'asn-collision',
          `${d.name} (${d.role}) has AS${d.asn}, which belongs to ${first}; ${d.role === 'upstream' ? 'an upstream needs an AS of its own' : `give ${group} an AS of its own`}`,
          d.role === 'upstream' ? [...d.path, 'asn'] : explicit ? [...d.path, 'asn'] : [...d.path, 'id'],
        ),
      );
    }
  }
  return out;
}
