/**
 * `fabric lab failover`, the pure parts: scenarios and probes derived from the idc-a model,
 * the selection, the budget table, the outage arithmetic, the verdict, the fault journal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetFor } from '../../src/failover/budgets.js';
import { silentRuleset } from '../../src/failover/faults.js';
import { FaultJournal } from '../../src/failover/journal.js';
import { healthySince, measureWindow, type Sample } from '../../src/failover/measure.js';
import { deriveProbes } from '../../src/failover/probe-plan.js';
import { judge, type ProbeResult, type ScenarioResult, summarize } from '../../src/failover/result.js';
import { deriveScenarios } from '../../src/failover/scenarios.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO, runFabric } from '../support/cli.js';

const site = runPipeline(join(REPO, 'inventory'), { sites: ['idc-a'] }).model!.sites[0]!;

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

describe('budgets', () => {
  it('takes the numbers of issue 10 from one table', () => {
    expect(budgetFor('spine-plane').maxOutageMs).toBe(350);
    expect(budgetFor('cable').maxOutageMs).toBe(350);
    expect(budgetFor('vrrp-pair').maxOutageMs).toBe(1000);
    expect(budgetFor('haproxy-pair').maxOutageMs).toBe(1000);
    expect(budgetFor('hypervisors').maxOutageMs).toBe(1000);
    expect(budgetFor('app-servers')).toMatchObject({ maxFailedRequests: 0 });
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

  it('sends HTTP to every VIP URL from every upstream, and every id is unique', () => {
    const http = probes.filter((p) => p.kind === 'http');
    expect(new Set(http.map((p) => p.device))).toEqual(new Set(['isp1', 'isp2']));
    expect(http.some((p) => p.url.startsWith('https:') && p.insecure)).toBe(true);
    expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
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
  const probe = (ms: number, excluded = false): ProbeResult => ({
    probe: `p${ms}`,
    kind: 'ping',
    excluded,
    failover: { sent: 100, failed: ms / 10, longestOutageMs: ms, recovered: true },
    failback: { sent: 100, failed: 0, longestOutageMs: 0, recovered: true },
  });
  const result = (probes: ProbeResult[]): ScenarioResult => ({
    id: 'spine1/cut',
    target: 'spine1',
    group: 'spine-plane',
    fault: 'cut',
    budget: budgetFor('spine-plane'),
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

  it('passes within the budget, fails over it, ignoring probes whose ends fell with the target', () => {
    const ok = result([probe(200), probe(2000, true)]);
    judge(ok);
    expect(ok.verdict).toBe('pass');
    const over = result([probe(1020)]);
    judge(over);
    expect(over.verdict).toBe('fail');
    expect(over.reasons).toEqual(['failover 1020 ms > 350 ms']);
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
    expect(r.stdout).toMatch(/^web1\/cut +shop-l7 +cut +1000 ms \(one HAProxy\)$/m);
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
