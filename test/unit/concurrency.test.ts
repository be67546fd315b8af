/** forEachLimit / mapLimit / Semaphore: bounded, ordered, and nothing left running after a failure. */
import { describe, expect, it } from 'vitest';
import { forEachLimit, mapLimit, Semaphore } from '../../src/util/concurrency.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimit', () => {
  it('GIVEN more items than the limit THEN at most `limit` run at once and results keep input order', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 2], 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await tick(ms * 3);
      running--;
      return `${i}:${ms}`;
    });
    expect(most).toBe(3);
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:2']);
  });

  it('GIVEN a throwing item THEN no new item starts, running ones finish, and the first error is rethrown', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const run = forEachLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('item 1 failed');
      await tick(20);
      finished.push(n);
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]); // item 0 was allowed to finish before the rejection
  });

  it('GIVEN no items or a bad limit THEN an empty result or a RangeError', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    await expect(mapLimit([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe('Semaphore', () => {
  it('GIVEN size 2 THEN a third holder waits for a release, in arrival order', async () => {
    const sem = new Semaphore(2);
    const order: string[] = [];
    const hold = (name: string, ms: number) =>
      sem.run(async () => {
        order.push(`+${name}`);
        await tick(ms);
        order.push(`-${name}`);
      });
    await Promise.all([hold('a', 30), hold('b', 10), hold('c', 5), hold('d', 5)]);
    expect(order.slice(0, 2)).toEqual(['+a', '+b']);
    expect(order.indexOf('+c')).toBeGreaterThan(order.indexOf('-b'));
    expect(order.indexOf('+d')).toBeGreaterThan(order.indexOf('+c'));
  });

  it('GIVEN a holder that throws THEN its slot is released', async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await sem.run(async () => 'next')).toBe('next');
  });
});
