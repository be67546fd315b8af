#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { commandOf, relaunchWithNodeFlags } from '../dist/cli/node-flags.js';

// `fabric render` runs in a Node started with the V8 flags it needs (src/cli/node-flags.ts)
const relaunched = relaunchWithNodeFlags(commandOf(process.argv.slice(2)));
if (relaunched) process.exitCode = await relaunched;
else {
  const { main } = await import('../dist/cli/main.js');

  // `fabric show | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });

  process.exitCode = await main(process.argv);
}
