/**
 * Both sites in one lab (issue 11, docs/active-active.md "Both sites in one lab"): the plan of a
 * lab of aa-a and aa-b (nodes, links, the shared internet, the client, management) computed from
 * the compiled fixture, and its containerlab export valid against containerlab's own schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTopologyText } from '../../src/lab/topology/parse.js';
import type { SiteModel, UpstreamDevice } from '../../src/model/types.js';
import { parsePrefix } from '../../src/net/ipv4.js';
import type { FrozenSite } from '../../src/pipeline.js';
import { buildManifest } from '../../src/render/manifest.js';
import { renderSite } from '../../src/render/render.js';
import { loadSecrets } from '../../src/render/secrets.js';
import { TemplateSet } from '../../src/render/templates.js';
import { formatSshSetup } from '../../src/report/lab.js';
import { exportSharedTopology } from '../../src/topology/clab.js';
import { devicesWithNodes, nodeOfDevice } from '../../src/topology/lab-nodes.js';
import {
  coverOf,
  internetSite,
  MAX_IFNAME,
  planSharedLab,
  type SharedLabPlan,
  sharedLabName,
} from '../../src/topology/shared/index.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const CLAB_SCHEMA = resolve(REPO, '..', 'shared', 'containerlab', 'clab.schema.json');

const rendered = renderExample(FIXTURE);
const sites = rendered.map((r) => r.site);

function planOf(s: readonly FrozenSite[]): SharedLabPlan {
  const r = planSharedLab(s);
  if (!r.plan) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.plan;
}

/** A site's model with `change` applied to a plain copy. */
function changed(name: string, change: (s: SiteModel) => void): FrozenSite[] {
  return sites.map((s) => {
    if (s.name !== name) return s;
    const copy = structuredClone(s) as SiteModel;
    change(copy);
    return copy;
  });
}

function isp1Of(s: SiteModel): UpstreamDevice {
  return s.devices.find((d) => d.name === 'isp1') as UpstreamDevice;
}

/** A node of the exported topology, as far as these tests read it. */
interface ClabNode {
  binds?: string[];
  labels?: Record<string, string>;
  hostname?: string;
  exec?: string[];
}

