/**
 * `fabric whatif` analyses one failure per kind and writes the others of the kind from its
 * facts relabelled (src/whatif/relabel.ts), on sites whose interchangeable devices are proven
 * from the model (src/whatif/symmetry.ts). This checks that every failure gets the answer of its
 * own full analysis — on synthetic Clos fabrics (symmetric, with a rack of three, with hosts, and
 * with the asymmetries that must stop a relabelling: a leaf short of an uplink, a host cabled to
 * one leaf) and on random small sites — and that the relabelling is used where it should be.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Shape, syntheticInventory } from '../../bench/synthetic.js';
import type { InventoryFile } from '../../src/inventory/types.gen.js';
import { runPipeline } from '../../src/pipeline.js';
import { analyseScenario, analyseShare, baselineOf, kindsOf } from '../../src/whatif/analyse.js';
import { singleFailures } from '../../src/whatif/scenarios.js';
import { buildSite, siteShape } from '../support/random-site.js';
import { tempDir } from '../support/tmp.js';

function compileFiles(files: Record<string, unknown>) {
  const dir = join(tempDir(), 'inventory');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), stringify(content));
  const r = runPipeline(dir);
  expect(r.inputErrors).toEqual([]);
  return r.model!.sites[0]!;
}

/** A synthetic fabric, `edit` applied to its files first. */
function synthetic(shape: Shape, edit: (files: Record<string, InventoryFile>) => void = () => {}) {
  const { files } = syntheticInventory(shape);
  edit(files);
  return compileFiles(files);
}

/** Every failure by kind next to its own full analysis; the kinds' counts. */
function compareWithFull(site: ReturnType<typeof synthetic>) {
  const scenarios = singleFailures(site);
  const base = baselineOf(site);
  const byKind = analyseShare(site, scenarios, undefined, undefined, base);
  const full = baselineOf(site); // another baseline: no kinds learned on it
  scenarios.forEach((s, i) => {
    expect(JSON.stringify(byKind[i]), s.name).toBe(JSON.stringify(analyseScenario(site, s, full)));
  });
  return kindsOf(site, base)?.counts;
}

const SMALL: Shape = { superspines: 2, pods: 3, spinesPerPod: 3, leavesPerPod: 5, hostsPerRack: 0 };

describe('whatif: one analysis per kind of failure', () => {
  it('GIVEN a symmetric Clos with a rack of three WHEN every single failure is analysed THEN each is its full analysis, and most are relabelled', () => {
    const counts = compareWithFull(synthetic(SMALL));
    expect(counts!.relabelled).toBeGreaterThan(counts!.learned);
    expect(counts!.refused).toBe(0);
  });

  it('GIVEN hosts in every rack THEN each failure is its full analysis', () => {
    const counts = compareWithFull(synthetic({ ...SMALL, pods: 2, hostsPerRack: 2 }));
    expect(counts!.relabelled).toBeGreaterThan(0);
  });

  it('GIVEN a leaf without one of its uplinks THEN it and its pod spines are not relabelled alike, and each failure is its full analysis', () => {
    const site = synthetic(SMALL, (files) => {
      const leaf = files['pod002.yaml']!.devices!['p2-leaf2a'] as { uplinks: Record<string, string> };
      delete leaf.uplinks.eth2;
    });
    const base = baselineOf(site);
    const kinds = kindsOf(site, base)!;
    expect(kinds.groupOf('p2-leaf2a')).toBeUndefined();
    expect(kinds.groupOf('p2-spine2')).toBeUndefined();
    expect(kinds.groupOf('p2-spine1')).toBe(kinds.groupOf('p2-spine3'));
    expect(kinds.groupOf('p2-leaf1a')).toBe(kinds.groupOf('p2-leaf2c'));
    expect(kinds.groupOf('p2-leaf1a')).not.toBe(kinds.groupOf('p3-leaf1a'));
    compareWithFull(site);
  });

  it('GIVEN a host cabled to one leaf of its rack THEN each failure is its full analysis', () => {
    compareWithFull(
      synthetic({ ...SMALL, pods: 2, hostsPerRack: 2 }, (files) => {
        const host = files['pod001.yaml']!.devices!['p1-r1-hv1'] as { uplinks: Record<string, string> };
        delete host.uplinks.eth2;
      }),
    );
  });

  it('GIVEN a site with tenants and VIPs (idc-a) THEN its failures are not told apart by kind', () => {
    const site = runPipeline(join(__dirname, '..', '..', 'inventory'), { sites: ['idc-a'] }).model!.sites[0]!;
    expect(kindsOf(site, baselineOf(site))).toBeUndefined();
  });

  it('GIVEN random small sites THEN every single failure is its full analysis', () => {
    let relabelled = 0;
    fc.assert(
      fc.property(siteShape, (shape) => {
        const site = compileFiles({ 'site.yaml': buildSite(shape) });
        relabelled += compareWithFull(site)?.relabelled ?? 0;
      }),
      { numRuns: 60, seed: 10_010 },
    );
    // random sites have interchangeable devices too: the relabelling was exercised on them
    expect(relabelled).toBeGreaterThan(0);
  });
});
