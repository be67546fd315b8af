/**
 * `fabric whatif` on more than one CPU: the single failures are split into shares, one per
 * thread. Each worker compiles the inventory and computes the intact baseline itself (the model
 * is deterministic, so every thread analyses the same fabric) while this thread does its own
 * share; the results come back in scenario order, so the report is the one a single thread
 * writes, byte for byte. On a site whose failures come in kinds (whatif/relabel.ts: a symmetric
 * Clos) the analysis after the baseline is short, and this thread does it alone: no worker starts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FrozenSite } from '../pipeline.js';
import { analyseShare, baselineOf, kindsOf, mergeShares, siteReport, WHOLE } from '../whatif/analyse.js';
import { mayComeInKinds } from '../whatif/relabel.js';
import type { Scenario, ScenarioResult, WhatifReport } from '../whatif/types.js';
import type { WhatifWorkerData } from './whatif-worker.js';

/**
 * Below this many failures × devices one thread is quicker: each worker compiles the inventory
 * and computes the baseline again (a 1,004-device fabric is 13 million, ~16 s of work in one
 * thread, of which the baseline is 1.7 s).
 */
export const PARALLEL_FROM_WORK = 5_000_000;

/**
 * Threads for the N-1 analysis of `scenarios` of `site`: `--jobs`, else every CPU on a large
 * fabric, else 1; never more than the CPUs (the analysis is CPU-bound: more threads only load the
 * inventory again each, measured 1 s at --jobs 1, 55 s at --jobs 9999 on 2 CPUs).
 */
export function jobsFor(
  site: FrozenSite,
  scenarios: readonly Scenario[],
  requested: number | undefined,
  cpus = availableParallelism(),
): number {
  if (requested !== undefined) return Math.min(requested, cpus);
  const work = scenarios.length * site.devices.length;
  return work >= PARALLEL_FROM_WORK ? availableParallelism() : 1;
}

export async function analyseInParallel(
  inventory: string,
  site: FrozenSite,
  scenarios: readonly Scenario[],
  jobs: number,
  progress: (done: number, total: number) => void,
  workerScript: URL = new URL('./whatif-worker.js', import.meta.url),
): Promise<WhatifReport> {
  const of = Math.max(1, Math.min(jobs, scenarios.length));
  const done = new SharedArrayBuffer(4 * of);
  const counts = new Int32Array(done);
  const sum = () => counts.reduce((n, c) => n + c, 0);
  // a site whose model may make its failures come in kinds (whatif/relabel.ts): this thread's
  // baseline first, and when they do, this thread alone answers every failure sooner than the
  // workers would compile and simulate the fabric again; else (and on other sites at once) the
  // workers start
  const early = mayComeInKinds(site) ? baselineOf(site) : undefined;
  if (early && kindsOf(site, early))
    return siteReport(site, analyseShare(site, scenarios, WHOLE, progress, early), early);
  const threads = Array.from({ length: of - 1 }, (_, k) => {
    const workerData: WhatifWorkerData = { inventory, site: site.name, share: { index: k + 1, of }, done };
    return new Worker(workerScript, { workerData });
  });
  const workers = threads.map(
    (worker, k) =>
      new Promise<ScenarioResult[]>((resolve, reject) => {
        // what failed, and the way round it (a thread that ran out of memory, say)
        const failed = (why: string) =>
          reject(
            new Error(`whatif: worker ${k + 1} of ${of} failed (${why}); --jobs 1 analyses in one thread`),
          );
        worker.once('message', (results: ScenarioResult[]) => resolve(results));
        worker.once('error', (e) => failed(e.message));
        worker.once('exit', (code) => failed(`it stopped, exit ${code}`));
      }),
  );
  const base = early ?? baselineOf(site);
  // this thread's share, while the workers do theirs; the progress line counts every share
  const own = analyseShare(
    site,
    scenarios,
    { index: 0, of },
    (n) => {
      Atomics.store(counts, 0, n);
      progress(sum(), scenarios.length);
    },
    base,
  );
  Atomics.store(counts, 0, own.length);
  const timer = setInterval(() => progress(sum(), scenarios.length), 1000);
  try {
    const shares = await Promise.all(workers);
    clearInterval(timer);
    progress(scenarios.length, scenarios.length);
    return siteReport(site, mergeShares([own, ...shares]), base);
  } finally {
    clearInterval(timer);
    // after a failure the others stop too
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
