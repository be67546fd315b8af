/** `fabric lab down`: stop a lab and remove everything it created. */
import type { Command } from 'commander';
import { labDown } from '../../../lab/index.js';
import { ProgressDisplay } from '../../../report/lab.js';
import { labDownJson, labDownText } from '../../../report/lab-down.js';
import { once } from '../../args.js';
import { chooseLabToRemove, runningLabs } from '../../site-choice.js';
import { inventorySites, type LabCli, type SiteFlags, type Target } from './common.js';

export function registerLabDown({ lab, command, act }: LabCli): void {
  command(lab, 'down')
    .description(
      'stop a lab and remove its namespaces, links and node layers (harmless if it is not running)',
    )
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('-v, --verbose', 'list everything removed, not only how many of each kind')
    .option('--json', 'what was removed, by kind, as JSON')
    .addHelpText(
      'after',
      `
Without --site, --topology or --name: the only lab running here, if it is the lab of a site
of the inventory (a lab started elsewhere is removed only when named).

Examples:
  fabric lab down --site idc-a
  fabric lab down --verbose                           # every namespace, link and process removed`,
    )
    .action((opts: Target & { verbose?: boolean; json?: boolean }, cmd: Command) =>
      act(async () => {
        const named = opts.name ?? opts.site ?? opts.topology;
        const lab =
          named ??
          chooseLabToRemove(runningLabs(), inventorySites((cmd.optsWithGlobals() as SiteFlags).inventory));
        if (!lab) {
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(labDownJson('', []))}\n`
              : 'no lab is running here: nothing to remove\n',
          );
          return 0;
        }
        const progress = new ProgressDisplay(process.stderr);
        const { removed } = await labDown(lab, { onProgress: progress.onProgress });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(labDownJson(lab, removed), null, 2)}\n`
            : labDownText(lab, removed, opts.verbose),
        );
        return 0;
      }),
    );
}
