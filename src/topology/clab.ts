/**
 * The lab of a site as a containerlab topology: one `linux` node per device (our `fabric-labnode`
 * image; daemons chosen by `FABRIC_DAEMONS`), the rendered files bound to their real paths, one
 * link per cable with its MTU, and the management network of the inventory. The same file runs
 * under containerlab (`containerlab deploy -t lab/idc-a.clab.yml`) and under fabric's own
 * namespace runtime (`fabric lab up`).
 */
import { dirname, join, posix, relative } from 'node:path';
import { stringify } from 'yaml';
import { frr } from '../daemons/frr/index.js';
import { FRR_CONF } from '../daemons/frr/paths.js';
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry } from '../daemons/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { ClusterModel } from '../model/k8s.js';
import type { Device, SiteModel } from '../model/types.js';
import type { Manifest } from '../render/manifest.js';
import { own } from '../util/own.js';
import { LABEL_DEVICE, LABEL_SITE, LABEL_SITES } from './lab-nodes.js';
import type { SharedClient, SharedLabPlan } from './shared/index.js';

/** The image containerlab users build from lab/image/Dockerfile. */
export const LAB_IMAGE = 'fabric-labnode:bookworm';

export interface ExportOptions {
  /** Where the topology file will be written (binds are relative to it). */
  topologyPath: string;
  /** Folder of the rendered site (`out/<site>`), whose files are bound into the nodes. */
  renderedDir: string;
  manifest: Manifest;
  /** Boot every node with its distribution's defaults instead of the rendered files (for a first push). */
  empty: boolean;
  /** Lab name; defaults to the site name. */
  name?: string;
  /** The daemon drivers that say what a node starts and runs once up. @default DAEMONS */
  daemons?: DaemonRegistry;
}

/** What a device's node needs to know: where its rendered files are, and whether to use them. */
type NodeExportOptions = Pick<ExportOptions, 'renderedDir' | 'manifest' | 'empty' | 'daemons'>;

/**
 * What a node starts besides sshd: exactly the daemons the model lists (decided by compile from
 * the role table and the site's SNMP), snmpd first because FRR's AgentX subagent does not retry,
 * and `http`, the lab's stand-in for the application, on a device that serves.
 */
export function labDaemons(d: DeepReadonly<Device>, registry: DaemonRegistry = DAEMONS): string[] {
  const daemons = driversOf(d, registry)
    .filter((driver) => !driver.appliesTo) // the device's settings (sysctl): applied by `exec`, nothing to start
    .sort((a, b) => Number(!!b.lab.bootFirst) - Number(!!a.lab.bootFirst))
    .map((driver) => driver.name);
  return d.services.length ? [...daemons, 'http'] : daemons;
}

/**
 * Commands run in a node once its links exist: a VM's own operating system configuration
 * (addresses and default route of each family the model gives it), which fabric does not
 * render, then the drivers' (the device's kernel settings from its sysctl.conf, the OVS
 * description on hypervisors).
 */
function execFor(d: DeepReadonly<Device>, empty: boolean, registry: DaemonRegistry): string[] {
  const cmds: string[] = [];
  const drivers = driversOf(d, registry);
  // a VM the model gives a default gateway routes by its OS even when FRR runs on it: an L4
  // member's FRR only announces the anycast VIPs (docs/active-active.md), its NICs are the OS's
  const routedByOs = d.defaultGateway !== null || d.defaultGateway6 !== undefined;
  if (routedByOs || !drivers.some((driver) => driver.lab.routes)) {
    for (const i of d.interfaces) {
      if (i.kind === 'loopback') continue;
      for (const a of i.addresses) cmds.push(`ip addr add ${a.address}/${a.prefixLength} dev ${i.name}`);
      cmds.push(`ip link set ${i.name} up`);
    }
    // containerlab gives every node a default route through its management network: replace it
    if (d.defaultGateway) cmds.push(`ip route replace default via ${d.defaultGateway}`);
    if (d.defaultGateway6) cmds.push(`ip -6 route replace default via ${d.defaultGateway6}`);
  } else {
    // routing comes from a daemon (FRR); a default route via the management network would shadow the fabric's
    cmds.push(`bash -c 'ip route del default dev eth0 2>/dev/null || true'`);
  }
  // an application VM answers each routed path with its own name, so verify can tell which backend served
  for (const svc of d.services)
    for (const path of svc.paths)
      if (path !== '/')
        cmds.push(`bash -c 'mkdir -p /srv/www${path} && hostname > /srv/www${path}/index.html'`);
  // and its health checks get their 200 (labnode-init serves / and /healthz already)
  for (const health of new Set(d.services.map((s) => s.healthPath))) {
    if (health === '/' || health === '/healthz') continue;
    const file = health.endsWith('/') ? `${health}index.html` : health;
    cmds.push(
      `bash -c 'mkdir -p /srv/www${posix.dirname(file)} && { [ -e /srv/www${file} ] || echo ok > /srv/www${file}; }'`,
    );
  }
  // then what the drivers need once the links exist (the kernel settings' file, OVS's description)
  for (const driver of drivers) cmds.push(...(driver.lab.exec?.(d, empty) ?? []));
  return cmds;
}

