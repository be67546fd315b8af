/** shellQuote: whatever the value, a POSIX shell reads back exactly that value (checked with /bin/sh). */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from '../../src/util/shell.js';

const throughShell = (script: string) => spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).stdout;

// the characters a shell cares about, so most generated strings need quoting
const shellish = fc.string({
  unit: fc.constantFrom(
    "'",
    '"',
    '\\',
    '$',
    '`',
    '\n',
    '\t',
    ' ',
    '!',
    '*',
    '?',
    '~',
    '#',
    ';',
    '&',
    '|',
    '(',
    'a',
    'é',
  ),
  maxLength: 30,
});

describe('shellQuote', () => {
  it('GIVEN safe words THEN they stay bare; anything else is single-quoted', () => {
    expect(shellQuote('/etc/frr/frr.conf')).toBe('/etc/frr/frr.conf');
    expect(shellQuote('a=b,c:d@e%f+g')).toBe('a=b,c:d@e%f+g');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('two words')).toBe("'two words'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(reboot)')).toBe("'$(reboot)'");
    expect(shellCommand('install', '-m', '0640', 'a b', '/etc/x')).toBe("install -m 0640 'a b' /etc/x");
  });

  it('GIVEN any string THEN sh prints it back unchanged', () => {
    fc.assert(
      // argv cannot hold NUL
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), shellish).filter((v) => !v.includes('\0')),
        (value) => {
          expect(throughShell(`printf %s ${shellQuote(value)}`)).toBe(value);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('GIVEN hostile values THEN nothing outside the quotes runs', () => {
    for (const v of ["'; echo pwned; '", '`echo pwned`', '$(echo pwned)', 'a\nb', '\\', "'"])
      expect(throughShell(`printf %s ${shellQuote(v)}`)).toBe(v);
  });
});
