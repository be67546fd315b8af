/**
 * Drift of a Kubernetes cluster's resources (docs/drift.md, "Clusters"): a `kubectl get -o yaml`
 * export compared with what render writes for the cluster. The exports here are the rendered
 * resources as an API server returns them (a `List`, with `uid`, `resourceVersion`, `status`
 * and the CRD's defaults filled in), then drifted by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { clusterResourceFindings, parseLiveResources } from '../../src/drift/cluster-resources.js';
import { REPO, runFabric } from '../support/cli.js';
import { clusterOf, renderExample } from '../support/render.js';

const K8S = join(REPO, 'test', 'fixtures', 'k8s', 'inventory');
const CILIUM = join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory');
const [metallbSite] = renderExample(K8S);
const [ciliumSite] = renderExample(CILIUM);
const metallb = clusterOf(metallbSite!.site, 'metallb');
const cilium = clusterOf(ciliumSite!.site, 'cilium');
const NOW = '2026-12-07T14:00:00.000Z';

type Doc = { kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> };

/** The cluster's resources as the API server holds them: defaults, uid, status added. */
function asServed(resources: readonly unknown[], edit: (items: Doc[]) => Doc[] = (x) => x): string {
  const items = (JSON.parse(JSON.stringify(resources)) as Doc[]).map((d) => {
    d.metadata.uid = '6b1f0c2e';
    d.metadata.resourceVersion = '4242';
    if (d.kind === 'BGPPeer') Object.assign(d.spec, { peerPort: 179, ebgpMultiHop: false });
    return { ...d, status: {} };
  });
  return stringify({ apiVersion: 'v1', kind: 'List', items: edit(items) });
}