/**
 * A Kubernetes node in the lab (docs/kubernetes.md, "In the lab"): what its cluster's speaker and
 * its Services would run on it, from the cluster's model. fabric configures nothing on a node, so
 * none of this is the node's own files:
 * - the speaker with its reference config: for MetalLB, FRR with `speakers/<node>.frr.conf` (what
 *   MetalLB's FRR mode writes) as its frr.conf and the image's stock daemons file with bgpd and
 *   bfdd on (the FRR driver's `labnodeDefault`), as in MetalLB's FRR container; for Cilium,
 *   gobgpd with `speakers/<node>.gobgpd.toml` (what Cilium programs into its GoBGP), the paths
 *   Cilium adds through GoBGP's API added with the `gobgp` client (FABRIC_GOBGP_PATHS);
 * - `http`, the stand-in for the Services behind the LoadBalancer IPs, on port 80 of every
 *   address of both families (`::`: the pools are IPv4 and IPv6);
 * - each pool's representative LoadBalancer IP (`poolRoutes`) as a local route on `lo`, so the
 *   node answers it (and a Cilium node's pod CIDR, standing for its pods). A local route, not an
 *   address: zebra would take the highest IPv4 address of `lo` as router ID, and the speaker
 *   model says FRR takes the management address (`impliedRouterId`), the highest IPv4 address of
 *   a node whose LoadBalancer IPs are not interface addresses (kube-proxy's iptables mode DNATs
 *   them, it adds none);
 * - the node's own network configuration, which the speaker does not touch: a Cilium node's /31
 *   on each cable, and a default route over both leaves (ECMP; a MetalLB node's IPv4 over the
 *   leaves' IPv6 link-local next hops). The speaker accepts nothing from its leaves, so without
 *   it the node could not answer anyone.
 */
export interface K8sLabNode {
  cluster: DeepReadonly<ClusterModel>;
  /** The speaker's reference file (`_clusters/<c>/speakers/…`). */
  speakerFile: string;
  /** The node's ports to its leaves, in the speaker's neighbor order. */
  uplinks: string[];
  /** Cilium's: each uplink with the node's address on it (the device's) and the leaf's end, the paths it announces. */
  cilium?: {
    links: { iface: string; address: string; leaf: string }[];
    paths: string[];
    podCidrs: string[];
  };
}

export function k8sLabNode(site: DeepReadonly<SiteModel>, d: DeepReadonly<Device>): K8sLabNode | null {
  if (d.role !== 'k8s-node') return null;
  for (const cluster of site.clusters ?? []) {
    if (cluster.speaker === 'cilium') {
      const speaker = cluster.speakers.find((s) => s.node === d.name);
      if (!speaker) continue;
      return {
        cluster,
        speakerFile: speaker.file,
        uplinks: speaker.neighbors.map((n) => n.iface),
        cilium: {
          links: speaker.neighbors.map((n) => ({
            iface: n.iface,
            address: cableAddress(d, n.iface),
            leaf: n.address,
          })),
          paths: speaker.paths.map((p) => p.prefix),
          podCidrs: speaker.paths.flatMap((p) => (p.kind === 'PodCIDR' ? [p.prefix] : [])),
        },
      };
    }
    const speaker = cluster.speakers.find((s) => s.node === d.name);
    if (!speaker) continue;
    const uplinks = [...new Set(speaker.routers.flatMap((r) => r.neighbors.map((n) => n.iface)))];
    return { cluster, speakerFile: speaker.file, uplinks };
  }
  throw new Error(`k8s node ${d.name} has no speaker in any cluster of site ${site.name} (a compile bug)`);
}

