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
 * The path is kept as a stack of keys and spelt out only for that message: a 5,000-device model
 * has millions of values, and a path string built for each was most of this walk's cost.
 */
export function sanitizeAndFreeze<T>(value: T): DeepReadonly<T> {
  const keys: (string | number)[] = [];
  const where = () => `$${keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
  const visit = (v: unknown): void => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        visit(v[i]);
        keys.pop();
      }
      Object.freeze(v);
      return;
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        keys.push(k);
        if (x === undefined) throw new Error(`model is not plain data: ${where()} is undefined`);
        visit(x);
        keys.pop();
      }
      Object.freeze(v);
      return;
    }
    throw new Error(`model is not plain data at ${where()}: ${typeof v}`);
  };
  visit(value);
  return value as DeepReadonly<T>;
}
