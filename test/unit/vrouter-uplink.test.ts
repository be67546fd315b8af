/**
 * A vRouter's uplink shares its hypervisor's vswitch (issue 10, hv1/crash): the VM's port is an
 * OVS port alone on a bridge of its own, and the hypervisor's BGP session to the vRouter runs on
 * that bridge's internal port, so a dead ovs-vswitchd takes the session down with the segments.
 */
import { describe, expect, it } from 'vitest';
import type { HypervisorDevice, VrouterDevice } from '../../src/model/types.js';
import { pairAll } from '../../src/verify/routing-sessions.js';
import { compileExample } from '../support/render.js';

const site = compileExample().model!.sites.find((s) => s.name === 'idc-a')!;
const hv1 = site.devices.find((d) => d.name === 'hv1') as HypervisorDevice;
const vr1 = site.devices.find((d) => d.name === 'vr1') as VrouterDevice;

describe('a vRouter uplink on its hypervisor', () => {
  it('GIVEN vr1 on hv1 THEN its eth1 is an untagged OVS port alone on the bridge up41-eth1', () => {
    expect(hv1.ovs.bridges.map((b) => [b.name, b.uplink?.port ?? null])).toEqual([
      ['br-int', null],
      ['up41-eth1', 'vm41-eth1'],
    ]);
    const port = hv1.ovs.vmPorts.find((p) => p.name === 'vm41-eth1')!;
    expect([port.bridge, port.tag, port.segment, port.vm, port.vmInterface]).toEqual([
      'up41-eth1',
      null,
      null,
      'vr1',
      'eth1',
    ]);
    expect(hv1.ovs.bridges[1]!.externalIds).toContainEqual({ key: 'fabric', value: 'managed' });
  });

  it("THEN hv1's session to vr1 runs on the bridge's internal port, and vr1's on its own eth1", () => {
    const toVr1 = hv1.frr.routerBgp.neighbors.filter((n) => n.peerDevice === 'vr1');
    expect(toVr1.map((n) => [n.peer, n.unnumbered])).toEqual([['up41-eth1', true]]);
    expect(hv1.frr.interfaces.map((i) => i.name)).toContain('up41-eth1');
    expect(hv1.frr.interfaces.map((i) => i.name)).not.toContain('vm41-eth1');
    expect(vr1.frr.routerBgp.neighbors.filter((n) => n.peerDevice === 'hv1').map((n) => n.peer)).toEqual([
      'eth1',
    ]);
  });

  it("THEN hv1's interfaces hold both: the VM's port (vm-uplink) and the routed side (vm-router)", () => {
    const of = (name: string) => hv1.interfaces.find((i) => i.name === name);
    expect([of('vm41-eth1')?.kind, of('vm41-eth1')?.peer]).toEqual([
      'vm-uplink',
      { device: 'vr1', interface: 'eth1' },
    ]);
    expect([of('up41-eth1')?.kind, of('up41-eth1')?.peer]).toEqual([
      'vm-router',
      { device: 'vr1', interface: 'eth1' },
    ]);
  });

  it('THEN the routing simulation pairs the two ends of the session', () => {
    const sessions = pairAll(site).map((p) => p.session);
    expect(sessions).toContainEqual({ device: 'hv1', peer: 'up41-eth1', from: 'vr1', fromPeer: 'eth1' });
    expect(sessions).toContainEqual({ device: 'vr1', peer: 'eth1', from: 'hv1', fromPeer: 'up41-eth1' });
  });
});
