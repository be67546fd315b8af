/**
 * The frozen model (src/model/freeze.ts): plain data is frozen all the way down; anything else
 * is refused with the path of the first value that is not plain data.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeAndFreeze } from '../../src/model/freeze.js';

describe('sanitizeAndFreeze', () => {
  it('GIVEN plain data WHEN frozen THEN every object and list in it is frozen', () => {
    const model = { sites: [{ name: 'a', devices: [{ id: 1, tags: ['x'], mgmt: null }] }], ok: true };
    const frozen = sanitizeAndFreeze(model);
    expect(frozen).toBe(model);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.sites[0]!.devices[0]!.tags)).toBe(true);
    expect(sanitizeAndFreeze('text')).toBe('text');
  });

  it('GIVEN values that are not plain data WHEN frozen THEN the first one is named by its path', () => {
    const cases: [unknown, string][] = [
      [{ sites: [{ a: 1, b: undefined, c: () => 1 }] }, 'model is not plain data: $.sites[0].b is undefined'],
      [{ sites: [{ a: 1, c: () => 1, b: undefined }] }, 'model is not plain data at $.sites[0].c: function'],
      [{ list: [1, 2, undefined] }, 'model is not plain data at $.list[2]: undefined'],
      [{ when: new Date(0) }, 'model is not plain data at $.when: object'],
      [{ big: 1n }, 'model is not plain data at $.big: bigint'],
      [new Map(), 'model is not plain data at $: object'],
    ];
    for (const [value, message] of cases) expect(() => sanitizeAndFreeze(value)).toThrow(message);
  });
});
