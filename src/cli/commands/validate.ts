/** `fabric validate`: load, check, and report every finding; nothing is written. */
import type { Command } from 'commander';
import { countBySeverity, diagnosticsToJson } from '../../report/diagnostics.js';
import { EXIT, type ExitCode } from '../exit.js';
import { type InventoryOptions, loadOrExit } from '../inventory.js';
import { err, json, out, printDiagnostics } from '../io.js';

export function registerValidate(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('validate')
    .description('check the inventory: schema, references, addresses, ASNs, VRIDs, MTUs, redundancy')
    .option('-s, --site <name...>', 'only these sites')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Exit status: 0 no errors (warnings allowed), 1 findings with errors, 2 unusable inventory.

Examples:
  fabric validate
  fabric validate --site idc-a --json`,
    )
    .action((opts: InventoryOptions, cmd: Command) => run(validate({ ...cmd.optsWithGlobals(), ...opts })));
}

export function validate(opts: InventoryOptions): ExitCode {
  const { model, findings } = loadOrExit(opts);
  const { errors } = countBySeverity(findings);
  const sites = model.sites.map((s) => {
    const mine = findings.filter((f) => f.site === s.name);
    return {
      site: s.name,
      devices: s.devices.length,
      cables: s.cables.length,
      redundancyGroups: s.redundancyGroups.length,
      ...countBySeverity(mine),
    };
  });
  if (opts.json) {
    json({ ok: errors === 0, sites, findings: diagnosticsToJson(findings) });
  } else {
    printDiagnostics(findings, out);
    for (const s of sites) {
      const verdict = s.errors === 0 ? 'ok' : `${s.errors} error${s.errors === 1 ? '' : 's'}`;
      const warn = s.warnings ? `, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '';
      out(
        `${s.site}: ${s.devices} devices, ${s.cables} cables, ${s.redundancyGroups} redundancy groups: ${verdict}${warn}`,
      );
    }
    if (errors) err(`validate: ${errors} error${errors === 1 ? '' : 's'} found`);
  }
  return errors ? EXIT.PROBLEMS : EXIT.OK;
}
