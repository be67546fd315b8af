/**
 * A Kubernetes node's BGP session with its leaf, for real (issue 13, docs/kubernetes.md): FRR 8.4
 * in two network namespaces of this test, one running leaf1a's rendered frr.conf, the other kn1's
 * speaker config (what MetalLB's FRR mode writes on the node, checked against MetalLB's own
 * templates in metallb-speaker.test.ts), on a veth pair named as the cabling says (leaf1a eth21
 * ↔ kn1 eth1). The session is tested against what the real client sends:
 * - it reaches Established with BFD up, on the fabric profile's timers;
 * - the leaf accepts the node's pool routes, in both families;
 * - a prefix outside the pools, added to the node's config by hand (a speaker announcing what it
 *   should not), is sent by the node and rejected by the leaf's inbound prefix-list.
 * Namespaces, the veth pair and the daemons carry a per-run prefix and are removed in afterAll,
 * the daemons by PID.
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { cable, eventually, startFrr } from '../support/frr-netns.js';
import { TestNetns } from '../support/netns.js';
import { clusterOf, renderExample } from '../support/render.js';
import { DAEMON_PACKAGES, ensureInstalled, requireRoot } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const netns = new TestNetns('ks');
const [k8s] = renderExample(join(REPO, 'test', 'fixtures', 'k8s', 'inventory'));
const site = k8s!.site;
const speaker = clusterOf(site, 'metallb').speakers.find((s) => s.node === 'kn1')!;
const neighbor = speaker.routers[0]!.neighbors.find((n) => n.peerDevice === 'leaf1a')!;
const node = site.devices.find((d) => d.name === 'kn1')!;
/** The leaf's port the node's interface is cabled to. */
const leafPort = node.interfaces.find((i) => i.name === neighbor.iface)!.peer.interface;
/** TEST-NET-2: inside no pool of the cluster, so no leaf may accept it. */
const OUTSIDE = '198.51.100.7/32';

interface Speaker {
  ns: string;
  dir: string;
}
const leaf: Speaker = { ns: '', dir: '' };
const kn1: Speaker = { ns: '', dir: '' };

/** Applies a configuration file through vtysh (every line to the daemon that owns it). */
function configure(s: Speaker, text: string): void {
  const file = join(s.dir, 'frr.conf');
  writeFileSync(file, text);
  const r = netns.exec(s.ns, ['vtysh', '--vty_socket', s.dir, '-f', file]);
  expect(r.code, r.out).toBe(0);
}

function show(s: Speaker, command: string): unknown {
  const r = netns.exec(s.ns, ['vtysh', '--vty_socket', s.dir, '-c', command]);
  if (r.code !== 0) throw new Error(`${command}: ${r.out}`);
  return JSON.parse(r.out);
}

const routesOf = (s: Speaker, family: 'ipv4' | 'ipv6') =>
  Object.keys((show(s, `show bgp ${family} unicast json`) as { routes?: object }).routes ?? {});

beforeAll(() => {
  requireRoot();
  ensureInstalled(DAEMON_PACKAGES.filter((r) => r.pkg === 'frr' || r.pkg === 'iproute2'));
  leaf.ns = netns.add('leaf1a');
  kn1.ns = netns.add('kn1');
  leaf.dir = tempDir('fabric-k8s-leaf-');
  kn1.dir = tempDir('fabric-k8s-node-');
  // the cable leaf1a eth21 ↔ kn1 eth1, as a veth pair named by the cabling inside the namespaces
  cable(netns, { ns: leaf.ns, name: leafPort }, { ns: kn1.ns, name: neighbor.iface });
  // the node's own address, from which FRR takes the router ID MetalLB does not write
  execFileSync('ip', ['-n', kn1.ns, 'addr', 'add', `${speaker.impliedRouterId}/32`, 'dev', 'lo']);
  startFrr(netns, leaf, ['zebra', 'bfdd', 'bgpd']);
  startFrr(netns, kn1, ['zebra', 'bfdd', 'bgpd']);
  const leafConf = k8s!.rendered.files.find((f) => f.device === 'leaf1a' && f.file === 'frr.conf')!.content;
  // the leaf's log goes to the test's folder, not to the machine's /var/log/frr
  configure(leaf, leafConf.replace(/^log file \S+/m, `log file ${join(leaf.dir, 'frr.log')}`));
  const nodeConf = k8s!.rendered.siteFiles.find((f) => f.path === speaker.file)!.content;
  // by hand: kn1 also announces a prefix outside the pools (its own filter lets it out)
  const leak = [
    `ip prefix-list ${neighbor.prefixListV4.name} seq 99 permit ${OUTSIDE}`,
    `router bgp ${speaker.routers[0]!.myAsn}`,
    '  address-family ipv4 unicast',
    `    network ${OUTSIDE}`,
    '  exit-address-family',
    'exit',
  ].join('\n');
  configure(kn1, nodeConf.replace(/\nbfd\n/, `\n${leak}\nbfd\n`));
});

