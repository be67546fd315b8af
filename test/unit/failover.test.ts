/**
 * `fabric lab failover`, the pure parts: scenarios and probes derived from the idc-a model,
 * the selection, the budget table, the outage arithmetic, the verdict, the fault journal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetFor, NO_BUDGET } from '../../src/failover/budgets.js';
import { silentRuleset } from '../../src/failover/faults.js';
import { FaultJournal } from '../../src/failover/journal.js';
import { failureKinds, healthySince, measureWindow, type Sample } from '../../src/failover/measure.js';
import { annotateScenarios } from '../../src/failover/prediction.js';
import { deriveProbes, probeEnds } from '../../src/failover/probe-plan.js';
import {
  failoverJunit,
  failoverText,
  type ListedScenario,
  scenarioListJson,
} from '../../src/failover/report.js';
import { judge, type ProbeResult, type ScenarioResult, summarize } from '../../src/failover/result.js';
import { deriveScenarios } from '../../src/failover/scenarios.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO, runFabric } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

const site = runPipeline(join(REPO, 'inventory'), { sites: ['idc-a'] }).model!.sites[0]!;

/** idc-a compiled from a copy of the example whose idc-a.yaml went through `change`. */
function changedIdcA(change: (text: string) => string) {
  const { inventory } = exampleCopy();
  const file = join(inventory, 'idc-a.yaml');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const r = runPipeline(inventory, { sites: ['idc-a'] });
  return { site: r.model!.sites[0]!, sources: r.sources };
}

const budgetOf = (s: typeof site, id: string) =>
  deriveScenarios(s).scenarios.find((x) => x.id === id)!.budget;

const probe = (ms: number, excluded = false): ProbeResult => ({
  probe: `p${ms}`,
  kind: 'ping',
  excluded,
  failover: { sent: 100, failed: ms / 10, longestOutageMs: ms, lostMs: ms, recovered: true, failures: [] },
  failback: { sent: 100, failed: 0, longestOutageMs: 0, lostMs: 0, recovered: true, failures: [] },
});
const result = (probes: ProbeResult[]): ScenarioResult => ({
  id: 'spine1/cut',
  target: 'spine1',
  group: 'spine-plane',
  fault: 'cut',
  budget: budgetFor(site.budgets, 'spine-plane', { device: 'spine1', group: 'spine-plane' }),
  injected: 'spine1 eth1 down',
  injectedAt: '',
  heldMs: 3000,
  undone: true,
  failover: summarize(probes, 'failover'),
  failback: summarize(probes, 'failback'),
  probes,
  events: [],
  converged: true,
  convergeMs: 1000,
  problems: [],
  verdict: 'fail',
  reasons: [],
});

/** Samples every `interval` ms from `from` to `to`, failing inside the given spans. */
function samples(from: number, to: number, interval: number, down: [number, number][]): Sample[] {
  const out: Sample[] = [];
  for (let t = from; t < to; t += interval) out.push({ at: t, ok: !down.some(([a, b]) => t >= a && t < b) });
  return out;
}