/** A Kubernetes node's commands once its links exist: its addresses and routes (see `K8sLabNode`). */
function k8sExec(k: K8sLabNode): string[] {
  const cmds = k.cluster.poolRoutes.map((p) =>
    p.family === 'ipv4'
      ? `ip route replace local ${p.route} dev lo`
      : `ip -6 route replace local ${p.route} dev lo`,
  );
  // containerlab's default route through the management network would shadow the leaves
  cmds.push(`bash -c 'ip route del default dev eth0 2>/dev/null || true'`);
  if (!k.cilium) {
    cmds.push(`labnode-init default-via ${k.uplinks.join(' ')}`);
    return cmds;
  }
  for (const p of k.cilium.podCidrs) cmds.push(`ip route replace local ${p} dev lo`);
  for (const l of k.cilium.links) cmds.push(`ip address replace ${l.address} dev ${l.iface}`);
  const hops = k.cilium.links.map((l) => `nexthop via ${l.leaf} dev ${l.iface}`).join(' ');
  cmds.push(`ip route replace default ${hops}`);
  return cmds;
}

/** A node's IPv4 address on a cable, with its length (`10.41.1.69/31`): the device model's, as compile numbered it. */
function cableAddress(d: DeepReadonly<Device>, iface: string): string {
  const a = d.interfaces.find((i) => i.name === iface)?.addresses.find((x) => x.family === 'ipv4');
  if (!a) throw new Error(`${d.name} ${iface} has no address on its node link (a compile bug)`);
  return `${a.address}/${a.prefixLength}`;
}

/** Where a Cilium node's gobgpd reads its configuration in the lab. */
export const GOBGPD_CONF = '/etc/gobgp/gobgpd.conf';

function k8sNode(
  site: DeepReadonly<SiteModel>,
  d: DeepReadonly<Device>,
  k: K8sLabNode,
  opts: NodeExportOptions,
  base: string,
): Record<string, unknown> {
  const speakerFile = own(opts.manifest.clusters ?? {}, k.cluster.name)?.files.find(
    (f) => f.path === k.speakerFile,
  );
  if (!speakerFile) throw new Error(`the manifest lists no ${k.speakerFile} (a render bug)`);
  const speaker = k.cilium
    ? { daemon: 'gobgpd', conf: GOBGPD_CONF, env: { FABRIC_GOBGP_PATHS: k.cilium.paths.join(' ') } }
    : { daemon: frr.name, conf: FRR_CONF, env: {} };
  return {
    kind: 'linux',
    'mgmt-ipv4': d.mgmt.address,
    ...(d.mgmt.ipv6 ? { 'mgmt-ipv6': d.mgmt.ipv6.address } : {}),
    env: {
      FABRIC_DAEMONS: `${speaker.daemon},http`,
      FABRIC_HTTP_PORTS: '80',
      FABRIC_HTTP_BIND: '::',
      ...speaker.env,
    },
    labels: { 'fabric-site': site.name, 'fabric-role': d.role, 'fabric-rack': d.rack || 'none' },
    binds: [`${relative(base, join(opts.renderedDir, speakerFile.path))}:${speaker.conf}:ro`],
    exec: k8sExec(k),
  };
}

/**
 * Where a file its daemon rewrites (`FileSpec.rewritten`) or reads as its own user
 * (`FileSpec.private`) is bound in a node: not at its target, which would be a mount point the
 * daemon's rename fails on, or a file with the host's owner, but here; the node's init copies it
 * into place with its owner and mode at boot (FABRIC_REWRITABLE and FABRIC_PRIVATE,
 * lab/image/labnode-init.sh).
 */
export const REWRITABLE_STAGE = '/etc/fabric-lab/rewritable';

/** The env variables that list the staged files for the node's init: rewritten, then private. */
const STAGED_VARS = ['FABRIC_REWRITABLE', 'FABRIC_PRIVATE'] as const;
type StagedVar = (typeof STAGED_VARS)[number];