const findingsOf = (cluster: typeof metallb | typeof cilium, text: string) => {
  const parsed = parseLiveResources(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return clusterResourceFindings(cluster, parsed.resources, NOW);
};

describe('drift of a cluster’s resources', () => {
  it('GIVEN the rendered resources as served (defaults, uid, status added) THEN no drift, for MetalLB and Cilium', () => {
    expect(findingsOf(metallb, asServed(metallb.resources))).toEqual([]);
    expect(findingsOf(cilium, asServed(cilium.resources))).toEqual([]);
  });

  it('GIVEN a changed hold time, a missing peer and a peer fabric does not render THEN changed, missing and extra, each named', () => {
    const text = asServed(metallb.resources, (items) => [
      ...items
        .filter((d) => !(d.kind === 'BGPPeer' && d.metadata.name === 'leaf2b'))
        .map((d) =>
          d.kind === 'BGPPeer' && d.metadata.name === 'leaf1a'
            ? { ...d, spec: { ...d.spec, holdTime: '90s' } }
            : d,
        ),
      {
        kind: 'BGPPeer',
        metadata: { name: 'rogue', namespace: 'metallb-system' },
        spec: { myASN: 65510, peerASN: 64512, peerAddress: '192.0.2.9' },
      },
      // another installation's namespace: not this cluster's MetalLB
      { kind: 'BGPPeer', metadata: { name: 'other', namespace: 'elsewhere' }, spec: {} },
      // layer 2 beside BGP: the pools' addresses answered by ARP from one node
      { kind: 'L2Advertisement', metadata: { name: 'l2', namespace: 'metallb-system' }, spec: {} },
    ]);
    const f = findingsOf(metallb, text);
    expect(f.map((x) => [x.device, x.daemon, x.section, x.kind, x.severity])).toEqual([
      ['k8s:prod', 'k8s', 'BGPPeer/leaf1a', 'changed', 'major'],
      ['k8s:prod', 'k8s', 'BGPPeer/leaf2b', 'missing', 'major'],
      ['k8s:prod', 'k8s', 'BGPPeer/rogue', 'extra', 'major'],
      ['k8s:prod', 'k8s', 'L2Advertisement/l2', 'extra', 'major'],
    ]);
    expect(f[0]).toMatchObject({ intended: 'spec.holdTime: "9s"', running: 'spec.holdTime: "90s"' });
  });

  it('GIVEN fields fabric does not set, with other values than their defaults THEN changed, each named; at their defaults or zero THEN no drift', () => {
    const edited = (kind: string, name: string, extra: Record<string, unknown>) =>
      asServed(metallb.resources, (items) =>
        items.map((d) =>
          d.kind === kind && d.metadata.name === name ? { ...d, spec: { ...d.spec, ...extra } } : d,
        ),
      );
    const changed = (text: string) =>
      findingsOf(metallb, text).map((x) => `${x.section} ${x.kind}: ${x.running}`);
    // the speaker's behaviour changes: multihop, a password, one node announcing the pools
    expect(changed(edited('BGPPeer', 'leaf1a', { ebgpMultiHop: true, password: 'x' }))).toEqual([
      'BGPPeer/leaf1a changed: spec.ebgpMultiHop: true; spec.password: "x"',
    ]);
    const advertisement = metallb.resources.find((r) => r.kind === 'BGPAdvertisement')!.metadata.name;
    const selector = [{ matchLabels: { 'kubernetes.io/hostname': 'kn1' } }];
    expect(changed(edited('BGPAdvertisement', advertisement, { nodeSelectors: selector }))).toEqual([
      `BGPAdvertisement/${advertisement} changed: spec.nodeSelectors: ${JSON.stringify(selector)}`,
    ]);
    // what the API server fills in (the CRD's defaults), and Go's zero values: as if absent
    expect(
      changed(edited('BGPPeer', 'leaf1a', { peerPort: 179, disableMP: false, vrf: '', sourceAddress: null })),
    ).toEqual([]);
    expect(changed(edited('BGPPeer', 'leaf1a', { peerPort: 1179 }))).toEqual([
      'BGPPeer/leaf1a changed: spec.peerPort: 1179',
    ]);
    const cil = (extra: Record<string, unknown>) =>
      findingsOf(
        cilium,
        asServed(cilium.resources, (items) =>
          items.map((d) => (d.kind === 'CiliumBGPPeerConfig' ? { ...d, spec: { ...d.spec, ...extra } } : d)),
        ),
      ).map((x) => x.running);
    expect(cil({ ebgpMultihop: 1, transport: { peerPort: 179 } })).toEqual([]);
    expect(cil({ gracefulRestart: { enabled: true, restartTimeSeconds: 120 } })).toEqual([
      'spec.gracefulRestart.enabled: true',
    ]);
  });

  it('GIVEN a Cilium node’s peer list reordered or a peer address changed THEN its CiliumBGPClusterConfig changed', () => {
    const text = asServed(cilium.resources, (items) =>
      items.map((d) => {
        if (d.metadata.name !== 'prod-kn1') return d;
        const spec = structuredClone(d.spec) as { bgpInstances: { peers: { peerAddress: string }[] }[] };
        spec.bgpInstances[0]!.peers[0]!.peerAddress = '10.41.1.100';
        return { ...d, spec };
      }),
    );
    const f = findingsOf(cilium, text);
    expect(f.map((x) => [x.section, x.kind, x.intended, x.running])).toEqual([
      [
        'CiliumBGPClusterConfig/prod-kn1',
        'changed',
        'spec.bgpInstances[name=fabric].peers[name=leaf1a].peerAddress: "10.41.1.68"',
        'spec.bgpInstances[name=fabric].peers[name=leaf1a].peerAddress: "10.41.1.100"',
      ],
    ]);
  });

  it('GIVEN the advertisement’s label removed (the peer config selects it by label) THEN changed: Cilium would announce nothing', () => {
    const text = asServed(cilium.resources, (items) =>
      items.map((d) =>
        d.kind === 'CiliumBGPAdvertisement' ? { ...d, metadata: { ...d.metadata, labels: {} } } : d,
      ),
    );
    expect(findingsOf(cilium, text).map((x) => `${x.section} ${x.kind}: ${x.intended}`)).toEqual([
      'CiliumBGPAdvertisement/prod-fabric changed: metadata.labels.fabric/advertise: "prod-fabric"',
    ]);
  });

  it('GIVEN lists reordered, a duration and an IPv6 prefix spelled otherwise THEN no drift: they mean the same to MetalLB', () => {
    const text = asServed(metallb.resources, (items) =>
      items.map((d) => {
        if (d.kind === 'BGPAdvertisement')
          return { ...d, spec: { ...d.spec, peers: [...(d.spec.peers as string[])].reverse() } };
        if (d.kind === 'BGPPeer') return { ...d, spec: { ...d.spec, holdTime: '9000ms' } };
        if (d.kind === 'IPAddressPool' && String((d.spec.addresses as string[])[0]).includes(':'))
          return { ...d, spec: { ...d.spec, addresses: ['2001:DB8:100:40::/64'] } };
        return d;
      }),
    );
    expect(findingsOf(metallb, text)).toEqual([]);
  });

  it('GIVEN documents instead of a List, and a text that is no YAML THEN the documents are read, the text located', () => {
    const docs = metallb.resources.map((r) => stringify(r)).join('---\n');
    expect(findingsOf(metallb, docs)).toEqual([]);
    expect(parseLiveResources('items: [\n')).toEqual({
      error: expect.stringMatching(/^\d+:\d+: not YAML: /),
    });
    // kubectl failed in a pipe: nothing, or its error line, is no export (an empty result is a List)
    expect(parseLiveResources('')).toEqual({ error: expect.stringMatching(/^empty: /) });
    expect(parseLiveResources('error: the server does not have a resource type "bgppeers"\n')).toEqual({
      error: expect.stringMatching(/^not a Kubernetes export: document 1 /),
    });
    expect(parseLiveResources('apiVersion: v1\nkind: List\nitems: []\n')).toEqual({ resources: [] });
  });

  it('GIVEN a list whose items are not resources THEN it is no export (not every resource missing)', () => {
    for (const [text, what] of [
      ['kind: List\nitems: [null]\n', /^not a Kubernetes export: item 1 of document 1 is not a resource/],
      ['kind: List\nitems:\n-\n', /item 1 of document 1 is not a resource/],
      ['kind: List\nitems: {}\n', /document 1 is a list whose items are no list/],
      [
        'kind: List\nitems: [{ kind: BGPPeer, metadata: null, spec: 5 }]\n',
        /item 1 of document 1 is not a resource/,
      ],
      [
        'kind: BGPPeer\nmetadata: { name: leaf1a }\nspec: [1]\n',
        /^not a Kubernetes export: document 1 is not a resource/,
      ],
    ] as const)
      expect(parseLiveResources(text), text).toEqual({ error: expect.stringMatching(what) });
  });

  it('GIVEN fabric drift --only k8s:prod --cluster-resources - THEN no device is read, the drift is reported, exit 1; a wrong spec exit 2', async () => {
    const drifted = asServed(metallb.resources, (items) => items.filter((d) => d.kind !== 'BFDProfile'));
    // drift of the cluster alone, its export on stdin
    const clusterDrift = (...format: string[]) =>
      runFabric(
        [
          '--inventory',
          K8S,
          'drift',
          '--site',
          'k8s-a',
          '--only',
          'k8s:prod',
          '--cluster-resources',
          '-',
          ...format,
        ],
        { input: drifted },
      );
    const r = await clusterDrift('--json');
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout) as {
      devices: { name: string; remediation: string; findings: { section: string }[] }[];
    };
    expect(json.devices.map((d) => [d.name, d.findings.map((f) => f.section), d.remediation])).toEqual([
      [
        'k8s:prod',
        ['BFDProfile/fabric'],
        'kubectl apply -f out/k8s-a/_clusters/prod/  (after fabric render)',
      ],
    ]);
    // Prometheus: a cluster has the config kinds only (no daemon, runtime check or SNMP of its own)
    const prom = await clusterDrift('--format', 'prometheus');
    expect(prom.code, prom.stderr).toBe(1);
    expect(prom.stdout.split('\n').filter((l) => l.startsWith('fabric_drift_findings{'))).toEqual([
      'fabric_drift_findings{site="k8s-a",device="k8s:prod",kind="config-missing"} 1',
      'fabric_drift_findings{site="k8s-a",device="k8s:prod",kind="config-extra"} 0',
      'fabric_drift_findings{site="k8s-a",device="k8s:prod",kind="config-changed"} 0',
    ]);
    const wrong = await runFabric(['--inventory', K8S, 'drift', '--site', 'k8s-a', '--only', 'k8s:dev']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--only k8s:dev: no such cluster in k8s-a (clusters: k8s:prod)');
    // a node is the platform team's: drift points at its cluster's resources
    const node = await runFabric(['--inventory', K8S, 'drift', '--site', 'k8s-a', '--only', 'kn1']);
    expect(node.code).toBe(2);
    expect(node.stderr).toContain(
      "drift: kn1 runs no daemon fabric configures (a node of cluster prod: its speaker is the platform team's; compare the cluster's resources with --only k8s:prod --cluster-resources FILE): nothing to compare",
    );
  });
});
