/**
 * The lab of a site as a containerlab topology: one `linux` node per device (our `fabric-labnode`
 * image; daemons chosen by `FABRIC_DAEMONS`), the rendered files bound to their real paths, one
 * link per cable with its MTU, and the management network of the inventory. The same file runs
 * under containerlab (`containerlab deploy -t lab/idc-a.clab.yml`) and under fabric's own
 * namespace runtime (`fabric lab up`).
 */
import { dirname, join, posix, relative } from 'node:path';
import { stringify } from 'yaml';
import { DAEMONS, driversOf } from '../daemons/index.js';
import type { DaemonRegistry } from '../daemons/types.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { Device, SiteModel } from '../model/types.js';
import type { Manifest } from '../render/manifest.js';
import { own } from '../util/own.js';

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
  if (!drivers.some((driver) => driver.lab.routes)) {
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

export function exportTopology(site: DeepReadonly<SiteModel>, opts: ExportOptions): string {
  const base = dirname(opts.topologyPath);
  const nodes: Record<string, unknown> = {};
  for (const d of site.devices) {
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
    if (files.length)
      node.binds = files.map(
        (f) => `${relative(base, join(opts.renderedDir, d.name, f.path))}:${f.target}:ro`,
      );
    const exec = execFor(d, opts.empty && d.managed, registry); // empty: the node has no files of its own
    if (exec.length) node.exec = exec;
    nodes[d.name] = node;
  }
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
