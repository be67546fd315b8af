/**
 * Kubernetes nodes on the fabric (issue 13, docs/kubernetes.md), both sides from one model: the
 * leaves' peer group per cluster (frr.conf) and the MetalLB resources `fabric render` writes for
 * the cluster, validated against MetalLB's own CRDs (OpenAPI v3 schemas, read from ../shared as
 * the Kubernetes API server would use them; ../shared/metallb/SOURCE.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { prepareSiteLab } from '../../src/cli/commands/lab/site.js';
import { writeSite } from '../../src/render/write.js';
import { REPO } from '../support/cli.js';
import { clusterOf, renderExample } from '../support/render.js';
import { DAEMON_PACKAGES, ensureInstalled } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'k8s', 'inventory');
const CRDS = join(REPO, '..', 'shared', 'metallb', 'crds');
const CRD_FILES = {
  BFDProfile: 'metallb.io_bfdprofiles.yaml',
  BGPPeer: 'metallb.io_bgppeers.yaml',
  IPAddressPool: 'metallb.io_ipaddresspools.yaml',
  BGPAdvertisement: 'metallb.io_bgpadvertisements.yaml',
} as const;

interface Crd {
  spec: { group: string; versions: { name: string; schema: { openAPIV3Schema: object } }[] };
}

/** The validator of a kind at an apiVersion, from its CRD's own schema. */
function crdValidator(kind: keyof typeof CRD_FILES, apiVersion: string) {
  const crd = parseYaml(readFileSync(join(CRDS, CRD_FILES[kind]), 'utf8')) as Crd;
  const version = crd.spec.versions.find((v) => `${crd.spec.group}/${v.name}` === apiVersion);
  if (!version) throw new Error(`${kind}: the CRD serves no ${apiVersion}`);
  // the schema's Kubernetes extensions (x-kubernetes-*) are not JSON Schema keywords: not strict
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(version.schema.openAPIV3Schema);
}

const [k8s] = renderExample(FIXTURE);
const site = k8s!.site;
const cluster = clusterOf(site, 'metallb');
const file = k8s!.rendered.siteFiles.find((f) => f.cluster === cluster.name)!;
const leafConf = (leaf: string) =>
  k8s!.rendered.files.find((f) => f.device === leaf && f.file === 'frr.conf')!.content;

