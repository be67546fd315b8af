/**
 * IPv4 arithmetic on plain numbers. Parsing and validation are delegated to `ip-address`;
 * allocation and overlap checks then work on uint32 values, which keeps a 5,000-device compile
 * fast.
 */
import { Address4 } from 'ip-address';

export interface Prefix4 {
  /** Network address as uint32. */
  network: number;
  length: number;
  /** The original text, e.g. `10.1.0.0/24`. */
  text: string;
}

// the routing simulation parses the same few addresses millions of times (`fabric whatif`)
const parsedAddresses = new Map<string, number | undefined>();

export function parseAddress(text: string): number | undefined {
  if (parsedAddresses.has(text)) return parsedAddresses.get(text);
  const n = text.includes('/') ? undefined : parseValid(text);
  if (parsedAddresses.size >= 100_000) parsedAddresses.clear();
  parsedAddresses.set(text, n);
  return n;
}

/** One parse: `Address4.isValid` is this same constructor in a try. */
function parseValid(text: string): number | undefined {
  try {
    return Number(new Address4(text).bigInt());
  } catch {
    return undefined;
  }
}

export function formatAddress(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function mask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** Parses `a.b.c.d/len`. `hostBits` is set when the address is not the network address. */
export function parsePrefix(text: string): { prefix: Prefix4; hostBits: boolean } | undefined {
  const [addr, len] = text.split('/');
  if (addr === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const n = parseAddress(addr);
  const length = Number(len);
  if (n === undefined || length > 32) return undefined;
  const network = (n & mask(length)) >>> 0;
  return {
    prefix: { network, length, text: `${formatAddress(network)}/${length}` },
    hostBits: network !== n,
  };
}

/**
 * Parses an address on a prefix, `a.b.c.d/len` (host bits allowed), or a bare address (a /32):
 * the host address and the prefix it is on.
 */
export function parseHostOnPrefix(text: string): { address: number; prefix: Prefix4 } | undefined {
  const parsed = parsePrefix(text.includes('/') ? text : `${text}/32`);
  const address = parseAddress(text.includes('/') ? text.slice(0, text.indexOf('/')) : text);
  return parsed && address !== undefined ? { address, prefix: parsed.prefix } : undefined;
}

export function prefixSize(p: Prefix4): number {
  return 2 ** (32 - p.length);
}

export function contains(p: Prefix4, address: number): boolean {
  return (address & mask(p.length)) >>> 0 === p.network;
}

export function overlaps(a: Prefix4, b: Prefix4): boolean {
  const len = Math.min(a.length, b.length);
  return (a.network & mask(len)) >>> 0 === (b.network & mask(len)) >>> 0;
}

/** The address `offset` places after the network address, or undefined past the end of the prefix. */
export function nth(p: Prefix4, offset: number): number | undefined {
  if (offset < 0 || offset >= prefixSize(p)) return undefined;
  return (p.network + offset) >>> 0;
}

export function isNetworkOrBroadcast(p: Prefix4, address: number): boolean {
  if (p.length >= 31) return false;
  return address === p.network || address === (p.network + prefixSize(p) - 1) >>> 0;
}

/** An address on an interface, as the model types it (`InterfaceAddress`, src/model/address.ts). */
export function onPrefix(address: number, prefixLength: number): { address: string; prefixLength: number } {
  return { address: formatAddress(address), prefixLength };
}

export function withLength(address: number, length: number): string {
  return `${formatAddress(address)}/${length}`;
}