/** The files of a device that the node's init places (by target), and the env variable that lists each. */
function stagedTargets(d: DeepReadonly<Device>, registry: DaemonRegistry): Map<string, StagedVar> {
  const out = new Map<string, StagedVar>();
  for (const driver of driversOf(d, registry))
    for (const f of driver.files(d)) {
      if (f.rewritten) out.set(f.target, 'FABRIC_REWRITABLE');
      else if (f.private) out.set(f.target, 'FABRIC_PRIVATE');
    }
  return out;
}

/** The node of a device: its daemons, files (bound from `renderedDir`), exec and labels. */
function deviceNode(
  site: DeepReadonly<SiteModel>,
  d: DeepReadonly<Device>,
  opts: NodeExportOptions,
  base: string,
): Record<string, unknown> {
  const k8s = k8sLabNode(site, d);
  if (k8s) return k8sNode(site, d, k8s, opts, base);
  const registry = opts.daemons ?? DAEMONS;
  const daemons = labDaemons(d, registry);
  const env: Record<string, string> = { FABRIC_DAEMONS: daemons.join(',') };
  if (d.services.length) env.FABRIC_HTTP_PORTS = d.services.map((s) => s.port).join(',');
  // an empty lab blanks what fabric manages; the simulated upstreams are the outside world and keep theirs
  const files = opts.empty && d.managed ? [] : (own(opts.manifest.devices, d.name)?.files ?? []);
  const node: Record<string, unknown> = {
    kind: 'linux',
    'mgmt-ipv4': d.mgmt.address,
    ...(d.mgmt.ipv6 ? { 'mgmt-ipv6': d.mgmt.ipv6.address } : {}),
    env,
    labels: { 'fabric-site': site.name, 'fabric-role': d.role, 'fabric-rack': d.rack || 'none' },
  };
  if (files.length) {
    const staged = stagedTargets(d, registry);
    node.binds = files.map(
      (f) =>
        `${relative(base, join(opts.renderedDir, d.name, f.path))}:${staged.has(f.target) ? `${REWRITABLE_STAGE}${f.target}` : f.target}:ro`,
    );
    for (const name of STAGED_VARS) {
      const listed = files.filter((f) => staged.get(f.target) === name);
      if (listed.length) env[name] = listed.map((f) => `${f.target}:${f.owner}:${f.mode}`).join(' ');
    }
  }
  const exec = execFor(d, opts.empty && d.managed, registry); // empty: the node has no files of its own
  if (exec.length) node.exec = exec;
  return node;
}

