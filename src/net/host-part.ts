/** `203.0.113.10` or `[2001:db8::10]`: an address where a port or path may follow (RFC 3986 §3.2.2). */
export const hostPart = (address: string): string => (address.includes(':') ? `[${address}]` : address);
