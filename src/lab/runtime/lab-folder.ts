/**
 * The lab folder for users, `clab-<lab>/` next to the topology file (like containerlab's):
 * - id_ed25519, id_ed25519.pub: the lab's key (root's authorized key on every node);
 * - known_hosts: each node's host key under its mgmt IP, netns name and node name (rewritten
 *   at each `up`, since nodes get new host keys);
 * - ssh_config: `ssh -F clab-<lab>/ssh_config <node>` works with no other setup; its first line
 *   names the lab and its sites (`labOfSshConfig`), so drift watching a lab knows which sites run;
 * - topology-data.json: nodes and links in containerlab's format, for tools that read it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sitesOfLab } from '../../topology/lab-nodes.js';
import type { LabPlan } from '../plan/lab-plan.js';
import { LAB_KEY } from './ssh-keys.js';

export function knownHostsPath(plan: LabPlan): string {
  return join(plan.labDir, 'known_hosts');
}

export function sshKeyPath(plan: LabPlan): string {
  return join(plan.labDir, LAB_KEY);
}

export function sshConfigPath(plan: LabPlan): string {
  return join(plan.labDir, 'ssh_config');
}

export function writeArtifacts(plan: LabPlan, hostKeys: ReadonlyMap<string, string>): void {
  const nodes = plan.nodes.filter((n) => hostKeys.has(n.name));
  const known = nodes.map((n) => `${[n.mgmtIpv4, n.netns, n.name].join(',')} ${hostKeys.get(n.name)}`);
  writeFileSync(knownHostsPath(plan), `${known.join('\n')}\n`);

  const ssh = [sshConfigHeader(plan.lab, sitesOfLab(plan.nodes), sshConfigPath(plan))];
  for (const n of nodes) {
    // by node name, namespace and management address: fabric connects to the address
    ssh.push(
      '',
      `Host ${n.name} ${n.netns} ${n.mgmtIpv4}`,
      `  HostName ${n.mgmtIpv4}`,
      '  User root',
      `  IdentityFile ${sshKeyPath(plan)}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${knownHostsPath(plan)}`,
      '  StrictHostKeyChecking yes',
    );
  }
  writeFileSync(sshConfigPath(plan), `${ssh.join('\n')}\n`);
  writeFileSync(join(plan.labDir, 'topology-data.json'), `${JSON.stringify(topologyData(plan), null, 2)}\n`);
}

/** A subset of containerlab's topology-data.json (its `ansible`/`nornir` inventories are not written). */
function topologyData(plan: LabPlan): unknown {
  const nodes: Record<string, unknown> = {};
  for (const n of plan.nodes) {
    nodes[n.name] = {
      index: String(n.index),
      shortname: n.name,
      longname: n.netns || n.bridge,
      fqdn: `${n.name}.${plan.lab}.io`,
      group: '',
      labdir: join(plan.labDir, n.name),
      kind: n.kind,
      image: n.image,
      'mgmt-net': '',
      'mgmt-intf': n.netns ? 'eth0' : '',
      'mgmt-ipv4-address': n.mgmtIpv4,
      'mgmt-ipv4-prefix-length': n.mgmtIpv4 ? plan.mgmt.prefixLength : 0,
      'mgmt-ipv4-gateway': n.mgmtIpv4 ? plan.mgmt.gateway : '',
      'mgmt-ipv6-address': n.mgmtIpv6 ?? '',
      'mgmt-ipv6-prefix-length': n.mgmtIpv6 ? plan.mgmt.prefixLength6 : 0,
      labels: {
        ...n.labels,
        'clab-node-kind': n.kind,
        'clab-node-name': n.name,
        'clab-topo-file': plan.topologyFile,
        containerlab: plan.lab,
        'fabric-lab-role': n.role,
        'fabric-lab-daemons': n.daemons.join(','),
      },
    };
  }
  const links = plan.links.map((l) => ({
    a: { node: l.a.node, interface: l.a.name, mac: l.a.mac ?? '', peer: 'z' },
    z: { node: l.z.node, interface: l.z.name, mac: l.z.mac ?? '', peer: 'a' },
  }));
  return {
    name: plan.lab,
    type: 'clab',
    clab: {
      config: {
        prefix: '',
        mgmt: {
          network: 'clab',
          bridge: plan.mgmt.bridge,
          'ipv4-subnet': plan.mgmt.subnet,
          'ipv4-gw': plan.mgmt.gateway,
        },
        'config-path': plan.topologyFile,
      },
    },
    ssh: { 'private-key': sshKeyPath(plan), 'known-hosts': knownHostsPath(plan) },
    nodes,
    links,
  };
}

/** The SSH config's first line: how to use it, and the lab and sites it is for (`labOfSshConfig`). */
export function sshConfigHeader(lab: string, sites: readonly string[], path: string): string {
  return `# fabric lab ${lab}${sites.length ? ` (sites: ${sites.join(', ')})` : ''}: ssh -F ${path} <node>, or FABRIC_SSH_CONFIG for fabric push/drift`;
}

/**
 * The lab and its sites an SSH config is for, from the first line `writeArtifacts` writes; null
 * for any other config (a real network's). Drift reads it to judge only what the lab runs.
 */
export function labOfSshConfig(text: string): { lab: string; sites: string[] } | null {
  const m = /^# fabric lab (\S+) \(sites: ([^)]*)\):/.exec(text);
  return m ? { lab: m[1]!, sites: m[2]!.split(', ').filter(Boolean) } : null;
}
