/**
 * The IP plan as people read it: each pool, segment and announced prefix with what is allocated in
 * it and the free space left, then every allocation (the model's `ipPlan`, as `fabric show`).
 */

import { contains, type Prefix4, parseHostOnPrefix, parsePrefix, prefixSize } from '../net/ipv4.js';
import type { FrozenSite } from '../pipeline.js';
import { mdTable } from './markdown.js';

type Entry = FrozenSite['ipPlan'][number];

/** Entries that hold address space: pools, segments, announced and lab-originated prefixes. */
const SPACES: ReadonlySet<Entry['kind']> = new Set([
  'pool',
  'segment',
  'announce',
  'lab-originate',
  'lb-pool',
  'link-pool',
]);

export interface PoolUsage {
  entry: Entry;
  /** Addresses a host may use: the prefix less its network and broadcast addresses (below /31). */
  usable: number;
  /** Usable addresses taken by a host address or by a smaller prefix inside it. */
  allocated: number;
  free: number;
}

/** Sizes of the space left in each pool, segment and announced prefix. */
export function poolUsage(site: FrozenSite): PoolUsage[] {
  const hosts = new Set<number>();
  for (const e of site.ipPlan) {
    if (SPACES.has(e.kind)) continue;
    const h = parseHostOnPrefix(e.prefix);
    if (h) hosts.add(h.address);
  }
  const gateway = parseHostOnPrefix(site.mgmt.gateway);
  if (gateway) hosts.add(gateway.address);
  // IPv4 space only: IPv6 pools and segments (a /64 each) are listed in the IP plan, not sized here
  const spaces = site.ipPlan.filter((e) => SPACES.has(e.kind) && parsePrefix(e.prefix) !== undefined);
  return spaces.map((entry) => {
    const p = parsePrefix(entry.prefix)!.prefix;
    // network and broadcast are lost on a subnet; an announced or originated prefix is only space
    const reserved = p.length <= 30 && (entry.kind === 'pool' || entry.kind === 'segment') ? 2 : 0;
    const usable = prefixSize(p) - reserved;
    const inner = spaces
      .map((s) => parsePrefix(s.prefix)!.prefix)
      .filter((q) => q.length > p.length && contains(p, q.network));
    const covered = outermost(inner);
    let allocated = covered.reduce((n, q) => n + prefixSize(q), 0);
    for (const h of hosts)
      if (contains(p, h) && !covered.some((q) => contains(q, h)) && !isEdge(p, h, reserved)) allocated++;
    return { entry, usable, allocated: Math.min(allocated, usable), free: Math.max(usable - allocated, 0) };
  });
}

function isEdge(p: Prefix4, address: number, reserved: number): boolean {
  return reserved > 0 && (address === p.network || address === p.network + prefixSize(p) - 1);
}

/** The prefixes not inside another of the list (sub-prefixes of a segment counted once). */
function outermost(list: readonly Prefix4[]): Prefix4[] {
  return list.filter((q) => !list.some((o) => o !== q && o.length < q.length && contains(o, q.network)));
}

export function poolTable(site: FrozenSite): string {
  return mdTable(
    ['prefix', 'kind', 'what', 'usable', 'allocated', 'free'],
    poolUsage(site).map((u) => [
      u.entry.prefix,
      u.entry.kind,
      u.entry.description,
      u.usable,
      u.allocated,
      `${u.free} (${u.usable ? Math.floor((100 * u.free) / u.usable) : 0} %)`,
    ]),
  );
}

export function allocationTable(site: FrozenSite): string {
  return mdTable(
    ['prefix', 'kind', 'device', 'interface', 'what'],
    site.ipPlan
      .filter((e) => !SPACES.has(e.kind))
      .map((e) => [e.prefix, e.kind, e.device ?? null, e.interface ?? null, e.description]),
  );
}
