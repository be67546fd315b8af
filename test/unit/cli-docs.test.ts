/** `fabric docs` as a user runs it (the built dist/): what it writes, exit codes, --json, bad input. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runFabric } from '../support/cli.js';
import { exampleCopy, tempDir } from '../support/tmp.js';

const FAILOVER = join(REPO, 'test', 'fixtures', 'docs', 'failover-idc-a.json');
const GOLDEN = join(REPO, 'test', 'golden', 'docs');

describe('fabric docs', () => {
  it('GIVEN --help THEN it names its options and exit codes, exit 0', async () => {
    const r = await runFabric(['docs', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--site', '--out', '--svg', '--failover-report', '--no-whatif', '--json', 'Exit status'])
      expect(r.stdout).toContain(o);
  });

  it('GIVEN idc-a WHEN documented THEN the folder holds the golden files, and a stale file is gone', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'idc-a'));
    writeFileSync(join(out, 'idc-a', 'stale.md'), 'old');
    const r = await runFabric(['docs', '--site', 'idc-a', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.sites[0]).toMatchObject({
      site: 'idc-a',
      dir: join(out, 'idc-a'),
      files: [
        'README.md',
        'cabling.csv',
        'diagrams/c4-containers.mmd',
        'diagrams/physical-topology.mmd',
        'diagrams/service-path-shop.mmd',
      ],
    });
    expect(existsSync(join(out, 'idc-a', 'stale.md'))).toBe(false);
    expect(readdirSync(out)).toEqual(['idc-a']); // no temporary folder left
    for (const f of doc.sites[0].files)
      expect(readFileSync(join(out, 'idc-a', f), 'utf8'), f).toBe(
        readFileSync(join(GOLDEN, 'idc-a', f), 'utf8'),
      );
  });

  it('GIVEN --failover-report THEN the measurement is in the README; --no-whatif leaves the analysis out', async () => {
    const out = tempDir();
    const r = await runFabric([
      'docs',
      '--site',
      'idc-a',
      '--out',
      out,
      '--no-whatif',
      '--failover-report',
      FAILOVER,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`idc-a: README.md, cabling.csv, 3 diagrams → ${join(out, 'idc-a')}/\n`);
    const readme = readFileSync(join(out, 'idc-a', 'README.md'), 'utf8');
    expect(readme).toContain('| spine1/cut | spine-plane | cut | 250 ms | 350 ms | 412 ms |');
    expect(readme).toContain('_Not computed for this document');
  });

  it.each([
    [
      ['--failover-report', '/nonexistent/f.json'],
      '--failover-report /nonexistent/f.json cannot be read (ENOENT: no such file): give the file fabric lab failover --json wrote',
    ],
    [['--failover-report', REPO], 'cannot be read (EISDIR: a folder, not a file): give the file'],
    [['--site', 'idc-b', '--failover-report', FAILOVER], 'is about site idc-a, not idc-b: give --site idc-a'],
    [['--failover-report', join(REPO, 'package.json')], 'not a failover report'],
  ])('GIVEN %j THEN exit 2 with a clear message and nothing written', async (args, message) => {
    const out = join(tempDir(), 'docs');
    const r = await runFabric(['docs', '--out', out, '--no-whatif', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN --out naming a file THEN exit 2 naming the option', async () => {
    const r = await runFabric(['docs', '--out', join(REPO, 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
    expect(r.stderr).toContain('is a file, not a folder');
  });

  it.each([
    ['/proc/fabric-docs-test', 'cannot be written (/proc: nothing can be created there)'],
    [join(REPO, 'package.json', 'docs'), 'package.json is a file, not a folder'],
  ])(
    'GIVEN --out %s, where nothing can be written THEN exit 2 saying why and what would do',
    async (out, why) => {
      const r = await runFabric(['docs', '--site', 'idc-b', '--no-whatif', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain(
        'name a folder (it is created when missing), e.g. --out out; nothing was done',
      );
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    },
  );

  it('GIVEN --svg without a browser THEN exit 2 saying how to get one, nothing written', async () => {
    const out = join(tempDir(), 'docs');
    const r = await runFabric(['docs', '--svg', '--out', out], {
      env: { FABRIC_CHROMIUM: '/nonexistent/chromium' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent/chromium is missing: install Debian');
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN an inventory with an error THEN exit 1 and nothing written', async () => {
    const { dir, inventory } = exampleCopy();
    const tenants = join(inventory, 'idc-a-tenants.yaml');
    writeFileSync(
      tenants,
      readFileSync(tenants, 'utf8').replace(
        '{ device: vr2, priority: 100 }',
        '{ device: vr2, priority: 150 }',
      ),
    );
    const out = join(dir, 'docs');
    const r = await runFabric(['docs', '-i', inventory, '--out', out, '--no-whatif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('vrrp-priority-tie');
    expect(r.stderr).toContain('docs: 1 error in the inventory; nothing was written');
    expect(existsSync(out)).toBe(false);
  });
});
