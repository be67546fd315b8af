/**
 * The overlay needs 50 bytes on top of the VMs' 1500: a smaller MTU on fabric or host links is
 * a warning (VXLAN packets get fragmented), located at defaults.mtu or at the cable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { singleFileInventory } from '../support/tmp.js';

/** A valid single-file site with one tenant segment (the port-in-use case, its mistake undone). */
function site(): string {
  return readFileSync(join(REPO, 'test', 'findings', 'port-in-use.yaml'), 'utf8').replace(
    'eth1: spine1:eth3, eth2: spine2:eth4',
    'eth1: spine1:eth4, eth2: spine2:eth4',
  );
}

function warnings(text: string) {
  const r = runPipeline(join(singleFileInventory('t.yaml', text), 'inventory'));
  expect(r.inputErrors).toEqual([]);
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return r.findings.filter((f) => f.code === 'mtu-below-vxlan');
}

describe('MTU below what VXLAN needs', () => {
  it('GIVEN the default MTU (9000) THEN no warning', () => {
    expect(warnings(site())).toEqual([]);
  });

  it('GIVEN defaults.mtu 1500 THEN one warning, at defaults.mtu, not one per cable', () => {
    const found = warnings(`${site()}defaults: { mtu: 1500 }\n`);
    expect(found.map((f) => [f.severity, f.path])).toEqual([['warning', ['defaults', 'mtu']]]);
    expect(found[0]!.message).toContain('use at least 1550');
  });

  it('GIVEN one host link at 1500 THEN a warning at that cable', () => {
    const text = site()
      .replace(
        'hv1: { role: hypervisor, id: 21, rack: r1,',
        'hv1: { role: hypervisor, id: 21, rack: r1, interfaces: { eth1: { mtu: 1500 } },',
      )
      .replace(
        'leaf1a: { role: leaf, id: 11, rack: r1,',
        'leaf1a: { role: leaf, id: 11, rack: r1, interfaces: { eth11: { mtu: 1500 } },',
      );
    const found = warnings(text);
    expect(found.map((f) => f.path)).toEqual([['devices', 'hv1', 'uplinks', 'eth1']]);
  });
});
