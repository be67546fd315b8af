/**
 * A render killed outright (SIGKILL) leaves `.<site>.tmp-<pid>` or `.<site>.old-<pid>` beside the
 * site's folder (found by a trial: later renders never removed them). The next replacement
 * removes those of processes that are gone, and leaves a running process's alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceDirAtomically } from '../../src/util/replace-dir.js';
import { tempDir } from '../support/tmp.js';

const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
afterAll(() => {
  sleeper.kill('SIGKILL');
});

describe('GIVEN the leftovers of a killed render beside a site folder', () => {
  it('WHEN the folder is replaced THEN the dead processes’ leftovers are gone, a running one’s stays, the new content is in place', () => {
    const out = tempDir();
    const gone = spawnSync('true').pid!;
    for (const left of [
      `.idc-a.tmp-${gone}`,
      `.idc-a.old-${gone}`,
      `.idc-a.tmp-${sleeper.pid}`,
      `.idc-ab.tmp-${gone}`,
    ])
      mkdirSync(join(out, left));
    replaceDirAtomically(out, 'idc-a', (tmp) => writeFileSync(join(tmp, 'manifest.json'), '{}'));
    expect(readdirSync(out).sort()).toEqual([`.idc-a.tmp-${sleeper.pid}`, `.idc-ab.tmp-${gone}`, 'idc-a']);
    expect(readFileSync(join(out, 'idc-a', 'manifest.json'), 'utf8')).toBe('{}');
    expect(existsSync(join(out, `.idc-a.old-${process.pid}`))).toBe(false);
  });
});
