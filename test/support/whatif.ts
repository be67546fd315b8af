/** Helpers of the whatif tests. */
import type { ScenarioResult, WhatifReport } from '../../src/whatif/types.js';

/** The result of the scenario `name` in a report, or a test error naming it. */
export function scenarioResult(report: WhatifReport, name: string): ScenarioResult {
  const r = report.results.find((x) => x.scenario.name === name);
  if (!r) throw new Error(`no scenario ${name}`);
  return r;
}
