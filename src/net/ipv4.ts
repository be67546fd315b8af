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
  const quad = dottedQuad(text);
  if (quad !== undefined) return quad;
  try {
    return Number(new Address4(text).bigInt());
  } catch {
    return undefined;
  }
}

/**
 * Text as `formatAddress` prints it (four decimal numbers up to 255, no leading zero, nothing
 * else) read without ip-address, which takes ~10 µs an address and reads it as the same number
 * (test/unit/ipv4.test.ts); undefined for any other text, which is left to ip-address.
 */
function dottedQuad(text: string): number | undefined {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      if (c < 48 || c > 57 || (digits === 1 && part === 0)) return undefined;
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return undefined;
    }
  }
  return dots === 3 && digits > 0 ? n * 256 + part : undefined;
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

/**
 * `a.b.c.d/len` or a bare address as two numbers, without printing the prefix: what
 * `parseHostOnPrefix` gives (`address`, `prefix.length`), for a sort over every address of a
 * site (the IP plan).
 */
export function parseHostAndLength(text: string): { address: number; length: number } | undefined {
  const [addr, len] = (text.includes('/') ? text : `${text}/32`).split('/');
  if (addr === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const address = parseAddress(addr);
  const length = Number(len);
  return address === undefined || length > 32 ? undefined : { address, length };
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
