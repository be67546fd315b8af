/**
 * `lab up --wait [SECONDS]`: `up` returns once every node has booted, but BGP, BFD and VRRP take
 * a few more seconds; `--wait` polls verify's checks (derived from the site's model) until all
 * pass (src/verify/converge.ts), so a `drift` or `push` run next sees a converged network.
 */
import { type LabStatus, labStatus, onlyDaemonsDown } from '../../../lab/index.js';
import type { FrozenSite } from '../../../pipeline.js';
import { formatNotConverged } from '../../../report/lab.js';
import { waitConverged } from '../../../verify/converge.js';
import { secondsProblem } from '../../args.js';

export const DEFAULT_WAIT_SECONDS = 120;

/** `--wait` alone, or `--wait 300`. */
export function waitSeconds(value: string | boolean | undefined): number | undefined | { problem: string } {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_WAIT_SECONDS;
  const problem = secondsProblem(value);
  return problem ? { problem } : Number(value);
}

/** `--wait`: 0 when converged, 1 (with what is still down) on timeout. */
export async function waitForSite(
  site: FrozenSite,
  lab: string,
  seconds: number,
  empty: boolean,
  labSites: readonly FrozenSite[] = [site],
): Promise<number> {
  if (empty) {
    process.stderr.write('--wait: an empty lab has nothing to converge until `fabric push` configures it\n');
    return 0;
  }
  const down = await waitConverged(site, lab, seconds, (l) => process.stderr.write(`${l}\n`), labSites);
  if (!down.length) {
    process.stderr.write(`lab ${lab}: converged, every check of \`fabric verify\` passes\n`);
    return 0;
  }
  process.stderr.write(formatNotConverged(lab, site.name, seconds, down));
  return 1;
}

/**
 * `--wait` before convergence: a lab whose only problems are daemons down right after boot (a
 * daemon between restarts, like a RabbitMQ worker whose queue the cluster declares only once its
 * last node has joined) is polled until they run or `seconds` pass; anything else is returned at
 * once. Returns the last status.
 */
export async function waitForDaemons(status: LabStatus, seconds: number): Promise<LabStatus> {
  const deadline = Date.now() + seconds * 1000;
  let last = status;
  let said = '';
  while (onlyDaemonsDown(last) && Date.now() < deadline) {
    const down = last.nodes.flatMap((n) =>
      n.daemons.filter((d) => !d.up && !d.unconfigured).map((d) => `${n.name} ${d.name}`),
    );
    const line = `  waiting for daemons to (re)start: ${down.join(', ')}`;
    if (line !== said) process.stderr.write(`${line}\n`);
    said = line;
    await new Promise((r) => setTimeout(r, 1000));
    last = await labStatus(last.lab);
  }
  return last;
}
