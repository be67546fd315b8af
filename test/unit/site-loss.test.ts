/**
 * Site-level scenarios of `lab failover --site-loss` (src/failover/site-loss*.ts): what each
 * silences in the active-active fixture, and how the client's requests are judged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ClientRequest, judgeService } from '../../src/failover/site-loss-judge.js';
import { SITE_LOSS_PARTS, siteLossScenarios } from '../../src/failover/site-loss-scenarios.js';
import { runPipeline } from '../../src/pipeline.js';
import { anycastFixture } from '../support/anycast-fixture.js';
import { REPO, runFabric } from '../support/cli.js';
import { referenceWithoutGslb } from '../support/tmp.js';

const model = runPipeline(join(REPO, 'test', 'fixtures', 'active-active', 'inventory')).model!;

describe('GIVEN the active-active fixture (www in aa-a and aa-b)', () => {
  const scenarios = siteLossScenarios(model, 'aa-a');
  const byPart = new Map(scenarios.map((s) => [s.part, s]));

  it("THEN aa-a's loss is four scenarios: its L4 pair, its application servers, its edges' upstream links, all of it", () => {
    expect(scenarios.map((s) => s.id)).toEqual(SITE_LOSS_PARTS.map((p) => `site:aa-a/${p}`));
    expect(byPart.get('l4')!.silent.map((x) => x.device)).toEqual(['lb1', 'lb2']);
    expect(byPart.get('apps')!.silent.map((x) => x.device)).toEqual(['app1', 'app2', 'app3', 'app4']);
    // the edges keep their fabric links: only the interfaces toward the upstreams are silenced
    const edges = byPart.get('edges')!.silent;
    expect(edges.map((x) => x.device)).toEqual(['edge1', 'edge2']);
    const edge1 = model.sites[0]!.devices.find((d) => d.name === 'edge1')!;
    const toIsps = edge1.interfaces.filter((i) => /^isp/.test(i.peer?.device ?? '')).map((i) => i.name);
    expect(edges[0]!.interfaces).toEqual(toIsps);
    expect(toIsps.length).toBeGreaterThan(0);
    // all of it: every device of the site, none of the upstreams it shares
    const all = byPart.get('all')!.silent.map((x) => x.device);
    expect(all).toContain('dns1');
    expect(all).toContain('spine1');
    expect(all.some((d) => /^isp/.test(d))).toBe(false);
    // every silenced device keeps its management interface
    for (const s of scenarios) for (const x of s.silent) expect(x.interfaces).not.toContain('eth0');
  });

  it("THEN each scenario's service: aa-a's VIP lost, aa-b's left, the anycast budget to move, the DNS budget, aa-b's DNS server asked first", () => {
    for (const s of scenarios) {
      expect(s.services).toHaveLength(1);
      expect(s.services[0]).toMatchObject({
        name: 'www',
        fqdn: 'www.shop.example',
        lostVip: '203.0.113.10',
        otherVips: ['198.51.100.10'],
        moveBudgetMs: 3000,
        dnsBudgetMs: 10_000,
        detectMs: 5000,
        dnsServers: ['198.51.100.29', '203.0.113.29'],
      });
    }
    // the withdrawal is seen at aa-a's vRouters where they stay up and the L4 side decides it
    expect(byPart.get('l4')!.services[0]!.anycast).toEqual({ vrouters: ['vr1', 'vr2'], budgetMs: 3000 });
    expect(byPart.get('apps')!.services[0]!.anycast).toEqual({ vrouters: ['vr1', 'vr2'], budgetMs: 3000 });
    expect(byPart.get('edges')!.services[0]!.anycast).toBeUndefined();
    expect(byPart.get('all')!.services[0]!.anycast).toBeUndefined();
  });

  it('THEN a selection of parts gives those only, and a site sharing no service (the reference inventory without gslb) none', () => {
    expect(siteLossScenarios(model, 'aa-b', ['apps']).map((s) => s.id)).toEqual(['site:aa-b/apps']);
    const ref = runPipeline(referenceWithoutGslb()).model!;
    expect(siteLossScenarios(ref, 'idc-a')).toEqual([]);
    expect(siteLossScenarios(model, 'nowhere')).toEqual([]);
  });
});

describe('judging a scenario from the client’s requests', () => {
  const service = siteLossScenarios(model, 'aa-a', ['l4'])[0]!.services[0]!;
  const A = '203.0.113.10';
  const B = '198.51.100.10';
  const t0 = 1_000_000;
  const repair = t0 + 20_000;
  /** One request every 50 ms from t0 - 3 s to repair + 10 s; `at` decides each one. */
  function requests(at: (t: number) => Partial<ClientRequest>): ClientRequest[] {
    const out: ClientRequest[] = [];
    for (let t = t0 - 3000; t < repair + 10_000; t += 50)
      out.push({
        t,
        end: t + 5,
        server: '198.51.100.29',
        answers: [A, B],
        tried: [],
        addr: A,
        status: 200,
        ok: true,
        ...at(t),
      });
    return out;
  }
  const times = { faultAt: t0, repairAt: repair, withdrawnMs: 300, dnsMs: 5500, backMs: 6000 };

  it('GIVEN failures only within the move budget and none later or during the return THEN pass', () => {
    const r = requests((t) =>
      t >= t0 && t < t0 + 1000 ? { ok: false, status: 503 } : t >= t0 && t < repair ? { addr: B } : {},
    );
    const o = judgeService(service, r, times);
    expect(o).toMatchObject({ verdict: 'pass', failedWithinBudget: 20, failedLater: [], servedLaterBy: [B] });
    expect(o.ratePerSecond).toBe(20);
  });

  it('GIVEN a failure later than the budget, the DNS over its budget, the route never withdrawn and a failure during the return THEN fail, each named', () => {
    const r = requests((t) =>
      t === t0 + 4000 || t === repair + 1000 ? { ok: false, error: 'no address answered' } : {},
    );
    const o = judgeService(service, r, { ...times, dnsMs: 12_000, withdrawnMs: null });
    expect(o.verdict).toBe('fail');
    expect(o.reasons).toEqual([
      'the anycast route was never withdrawn',
      '1 request(s) failed later than 3000 ms after the fault',
      'the DNS answers dropped the site after 12000 ms, over the 10000 ms budget',
      '1 request(s) failed during the return',
    ]);
  });
});

