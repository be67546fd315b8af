/** Loads and compiles the inventory for a command, turning input errors into exit 2. */
import { type PipelineResult, runPipeline } from '../pipeline.js';
import { diagnosticsToJson } from '../report/diagnostics.js';
import { CliError, EXIT } from './exit.js';
import { json, printDiagnostics } from './io.js';

export interface InventoryOptions {
  inventory: string;
  site?: string[];
  json?: boolean;
}

/** Runs the pipeline; on unusable input prints every problem and stops with exit 2. */
export function loadOrExit(
  opts: InventoryOptions,
): PipelineResult & { model: NonNullable<PipelineResult['model']> } {
  const result = runPipeline(opts.inventory, { sites: opts.site ?? [] });
  if (result.inputErrors.length || !result.model) {
    if (opts.json) json({ ok: false, inputErrors: diagnosticsToJson(result.inputErrors) });
    else printDiagnostics(result.inputErrors);
    throw new CliError(
      `${result.inputErrors.length} problem${result.inputErrors.length === 1 ? '' : 's'} in ${opts.inventory}: nothing was done`,
      EXIT.UNUSABLE,
    );
  }
  return result as PipelineResult & { model: NonNullable<PipelineResult['model']> };
}
