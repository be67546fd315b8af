/**
 * Waiting for a lab to converge: polls verify's checks, derived from the site's model, until all
 * pass or the time is up: `lab up --wait`, and whatever must start from a converged lab.
 */
import { LabRunner } from '../observe/lab-runner.js';
import type { CommandRunner } from '../observe/runner.js';
import type { FrozenSite } from '../pipeline.js';
import { deriveExpectations } from './expectations.js';
import { runChecks } from './run.js';
import { sharedInternet } from './shared-internet.js';

/**
 * Polls until every check passes; returns the lines naming what is still down (empty:
 * converged). `lab` is the lab's name, or any runner of commands on its devices.
 */
export async function waitConverged(
  site: FrozenSite,
  lab: string | CommandRunner,
  seconds: number,
  progress: (line: string) => void,
  /** Every site of the lab, when it runs several (their shared internet: src/verify/shared-internet.ts). */
  labSites: readonly FrozenSite[] = [site],
): Promise<string[]> {
  const expectations = deriveExpectations(site, {
    sharedInternet: sharedInternet(labSites),
    labSites: labSites.map((s) => s.name),
  });
  const started = Date.now();
  let shown = -1;
  const runner = typeof lab === 'string' ? new LabRunner(lab, undefined, site.name) : lab;
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
