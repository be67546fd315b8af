/**
 * What the model predicts of each failover scenario, shown next to what the lab measures:
 * `fabric whatif`'s verdict on the failure of the target (the device down, with the VMs it hosts,
 * or the cable cut), and where the scenario's budget is set in the inventory (`file:line:col`).
 */
import type { InventoryPath } from '../diagnostics/diagnostic.js';
import type { InventorySource } from '../inventory/files.js';
import { Locator } from '../inventory/locate.js';
import type { FrozenSite } from '../pipeline.js';
import { analyseScenario, baselineOf } from '../whatif/analyse.js';
import { parseFailures } from '../whatif/scenarios.js';
import type { Verdict } from '../whatif/types.js';
import type { Scenario, Target } from './scenarios.js';

export interface WhatifPrediction {
  /** `fabric whatif`'s verdict on the target's failure: survives, degraded, breaks. */
  verdict: Verdict;
  /** What breaks, in whatif's words (empty unless it breaks). */
  breaks: string[];
}

/** The name `fabric whatif --fail` knows the target by: the device, or one end of the cable. */
function whatifName(t: Target): string {
  return t.kind === 'device' ? t.device : `${t.ends[0]!.device}:${t.ends[0]!.interface}`;
}

/** whatif's prediction per target (device or cable name), each target analysed once. */
export function predictTargets(site: FrozenSite, targets: readonly Target[]): Map<string, WhatifPrediction> {
  const out = new Map<string, WhatifPrediction>();
  if (!targets.length) return out;
  const base = baselineOf(site);
  for (const t of targets) {
    const name = t.kind === 'device' ? t.device : t.cable;
    if (out.has(name)) continue;
    const parsed = parseFailures(site, [whatifName(t)]);
    if ('error' in parsed) continue;
    const r = analyseScenario(site, parsed.scenario, base);
    out.set(name, {
      verdict: r.verdict,
      breaks: r.impacts.filter((i) => i.severity === 'breaks').map((i) => `${i.service}: ${i.detail}`),
    });
  }
  return out;
}

/** `file:line:col` of an inventory key of the site, if the inventory has it. */
function locator(
  site: string,
  sources: readonly InventorySource[],
): (path: InventoryPath) => string | undefined {
  const l = new Locator(sources);
  return (path) => {
    const [d] = l.locate([{ code: 'budget', severity: 'warning', message: '', site, path }]);
    return d?.location ? `${d.location.file}:${d.location.line}:${d.location.col}` : undefined;
  };
}

/**
 * The scenarios with whatif's prediction and their budget's location in the inventory (the
 * CLI has the sources at hand); the scenarios themselves are not changed.
 */
export function annotateScenarios(
  site: FrozenSite,
  scenarios: readonly Scenario[],
  sources: readonly InventorySource[],
): Scenario[] {
  const predictions = predictTargets(
    site,
    scenarios.map((s) => s.target),
  );
  const where = locator(site.name, sources);
  return scenarios.map((s) => {
    const location = s.budget.sourcePath ? where(s.budget.sourcePath) : undefined;
    // whatif loses devices and cables; a daemon failing alone on its device is not one of them
    const whatif =
      s.target.kind === 'device' && s.target.part
        ? undefined
        : predictions.get(s.target.kind === 'device' ? s.target.device : s.target.cable);
    return {
      ...s,
      budget: location ? { ...s.budget, location } : s.budget,
      ...(whatif ? { whatif } : {}),
    };
  });
}
