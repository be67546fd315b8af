/**
 * Looks a user-named key up as data. `record[name]` on a plain object also finds what every
 * object inherits: a device, segment or gateway named `constructor` would be found even where
 * none is declared. Every lookup of a name the user chose goes through here, a `Map`, or
 * `Object.hasOwn`.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
