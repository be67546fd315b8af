/** Loads and compiles the inventory for a command, turning input errors into exit 2. */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type FrozenModel, type PipelineOptions, type PipelineResult, runPipeline } from '../pipeline.js';
import { diagnosticsToJson } from '../report/diagnostics.js';
import { plural } from '../util/plural.js';
import { CliError, EXIT } from './exit.js';
import { err, json, printDiagnostics } from './io.js';
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

/**
 * For the commands that go on with an inventory the checks find errors in (whatif analyses its
 * model, verify and lab failover check the lab against it): the errors, printed first on stderr
 * (`doing`: "analysing its model anyway"). They still decide the exit status (1) as in validate:
 * each code gives one exit status whatever the command (README, "Exit status").
 */
export function errorsGoingOn(command: string, findings: readonly Diagnostic[], doing: string): Diagnostic[] {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    err(`${command}: the inventory has findings; ${doing}:`);
    printDiagnostics(errors);
  }
  return errors;
}

/** The last line for those errors: `whatif: 1 error in the inventory (duplicate-address above), …`. */
export function errorsLine(command: string, errors: readonly Diagnostic[]): string {
  const codes = [...new Set(errors.map((f) => f.code))].join(', ');
  return `${command}: ${plural(errors.length, 'error')} in the inventory (${codes} above), as fabric validate reports them`;
}

/** A command's JSON document with those errors (`findings`, as validate's): not ok if there is one. */
export function withErrors(doc: unknown, errors: readonly Diagnostic[]): unknown {
  return errors.length ? { ...(doc as object), ok: false, findings: diagnosticsToJson(errors) } : doc;
}
