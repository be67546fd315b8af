/** `fabric whatif` as a user runs it (the built dist/): exit codes, --json, --format, --fail. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFabric } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

describe('fabric whatif', () => {
  it('GIVEN idc-a THEN one JSON document naming rack r2 as the single point of failure, exit 1', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, site: 'idc-a', mode: 'n-1', singlePointsOfFailure: ['rack:r2'] });
    expect(doc.scenarios).toHaveLength(54);
    expect(doc.scenarios.find((s: { name: string }) => s.name === 'spine1').verdict).toBe('degraded');
  });

  it('GIVEN idc-a as text THEN a table, the summary and the single point of failure on stderr', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^scenario +kind +verdict +what$/m);
    expect(r.stdout).toContain('idc-a: 54 single failures: 0 survive, 53 degraded, 1 break a service');
    expect(r.stderr).toBe('whatif: single point of failure: rack:r2\n');
  });

  it('GIVEN --format markdown THEN a Markdown table', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--format', 'markdown']);
    expect(r.stdout).toContain('| scenario | kind | verdict | what |');
    expect(r.stdout).toContain('| spine1 | device | degraded | ecmp: ');
  });

  it('GIVEN --fail of a double failure that leaves every leaf an uplink THEN degraded, exit 0', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'leaf1a:eth1,spine2:eth13', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.mode).toBe('scenario');
    expect(doc.scenarios[0]).toMatchObject({
      kind: 'combined',
      verdict: 'degraded',
      links: ['leaf1a:eth1', 'leaf2a:eth2'],
    });
  });

  it('GIVEN --fail spine1 and the other uplink of leaf2a THEN leaf2a is cut off: exit 1', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'spine1,leaf2a:eth2', '--json']);
    expect(r.code).toBe(1);
    const impacts = JSON.parse(r.stdout).scenarios[0].impacts;
    expect(impacts[0]).toEqual({
      severity: 'breaks',
      service: 'uplinks',
      detail: 'no uplink session left: leaf2a (had spine1, spine2)',
    });
  });

  it('GIVEN --fail spine1,spine2 THEN the scenario breaks: exit 1', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'spine1,spine2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('whatif: spine1+spine2 breaks a service\n');
  });

  it('GIVEN --fail with an unknown name THEN exit 2 with a suggestion, also as JSON', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'spine1,lef1a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "whatif: --fail: no device, cable end (device:interface) or rack (rack:NAME) 'lef1a' in site idc-a; did you mean 'leaf1a'?",
    );
    const j = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'nope', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
  });

  it('GIVEN --jobs 3 THEN three threads (two workers) write the report one thread writes, byte for byte', async () => {
    const one = await runFabric(['whatif', '--site', 'idc-a', '--json', '--jobs', '1']);
    const three = await runFabric(['whatif', '--site', 'idc-a', '--json', '--jobs', '3']);
    expect(three.stderr).toBe('');
    expect(JSON.parse(one.stdout).scenarios.length).toBeGreaterThan(50);
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
  });

  it('GIVEN bad arguments THEN exit 2', async () => {
    for (const jobs of ['0', '1.5', 'many']) {
      const r = await runFabric(['whatif', '--site', 'idc-a', '--jobs', jobs]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs must be a positive whole number');
    }
    expect((await runFabric(['whatif', '--site', 'idc-a', '--format', 'html'])).code).toBe(2);
    expect((await runFabric(['whatif', '--site', 'idc-a', '--fail', ''])).code).toBe(2);
    expect((await runFabric(['whatif'])).code).toBe(2); // two sites: which one?
  });

  it('GIVEN both api servers on hv3 THEN validate reports hv3 as an error at its declaration, exit 1', async () => {
    const { inventory } = exampleCopy();
    const file = join(inventory, 'idc-a-tenants.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('app4: { role: vm, id: 74, host: hv4');
    writeFileSync(
      file,
      text.replace('app4: { role: vm, id: 74, host: hv4', 'app4: { role: vm, id: 74, host: hv3'),
    );
    const r = await runFabric(['-i', inventory, 'validate', '--site', 'idc-a', '--no-secrets']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'idc-a-compute.yaml:19:5 error single-point-of-failure single point of failure: host hv3 breaks http://203.0.113.10/api/ is reachable from no upstream; https://203.0.113.10/api/ is reachable from no upstream; http://[2001:db8:100:10::10]/api/ is reachable from no upstream; https://[2001:db8:100:10::10]/api/ is reachable from no upstream; web1/api: no server left (app3, app4 down) (fabric whatif --site idc-a --fail hv3)',
    );
  });

  it('GIVEN a leaf with one uplink THEN validate reports the missing uplink, not N-1 of the wrong model', async () => {
    const { inventory } = exampleCopy();
    const file = join(inventory, 'idc-a-fabric.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'uplinks: { eth1: spine1:eth11, eth2: spine2:eth11 }',
        'uplinks: { eth1: spine1:eth11 }',
      ),
    );
    const r = await runFabric(['-i', inventory, 'validate', '--site', 'idc-a', '--no-secrets']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error leaf-not-full-mesh leaf1a has no uplink to spine2');
    expect(r.stdout).not.toContain('single-point-of-failure');
  });
});
