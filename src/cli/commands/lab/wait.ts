/**
 * `lab up --wait [SECONDS]`: `up` returns once every node has booted, but BGP, BFD and VRRP take
 * a few more seconds; `--wait` polls verify's checks (derived from the site's model) until all
 * pass, so a `drift` or `push` run next sees a converged network.
 */

import { LabRunner } from '../../../observe/lab-runner.js';
import type { CommandRunner } from '../../../observe/runner.js';
import type { FrozenSite } from '../../../pipeline.js';
import { deriveExpectations } from '../../../verify/expectations.js';
import { runChecks } from '../../../verify/run.js';

export const DEFAULT_WAIT_SECONDS = 120;

/** `--wait` alone, or `--wait 300`. */
export function waitSeconds(value: string | boolean | undefined): number | undefined | 'bad' {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_WAIT_SECONDS;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 'bad';
}

/**
 * Polls until every check passes; returns the lines naming what is still down (empty:
 * converged). `lab` is the lab's name, or any runner of commands on its devices.
 */
export async function waitConverged(
  site: FrozenSite,
  lab: string | CommandRunner,
  seconds: number,
  progress: (line: string) => void,
): Promise<string[]> {
  const expectations = deriveExpectations(site);
  const started = Date.now();
  let shown = -1;
  const runner = typeof lab === 'string' ? new LabRunner(lab) : lab;
  const results = await runChecks(expectations, runner, {
    deadlineMs: seconds * 1000,
    intervalMs: 1000,
    concurrency: 8,
    onRound: (_round, passed, total) => {
      if (passed === shown) return; // one line per change, not per round
      shown = passed;
      const elapsed = ((Date.now() - started) / 1000).toFixed(0);
      progress(`  converging: ${passed}/${total} checks pass  ${elapsed}s`);
    },
  });
  return results.filter((r) => !r.ok).map((r) => `${r.expectation.title}: ${r.detail}`);
}
