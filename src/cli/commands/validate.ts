/** `fabric validate`: load, check, and report every finding; nothing is written. */
import type { Command } from 'commander';
import { isPhysical, isVirtualNic } from '../../model/cables.js';
import { checkedSecrets } from '../../pipeline.js';
import { describeDeviceCounts, deviceCounts } from '../../report/device-counts.js';
import { countBySeverity, diagnosticsToJson } from '../../report/diagnostics.js';
import { plural } from '../../util/plural.js';
import { EXIT, type ExitCode } from '../exit.js';
import { type InventoryOptions, loadOrExit } from '../inventory.js';
import { err, json, out, printDiagnostics } from '../io.js';

export interface ValidateOptions extends InventoryOptions {
  /** The secrets file; false with --no-secrets (CI without the secrets). */
  secrets?: string | false;
}

export function registerValidate(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('validate')
    .description(
      'check the inventory: schema, references, addresses, ASNs, VRIDs, MTUs, redundancy, and the secrets it uses',
    )
    .option('-s, --site <name...>', 'only these sites')
    .option('--secrets <file>', 'secrets file (YAML name: value); FABRIC_SECRET_<NAME> variables win')
    .option('--no-secrets', 'do not check the secrets (e.g. CI without them; render still needs them)')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Device counts say what they count: configured devices run daemons fabric configures (push
changes them, drift reads them); VMs and the lab's simulated upstreams are not pushed.

Exit status: 0 no errors (warnings allowed), 1 findings with errors, 2 unusable inventory, or a
secret that is missing or invalid (render would refuse it).

Examples:
  fabric validate
  fabric validate --site idc-a --json
  fabric validate --no-secrets                      # in CI, without the secrets`,
    )
    .action((opts: ValidateOptions, cmd: Command) => run(validate({ ...cmd.optsWithGlobals(), ...opts })));
}

export function validate(opts: ValidateOptions): ExitCode {
  const { model, findings, sources } = loadOrExit(opts, undefined, { singlePoints: true });
  const secretProblems =
    opts.secrets === false ? [] : checkedSecrets(model, sources, opts.secrets || undefined).diagnostics;
  const all = [...findings, ...secretProblems];
  const { errors } = countBySeverity(all);
  const sites = model.sites.map((s) => {
    const mine = all.filter((f) => f.site === s.name);
    const counts = deviceCounts(s);
    return {
      site: s.name,
      devices: counts.total,
      configured: counts.configured,
      vms: counts.vms,
      labUpstreams: counts.labUpstreams,
      // cables someone pulls: a VM's NICs are virtual, the lab's simulated internet is none
      cables: s.cables.filter(isPhysical).length,
      virtualNics: s.cables.filter(isVirtualNic).length,
      redundancyGroups: s.redundancyGroups.length,
      ...countBySeverity(mine),
      describe: describeDeviceCounts(counts),
    };
  });
  // a secrets file that cannot be read belongs to no site
  const general = secretProblems.filter((d) => d.site === undefined);
  if (opts.json) {
    json({
      ok: errors === 0,
      sites: sites.map(({ describe: _, ...s }) => s),
      findings: diagnosticsToJson(all),
    });
  } else {
    printDiagnostics(all, out);
    for (const s of sites) {
      const verdict = s.errors === 0 ? 'ok' : plural(s.errors, 'error');
      const warn = s.warnings ? `, ${plural(s.warnings, 'warning')}` : '';
      out(
        `${s.site}: ${s.describe}, ${plural(s.cables, 'cable')}${s.virtualNics ? ` (+ ${plural(s.virtualNics, 'virtual NIC')})` : ''}, ${plural(s.redundancyGroups, 'redundancy group')}: ${verdict}${warn}`,
      );
    }
    if (general.length) out(`secrets: ${general.length} error${general.length === 1 ? '' : 's'}`);
    // findings of no site (the fabric-wide gslb section), which no site's line counts
    const fabricWide = countBySeverity(findings.filter((f) => f.site === undefined));
    if (fabricWide.errors || fabricWide.warnings)
      out(
        `fabric-wide (gslb): ${fabricWide.errors ? plural(fabricWide.errors, 'error') : 'ok'}${fabricWide.warnings ? `, ${plural(fabricWide.warnings, 'warning')}` : ''}`,
      );
    if (errors) err(`validate: ${errors} error${errors === 1 ? '' : 's'} found`);
  }
  if (secretProblems.length) return EXIT.UNUSABLE;
  return errors ? EXIT.PROBLEMS : EXIT.OK;
}
