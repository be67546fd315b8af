/**
 * The CLI's arguments, through the built binary: output paths that cannot be written, --site
 * when there is one site (or several), secrets checked by validate, help and exit codes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFabric } from '../support/cli.js';
import { dropIdcB, exampleCopy } from '../support/tmp.js';

/** Everything under `dir`, to show that a refused command wrote nothing. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('output paths', () => {
  const BAD: [string, (dir: string) => string, RegExp][] = [
    ['an existing file', (d) => join(d, 'afile'), /is a file, not a folder/],
    ['/dev/null', () => '/dev/null', /is not a regular folder/],
    ['the empty string', () => '', /is empty/],
    [
      'a path under a file',
      (d) => join(d, 'afile', 'sub'),
      /cannot be created: .*afile is a file, not a folder/,
    ],
  ];

  for (const [what, path, message] of BAD)
    it(`GIVEN render --out naming ${what} THEN exit 2 naming --out and what would be right, nothing written`, async () => {
      const { dir } = exampleCopy();
      writeFileSync(join(dir, 'afile'), 'keep me\n');
      const before = listing(dir);
      const r = await runFabric(['render', '--out', path(dir)], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^fabric: render: --out /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('name a folder (it is created when missing)');
      expect(r.stderr).not.toMatch(/internal error|EEXIST|ENOTDIR/);
      expect(listing(dir)).toEqual(before);
      expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('keep me\n');
    });

  it('GIVEN a site folder under --out that is a file THEN render stops before writing any site', async () => {
    const { dir } = exampleCopy();
    // out/idc-b is a file: idc-a (rendered first) must not be written either
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'idc-b'), 'not a folder\n');
    const r = await runFabric(['render', '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a file, not a folder');
    expect(existsSync(join(out, 'idc-a'))).toBe(false);
    expect(readFileSync(join(out, 'idc-b'), 'utf8')).toBe('not a folder\n');
  });

  // every other command that writes: the option is named, the command stops before its work
  const OTHERS: [string, string[], string][] = [
    [
      'verify --junit',
      ['verify', '--site', 'idc-a', '--junit', 'afile/verify.xml'],
      '--junit afile/verify.xml',
    ],
    ['drift --output', ['drift', '--site', 'idc-a', '--output', '/dev/null'], '--output /dev/null'],
    ['drift --state', ['drift', '--site', 'idc-a', '--state', ''], '--state is empty'],
    ['push --lock-dir', ['push', '--site', 'idc-a', '--lock-dir', 'afile'], '--lock-dir afile is a file'],
    ['lab export --out', ['lab', 'export', '--site', 'idc-a', '--out', 'afile'], '--out afile is a file'],
    [
      'lab export --output',
      ['lab', 'export', '--site', 'idc-a', '--output', 'inventory'],
      '--output inventory is a folder',
    ],
    [
      'lab up --out',
      ['lab', 'up', '--site', 'idc-a', '--out', '/dev/null'],
      '--out /dev/null is not a regular folder',
    ],
  ];
  for (const [what, args, message] of OTHERS)
    it(`GIVEN ${what} that cannot be written THEN exit 2 saying so, nothing written`, async () => {
      const { dir } = exampleCopy();
      writeFileSync(join(dir, 'afile'), '');
      const before = listing(dir);
      const r = await runFabric(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('nothing was done');
      expect(r.stderr).not.toMatch(/internal error|EEXIST|ENOTDIR/);
      expect(listing(dir)).toEqual(before);
    });
});

/** The example inventory with idc-a only. */
function oneSiteCopy(): string {
  const { dir } = exampleCopy();
  dropIdcB(join(dir, 'inventory'));
  return dir;
}

