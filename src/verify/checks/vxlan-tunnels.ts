/**
 * Every hypervisor that is up has each segment's VXLAN port with its local tag and floods it to
 * every other VTEP. The flood list is configuration, so it names a failed VTEP all the same.
 */
import { floodList, LINUX, ovsPorts } from '../../observe/linux.js';
import { FILED_UNDER, runsOverlay } from './model.js';
import { type CheckSpec, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface VxlanTunnels extends ExpectationBase {
  kind: 'vxlan-tunnels';
  port: string;
  vni: number;
  tag: number;
  remotes: { device: string; address: string }[];
}

export const vxlanTunnels: CheckSpec<VxlanTunnels> = {
  kind: 'vxlan-tunnels',
  describes: 'each hypervisor floods each segment to every other VTEP',
  runs: { verify: true, gates: true, drift: true },
  stage: 4,
  derive: (ctx) =>
    ctx.site.devices
      .filter(runsOverlay)
      .filter((d) => !ctx.isDown(d.name))
      .flatMap((d) =>
        d.ovs.vxlanPorts.map((p) => ({
          kind: 'vxlan-tunnels' as const,
          id: `vxlan:${d.name}:${p.name}`,
          device: d.name,
          title: `${d.name} ${p.name} (${p.segment}, VNI ${p.vni}) floods to ${p.remotes.map((r) => r.device).join(', ')}`,
          port: p.name,
          vni: p.vni,
          tag: p.tag,
          remotes: p.remotes.map((r) => ({ device: r.device, address: r.address })),
        })),
      ),
  async evaluate(e, round) {
    const port = await readJson(round, e.device, LINUX.ovsPort(e.port), 'ovs-vsctl list port');
    if ('error' in port) return fail(/no row/.test(port.error) ? `OVS port ${e.port} missing` : port.error);
    const row = ovsPorts(port.value)[0];
    if (!row) return fail(`OVS port ${e.port} missing`);
    if (row.tag !== e.tag) return fail(`OVS port ${e.port} has tag ${row.tag}, expected ${e.tag}`);
    const fdb = await readJson(round, e.device, LINUX.flood(e.port), 'bridge fdb show');
    if ('error' in fdb) return fail(fdb.error);
    const have = floodList(fdb.value);
    const missing = e.remotes.filter((r) => !have.includes(r.address));
    if (missing.length)
      return fail(`no tunnel to ${missing.map((m) => `${m.device} (${m.address})`).join(', ')}`);
    return pass(`tag ${row.tag}, tunnels to ${e.remotes.length} VTEPs`);
  },
  reads: (e) => [
    { device: e.device, command: LINUX.ovsPort(e.port) },
    { device: e.device, command: LINUX.flood(e.port) },
  ],
  about: (e) => [e.device, ...e.remotes.map((r) => r.device)],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.overlay, section: `vxlan ${e.port}` }),
  severity: () => 'major',
};
