/**
 * A worker thread of `fabric whatif --jobs N` (src/cli/whatif-parallel.ts): compiles the same
 * inventory, computes the intact baseline and analyses its share of the single failures. Its
 * done count goes to the shared counters for the progress line; its results, when all are done,
 * to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline } from '../pipeline.js';
import { analyseShare, type Share } from '../whatif/analyse.js';
import { singleFailures } from '../whatif/scenarios.js';

export interface WhatifWorkerData {
  inventory: string;
  site: string;
  share: Share;
  /** Int32 per share: scenarios done so far. */
  done: SharedArrayBuffer;
}

const data = workerData as WhatifWorkerData;
const { model } = runPipeline(data.inventory, { sites: [data.site] });
const site = model?.sites[0];
if (!site) throw new Error(`whatif worker: ${data.inventory} no longer compiles site ${data.site}`);
const done = new Int32Array(data.done);
const results = analyseShare(site, singleFailures(site), data.share, (n) =>
  Atomics.store(done, data.share.index, n),
);
Atomics.store(done, data.share.index, results.length);
parentPort!.postMessage(results);
