/** Report files named on the command line (--junit, --output, --state): folders made, errors said. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/exit.js';
import { writeReportFile } from '../../src/cli/io.js';
import { tempDir } from '../support/tmp.js';

describe('writeReportFile', () => {
  it('GIVEN a path in folders that do not exist yet THEN they are made and the file written', () => {
    const file = join(tempDir(), 'reports', 'ci', 'verify.xml');
    writeReportFile(file, '<testsuites/>\n');
    expect(readFileSync(file, 'utf8')).toBe('<testsuites/>\n');
  });

  it('GIVEN a path under a regular file THEN a CliError naming the file and why (exit 2), no temporary left', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const file = join(blocker, 'verify.xml');
    expect(() => writeReportFile(file, 'x')).toThrowError(CliError);
    expect(() => writeReportFile(file, 'x')).toThrowError(`cannot write ${file}: ENOTDIR`);
  });
});
