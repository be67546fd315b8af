/**
 * For each segment, each VM that is up pings one VM of the segment on another hypervisor, and the
 * source hypervisor's VXLAN counters must move: the answer came through the overlay. Per family:
 * on a segment with a `subnet6`, the VMs' IPv6 addresses too (`ping -6`).
 */
import { LINUX } from '../../observe/linux.js';
import { type AddressFamily, FAMILIES, familyField, familyId, familyOf } from './family.js';
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

/** The VMs of each segment that are up with an address of the family, by segment (`tenant/segment`), sorted. */
function segmentMembers(ctx: DeriveContext, family: AddressFamily): [string, Member[]][] {
  const members = new Map<string, Member[]>();
  for (const d of ctx.site.devices) {
    if (!d.hostedOn || ctx.isDown(d.name)) continue;
    for (const i of d.interfaces) {
      const address = i.addresses.find((a) => a.family === family);
      if (i.segment && address)
        members.set(i.segment, [
          ...(members.get(i.segment) ?? []),
          { device: d.name, host: d.hostedOn, address: address.address },
        ]);
    }
  }
  return [...members].sort(([a], [b]) => a.localeCompare(b));
}

/** One family's pings: none of IPv6 where no segment has IPv6 VMs. */
function pingsOf(ctx: DeriveContext, family: AddressFamily): OverlayPing[] {
  const out: OverlayPing[] = [];
  for (const [segment, list] of segmentMembers(ctx, family)) {
    const vni = ctx.site.segments.find((s) => `${s.tenant}/${s.name}` === segment)?.vni;
    for (const from of list) {
      const to = list.find((t) => t.host !== from.host);
      if (!to || vni === undefined) continue;
      out.push({
        kind: 'overlay-ping',
        id: familyId('overlay', family, `${segment}:${from.device}:${to.device}`),
        device: from.device,
        title: `${from.device} (${from.host}) pings ${to.device} ${to.address} (${to.host}) over VXLAN ${vni}`,
        address: to.address,
        target: to.device,
        hypervisor: from.host,
        vxlanDevice: `vxlan${vni}`,
        ...familyField(family),
      });
    }
  }
  return out;
}

export const overlayPing: CheckSpec<OverlayPing> = {
  kind: 'overlay-ping',
  describes: 'VMs reach VMs on other hypervisors through VXLAN',
  runs: { verify: true, gates: false, drift: false },
  stage: 5,
  derive: (ctx) => FAMILIES.flatMap((f) => pingsOf(ctx, f)),
  async evaluate(e, round) {
    const before = Number((await round.fresh(e.hypervisor, LINUX.txPackets(e.vxlanDevice))).stdout.trim());
    const ping = await round.fresh(
      e.device,
      `ping ${familyOf(e) === 'ipv6' ? '-6 ' : ''}-c 3 -i 0.2 -W 1 ${e.address}`,
    );
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
