/**
 * Redundancy groups: which devices back each other up. Push plans its waves from these (never
 * more than `maxUnavailable` members of a group change at once) and checks flag groups that do
 * not really protect anything (members sharing a rack or a hypervisor).
 */
import type { RedundancyGroup } from '../model/types.js';
import type { SiteFacts } from './facts.js';
import { type RedundancySpec, redundantRoles } from './roles.js';

export function compileRedundancyGroups(facts: SiteFacts): RedundancyGroup[] {
  const groups: RedundancyGroup[] = [];
  const add = (g: Omit<RedundancyGroup, 'members'> & { members: string[] }) => {
    if (g.members.length) groups.push({ ...g, members: [...g.members].sort() });
  };
  for (const { role, spec } of redundantRoles())
    for (const [where, members] of groupsOf(facts, facts.byRole.get(role) ?? [], spec.by))
      add({
        name: where === null ? spec.name : `${spec.name}-${where}`,
        kind: spec.kind,
        members,
        maxUnavailable: 1,
        reason: spec.reason({ rack: where ?? '', members: members.length }),
      });
  for (const [tenant, t] of facts.tenants) {
    if (t.routers)
      add({
        name: `${tenant}-routers`,
        kind: 'vrrp-pair',
        members: t.routers.members.map((m) => m.device),
        maxUnavailable: 1,
        reason: `VRRP gateway of tenant ${tenant}`,
      });
    if (t.l4)
      add({
        name: `${tenant}-l4`,
        kind: 'vrrp-pair',
        members: t.l4.members.map((m) => m.device),
        maxUnavailable: 1,
        reason: `VRRP service VIPs of tenant ${tenant}`,
      });
    if (t.l7)
      add({
        name: `${tenant}-l7`,
        kind: 'haproxy-pair',
        members: t.l7.members,
        maxUnavailable: 1,
        reason: `HAProxy real servers behind the VIPs of tenant ${tenant}`,
      });
    // the HAProxy pair again, as the VRRP pair holding the tenant's data VIPs (docs/data-tier.md);
    // after the l7 group, so that lab failover files an HAProxy's scenarios under that one (the
    // HTTP path's stricter budget: a device is a scenario of the first group it is in)
    if (t.dataVrrp)
      add({
        name: `${tenant}-data-vips`,
        kind: 'vrrp-pair',
        members: t.dataVrrp.members.map((m) => m.device),
        maxUnavailable: 1,
        reason: `VRRP data VIPs of tenant ${tenant}`,
      });
  }
  return groups;
}

/**
 * The devices split by `by`, each with where it is (null for the site; `pod<n>` when the site has
 * several pods, else null; the rack; the cluster), in pod, rack or cluster order.
 */
function groupsOf(
  facts: SiteFacts,
  names: readonly string[],
  by: RedundancySpec['by'],
): [string | null, string[]][] {
  if (by === 'site') return [[null, [...names]]];
  const groups = new Map<string | number, string[]>();
  for (const name of names) {
    const d = facts.devices.get(name);
    if (!d) continue;
    const key = by === 'pod' ? d.pod : by === 'cluster' ? (d.cluster ?? '') : d.rack;
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  const sorted = [...groups].sort(([a], [b]) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  if (by === 'pod') return sorted.map(([pod, m]) => [groups.size > 1 ? `pod${pod}` : null, m]);
  return sorted.map(([rack, m]) => [String(rack), m]);
}