describe('GIVEN the active-active fixture WHEN aa-a and aa-b are planned into one lab', () => {
  const plan = planOf(sites);

  it('THEN every site device is a node <site>-<device>, the upstreams one node each, plus the client', () => {
    const names = plan.nodes.map((n) => n.name);
    expect(names).toContain('aa-a-edge1');
    expect(names).toContain('aa-b-edge1');
    expect(names).toContain('aa-a-lb1');
    expect(names.filter((n) => n.startsWith('isp'))).toEqual(['isp1', 'isp2']);
    expect(names).toContain('client');
    const devices = sites.reduce((n, s) => n + s.devices.filter((d) => d.managed).length, 0);
    expect(plan.nodes).toHaveLength(devices + 2 + 1);
    expect(new Set(names).size).toBe(names.length);
    expect(plan.sites).toEqual(['aa-a', 'aa-b']);
    expect(sharedLabName(['aa-b', 'aa-a'])).toBe('aa-a_aa-b');
  });

  it('THEN each upstream has one port per site (s<k>-<port>) and the sessions’ links are the sites’ own', () => {
    const isp1 = plan.upstreams.find((u) => u.name === 'isp1')!;
    expect(isp1).toMatchObject({ asn: 64496, id: 91, sites: ['aa-a', 'aa-b'], mgmtIpv4: '198.18.1.91' });
    expect(isp1.ports).toEqual([
      { site: 'aa-a', edge: 'edge1', edgeInterface: 'eth3', siteInterface: 'eth1', port: 's1-eth1' },
      { site: 'aa-b', edge: 'edge1', edgeInterface: 'eth3', siteInterface: 'eth1', port: 's2-eth1' },
    ]);
    const upstreamLinks = plan.links.filter((l) => l.kind === 'session').map((l) => [l.a, l.z]);
    expect(upstreamLinks).toEqual([
      [
        { node: 'aa-a-edge1', interface: 'eth3' },
        { node: 'isp1', interface: 's1-eth1' },
      ],
      [
        { node: 'aa-a-edge2', interface: 'eth3' },
        { node: 'isp2', interface: 's1-eth1' },
      ],
      [
        { node: 'aa-b-edge1', interface: 'eth3' },
        { node: 'isp1', interface: 's2-eth1' },
      ],
      [
        { node: 'aa-b-edge2', interface: 'eth3' },
        { node: 'isp2', interface: 's2-eth1' },
      ],
    ]);
    // the internet link between the upstreams, once although both sites have it
    expect(plan.links.filter((l) => l.kind === 'internet').map((l) => [l.a, l.z])).toEqual([
      [
        { node: 'isp1', interface: 'eth92' },
        { node: 'isp2', interface: 'eth91' },
      ],
    ]);
  });

  it('THEN no port carries two links, no port name is longer than 15 characters, the sites’ cables are all there', () => {
    const ends = plan.links.flatMap((l) => [l.a, l.z]).map((e) => `${e.node}:${e.interface}`);
    expect(new Set(ends).size).toBe(ends.length);
    for (const l of plan.links)
      for (const e of [l.a, l.z]) expect(e.interface.length).toBeLessThanOrEqual(MAX_IFNAME);
    for (const s of sites) {
      const own = plan.links.filter((l) => l.site === s.name);
      expect(own).toHaveLength(s.cables.filter((c) => c.kind !== 'internet').length);
      for (const l of own.filter((x) => x.kind === 'site')) {
        expect(l.a.node.startsWith(`${s.name}-`)).toBe(true);
        expect(l.z.node.startsWith(`${s.name}-`)).toBe(true);
      }
    }
  });

  it('THEN the client sits on isp1 in the last /30 and /64 of its originated prefixes, default routes into the internet', () => {
    expect(plan.client).toEqual({
      node: 'client',
      interface: 'eth1',
      upstream: 'isp1',
      upstreamInterface: 'client',
      link: '192.0.2.188/30',
      address: '192.0.2.190',
      prefixLength: 30,
      gateway: '192.0.2.189',
      link6: '2001:db8:f1:ffff::/64',
      address6: '2001:db8:f1:ffff::2',
      prefixLength6: 64,
      gateway6: '2001:db8:f1:ffff::1',
      mgmtIpv4: '198.18.3.254',
    });
    // outside both sites' announced prefixes, inside the prefix isp1 announces to everyone
    for (const s of sites) {
      const edge = s.devices.find((d) => d.name === 'edge1')!;
      if (!('frr' in edge)) throw new Error('edge1 has no FRR');
      expect(edge.frr.routerBgp.ipv4Unicast.networks).not.toContain('192.0.2.128/26');
    }
    expect(plan.links.at(-1)).toMatchObject({
      a: { node: 'client', interface: 'eth1' },
      z: { node: 'isp1', interface: 'client' },
      kind: 'client',
    });
  });

  it('THEN one management network covers both sites’ pools, every node keeps its address, none shared', () => {
    expect(plan.mgmt).toEqual({ subnet: '198.18.0.0/22', gateway: '198.18.1.1', prefixLength: 22 });
    expect(plan.nodes.find((n) => n.name === 'aa-a-edge1')!.mgmtIpv4).toBe('198.18.1.2');
    expect(plan.nodes.find((n) => n.name === 'aa-b-edge1')!.mgmtIpv4).toBe('198.18.2.2');
    const addresses = plan.nodes.map((n) => n.mgmtIpv4);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(coverOf([parsePrefix('10.0.0.0/24')!.prefix, parsePrefix('10.0.3.0/24')!.prefix]).text).toBe(
      '10.0.0.0/22',
    );
  });

  it('THEN the merged isp1 has both sites’ sessions, its renamed ports, the client port and the internet session once', () => {
    const internet = internetSite(plan, sites);
    const isp1 = internet.devices.find((d) => d.name === 'isp1')!;
    if (!('frr' in isp1)) throw new Error('isp1 has no FRR');
    expect(isp1.frr.interfaces.map((i) => i.name)).toEqual(['lo', 'client', 'eth92', 's1-eth1', 's2-eth1']);
    expect(isp1.frr.routerBgp.neighbors.map((n) => [n.peer, n.remoteAs])).toEqual([
      ['eth92', 64497],
      ['192.0.2.1', 65001],
      ['2001:db8:ffff:1::1', 65001],
      ['192.0.2.5', 65002],
      ['2001:db8:ffff:5::1', 65002],
    ]);
    expect(isp1.frr.routerBgp.ipv4Unicast.defaultOriginate).toEqual(['192.0.2.1', '192.0.2.5']);
    // the kernel's per-interface settings follow the renamed ports (sysctl -p fails on a port that does not exist)
    expect(
      isp1.sysctls
        .map((x) => x.key)
        .filter((k) => k.startsWith('net.ipv6.conf.') && !/\.(all|default)\./.test(k)),
    ).toEqual([
      'net.ipv6.conf.client.accept_dad',
      'net.ipv6.conf.eth92.accept_dad',
      'net.ipv6.conf.s1-eth1.accept_dad',
      'net.ipv6.conf.s2-eth1.accept_dad',
    ]);
    expect(isp1.frr.interfaces.find((i) => i.name === 'client')!.addresses.map((a) => a.address)).toEqual([
      '192.0.2.189',
      '2001:db8:f1:ffff::1',
    ]);
  });
});

