/**
 * Redundancy groups: which devices back each other up. Push plans its waves from these (never
 * more than `maxUnavailable` members of a group change at once) and checks flag groups that do
 * not really protect anything (members sharing a rack or a hypervisor).
 */
import type { RedundancyGroup } from '../model/types.js';
import type { SiteFacts } from './facts.js';

export function compileRedundancyGroups(facts: SiteFacts): RedundancyGroup[] {
  const groups: RedundancyGroup[] = [];
  const names = (role: Parameters<SiteFacts['byRole']['get']>[0]) => [...(facts.byRole.get(role) ?? [])];
  const add = (g: Omit<RedundancyGroup, 'members'> & { members: string[] }) => {
    if (g.members.length) groups.push({ ...g, members: [...g.members].sort() });
  };
  add({
    name: 'superspine-plane',
    kind: 'superspine-plane',
    members: names('superspine'),
    maxUnavailable: 1,
    reason: 'every spine uplinks to each super-spine; ECMP across them',
  });
  const pods = new Map<number, string[]>();
  for (const s of names('spine')) {
    const pod = facts.devices.get(s)!.pod;
    const members = pods.get(pod);
    if (members) members.push(s);
    else pods.set(pod, [s]);
  }
  for (const [pod, members] of [...pods].sort(([a], [b]) => a - b))
    add({
      name: pods.size > 1 ? `spine-plane-pod${pod}` : 'spine-plane',
      kind: 'spine-plane',
      members,
      maxUnavailable: 1,
      reason: 'every leaf uplinks to each spine; ECMP across them',
    });
  add({
    name: 'edge-pair',
    kind: 'edge-pair',
    members: names('edge'),
    maxUnavailable: 1,
    reason: 'each edge carries an upstream and the default route into the fabric',
  });
  const racks = new Map<string, string[]>();
  for (const l of names('leaf')) {
    const rack = facts.devices.get(l)!.rack;
    const members = racks.get(rack);
    if (members) members.push(l);
    else racks.set(rack, [l]);
  }
  for (const [rack, members] of [...racks].sort(([a], [b]) => a.localeCompare(b)))
    add({
      name: `leaf-pair-${rack}`,
      kind: 'leaf-pair',
      members,
      maxUnavailable: 1,
      reason: `every host of rack ${rack} is dual-homed to these leaves`,
    });
  // not a "pair": any number of hosts, and one host alone replicates nothing
  const storage = names('storage');
  add({
    name: 'storage',
    kind: 'storage-hosts',
    members: storage,
    maxUnavailable: 1,
    reason:
      storage.length === 1
        ? 'a single storage host: nothing replicates it (not redundant)'
        : 'storage hosts replicate each other',
  });
  add({
    name: 'hypervisors',
    kind: 'hypervisors',
    members: names('hypervisor'),
    maxUnavailable: 1,
    reason: 'N+1: the VMs of any one hypervisor fit on the others',
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
  }
  return groups;
}
