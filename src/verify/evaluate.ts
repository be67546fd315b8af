/**
 * Checks one expectation against what the devices show, by its kind's module (checks/). Reading
 * is shared through an observation round; every result says in words what was seen, so a failure
 * names the device, the neighbor, the prefix or the VIP that is wrong.
 */
import type { ObservationRound } from '../observe/runner.js';
import { type Expectation, specOf } from './checks/index.js';
import { type CheckIndex, type CheckResult, type ExpectationBase, fail } from './checks/spec.js';

export type { CheckResult } from './checks/spec.js';

export async function evaluate<E extends ExpectationBase = Expectation>(
  e: E,
  round: ObservationRound,
  index?: CheckIndex<E>,
): Promise<CheckResult> {
  const spec = specOf(e, index);
  if (!spec) return fail(`no check kind ${e.kind} in the index`);
  return spec.evaluate(e, round);
}
