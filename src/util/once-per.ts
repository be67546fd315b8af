/**
 * `compute(key)` once per key object, kept as long as the key lives (a WeakMap): the per-site
 * indexes that checks and whatif build from a compiled model they never change.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
