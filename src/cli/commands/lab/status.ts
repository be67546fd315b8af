/** `fabric lab status`: each node's state, PID, management address and daemons. */
import { labStatus } from '../../../lab/index.js';
import { formatStatus } from '../../../report/lab.js';
import { once } from '../../args.js';
import { type LabCli, requiredTarget, type Target } from './common.js';

export function registerLabStatus({ lab, command, act }: LabCli): void {
  command(lab, 'status')
    .description('show each node: running, PID, management address, daemons')
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Exit status: 0 running, 1 not running or degraded, 2 no such lab.

Examples:
  fabric lab status                                   # the only lab running here
  fabric lab status --site idc-a --json`,
    )
    .action((opts: Target & { json?: boolean }) =>
      act(async () => {
        const status = await labStatus(requiredTarget(opts, 'lab status'));
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
        return status.state === 'running' ? 0 : 1;
      }),
    );
}
