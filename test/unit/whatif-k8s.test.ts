/**
 * whatif with Kubernetes nodes (issue 13, docs/kubernetes.md): each node's speaker (the model of
 * what MetalLB's FRR mode writes on it) originates its cluster's LoadBalancer pools into the
 * sessions its leaves have with it, so the route simulation and whatif see a failed node or
 * rack narrow a pool's reachability, and a cluster whose nodes share one rack lose its pools with
 * that rack: a single point of failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { simulateRouting } from '../../src/verify/routing.js';
import { analyseSite } from '../../src/whatif/analyse.js';
import type { ScenarioResult } from '../../src/whatif/types.js';
import { scenarioResult } from '../support/whatif.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'k8s', 'inventory', 'k8s-a.yaml');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The k8s-a fixture, with `edits` ([from, to]) applied to a copy. */
function k8sA(edits: [string, string][] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-whatif-k8s-'));
  dirs.push(dir);
  let text = readFileSync(FIXTURE, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, 'k8s-a.yaml'), text);
  const r = runPipeline(dir);
  expect(r.inputErrors).toEqual([]);
  return r.model!.sites[0]!;
}

const result = scenarioResult;
const details = (r: ScenarioResult) => r.impacts.map((i) => `${i.severity} ${i.detail}`);

describe('GIVEN k8s-a: a three-node cluster over racks r1 (kn1, kn2) and r2 (kn3)', () => {
  const site = k8sA();
  const report = analyseSite(site);

  it('THEN the simulation has every node originate its pools: leaf1a reaches them over kn1 and kn2, the spines over all four leaves, the edges over both spines', () => {
    const routing = simulateRouting(site);
    expect(routing.nexthops.get('leaf1a')!.get('203.0.113.64/32')).toEqual({ certain: 2, possible: 2 });
    expect(routing.nexthops.get('leaf2a')!.get('10.40.0.0/32')).toEqual({ certain: 1, possible: 1 });
    expect(routing.nexthops.get('spine1')!.get('203.0.113.64/32')).toEqual({ certain: 4, possible: 4 });
    expect(routing.nexthops.get('edge1')!.get('10.40.0.0/32')).toEqual({ certain: 2, possible: 2 });
    expect(routing.ipv6!.nexthops.get('spine2')!.get('2001:db8:100:40::/128')).toEqual({
      certain: 4,
      possible: 4,
    });
    // the leaf accepts from a node only the pool's routes; the node accepts nothing
    expect(routing.received.get('leaf1a|eth21')).toEqual({ certain: 2, possible: 2 });
    expect(routing.received.get('kn1|eth1')).toEqual({ certain: 0, possible: 0 });
  });

  it('WHEN kn1 fails THEN every pool is still routed, announced by kn2 and kn3 only: degraded', () => {
    const r = result(report, 'kn1');
    expect(r.verdict).toBe('degraded');
    expect(details(r)).toContain(
      'degraded LoadBalancer pool 203.0.113.64/27 (cluster prod) announced by kn2, kn3 only (kn1 down)',
    );
    expect(details(r)).toContain(
      'degraded LoadBalancer pool 2001:db8:100:40::/64 (cluster prod) announced by kn2, kn3 only (kn1 down)',
    );
  });

  it('WHEN rack r1 fails THEN kn3 still announces every pool to r2’s leaves: degraded, not broken', () => {
    const r = result(report, 'rack:r1');
    expect(r.verdict).toBe('degraded');
    expect(details(r)).toContain(
      'degraded LoadBalancer pool 10.40.0.0/24 (cluster prod) announced by kn3 only (kn1, kn2 down)',
    );
    expect(report.singlePointsOfFailure).toEqual([]);
  });

  it('WHEN one of kn3’s cables is cut THEN kn3 still announces over the other: no pool impact', () => {
    const r = result(report, 'kn3:eth1~leaf2a:eth21');
    expect(r.impacts.filter((i) => i.service === 'load-balancer')).toEqual([]);
  });
});

describe('GIVEN the same cluster with all three nodes in rack r1', () => {
  const site = k8sA([
    [
      'kn3: { role: k8s-node, id: 83, rack: r2, cluster: prod, uplinks: { eth1: leaf2a:eth21, eth2: leaf2b:eth21 } }',
      'kn3: { role: k8s-node, id: 83, rack: r1, cluster: prod, uplinks: { eth1: leaf1a:eth23, eth2: leaf1b:eth23 } }',
    ],
  ]);
  const report = analyseSite(site);

  it('WHEN rack r1 fails THEN no edge routes the pools any more: it breaks, a single point of failure', () => {
    const r = result(report, 'rack:r1');
    expect(r.verdict).toBe('breaks');
    expect(details(r)).toContain(
      'breaks LoadBalancer pool 203.0.113.64/27 (cluster prod) is routed by no edge: none of its nodes (kn1, kn2, kn3) announces it',
    );
    expect(report.singlePointsOfFailure).toContain('rack:r1');
  });

  it('WHEN one node fails THEN the other two still announce: degraded only', () => {
    expect(result(report, 'kn2').verdict).toBe('degraded');
    expect(report.singlePointsOfFailure).not.toContain('kn2');
  });
});

describe('GIVEN a second cluster that has no node yet', () => {
  const site = k8sA([
    [
      'clusters:\n',
      'clusters:\n  empty: { asn: 65520, speaker: metallb, load_balancer_pools: [10.60.0.0/24], pod_cidr: 10.62.0.0/16, service_cidr: 10.63.0.0/16 }\n',
    ],
  ]);
  const report = analyseSite(site);

  it('THEN whatif finds nothing broken with nothing failed (cluster-without-nodes, a warning, says it), and prod’s pools are still analysed', () => {
    expect(report.brokenIntact).toBeUndefined();
    expect(details(result(report, 'kn1')).join('\n')).not.toContain('10.60.0.0/24');
    expect(result(report, 'kn1').verdict).toBe('degraded');
  });
});
