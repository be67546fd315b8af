/**
 * The render stage for a command: load (or stop), then `renderStage` (src/pipeline.ts); any
 * problem is printed and stops the command, in the command's words.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type FrozenModel, type PipelineResult, renderStage } from '../pipeline.js';
import { Redactor, type SecretStore } from '../render/secrets.js';
import type { RenderedWithManifest } from '../render/stage.js';
import { countBySeverity, diagnosticsToJson } from '../report/diagnostics.js';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { type InventoryOptions, loadOrExit } from './inventory.js';
import { json, printDiagnostics } from './io.js';
import { generator } from './version.js';

/** Who renders, for the messages of renderAll: a problem stops the command, and means this. */
export interface RenderPurpose {
  command: string;
  /** What a problem means for the command: "nothing was written". */
  consequence: string;
  /** The exit code when the checks find errors in the inventory. */
  findingsExit: ExitCode;
  /** The command works on one site: the named one or the only one (see chooseSite). */
  oneSite?: boolean;
}

const WRITING: RenderPurpose = {
  command: 'render',
  consequence: 'nothing was written',
  findingsExit: EXIT.PROBLEMS,
};

/**
 * Renders every selected site in memory: load, check, secrets, templates. Any problem is printed
 * and stops the command with a CliError (`fabric render` writes nothing, `fabric drift` has no
 * intent to compare with). The secret store is returned for secrets a command resolves itself
 * (drift's SNMP credentials); the redactor masks every secret rendering resolved.
 */
export function renderAll(
  opts: InventoryOptions & { secrets?: string; json?: boolean },
  purpose: RenderPurpose = WRITING,
): {
  rendered: RenderedWithManifest[];
  findings: Diagnostic[];
  model: FrozenModel;
  store: SecretStore;
  redactor: Redactor;
  /** The inventory's files, to locate diagnostics a command finds after compile. */
  sources: PipelineResult['sources'];
} {
  const { command, consequence } = purpose;
  const { model, findings, sources } = loadOrExit(opts, purpose.oneSite ? { command } : undefined);
  const { errors } = countBySeverity(findings);
  if (errors) {
    if (opts.json) json({ ok: false, findings: diagnosticsToJson(findings) });
    else printDiagnostics(findings);
    throw new CliError(
      `${command}: ${errors} error${errors === 1 ? '' : 's'} in the inventory; ${consequence}`,
      purpose.findingsExit,
    );
  }
  // with --json every stop still leaves one JSON document on stdout, with its diagnostics
  const report = (diagnostics: readonly Diagnostic[]) =>
    opts.json
      ? json({ ok: false, findings: diagnosticsToJson([...findings, ...diagnostics]) })
      : printDiagnostics(diagnostics);
  const result = renderStage(model, sources, opts.secrets, generator());
  if (result.stage === 'secrets') {
    report(result.diagnostics);
    if (!result.store) throw new CliError(`${command}: the secrets cannot be read; ${consequence}`);
    const n = result.diagnostics.length;
    throw new CliError(`${command}: ${n} secret${n === 1 ? '' : 's'} missing or invalid; ${consequence}`);
  }
  if (result.stage === 'render') {
    report(result.diagnostics);
    const n = result.diagnostics.length;
    throw new CliError(`${command}: ${n} problem${n === 1 ? '' : 's'}; ${consequence}`);
  }
  return {
    rendered: result.rendered,
    findings,
    model,
    store: result.store,
    redactor: new Redactor(result.store.resolvedValues()),
    sources,
  };
}
