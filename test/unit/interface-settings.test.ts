/**
 * `interfaces:` settings (MTU, description) for a port no cable uses apply to nothing: a warning
 * at the setting, so a typo (eth13 for eth11) does not pass silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { singleFileInventory } from '../support/tmp.js';

function findings(interfaces: string) {
  const text = readFileSync(join(REPO, 'test', 'findings', 'port-in-use.yaml'), 'utf8')
    .replace('eth1: spine1:eth3, eth2: spine2:eth4', 'eth1: spine1:eth4, eth2: spine2:eth4')
    .replace(
      'leaf1a: { role: leaf, id: 11, rack: r1,',
      `leaf1a: { role: leaf, id: 11, rack: r1, ${interfaces}`,
    );
  const r = runPipeline(join(singleFileInventory('t.yaml', text), 'inventory'));
  expect(r.inputErrors).toEqual([]);
  return r.findings;
}

describe('interface settings', () => {
  it('GIVEN settings for cabled ports THEN nothing to report', () => {
    expect(findings('interfaces: { eth11: { description: to hv1 } },')).toEqual([]);
  });

  it('GIVEN settings for eth13, which no cable uses THEN a warning at the setting', () => {
    const found = findings('interfaces: { eth13: { mtu: 9000 } },');
    expect(found.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['interface-not-cabled', 'warning', ['devices', 'leaf1a', 'interfaces', 'eth13']],
    ]);
    expect(found[0]!.message).toContain('cabled: eth1, eth2, eth11');
  });
});
