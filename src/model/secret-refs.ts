/**
 * Where a device's model references secrets: each `{ secret, use }` with its path in the device.
 * The secrets check (which secrets a site uses) and render (the view a template prints, with the
 * values put in) both need them. Finding them means walking the whole device (a spine of the
 * 5,000-device benchmark has hundreds of interfaces and neighbors, and only an edge has a secret),
 * so the walk is done once per device and remembered: the model is frozen after compile, so what
 * a device holds cannot change.
 */
import type { DeepReadonly } from './freeze.js';
import type { Device, SecretRef } from './types.js';

export interface SecretRefAt {
  /** Keys from the device down to the reference. */
  path: readonly (string | number)[];
  ref: DeepReadonly<SecretRef>;
}

/**
 * A reference as compile writes one (src/model/secrets.ts): exactly `secret` and `use`, both
 * names. Nothing else in the model has both keys.
 */
export function isSecretRef(v: object): v is SecretRef {
  const ref = v as Partial<Record<keyof SecretRef, unknown>>;
  return typeof ref.secret === 'string' && typeof ref.use === 'string' && Object.keys(v).length === 2;
}

const refsOfDevice = new WeakMap<object, readonly SecretRefAt[]>();

/** The device's secret references, in the order of its keys (depth first). */
export function secretRefsOf(device: DeepReadonly<Device>): readonly SecretRefAt[] {
  let refs = refsOfDevice.get(device);
  if (!refs) {
    refs = findRefs(device);
    // only a frozen model is remembered: an object that can still change could hold others later
    if (Object.isFrozen(device)) refsOfDevice.set(device, refs);
  }
  return refs;
}

function findRefs(device: object): SecretRefAt[] {
  const found: SecretRefAt[] = [];
  const path: (string | number)[] = [];
  const visit = (v: object): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== 'object' || x === null) continue;
        path.push(i);
        visit(x);
        path.pop();
      }
      return;
    }
    // for-in: the model is plain data (freeze.ts), whose own keys these are, in the same order,
    // without an array of keys for each object. Whether it is a reference is told by its keys on
    // the way (a reference holds no object, so nothing below it is visited first): looking up
    // `secret` and `use` in each of a device's thousands of objects cost more than the walk
    let keys = 0;
    let named = 0;
    for (const k in v) {
      keys++;
      if (k === 'secret' || k === 'use') named++;
      const x: unknown = (v as Record<string, unknown>)[k];
      if (typeof x !== 'object' || x === null) continue;
      path.push(k);
      visit(x);
      path.pop();
    }
    if (keys === 2 && named === 2 && isSecretRef(v)) found.push({ path: [...path], ref: v });
  };
  visit(device);
  return found;
}

/**
 * The names of the secrets the devices reference, sorted: the site's `secrets`, from what the
 * secrets check checks and render puts in, so that no secret a device uses is left out of it.
 */
export function secretNamesOf(devices: readonly DeepReadonly<Device>[]): string[] {
  return [...new Set(devices.flatMap((d) => secretRefsOf(d).map(({ ref }) => ref.secret)))].sort();
}

/**
 * `value` with the object at `path` replaced by `replacement`: the objects and arrays on the way
 * are copied (keys in their order), everything else is shared.
 */
export function replacedAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[key as number] = replacedAt(value[key as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[key] = replacedAt((value as Record<string, unknown>)[key], rest, replacement);
  return copy;
}
