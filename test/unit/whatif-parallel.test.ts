/**
 * `fabric whatif --jobs N`: the shares merge back in scenario order, and a worker that fails
 * says so and how to do without it. (The CLI's byte-for-byte comparison of --jobs 3 with
 * --jobs 1 is in cli-whatif.test.ts, on the built workers.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseInParallel, jobsFor } from '../../src/cli/whatif-parallel.js';
import { runPipeline } from '../../src/pipeline.js';
import { analyseShare, mergeShares } from '../../src/whatif/analyse.js';
import { singleFailures } from '../../src/whatif/scenarios.js';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const site = runPipeline(join(REPO, 'inventory'), { sites: ['idc-a'] }).model!.sites[0]!;

describe('whatif on several threads', () => {
  it('GIVEN --jobs beyond the CPUs THEN as many threads as CPUs (a thread more only loads the inventory again); without it, 1 on a small fabric', () => {
    const scenarios = singleFailures(site);
    expect(jobsFor(site, scenarios, 9999, 2)).toBe(2);
    expect(jobsFor(site, scenarios, 2, 8)).toBe(2);
    expect(jobsFor(site, scenarios, undefined, 8)).toBe(1);
  });

  it('GIVEN three shares of the single failures THEN merged they are the one-thread results, in order', () => {
    const scenarios = singleFailures(site);
    const whole = analyseShare(site, scenarios);
    const shares = [0, 1, 2].map((index) => analyseShare(site, scenarios, { index, of: 3 }));
    expect(shares.map((s) => s.length)).toEqual([19, 18, 18]);
    expect(mergeShares(shares)).toEqual(whole);
  });

  it('GIVEN a worker that dies THEN the analysis fails naming it and --jobs 1, and no thread is left', async () => {
    const script = join(tempDir(), 'dies.mjs');
    writeFileSync(script, "throw new Error('out of memory, say');\n");
    const seen: number[] = [];
    await expect(
      analyseInParallel(
        join(REPO, 'inventory'),
        site,
        singleFailures(site),
        2,
        (done) => seen.push(done),
        pathToFileURL(script),
      ),
    ).rejects.toThrow(
      /^whatif: worker 1 of 2 failed \(out of memory, say\); --jobs 1 analyses in one thread$/,
    );
    // this thread did its share meanwhile, and said so
    expect(seen.length).toBeGreaterThan(0);
  });
});
