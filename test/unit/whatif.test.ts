/**
 * `fabric whatif` (src/whatif/): N-1 analysis on inventories whose answer is known by hand — the
 * reference site idc-a, and copies of it with one redundancy taken away.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { analyseOne, analyseSite } from '../../src/whatif/analyse.js';
import { parseFailures, singleFailures } from '../../src/whatif/scenarios.js';
import type { ScenarioResult } from '../../src/whatif/types.js';
import { scenarioResult } from '../support/whatif.js';

const INVENTORY = join(import.meta.dirname, '..', '..', 'inventory');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** idc-a, with `edits` (file → [from, to]) applied to a copy of its inventory. */
function idcA(edits: Record<string, [string, string][]> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-whatif-'));
  dirs.push(dir);
  cpSync(INVENTORY, dir, { recursive: true });
  for (const [file, changes] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), 'utf8');
    for (const [from, to] of changes) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  const r = runPipeline(dir, { sites: ['idc-a'] });
  expect(r.inputErrors).toEqual([]);
  return r.model!.sites[0]!;
}

const result = scenarioResult;
const broken = (r: ScenarioResult) => r.impacts.filter((i) => i.severity === 'breaks').map((i) => i.detail);

describe('whatif on idc-a as shipped', () => {
  const site = idcA();
  const report = analyseSite(site);

  it('GIVEN idc-a THEN every device, hypervisor, leaf rack, physical cable and upstream is a scenario', () => {
    const names = singleFailures(site).map((s) => s.name);
    expect(names).toContain('spine1');
    expect(names).toContain('rack:r1');
    expect(names).toContain('leaf1a:eth1~spine1:eth11');
    expect(names).toContain('isp1');
    expect(names.filter((n) => n.startsWith('rack:'))).toEqual(['rack:r1', 'rack:r2']);
    // 25 managed devices (VMs included) + 2 racks + 26 physical cables + 2 upstreams
    expect(report.results).toHaveLength(25 + 2 + 26 + 2);
  });

  it('GIVEN spine1 fails THEN nothing breaks and ECMP across the fabric narrows to the other spine', () => {
    const r = result(report, 'spine1');
    expect(r.verdict).toBe('degraded');
    // idc-a is dual-stack: one line per family
    expect(r.impacts.map((i) => i.service)).toEqual(['ecmp', 'ecmp']);
    expect(r.impacts[0]!.detail).toContain('edge1 → 10.1.0.11/32: 1 of 2');
    expect(r.impacts[1]!.detail).toContain('edge1 → 2001:db8:1::b/128: 1 of 2');
  });

  it('GIVEN hv1 fails THEN vr2 becomes VRRP master of the gateways and its VMs need a new home', () => {
    const r = result(report, 'hv1');
    expect(r.verdict).toBe('degraded');
    const details = r.impacts.map((i) => i.detail);
    expect(details).toContain('shop_gw_app (10.20.2.1/24): master moves vr1 → vr2');
    expect(details).toContain('shop_gw_public (203.0.113.1/27): master moves vr1 → vr2');
    expect(
      details.some((d) => d.startsWith('3 VMs (app1, vr1, web1) to re-home on the 3 hypervisors left')),
    ).toBe(true);
  });

  it('GIVEN web1 fails THEN the L4 VIP is left with web2 only', () => {
    const r = result(report, 'web1');
    expect(r.impacts.map((i) => i.detail)).toContain('203.0.113.10:80: real servers web2 left of web1, web2');
  });

  it("GIVEN dns1 fails THEN idc-b's server answers shop.example alone; GIVEN a zone served by dns1 only THEN it breaks", () => {
    expect(result(report, 'dns1')).toMatchObject({
      verdict: 'degraded',
      impacts: [
        {
          severity: 'degraded',
          service: 'dns',
          detail: 'shop.example: answered by ns-idc-b (198.51.100.29) alone (dns1 down)',
        },
      ],
    });
    const alone = idcA({
      'gslb.yaml': [['servers: { idc-a: dns1, idc-b: dns2 }', 'servers: { idc-a: dns1 }']],
    });
    const parsed = parseFailures(alone, ['dns1']);
    if (!('scenario' in parsed)) throw new Error(parsed.error);
    expect(broken(analyseOne(alone, parsed.scenario).results[0]!)).toEqual([
      'shop.example: no name server left (dns1 down)',
    ]);
  });

  it('GIVEN the reference site THEN its single point of failure is rack r2, which holds both api servers', () => {
    expect(report.singlePointsOfFailure).toEqual(['rack:r2']);
    expect(broken(result(report, 'rack:r2'))).toContain('web1/api: no server left (app3, app4 down)');
    expect(result(report, 'rack:r1').verdict).toBe('degraded');
  });

  it('GIVEN isp1 fails THEN the VIP is still served and only the default route narrows', () => {
    const r = result(report, 'isp1');
    expect(r.verdict).toBe('degraded');
    expect(r.impacts.map((i) => i.detail)).toEqual([
      expect.stringContaining('IPv4 routes on 2 devices narrowed (e.g. spine1 → 0.0.0.0/0: 1 of 2)'),
      expect.stringContaining('IPv6 routes on 2 devices narrowed (e.g. spine1 → ::/0: 1 of 2)'),
    ]);
  });

  it('GIVEN both spines fail (N-2) THEN the racks lose their uplinks and each other', () => {
    const parsed = parseFailures(site, ['spine1', 'spine2']);
    if ('error' in parsed) throw new Error(parsed.error);
    const r = analyseOne(site, parsed.scenario);
    expect(r.results[0]!.verdict).toBe('breaks');
    expect(r.singlePointsOfFailure).toEqual([]); // not a single failure
    expect(broken(r.results[0]!).some((d) => d.startsWith('no uplink session left: edge1'))).toBe(true);
  });
});

