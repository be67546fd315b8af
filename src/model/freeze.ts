/**
 * After compile the model is frozen: later stages read it and can never change a decision.
 * `sanitize` also rejects anything that is not plain data (class instances, functions,
 * undefined), so the model always round-trips through JSON unchanged.
 */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export function sanitizeAndFreeze<T>(value: T, path = '$'): DeepReadonly<T> {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value as DeepReadonly<T>;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      sanitizeAndFreeze(v, `${path}[${i}]`);
    });
    return Object.freeze(value) as DeepReadonly<T>;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) throw new Error(`model is not plain data: ${path}.${k} is undefined`);
      sanitizeAndFreeze(v, `${path}.${k}`);
    }
    return Object.freeze(value) as DeepReadonly<T>;
  }
  throw new Error(`model is not plain data at ${path}: ${typeof value}`);
}
