/**
 * Issue 10's deliberately broken inventory (test/fixtures/broken-redundancy): idc-a with hv4
 * single-homed and VRRP adverts of 1 s under a 300 ms gateway budget. `fabric whatif` exits 1
 * naming the single point of failure and the budget; `fabric validate` reports both as findings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../../src/failover/budgets.js';
import { runPipeline } from '../../src/pipeline.js';
import { analyseSite } from '../../src/whatif/analyse.js';
import { REPO, runFabric } from '../support/cli.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'broken-redundancy');
const located = (line: string) => line.match(/^inventory\/[\w-]+\.yaml:\d+:\d+ error [a-z-]+/)?.[0];

describe('the broken inventory, in the model', () => {
  const r = runPipeline(join(FIXTURE, 'inventory'), { sites: ['idc-a'] });
  const site = r.model!.sites[0]!;

  it('GIVEN VRRP adverts of 1 s and a gateway budget of 300 ms THEN the vRouter pair misses it by the RFC 5798 arithmetic', () => {
    const gateway = site.budgets.find((b) => b.subject === 'shop-routers')!;
    expect(gateway).toMatchObject({
      kind: 'vrrp-gateway',
      expectedOutageMs: 3610,
      budgetMs: 300,
      met: false,
      budgetSource: ['budgets', 'gateway'],
    });
    // lab failover judges vr1 against the same 300 ms
    expect(budgetFor(site.budgets, 'vrrp-pair', { device: 'vr1', group: 'shop-routers' })).toMatchObject({
      maxOutageMs: 300,
      predictedOutageMs: 3610,
    });
  });

  it('GIVEN hv4 cabled to leaf2a only THEN leaf2a and that cable are single points of failure', () => {
    const report = analyseSite(site);
    expect(report.singlePointsOfFailure).toEqual(expect.arrayContaining(['leaf2a', 'hv4:eth1~leaf2a:eth12']));
    const leaf2a = report.results.find((x) => x.scenario.name === 'leaf2a')!;
    expect(leaf2a.impacts).toContainEqual({
      severity: 'breaks',
      service: 'uplinks',
      detail: 'no uplink session left: hv4 (had leaf2a)',
    });
    // its partner leaf2b is not: hv4 never used it
    expect(report.results.find((x) => x.scenario.name === 'leaf2b')!.verdict).toBe('degraded');
  });
});

describe('the broken inventory, on the command line', () => {
  it('GIVEN fabric whatif THEN exit 1, the single points of failure and the budget named, the budget located', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a'], { cwd: FIXTURE });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.map(located)).toEqual(
      expect.arrayContaining([
        'inventory/idc-a-compute.yaml:27:14 error host-not-dual-homed',
        'inventory/idc-a.yaml:63:12 error budget-exceeded',
      ]),
    );
    expect(r.stderr).toContain(
      'inventory/idc-a.yaml:63:12 error budget-exceeded shop-routers (vrrp-gateway): a failure costs up to 3610 ms',
    );
    expect(r.stderr).toMatch(/^whatif: single points of failure: leaf2a, .*hv4:eth1~leaf2a:eth12/m);
    expect(r.stderr).toMatch(
      /^whatif: over budget \(budget-exceeded above\): shop-routers \(vrrp-gateway\)/m,
    );
    expect(r.stdout).toMatch(/^leaf2a +device +breaks +.*hv4/m);
  });

  it('GIVEN fabric whatif --json THEN not ok, with the single points of failure and the located budget', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--json'], { cwd: FIXTURE });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.singlePointsOfFailure).toEqual(expect.arrayContaining(['leaf2a', 'hv4:eth1~leaf2a:eth12']));
    expect(doc.budgetsExceeded).toContainEqual(
      expect.objectContaining({
        subject: 'shop-routers (vrrp-gateway)',
        location: 'inventory/idc-a.yaml:63:12',
      }),
    );
  });

  it('GIVEN the idc-a example THEN no budget is exceeded: whatif --json has none', async () => {
    const r = await runFabric(['whatif', '--site', 'idc-a', '--json']);
    expect(JSON.parse(r.stdout).budgetsExceeded).toEqual([]);
  });

  it('GIVEN fabric validate THEN both are findings at file:line:col, exit 1', async () => {
    const r = await runFabric(['validate'], { cwd: FIXTURE });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').map(located)).toEqual(
      expect.arrayContaining([
        'inventory/idc-a-compute.yaml:27:14 error host-not-dual-homed',
        'inventory/idc-a.yaml:63:12 error budget-exceeded',
      ]),
    );
    expect(r.stdout).toContain('hv4 is not cabled to leaf2b of the leaf pair of rack r2');
  });

  it('GIVEN lab failover --list THEN vr1 is judged against the inventory’s 300 ms, with where it is set', async () => {
    const r = await runFabric(
      ['lab', 'failover', '--site', 'idc-a', '--only', 'vr1,leaf2a', '--fault', 'cut', '--list'],
      {
        cwd: FIXTURE,
      },
    );
    // listed all the same, but the inventory's errors give exit 1, as in validate (README, exit status)
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      'lab failover: 3 errors in the inventory (host-not-dual-homed, budget-exceeded above), as fabric validate reports them',
    );
    expect(r.stdout).toMatch(
      /^vr1\/cut +shop-routers +cut +300 ms +3610 ms +degraded +shop-routers \(vrrp-gateway\) +budgets\.gateway \(inventory\/idc-a\.yaml:63:12\)$/m,
    );
    expect(r.stdout).toMatch(/^leaf2a\/cut +leaf-pair-r2 +cut +350 ms +250 ms +breaks /m);
  });
});
