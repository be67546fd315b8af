/**
 * `fabric validate`'s single points of failure (src/checks/single-points.ts) on synthetic fabrics
 * (bench/synthetic.ts): a small one is analysed; one beyond what validate analyses gets a warning
 * that says so and names `fabric whatif`, never silence.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Shape, syntheticInventory } from '../../bench/synthetic.js';
import { MAX_WORK } from '../../src/checks/single-points.js';
import { runPipeline } from '../../src/pipeline.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The synthetic fabric, without its 300 ms × 3 BFD default (over the fabric budget: an error). */
function validate(shape: Shape) {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-spof-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  const { files } = syntheticInventory(shape);
  delete (files['site.yaml']!.defaults as { bfd?: unknown }).bfd;
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), stringify(content));
  const r = runPipeline(dir, { singlePoints: true });
  expect(r.inputErrors).toEqual([]);
  return r.findings;
}

const ONE_POD = { superspines: 0, pods: 1, spinesPerPod: 2, hostsPerRack: 0 };

describe('validate: single points of failure', () => {
  it('GIVEN a small fabric of stub leaves THEN each leaf-spine cable is reported: it alone carries the spine loopback to the leaf', () => {
    const findings = validate({ ...ONE_POD, leavesPerPod: 4 });
    expect(findings.filter((f) => f.code === 'budget-exceeded')).toEqual([]);
    expect(findings.some((f) => f.code === 'single-points-not-analysed')).toBe(false);
    const spof = findings.filter((f) => f.code === 'single-point-of-failure');
    expect(spof.map((f) => f.message)).toContainEqual(
      expect.stringContaining(
        'single point of failure: cable p1-leaf1a:eth1~p1-spine1:eth1 breaks loopbacks lost: p1-leaf1a → p1-spine1',
      ),
    );
  });

  it('GIVEN a fabric beyond what validate analyses THEN a warning says so and names fabric whatif', () => {
    const findings = validate({ ...ONE_POD, spinesPerPod: 12, superspines: 12, leavesPerPod: 100 });
    const skipped = findings.filter((f) => f.code === 'single-points-not-analysed');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.severity).toBe('warning');
    expect(skipped[0]!.message).toContain(`at most ${MAX_WORK.toLocaleString('en')}`);
    expect(skipped[0]!.message).toContain('run fabric whatif --site synth');
    expect(findings.some((f) => f.code === 'single-point-of-failure')).toBe(false);
  });
});