describe('GIVEN the fixture with service any on one address in both sites (anycast.prefix)', () => {
  const withAny = runPipeline(anycastFixture()).model!;
  const any = (part: 'l4' | 'edges') =>
    siteLossScenarios(withAny, 'aa-a', [part])[0]!.services.find((s) => s.name === 'any')!;

  it("THEN its scenarios watch aa-a's service prefix at both upstreams, through aa-a's edges", () => {
    const s = any('l4');
    expect(s.lostVip).toBe('192.0.2.80');
    expect(s.otherVips).toEqual(['192.0.2.80']);
    expect(s.moveBudgetMs).toBe(3000);
    expect(s.anycast).toEqual({ vrouters: ['vr1', 'vr2'], budgetMs: 3000 });
    expect(s.prefix).toEqual({
      prefix: '192.0.2.64/26',
      upstreams: [
        { device: 'isp1', edges: ['192.0.2.1'] },
        { device: 'isp2', edges: ['192.0.2.3'] },
      ],
    });
    // www keeps its own way: by the address and the DNS answer
    const www = siteLossScenarios(withAny, 'aa-a', ['l4'])[0]!.services.find((x) => x.name === 'www')!;
    expect(www.prefix).toBeUndefined();
  });

  it('THEN it is judged by the prefix leaving the upstreams within the anycast budget, not by the DNS answer', () => {
    const s = any('edges');
    const t0 = 1_000_000;
    const repair = t0 + 20_000;
    const r: ClientRequest[] = [];
    for (let t = t0 - 3000; t < repair + 5000; t += 50)
      r.push({
        t,
        end: t + 5,
        server: 'x',
        answers: ['192.0.2.80'],
        tried: [],
        addr: '192.0.2.80',
        status: 200,
        ok: true,
      });
    const times = { faultAt: t0, repairAt: repair, dnsMs: null, backMs: 3000 };
    const pass = judgeService(s, r, { ...times, prefixWithdrawnMs: 1200 });
    expect(pass).toMatchObject({ verdict: 'pass', prefixWithdrawnMs: 1200, dnsMs: null, reasons: [] });
    expect(judgeService(s, r, { ...times, prefixWithdrawnMs: 4000 }).reasons).toEqual([
      '192.0.2.64/26 left the upstreams after 4000 ms, over the 3000 ms budget',
    ]);
    expect(judgeService(s, r, { ...times, prefixWithdrawnMs: null }).reasons).toEqual([
      'the upstreams kept routing 192.0.2.64/26 to the site',
    ]);
  });
});

describe('`lab failover --site-loss`, refused before anything is touched', () => {
  const inventory = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
  const failover = (...args: string[]) =>
    runFabric(['--inventory', inventory, 'lab', 'failover', '--site', 'aa-a', ...args]);

  it('GIVEN a part that does not exist THEN exit 2 naming the parts', async () => {
    const r = await failover('--name', 'x', '--site-loss', 'l4,roof');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown --site-loss part roof; choose from l4, apps, edges, all');
  });

  it('GIVEN no lab name THEN exit 2 asking for the lab of several sites', async () => {
    const r = await failover('--site-loss');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name the lab of several sites (--name)');
  });

  it('GIVEN a lab that does not run THEN exit 2, no stack trace', async () => {
    const r = await failover('--name', 'no-such-lab-t0', '--site-loss', 'l4');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no lab "no-such-lab-t0"/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