describe('GIVEN the plan WHEN exported to containerlab', () => {
  const plan = planOf(sites);
  const store = loadSecrets(join(REPO, 'secrets.yaml'), {}).store!;
  const internet = internetSite(plan, sites);
  const r = renderSite(internet, new TemplateSet(), store);
  if (!r.rendered) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const topologyPath = join(REPO, 'lab', 'aa-a_aa-b.clab.yml');
  const text = exportSharedTopology(plan, {
    topologyPath,
    name: 'aa-a_aa-b',
    sites: Object.fromEntries(
      rendered.map((x) => [
        x.site.name,
        { model: x.site, renderedDir: join(REPO, 'out', x.site.name), manifest: x.manifest },
      ]),
    ),
    internet: {
      model: internet,
      renderedDir: join(REPO, 'out', 'aa-a_aa-b'),
      manifest: buildManifest(internet, r.rendered, 'fabric test'),
    },
    empty: false,
  });
  const topology = parse(text);
  const nodes = topology.topology.nodes as Record<string, ClabNode>;

  it('THEN containerlab’s schema accepts it', () => {
    expect(existsSync(CLAB_SCHEMA)).toBe(true);
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(CLAB_SCHEMA, 'utf8')));
    expect(validate(topology), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('THEN a site’s node keeps its device’s hostname, binds and labels; the merged upstream binds the internet’s files', () => {
    expect(nodes['aa-a-edge1']!.hostname).toBe('edge1');
    expect(nodes['aa-a-edge1']!.labels).toEqual({
      'fabric-site': 'aa-a',
      'fabric-device': 'edge1',
      'fabric-role': 'edge',
      'fabric-rack': 'net1',
    });
    expect(nodes['aa-a-edge1']!.binds).toContain('../out/aa-a/edge1/frr.conf:/etc/frr/frr.conf:ro');
    expect(nodes['aa-b-edge1']!.binds).toContain('../out/aa-b/edge1/frr.conf:/etc/frr/frr.conf:ro');
    expect(nodes.isp1!.binds).toContain('../out/aa-a_aa-b/isp1/frr.conf:/etc/frr/frr.conf:ro');
    expect(nodes.isp1!.labels).toEqual({
      'fabric-device': 'isp1',
      'fabric-sites': 'aa-a aa-b',
      'fabric-role': 'upstream',
    });
    expect(nodes.isp1!.hostname).toBeUndefined();
    expect(nodes.client!.exec).toEqual([
      'ip addr add 192.0.2.190/30 dev eth1',
      'ip -6 addr add 2001:db8:f1:ffff::2/64 dev eth1',
      'ip link set eth1 up',
      'ip route replace default via 192.0.2.189',
      'ip -6 route replace default via 2001:db8:f1:ffff::1',
    ]);
    expect(topology.mgmt).toMatchObject({ 'ipv4-subnet': '198.18.0.0/22', 'ipv4-gw': '198.18.1.1' });
  });

  it('THEN the merged isp1’s frr.conf has a session to each site’s edge1 and the client’s port', () => {
    const conf = r.rendered!.files.find((f) => f.device === 'isp1' && f.file === 'frr.conf')!.content;
    expect(conf).toContain('interface s1-eth1\n description aa-a edge1:eth3\n ip address 192.0.2.0/31');
    expect(conf).toContain('interface s2-eth1\n description aa-b edge1:eth3\n ip address 192.0.2.4/31');
    expect(conf).toContain('interface client\n description client:eth1\n ip address 192.0.2.189/30');
    expect(conf).toContain(' neighbor 192.0.2.5 remote-as 65002');
    expect(conf).toContain('  neighbor 192.0.2.5 default-originate');
  });

  it('THEN the lab runtime’s own parser accepts it for running: node names, ports, management addresses', () => {
    const pending = new Set(
      Object.values(nodes).flatMap((n) =>
        (n.binds ?? []).map((b) => resolve(dirname(topologyPath), b.split(':')[0]!)),
      ),
    );
    const parsed = parseTopologyText(topologyPath, text, { forRuntime: true, pendingFiles: pending });
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.topology!.nodes.find((n) => n.name === 'aa-b-spine1')!.hostname).toBe('spine1');
  });

  it('THEN every device of either site is found by its site and name through the nodes’ labels', () => {
    const labeled = Object.entries(nodes).map(([name, n]) => ({ name, labels: n.labels }));
    expect(nodeOfDevice(labeled, 'aa-a', 'edge1')).toBe('aa-a-edge1');
    expect(nodeOfDevice(labeled, 'aa-b', 'lb2')).toBe('aa-b-lb2');
    expect(nodeOfDevice(labeled, 'aa-b', 'isp1')).toBe('isp1');
    // a lab of one site: the device's own name
    expect(nodeOfDevice([{ name: 'edge1', labels: { 'fabric-site': 'aa-a' } }], 'aa-a', 'edge1')).toBe(
      'edge1',
    );
    // which of a site's devices have a node: its own and the shared upstreams, not the other site's
    const ofA = devicesWithNodes(labeled, 'aa-a');
    expect(ofA).toContain('edge1');
    expect(ofA).toContain('isp1');
    expect(ofA).not.toContain('client');
    expect(ofA).toHaveLength(sites.find((x) => x.name === 'aa-a')!.devices.length);
    expect(devicesWithNodes([{ name: 'edge1', labels: { 'fabric-site': 'aa-a' } }], 'aa-a')).toEqual([
      'edge1',
    ]);
  });
});

