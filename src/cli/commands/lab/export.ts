/**
 * `fabric lab export`: a site's containerlab topology, its configs rendered first; with several
 * `--site`, the sites in one lab with their shared internet (./sites.ts).
 */
import type { Command } from 'commander';
import { LabError } from '../../../lab/index.js';
import { siteList } from '../../args.js';
import type { LabCli, SiteFlags } from './common.js';
import { exportSiteLab } from './site.js';
import { exportSharedLab } from './sites.js';

export function registerLabExport({ lab, command, act }: LabCli): void {
  command(lab, 'export')
    .description("write a site's containerlab topology (lab/<site>.clab.yml), rendering its configs first")
    .option(
      '-s, --site <name>',
      'the site (default: the only site of the inventory); repeat it for several sites in one lab',
      siteList,
    )
    .option(
      '-o, --output <file>',
      'topology file (default: lab/<site>.clab.yml, lab/<site>_<site>.clab.yml)',
      undefined,
    )
    .option('--name <lab>', 'with several sites: the lab name (default: the sites joined by _)')
    .option('--out <dir>', 'rendered configs folder', 'out')
    .option('--secrets <file>', 'secrets file')
    .option('--empty', 'nodes boot with distribution defaults, for a first `fabric push`')
    .addHelpText(
      'after',
      `
Examples:
  fabric lab export --site idc-a                      # lab/idc-a.clab.yml, configs in out/idc-a
  fabric lab export --site idc-a --output /tmp/idc-a.clab.yml && containerlab deploy -t /tmp/idc-a.clab.yml
  fabric lab export --site aa-a --site aa-b          # lab/aa-a_aa-b.clab.yml, the internet in out/aa-a_aa-b`,
    )
    .action((opts: SiteFlags & { site?: string[]; output?: string; name?: string }, cmd: Command) =>
      act(async () => {
        const flags = { ...(cmd.optsWithGlobals() as SiteFlags), ...opts };
        const sites = opts.site ?? [];
        if (opts.name !== undefined && sites.length < 2)
          throw new LabError(2, [
            'lab export: --name names a lab of several sites (--site A --site B); a site’s lab is named after it',
          ]);
        const file = sites.length > 1 ? exportSharedLab(sites, flags) : exportSiteLab(sites[0], flags);
        process.stdout.write(`${file}: containerlab topology${opts.empty ? ' (empty)' : ''}\n`);
        return 0;
      }),
    );
}