describe('scenarios from the model', () => {
  const { scenarios } = deriveScenarios(site);
  const ids = scenarios.map((s) => s.id);

  it('covers every member of every redundancy group with the three faults', () => {
    for (const g of site.redundancyGroups)
      for (const m of g.members) expect(ids.filter((id) => id.startsWith(`${m}/`)).length, m).toBe(3);
    expect(ids).toContain('vr1/crash');
    expect(scenarios.find((s) => s.id === 'vr1/crash')!.target).toMatchObject({
      crash: { daemon: 'keepalived' },
    });
    expect(scenarios.find((s) => s.id === 'web1/crash')!.target).toMatchObject({
      crash: { daemon: 'haproxy' },
    });
  });

  it('covers every fabric and host cable with cut and silent, never crash', () => {
    const fabric = site.cables.filter((c) => c.kind === 'fabric' || c.kind === 'host');
    const cableIds = ids.filter((id) => id.includes('--'));
    expect(cableIds).toHaveLength(fabric.length * 2);
    expect(cableIds.some((id) => id.endsWith('/crash'))).toBe(false);
  });

  it('adds the application servers behind each HAProxy backend', () => {
    const app = scenarios.filter((s) => s.target.kind === 'device' && s.target.groupKind === 'app-servers');
    expect(app.length).toBeGreaterThan(0);
    expect(app[0]!.budget.maxFailedRequests).toBe(0);
  });

  it('a hypervisor scenario knows the VMs that fall with it', () => {
    const hv1 = scenarios.find((s) => s.id === 'hv1/cut')!.target;
    expect(hv1.kind === 'device' && hv1.fallen).toEqual(expect.arrayContaining(['hv1', 'vr1', 'web1']));
  });

  it('selects by device, cable end, group and fault; unknown names are reported', () => {
    const one = deriveScenarios(site, { only: ['spine1'], faults: ['cut', 'silent'] });
    expect(one.scenarios.map((s) => s.id)).toEqual(['spine1/cut', 'spine1/silent']);
    const cable = deriveScenarios(site, { only: ['spine1:eth11'], faults: ['cut'] });
    expect(cable.scenarios.map((s) => s.id)).toEqual(['leaf1a:eth1--spine1:eth11/cut']);
    const group = deriveScenarios(site, { groups: ['shop-routers'], faults: ['crash'] });
    expect(group.scenarios.map((s) => s.id)).toEqual(['vr1/crash', 'vr2/crash']);
    expect(deriveScenarios(site, { only: ['spnie1'], groups: ['nope'] }).unknown).toEqual(['spnie1', 'nope']);
  });
});

describe('budgets from the model', () => {
  it('GIVEN idc-a THEN each scenario has the model budget of what it fails, with the predicted worst case', () => {
    expect(budgetOf(site, 'spine1/cut')).toMatchObject({
      label: 'spine-plane (fabric-node)',
      maxOutageMs: 350,
      predictedOutageMs: 250,
      source: 'budgets.fabric',
    });
    expect(budgetOf(site, 'leaf1a:eth1--spine1:eth11/cut')).toMatchObject({
      label: 'cables (fabric-cable)',
      maxOutageMs: 350,
    });
    expect(budgetOf(site, 'vr1/crash')).toMatchObject({
      label: 'shop-routers (vrrp-gateway)',
      maxOutageMs: 1000,
      predictedOutageMs: 542,
      source: 'budgets.gateway',
    });
    expect(budgetOf(site, 'lb2/cut')).toMatchObject({ label: 'shop-l4 (l4-vip)', maxOutageMs: 1000 });
    expect(budgetOf(site, 'web1/cut')).toMatchObject({
      label: 'shop/www (l4-real-server)',
      maxOutageMs: 1000,
      predictedOutageMs: 700,
      source: 'budgets.haproxy',
    });
    expect(budgetOf(site, 'hv2/cut')).toMatchObject({ label: 'hv2 (hypervisor)', maxOutageMs: 1000 });
    // an app server's budget is in failed requests: its outage is not judged on its own
    expect(budgetOf(site, 'app3/cut')).toMatchObject({
      label: 'shop/api (app-server)',
      maxOutageMs: null,
      maxFailedRequests: 0,
      predictedFailedRequests: 0,
      source: 'budgets.app_server',
    });
  });

  it('GIVEN budgets: { fabric: 200 } in the inventory THEN a spine scenario is judged against 200 ms', () => {
    const changed = changedIdcA((t) => t.replace('  fabric: 350 ', '  fabric: 200 '));
    expect(budgetOf(changed.site, 'spine1/silent')).toMatchObject({
      maxOutageMs: 200,
      predictedOutageMs: 250,
    });
    expect(budgetOf(changed.site, 'leaf1a:eth1--spine1:eth11/cut').maxOutageMs).toBe(200);
    expect(budgetOf(changed.site, 'vr1/cut').maxOutageMs).toBe(1000);
  });

  it('GIVEN no budgets in the inventory THEN the defaults, shown as such; GIVEN a pair its own THEN that', () => {
    const defaults = changedIdcA((t) => t.slice(0, t.indexOf('\nbudgets:')));
    expect(budgetOf(defaults.site, 'spine1/cut')).toMatchObject({ maxOutageMs: 350, source: 'default' });
    const tenants = exampleCopy().inventory;
    const file = join(tenants, 'idc-a-tenants.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('    routers:\n', '    routers:\n      budget: 800\n'),
    );
    const own = runPipeline(tenants, { sites: ['idc-a'] }).model!.sites[0]!;
    expect(budgetOf(own, 'vr2/cut')).toMatchObject({
      maxOutageMs: 800,
      source: 'tenants.shop.routers.budget',
    });
  });

  it('GIVEN a group kind the model has no budget for THEN none, judged on recovery only', () => {
    expect(budgetFor(site.budgets, 'superspine-plane', { device: 'spine1', group: 'x' })).toBe(NO_BUDGET);
    const r = { ...result([probe(5000)]), budget: NO_BUDGET };
    judge(r);
    expect(r.verdict).toBe('pass');
  });

  it('annotated for the report: where the budget is set (file:line:col) and what whatif predicts', () => {
    const changed = changedIdcA((t) => t.replace('  fabric: 350 ', '  fabric: 200 '));
    const [spine, cable] = annotateScenarios(
      changed.site,
      deriveScenarios(changed.site, { only: ['spine1', 'leaf1a:eth1'], faults: ['cut'] }).scenarios,
      changed.sources,
    );
    expect(spine!.budget.location).toMatch(/idc-a\.yaml:\d+:\d+$/);
    expect(spine!.whatif).toEqual({ verdict: 'degraded', breaks: [] });
    expect(cable!.whatif?.verdict).toBe('degraded');
  });
});

