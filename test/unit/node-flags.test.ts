/**
 * GIVEN the command line of `fabric` (src/cli/node-flags.ts)
 * WHEN it decides whether to start again with the V8 flags `fabric render` needs
 * THEN only a render is started again, once, and never over a semi-space size the user chose.
 */
import { describe, expect, it } from 'vitest';
import { commandOf, NODE_FLAGS, needsRelaunch } from '../../src/cli/node-flags.js';
import { runFabric } from '../support/cli.js';

describe('node flags (src/cli/node-flags.ts)', () => {
  it('GIVEN global options before the command WHEN read THEN the command word is found', () => {
    expect(commandOf(['render', '--out', 'x'])).toBe('render');
    expect(commandOf(['-i', 'inv', 'render'])).toBe('render');
    expect(commandOf(['--inventory', 'render', 'validate'])).toBe('validate');
    expect(commandOf(['--inventory=inv', 'show'])).toBe('show');
    expect(commandOf(['--version'])).toBeUndefined();
    expect(commandOf([])).toBeUndefined();
  });

  it('GIVEN a command WHEN it runs without the flags THEN only render is started again', () => {
    expect(needsRelaunch('render', [], '')).toBe(true);
    expect(needsRelaunch('validate', [], '')).toBe(false);
    expect(needsRelaunch('lab', [], '')).toBe(false);
    expect(needsRelaunch(undefined, [], '')).toBe(false);
  });

  it('GIVEN the flags or a chosen semi-space size WHEN render starts THEN it is not started again', () => {
    expect(needsRelaunch('render', [...NODE_FLAGS], '')).toBe(false);
    expect(needsRelaunch('render', ['--max-semi-space-size=16'], '')).toBe(false);
    expect(needsRelaunch('render', [], '--max-semi-space-size=32')).toBe(false);
  });

  it('GIVEN `node bin/fabric.js render` WHEN it fails THEN the exit status and messages are the command’s', async () => {
    const r = await runFabric(['-i', 'no-such-folder', 'render', '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inventory folder no-such-folder does not exist/);
  });
});
