/**
 * Waves: which devices change together. The rule: in one wave, never more than `maxUnavailable`
 * members of any redundancy group, counting failure domains, because a VM fails with its
 * hypervisor. Changing hv1 (which hosts vr1) therefore never shares a wave with vr2 or with
 * vr2's hypervisor.
 *
 * Devices are placed greedily, tier by tier (the core first, VMs last), in the first wave where
 * they fit, so the plan is deterministic and as short as the constraints allow. Tiers and failure
 * domains are decided by compile (the role table, src/compile/roles.ts) and read from the model.
 */

import type { DeepReadonly } from '../model/freeze.js';
import type { RedundancyGroup, SiteModel } from '../model/types.js';
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
      for (const d of byName.get(m)?.failureDomain ?? [m])
        memberships.set(d, [...(memberships.get(d) ?? []), { group: g, member: m }]);

  const ordered = [...changing].sort((a, b) => {
    const ta = byName.get(a)?.tier ?? Number.POSITIVE_INFINITY;
    const tb = byName.get(b)?.tier ?? Number.POSITIVE_INFINITY;
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
