/**
 * The address-family axis in compile (issue 14): IPv6 fields of the model are absent, not empty,
 * on a site without IPv6, so an IPv4-only site's model and rendered files are exactly as before.
 */

/** `{ [key]: value }`, or nothing when there is no value (null, undefined or an empty list). */
export function withValue<K extends string, V>(key: K, value: V | null | undefined): { [k in K]?: V } {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as { [k in K]?: V };
}