afterAll(() => netns.cleanup());

describe('GIVEN leaf1a’s frr.conf and kn1’s MetalLB speaker config on the cable leaf1a eth21 ↔ kn1 eth1', () => {
  it('THEN the session is Established on both ends, with BFD up on the fabric profile’s timers', async () => {
    type Summary = { ipv4Unicast?: { peers: Record<string, { state: string }> } };
    const summary = await eventually(
      () => show(leaf, 'show bgp summary json') as Summary,
      (s) => s.ipv4Unicast?.peers[leafPort]?.state === 'Established',
    );
    expect(summary.ipv4Unicast?.peers[leafPort]?.state).toBe('Established');
    const nodeSide = show(kn1, 'show bgp summary json') as Summary;
    expect(nodeSide.ipv4Unicast?.peers[neighbor.iface]?.state).toBe('Established');
    type Bfd = {
      interface: string;
      status: string;
      'receive-interval': number;
      'detect-multiplier': number;
    }[];
    const bfd = await eventually(
      () => show(leaf, 'show bfd peers json') as Bfd,
      (peers) => peers.some((p) => p.interface === leafPort && p.status === 'up'),
    );
    expect(bfd.find((p) => p.interface === leafPort)).toMatchObject({
      status: 'up',
      'receive-interval': speaker.bfdProfiles[0]!.receiveInterval,
      'detect-multiplier': speaker.bfdProfiles[0]!.detectMultiplier,
    });
  });

  it('THEN the leaf accepts the node’s pool routes (IPv4 and IPv6) and rejects the prefix outside the pools', async () => {
    const pools4 = speaker.routers[0]!.ipv4Prefixes;
    const routes4 = await eventually(
      () => routesOf(leaf, 'ipv4'),
      (r) => pools4.every((p) => r.includes(p)),
    );
    for (const p of pools4) expect(routes4, p).toContain(p);
    const routes6 = await eventually(
      () => routesOf(leaf, 'ipv6'),
      (r) => speaker.routers[0]!.ipv6Prefixes.every((p) => r.includes(p)),
    );
    for (const p of speaker.routers[0]!.ipv6Prefixes) expect(routes6, p).toContain(p);
    // the node did send it: the leaf's inbound prefix-list (K8S-PROD-LB) is what stopped it
    const sent = show(kn1, `show bgp ipv4 unicast neighbors ${neighbor.iface} advertised-routes json`) as {
      advertisedRoutes?: Record<string, unknown>;
    };
    expect(Object.keys(sent.advertisedRoutes ?? {})).toContain(OUTSIDE);
    expect(routesOf(leaf, 'ipv4')).not.toContain(OUTSIDE);
    type Summary = { ipv4Unicast?: { peers: Record<string, { pfxRcd: number }> } };
    const accepted = (show(leaf, 'show bgp summary json') as Summary).ipv4Unicast?.peers[leafPort]?.pfxRcd;
    expect(accepted).toBe(pools4.length);
  });
});
