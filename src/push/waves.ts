/**
 * Waves: which devices change together. The rule: in one wave, never more than `maxUnavailable`
 * members of any redundancy group, counting failure domains, because a VM fails with its
 * hypervisor. Changing hv1 (which hosts vr1) therefore never shares a wave with vr2 or with
 * vr2's hypervisor.
 *
 * Devices are placed greedily, tier by tier (the core first, VMs last), in the first wave where
 * they fit, so the plan is deterministic and as short as the constraints allow.
 */

import type { DeepReadonly } from '../model/freeze.js';
import type { Device, RedundancyGroup, Role, SiteModel } from '../model/types.js';
import { naturalOrder } from '../util/natural-order.js';

export interface Wave {
  index: number;
  devices: string[];
}

export interface WavePlan {
  waves: Wave[];
  /** For people: why two devices are kept apart, one line per constraint that mattered. */
  constraints: string[];
}

/** Order in which tiers are changed: the core first, where ECMP absorbs a restart best. */
const TIER: Role[] = [
  'superspine',
  'spine',
  'edge',
  'leaf',
  'storage',
  'hypervisor',
  'vrouter',
  'l4lb',
  'l7lb',
  'vm',
  'upstream',
];

/** The devices whose failure takes `name` down with it: itself, and its hypervisor if it is a VM. */
function failureDomain(byName: Map<string, DeepReadonly<Device>>, name: string): string[] {
  const d = byName.get(name);
  return d?.hostedOn ? [name, d.hostedOn] : [name];
}

export function planWaves(
  site: DeepReadonly<SiteModel>,
  changing: readonly string[],
  maxPerWave = Number.POSITIVE_INFINITY,
): WavePlan {
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  // for each device, the groups it belongs to through some member's failure domain, and as which member
  const memberships = new Map<string, { group: DeepReadonly<RedundancyGroup>; member: string }[]>();
  for (const g of site.redundancyGroups)
    for (const m of g.members)
      for (const d of failureDomain(byName, m))
        memberships.set(d, [...(memberships.get(d) ?? []), { group: g, member: m }]);

  const ordered = [...changing].sort((a, b) => {
    const ta = TIER.indexOf(byName.get(a)?.role ?? 'vm');
    const tb = TIER.indexOf(byName.get(b)?.role ?? 'vm');
    return ta - tb || naturalOrder(a, b);
  });
  const waves: string[][] = [];
  const constraints = new Set<string>();
  for (const device of ordered) {
    const mine = memberships.get(device) ?? [];
    let placed = false;
    for (const wave of waves) {
      if (wave.length >= maxPerWave) continue;
      const clash = findClash(mine, wave, memberships);
      if (clash) {
        constraints.add(clash);
        continue;
      }
      wave.push(device);
      placed = true;
      break;
    }
    if (!placed) waves.push([device]);
  }
  return {
    waves: waves.map((devices, i) => ({ index: i + 1, devices })),
    constraints: [...constraints].sort(),
  };
}

/**
 * Whether adding a device (with these memberships) to a wave would take more than
 * `maxUnavailable` members of one group down at once. Returns the reason, or undefined.
 */
function findClash(
  mine: { group: DeepReadonly<RedundancyGroup>; member: string }[],
  wave: string[],
  memberships: Map<string, { group: DeepReadonly<RedundancyGroup>; member: string }[]>,
): string | undefined {
  for (const { group, member } of mine) {
    const down = new Set([member]);
    const via = new Map<string, string>();
    for (const other of wave)
      for (const m of memberships.get(other) ?? [])
        if (m.group.name === group.name) {
          down.add(m.member);
          via.set(m.member, other);
        }
    if (down.size > group.maxUnavailable) {
      const others = [...down].filter((m) => m !== member);
      const how = others.map((m) => (via.get(m) === m ? m : `${m} (through ${via.get(m)})`)).join(', ');
      return `${group.name}: at most ${group.maxUnavailable} of ${group.members.join(', ')} at once, so ${member} not with ${how}`;
    }
  }
  return undefined;
}