describe('probes from the model', () => {
  const probes = deriveProbes(site);

  it('pings between leaf loopbacks of different racks, and between VMs across hypervisors', () => {
    expect(probes).toContainEqual(
      expect.objectContaining({ kind: 'ping', device: 'leaf1a', source: '10.1.0.11', target: 'leaf2a' }),
    );
    expect(probes.some((p) => p.kind === 'ping' && p.device === 'leaf1a' && p.target === 'leaf1b')).toBe(
      false,
    );
    expect(probes.some((p) => p.kind === 'ping' && p.device.startsWith('app'))).toBe(true);
  });

  it('pings every VIP from every upstream that sends it HTTP (the pings that cross an edge), with no device at their far end', () => {
    const vipPings = probes.filter((p) => p.kind === 'ping' && p.device.startsWith('isp'));
    expect(vipPings).toContainEqual({
      kind: 'ping',
      id: 'ping isp1→203.0.113.10',
      device: 'isp1',
      source: expect.any(String),
      address: '203.0.113.10',
      upstream: true,
    });
    expect(new Set(vipPings.map((p) => p.device))).toEqual(new Set(['isp1', 'isp2']));
    // a VIP moves to the other balancer: its pings are not excluded when lb1 or lb2 fails
    expect(vipPings.every((p) => probeEnds(p).length === 1)).toBe(true);
  });

  it('without the upstream pings (a push injects no fault at the edges): the same probes but those, HTTP from the upstreams kept', () => {
    const lean = deriveProbes(site, { upstreamPings: false });
    expect(lean).toEqual(probes.filter((p) => !(p.kind === 'ping' && p.upstream)));
    expect(lean.length).toBeLessThan(probes.length);
    expect(lean.filter((p) => p.kind === 'http')).toEqual(probes.filter((p) => p.kind === 'http'));
  });

  it('sends HTTP to every VIP URL from every upstream, and every id is unique', () => {
    const http = probes.filter((p) => p.kind === 'http');
    expect(new Set(http.map((p) => p.device))).toEqual(new Set(['isp1', 'isp2']));
    expect(http.some((p) => p.urls.some((u) => u.url.startsWith('https:') && u.insecure))).toBe(true);
    // one client per upstream and VIP, every URL of the VIP in turn (verify's HTTP paths)
    expect(http.map((p) => p.id).sort()).toEqual([
      'http isp1→203.0.113.10',
      'http isp1→[2001:db8:100:10::10]',
      'http isp2→203.0.113.10',
      'http isp2→[2001:db8:100:10::10]',
    ]);
    expect(http[0]!.urls.map((u) => u.url).sort()).toEqual([
      'http://203.0.113.10/',
      'http://203.0.113.10/api/',
      'https://203.0.113.10/',
      'https://203.0.113.10/api/',
    ]);
    expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
  });
});

