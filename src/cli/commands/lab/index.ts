/**
 * `fabric lab export|up|down|status|exec|failover`: the lab runtime (src/lab) on the command line.
 * Exit codes: 0 ok; 1 the command ran and found problems (a node did not boot, a daemon is
 * down, the lab is not running); 2 unusable input or arguments, or missing requirements
 * (nothing was touched). `lab exec` exits with the command's own code.
 */
import type { Command } from 'commander';
import { registerFailoverCommand } from '../../../failover/cli.js';
import { type ExitCodeSink, labCli } from './common.js';
import { registerLabDown } from './down.js';
import { registerLabExec } from './exec.js';
import { registerLabExport } from './export.js';
import { registerLabStatus } from './status.js';
import { registerLabUp } from './up.js';

export function registerLabCommands(program: Command, run?: ExitCodeSink): Command {
  const cli = labCli(program, run);
  registerLabExport(cli);
  registerLabUp(cli);
  registerLabDown(cli);
  registerLabStatus(cli);
  registerLabExec(cli);
  registerFailoverCommand(cli.command(cli.lab, 'failover'), cli.act);
  return cli.lab;
}
