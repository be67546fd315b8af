/**
 * The findings of the addressing checks (addressing.ts, once per family): an address used twice,
 * prefixes that overlap, devices whose id has no address in a pool. The checks collect a
 * family's addresses and prefixes; these say what is wrong with them.
 */
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { type CheckContext, finding } from './context.js';

/** Where an address is used: `owner` uses of one address are one use. */
export interface AddressUse {
  owner: string;
  what: string;
  path: InventoryPath;
}

/** A `Map` of address → uses, filled by `use`: a family's addresses (number or bigint) as keys. */
export function addressUses<A>(): {
  uses: Map<A, AddressUse[]>;
  use(address: A | null | undefined, u: AddressUse): void;
} {
  const uses = new Map<A, AddressUse[]>();
  return {
    uses,
    use(address, u) {
      if (address === null || address === undefined) return;
      uses.set(address, [...(uses.get(address) ?? []), u]);
    },
  };
}

/** One finding per use of an address by a second owner, at that use. */
export function duplicateFindings<A>(
  ctx: CheckContext,
  uses: ReadonlyMap<A, AddressUse[]>,
  format: (address: A) => string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [address, list] of uses) {
    const [first, ...rest] = list;
    for (const u of rest) {
      if (u.owner === first!.owner) continue;
      out.push(
        finding(
          ctx,
          'duplicate-address',
          `${format(address)} is used twice: ${u.what} and ${first!.what}; give one of them another address`,
          u.path,
        ),
      );
    }
  }
  return out;
}

export interface AddressRange<P extends { text: string }> {
  prefix: P;
  what: string;
  path: InventoryPath;
  kind: 'pool' | 'segment' | 'link' | 'announce' | 'lb-pool' | 'cluster-cidr' | 'lab';
  /** The Kubernetes cluster of an `lb-pool` or `cluster-cidr`. */
  cluster?: string;
}

/**
 * Each upstream's peering link and what its simulated upstream originates in the lab (the
 * internet's prefixes: no cluster may announce them), in one family (`suffix`, `word`).
 */
export function upstreamRanges<P extends { text: string }, U>(
  upstreams: ReadonlyMap<string, U>,
  f: { upstream(u: U): { link: P; originate: readonly P[] } | null; word: string; suffix: string },
): AddressRange<P>[] {
  const out: AddressRange<P>[] = [];
  for (const [name, u] of upstreams) {
    const link = f.upstream(u);
    if (!link) continue;
    out.push({
      prefix: link.link,
      what: `the ${name} ${f.word}peering link`,
      path: ['upstreams', name, `address${f.suffix}`],
      kind: 'link',
    });
    for (const [i, prefix] of link.originate.entries())
      out.push({
        prefix,
        what: `the lab prefix of upstream ${name}`,
        path: ['upstreams', name, 'lab', `originate${f.suffix}`, i],
        kind: 'lab',
      });
  }
  return out;
}

/**
 * One finding per pair of overlapping ranges, at the later one. Announced prefixes may overlap
 * each other and the segments and LoadBalancer pools inside them: a public segment or pool inside
 * an announced prefix is the point of announcing it.
 */
export function overlapFindings<P extends { text: string }>(
  ctx: CheckContext,
  ranges: readonly AddressRange<P>[],
  overlaps: (a: P, b: P) => boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < ranges.length; i++)
    for (let j = 0; j < i; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (!overlaps(a.prefix, b.prefix)) continue;
      const kinds = new Set([a.kind, b.kind]);
      if (kinds.has('announce') && (kinds.has('segment') || kinds.has('lb-pool') || kinds.size === 1))
        continue;
      // a lab prefix stands for the internet: only what a cluster announces must stay off it
      if (kinds.has('lab') && !kinds.has('lb-pool')) continue;
      // pod and service CIDRs stay inside their cluster: two clusters may reuse them
      if (a.kind === 'cluster-cidr' && b.kind === 'cluster-cidr' && a.cluster !== b.cluster) continue;
      // the hint of the range the finding is at, else of the other one
      const hint = [a, b].map(hintOf).find((h) => h !== '') ?? '';
      out.push(
        finding(
          ctx,
          'prefix-overlap',
          `${a.what} (${a.prefix.text}) overlaps ${b.what} (${b.prefix.text})${hint}`,
          a.path,
        ),
      );
    }
  return out;
}

/** What to do about an overlap of `r`: a cluster's node_links or announced prefix must be its own. */
function hintOf(r: AddressRange<{ text: string }>): string {
  if (r.kind === 'link' && r.cluster !== undefined)
    return "; a Cilium cluster's node_links must be its own: take a prefix outside the site's pools, segments, peering links, announced prefixes and the clusters' pools and CIDRs";
  if (r.kind === 'lb-pool')
    return "; what a cluster announces (its LoadBalancer pools, a Cilium cluster's pod CIDR) must be its own: take one outside the site's pools, segments, peering links, its lab upstreams' prefixes and the other clusters' pools and CIDRs";
  return '';
}

export interface PoolDevice {
  name: string;
  id: number;
  path: InventoryPath;
}

/**
 * Devices whose id has no address in a pool (the address is pool + id). One device: at its id.
 * Several: one finding at the pool, naming them and the prefix length that fits the largest id
 * (`reserved` addresses at the pool's end, the broadcast of a management subnet).
 */
export function pastThePool(
  ctx: CheckContext,
  pool: {
    label: string;
    prefix: { text: string };
    path: InventoryPath;
    bits: 32 | 128;
    reserved: number;
    fix: string;
  },
  devices: readonly PoolDevice[],
): Diagnostic[] {
  if (devices.length === 0) return [];
  if (devices.length === 1) {
    const d = devices[0]!;
    return [
      finding(
        ctx,
        'address-outside-pool',
        `${d.name}: ${pool.label} ${pool.prefix.text} has no offset ${d.id}; ${pool.fix}`,
        [...d.path, 'id'],
      ),
    ];
  }
  const sorted = [...devices].sort((a, b) => a.id - b.id);
  const maxId = sorted[sorted.length - 1]!.id;
  const fits = pool.bits - Math.ceil(Math.log2(maxId + 1 + pool.reserved));
  const named = sorted.slice(0, 6).map((d) => `${d.name} (${d.id})`);
  const more = sorted.length > 6 ? ` and ${sorted.length - 6} more` : '';
  return [
    finding(
      ctx,
      'address-outside-pool',
      `${pool.label} ${pool.prefix.text} has no offset for the ids of ${sorted.length} devices: ${named.join(', ')}${more}; ${pool.fix} (a /${fits} holds id ${maxId})`,
      pool.path,
    ),
  ];
}
