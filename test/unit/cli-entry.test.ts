/**
 * `node dist/cli/main.js …` runs the CLI as bin/fabric.js does (it did nothing, exit 0, when
 * main() was called from bin/fabric.js only); importing the module, as the tests do, runs nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEntryPoint } from '../../src/cli/main.js';
import { FABRIC, REPO } from '../support/cli.js';

const MAIN = join(REPO, 'dist', 'cli', 'main.js');

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('dist/cli/main.js as the script', () => {
  it('GIVEN validate THEN the same output and exit status as bin/fabric.js', () => {
    const direct = run(MAIN, ['validate', '--no-secrets']);
    const bin = run(FABRIC, ['validate', '--no-secrets']);
    expect(direct.stdout).toContain('idc-a: ');
    expect(direct.stdout).toBe(bin.stdout);
    expect(direct.status).toBe(bin.status);
  });

  it('GIVEN an inventory that is not there THEN exit 2 with the message, not silence', () => {
    const r = run(MAIN, ['-i', join(REPO, 'no-such-folder'), 'validate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fabric: /m);
  });

  it('GIVEN the module imported (bin/fabric.js, the tests) THEN it is not the entry point', () => {
    expect(isEntryPoint(pathToFileURL(MAIN).href, FABRIC)).toBe(false);
    expect(isEntryPoint(pathToFileURL(MAIN).href, MAIN)).toBe(true);
    expect(isEntryPoint(pathToFileURL(MAIN).href, undefined)).toBe(false);
  });
});