describe('probes of a dual-stack site (idc-ds, issue 14)', () => {
  const ds = runPipeline(join(REPO, 'test/fixtures/dual-stack/inventory'), { sites: ['idc-ds'] }).model!
    .sites[0]!;
  const probes = deriveProbes(ds);
  const v6 = probes.filter((p) => p.family === 'ipv6');

  it('probes IPv6 beside IPv4: loopbacks, VMs across hypervisors, the VIPs from the upstreams', () => {
    expect(probes.filter((p) => !p.family).length).toBeGreaterThan(0);
    expect(v6).toContainEqual(
      expect.objectContaining({
        kind: 'ping',
        id: 'ping leaf1a→leaf2a (IPv6)',
        source: expect.stringMatching(/^2001:db8:1::/),
      }),
    );
    expect(v6.some((p) => p.kind === 'ping' && p.id.endsWith(', IPv6)') && p.device.startsWith('app'))).toBe(
      true,
    );
    // the IPv6-only segment's VMs are probed too (db1 has no IPv4 at all)
    expect(v6.some((p) => p.kind === 'ping' && (p.device === 'db1' || p.target === 'db1'))).toBe(true);
    expect(v6).toContainEqual(
      expect.objectContaining({
        kind: 'ping',
        id: 'ping isp1→2001:db8:100:10::10',
        address: '2001:db8:100:10::10',
        upstream: true,
      }),
    );
    const http6 = v6.filter((p) => p.kind === 'http');
    expect(http6.length).toBeGreaterThan(0);
    expect(http6.every((p) => p.urls.every((u) => u.url.includes('[2001:db8:100:10::10]')))).toBe(true);
    expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
  });

  it('an IPv6 request rotates through spare IPv6 addresses of its upstream (the per-client rate limit), never IPv4 ones', () => {
    for (const p of probes.filter((x) => x.kind === 'http')) {
      expect(p.sources.length).toBeGreaterThan(1);
      expect(p.sources.every((a) => a.includes(':') === (p.family === 'ipv6'))).toBe(true);
    }
    const isp1 = v6
      .filter((p) => p.kind === 'http' && p.device === 'isp1')
      .flatMap((p) => (p.kind === 'http' ? p.sources : []));
    expect(new Set(isp1).size).toBe(isp1.length);
    expect(isp1.every((a) => a.startsWith('2001:db8:f1:'))).toBe(true);
  });
});

