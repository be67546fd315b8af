/**
 * `lab up --wait [SECONDS]`: `up` returns once every node has booted, but BGP, BFD and VRRP take
 * a few more seconds; `--wait` polls verify's checks (derived from the site's model) until all
 * pass, so a `drift` or `push` run next sees a converged network.
 */

import { LabRunner } from '../../../observe/lab-runner.js';
import type { CommandRunner } from '../../../observe/runner.js';
import type { FrozenSite } from '../../../pipeline.js';
import { formatNotConverged } from '../../../report/lab.js';
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

/** `--wait`: 0 when converged, 1 (with what is still down) on timeout. */
export async function waitForSite(
  site: FrozenSite,
  lab: string,
  seconds: number,
  empty: boolean,
): Promise<number> {
  if (empty) {
    process.stderr.write('--wait: an empty lab has nothing to converge until `fabric push` configures it\n');
    return 0;
  }
  const down = await waitConverged(site, lab, seconds, (l) => process.stderr.write(`${l}\n`));
  if (!down.length) {
    process.stderr.write(`lab ${lab}: converged, every check of \`fabric verify\` passes\n`);
    return 0;
  }
  process.stderr.write(formatNotConverged(lab, site.name, seconds, down));
  return 1;
}
