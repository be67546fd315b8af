/**
 * Which site or lab a command is about when the user did not say: the only site of the inventory,
 * or (lab and verify commands) the only running lab. Anything ambiguous is an exit-2 message
 * listing the choices; the same rules for every command that takes --site.
 */
import { DEFAULT_STATE_ROOT } from '../lab/plan/names.js';
import { readAllStates } from '../lab/runtime/state.js';
import { CliError } from './exit.js';

/** The names of the labs that have state on this machine (running, or left by a crash). */
export function runningLabs(stateRoot = DEFAULT_STATE_ROOT): string[] {
  try {
    return readAllStates(stateRoot).map((s) => s.plan.lab);
  } catch {
    return []; // an unreadable state root means no lab we can use
  }
}

/**
 * The one site a single-site command works on: the named one, else the only site of the
 * inventory, else the only site that has a running lab (`labs`, for lab and verify commands).
 */
export function chooseSite(
  command: string,
  given: readonly string[] | undefined,
  sites: readonly string[],
  labs: readonly string[] = [],
): string {
  if (given && given.length > 1)
    throw new CliError(`${command}: name one site with --site, not ${given.length} (${given.join(', ')})`);
  if (given?.length === 1) return given[0]!;
  if (sites.length === 1) return sites[0]!;
  const withLab = sites.filter((s) => labs.includes(s));
  if (labs.length && withLab.length === 1) return withLab[0]!;
  if (sites.length === 0) throw new CliError(`${command}: the inventory has no site`);
  const running = labs.length ? `; running labs: ${labs.join(', ')}` : '';
  throw new CliError(
    `${command}: the inventory has ${sites.length} sites (${sites.join(', ')})${running}: say which with --site, e.g. --site ${sites[0]}`,
  );
}

/** The lab a lab command is about when no --site, --topology or --name is given: the only one. */
export function chooseLab(command: string, labs: readonly string[]): string | undefined {
  if (labs.length === 1) return labs[0];
  if (labs.length === 0) return undefined;
  throw new CliError(
    `${command}: ${labs.length} labs are running (${labs.join(', ')}): say which with --site or --name, e.g. --name ${labs[0]}`,
  );
}

/**
 * The lab a bare `lab down` removes: the only running lab, and only when it is the lab of a site
 * of this inventory (or of several of its sites in one lab). Removing cannot be undone: a lab started from another folder, or by a test
 * under its own name, is removed only when named.
 */
export function chooseLabToRemove(labs: readonly string[], sites: readonly string[]): string | undefined {
  const lab = chooseLab('lab down', labs);
  if (lab === undefined || sites.includes(lab)) return lab;
  // a lab of several sites of this inventory (`lab up --site a --site b`) is named `a_b`
  const parts = lab.split('_');
  if (parts.length > 1 && parts.every((p) => sites.includes(p))) return lab;
  const sitesOf = sites.length ? `sites: ${sites.join(', ')}` : 'none could be read';
  throw new CliError(
    `lab down: the only lab running here, ${lab}, is not the lab of a site of this inventory (${sitesOf}); to remove it, name it: fabric lab down --name ${lab}`,
  );
}