describe('outage arithmetic', () => {
  it('no loss is no outage; one lost ping costs one interval', () => {
    expect(measureWindow(samples(0, 1000, 10, []), 0, 1000, 10)).toMatchObject({
      longestOutageMs: 0,
      failed: 0,
    });
    const one = measureWindow(samples(0, 1000, 10, [[500, 510]]), 0, 1000, 10);
    expect(one).toMatchObject({ longestOutageMs: 10, failed: 1, recovered: true });
  });

  it('the longest run of failures, in the window where it started', () => {
    const s = samples(0, 4000, 10, [
      [1000, 1300],
      [2500, 2600],
    ]);
    expect(measureWindow(s, 900, 2000, 10)).toMatchObject({
      longestOutageMs: 300,
      failed: 30,
      outageStart: 1000,
    });
    expect(measureWindow(s, 2000, 4000, 10)).toMatchObject({ longestOutageMs: 100, failed: 10 });
  });

  it('the lost time is the interval of every failed sample, runs or not', () => {
    const s = samples(0, 4000, 10, [
      [1000, 1300],
      [2500, 2600],
    ]);
    expect(measureWindow(s, 0, 4000, 10)).toMatchObject({ longestOutageMs: 300, lostMs: 400 });
  });

  it('a failed sample stands for the time until the next send, not the median interval', () => {
    // a client busy with answers sends every 100 ms; while its requests hang, every 50 ms
    const at = [0, 100, 200, 300, 350, 400, 450, 500, 600, 700, 800, 900, 1000].map((t) => ({
      at: t,
      ok: t < 300 || t > 450,
    }));
    const m = measureWindow(at, 0, 1000, 100);
    expect(m).toMatchObject({ failed: 4, lostMs: 200 });
    // a send held back 1 s by the scheduler counts at most two intervals
    const late = measureWindow(
      [
        { at: 0, ok: false },
        { at: 1000, ok: true },
      ],
      0,
      2000,
      100,
    );
    expect(late.lostMs).toBe(200);
  });

  it('a probe that never recovers is flagged, its outage lasting to the end', () => {
    const m = measureWindow(samples(0, 2000, 10, [[1000, 5000]]), 0, 3000, 10);
    expect(m.recovered).toBe(false);
    expect(m.longestOutageMs).toBeGreaterThanOrEqual(990);
  });

  it('healthy means answered throughout the last stretch', () => {
    const s = samples(0, 2000, 10, [[1500, 1600]]);
    expect(healthySince(s, 2000, 300)).toBe(true);
    expect(healthySince(s, 1700, 300)).toBe(false);
    expect(healthySince([], 1000, 300)).toBe(false);
  });
});

