/**
 * Failure budgets: each formula on timers whose answer is known by hand, and the budgets compile
 * puts in the model of the reference site (idc-a) and of a small inventory that misses one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appServerFailedRequests,
  bfdDetectionMs,
  edgeOutageMs,
  fabricOutageMs,
  haproxyDetectionMs,
  l4CheckDetectionMs,
  vrrpMasterDownMs,
} from '../../src/compile/budgets.js';
import { compileTimers, DEFAULT_TIMERS } from '../../src/compile/timers.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';
import { exampleCopy, singleFileInventory } from '../support/tmp.js';

describe('budget formulas, answers known by hand', () => {
  it('GIVEN BFD 100 ms × 3 and a 50 ms routing reaction THEN a fabric failure costs 350 ms', () => {
    expect(bfdDetectionMs({ intervalMs: 100, multiplier: 3 })).toBe(300);
    expect(fabricOutageMs({ bfdFabric: { intervalMs: 100, multiplier: 3 }, routingReactionMs: 50 })).toBe(
      350,
    );
    // FRR's default 300 ms × 3: the ~1 s the issue measured on a spine
    expect(fabricOutageMs({ bfdFabric: { intervalMs: 300, multiplier: 3 }, routingReactionMs: 50 })).toBe(
      950,
    );
  });

  it('GIVEN fabric BFD 50 ms × 3 and upstream BFD 300 ms × 3 THEN a silent edge costs its upstream 900 + 100 ms', () => {
    const t = { bfdFabric: { intervalMs: 50, multiplier: 3 }, routingReactionMs: 100 };
    expect(edgeOutageMs({ ...t, bfdUpstream: { intervalMs: 300, multiplier: 3 } })).toBe(1000);
    // upstream BFD as fast as the fabric's: the fabric's answer
    expect(edgeOutageMs({ ...t, bfdUpstream: { intervalMs: 50, multiplier: 3 } })).toBe(250);
  });

  it('GIVEN VRRPv2, advert 1 s, backup priority 100 THEN 3 s + 156/256 s = 3610 ms (RFC 3768)', () => {
    expect(vrrpMasterDownMs(2, 1, 100)).toBe(3610);
  });

  it('GIVEN VRRPv3, advert 0.2 s, backup priority 100 THEN 0.6 s + 156/256 × 0.2 s = 722 ms (RFC 5798)', () => {
    expect(vrrpMasterDownMs(3, 0.2, 100)).toBe(722);
    // a higher backup priority has a shorter skew
    expect(vrrpMasterDownMs(3, 0.2, 254)).toBe(602);
  });

  it('GIVEN keepalived checks every 0.2 s, timeout 0.2 s, retry 1 after 0.1 s THEN a dead real server is out in 700 ms', () => {
    expect(l4CheckDetectionMs({ interval: 0.2, timeout: 0.2, retry: 1, delayBeforeRetry: 0.1 })).toBe(700);
    // the old timers: delay_loop 3, connect_timeout 2, keepalived's default retry 1 after 1 s
    expect(l4CheckDetectionMs({ interval: 3, timeout: 2, retry: 1, delayBeforeRetry: 1 })).toBe(8000);
  });

  it('GIVEN HAProxy inter 200 ms, fastinter 100 ms, fall 2, timeout check 200 ms THEN down in 200 + 2×200 + 100 = 700 ms', () => {
    expect(haproxyDetectionMs({ interMs: 200, fastinterMs: 100, fall: 2, timeoutMs: 200 })).toBe(700);
  });

  it('GIVEN retries that redispatch on conn-failure, empty-response and response-timeout and two servers THEN no request fails; without retries, or one server, it cannot be hidden', () => {
    const p = DEFAULT_TIMERS.haproxyRetries;
    expect(appServerFailedRequests(p, 2)).toBe(0);
    expect(appServerFailedRequests({ ...p, retries: 0 }, 2)).toBeNull();
    expect(appServerFailedRequests({ ...p, redispatch: false }, 4)).toBeNull();
    expect(appServerFailedRequests(p, 1)).toBeNull();
    // a read the server had when it went silent is lost without the response-timeout retry
    expect(appServerFailedRequests({ ...p, retryOn: ['conn-failure', 'empty-response'] }, 2)).toBeNull();
  });

  it('GIVEN no timers in the inventory THEN the data-centre defaults; GIVEN some THEN those win', () => {
    expect(compileTimers({ defaults: {} })).toEqual(DEFAULT_TIMERS);
    const t = compileTimers({
      defaults: { bfd: { interval: 50, upstream: { interval: 1000 } }, vrrp: { version: 2 } },
    });
    expect(t.bfdFabric).toEqual({ intervalMs: 50, multiplier: 3 });
    expect(t.bfdUpstream).toEqual({ intervalMs: 1000, multiplier: 3 });
    expect(t.vrrp).toEqual({ version: 2, advertS: 0.15 });
  });

  it("GIVEN the default update delay THEN every router's `router bgp` has `update-delay 10` where FRR prints it; GIVEN update_delay 0 THEN none", () => {
    const bgpHead = (inventory?: string) =>
      renderExample(inventory)[0]!
        .rendered.files.find((f) => f.device === 'leaf1a' && f.file === 'frr.conf')!
        .content.split('\n')
        .filter((l) => /^ (bgp log-neighbor-changes|update-delay|bgp bestpath)/.test(l));
    // after log-neighbor-changes and before bestpath, as `show running-config` of FRR 8.4 has it
    expect(bgpHead()).toEqual([
      ' bgp log-neighbor-changes',
      ' update-delay 10',
      ' bgp bestpath as-path multipath-relax',
    ]);
    const { inventory } = exampleCopy();
    const file = join(inventory, 'idc-a.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('defaults:\n', 'defaults:\n  bgp: { update_delay: 0 }\n'),
    );
    expect(bgpHead(inventory)).toEqual([
      ' bgp log-neighbor-changes',
      ' bgp bestpath as-path multipath-relax',
    ]);
  });
});

describe('budgets in the model', () => {
  it('GIVEN idc-a THEN every group and service has a budget it meets, and no budget finding', () => {
    const r = runPipeline(join(REPO, 'inventory'));
    const site = r.model!.sites.find((s) => s.name === 'idc-a')!;
    const by = (subject: string) => site.budgets.find((b) => b.subject === subject)!;
    expect(site.budgets.every((b) => b.met)).toBe(true);
    // BFD 50 ms × 3 + 100 ms routing reaction
    expect(by('spine-plane')).toMatchObject({ kind: 'fabric-node', expectedOutageMs: 250, budgetMs: 350 });
    // upstream BFD 50 ms × 3 too (agreed with the ISPs in idc-a.yaml)
    expect(by('edge-pair')).toMatchObject({ kind: 'edge-node', expectedOutageMs: 250, budgetMs: 350 });
    expect(by('shop-routers')).toMatchObject({ kind: 'vrrp-gateway', expectedOutageMs: 542, budgetMs: 1000 });
    expect(by('shop-l4')).toMatchObject({ kind: 'l4-vip', expectedOutageMs: 542, budgetMs: 1000 });
    expect(by('shop/www')).toMatchObject({
      kind: 'l4-real-server',
      expectedOutageMs: 700,
      members: ['web1', 'web2'],
    });
    expect(by('shop/web')).toMatchObject({
      kind: 'app-server',
      expectedFailedRequests: 0,
      budgetFailedRequests: 0,
    });
    // hv1 hosts vr1 (gateway master) and web1 (a real server of the VIP): the slowest of them
    expect(by('hv1')).toMatchObject({ kind: 'hypervisor', expectedOutageMs: 700, budgetMs: 1000 });
    expect(by('hv1').members).toEqual(['app1', 'hv1', 'vr1', 'web1']);
    expect(r.findings.filter((f) => f.code.startsWith('budget') || f.code.startsWith('vrrp-a'))).toEqual([]);
  });

  it('GIVEN a backend with response_timeout and one without THEN timeout server 500 ms and HAProxy`s usual 30 s, reads alone retried after a connect', () => {
    const copy = exampleCopy();
    const file = join(copy.inventory, 'idc-a-tenants.yaml');
    // api keeps its 0.5 s; web falls back to the default
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('          response_timeout: 0.5\n', ''));
    const [idcA] = renderExample(copy.inventory, join(copy.dir, 'secrets.yaml'));
    const cfg = idcA!.rendered.files.find((f) => f.device === 'web1' && f.daemon === 'haproxy')!.content;
    const section = (name: string) => cfg.split(`\nbackend ${name}\n`)[1]!.split('\n\n')[0]!;
    expect(section('web')).toContain('  timeout server 30000ms\n');
    expect(section('api')).toContain('  timeout server 500ms\n');
    for (const b of ['web', 'api'])
      expect(section(b)).toContain('  http-request disable-l7-retry if !METH_GET !METH_OPTIONS\n');
    const budget = idcA!.site.budgets.find((b) => b.subject === 'shop/api')!;
    expect(budget.timers).toMatchObject({ timeoutServerMs: 500, connectTimeoutMs: 200 });
  });

  it('GIVEN a spine budget of 200 ms with the default BFD (50 ms × 3, + 100 ms reaction) THEN budget-exceeded at budgets.fabric, once per fabric group and for cables', () => {
    const text = readFileSync(join(REPO, 'test', 'findings', 'vrrp-budget-exceeded.yaml'), 'utf8')
      .replace('defaults: { vrrp: { version: 2, advert_int: 1 } }', 'budgets: { fabric: 200 }')
      .replace('      budget: 300\n', '');
    const r = runPipeline(join(singleFileInventory('t.yaml', text), 'inventory'));
    const found = r.findings.filter((f) => f.code === 'budget-exceeded');
    expect(found.map((f) => f.message.split(':')[0])).toEqual([
      'spine-plane (fabric-node)',
      'edge-pair (fabric-node)',
      'leaf-pair-r1 (fabric-node)',
      'leaf-pair-r2 (fabric-node)',
      'cables (fabric-cable)',
    ]);
    expect(found.every((f) => f.path!.join('.') === 'budgets.fabric')).toBe(true);
    expect(found[0]!.message).toContain(
      'costs up to 250 ms (BFD interval × multiplier + routing reaction), over its budget of 200 ms',
    );
  });

  it("GIVEN idc-a with its upstreams' BFD left at 300 ms × 3 THEN budget-exceeded at budgets.edge: the single-homed upstream sees a silent edge in 1 s", () => {
    const { inventory } = exampleCopy();
    const file = join(inventory, 'idc-a.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(', upstream: { interval: 50, multiplier: 3 } }', ' }'),
    );
    const r = runPipeline(inventory);
    const found = r.findings.filter((f) => f.code === 'budget-exceeded');
    expect(found.map((f) => f.message.split(':')[0])).toEqual(['edge-pair (edge-node)']);
    expect(found[0]!.path!.join('.')).toBe('budgets.edge');
    expect(found[0]!.message).toContain(
      'costs up to 1000 ms (max(BFD, upstream BFD) interval × multiplier + routing reaction), over its budget of 350 ms',
    );
  });
});
