/** Loads and compiles the inventory for a command, turning input errors into exit 2. */
import { type FrozenModel, type PipelineOptions, type PipelineResult, runPipeline } from '../pipeline.js';
import { diagnosticsToJson } from '../report/diagnostics.js';
import { CliError, EXIT } from './exit.js';
import { json, printDiagnostics } from './io.js';
import { chooseSite } from './site-choice.js';

export interface InventoryOptions {
  inventory: string;
  site?: string[];
  json?: boolean;
}

/** For commands that work on one site: its name for messages, and the running labs (lab, verify). */
export interface OneSite {
  command: string;
  labs?: readonly string[];
}

export type LoadedInventory = PipelineResult & { model: NonNullable<PipelineResult['model']> };

/**
 * Runs the pipeline; on unusable input prints every problem and stops with exit 2. With `one`,
 * the model holds exactly one site: the named one, or the only one (see chooseSite).
 */
export function loadOrExit(
  opts: InventoryOptions,
  one?: OneSite,
  pipeline: Omit<PipelineOptions, 'sites'> = {},
): LoadedInventory {
  if (one && (opts.site?.length ?? 0) > 1) chooseSite(one.command, opts.site, []);
  const result = runPipeline(opts.inventory, { ...pipeline, sites: opts.site ?? [] });
  if (result.inputErrors.length || !result.model) {
    if (opts.json) json({ ok: false, inputErrors: diagnosticsToJson(result.inputErrors) });
    else printDiagnostics(result.inputErrors);
    // YAML warnings come along with the errors; the count says how many problems stop the work
    const errors = result.inputErrors.filter((d) => d.severity === 'error').length;
    throw new CliError(
      `${errors} problem${errors === 1 ? '' : 's'} in ${opts.inventory}: nothing was done`,
      EXIT.UNUSABLE,
    );
  }
  const loaded = result as LoadedInventory;
  if (!one || loaded.model.sites.length === 1) return loaded;
  const name = chooseSite(
    one.command,
    opts.site,
    loaded.model.sites.map((s) => s.name),
    one.labs,
  );
  const model: FrozenModel = { sites: loaded.model.sites.filter((s) => s.name === name) };
  const findings = loaded.findings.filter((f) => f.site === undefined || f.site === name);
  return { ...loaded, model, findings };
}