describe('verdict', () => {
  it('passes within the budget, fails over it, ignoring probes whose ends fell with the target', () => {
    const ok = result([probe(200), probe(2000, true)]);
    judge(ok);
    expect(ok.verdict).toBe('pass');
    const over = result([probe(1020)]);
    judge(over);
    expect(over.verdict).toBe('fail');
    expect(over.reasons).toEqual(['failover 1020 ms of pings > 350 ms']);
  });

  it('a fabric budget holds the pings (issue 10: "ms of lost pings"), a service budget every probe', () => {
    const http: ProbeResult = { ...probe(900), probe: 'http isp1', kind: 'http' };
    const fabric = result([probe(200), http]);
    expect(fabric.budget.outageOf).toBe('pings');
    judge(fabric);
    expect(fabric.verdict).toBe('pass');
    expect(fabric.failover).toMatchObject({ maxOutageMs: 900, maxPingOutageMs: 200 });
    const service = {
      ...result([probe(200), http]),
      budget: { ...fabric.budget, outageOf: 'every-probe' as const },
    };
    judge(service);
    expect(service.reasons).toEqual(['failover 900 ms > 350 ms']);
  });

  it('the report puts whatif and the budget next to what was measured, and says where the budget is set', () => {
    const r = {
      ...result([probe(420)]),
      budget: { ...result([]).budget, location: 'inventory/idc-a.yaml:56:11' },
      whatif: { verdict: 'degraded' as const, breaks: [] },
    };
    judge(r);
    const report = { results: [r], notRun: [], interrupted: false, site: 'idc-a', lab: 'x' };
    const text = failoverText({ ...report, probes: { ping: 1, http: 0, data: 0 }, seconds: 10 });
    expect(text).toMatch(/^RESULT +SCENARIO +GROUP +WHATIF +PREDICTED +BUDGET +FAILOVER/m);
    expect(text).toMatch(/^FAIL +spine1\/cut +spine-plane +degraded +250 ms +350 ms +420 ms/m);
    expect(text).toContain(
      'budget spine-plane (fabric-node): 350 ms, budgets.fabric at inventory/idc-a.yaml:56:11; the model predicts 250 ms',
    );
    const junit = failoverJunit({ ...report, probes: { ping: 1, http: 0, data: 0 }, seconds: 10 });
    expect(junit).toContain('budget 350 ms, predicted 250 ms');
  });

  it('a partial loss fails a budget in ms by the time it lost, though its longest gap is short', () => {
    // half the requests fail for 3 s (new connections hashed onto a dead path): gaps of 50 ms
    const at = Array.from({ length: 120 }, (_, i) => ({ at: i * 50, ok: i < 20 || i >= 80 || i % 2 === 0 }));
    const window = measureWindow(at, 1000, 6000, 50);
    expect(window).toMatchObject({ longestOutageMs: 50, failed: 30, lostMs: 1500 });
    const http: ProbeResult = {
      probe: 'http isp2→https',
      kind: 'http',
      excluded: false,
      failover: { ...window, failures: [] },
      failback: { sent: 10, failed: 0, longestOutageMs: 0, lostMs: 0, recovered: true, failures: [] },
    };
    const r = { ...result([http]), budget: { ...result([]).budget, outageOf: 'every-probe' as const } };
    judge(r);
    expect(r.failover).toMatchObject({ maxOutageMs: 50, maxLostMs: 1500, mostLostProbe: 'http isp2→https' });
    expect(r.reasons).toEqual(['failover 1500 ms lost (the time its failed samples stand for) > 350 ms']);
  });

  it('the failed requests of every HTTP probe that counts are summed by what they said, most frequent first', () => {
    const http = (name: string, errors: string[], excluded = false): ProbeResult => {
      const samples = [
        { at: 0, ok: true },
        ...errors.map((error, i) => ({ at: 50 * (i + 1), ok: false, error })),
        { at: 1000, ok: true },
      ];
      return {
        probe: name,
        kind: 'http',
        excluded,
        failover: { ...measureWindow(samples, 0, 2000, 50), failures: failureKinds(samples, 0, 2000) },
        failback: { sent: 0, failed: 0, longestOutageMs: 0, lostMs: 0, recovered: true, failures: [] },
      };
    };
    const probes = [
      http('http isp1→a', ['timeout', 'HTTP 503']),
      http('http isp2→a', ['timeout']),
      http('http isp2→b', ['socket hang up'], true),
    ];
    expect(summarize(probes, 'failover')).toMatchObject({
      failedRequests: 3,
      requestErrors: ['timeout ×2', 'HTTP 503'],
    });
    expect(summarize(probes, 'failback').requestErrors).toEqual([]);
  });

  it('a fault not undone or a lab not converged fails', () => {
    const r = { ...result([probe(0)]), undone: false, converged: false };
    judge(r);
    expect(r.reasons).toEqual(['the fault was not undone', 'verify not green after it']);
  });
});

describe('faults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-failover-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('silent: an nftables netdev table dropping ingress and egress of each interface', () => {
    const rules = silentRuleset('fabric_failover_x', ['eth1', 'eth2']);
    expect(rules).toContain(
      'chain in0 { type filter hook ingress device "eth1" priority -500; policy drop; }',
    );
    expect(rules).toContain(
      'chain out1 { type filter hook egress device "eth2" priority -500; policy drop; }',
    );
  });

  it('the journal keeps undo steps until the scenario is forgotten', () => {
    const j = new FaultJournal(dir);
    j.record('r1', 'spine1/cut', { op: 'link-up', netns: 'ns', ifname: 'eth1' });
    j.record('r1', 'spine1/cut', { op: 'link-up', netns: 'ns', ifname: 'eth2' });
    expect(new FaultJournal(dir).entries()).toMatchObject([
      { run: 'r1', scenario: 'spine1/cut', undo: [{}, {}] },
    ]);
    j.forget('r1', 'spine1/cut');
    expect(j.entries()).toEqual([]);
  });
});

