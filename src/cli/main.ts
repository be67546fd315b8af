/**
 * The `fabric` command line. Every command returns an exit code (see exit.ts); user errors are
 * printed as one clear message, never as a stack trace.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { optionTakenAsValue } from './args.js';
import { registerDocs } from './commands/docs.js';
import { registerDrift } from './commands/drift.js';
import { registerLabCommands } from './commands/lab/index.js';
import { registerPush } from './commands/push.js';
import { registerRender } from './commands/render.js';
import { registerShow } from './commands/show.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { registerWhatif } from './commands/whatif.js';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { err, out, printedResult } from './io.js';
import { jsonFormatConflict, repeatedOption, watchRepeats } from './repeats.js';
import { version } from './version.js';

export function buildProgram(run: (code: Promise<ExitCode> | ExitCode) => void): Command {
  const program = new Command('fabric')
    .description(
      'Network fabric controller: one inventory compiled into FRR, keepalived, HAProxy and OVS configs, ' +
        'pushed without taking down both halves of a pair, verified in a lab, watched for drift.',
    )
    .version(version(), '-V, --version')
    .addOption(
      new Option('-i, --inventory <dir>', 'inventory folder (*.yaml)')
        .default('inventory')
        .env('FABRIC_INVENTORY'),
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .hook('preAction', (_program, action) => {
      const problem = optionTakenAsValue(action) ?? repeatedOption(action) ?? jsonFormatConflict(action);
      if (problem) throw new CliError(`${action.name()}: ${problem}`);
    })
    .addHelpText(
      'after',
      `
Exit status (all commands): 0 ok, 1 the command ran and found problems, 2 unusable input or arguments.

An option given twice adds up where that has a meaning (--site of the commands that take several
sites, --only, --fail, --identity: each says so); any other option given twice with two values,
or --json beside another --format, is an exit-2 error, never the last one silently.

Examples:
  fabric validate                                   # check the inventory
  fabric render && fabric push --site idc-a         # the daily loop
  fabric lab up --site idc-a && fabric verify --site idc-a
  fabric drift --site idc-a --format prometheus     # for the NOC
  fabric whatif --site idc-a                        # what each single failure costs
  fabric docs --site idc-a                          # the site as people read it`,
    );
  registerValidate(program, run);
  registerRender(program, run);
  registerShow(program, run);
  registerLabCommands(program, (code) => run(code as Promise<ExitCode>));
  registerVerify(program, run);
  registerDrift(program, run);
  registerPush(program, run);
  registerWhatif(program, run);
  registerDocs(program, run);
  watchRepeats(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let pending: Promise<ExitCode> | ExitCode = EXIT.OK;
  const program = buildProgram((code) => {
    pending = code;
  });
  try {
    await program.parseAsync(argv);
    return await pending;
  } catch (e) {
    // --json promises one JSON document on stdout, also when the command stops before its own
    if (e instanceof CliError && wantsJson(argv) && !printedResult())
      out(JSON.stringify({ ok: false, error: e.message }, null, 2));
    return exitCodeOf(e);
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--'); // what follows `--` belongs to another program (lab exec)
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

function exitCodeOf(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help, `help` and --version exit 0; a missing command (`fabric`, `fabric lab`) prints the
    // help too, but as a usage error (commander gives it exit code 1)
    if (
      ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code) &&
      e.exitCode === 0
    )
      return EXIT.OK;
    return EXIT.UNUSABLE; // commander has already printed what was wrong
  }
  if (e instanceof CliError) {
    err(`fabric: ${e.message}`);
    return e.exitCode;
  }
  // A bug, not a user error: say so briefly, with the detail only on request.
  err(`fabric: internal error: ${(e as Error).message ?? e}`);
  if (process.env.FABRIC_DEBUG) err((e as Error).stack ?? '');
  else err('(set FABRIC_DEBUG=1 for the stack trace, and please report it)');
  return 70;
}

/** Whether this module is the script Node was started with (`node dist/cli/main.js …`). */
export function isEntryPoint(url: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

// `node dist/cli/main.js validate` runs the CLI as bin/fabric.js does (its V8 flags for render,
// a reader closing the pipe early): that script is the one entry point, this module only exports
// main. Not awaited: bin/fabric.js imports this module, which must finish loading first.
if (isEntryPoint(import.meta.url))
  import(new URL('../../bin/fabric.js', import.meta.url).href).catch((e: unknown) => {
    process.stderr.write(`fabric: cannot start bin/fabric.js: ${(e as Error).message}\n`);
    process.exitCode = 70;
  });
