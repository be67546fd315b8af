/**
 * bench/synthetic.ts's dual-stack option (issue 14: the render benchmark made dual-stack): the
 * site validates as cleanly as the IPv4-only one, and the IPv4 side is the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Shape, syntheticInventory } from '../../bench/synthetic.js';
import { runPipeline } from '../../src/pipeline.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SHAPE: Shape = { superspines: 2, pods: 2, spinesPerPod: 2, leavesPerPod: 5, hostsPerRack: 2 };

function validate(dualStack: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'fabric-synth-ds-'));
  dirs.push(dir);
  const { files } = syntheticInventory(SHAPE, { dualStack });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), stringify(content));
  return runPipeline(dir, {});
}

describe('bench/synthetic.ts --dual-stack', () => {
  it('GIVEN the dual-stack synthetic site WHEN validated THEN it has the same findings as the IPv4-only one: no errors', () => {
    const v4 = validate(false);
    const ds = validate(true);
    expect(ds.inputErrors).toEqual([]);
    expect(ds.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ds.findings.map((f) => f.code)).toEqual(v4.findings.map((f) => f.code));
  });

  it('GIVEN the dual-stack option THEN only the site file gains IPv6 fields; without it nothing changes', () => {
    const v4 = syntheticInventory(SHAPE);
    const ds = syntheticInventory(SHAPE, { dualStack: true });
    expect(syntheticInventory(SHAPE, { dualStack: false })).toEqual(v4);
    const { 'site.yaml': dsSite, ...dsPods } = ds.files;
    const { 'site.yaml': v4Site, ...v4Pods } = v4.files;
    expect(dsPods).toEqual(v4Pods);
    expect(dsSite!.pools).toEqual({
      ...v4Site!.pools,
      loopback6: '2001:db8:1::/64',
      mgmt6: '2001:db8:18::/64',
    });
    expect(dsSite!.prefixes!.announce6).toEqual(['2001:db8:100::/48']);
    expect(dsSite!.upstreams!.isp1).toMatchObject({
      address6: '2001:db8:ffff:1::1/127',
      peer6: '2001:db8:ffff:1::',
    });
  });
});
