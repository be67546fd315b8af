/**
 * Each VRRP instance has exactly one master, the intended one; when it is down, the surviving
 * member with the highest priority (VRRP's election). An instance whose members are all down is
 * not expected. Per family: the VRRPv3 IPv6 instances (`<name>_v6`) are elected on their own
 * (keepalived runs one family per instance), their master the member holding the IPv6 VIP.
 */
import { interfaceAddresses, LINUX } from '../../observe/linux.js';
import { type AddressFamily, FAMILIES, familyField, familyId, familyOf } from './family.js';
import { FILED_UNDER, masterOf, vrrpGroups } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface VrrpMaster extends ExpectationBase {
  kind: 'vrrp-master';
  instance: string;
  vip: string;
  /** The members that are up, by device. */
  members: { device: string; interface: string }[];
  intendedMaster: string;
}

/** One family's instances: none of IPv6 where no segment has an IPv6 VIP. */
function mastersOf(ctx: DeriveContext, family: AddressFamily): VrrpMaster[] {
  const out: VrrpMaster[] = [];
  for (const group of vrrpGroups(ctx.site, family)) {
    const master = masterOf(group, (name) => ctx.isDown(name));
    if (!master) continue;
    const first = group.members[0]!.v;
    out.push({
      kind: 'vrrp-master',
      id: familyId('vrrp', family, group.key),
      device: master.device,
      title: `VRRP ${first.name} (VRID ${first.virtualRouterId}, ${group.vip}): exactly one master, ${master.device}`,
      instance: first.name,
      vip: group.vip,
      members: group.members
        .filter((m) => !ctx.isDown(m.device))
        .map((m) => ({ device: m.device, interface: m.interface }))
        .sort((a, b) => a.device.localeCompare(b.device)),
      intendedMaster: master.device,
      ...familyField(family),
    });
  }
  return out;
}

export const vrrpMaster: CheckSpec<VrrpMaster> = {
  kind: 'vrrp-master',
  describes: 'exactly one VRRP master per instance, the intended one',
  runs: { verify: true, gates: true, drift: true },
  stage: 6,
  derive: (ctx) => FAMILIES.flatMap((f) => mastersOf(ctx, f)),
  async evaluate(e, round) {
    const holders: string[] = [];
    for (const m of e.members) {
      // one `ip addr` per interface serves both families' instances
      const r = await readJson(round, m.device, LINUX.addresses(m.interface), 'ip addr');
      if ('error' in r) return fail(`${m.device}: ${r.error}`);
      if (interfaceAddresses(r.value, familyOf(e)).includes(e.vip)) holders.push(m.device);
    }
    if (holders.length === 0) return fail(`no master: nobody holds ${e.vip}`);
    if (holders.length > 1)
      return fail(`${holders.length} masters: ${holders.join(' and ')} all hold ${e.vip}`);
    if (holders[0] !== e.intendedMaster)
      return fail(`master is ${holders[0]}, intended ${e.intendedMaster}`, 'wrong-master');
    return pass(`master ${holders[0]}`);
  },
  reads: (e) => e.members.map((m) => ({ device: m.device, command: LINUX.addresses(m.interface) })),
  about: (e) => e.members.map((m) => m.device),
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.vrrp, section: `vrrp_instance ${e.instance}` }),
  severity: (code) => (code === 'wrong-master' ? 'major' : 'critical'),
};
