/**
 * `fabric whatif` as a user runs it (the built dist/): exit codes, --json, --format, --fail; whole
 * sites as failure units (`--sites`, `--fail site:NAME`) on the active-active fixture.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFabric } from '../support/cli.js';
import { exampleCopy, referenceWithoutGslb, tempDir } from '../support/tmp.js';

describe('fabric whatif', () => {
  it('GIVEN idc-a THEN one JSON document naming rack r2 as the single point of failure, exit 1', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, site: 'idc-a', mode: 'n-1', singlePointsOfFailure: ['rack:r2'] });
    expect(doc.scenarios).toHaveLength(55);
    expect(doc.scenarios.find((s: { name: string }) => s.name === 'spine1').verdict).toBe('degraded');
  });

  it('GIVEN idc-a as text THEN a table, the summary and the single point of failure on stderr', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^scenario +kind +verdict +what$/m);
    expect(r.stdout).toContain('idc-a: 55 single failures: 0 survive, 54 degraded, 1 break a service');
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

  it('GIVEN --jobs 2 THEN two threads (one worker) write the report one thread writes, byte for byte; GIVEN more than the CPUs THEN as many as the CPUs, said on stderr', async () => {
    const one = await runFabric(['whatif', '--site', 'idc-a', '--json', '--jobs', '1']);
    const two = await runFabric(['whatif', '--site', 'idc-a', '--json', '--jobs', '2']);
    const cpus = availableParallelism();
    expect(two.stderr).toBe(
      cpus >= 2 ? '' : "whatif: --jobs 2 is more than this machine's 1 CPU: 1 thread\n",
    );
    expect(JSON.parse(one.stdout).scenarios.length).toBeGreaterThan(50);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const many = await runFabric(['whatif', '--site', 'idc-a', '--json', '--jobs', String(cpus + 1)]);
    expect(many.stderr).toBe(
      `whatif: --jobs ${cpus + 1} is more than this machine's ${cpus} CPU${cpus === 1 ? '' : 's'}: ${cpus} thread${cpus === 1 ? '' : 's'}\n`,
    );
    expect(many.stdout).toBe(one.stdout);
  });

  it('GIVEN an inventory with an error (duplicate-address) THEN whatif analyses it anyway and exits 1, as validate', async () => {
    const dir = tempDir();
    cpSync(join('test', 'findings', 'duplicate-address.yaml'), join(dir, 't.yaml'));
    const validate = await runFabric(['-i', dir, 'validate', '--no-secrets']);
    expect(validate.code).toBe(1);
    const r = await runFabric(['-i', dir, 'whatif', '--fail', 'spine1']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('t: scenario spine1:'); // analysed anyway
    expect(r.stderr).toContain('error duplicate-address 10.20.2.2 is used twice');
    expect(r.stderr).toMatch(/whatif: 1 error in the inventory \(duplicate-address above\)/);
    const j = await runFabric(['-i', dir, 'whatif', '--fail', 'spine1', '--json']);
    expect(j.code).toBe(1);
    const doc = JSON.parse(j.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual(['duplicate-address']);
  });

  it('GIVEN --fail twice THEN one combined failure, as --fail a,b', async () => {
    const twice = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'spine1', '--fail', 'leaf2a:eth2']);
    const once = await runFabric(['whatif', '--site', 'idc-a', '--fail', 'spine1,leaf2a:eth2']);
    expect(twice.stdout).toContain('spine1+leaf2a:eth2~spine2:eth13  combined');
    expect(twice.stdout).toBe(once.stdout);
    expect(twice.code).toBe(once.code);
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

const AA = join('test', 'fixtures', 'active-active', 'inventory');

/** The active-active fixture with www offered by aa-a only (the `gslb-single-site` finding's case). */
function aaAOnly(): string {
  const dir = join(tempDir(), 'inventory');
  cpSync(AA, dir, { recursive: true });
  const file = join(dir, 'gslb.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('        aa-b: { tenant: shop, vip: www }\n');
  writeFileSync(file, text.replace('        aa-b: { tenant: shop, vip: www }\n', ''));
  return dir;
}

describe('fabric whatif: a site as a failure unit', () => {
  it('GIVEN --sites THEN each site lost as a whole: www moves to the other site within its budgets, exit 0', async () => {
    const r = await runFabric(['-i', AA, 'whatif', '--sites']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^scenario +verdict +what$/m);
    expect(r.stdout).toContain(
      'site:aa-a  degraded  www (www.shop.example): moves to aa-b; DNS answer drops aa-a within 5000 ms (budget 10000 ms; clients with a cached answer 35000 ms); anycast announcement withdrawn within 250 ms',
    );
    expect(r.stdout).toContain('2 sites, each lost as a whole: 0 survive, 2 degraded, 0 break a service');
  });

  it('GIVEN --fail site:aa-a --json THEN one scenario of kind site, www moves to aa-b', async () => {
    const r = await runFabric(['-i', AA, 'whatif', '--fail', 'site:aa-a', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      ok: true,
      mode: 'scenario',
      singlePointsOfFailure: [],
      singleSiteServices: [],
    });
    expect(doc.scenarios).toEqual([
      {
        name: 'site:aa-a',
        kind: 'site',
        sites: ['aa-a'],
        verdict: 'degraded',
        services: [
          {
            service: 'www',
            fqdn: 'www.shop.example',
            outcome: 'moves',
            left: ['aa-b'],
            dns: { dropMs: 5000, clientsFollowMs: 35000, budget: 10000 },
            anycast: { withdrawnMs: 250, budget: 3000, members: ['aa-a/lb1', 'aa-a/lb2'] },
            overBudget: [],
          },
        ],
        local: [],
      },
    ]);
  });

  it('GIVEN --fail site:aa-a,site:aa-b THEN www is lost: exit 1', async () => {
    const r = await runFabric(['-i', AA, 'whatif', '--fail', 'site:aa-a,site:aa-b', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '| site:aa-a+site:aa-b | breaks | www (www.shop.example): lost, every site that offers it failed (aa-a, aa-b) |',
    );
    expect(r.stderr).toBe('whatif: site:aa-a+site:aa-b breaks a service\n');
  });

  it('GIVEN www offered by aa-a only THEN --sites names aa-a as its single point of failure (gslb-single-site), exit 1', async () => {
    const inv = aaAOnly();
    const r = await runFabric(['-i', inv, 'whatif', '--sites']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('site:aa-a: www.shop.example offered by aa-a only (gslb-single-site)');
    expect(r.stdout).toContain(
      'www (www.shop.example) is offered by site aa-a only: losing aa-a loses it (gslb-single-site)',
    );
    expect(r.stderr).toContain(
      'error gslb-single-site service www (www.shop.example) is offered by site aa-a only',
    );
    expect(r.stderr).toContain('whatif: single points of failure: site:aa-a, site:aa-b');
    const j = JSON.parse((await runFabric(['-i', inv, 'whatif', '--sites', '--json'])).stdout);
    expect(j).toMatchObject({
      ok: false,
      singleSiteServices: [{ service: 'www', fqdn: 'www.shop.example', site: 'aa-a' }],
    });
  });

  it('GIVEN www offered by aa-a only THEN the N-1 report of aa-a names it too, in text, Markdown and JSON', async () => {
    const inv = aaAOnly();
    const t = await runFabric(['-i', inv, 'whatif', '--site', 'aa-a']);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain(
      'services offered by this site only:\n  www (www.shop.example) is offered by site aa-a only: losing aa-a loses it (gslb-single-site)',
    );
    expect(t.stderr).toContain(
      'whatif: site aa-a is a single point of failure of www.shop.example (gslb-single-site)',
    );
    const m = await runFabric(['-i', inv, 'whatif', '--site', 'aa-a', '--format', 'markdown']);
    expect(m.stdout).toContain('Services offered by this site only:');
    const j = JSON.parse((await runFabric(['-i', inv, 'whatif', '--site', 'aa-a', '--json'])).stdout);
    expect(j).toMatchObject({ ok: false, singleSiteServices: [{ service: 'www', site: 'aa-a' }] });
    const b = JSON.parse((await runFabric(['-i', inv, 'whatif', '--site', 'aa-b', '--json'])).stdout);
    expect(b.singleSiteServices).toEqual([]);
  });

  it('GIVEN an unknown site, a site with --site, --sites with --fail or a site mixed with a device THEN exit 2, clearly', async () => {
    const r = await runFabric(['-i', AA, 'whatif', '--fail', 'site:aa-c']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "whatif: --fail: no site 'aa-c' in the inventory (sites: aa-a, aa-b); did you mean 'site:aa-a' or 'site:aa-b'?",
    );
    const j = await runFabric(['-i', AA, 'whatif', '--fail', 'site:nowhere', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
    const withSite = await runFabric(['-i', AA, 'whatif', '--site', 'aa-a', '--fail', 'site:aa-a']);
    expect(withSite.code).toBe(2);
    expect(withSite.stderr).toContain('drop --site aa-a');
    expect((await runFabric(['-i', AA, 'whatif', '--sites', '--fail', 'site:aa-a'])).code).toBe(2);
    const mixed = await runFabric(['-i', AA, 'whatif', '--fail', 'site:aa-a,spine1']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("'spine1' is inside a site and site:aa-a is a whole site");
  });

  it('GIVEN --jobs with --sites or --fail site:NAME THEN exit 2 saying why: one scenario per site, nothing to share out', async () => {
    for (const mode of [['--sites'], ['--fail', 'site:aa-a']]) {
      const r = await runFabric(['-i', AA, 'whatif', ...mode, '--jobs', '2']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `whatif: --jobs shares out the failures inside one site; ${mode[0] === '--sites' ? '--sites' : '--fail site:NAME'} reads each site's loss off the model (one scenario per site, no routing simulated), which one thread does at once: drop --jobs`,
      );
    }
    const j = await runFabric(['-i', AA, 'whatif', '--sites', '--jobs', '1', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
  });

  it('GIVEN the reference inventory (www in idc-a and idc-b) and --sites THEN each site lost moves www by DNS: exit 0', async () => {
    const r = await runFabric(['whatif', '--sites']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'site:idc-a  degraded  www (www.shop.example): moves to idc-b; DNS answer drops idc-a',
    );
    expect(r.stdout).toContain(
      'site:idc-b  degraded  www (www.shop.example): moves to idc-a; DNS answer drops idc-b',
    );
    expect(r.stdout).toContain('2 sites, each lost as a whole: 0 survive, 2 degraded, 0 break a service');
  });

  it('GIVEN the reference inventory with www declared in idc-a only THEN --sites names idc-a as its single point of failure, exit 1', async () => {
    const { inventory } = exampleCopy();
    const gslb = join(inventory, 'gslb.yaml');
    writeFileSync(gslb, readFileSync(gslb, 'utf8').replace(/^ {8}idc-b: .*\n/m, ''));
    const r = await runFabric(['-i', inventory, 'whatif', '--sites']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('site:idc-a: www.shop.example offered by idc-a only (gslb-single-site)');
    expect(r.stderr).toContain('whatif: single points of failure: site:idc-a');
  });

  it('GIVEN the reference inventory without its gslb section and --sites THEN each site takes its services with it, plainly: exit 1', async () => {
    const r = await runFabric(['-i', referenceWithoutGslb(), 'whatif', '--sites']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'site:idc-a  breaks   idc-a/shop/www: lost with its site (no gslb service offers it from another site)',
    );
    expect(r.stdout).toContain('note: the inventory has no gslb section');
  });
});
