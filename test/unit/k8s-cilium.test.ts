/**
 * A Cilium cluster on the fabric (issue 13, docs/kubernetes.md "Cilium"), both sides from one
 * model: the leaves' numbered sessions on each node cable's /31 (no BFD: Cilium has none), their
 * inbound list with the LoadBalancer pools and one pod CIDR block per node, and the cilium.io/v2
 * resources `fabric render` writes, validated by Cilium's own API schemas (the validators
 * `@kubernetes-models/cilium` generates from Cilium's Go types).
 */
import { join } from 'node:path';
import * as cilium from '@kubernetes-models/cilium/cilium.io/v2';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { allSpeakers } from '../../src/verify/routing-speakers.js';
import { REPO } from '../support/cli.js';
import { clusterOf, renderExample } from '../support/render.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory');
const [k8s] = renderExample(FIXTURE);
const site = k8s!.site;
const cluster = clusterOf(site, 'cilium');
const file = (path: string) => k8s!.rendered.siteFiles.find((f) => f.path === path)!.content;
const leafConf = (leaf: string) =>
  k8s!.rendered.files.find((f) => f.device === leaf && f.file === 'frr.conf')!.content;

/** Each kind's validator: the package's model class, whose validate() throws on a schema error. */
const MODELS = {
  CiliumLoadBalancerIPPool: cilium.CiliumLoadBalancerIPPool,
  CiliumBGPPeerConfig: cilium.CiliumBGPPeerConfig,
  CiliumBGPAdvertisement: cilium.CiliumBGPAdvertisement,
  CiliumBGPClusterConfig: cilium.CiliumBGPClusterConfig,
} as const;

function validate(doc: { kind: keyof typeof MODELS }): void {
  const Model = MODELS[doc.kind] as unknown as new (data: unknown) => { validate(): void };
  new Model(doc).validate();
}

describe('GIVEN a three-node Cilium cluster over two racks (test/fixtures/k8s-cilium)', () => {
  const docs = parseAllDocuments(file(cluster.file))
    .map((d) => d.toJSON())
    .filter(Boolean) as { apiVersion: string; kind: keyof typeof MODELS; metadata: { name: string } }[];

  it("THEN every resource of cilium.yaml is valid by Cilium's own schema, and the validator does reject", () => {
    expect(docs.map((d) => d.kind)).toEqual([
      'CiliumLoadBalancerIPPool',
      'CiliumLoadBalancerIPPool',
      'CiliumBGPPeerConfig',
      'CiliumBGPAdvertisement',
      'CiliumBGPClusterConfig',
      'CiliumBGPClusterConfig',
      'CiliumBGPClusterConfig',
    ]);
    for (const d of docs) {
      expect(d.apiVersion).toBe('cilium.io/v2');
      expect(() => validate(d), `${d.kind} ${d.metadata.name}`).not.toThrow();
    }
    // the check can fail: a hold time under Cilium's minimum of 3 s
    const peerConfig = structuredClone(docs.find((d) => d.kind === 'CiliumBGPPeerConfig')!) as unknown as {
      kind: 'CiliumBGPPeerConfig';
      spec: { timers: { holdTimeSeconds: number } };
    };
    peerConfig.spec.timers.holdTimeSeconds = 1;
    expect(() => validate(peerConfig)).toThrow(/holdTimeSeconds must be >= 3/);
  });

  it("THEN each node's CiliumBGPClusterConfig selects it and peers with its two leaves at their end of its /31s", () => {
    const kn1 = docs.find((d) => d.metadata.name === 'prod-kn1') as unknown as {
      spec: {
        nodeSelector: unknown;
        bgpInstances: { localASN: number; peers: { name: string; peerASN: number; peerAddress: string }[] }[];
      };
    };
    expect(kn1.spec.nodeSelector).toEqual({ matchLabels: { 'kubernetes.io/hostname': 'kn1' } });
    expect(kn1.spec.bgpInstances[0]!.localASN).toBe(65510);
    expect(kn1.spec.bgpInstances[0]!.peers.map((p) => [p.name, p.peerASN, p.peerAddress])).toEqual([
      ['leaf1a', 65211, '10.41.1.68'],
      ['leaf1b', 65212, '10.41.1.70'],
    ]);
    // the leaf's side of the same cable: the even address, and the node's neighbor at the odd one;
    // kn1 (id 81) has the /31s 162 and 163 of node_links (two per id, as loopbacks are network + id)
    expect(leafConf('leaf1a')).toContain('interface eth21\n description kn1:eth1\n ip address 10.41.1.68/31');
    expect(leafConf('leaf1a')).toContain(
      ' neighbor 10.41.1.69 peer-group K8S-PROD\n neighbor 10.41.1.69 remote-as 65510',
    );
    const kn1Device = site.devices.find((d) => d.name === 'kn1')!;
    expect(
      kn1Device.interfaces.map((i) => [i.name, i.addresses.map((a) => `${a.address}/${a.prefixLength}`)]),
    ).toEqual([
      ['eth1', ['10.41.1.69/31']],
      ['eth2', ['10.41.1.71/31']],
    ]);
  });

  it("THEN the leaves' group has no BFD, is IPv4 only, and accepts the pools and one pod CIDR block per node", () => {
    const conf = leafConf('leaf1a');
    expect(conf).not.toMatch(/neighbor K8S-PROD bfd/);
    expect(conf).toContain('ip prefix-list K8S-PROD-LB seq 15 permit 10.42.0.0/16 ge 24 le 24');
    const v6 = conf.slice(conf.indexOf('address-family ipv6 unicast'));
    expect(v6).not.toContain('K8S-PROD');
    // the peer config: the shortest hold Cilium takes, a keepalive a third of it
    const pc = docs.find((d) => d.kind === 'CiliumBGPPeerConfig') as unknown as { spec: { timers: object } };
    expect(pc.spec.timers).toEqual({
      connectRetryTimeSeconds: 2,
      holdTimeSeconds: 3,
      keepAliveTimeSeconds: 1,
    });
  });

  it("THEN each node's speaker announces its own pod CIDR block and each pool's first address, and the route simulation reads it", () => {
    expect(cluster.speakers.map((s) => s.paths.map((p) => p.prefix))).toEqual([
      ['10.42.0.0/24', '203.0.113.64/32', '10.40.0.0/32'],
      ['10.42.1.0/24', '203.0.113.64/32', '10.40.0.0/32'],
      ['10.42.2.0/24', '203.0.113.64/32', '10.40.0.0/32'],
    ]);
    const kn3 = allSpeakers(site).find((s) => s.name === 'kn3')!;
    expect(kn3.frr.routerBgp.neighbors.map((n) => [n.peer, n.peerDevice, n.unnumbered])).toEqual([
      ['10.41.1.76', 'leaf2a', false],
      ['10.41.1.78', 'leaf2b', false],
    ]);
    expect(file(cluster.speakers[0]!.file)).toContain('neighbor-address = "10.41.1.68"');
  });

  it("THEN the cluster's failure budget is the hold timer's, against the cluster's own budget", () => {
    const b = site.budgets.find((x) => x.group === 'k8s-prod')!;
    expect(b).toMatchObject({ expectedOutageMs: 3100, budgetMs: 4000, met: true });
    expect(b.timers).toEqual({ holdTimeMs: 3000, routingReactionMs: 100 });
  });
});
