/**
 * `fabric lab failover --site S --name <lab of several sites> --site-loss [parts]`: S's losses,
 * measured from a client on the internet side (src/failover/site-loss.ts). Exit 0 every scenario
 * passed; 1 one failed, or the lab did not converge; 2 not a lab of several sites, a part that does
 * not exist, or a site sharing no service.
 */
import { tmpdir } from 'node:os';
import { nameList } from '../cli/args.js';
import { CliError } from '../cli/exit.js';
import { type InventoryOptions, loadOrExit } from '../cli/inventory.js';
import { siteInLab } from '../cli/lab-sites.js';
import { DEFAULT_STATE_ROOT, stateDirOf } from '../lab/index.js';
import { NODE_FILES } from '../lab/runtime/node-files.js';
import { waitConverged } from '../verify/converge.js';
import { restoreAll } from './faults.js';
import { FaultJournal } from './journal.js';
import {
  runSiteLoss,
  SITE_LOSS_PARTS,
  type SiteLossPart,
  siteLossScenarios,
  siteLossText,
} from './site-loss.js';
import type { SiteLossResult } from './site-loss-judge.js';

export { SITE_LOSS_PARTS };

interface SiteLossFlags extends Omit<InventoryOptions, 'site'> {
  site?: string;
  name?: string;
  list?: boolean;
  json?: boolean;
  convergeTimeout: string;
  siteLoss?: string | boolean;
}

const err = (line: string) => process.stderr.write(`${line}\n`);

function partsOf(value: string | boolean | undefined): SiteLossPart[] {
  if (value === undefined || value === true || value === '') return [...SITE_LOSS_PARTS];
  const asked = nameList(String(value), []);
  const bad = asked.filter((p) => !(SITE_LOSS_PARTS as readonly string[]).includes(p));
  if (bad.length)
    throw new CliError(
      `lab failover: unknown --site-loss part ${bad.join(', ')}; choose from ${SITE_LOSS_PARTS.join(', ')}`,
    );
  return asked as SiteLossPart[];
}

export async function siteLossCommand(flags: SiteLossFlags): Promise<number> {
  const parts = partsOf(flags.siteLoss);
  const convergeSeconds = Number(flags.convergeTimeout);
  if (!Number.isFinite(convergeSeconds) || convergeSeconds <= 0)
    throw new CliError(
      `lab failover: --converge-timeout "${flags.convergeTimeout}" is not a number of seconds`,
    );
  if (!flags.site) throw new CliError('lab failover --site-loss: name the site to lose (--site)');
  const lab = flags.name;
  if (!lab) throw new CliError('lab failover --site-loss: name the lab of several sites (--name)');
  const view = await siteInLab(lab, flags.site);
  const names = view.siteNames;
  if (names.length < 2 || !names.includes(flags.site))
    throw new CliError(
      `lab failover --site-loss: lab ${lab} runs ${names.length ? `site ${names.join(', ')}` : 'no labelled site'}; a site's loss needs the lab of it and the sites that share its services (\`fabric lab up --site ${flags.site} --site <other>\`)`,
    );
  const { model } = loadOrExit({ inventory: flags.inventory, site: names, json: flags.json }, undefined);
  const scenarios = siteLossScenarios(model, flags.site, parts);
  if (!scenarios.length)
    throw new CliError(
      `lab failover --site-loss: ${flags.site} shares no gslb service with another site of lab ${lab} (or none of ${parts.join(', ')} has a device): nothing to lose`,
    );
  if (flags.list) {
    process.stdout.write(
      flags.json
        ? `${JSON.stringify({ site: flags.site, lab, scenarios }, null, 2)}\n`
        : `${scenarios.map((s) => `${s.id}  ${s.what}  (${s.services.map((x) => x.fqdn).join(', ')})`).join('\n')}\n`,
    );
    return 0;
  }
  const journal = new FaultJournal(stateDirOf(DEFAULT_STATE_ROOT, lab));
  const sites = model.sites;
  const converged = async () => {
    for (const s of sites) {
      const down = await waitConverged(s, lab, convergeSeconds, () => {}, sites);
      if (down.length) {
        err(
          `lab failover: ${s.name} in lab ${lab} has not converged (${down.length} verify check(s) fail), e.g.:`,
        );
        for (const d of down.slice(0, 5)) err(`  ${d}`);
        return false;
      }
    }
    return true;
  };
  err(
    `lab failover: ${scenarios.length} site-level scenario(s) of ${flags.site}; checking that ${lab} has converged`,
  );
  if (!(await converged())) return 1;
  const results: SiteLossResult[] = [];
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  try {
    for (const s of scenarios) {
      err(`lab failover: ${s.id}`);
      results.push(
        await runSiteLoss(s, {
          lab,
          run,
          journal,
          netnsOfDevice: view.netnsOf,
          netnsOfNode: view.netnsOfNode,
          scratch: tmpdir(),
          clientScript: NODE_FILES.gslbClient,
          progress: err,
        }),
      );
      if (!(await converged())) break;
    }
  } finally {
    const { problems } = await restoreAll(lab, journal);
    for (const p of problems) err(`NOT undone: ${p}`);
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify({ site: flags.site, lab, results }, null, 2)}\n` : siteLossText(results),
  );
  return results.length === scenarios.length && results.every((r) => r.verdict === 'pass') ? 0 : 1;
}
