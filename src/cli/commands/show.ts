/** `fabric show`: the device table, redundancy groups and IP plan people read before a change. */
import type { Command } from 'commander';
import { bgpAsn } from '../../daemons/frr/index.js';
import type { FrozenSite } from '../../pipeline.js';
import { countBySeverity, diagnosticsToJson } from '../../report/diagnostics.js';
import { table } from '../../report/table.js';
import { EXIT, type ExitCode } from '../exit.js';
import { type InventoryOptions, loadOrExit } from '../inventory.js';
import { json, out, printDiagnostics } from '../io.js';

export function registerShow(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('show')
    .description(
      'print the compiled model: devices, redundancy groups and the IP plan (--json: the whole model)',
    )
    .option('-s, --site <name...>', 'only these sites')
    .option('--json', 'the compiled model as JSON (every address, ASN, neighbor and VRID)')
    .addHelpText(
      'after',
      `
The findings of the checks are printed with the model (--json: in "findings").

Exit status: 0 ok, 1 the checks found errors (the model is still shown), 2 unusable inventory.

Examples:
  fabric show --site idc-a
  fabric show --json | jq '.sites[0].devices[] | select(.role=="leaf") | .frr.routerBgp.asn'`,
    )
    .action((opts: InventoryOptions, cmd: Command) => run(show({ ...cmd.optsWithGlobals(), ...opts })));
}

/**
 * The model is shown even when the checks find errors (it helps to see them), but the findings
 * are shown with it and decide the exit status, as in validate: one code, one exit status.
 */
export function show(opts: InventoryOptions): ExitCode {
  const { model, findings } = loadOrExit(opts);
  const status = countBySeverity(findings).errors ? EXIT.PROBLEMS : EXIT.OK;
  if (opts.json) {
    json({ ...model, findings: diagnosticsToJson(findings) });
    return status;
  }
  printDiagnostics(findings);
  model.sites.forEach((site, i) => {
    if (i) out();
    printSite(site);
  });
  return status;
}

function printSite(site: FrozenSite): void {
  out(`site ${site.name}${site.description ? `: ${site.description}` : ''}`);
  out(`management ${site.mgmt.subnet} (gateway ${site.mgmt.gateway})`);
  out();
  out(
    table(
      ['DEVICE', 'ROLE', 'ID', 'RACK', 'HOST', 'MGMT', 'LOOPBACK', 'ASN', 'DAEMONS'],
      site.devices.map((d) => [
        d.name,
        d.managed ? d.role : `${d.role} (lab)`,
        d.id,
        d.rack || '-',
        d.hostedOn ?? '-',
        d.mgmt.address,
        loopbackOf(d),
        // a Kubernetes node's AS is its cluster's, spoken by its speaker, not by an FRR of ours
        bgpAsn(d) ?? ('asn' in d ? d.asn : null) ?? '-',
        d.daemons.join(',') || '-',
      ]),
    ),
  );
  out();
  out(
    table(
      ['REDUNDANCY GROUP', 'KIND', 'MEMBERS', 'AT ONCE', 'WHY'],
      site.redundancyGroups.map((g) => [g.name, g.kind, g.members.join(','), g.maxUnavailable, g.reason]),
    ),
  );
  out();
  out(
    table(
      ['FAILURE OF', 'KIND', 'WORST CASE', 'BUDGET', 'MET', 'TIMERS'],
      site.budgets.map((b) => [
        b.subject,
        b.kind,
        b.budgetMs === null
          ? `${b.expectedFailedRequests ?? 'any'} failed requests`
          : `${b.expectedOutageMs} ms`,
        b.budgetMs === null ? `${b.budgetFailedRequests} failed requests` : `${b.budgetMs} ms`,
        b.met ? 'yes' : 'NO',
        Object.entries(b.timers)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      ]),
    ),
  );
  out();
  out(
    table(
      ['PREFIX', 'KIND', 'DEVICE', 'INTERFACE', 'WHAT'],
      site.ipPlan.map((e) => [e.prefix, e.kind, e.device ?? '-', e.interface ?? '-', e.description]),
    ),
  );
}

function loopbackOf(d: FrozenSite['devices'][number]): string {
  const a = d.interfaces.find((i) => i.kind === 'loopback')?.addresses.find((x) => x.family === 'ipv4');
  return a ? `${a.address}/${a.prefixLength}` : '-';
}
