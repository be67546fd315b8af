/**
 * The lab starts what the model says: every node of the exported lab runs exactly the daemons
 * its device's model lists (sshd besides, and `http` on a device that serves), as the lab's own
 * topology reader understands the export. The model decides once; the lab does not decide again.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../../src/lab/plan/node-roles.js';
import { parseTopologyText } from '../../src/lab/topology/parse.js';
import { exportTopology } from '../../src/topology/clab.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

function started(siteName: string) {
  const { site, manifest } = renderExample().find((s) => s.site.name === siteName)!;
  const topologyPath = join(REPO, 'lab', `${siteName}.clab.yml`);
  const renderedDir = join(REPO, 'out', siteName);
  const text = exportTopology(site, {
    topologyPath,
    renderedDir,
    manifest,
    empty: false,
  });
  // the rendered files are not written here: the reader takes them as about to be
  const pendingFiles = new Set(
    Object.entries(manifest.devices).flatMap(([device, m]) =>
      m.files.map((f) => join(renderedDir, device, f.path)),
    ),
  );
  const { topology, diagnostics } = parseTopologyText(topologyPath, text, { pendingFiles });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const byNode = new Map(topology!.nodes.map((n) => [n.name, nodeRuntime(n)]));
  return { site, byNode };
}

describe('the lab starts the daemons of the model', () => {
  for (const siteName of ['idc-a', 'idc-b'])
    it(`GIVEN ${siteName} WHEN exported and read back THEN every node starts exactly its device's daemons`, () => {
      const { site, byNode } = started(siteName);
      expect([...byNode.keys()].sort()).toEqual(site.devices.map((d) => d.name).sort());
      for (const d of site.devices) {
        const { runtime, problems } = byNode.get(d.name)!;
        expect(problems, d.name).toEqual([]);
        const expected = ['sshd', ...d.daemons, ...(d.services.length ? ['http'] : [])];
        expect([...runtime.daemons].sort(), d.name).toEqual(expected.sort());
      }
    });

  it('GIVEN idc-b, whose inventory configures no SNMP, THEN no node starts snmpd (it did on every router)', () => {
    const { site, byNode } = started('idc-b');
    expect(site.devices.every((d) => d.snmpd === null)).toBe(true);
    const leaf = byNode.get('leaf1a')!.runtime;
    expect(leaf.daemons).toEqual(['sshd', 'frr']);
    for (const [name, { runtime }] of byNode) expect(runtime.daemons, name).not.toContain('snmpd');
  });

  it('GIVEN idc-a, which configures SNMP, THEN its managed routers start snmpd before FRR', () => {
    const { byNode } = started('idc-a');
    expect(byNode.get('leaf1a')!.runtime.daemons).toEqual(['sshd', 'snmpd', 'frr']);
    expect(byNode.get('vr1')!.runtime.daemons).toEqual(['sshd', 'snmpd', 'frr', 'keepalived']);
    expect(byNode.get('isp1')!.runtime.daemons).toEqual(['sshd', 'frr']);
  });
});