describe('GIVEN sites that cannot share one lab', () => {
  const codes = (s: readonly FrozenSite[]) =>
    planSharedLab(s).problems.map((p) => [p.code, p.site, p.path?.join('.')]);

  it('WHEN their management pools overlap THEN lab-mgmt-overlap, at aa-b’s pools.mgmt', () => {
    const s = changed('aa-b', (x) => {
      x.mgmt.subnet = '198.18.1.0/24';
    });
    expect(codes(s)).toContainEqual(['lab-mgmt-overlap', 'aa-b', 'pools.mgmt']);
  });

  it('WHEN their management pools are far apart THEN lab-mgmt-apart', () => {
    const s = changed('aa-b', (x) => {
      x.mgmt.subnet = '10.99.0.0/24';
    });
    expect(codes(s)).toContainEqual(['lab-mgmt-apart', 'aa-b', 'pools.mgmt']);
  });

  it('WHEN an upstream of the same name has another AS THEN lab-upstream-mismatch at its asn', () => {
    const s = changed('aa-b', (x) => {
      isp1Of(x).frr.routerBgp.asn = 64499;
    });
    expect(codes(s)).toEqual([['lab-upstream-mismatch', 'aa-b', 'upstreams.isp1.asn']]);
  });

  it('WHEN two sites number an upstream link alike THEN lab-upstream-address-collision', () => {
    const s = changed('aa-b', (x) => {
      isp1Of(x).frr.interfaces.find((i) => i.name === 'eth1')!.addresses[0]!.address = '192.0.2.0';
    });
    expect(codes(s)).toContainEqual(['lab-upstream-address-collision', 'aa-b', 'upstreams.isp1.address']);
  });
});

describe('GIVEN a running lab of both sites WHEN lab up prints how to push to it', () => {
  it('THEN it names push and drift for each site (their devices keep their management addresses)', () => {
    const status = { sshConfig: '/x/ssh_config' } as Parameters<typeof formatSshSetup>[0];
    expect(formatSshSetup(status, ['aa-a', 'aa-b'])).toContain(
      'then, for each site: fabric push --site aa-a --yes; fabric drift --site aa-a; fabric push --site aa-b --yes; fabric drift --site aa-b',
    );
    expect(formatSshSetup(status, 'idc-a')).toContain(
      'then: fabric push --site idc-a --yes; fabric drift --site idc-a',
    );
  });
});
