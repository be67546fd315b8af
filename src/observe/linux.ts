/** iproute2's JSON (`ip -j`, `bridge -j`) and OVSDB's, as the checks need them. */
import type { AddressFamily } from '../model/address.js';

export const LINUX = {
  addresses: (iface: string) => `ip -j addr show dev ${iface}`,
  flood: (dev: string) => `bridge -j fdb show dev ${dev}`,
  txPackets: (dev: string) => `cat /sys/class/net/${dev}/statistics/tx_packets`,
  ovsPort: (port: string) => `ovs-vsctl --format=json --columns=name,tag,external_ids list port ${port}`,
} as const;

/** iproute2's name of each family in `addr_info`. */
const IPROUTE_FAMILY = { ipv4: 'inet', ipv6: 'inet6' } as const satisfies Record<AddressFamily, string>;

/** Addresses (with prefix length) of the family on the interface of an `ip -j addr show dev X`. */
export function interfaceAddresses(json: unknown, family: AddressFamily = 'ipv4'): string[] {
  const links = Array.isArray(json)
    ? (json as { addr_info?: { family: string; local: string; prefixlen: number }[] }[])
    : [];
  return links.flatMap((l) =>
    (l.addr_info ?? [])
      .filter((a) => a.family === IPROUTE_FAMILY[family])
      .map((a) => `${a.local}/${a.prefixlen}`),
  );
}

/** Remote VTEPs in a VXLAN device's flood list (the all-zero MAC entries). */
export function floodList(json: unknown): string[] {
  const entries = Array.isArray(json) ? (json as { mac: string; dst?: string }[]) : [];
  return entries
    .filter((e) => e.mac === '00:00:00:00:00:00' && e.dst)
    .map((e) => e.dst!)
    .sort();
}

export interface OvsPortRow {
  name: string;
  tag: number | null;
  externalIds: Record<string, string>;
}

/** `ovs-vsctl --format=json list port`: `{ headings: [...], data: [[...], ...] }` with OVSDB atoms. */
export function ovsPorts(json: unknown): OvsPortRow[] {
  const t = json as { headings?: string[]; data?: unknown[][] };
  if (!t?.headings || !t.data) return [];
  const col = (name: string) => t.headings!.indexOf(name);
  const atom = (v: unknown): unknown =>
    Array.isArray(v) && v[0] === 'set' && (v[1] as unknown[]).length === 0 ? null : v;
  return t.data.map((row) => {
    const tag = atom(row[col('tag')]);
    const ids = row[col('external_ids')] as ['map', [string, string][]] | undefined;
    return {
      name: String(row[col('name')]),
      tag: typeof tag === 'number' ? tag : null,
      externalIds: Object.fromEntries(ids?.[1] ?? []),
    };
  });
}
