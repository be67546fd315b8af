/**
 * IP-MIB ipAddressTable (RFC 4293 section 5, `1.3.6.1.2.1.4.34`): the addresses of a device's
 * interfaces, of both families, as snmpd reads them from the kernel. Drift reads it for IPv6,
 * where BGP4-MIB has nothing (RFC 4273 lists IPv4 peers only, and FRR 8.4 serves no BGP4V2-MIB):
 * the interfaces' IPv6 addresses are what SNMP can say about the IPv6 side of a device.
 * A pure parser of the walked varbinds, so it is tested on recorded answers.
 * https://www.rfc-editor.org/rfc/rfc4293#section-5
 */
import { cidrOf, type FamilyAddress, ofFamily } from '../model/address.js';
import { formatAddress6 } from '../net/ipv6.js';

/** The columns drift walks, all indexed by `ipAddressAddrType.ipAddressAddr`. */
export const IP_ADDRESS_COLUMNS = {
  /** ipAddressIfIndex: the IF-MIB ifIndex of the interface the address is on. */
  ifIndex: '1.3.6.1.2.1.4.34.1.3',
  /** ipAddressPrefix: a pointer into ipAddressPrefixTable whose last sub-identifier is the prefix length. */
  prefix: '1.3.6.1.2.1.4.34.1.5',
  /** ipAddressStatus: `preferred` when usable; `duplicate` when duplicate address detection failed. */
  status: '1.3.6.1.2.1.4.34.1.7',
} as const;

/** IP-MIB IpAddressStatusTC. */
const STATUS = [
  '',
  'preferred',
  'deprecated',
  'invalid',
  'inaccessible',
  'unknown',
  'tentative',
  'duplicate',
  'optimistic',
];

/** InetAddressType ipv6: 16 octets (net-snmp lists link-local addresses under it too, not ipv6z). */
const IPV6 = 2;

export interface Ipv6AddressRow {
  /** RFC 5952, as the model writes it. */
  address: string;
  /** The interface's ifName (IF-MIB), or `ifIndex N` when IF-MIB does not name it. */
  interface: string;
  /** From ipAddressPrefix; null when the agent gives none (`0.0`). */
  prefixLength: number | null;
  status: string;
}

interface VarbindLike {
  oid: string;
  value: unknown;
}

/**
 * The IPv6 rows of a walk of `IP_ADDRESS_COLUMNS`, sorted by address; `ifNames` maps ifIndex to
 * ifName (IF-MIB). Rows of other families, and varbinds outside the columns, are skipped.
 */
export function ipv6Addresses(
  varbinds: readonly VarbindLike[],
  ifNames: ReadonlyMap<string, string>,
): Ipv6AddressRow[] {
  const rows = new Map<string, { ifIndex?: string; prefixLength: number | null; status: string }>();
  const row = (index: bigint) => {
    const key = formatAddress6(index);
    let r = rows.get(key);
    if (!r) {
      r = { prefixLength: null, status: 'unknown' };
      rows.set(key, r);
    }
    return r;
  };
  for (const v of varbinds) {
    const oid = v.oid.replace(/^\./, '');
    const column = (Object.keys(IP_ADDRESS_COLUMNS) as (keyof typeof IP_ADDRESS_COLUMNS)[]).find((c) =>
      oid.startsWith(`${IP_ADDRESS_COLUMNS[c]}.`),
    );
    if (!column) continue;
    const address = ipv6Index(oid.slice(IP_ADDRESS_COLUMNS[column].length + 1));
    if (address === undefined) continue;
    const r = row(address);
    if (column === 'ifIndex') r.ifIndex = String(Number(v.value));
    else if (column === 'status') r.status = STATUS[Number(v.value)] ?? `status ${String(v.value)}`;
    else r.prefixLength = prefixLengthOf(String(v.value ?? ''));
  }
  return [...rows]
    .map(([address, r]) => ({
      address,
      interface: r.ifIndex === undefined ? 'unknown' : (ifNames.get(r.ifIndex) ?? `ifIndex ${r.ifIndex}`),
      prefixLength: r.prefixLength,
      status: r.status,
    }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

/** `2.16.<16 octets>` (InetAddressType ipv6, length, octets) as a number; undefined for any other index. */
function ipv6Index(index: string): bigint | undefined {
  const parts = index.split('.').map(Number);
  if (parts.length !== 18 || parts[0] !== IPV6 || parts[1] !== 16) return undefined;
  let n = 0n;
  for (const octet of parts.slice(2)) {
    if (!Number.isInteger(octet) || octet < 0 || octet > 255) return undefined;
    n = (n << 8n) | BigInt(octet);
  }
  return n;
}

/** The prefix length at the end of an ipAddressPrefix pointer; null for `0.0` (none known). */
function prefixLengthOf(pointer: string): number | null {
  const parts = pointer.replace(/^\./, '').split('.');
  if (parts.length < 3) return null;
  const length = Number(parts[parts.length - 1]);
  return Number.isInteger(length) && length >= 0 && length <= 128 ? length : null;
}

/** An IPv6 address of the model that the device does not have as intended. */
export interface Ipv6AddressDrift {
  /** `interface eth3 address 2001:db8:ffff:1::1/127`: one finding per address. */
  section: string;
  /** `2001:db8:ffff:1::1/127 on eth3` */
  intended: string;
  running: string;
}

/**
 * Each IPv6 address of the model's interfaces against the device's rows: there, on its
 * interface, with its prefix length, and usable (`preferred`, or `deprecated`, which still
 * answers). Not usable: `duplicate` (duplicate address detection failed, RFC 4862 section 5.4.5)
 * or `tentative` (not yet checked). Addresses the device has beyond the model (link-local,
 * a VRRP master's virtual address) are not differences.
 */
export function ipv6AddressDrift(
  interfaces: readonly { name: string; addresses: readonly FamilyAddress[] }[],
  rows: readonly Ipv6AddressRow[],
): Ipv6AddressDrift[] {
  const byAddress = new Map(rows.map((r) => [r.address, r]));
  const out: Ipv6AddressDrift[] = [];
  for (const i of interfaces)
    for (const a of ofFamily(i.addresses, 'ipv6')) {
      const row = byAddress.get(a.address);
      const wrong = (running: string) =>
        out.push({
          section: `interface ${i.name} address ${cidrOf(a)}`,
          intended: `${cidrOf(a)} on ${i.name}`,
          running,
        });
      if (!row) wrong('not in IP-MIB ipAddressTable (no such address)');
      else if (row.interface !== i.name) wrong(`on ${row.interface}`);
      else if (row.prefixLength !== null && row.prefixLength !== a.prefixLength)
        wrong(`${row.address}/${row.prefixLength} on ${i.name}`);
      else if (row.status !== 'preferred' && row.status !== 'deprecated')
        wrong(`${row.status} (IP-MIB ipAddressStatus)`);
    }
  return out;
}