export function exportTopology(site: DeepReadonly<SiteModel>, opts: ExportOptions): string {
  const base = dirname(opts.topologyPath);
  const nodes: Record<string, unknown> = {};
  for (const d of site.devices) nodes[d.name] = deviceNode(site, d, opts, base);
  const links = site.cables.map((c) => ({
    endpoints: [`${c.a.device}:${c.a.interface}`, `${c.b.device}:${c.b.interface}`],
    mtu: Math.max(c.a.mtu, c.b.mtu),
  }));
  const topology = {
    name: opts.name ?? site.name,
    mgmt: {
      network: `fabric-${opts.name ?? site.name}`,
      'ipv4-subnet': site.mgmt.subnet,
      'ipv4-gw': site.mgmt.gateway,
      // the devices' `pools.mgmt6` addresses: snmpd listens on them (the host end stays IPv4)
      ...(site.mgmt.ipv6 ? { 'ipv6-subnet': site.mgmt.ipv6.subnet } : {}),
    },
    topology: { kinds: { linux: { image: LAB_IMAGE } }, nodes, links },
  };
  const header = [
    `# containerlab topology of site ${site.name}: generated by \`fabric lab export\`, do not edit.`,
    `# Nodes run the ${LAB_IMAGE} image (build it from lab/image/Dockerfile), or run the file`,
    '# without Docker with `fabric lab up`. Binds point at the rendered files in out/.',
    opts.empty ? '# Empty lab: nodes boot with distribution defaults; `fabric push` configures them.' : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `${header}\n${stringify(topology, { lineWidth: 0 })}`;
}

export interface SharedExportOptions {
  /** Where the topology file will be written (binds are relative to it). */
  topologyPath: string;
  /** Lab name. */
  name: string;
  /** Each site's rendered folder (`out/<site>`) and manifest, by site name. */
  sites: Record<string, { model: DeepReadonly<SiteModel>; renderedDir: string; manifest: Manifest }>;
  /** The shared internet: its merged upstreams' models (site `internet`), rendered folder and manifest. */
  internet: { model: DeepReadonly<SiteModel>; renderedDir: string; manifest: Manifest };
  /** Boot the sites' managed devices with distribution defaults (the internet keeps its configs). */
  empty: boolean;
  daemons?: DaemonRegistry;
}

/**
 * The lab of several sites (src/topology/shared-lab.ts decides it): each site's devices as in
 * its own lab but named `<site>-<device>` (hostname the device's, labels `fabric-site` and
 * `fabric-device`), the merged upstreams (labels `fabric-device` and `fabric-sites`), the client,
 * and the plan's links.
 */
export function exportSharedTopology(plan: SharedLabPlan, opts: SharedExportOptions): string {
  const base = dirname(opts.topologyPath);
  const nodes: Record<string, unknown> = {};
  for (const n of plan.nodes) {
    if (n.kind === 'client') {
      nodes[n.name] = clientNode(plan.client);
      continue;
    }
    const where = n.site === null ? opts.internet : own(opts.sites, n.site)!;
    const d = where.model.devices.find((x) => x.name === n.device)!;
    const node = deviceNode(
      where.model,
      d,
      { renderedDir: where.renderedDir, manifest: where.manifest, empty: opts.empty, daemons: opts.daemons },
      base,
    );
    node.labels =
      n.site === null
        ? {
            [LABEL_DEVICE]: n.device,
            [LABEL_SITES]: plan.upstreams.find((u) => u.name === n.device)!.sites.join(' '),
            'fabric-role': d.role,
          }
        : {
            [LABEL_SITE]: n.site,
            [LABEL_DEVICE]: n.device,
            'fabric-role': d.role,
            'fabric-rack': d.rack || 'none',
          };
    if (n.name !== n.device) node.hostname = n.device;
    nodes[n.name] = node;
  }
  const links = plan.links.map((l) => ({
    endpoints: [`${l.a.node}:${l.a.interface}`, `${l.z.node}:${l.z.interface}`],
    mtu: l.mtu,
  }));
  const topology = {
    name: opts.name,
    mgmt: {
      network: `fabric-${opts.name}`,
      'ipv4-subnet': plan.mgmt.subnet,
      'ipv4-gw': plan.mgmt.gateway,
      ...(plan.mgmt.ipv6Subnet ? { 'ipv6-subnet': plan.mgmt.ipv6Subnet } : {}),
    },
    topology: { kinds: { linux: { image: LAB_IMAGE } }, nodes, links },
  };
  const header = [
    `# containerlab topology of sites ${plan.sites.join(', ')} in one lab, with their shared internet and a client:`,
    '# generated by `fabric lab export`, do not edit (docs/active-active.md "Both sites in one lab").',
    `# Nodes run the ${LAB_IMAGE} image (build it from lab/image/Dockerfile), or run the file`,
    '# without Docker with `fabric lab up`. Binds point at the rendered files in out/.',
    opts.empty
      ? "# Empty lab: the sites' nodes boot with distribution defaults; `fabric push` configures them."
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `${header}\n${stringify(topology, { lineWidth: 0 })}`;
}

/** The client on the internet: its address and default route of each family, sshd only. */
function clientNode(c: SharedClient): Record<string, unknown> {
  const exec = [`ip addr add ${c.address}/${c.prefixLength} dev ${c.interface}`];
  if (c.address6 !== undefined)
    exec.push(`ip -6 addr add ${c.address6}/${c.prefixLength6} dev ${c.interface}`);
  exec.push(`ip link set ${c.interface} up`);
  // containerlab's default route through the management network would take the internet's place
  exec.push(`ip route replace default via ${c.gateway}`);
  if (c.gateway6 !== undefined) exec.push(`ip -6 route replace default via ${c.gateway6}`);
  return {
    kind: 'linux',
    'mgmt-ipv4': c.mgmtIpv4,
    env: { FABRIC_DAEMONS: '' },
    labels: { [LABEL_DEVICE]: c.node, 'fabric-role': 'client' },
    exec,
  };
}
