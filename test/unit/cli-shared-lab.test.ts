/**
 * `fabric lab export --site aa-a --site aa-b` (issue 11, docs/active-active.md "Both sites in one
 * lab") through bin/fabric.js: the files it writes, and the located exit-2 refusals of sites that
 * cannot share one lab. One site exports as before (test/unit/topology.test.ts).
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runFabric } from '../support/cli.js';
import { inventoryWith, tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

function copy(inventory = FIXTURE): string {
  const dir = tempDir();
  cpSync(inventory, join(dir, 'inventory'), { recursive: true });
  cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
  return dir;
}

describe('fabric lab export with several sites', () => {
  it('GIVEN --site aa-a --site aa-b THEN exit 0: lab/aa-a_aa-b.clab.yml, each site in out/<site>, the shared upstreams in out/aa-a_aa-b', async () => {
    const dir = copy();
    const r = await runFabric(['lab', 'export', '--site', 'aa-a', '--site', 'aa-b'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('lab/aa-a_aa-b.clab.yml: containerlab topology\n');
    const topology = parse(readFileSync(join(dir, 'lab', 'aa-a_aa-b.clab.yml'), 'utf8'));
    expect(topology.name).toBe('aa-a_aa-b');
    expect(Object.keys(topology.topology.nodes)).toContain('aa-b-edge1');
    for (const f of [
      'aa-a/edge1/frr.conf',
      'aa-b/edge1/frr.conf',
      'aa-a_aa-b/isp1/frr.conf',
      'aa-a_aa-b/client',
    ])
      expect(existsSync(join(dir, 'out', f)), f).toBe(f !== 'aa-a_aa-b/client');
    expect(readFileSync(join(dir, 'out', 'aa-a_aa-b', 'isp1', 'frr.conf'), 'utf8')).toContain(
      'interface s2-eth1',
    );
  });

  it('GIVEN --site aa-a,aa-b --name pair THEN the lab and its files are named pair', async () => {
    const dir = copy();
    const r = await runFabric(['lab', 'export', '--site', 'aa-a,aa-b', '--name', 'pair'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'lab', 'pair.clab.yml'), 'utf8')).name).toBe('pair');
    expect(existsSync(join(dir, 'out', 'pair', 'isp2', 'frr.conf'))).toBe(true);
  });

  it('GIVEN a site that does not exist THEN exit 2 naming it, nothing written', async () => {
    const dir = copy();
    const r = await runFabric(['lab', 'export', '--site', 'aa-a', '--site', 'aa-c'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no site 'aa-c' in the inventory (sites: aa-a, aa-b)");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'lab'))).toBe(false);
  });

  it('GIVEN two sites whose management pools collide THEN exit 2 at aa-b’s pools.mgmt, nothing written', async () => {
    const inventory = inventoryWith(FIXTURE, 'aa-b.yaml', (t) =>
      t.replace('mgmt: 198.18.2.0/24', 'mgmt: 198.18.1.0/24'),
    );
    const dir = join(inventory, '..');
    cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
    const r = await runFabric(['lab', 'export', '--site', 'aa-a', '--site', 'aa-b'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /inventory\/aa-b\.yaml:\d+:\d+ error lab-mgmt-overlap pools.mgmt 198.18.1.0\/24 of aa-b overlaps/,
    );
    expect(r.stderr).toContain('cannot share one lab (above); nothing was written');
    expect(existsSync(join(dir, 'lab'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('GIVEN an upstream of the same name with another AS in aa-b THEN exit 2 at its asn', async () => {
    const inventory = inventoryWith(FIXTURE, 'aa-b.yaml', (t) => t.replace('asn: 64497', 'asn: 64499'));
    const dir = join(inventory, '..');
    cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
    const r = await runFabric(['lab', 'export', '--site', 'aa-a', '--site', 'aa-b'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /inventory\/aa-b\.yaml:\d+:\d+ error lab-upstream-mismatch upstream isp2 has asn 64499 in aa-b but 64497 in aa-a/,
    );
  });

  it('GIVEN --name with one site THEN exit 2: a site’s lab is named after it', async () => {
    const dir = copy();
    const r = await runFabric(['lab', 'export', '--site', 'aa-a', '--name', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name names a lab of several sites');
  });
});