describe('--list --json (scenarioListJson)', () => {
  it('GIVEN the scenarios THEN each is named as a run reports it: device or cable, its group or cables, the daemon a crash kills', () => {
    const { scenarios } = deriveScenarios(site, {
      only: ['spine1', 'leaf1a:eth1'],
      faults: ['cut', 'crash'],
    });
    const listed = scenarioListJson('idc-a', scenarios);
    expect(listed.site).toBe('idc-a');
    const spineCrash = listed.scenarios.find((s) => s.id === 'spine1/crash')!;
    expect(spineCrash).toMatchObject({ target: 'spine1', group: 'spine-plane', fault: 'crash' });
    const derived = scenarios.find((s) => s.id === 'spine1/crash')!;
    expect(spineCrash.daemon).toEqual(expect.any(String));
    expect(spineCrash.daemon).toBe(derived.target.kind === 'device' && derived.target.crash?.daemon);
    expect(listed.scenarios.find((s) => s.id === 'spine1/cut')).toMatchObject({ daemon: null, whatif: null });
    const cable = listed.scenarios.find((s) => s.target.includes('--'))!;
    expect(cable).toMatchObject({ group: 'cables', fault: 'cut', daemon: null });
    expect(cable.id).toBe(`${cable.target}/cut`);
  });
});

describe('fabric lab failover on the command line (no lab needed)', () => {
  it('--list shows the scenarios with their budgets; touches nothing', async () => {
    const r = await runFabric([
      'lab',
      'failover',
      '--site',
      'idc-a',
      '--group',
      'shop-l7',
      '--fault',
      'cut',
      '--list',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^web1\/cut +shop-l7 +cut +1000 ms +700 ms +degraded +shop\/www \(l4-real-server\) +budgets\.haproxy \(inventory\/idc-a\.yaml:\d+:\d+\)$/m,
    );
  });

  it('--list --json: one JSON document with every scenario the text lists, in its order; touches nothing', async () => {
    const text = await runFabric(['lab', 'failover', '--site', 'idc-a', '--list']);
    const r = await runFabric(['lab', 'failover', '--site', 'idc-a', '--list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { site: string; scenarios: ListedScenario[] };
    expect(doc.site).toBe('idc-a');
    expect(doc.scenarios.map((s) => s.id)).toEqual(
      text.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[0]),
    );
    expect(doc.scenarios.find((s) => s.id === 'web1/cut')).toEqual({
      id: 'web1/cut',
      target: 'web1',
      group: 'shop-l7',
      fault: 'cut',
      daemon: null,
      budget: expect.objectContaining({
        label: 'shop/www (l4-real-server)',
        maxOutageMs: 1000,
        predictedOutageMs: 700,
        source: 'budgets.haproxy',
        location: expect.stringMatching(/^inventory\/idc-a\.yaml:\d+:\d+$/),
      }),
      whatif: expect.objectContaining({ verdict: 'degraded' }),
    });
  });

  it('bad arguments and a lab that does not exist exit 2, naming what is wrong', async () => {
    const fault = await runFabric(['lab', 'failover', '--site', 'idc-a', '--fault', 'bogus']);
    expect(fault.code).toBe(2);
    expect(fault.stderr).toContain('unknown --fault bogus; choose from cut, silent, crash');
    const only = await runFabric(['lab', 'failover', '--site', 'idc-a', '--only', 'spnie1']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('spnie1: no such redundancy-group member, cable or group of idc-a');
    const lab = await runFabric([
      'lab',
      'failover',
      '--site',
      'idc-a',
      '--name',
      'no-such-lab-x',
      '--only',
      'spine1',
    ]);
    expect(lab.code).toBe(2);
    expect(lab.stderr).toContain('no lab "no-such-lab-x"');
  });
});