describe('--site', () => {
  it('GIVEN an inventory of one site WHEN push, drift and lab export get no --site THEN they use it', async () => {
    const dir = oneSiteCopy();
    const push = await runFabric(['push', '--dry-run'], { cwd: dir });
    expect(push.code).toBe(2);
    expect(push.stderr).toContain('run `fabric render --site idc-a` first'); // it chose idc-a
    const exported = await runFabric(['lab', 'export'], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(join(dir, 'lab', 'idc-a.clab.yml'))).toBe(true);
  });

  it('GIVEN two sites and no --site THEN each one-site command exits 2 listing the sites', async () => {
    const { dir } = exampleCopy();
    // (verify too, but it also looks at the labs running on this machine: see site-choice.test.ts)
    for (const args of [['push'], ['drift'], ['lab', 'export']]) {
      const r = await runFabric(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('the inventory has 2 sites (idc-a, idc-b)');
      expect(r.stderr).toContain('say which with --site');
    }
    expect(existsSync(join(dir, 'lab'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('GIVEN two sites named to a one-site command THEN exit 2: name one', async () => {
    const { dir } = exampleCopy();
    const r = await runFabric(['push', '--site', 'idc-a', 'idc-b'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name one site with --site, not 2 (idc-a, idc-b)');
  });

  // lab export and lab up take --site more than once: the sites in one lab (test/unit/cli-shared-lab.test.ts)
  it('GIVEN --site twice to a lab command that names one lab THEN exit 2 before any work, not the last one silently', async () => {
    const { dir } = exampleCopy();
    for (const command of [
      ['lab', 'down'],
      ['lab', 'status'],
    ]) {
      const r = await runFabric([...command, '--site', 'idc-a', '--site', 'idc-b'], { cwd: dir });
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toContain('give --site once (got idc-a and idc-b)');
    }
    expect(existsSync(join(dir, 'lab')), 'nothing was written').toBe(false);
  });

  it('GIVEN an option whose value is left out (the next word is an option) THEN exit 2 naming both, nothing written', async () => {
    const { dir } = exampleCopy();
    for (const [args, message] of [
      [['docs', '--site', '--out', 'x'], 'docs: --site needs a value, but the next word is the option --out'],
      [
        ['push', '--site', '--dry-run'],
        'push: --site needs a value, but the next word is the option --dry-run',
      ],
      [
        ['validate', '--inventory', '--json'],
        'validate: --inventory needs a value, but the next word is the option --json',
      ],
    ] as const) {
      const r = await runFabric([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout + r.stderr).toContain(message);
    }
    expect(readdirSync(dir).sort(), 'nothing written').toEqual(readdirSync(exampleCopy().dir).sort());
  });
});

describe('validate and secrets', () => {
  it('GIVEN a secret reference with a typo THEN validate exits 2 with one located message and the closest name', async () => {
    const { dir } = exampleCopy();
    const file = join(dir, 'inventory', 'idc-a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('secret: isp1-bgp', 'secret: isp1-bpg'));
    const r = await runFabric(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter((l) => l.includes('isp1-bpg'));
    expect(lines).toEqual([
      "inventory/idc-a.yaml:43:25 error secret-missing secret 'isp1-bpg' (used by edge1, isp1) is not set; did you mean 'isp1-bgp'? Otherwise export FABRIC_SECRET_ISP1_BPG=… or add 'isp1-bpg' to secrets.yaml",
    ]);
    expect(r.stdout).toMatch(/idc-a: 27 devices .*: 1 error/);
    expect(r.stdout).toMatch(/idc-b: .*: ok/);
  });

  it('GIVEN no secrets at all THEN validate says so once per secret, located; --no-secrets skips them', async () => {
    const { dir } = exampleCopy();
    rmSync(join(dir, 'secrets.yaml'));
    const r = await runFabric(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    const missing = r.stdout.split('\n').filter((l) => l.includes('secret-missing'));
    expect(missing.length).toBe(5); // shop-www-pem, snmp-noc-auth/priv, isp1-bgp, isp2-bgp (VRRPv3 has no auth)
    expect(missing.every((l) => /^inventory\/idc-a[-a-z]*\.yaml:\d+:\d+ error/.test(l))).toBe(true);
    expect(r.stdout).toContain("secret 'isp1-bgp' (used by edge1, isp1) is not set");
    expect(r.stdout).toContain('(also used in idc-b)');
    const skipped = await runFabric(['validate', '--no-secrets'], { cwd: dir });
    expect(skipped.code, skipped.stdout).toBe(0);
  });

  it('GIVEN the example THEN validate and render say what their device counts count', async () => {
    const { dir } = exampleCopy();
    const v = await runFabric(['validate'], { cwd: dir });
    expect(v.stdout).toContain(
      'idc-a: 27 devices (21 configured, 4 VMs, 2 lab upstreams), 26 cables (+ 19 virtual NICs)',
    );
    const r = await runFabric(['render', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout).sites[0]).toMatchObject({ devices: 23, configured: 21, labUpstreams: 2 });
  });
});

describe('help and exit codes', () => {
  it('GIVEN no command THEN the help is printed and the exit is 2; asked for, 0', async () => {
    for (const [args, code] of [
      [[], 2],
      [['lab'], 2],
      [['help'], 0],
      [['help', 'push'], 0],
      [['lab', 'down', '--help'], 0],
    ] as const) {
      const r = await runFabric([...args]);
      expect(r.code, args.join(' ')).toBe(code);
    }
  });

  it('GIVEN any command --help THEN it has examples', async () => {
    for (const args of [
      ['validate'],
      ['render'],
      ['show'],
      ['verify'],
      ['push'],
      ['drift'],
      ['lab', 'up'],
      ['lab', 'down'],
      ['lab', 'status'],
      ['lab', 'exec'],
      ['lab', 'export'],
    ]) {
      const r = await runFabric([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout, args.join(' ')).toContain('Examples:');
    }
  });

  it('GIVEN an unknown command THEN exit 2 with a suggestion', async () => {
    const r = await runFabric(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'valdate'");
    expect(r.stderr).toContain('validate');
  });
});

describe('--only', () => {
  it('GIVEN device names comma-separated, space-separated or repeated THEN push plans the same devices, and an unknown one is named (exit 2)', async () => {
    const { dir } = exampleCopy();
    expect((await runFabric(['render'], { cwd: dir })).code).toBe(0);
    const plan = async (...only: string[]) => {
      const r = await runFabric(['push', '--site', 'idc-a', '--dry-run', ...only], { cwd: dir });
      return /wave plan[^\n]*\n((?: {2}\d+\. .*\n)+)/.exec(r.stdout)?.[1];
    };
    const spaced = await plan('--only', 'lb1', 'lb2');
    expect(spaced).toBe('  1. lb1\n  2. lb2\n');
    expect(await plan('--only', 'lb1,lb2')).toBe(spaced);
    expect(await plan('--only', 'lb1', '--only', 'lb2')).toBe(spaced);
    const unknown = await runFabric(['push', '--site', 'idc-a', '--dry-run', '--only', 'lb1,nope'], {
      cwd: dir,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--only nope: no such device in idc-a');
    // a typo gets the same hint as whatif --fail (src/util/did-you-mean.ts): its family first
    const typo = await runFabric(['push', '--site', 'idc-a', '--dry-run', '--only', 'lb3'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--only lb3: no such device in idc-a; did you mean 'lb1' or 'lb2'?");
  });
});
