/**
 * The throttled progress line of long commands (src/cli/io.ts `throttledProgress`, docs and
 * whatif): at most one line per period, and the last count once a line was printed, only once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttledProgress } from '../../src/cli/io.js';

describe('throttledProgress', () => {
  afterEach(() => vi.restoreAllMocks());

  const lines = (ms: number, calls: [number, number][]) => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      written.push(String(s));
      return true;
    });
    const p = throttledProgress((done, total) => `x: ${done}/${total}`, ms);
    for (const [done, total] of calls) p(done, total);
    vi.restoreAllMocks();
    return written.map((l) => l.replace(/ in \d+ s\n$/, ''));
  };

  it('GIVEN a line printed THEN the last count is printed too, once, however often it is reported', () => {
    expect(
      lines(0, [
        [1, 3],
        [2, 3],
        [3, 3],
        [3, 3],
      ]),
    ).toEqual(['x: 1/3', 'x: 2/3', 'x: 3/3']);
  });

  it('GIVEN work done within the first period THEN nothing at all (a short run stays quiet)', () => {
    expect(
      lines(1e9, [
        [1, 3],
        [3, 3],
      ]),
    ).toEqual([]);
  });
});
