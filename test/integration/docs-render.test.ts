/**
 * Every diagram `fabric docs` generates is drawn by the real renderer: Mermaid (the npm package)
 * in Debian's headless Chromium, for the reference sites and a 500-device synthetic fabric
 * (bench/synthetic.ts). Any parse or layout error fails the test. Chromium comes from Debian:
 * the test installs it when it is missing and fails loudly when it cannot.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticInventory } from '../../bench/synthetic.js';
import { siteDocs } from '../../src/docs/site-docs.js';
import { type DiagramSource, renderDiagrams, rendererProblem } from '../../src/docs/svg.js';
import { runPipeline } from '../../src/pipeline.js';
import { compileExample } from '../support/render.js';
import { ensureInstalled } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

function diagramsOf(inventory?: string): { site: string; diagrams: DiagramSource[] }[] {
  const model = inventory ? runPipeline(inventory).model : compileExample().model;
  if (!model) throw new Error(`${inventory} does not compile`);
  return model.sites.map((site) => ({
    site: site.name,
    diagrams: siteDocs({ site, whatif: null, failover: null, acrossSites: null }).diagrams,
  }));
}

beforeAll(() => {
  ensureInstalled([{ bin: '/usr/bin/chromium', pkg: 'chromium' }]);
  const problem = rendererProblem();
  if (problem) throw new Error(`cannot render diagrams: ${problem} (apt-get install chromium)`);
});

describe('every generated diagram renders with Mermaid in Chromium', () => {
  it('GIVEN a broken diagram THEN the renderer reports its error (the check can fail)', async () => {
    const [r] = await renderDiagrams([{ name: 'broken', mermaid: 'flowchart TB\n  a --> ((\n' }]);
    expect(r && 'error' in r ? r.error : '').toMatch(/Parse error/);
  });

  it('GIVEN idc-a and idc-b THEN each diagram renders to an SVG naming what it draws', async () => {
    const sites = diagramsOf();
    const all = sites.flatMap((s) => s.diagrams.map((d) => ({ ...d, name: `${s.site}-${d.name}` })));
    expect(all.map((d) => d.name)).toEqual([
      'idc-a-c4-containers',
      'idc-a-physical-topology',
      'idc-a-service-path-shop',
      'idc-b-c4-containers',
      'idc-b-physical-topology',
      'idc-b-service-path-shop',
    ]);
    const rendered = await renderDiagrams(all);
    expect(rendered.flatMap((r) => ('error' in r ? [`${r.name}: ${r.error}`] : []))).toEqual([]);
    // the drawn words, without the markup (Mermaid sets each word of a C4 label in its own tspan)
    const svg = (name: string) => {
      const r = rendered.find((x) => x.name === name);
      return r && 'svg' in r ? r.svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') : '';
    };
    expect(svg('idc-a-c4-containers')).toContain('Spine plane (A/B)');
    expect(svg('idc-a-c4-containers')).toContain('Compute hosts (N+1, 4)');
    expect(svg('idc-a-physical-topology')).toContain('eth11 – eth1');
    expect(svg('idc-a-service-path-shop')).toContain('L4 VIP + VRRP');
    // fabric docs --svg promises the same bytes for the same inventory (no hand-drawn randomness)
    const again = await renderDiagrams(all.filter((d) => d.name.startsWith('idc-a-')));
    for (const r of again) expect(r, r.name).toEqual(rendered.find((x) => x.name === r.name));
  }, 300_000);

  it('GIVEN a 500-device synthetic fabric THEN its diagrams render, drawn by group', async () => {
    const dir = join(tempDir(), 'inventory');
    const devices = writeSyntheticInventory(dir, {
      superspines: 12,
      pods: 2,
      spinesPerPod: 12,
      leavesPerPod: 154,
      hostsPerRack: 1,
    });
    expect(devices).toBe(500);
    const [synth] = diagramsOf(dir);
    const rendered = await renderDiagrams(synth!.diagrams);
    expect(rendered.flatMap((r) => ('error' in r ? [`${r.name}: ${r.error}`] : []))).toEqual([]);
    const physical = synth!.diagrams.find((d) => d.name === 'physical-topology')!.mermaid;
    expect(physical).toContain('77 racks');
    expect(physical.split('\n').length).toBeLessThan(60); // collapsed, not 500 boxes
  }, 300_000);
});
