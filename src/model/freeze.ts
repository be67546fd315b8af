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

/**
 * Freezes `value` deeply, or throws naming the first place that is not plain data (`$.sites[0].x`).
 * A 5,000-device model has millions of values: the walk that freezes keeps no path, and only when
 * it finds a problem does a second walk, in the same order, spell out where the first one is.
 */
export function sanitizeAndFreeze<T>(value: T): DeepReadonly<T> {
  const v: unknown = value;
  if (!isScalar(v) && !(typeof v === 'object' && v !== null && freezeDeep(v)))
    throw new Error(firstProblem(v));
  return value as DeepReadonly<T>;
}

function isScalar(v: unknown): v is null | string | number | boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Freezes a plain object or array and what it holds; false at the first value that is not plain data. */
function freezeDeep(v: object): boolean {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (!isScalar(x) && !(typeof x === 'object' && freezeDeep(x))) return false;
    }
  } else if (Object.getPrototypeOf(v) === Object.prototype) {
    // for-in, not Object.keys: the same keys in the same order on a plain object (Object.prototype
    // has no enumerable key), without an array of keys for each of the model's million objects
    for (const k in v) {
      const x: unknown = (v as Record<string, unknown>)[k];
      if (!isScalar(x) && !(typeof x === 'object' && freezeDeep(x))) return false;
    }
  } else return false;
  Object.freeze(v);
  return true;
}

/** What is wrong with the first value that is not plain data, and where (depth first, in key order). */
function firstProblem(value: unknown): string {
  const keys: (string | number)[] = [];
  const where = () => `$${keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
  const find = (v: unknown): string | undefined => {
    if (isScalar(v)) return undefined;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        const problem = find(v[i]);
        if (problem) return problem;
        keys.pop();
      }
      return undefined;
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        keys.push(k);
        if (x === undefined) return `model is not plain data: ${where()} is undefined`;
        const problem = find(x);
        if (problem) return problem;
        keys.pop();
      }
      return undefined;
    }
    return `model is not plain data at ${where()}: ${typeof v}`;
  };
  return find(value) ?? 'model is not plain data';
}
