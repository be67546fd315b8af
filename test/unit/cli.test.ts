/** The CLI contract: help, exit codes, JSON, and that nothing is written unless everything is right. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFabric } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

describe('fabric CLI', () => {
  it('GIVEN --help THEN it lists the commands with examples and exits 0', async () => {
    const r = await runFabric(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['validate', 'render', 'show']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Examples:');
    const sub = await runFabric(['render', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--out <dir>');
  });

  it('GIVEN an unknown flag THEN it says so, suggests the right one and exits 2', async () => {
    const r = await runFabric(['render', '--sit', 'idc-a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--sit'/);
    expect(r.stderr).toMatch(/Did you mean --site/);
  });

  it('GIVEN an unknown site THEN it lists the sites and exits 2', async () => {
    const { dir } = exampleCopy();
    const r = await runFabric(['render', '--site', 'idc-z'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no site 'idc-z' in the inventory (sites: idc-a, idc-b)");
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('GIVEN a missing secret THEN render names it and how to set it, exits 2 and writes nothing', async () => {
    const { dir } = exampleCopy();
    rmSync(join(dir, 'secrets.yaml'));
    const r = await runFabric(['render'], { cwd: dir, env: { FABRIC_SECRET_SHOP_VRRP: 'lab1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "inventory/idc-a.yaml:43:25 error secret-missing secret 'isp1-bgp' (used by edge1, isp1) is not set: export FABRIC_SECRET_ISP1_BGP=",
    );
    expect(r.stderr).not.toContain("'shop-vrrp'");
    // one message per secret, not one per device or site that uses it
    expect(r.stderr.match(/secret 'isp1-bgp'/g)).toHaveLength(1);
    expect(r.stderr).toContain('(also used in idc-b)');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('GIVEN a secret that breaks its rule THEN render refuses without printing the value', async () => {
    const { dir } = exampleCopy();
    const r = await runFabric(['render'], {
      cwd: dir,
      env: { FABRIC_SECRET_ISP1_BGP: 'no spaces in/a#bgp password' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("secret 'isp1-bgp'");
    expect(r.stderr).toContain('1 to 80 characters');
    expect(r.stderr).not.toContain('no spaces in/a#bgp password');
  });

  it('GIVEN the example WHEN rendered twice THEN files and manifest are written, and the second run changes nothing', async () => {
    const { dir } = exampleCopy();
    const first = await runFabric(['render'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /idc-a: 23 devices \(21 configured, 2 lab upstreams\), 99 files \(99 changed\) → out\/idc-a\//,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'idc-a', 'manifest.json'), 'utf8'));
    expect(manifest.devices.leaf1a.files[1]).toMatchObject({
      path: 'frr.conf',
      target: '/etc/frr/frr.conf',
      owner: 'frr:frr',
      mode: '0640',
    });
    const second = await runFabric(['render', '--json'], { cwd: dir });
    expect(JSON.parse(second.stdout).sites.map((s: { changed: number }) => s.changed)).toEqual([0, 0]);
  });

  it('GIVEN show --json THEN the model is plain JSON with every decision in it', async () => {
    const r = await runFabric(['show', '--json', '--site', 'idc-a']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    const leaf = model.sites[0].devices.find((d: { name: string }) => d.name === 'leaf1a');
    expect(leaf.frr.routerBgp.asn).toBe(65211);
    expect(leaf.frr.routerBgp.neighbors.map((n: { peer: string }) => n.peer)).toEqual([
      'eth1',
      'eth2',
      'eth11',
      'eth12',
      'eth21',
    ]);
    expect(model.sites[0].redundancyGroups.map((g: { name: string }) => g.name)).toContain('leaf-pair-r1');
  });

  it('GIVEN show THEN the device table, redundancy groups and IP plan are printed', async () => {
    const r = await runFabric(['show', '--site', 'idc-a']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^leaf1a\s+leaf\s+11\s+r1\s+-\s+198\.18\.1\.11\s+10\.1\.0\.11\/32\s+65211\s+frr,snmpd$/m,
    );
    expect(r.stdout).toMatch(/^shop-routers\s+vrrp-pair\s+vr1,vr2/m);
    expect(r.stdout).toMatch(/^203\.0\.113\.10\/27\s+vrrp-vip\s+lb1/m);
  });
  it('GIVEN an inventory with errors THEN drift and push stop before any device, exit 2 and 1, each saying why', async () => {
    const { dir } = exampleCopy();
    const tenants = join(dir, 'inventory', 'idc-a-tenants.yaml');
    writeFileSync(
      tenants,
      readFileSync(tenants, 'utf8').replace(
        '{ device: vr1, priority: 150 }',
        '{ device: vr1, priority: 100 }',
      ),
    );
    const drift = await runFabric(['drift', '--site', 'idc-a'], { cwd: dir });
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain('vrrp-priority-tie');
    expect(drift.stderr).toContain(
      'drift: 1 error in the inventory; there is no intent to compare with; fix it first',
    );
    const push = await runFabric(['push', '--site', 'idc-a', '--yes'], { cwd: dir });
    expect(push.code).toBe(1);
    expect(push.stderr).toContain('push: 1 error in the inventory; nothing was pushed');
  });
});
