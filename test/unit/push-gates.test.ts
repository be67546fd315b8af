/**
 * Who a failed health gate is laid to (gates.ts `attributeFailures`, `dueChecks`) and how the
 * push report words an undone wave (report.ts `revertOutcome`): pure functions, no lab.
 */
import { describe, expect, it } from 'vitest';
import { attributeFailures, dueChecks, gateChecks } from '../../src/push/gates.js';
import { type DeviceReport, revertOutcome } from '../../src/push/report.js';
import { renderExample } from '../support/render.js';

const [idcA] = renderExample();
const site = idcA!.site;
const checks = gateChecks(site);
const check = (id: string) => {
  const e = checks.find((c) => c.id === id);
  if (!e) throw new Error(`no check ${id}`);
  return e;
};
const everyone = new Set(site.devices.map((d) => d.name));

describe('attributing a failed gate to a wave', () => {
  it('GIVEN a site-wide check that never passed WHEN it fails after the wave of hv4 THEN hv4 is not blamed', () => {
    const vip = checks.find((c) => c.kind === 'vip-answers')!;
    const ecmp = check('ecmp:edge1:10.1.0.11/32');
    const [a, b] = attributeFailures([vip, ecmp], ['hv4'], new Set(), site);
    expect(a).toEqual({ id: vip.id, passedBefore: false, blamed: [] });
    expect(b).toEqual({ id: ecmp.id, passedBefore: false, blamed: [] });
  });

  it("GIVEN a session check of hv1 that never passed WHEN it fails after hv1's wave THEN hv1 is blamed", () => {
    const session = checks.find((c) => c.kind === 'bgp-session' && c.device === 'hv1')!;
    const [r] = attributeFailures([session], ['hv1', 'spine2'], new Set(), site);
    expect(r!.blamed).toEqual(['hv1']);
  });

  it('GIVEN a site-wide check that passed before the push WHEN it fails after a wave THEN the wave is blamed (it broke during that wave)', () => {
    const ecmp = check('ecmp:edge1:10.1.0.11/32');
    const [r] = attributeFailures([ecmp], ['hv4'], new Set([ecmp.id]), site);
    expect(r).toEqual({ id: ecmp.id, passedBefore: true, blamed: ['hv4'] });
  });

  it('GIVEN a check about a VM (a backend server) WHEN its hypervisor is in the wave THEN the hypervisor is blamed', () => {
    const backend = check('haproxy:web1:web');
    const vm = backend.kind === 'haproxy-backends' ? backend.servers[0]! : '';
    const host = site.devices.find((d) => d.name === vm)!.hostedOn!;
    const [r] = attributeFailures([backend], [host], new Set(), site);
    expect(r!.blamed).toEqual([host]);
  });

  it('GIVEN a check that involves none of the wave THEN nobody is blamed, whether it passed before or not', () => {
    const spine = checks.find((c) => c.kind === 'bgp-session' && c.device === 'spine1')!;
    const peer = spine.kind === 'bgp-session' ? spine.peerDevice : '';
    const outsider = ['hv1', 'hv2', 'hv3', 'hv4'].find((h) => h !== peer)!;
    for (const before of [new Set<string>(), new Set([spine.id])])
      expect(attributeFailures([spine], [outsider], before, site)[0]!.blamed).toEqual([]);
  });
});

describe('which checks a gate runs', () => {
  it('GIVEN only hv1 pushed to a site where nothing passed THEN checks that involve no changed device are not due', () => {
    const due = dueChecks(checks, site, new Set(), everyone, new Set(['hv1']));
    const ids = new Set(due.map((e) => e.id));
    const spineLeaf = checks.find(
      (c) => c.kind === 'bgp-session' && c.device === 'spine1' && c.peerDevice.startsWith('leaf'),
    )!;
    const hv1 = checks.find((c) => c.kind === 'bgp-session' && c.device === 'hv1')!;
    expect(ids.has(spineLeaf.id)).toBe(false);
    expect(ids.has(hv1.id)).toBe(true);
  });

  it('GIVEN a check that passed before THEN it is due after every wave, whoever changes', () => {
    const id = 'bgp-identity:edge1';
    const due = dueChecks(checks, site, new Set([id]), new Set(), new Set(['hv1']));
    expect(due.map((e) => e.id)).toContain(id);
  });
});

describe('the summary of an undone wave', () => {
  const device = (name: string, status: DeviceReport['status'], config: DeviceReport['config']) => ({
    device: name,
    status,
    wave: 2,
    changes: [],
    config,
    detail: '',
  });

  it('GIVEN every device of the wave reverted THEN "the wave was reverted"', () => {
    expect(
      revertOutcome([device('hv1', 'reverted', 'previous'), device('leaf1a', 'rolled-back', 'previous')]),
    ).toBe('the wave was reverted');
  });

  it('GIVEN one device the rollback could not restore THEN the summary says so, never "the wave was reverted"', () => {
    const said = revertOutcome([device('hv1', 'unknown', 'mixed'), device('hv2', 'reverted', 'previous')]);
    expect(said).not.toContain('the wave was reverted');
    expect(said).toContain('hv2 reverted');
    expect(said).toContain('NOT reverted: hv1 (unknown, on its mixed config)');
  });
});
