/**
 * The kernel's FIB as iproute2 prints it (`ip -j -4 route show`, `ip -j nexthop show`): how many
 * next hops the kernel really forwards a prefix over. zebra's `show ip route` says what zebra
 * believes it installed; with kernel nexthop objects the two can differ (a group the kernel
 * shrank when a link went down and zebra never re-sent), so this reads the kernel itself.
 */
import type { AddressFamily } from '../model/address.js';
export const KERNEL_FIB = {
  routes: 'ip -j -4 route show',
  nexthops: 'ip -j nexthop show',
} as const;

/** The route dump of each family (issue 14); `ip -j nexthop show` lists both families' objects. */
export const KERNEL_ROUTES = {
  ipv4: KERNEL_FIB.routes,
  ipv6: 'ip -j -6 route show',
} as const satisfies Record<AddressFamily, string>;

interface Hop {
  gateway?: string;
  via?: { host?: string };
  dev?: string;
  flags?: string[];
}

export interface KernelRoute extends Hop {
  /** `default`, `10.1.0.13` (a host route) or `10.20.0.0/24`. */
  dst: string;
  type?: string;
  metric?: number;
  nhid?: number;
  nexthops?: Hop[];
}

export interface KernelNexthop extends Hop {
  id: number;
  group?: { id: number }[];
  blackhole?: boolean;
}

export interface KernelWidth {
  /** Next hops the kernel can forward over (not dead, not on a link that is down). */
  count: number;
  /** Their devices, for people: `eth1, eth2`. */
  devs: string[];
  /** The nexthop object the route uses, when it uses one. */
  nhid?: number;
}

/** `default` → `0.0.0.0/0`, `10.1.0.13` → `10.1.0.13/32`; IPv6's `default` → `::/0`, a host → `/128`. */
export function kernelPrefix(dst: string, family: AddressFamily = 'ipv4'): string {
  if (dst === 'default') return family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  return dst.includes('/') ? dst : `${dst}/${family === 'ipv4' ? 32 : 128}`;
}

/**
 * A hop the kernel skips: `dead` (its device is down) or `linkdown` (no carrier; fabric's routed
 * devices set `ignore_routes_with_linkdown`, so such a hop carries nothing).
 */
function usable(h: Hop): boolean {
  return !(h.flags ?? []).some((f) => f === 'dead' || f === 'linkdown');
}

function devsOf(hops: Hop[]): string[] {
  return hops.map((h) => h.dev ?? h.gateway ?? h.via?.host ?? '?');
}

/**
 * The width of the kernel's route to `prefix` (the unicast route with the lowest metric), or
 * null when the kernel has none. A route over a nexthop object counts the object's group as the
 * nexthop table lists it; without the table (or without the object in it), the hops the route
 * dump expands (`nexthop_compat_mode`).
 */
export function kernelWidth(
  routes: readonly KernelRoute[],
  nexthops: readonly KernelNexthop[] | null,
  prefix: string,
): KernelWidth | null {
  const family = prefix.includes(':') ? 'ipv6' : 'ipv4';
  const candidates = routes
    .filter((r) => kernelPrefix(r.dst, family) === prefix && (r.type === undefined || r.type === 'unicast'))
    .sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
  const route = candidates[0];
  if (!route) return null;
  const object = route.nhid === undefined ? undefined : nexthops?.find((n) => n.id === route.nhid);
  let hops: Hop[];
  if (object?.group) {
    const byId = new Map((nexthops ?? []).map((n) => [n.id, n]));
    hops = object.group.map((g) => byId.get(g.id) ?? { flags: ['dead'] });
  } else if (object) {
    hops = object.blackhole ? [] : [object];
  } else {
    hops = route.nexthops ?? (route.dev || route.gateway || route.via ? [route] : []);
  }
  const live = hops.filter(usable);
  return {
    count: live.length,
    devs: devsOf(live),
    ...(route.nhid === undefined ? {} : { nhid: route.nhid }),
  };
}

/** Parses `ip -j` output; empty output (no nexthop objects on an old iproute2) is an empty list. */
export function parseIpJson<T>(stdout: string): T[] | null {
  const text = stdout.trim();
  if (text === '') return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : null;
  } catch {
    return null;
  }
}