describe('whatif --fail names', () => {
  const site = idcA();
  it('GIVEN a cable named by either end THEN both name the same scenario', () => {
    const a = parseFailures(site, ['leaf1a:eth1']);
    const b = parseFailures(site, ['spine1:eth11']);
    expect(a).toEqual(b);
    expect('scenario' in a && a.scenario).toMatchObject({ name: 'leaf1a:eth1~spine1:eth11', kind: 'cable' });
  });
  it('GIVEN an unknown name THEN the error suggests the closest one', () => {
    expect(parseFailures(site, ['spine3'])).toEqual({
      error:
        "--fail: no device, cable end (device:interface) or rack (rack:NAME) 'spine3' in site idc-a; did you mean 'spine1' or 'spine2'?",
    });
  });
});

describe('whatif on inventories with a redundancy taken away', () => {
  it('GIVEN leaf1a uplinked to spine1 only THEN spine1, that cable, and the path to spine2 through leaf1b are single points of failure', () => {
    const site = idcA({
      'idc-a-fabric.yaml': [
        ['uplinks: { eth1: spine1:eth11, eth2: spine2:eth11 }', 'uplinks: { eth1: spine1:eth11 }'],
      ],
    });
    const report = analyseSite(site);
    // rack:r2 as in idc-a; leaf1b and its spine2 cable because leaf1a reaches spine2's loopback
    // only through its hosts and leaf1b (spine1 drops it: the spines share one AS)
    expect(report.singlePointsOfFailure).toEqual([
      'leaf1b',
      'spine1',
      'rack:r2',
      'leaf1a:eth1~spine1:eth11',
      'leaf1b:eth2~spine2:eth12',
    ]);
    expect(broken(result(report, 'spine1'))).toEqual(['no uplink session left: leaf1a (had spine1)']);
    expect(broken(result(report, 'leaf1b'))).toEqual([
      'IPv4 loopbacks lost: leaf1a → spine2',
      'IPv6 loopbacks lost: leaf1a → spine2',
    ]);
  });

  it('GIVEN both leaves of rack r1 on spine1 only THEN spine1 cuts the rack off', () => {
    const site = idcA({
      'idc-a-fabric.yaml': [
        ['uplinks: { eth1: spine1:eth11, eth2: spine2:eth11 }', 'uplinks: { eth1: spine1:eth11 }'],
        ['uplinks: { eth1: spine1:eth12, eth2: spine2:eth12 }', 'uplinks: { eth1: spine1:eth12 }'],
      ],
    });
    const r = result(analyseSite(site), 'spine1');
    expect(r.verdict).toBe('breaks');
    const details = broken(r);
    expect(details).toContain('no uplink session left: leaf1a (had spine1), leaf1b (had spine1)');
    expect(details.some((d) => d.startsWith('IPv4 loopbacks lost: leaf1a → edge1'))).toBe(true);
    expect(details).toContain(
      'shop/app: VTEPs hv1↔hv3, hv1↔hv4, hv2↔hv3, hv2↔hv4 no longer reach each other',
    );
    expect(details).toContain('shop_gw_app (10.20.2.1/24): master vr1 has no default route');
  });

  it('GIVEN both vRouters on hv1 THEN hv1 breaks the tenant gateways', () => {
    const site = idcA({ 'idc-a-tenants.yaml': [['id: 42\n    host: hv3', 'id: 42\n    host: hv1']] });
    const report = analyseSite(site);
    expect(report.singlePointsOfFailure).toContain('hv1');
    expect(broken(result(report, 'hv1'))).toEqual(
      expect.arrayContaining(['shop_gw_app (10.20.2.1/24): no member left, no master']),
    );
  });
});
