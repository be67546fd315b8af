/** `fabric lab exec NODE -- CMD…`: a command inside a node, no shell; exits with its code. */
import { LabError, labExec } from '../../../lab/index.js';
import { once, secondsProblem } from '../../args.js';
import { type LabCli, requiredTarget, type Target } from './common.js';

export function registerLabExec({ lab, command, act }: LabCli): void {
  command(lab, 'exec')
    .description('run a command inside a node: lab exec NODE -- CMD [ARGS...] (no shell)')
    .argument('<node>', 'node name')
    .argument('<command...>', 'command and arguments (after --)')
    .option('-s, --site <name>', 'the lab of this site (default: the only lab running here)', once('--site'))
    .option('--topology <file>', 'the topology file the lab was started from')
    .option('--name <lab>', 'the lab name')
    .option('--timeout <seconds>', 'kill the command after this long', '600')
    .addHelpText(
      'after',
      `
Exit status: the command's own.

Examples:
  fabric lab exec --site idc-a leaf1a -- vtysh -c 'show bgp summary'
  fabric lab exec hv1 -- ovs-vsctl show               # in the only lab running here`,
    )
    .action((node: string, argv: string[], opts: Target & { timeout: string }) =>
      act(async () => {
        const problem = secondsProblem(String(opts.timeout));
        if (problem) throw new LabError(2, [`--timeout: ${problem}`]);
        const timeoutMs = Number(opts.timeout) * 1000;
        const r = await labExec(requiredTarget(opts, 'lab exec'), node, argv, { timeoutMs });
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        return r.code;
      }),
    );
}
