/**
 * For each segment, each VM that is up pings one VM of the segment on another hypervisor, and the
 * source hypervisor's VXLAN counters must move: the answer came through the overlay.
 */
import { LINUX } from '../../observe/linux.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface OverlayPing extends ExpectationBase {
  kind: 'overlay-ping';
  address: string;
  target: string;
  /** Hypervisor of the source VM and its VXLAN device for the segment: its counters must move. */
  hypervisor: string;
  vxlanDevice: string;
}

interface Member {
  device: string;
  host: string;
  address: string;
}

/** The VMs of each segment that are up, by segment (`tenant/segment`), sorted. */
function segmentMembers(ctx: DeriveContext): [string, Member[]][] {
  const members = new Map<string, Member[]>();
  for (const d of ctx.site.devices) {
    if (!d.hostedOn || ctx.isDown(d.name)) continue;
    for (const i of d.interfaces)
      if (i.segment && i.addresses[0])
        members.set(i.segment, [
          ...(members.get(i.segment) ?? []),
          { device: d.name, host: d.hostedOn, address: i.addresses[0].address },
        ]);
  }
  return [...members].sort(([a], [b]) => a.localeCompare(b));
}

export const overlayPing: CheckSpec<OverlayPing> = {
  kind: 'overlay-ping',
  describes: 'VMs reach VMs on other hypervisors through VXLAN',
  runs: { verify: true, gates: false, drift: false },
  stage: 5,
  derive(ctx) {
    const out: OverlayPing[] = [];
    for (const [segment, list] of segmentMembers(ctx)) {
      const vni = ctx.site.segments.find((s) => `${s.tenant}/${s.name}` === segment)?.vni;
      for (const from of list) {
        const to = list.find((t) => t.host !== from.host);
        if (!to || vni === undefined) continue;
        out.push({
          kind: 'overlay-ping',
          id: `overlay:${segment}:${from.device}:${to.device}`,
          device: from.device,
          title: `${from.device} (${from.host}) pings ${to.device} ${to.address} (${to.host}) over VXLAN ${vni}`,
          address: to.address,
          target: to.device,
          hypervisor: from.host,
          vxlanDevice: `vxlan${vni}`,
        });
      }
    }
    return out;
  },
  async evaluate(e, round) {
    const before = Number((await round.fresh(e.hypervisor, LINUX.txPackets(e.vxlanDevice))).stdout.trim());
    const ping = await round.fresh(e.device, `ping -c 3 -i 0.2 -W 1 ${e.address}`);
    const after = Number((await round.fresh(e.hypervisor, LINUX.txPackets(e.vxlanDevice))).stdout.trim());
    const received = /(\d+) received/.exec(ping.stdout)?.[1] ?? '0';
    if (ping.code !== 0) return fail(`no answer from ${e.target} ${e.address} (${received}/3)`);
    if (!(after - before >= 1))
      return fail(`answered, but not through ${e.hypervisor} ${e.vxlanDevice} (its counters did not move)`);
    return pass(`${received}/3 replies, ${after - before} packets out of ${e.hypervisor} ${e.vxlanDevice}`);
  },
  reads: () => [],
  about: (e) => [e.device],
  siteWide: true,
  filed: (e) => ({ daemon: 'system', section: e.id }),
  severity: () => 'major',
};
