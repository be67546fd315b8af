/** `fabric lab export`: a site's containerlab topology, its configs rendered first. */
import type { Command } from 'commander';
import { once } from '../../args.js';
import type { LabCli, SiteFlags } from './common.js';
import { exportSiteLab } from './site.js';

export function registerLabExport({ lab, command, act }: LabCli): void {
  command(lab, 'export')
    .description("write a site's containerlab topology (lab/<site>.clab.yml), rendering its configs first")
    .option('-s, --site <name>', 'the site (default: the only site of the inventory)', once('--site'))
    .option('-o, --output <file>', 'topology file (default: lab/<site>.clab.yml)', undefined)
    .option('--out <dir>', 'rendered configs folder', 'out')
    .option('--secrets <file>', 'secrets file')
    .option('--empty', 'nodes boot with distribution defaults, for a first `fabric push`')
    .addHelpText(
      'after',
      `
Examples:
  fabric lab export --site idc-a                      # lab/idc-a.clab.yml, configs in out/idc-a
  fabric lab export --site idc-a --output /tmp/idc-a.clab.yml && containerlab deploy -t /tmp/idc-a.clab.yml`,
    )
    .action((opts: SiteFlags & { site?: string; output?: string }, cmd: Command) =>
      act(async () => {
        const file = exportSiteLab(opts.site, { ...(cmd.optsWithGlobals() as SiteFlags), ...opts });
        process.stdout.write(`${file}: containerlab topology${opts.empty ? ' (empty)' : ''}\n`);
        return 0;
      }),
    );
}
