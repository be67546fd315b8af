/**
 * Issue 3 end to end: the reference site idc-a as a lab, checked by `fabric verify`.
 *
 * GIVEN a copy of the example inventory with a management subnet and a lab name of this run
 * WHEN `fabric lab up --site idc-a` then `fabric verify --site idc-a`
 * THEN every check passes (with a JUnit report); an inventory broken in one place (a wrong ASN
 * on one leaf, a VRRP priority tie, a segment whose tunnels do not exist) and a tunnel deleted on
 * a running hypervisor each fail verify, naming what is wrong; and `fabric lab down` leaves
 * nothing behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labTag } from '../../src/lab/plan/names.js';
import { labDownLeavesNothing, labUpFromExample, runName } from '../fixtures/lab/support.js';
import { runFabric } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

const lab = runName('idca');
let dir: string;
let inventory: string;
let ids: Set<string>;

interface VerifyJson {
  ok: boolean;
  checks: number;
  failed: number;
  results: { kind: string; device: string; ok: boolean; expected: string; seen: string }[];
}

async function verify(
  inv: string,
  ...extra: string[]
): Promise<{ code: number; json: VerifyJson; stderr: string }> {
  const r = await runFabric(
    ['--inventory', inv, 'verify', '--site', 'idc-a', '--lab', lab, '--json', ...extra],
    { cwd: dir },
  );
  return { code: r.code, json: JSON.parse(r.stdout || '{}') as VerifyJson, stderr: r.stderr };
}

function failures(v: { json: VerifyJson }): string[] {
  return v.json.results.filter((r) => !r.ok).map((r) => `${r.kind} ${r.device}: ${r.seen}`);
}

/** A copy of the inventory with one edit, for the negative checks. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const copy = exampleCopy();
  const path = join(copy.inventory, file);
  const before = readFileSync(join(inventory, 'idc-a.yaml'), 'utf8');
  writeFileSync(join(copy.inventory, 'idc-a.yaml'), before); // same management subnet as the running lab
  const text = readFileSync(path, 'utf8');
  const changed = edit(text);
  expect(changed, `the edit of ${file} applies`).not.toBe(text);
  writeFileSync(path, changed);
  return copy.inventory;
}

beforeAll(async () => {
  const started = Date.now();
  ({ dir, inventory, ids } = await labUpFromExample(lab));
  process.stderr.write(`lab ${lab} up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}, 300_000);

afterAll(async () => {
  if (!dir) return;
  await labDownLeavesNothing(lab, dir, ids);
}, 120_000);

describe('fabric verify on the idc-a lab', () => {
  it('GIVEN the lab is up THEN every check derived from the model passes, with a JUnit report', async () => {
    const v = await verify(inventory, '--timeout', '120', '--junit', join(dir, 'verify.xml'));
    expect(failures(v)).toEqual([]);
    expect(v.code).toBe(0);
    expect(v.json.checks).toBeGreaterThan(300);
    const kinds = new Set(v.json.results.map((r) => r.kind));
    for (const k of [
      'bgp-session',
      'bfd-peer',
      'ecmp',
      'loopbacks-reachable',
      'vrrp-master',
      'vip-answers',
      'http-path',
      'overlay-ping',
      'vxlan-tunnels',
    ])
      expect(kinds.has(k), k).toBe(true);
    const junit = readFileSync(join(dir, 'verify.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="fabric verify idc-a" tests="\d+" failures="0">/);
  }, 180_000);

  it('GIVEN an inventory with a wrong ASN on leaf1a THEN verify fails and names leaf1a', async () => {
    const inv = brokenCopy('idc-a-fabric.yaml', (t) =>
      t.replace(
        '  leaf1a:\n    role: leaf\n    id: 11\n',
        '  leaf1a:\n    role: leaf\n    id: 11\n    asn: 65299\n',
      ),
    );
    const v = await verify(inv, '--timeout', '3');
    expect(v.code).toBe(1);
    expect(failures(v)).toContain('bgp-identity leaf1a: local AS is 65211, expected AS65299');
    expect(failures(v)).toContain('bgp-session spine1: neighbor eth11 is AS65211, expected AS65299 (leaf1a)');
  }, 60_000);

  it('GIVEN an inventory with a VRRP priority tie THEN verify fails on the master of the vRouter pair', async () => {
    const inv = brokenCopy('idc-a-tenants.yaml', (t) =>
      t.replace('{ device: vr2, priority: 100 }', '{ device: vr2, priority: 150 }'),
    );
    const v = await verify(inv, '--timeout', '3');
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('vrrp-priority-tie'); // the inventory finding is shown too
    expect(failures(v)).toContain('vrrp-master vr2: master is vr1, intended vr2');
  }, 60_000);

  it('GIVEN an inventory with a segment the lab has no tunnels for THEN verify names the missing tunnel on every hypervisor', async () => {
    const inv = brokenCopy('idc-a-tenants.yaml', (t) =>
      t.replace(
        '      app: { vni: 10030, subnet: 10.20.2.0/24, subnet6: 2001:db8:20:2::/64, description: L7 to application VMs }\n',
        '$&      db: { vni: 10040, subnet: 10.20.4.0/24 }\n',
      ),
    );
    const v = await verify(inv, '--timeout', '3');
    expect(v.code).toBe(1);
    const missing = failures(v).filter((f) => f.startsWith('vxlan-tunnels'));
    expect(missing).toEqual(
      ['hv1', 'hv2', 'hv3', 'hv4'].map((h) => `vxlan-tunnels ${h}: OVS port vxlan10040 missing`),
    );
  }, 60_000);

  it('GIVEN the running lab WHEN a tunnel is deleted on hv1 THEN verify names it, and passes again once it is restored', async () => {
    const exec = (node: string, ...cmd: string[]) =>
      runFabric(['lab', 'exec', '--name', lab, node, '--', ...cmd], { cwd: dir });
    const del = await exec(
      'hv1',
      'bridge',
      'fdb',
      'del',
      '00:00:00:00:00:00',
      'dev',
      'vxlan10030',
      'dst',
      '10.1.0.24',
    );
    expect(del.code, del.stderr).toBe(0);
    const v = await verify(inventory, '--timeout', '3');
    expect(v.code).toBe(1);
    expect(failures(v)).toContain('vxlan-tunnels hv1: no tunnel to hv4 (10.1.0.24)');

    const repair = await exec('hv1', 'sh', '/etc/fabric/ovs.sh');
    expect(repair.code, repair.stderr).toBe(0);
    const again = await verify(inventory, '--timeout', '30');
    expect(failures(again)).toEqual([]);
  }, 120_000);

  it('GIVEN the lab THEN it is the exported topology: lab/idc-a.clab.yml beside the rendered configs it binds', () => {
    expect(existsSync(join(dir, 'lab', 'idc-a.clab.yml'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'idc-a', 'manifest.json'))).toBe(true);
    expect(labTag(lab)).toMatch(/^fl[0-9a-f]{6}$/);
  });
});
