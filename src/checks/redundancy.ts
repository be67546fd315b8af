/**
 * Redundancy findings: pairs that would fail together (same rack, same hypervisor), racks whose
 * hosts are not dual-homed to their leaf pair, leaves not uplinked to every spine of their pod.
 */
import { hostRoles, rackSwitchRoles, roleSpec } from '../compile/roles.js';
import type { Diagnostic, InventoryPath } from '../diagnostics/diagnostic.js';
import { type CheckContext, finding, notice } from './context.js';

export function checkRedundancyGroups(ctx: CheckContext): Diagnostic[] {
  const { facts, site } = ctx;
  const out: Diagnostic[] = [];
  const pathOf = (name: string): InventoryPath => {
    const d = facts.devices.get(name)!;
    return d.hostedOn ? [...d.path, 'host'] : [...d.path, 'rack'];
  };
  const seen = new Set<string>();
  for (const g of site.redundancyGroups) {
    if (g.kind === 'leaf-pair' || g.kind === 'hypervisors') continue; // a leaf pair shares its rack by design
    // the same devices in a second group (the HAProxy pair holding the data VIPs): one problem, said once
    const key = g.members.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    // a cluster's own findings say it, located at the cluster (cluster-single-node, cluster-shared-rack)
    if (g.kind === 'k8s-cluster') continue;
    if (g.members.length < 2) {
      out.push(
        notice(
          ctx,
          'redundancy-single',
          `${g.name} has a single member (${g.members[0]}): nothing backs it up`,
          pathOf(g.members[0]!),
        ),
      );
      continue;
    }
    // a member listed twice is one problem, reported where it is listed (vrrp-pair-duplicate)
    if (new Set(g.members).size < g.members.length) continue;
    // a group protects nothing when one rack (or one hypervisor) holds all of it
    const members = g.members.map((m) => facts.devices.get(m)!);
    const last = members[members.length - 1]!;
    const hosts = new Set(members.map((d) => d.hostedOn));
    const racks = new Set(members.map((d) => d.rack));
    const all = g.members.length === 2 ? 'both' : `all ${g.members.length}`;
    if (hosts.size === 1 && last.hostedOn)
      out.push(
        finding(
          ctx,
          'redundancy-shared-host',
          `${all} members of ${g.name} (${g.members.join(', ')}) run on hypervisor ${last.hostedOn}; place them on hypervisors in different racks`,
          pathOf(last.name),
        ),
      );
    else if (racks.size === 1)
      out.push(
        finding(
          ctx,
          'redundancy-shared-rack',
          `${all} members of ${g.name} (${g.members.join(', ')}) are in rack ${last.rack}; a rack failure would take down the whole ${g.kind}`,
          pathOf(last.name),
        ),
      );
  }
  return out;
}

export function checkDualHoming(ctx: CheckContext): Diagnostic[] {
  const { facts } = ctx;
  const out: Diagnostic[] = [];
  // the rack switches the host roles uplink to (the leaves), and the switches those uplink to (the spines)
  const leafRoles = rackSwitchRoles();
  const leafNames = leafRoles.flatMap((r) => facts.byRole.get(r) ?? []);
  const spineRoles = [...new Set(leafRoles.flatMap((r) => roleSpec(r).uplinksTo))];
  const leavesOf = new Map<string, string[]>();
  for (const l of leafNames) {
    const rack = facts.devices.get(l)!.rack;
    leavesOf.set(rack, [...(leavesOf.get(rack) ?? []), l]);
  }
  for (const [rack, leaves] of leavesOf)
    if (leaves.length < 2)
      out.push(
        finding(
          ctx,
          'leaf-pair-incomplete',
          `rack ${rack} has one leaf (${leaves[0]}): its hosts cannot be dual-homed; add a second leaf to the rack`,
          [...facts.devices.get(leaves[0]!)!.path, 'rack'],
        ),
      );
  for (const role of hostRoles())
    for (const h of facts.byRole.get(role) ?? []) {
      const d = facts.devices.get(h)!;
      const uplinked = new Set(d.ports.filter((p) => p.kind === 'host').map((p) => p.peer.device));
      const pair = leavesOf.get(d.rack) ?? [];
      for (const leaf of uplinked)
        if (!pair.includes(leaf))
          out.push(
            finding(
              ctx,
              'host-wrong-rack',
              `${h} (rack ${d.rack}) is cabled to ${leaf}, a leaf of rack ${facts.devices.get(leaf)!.rack}`,
              [...d.path, 'uplinks'],
            ),
          );
      const missing = pair.filter((l) => !uplinked.has(l));
      if (pair.length >= 2 && missing.length)
        out.push(
          finding(
            ctx,
            'host-not-dual-homed',
            `${h} is not cabled to ${missing.join(' and ')} of the leaf pair of rack ${d.rack}`,
            [...d.path, 'uplinks'],
          ),
        );
    }
  // the spines of each pod, in role then id order, looked up once per leaf (not filtered per leaf)
  const spinesOf = new Map<number, string[]>();
  for (const s of spineRoles.flatMap((r) => facts.byRole.get(r) ?? [])) {
    const pod = facts.devices.get(s)!.pod;
    const list = spinesOf.get(pod);
    if (list) list.push(s);
    else spinesOf.set(pod, [s]);
  }
  for (const l of leafNames) {
    const d = facts.devices.get(l)!;
    const spines = spinesOf.get(d.pod) ?? [];
    const uplinked = new Set(d.ports.filter((p) => p.kind === 'fabric').map((p) => p.peer.device));
    const missing = spines.filter((s) => !uplinked.has(s));
    // a leaf routes through the spines of its pod; a spine of another pod is a mis-set pod
    const otherPod = [...uplinked].filter((s) => {
      const spine = facts.devices.get(s);
      return spine !== undefined && spineRoles.includes(spine.role) && spine.pod !== d.pod;
    });
    if (otherPod.length)
      out.push(
        finding(
          ctx,
          'leaf-wrong-pod',
          `${l} is in pod ${d.pod} but uplinks to ${otherPod.join(', ')} of pod ${facts.devices.get(otherPod[0]!)!.pod}; leaves uplink to the spines of their own pod: set pod on ${l} or cable it to the spines of pod ${d.pod}`,
          [...d.path, d.pod === 1 ? 'uplinks' : 'pod'], // pod 1 is the default: nothing to point at
        ),
      );
    else if (missing.length)
      out.push(
        finding(
          ctx,
          'leaf-not-full-mesh',
          `${l} has no uplink to ${missing.join(', ')} (pod ${d.pod}): ECMP and spine redundancy need every spine`,
          [...d.path, 'uplinks'],
        ),
      );
  }
  return out;
}
