/**
 * Derivation for a degraded fabric (src/verify/checks/, `down`): what idc-a must show once a
 * spine, a VRRP master, a hypervisor or one cable has failed.
 */
import { describe, expect, it } from 'vitest';
import type { Down } from '../../src/verify/down.js';
import { deriveExpectations, type Expectation } from '../../src/verify/expectations.js';
import { compileExample } from '../support/render.js';

const site = compileExample().model!.sites.find((s) => s.name === 'idc-a')!;
const intact = deriveExpectations(site);
const down = (devices: string[], links: string[] = []): Down => ({
  devices: new Set(devices),
  links: new Set(links),
});
const byId = (list: Expectation[]) => new Map(list.map((e) => [e.id, e]));

describe('checks of a degraded fabric', () => {
  it('GIVEN nothing down THEN the expectations are those of the intact fabric', () => {
    expect(deriveExpectations(site, { down: down([]) })).toEqual(intact);
  });

  it('GIVEN spine1 down THEN ECMP across the fabric drops to 1, and spine1 and the sessions to it disappear', () => {
    const degraded = byId(deriveExpectations(site, { down: down(['spine1']) }));
    const before = byId(intact).get('ecmp:edge1:10.1.0.11/32');
    expect(before?.kind === 'ecmp' && before.nexthops).toEqual({ certain: 2, possible: 2 });
    const after = degraded.get('ecmp:edge1:10.1.0.11/32');
    expect(after?.kind === 'ecmp' && after.nexthops).toEqual({ certain: 1, possible: 1 });
    expect(after?.title).toBe('edge1 reaches 10.1.0.11/32 over 1 equal-cost next hops');
    const leafDefault = degraded.get('ecmp:leaf1a:0.0.0.0/0');
    expect(leafDefault?.kind === 'ecmp' && leafDefault.nexthops).toEqual({ certain: 1, possible: 1 });
    expect([...degraded.values()].filter((e) => e.device === 'spine1')).toEqual([]);
    const toSpine1 = [...degraded.values()].filter(
      (e) => (e.kind === 'bgp-session' || e.kind === 'bfd-peer') && e.peerDevice === 'spine1',
    );
    expect(toSpine1).toEqual([]);
    const loopbacks = degraded.get('loopbacks:leaf1a');
    expect(loopbacks?.kind === 'loopbacks-reachable' && loopbacks.targets.map((t) => t.device)).not.toContain(
      'spine1',
    );
  });

  it('GIVEN vr1 (the VRRP master) down THEN VRRP moves to vr2, and the VIPs answer from vr2', () => {
    const degraded = deriveExpectations(site, { down: down(['vr1']) });
    const vrrp = degraded.filter((e) => e.kind === 'vrrp-master' && e.title.startsWith('VRRP shop_gw'));
    expect(vrrp.length).toBeGreaterThan(0);
    for (const e of vrrp) {
      expect(e.device).toBe('vr2');
      expect(e.kind === 'vrrp-master' && e.intendedMaster).toBe('vr2');
      expect(e.kind === 'vrrp-master' && e.members.map((m) => m.device)).toEqual(['vr2']);
      expect(e.title).toMatch(/exactly one master, vr2$/);
    }
    const intendedBefore = intact.filter((e) => e.kind === 'vrrp-master' && e.id === vrrp[0]!.id);
    expect(intendedBefore[0]!.device).toBe('vr1');
    const vips = degraded.filter((e) => e.kind === 'vip-answers');
    expect(vips.length).toBeGreaterThan(0);
    for (const e of vips) expect(e.device).toBe('vr2');
  });

  it('GIVEN a hypervisor down THEN its VMs are down with it: their checks disappear and backends lose them', () => {
    const hv = site.devices.find((d) => d.name === 'hv1')!;
    const vms = site.devices.filter((d) => d.hostedOn === hv.name).map((d) => d.name);
    expect(vms.length).toBeGreaterThan(0);
    const degraded = deriveExpectations(site, { down: down(['hv1']) });
    const gone = new Set(['hv1', ...vms]);
    expect(degraded.filter((e) => gone.has(e.device))).toEqual([]);
    for (const e of degraded)
      if (e.kind === 'haproxy-backends' || e.kind === 'http-path')
        expect(e.servers.filter((s) => gone.has(s))).toEqual([]);
  });

  it('GIVEN the cable leaf1a eth1 down THEN both ends lose that session and nothing else of theirs', () => {
    const degraded = byId(deriveExpectations(site, { down: down([], ['leaf1a:eth1']) }));
    const session = byId(intact).get('bgp-session:leaf1a:eth1');
    expect(session?.kind === 'bgp-session' && session.peerDevice).toBe('spine1');
    expect(degraded.has('bgp-session:leaf1a:eth1')).toBe(false);
    expect(degraded.has('bfd-peer:leaf1a:eth1')).toBe(false);
    expect(degraded.has('bgp-session:leaf1a:eth2')).toBe(true);
    expect(degraded.has('bgp-identity:leaf1a')).toBe(true);
    expect(degraded.has('bgp-identity:spine1')).toBe(true);
    const spineSide = [...degraded.values()].filter(
      (e) => e.kind === 'bgp-session' && e.device === 'spine1' && e.peerDevice === 'leaf1a',
    );
    expect(spineSide).toEqual([]);
  });
});
