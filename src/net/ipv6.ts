/**
 * IPv6 arithmetic on bigints, the counterpart of ipv4.ts. Parsing is delegated to `ip-address`;
 * every address fabric prints is in RFC 5952 form (lower case, the longest run of zero groups as
 * `::`), https://www.rfc-editor.org/rfc/rfc5952#section-4, printed here as `ip-address` would.
 */
import { Address6 } from 'ip-address';

export interface Prefix6 {
  /** Network address as a 128-bit unsigned bigint. */
  network: bigint;
  length: number;
  /** The prefix in RFC 5952 form, e.g. `2001:db8:1::/64`, whatever form the inventory wrote. */
  text: string;
}

const ALL = (1n << 128n) - 1n;

/**
 * What `formatAddress6` printed, by its text: compile prints every allocated address, and the IP
 * plan parses each back to sort by it. RFC 5952 text is a valid address, so it parses back to the
 * number it was printed from; bounded, as `parseAddress` in ipv4.ts.
 */
const printedAddresses = new Map<string, bigint>();

/** A bare IPv6 address (no `/len`, no zone), or undefined. IPv4 text is not an IPv6 address. */
export function parseAddress6(text: string): bigint | undefined {
  if (!text.includes(':') || text.includes('/') || text.includes('%')) return undefined;
  const printed = printedAddresses.get(text);
  if (printed !== undefined) return printed;
  try {
    // one parse: `Address6.isValid` is this same constructor in a try
    return new Address6(text).bigInt();
  } catch {
    return undefined;
  }
}

/**
 * RFC 5952 text of an address (section 4): lower-case hex groups without leading zeros, the
 * longest run of two or more zero groups (the first of equally long ones) written `::`. The same
 * text as ip-address's `correctForm()` (test/unit/ipv6.test.ts), printed here as that costs tens
 * of µs an address: ~0.15 s over a 5,000-device dual-stack site.
 */
export function formatAddress6(n: bigint): string {
  if (n < 0n || n > ALL) throw new RangeError(`not an IPv6 address: ${n}`);
  const hex = n.toString(16).padStart(32, '0');
  const groups: string[] = [];
  let run = { start: -1, length: 1 };
  let zeros = 0;
  for (let g = 0; g < 8; g++) {
    const value = Number.parseInt(hex.slice(g * 4, g * 4 + 4), 16);
    groups.push(value.toString(16));
    zeros = value === 0 ? zeros + 1 : 0;
    if (zeros > run.length) run = { start: g - zeros + 1, length: zeros };
  }
  const text =
    run.start < 0
      ? groups.join(':')
      : `${groups.slice(0, run.start).join(':')}::${groups.slice(run.start + run.length).join(':')}`;
  if (printedAddresses.size >= 100_000) printedAddresses.clear();
  printedAddresses.set(text, n);
  return text;
}

export function mask6(length: number): bigint {
  return length === 0 ? 0n : (ALL << BigInt(128 - length)) & ALL;
}

/** `address/len` parsed once: the address as written and the prefix it is on. */
function parseOnPrefix6(text: string): { address: bigint; prefix: Prefix6 } | undefined {
  const parsed = parseHostAndLength6(text);
  if (!parsed) return undefined;
  const { address, length } = parsed;
  const network = address & mask6(length);
  return { address, prefix: { network, length, text: withLength6(network, length) } };
}

/**
 * `address/len` as two numbers, without printing the prefix: what `parseHostOnPrefix6` gives
 * (`address`, `prefix.length`), for a sort over every address of a site (the IP plan).
 */
export function parseHostAndLength6(text: string): { address: bigint; length: number } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const len = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(len) || Number(len) > 128) return undefined;
  const address = parseAddress6(text.slice(0, slash));
  return address === undefined ? undefined : { address, length: Number(len) };
}

/** Parses `address/len`. `hostBits` is set when the address is not the network address. */
export function parsePrefix6(text: string): { prefix: Prefix6; hostBits: boolean } | undefined {
  const parsed = parseOnPrefix6(text);
  return parsed && { prefix: parsed.prefix, hostBits: parsed.prefix.network !== parsed.address };
}

/** An address on a prefix, `address/len` (host bits allowed): the host address and its prefix. */
export function parseHostOnPrefix6(text: string): { address: bigint; prefix: Prefix6 } | undefined {
  return parseOnPrefix6(text);
}

export function contains6(p: Prefix6, address: bigint): boolean {
  return (address & mask6(p.length)) === p.network;
}

export function overlaps6(a: Prefix6, b: Prefix6): boolean {
  const m = mask6(Math.min(a.length, b.length));
  return (a.network & m) === (b.network & m);
}

/** The address `offset` places after the network address, or undefined past the end of the prefix. */
export function nth6(p: Prefix6, offset: number): bigint | undefined {
  if (offset < 0 || BigInt(offset) > ALL >> BigInt(p.length)) return undefined;
  return p.network + BigInt(offset);
}

/**
 * Why an address is not a usable host address of its prefix, or undefined when it is. IPv6 has no
 * broadcast; the all-zero address of a subnet is its Subnet-Router anycast address (RFC 4291
 * section 2.6.1), which no interface may take. /127 and /128 have none (RFC 6164).
 */
export function notAHost6(p: Prefix6, address: bigint): string | undefined {
  if (p.length >= 127 || address !== p.network) return undefined;
  return `${formatAddress6(address)} is the Subnet-Router anycast address of ${p.text}`;
}

/** An address on an interface, as the model types it (`InterfaceAddress`, src/model/address.ts). */
export function onPrefix6(address: bigint, prefixLength: number): { address: string; prefixLength: number } {
  return { address: formatAddress6(address), prefixLength };
}

export function withLength6(address: bigint, length: number): string {
  return `${formatAddress6(address)}/${length}`;
}