describe('GIVEN a three-node MetalLB cluster over two racks (test/fixtures/k8s)', () => {
  it('THEN it compiles clean and the cluster lists its nodes, leaves and pools', () => {
    expect(k8s!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(cluster).toMatchObject({
      name: 'prod',
      speaker: 'metallb',
      asn: 65510,
      nodes: ['kn1', 'kn2', 'kn3'],
      leaves: ['leaf1a', 'leaf1b', 'leaf2a', 'leaf2b'],
      file: '_clusters/prod/metallb.yaml',
    });
  });

  it('THEN every resource of its metallb.yaml validates against the CRD of its kind and version', () => {
    const docs = parseAllDocuments(file.content).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual([
      'BFDProfile',
      'BGPPeer',
      'BGPPeer',
      'BGPPeer',
      'BGPPeer',
      'IPAddressPool',
      'IPAddressPool',
      'IPAddressPool',
      'BGPAdvertisement',
    ]);
    for (const doc of docs) {
      const validate = crdValidator(doc.kind, doc.apiVersion);
      expect(validate(doc), `${doc.kind} ${doc.metadata.name}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
  });

  it('THEN a resource the CRD refuses is refused (the check can fail)', () => {
    const validate = crdValidator('BGPPeer', 'metallb.io/v1beta2');
    expect(validate({ apiVersion: 'metallb.io/v1beta2', kind: 'BGPPeer', spec: { peerASN: 65211 } })).toBe(
      false,
    );
    const bfd = crdValidator('BFDProfile', 'metallb.io/v1beta1');
    expect(bfd({ spec: { receiveInterval: 1 } })).toBe(false);
  });

  it('THEN each node peers with the leaves of its rack only, on its port towards each, both ends agreeing', () => {
    const peers = cluster.resources.filter((r) => r.kind === 'BGPPeer');
    for (const p of peers) {
      const spec = p.spec as { myASN: number; peerASN: number; interface: string; nodeSelectors: unknown };
      const leaf = site.devices.find((d) => d.name === p.metadata.name)!;
      expect(spec.myASN).toBe(65510);
      expect(spec.peerASN).toBe('frr' in leaf ? leaf.frr.routerBgp.asn : 0);
      const nodes = (spec.nodeSelectors as { matchExpressions: { values: string[] }[] }[])[0]!
        .matchExpressions[0]!.values;
      for (const n of nodes) {
        const node = site.devices.find((d) => d.name === n)!;
        expect(node.rack).toBe(leaf.rack);
        const port = node.interfaces.find((i) => i.name === spec.interface)!;
        expect(port.peer.device).toBe(leaf.name);
        // the leaf's unnumbered neighbor on the other end of that cable, in the cluster's group
        const n1 =
          'frr' in leaf ? leaf.frr.routerBgp.neighbors.find((x) => x.peer === port.peer.interface) : null;
        expect(n1).toMatchObject({ unnumbered: true, peerGroup: 'K8S-PROD', remoteAs: 65510, peerDevice: n });
      }
    }
  });

  it('THEN the BFD profile carries the fabric profile’s timers, decided in compile', () => {
    const bfd = cluster.resources.find((r) => r.kind === 'BFDProfile')!;
    expect(bfd.spec).toEqual({
      receiveInterval: site.timers.bfdFabric.intervalMs,
      transmitInterval: site.timers.bfdFabric.intervalMs,
      detectMultiplier: site.timers.bfdFabric.multiplier,
    });
    expect(leafConf('leaf1a')).toMatch(/neighbor K8S-PROD bfd profile fabric/);
  });

  it('THEN a leaf accepts only the cluster’s pools, as host routes at most, and bounds the prefixes', () => {
    const conf = leafConf('leaf1a');
    expect(conf).toContain('ip prefix-list K8S-PROD-LB seq 5 permit 203.0.113.64/27 le 32\n');
    expect(conf).toContain('ip prefix-list K8S-PROD-LB seq 10 permit 10.40.0.0/24 le 32\n');
    expect(conf).toContain('ipv6 prefix-list K8S-PROD-LB-V6 seq 5 permit 2001:db8:100:40::/64 le 128\n');
    expect(conf).toMatch(/route-map K8S-PROD-IN deny 100/);
    expect(conf.match(/neighbor K8S-PROD maximum-prefix 1000/g)).toHaveLength(2);
    expect(conf).toMatch(/maximum-paths 64/);
    // every leaf with a node of the cluster has its group; a spine, which has none, has none
    expect(leafConf('leaf2a')).toContain('neighbor eth21 interface peer-group K8S-PROD');
    expect(
      k8s!.rendered.files.find((f) => f.device === 'spine1' && f.file === 'frr.conf')!.content,
    ).not.toContain('K8S');
  });

  it('THEN the manifest lists the cluster’s files with their hashes, under no device', () => {
    expect(k8s!.manifest.clusters!.prod).toMatchObject({ speaker: 'metallb' });
    expect(k8s!.manifest.clusters!.prod!.files[0]).toEqual({
      path: '_clusters/prod/metallb.yaml',
      sha256: file.sha256,
    });
    expect(Object.keys(k8s!.manifest.devices)).not.toContain('kn1');
  });

  it('WHEN written THEN the cluster’s file is in the site’s folder with the devices’ and the manifest', () => {
    const out = tempDir();
    const dir = writeSite(out, k8s!.rendered, k8s!.manifest);
    expect(readFileSync(join(dir, '_clusters', 'prod', 'metallb.yaml'), 'utf8')).toBe(file.content);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).clusters.prod.files[0].sha256).toBe(
      file.sha256,
    );
    expect(existsSync(join(dir, 'leaf1a', 'frr.conf'))).toBe(true);
    expect(existsSync(join(dir, 'kn1')), 'a node has no files of its own').toBe(false);
  });

  it('THEN FRR 8.4 parses every leaf’s frr.conf (vtysh -C -f)', () => {
    // installed when missing, never skipped (test/support/system.ts)
    ensureInstalled(DAEMON_PACKAGES.filter((r) => r.bin === 'vtysh'));
    const dir = tempDir();
    for (const leaf of ['leaf1a', 'leaf1b', 'leaf2a', 'leaf2b']) {
      const path = join(dir, `${leaf}.conf`);
      writeFileSync(path, leafConf(leaf));
      const r = spawnSync('vtysh', ['-C', '-f', path], { encoding: 'utf8' });
      expect(r.status, `${leaf}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });
});

describe('GIVEN a second cluster whose name extends the first’s (prod and prod-v6) on the same leaves', () => {
  // FRR's names are the cluster's name plus suffixes (`-LB`, `-V6`, `-IN`): prod's IPv6 route-map
  // and prod-v6's IPv4 one were both `K8S-PROD-V6-IN`, and FRR merged their clauses into one
  // that matched nothing, silently dropping both clusters' pools
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(
    join(dir, 'k8s-a-second.yaml'),
    [
      'site: k8s-a',
      'clusters:',
      '  prod-v6: { asn: 65520, speaker: metallb, load_balancer_pools: [10.50.0.0/24], pod_cidr: 10.52.0.0/16, service_cidr: 10.53.0.0/16 }',
      'devices:',
      '  kd1: { role: k8s-node, id: 84, rack: r1, cluster: prod-v6, uplinks: { eth1: leaf1a:eth23, eth2: leaf1b:eth23 } }',
      '  kd2: { role: k8s-node, id: 85, rack: r2, cluster: prod-v6, uplinks: { eth1: leaf2a:eth23, eth2: leaf2b:eth23 } }',
      '',
    ].join('\n'),
  );
  const [two] = renderExample(dir);
  const conf = two!.rendered.files.find((f) => f.device === 'leaf1a' && f.file === 'frr.conf')!.content;

  it('THEN it compiles without an error', () => {
    expect(two!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('THEN no route-map clause, prefix-list entry or peer group of the leaf is defined twice', () => {
    // a clause's head, an entry's list and sequence number, a group's definition
    const defs = conf
      .split('\n')
      .map(
        (l) =>
          /^(route-map \S+ \S+ \d+|ipv?6? ?prefix-list \S+ seq \d+|\s*neighbor \S+ peer-group$)/.exec(l)?.[1],
      )
      .filter((d) => d !== undefined);
    const twice = defs.filter((d, i) => defs.indexOf(d) !== i);
    expect(twice).toEqual([]);
  });

  it('THEN each cluster’s group has route-maps and an accept list of its own', () => {
    expect(conf).toContain('neighbor K8S-PROD route-map K8S-PROD-IN in');
    expect(conf).toContain('neighbor K8S-PROD_V6 route-map K8S-PROD_V6-IN in');
    expect(conf).toContain('neighbor K8S-PROD route-map K8S-PROD-V6-IN in');
    expect(conf).toContain('ip prefix-list K8S-PROD_V6-LB seq 5 permit 10.50.0.0/24 le 32');
    expect(conf).toMatch(
      /route-map K8S-PROD_V6-IN permit 10\n match ip address prefix-list K8S-PROD_V6-LB\n/,
    );
  });
});

describe('GIVEN the cluster WHEN compiled THEN each node has the speaker config MetalLB writes for it', () => {
  const leafOf = (name: string) => site.devices.find((d) => d.name === name)!;

  it('THEN kn1 speaks the cluster AS to both leaves of r1, unnumbered on its cabled ports, with BFD', () => {
    const kn1 = cluster.speakers.find((s) => s.node === 'kn1')!;
    expect(kn1).toMatchObject({
      hostname: 'kn1',
      file: '_clusters/prod/speakers/kn1.frr.conf',
      impliedRouterId: '198.18.1.81',
      bfdProfiles: [{ name: 'fabric', receiveInterval: 50, transmitInterval: 50, detectMultiplier: 3 }],
    });
    const [router] = kn1.routers;
    expect(router!.myAsn).toBe(65510);
    expect(router!.ipv4Prefixes).toEqual(['10.40.0.0/32', '203.0.113.64/32']);
    expect(router!.ipv6Prefixes).toEqual(['2001:db8:100:40::/128']);
    expect(router!.neighbors.map((n) => [n.iface, n.peerDevice, n.asn, n.bfdProfile])).toEqual([
      ['eth1', 'leaf1a', '65211', 'fabric'],
      ['eth2', 'leaf1b', '65212', 'fabric'],
    ]);
  });

  it('THEN both ends agree: each speaker neighbor’s leaf has the node’s port in K8S-PROD with the cluster AS, and its AS is the neighbor’s remote-as', () => {
    for (const s of cluster.speakers) {
      const node = site.devices.find((d) => d.name === s.node)!;
      expect(s.routers[0]!.neighbors).toHaveLength(2);
      for (const n of s.routers[0]!.neighbors) {
        const cable = node.interfaces.find((i) => i.name === n.iface)!;
        expect(cable.peer.device).toBe(n.peerDevice);
        const leaf = leafOf(n.peerDevice);
        if (!('frr' in leaf)) throw new Error(`${n.peerDevice} runs no FRR`);
        expect(String(leaf.frr.routerBgp.asn)).toBe(n.asn);
        const back = leaf.frr.routerBgp.neighbors.find((m) => m.peer === cable.peer.interface)!;
        expect(back).toMatchObject({ peerDevice: s.node, peerGroup: 'K8S-PROD', remoteAs: 65510 });
      }
    }
  });

  it('THEN the rendered speaker configs are written beside metallb.yaml and listed in the manifest', () => {
    const paths = k8s!.rendered.siteFiles.map((f) => f.path);
    expect(paths).toEqual([
      '_clusters/prod/metallb.yaml',
      '_clusters/prod/speakers/kn1.frr.conf',
      '_clusters/prod/speakers/kn2.frr.conf',
      '_clusters/prod/speakers/kn3.frr.conf',
    ]);
    expect(k8s!.manifest.clusters!.prod!.files.map((f) => f.path)).toEqual(paths);
  });

  it('THEN FRR 8.4 parses every node’s speaker config (vtysh -C -f)', () => {
    ensureInstalled(DAEMON_PACKAGES.filter((r) => r.bin === 'vtysh'));
    const dir = tempDir();
    for (const f of k8s!.rendered.siteFiles.filter((x) => x.path.endsWith('.frr.conf'))) {
      const path = join(dir, f.path.split('/').pop()!);
      writeFileSync(path, f.content);
      const r = spawnSync('vtysh', ['-C', '-f', path], { encoding: 'utf8' });
      expect(r.status, `${f.path}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });
});

describe('GIVEN a site with Kubernetes nodes WHEN its lab is prepared (lab up, lab export)', () => {
  const out = tempDir();
  const topologyPath = join(out, 'lab', 'k8s-a.clab.yml');
  const prepared = prepareSiteLab(undefined, { inventory: FIXTURE, out, output: topologyPath });
  const topology = parseYaml(prepared.topologyText);

  it('THEN containerlab’s schema accepts the topology', () => {
    const schema = join(REPO, '..', 'shared', 'containerlab', 'clab.schema.json');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      JSON.parse(readFileSync(schema, 'utf8')),
    );
    expect(validate(topology), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('THEN each node runs FRR on its speaker’s config, HTTP, its LoadBalancer IPs on lo and a default route over its leaves', () => {
    const kn1 = topology.topology.nodes.kn1;
    expect(kn1.env).toEqual({ FABRIC_DAEMONS: 'frr,http', FABRIC_HTTP_PORTS: '80', FABRIC_HTTP_BIND: '::' });
    expect(kn1['mgmt-ipv4']).toBe(cluster.speakers[0]!.impliedRouterId);
    expect(kn1.binds).toEqual(['../k8s-a/_clusters/prod/speakers/kn1.frr.conf:/etc/frr/frr.conf:ro']);
    expect(kn1.exec).toEqual([
      'ip route replace local 203.0.113.64/32 dev lo',
      'ip route replace local 10.40.0.0/32 dev lo',
      'ip -6 route replace local 2001:db8:100:40::/128 dev lo',
      "bash -c 'ip route del default dev eth0 2>/dev/null || true'",
      'labnode-init default-via eth1 eth2',
    ]);
    // the binds name files `lab up` writes (it checks them before writing anything)
    expect(prepared.pendingFiles).toContain(
      join(out, 'k8s-a', '_clusters', 'prod', 'speakers', 'kn1.frr.conf'),
    );
    expect(existsSync(join(out, 'k8s-a'))).toBe(false);
  });
});
