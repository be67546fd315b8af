/**
 * `bgp-filtered` (src/verify/checks/bgp-filtered.ts): a leaf keeps what its Kubernetes nodes send
 * (`soft-reconfiguration inbound`, `maximum-prefix … force`), and verify names a prefix its inbound
 * route-map rejects. Evaluation reads FRR 8.4's own output (test/fixtures/frr-filtered, README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { filteredRoutesCommand } from '../../src/verify/checks/bgp-filtered.js';
import { specOf } from '../../src/verify/checks/index.js';
import { deriveExpectations, type Expectation } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';
import { renderExample } from '../support/render.js';

const [k8s] = renderExample(join(REPO, 'test', 'fixtures', 'k8s', 'inventory'));
const site = k8s!.site;
const sample = (file: string) => readFileSync(join(REPO, 'test', 'fixtures', 'frr-filtered', file), 'utf8');

/** A round whose device answers one command with the given stdout. */
function roundOf(command: string, stdout: string): ObservationRound {
  return new ObservationRound({
    run: async (_device, c) =>
      c === command ? { code: 0, stdout, stderr: '' } : { code: 1, stdout: '', stderr: `unexpected ${c}` },
  });
}

const filtered = (list: Expectation[]) => list.filter((e) => e.kind === 'bgp-filtered');

describe('bgp-filtered: the leaves keep what their Kubernetes nodes send, and verify names what they reject', () => {
  it('GIVEN k8s-a THEN each leaf keeps its nodes’ routes as received, counted against maximum-prefix, in both families; no other group does', () => {
    const conf = k8s!.rendered.files.find((f) => f.device === 'leaf1a' && f.file === 'frr.conf')!.content;
    expect(conf.match(/^ {2}neighbor K8S-PROD soft-reconfiguration inbound$/gm)).toHaveLength(2);
    expect(conf.match(/^ {2}neighbor K8S-PROD maximum-prefix 1000 force$/gm)).toHaveLength(2);
    expect(conf).not.toMatch(/neighbor (SPINES|HOSTS) soft-reconfiguration/);
  });

  it('GIVEN k8s-a THEN one check per node session and family, on the leaves only; idc-a (no cluster) has none', () => {
    const list = filtered(deriveExpectations(site));
    expect(list.map((e) => e.id)).toEqual([
      'bgp-filtered:leaf1a:eth21',
      'bgp-filtered:ipv6:leaf1a:eth21',
      'bgp-filtered:leaf1a:eth22',
      'bgp-filtered:ipv6:leaf1a:eth22',
      'bgp-filtered:leaf1b:eth21',
      'bgp-filtered:ipv6:leaf1b:eth21',
      'bgp-filtered:leaf1b:eth22',
      'bgp-filtered:ipv6:leaf1b:eth22',
      'bgp-filtered:leaf2a:eth21',
      'bgp-filtered:ipv6:leaf2a:eth21',
      'bgp-filtered:leaf2b:eth21',
      'bgp-filtered:ipv6:leaf2b:eth21',
    ]);
    expect(list[0]!.title).toBe('leaf1a eth21 ↔ kn1: no prefix rejected by K8S-PROD-IN');
    expect(list[1]!.title).toBe('leaf1a eth21 ↔ kn1: no IPv6 prefix rejected by K8S-PROD-V6-IN');
    expect(filtered(deriveExpectations(ipv4OnlySite('idc-a')))).toEqual([]);
  });

  it('GIVEN a failed node THEN its sessions’ checks are not expected', () => {
    const list = filtered(
      deriveExpectations(site, { down: { devices: new Set(['kn1']), links: new Set() } }),
    );
    expect(list.filter((e) => e.id.endsWith(':eth21') && e.device.startsWith('leaf1'))).toEqual([]);
    expect(list).toHaveLength(8);
  });

  it('GIVEN FRR’s filtered-routes THEN a rejected prefix fails naming the node, the prefix and the route-map; nothing passes; a group without soft-reconfiguration or no such neighbor fails saying so', async () => {
    const e = filtered(deriveExpectations(site))[0]!;
    const spec = specOf(e)!;
    const command = filteredRoutesCommand('ipv4', 'eth21');
    expect(spec.reads(e)).toEqual([{ device: 'leaf1a', command }]);
    const run = (file: string) => spec.evaluate(e, roundOf(command, sample(file)));
    expect(await run('leak.json')).toEqual({
      ok: false,
      detail: 'kn1 announces 198.51.100.7/32: rejected by K8S-PROD-IN (1 prefix)',
      code: 'rejected',
    });
    expect(await run('nothing.json')).toEqual({ ok: true, detail: 'nothing rejected' });
    expect(await run('not-kept.json')).toEqual({
      ok: false,
      detail: 'Inbound soft reconfiguration not enabled for eth21: what it rejects cannot be read',
    });
    expect(await run('no-neighbor.json')).toEqual({ ok: false, detail: 'no BGP neighbor eth21' });
    expect(spec.severity('rejected')).toBe('minor');
  });
});
