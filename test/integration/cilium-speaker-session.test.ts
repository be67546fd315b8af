/**
 * A Cilium node's BGP session with its leaf, for real (issue 13, docs/kubernetes.md "Cilium"):
 * FRR 8.4 in one network namespace of this test running leaf1a's rendered frr.conf, Debian's
 * gobgpd (GoBGP, the BGP library Cilium's agent embeds) in another running kn1's rendered
 * gobgpd.toml (what Cilium programs into its GoBGP), the paths Cilium adds through GoBGP's API
 * added with GoBGP's client, on a veth pair named as the cabling says (leaf1a eth21 ↔ kn1 eth1),
 * each end with its address of the cable's /31. The session is tested against what the client
 * sends:
 * - gobgpd accepts the rendered configuration (its own dry run), and one with a typo is refused;
 * - the session reaches Established with the hold time Cilium's peer config sets (3 s: the
 *   leaf's 9 s negotiated down), and no BFD;
 * - the leaf accepts the node's pod CIDR block and its pool routes, and rejects a prefix outside
 *   them that the node sends (its received-routes show it was sent);
 * - the node takes nothing from the leaf (Cilium's global import policy), though it receives it;
 * - a node gone silent (its speaker stopped, SIGSTOP: the session's TCP stays up) is withdrawn
 *   by the leaf when the hold timer expires.
 * Namespaces, the veth pair and the daemons carry a per-run prefix and are removed in afterAll,
 * the daemons by PID.
 */

import { execFileSync, spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { cable, eventually, startFrr, waitFor } from '../support/frr-netns.js';
import { TestNetns } from '../support/netns.js';
import { clusterOf, renderExample } from '../support/render.js';
import { DAEMON_PACKAGES, ensureInstalled, requireRoot } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const netns = new TestNetns('kc');
const [k8s] = renderExample(join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory'));
const site = k8s!.site;
const speaker = clusterOf(site, 'cilium').speakers.find((s) => s.node === 'kn1')!;
const neighbor = speaker.neighbors.find((n) => n.peerDevice === 'leaf1a')!;
const node = site.devices.find((d) => d.name === 'kn1')!;
/** The leaf's port the node's interface is cabled to. */
const leafPort = node.interfaces.find((i) => i.name === neighbor.iface)!.peer.interface;
/** TEST-NET-2: inside nothing the cluster may announce, so no leaf may accept it. */
const OUTSIDE = '198.51.100.7/32';
/** The leaf's loopback, which it announces to the node. */
const leafLoopback = `${site.devices.find((d) => d.name === 'leaf1a')!.interfaces.find((i) => i.name === 'lo')!.addresses[0]!.address}/32`;

const leaf = { ns: '', dir: '' };
const kn1 = { ns: '', dir: '', pid: 0 };

function vtysh(command: string): unknown {
  const r = netns.exec(leaf.ns, ['vtysh', '--vty_socket', leaf.dir, '-c', command]);
  if (r.code !== 0) throw new Error(`${command}: ${r.out}`);
  return JSON.parse(r.out);
}

/** GoBGP's client against the node's gobgpd (its API on the node's own loopback). */
function gobgp(...args: string[]): { code: number; out: string } {
  return netns.exec(kn1.ns, ['gobgp', ...args]);
}

type Summary = { ipv4Unicast?: { peers: Record<string, { state: string; pfxRcd: number }> } };
const leafRoutes = () =>
  Object.keys((vtysh('show bgp ipv4 unicast json') as { routes?: object }).routes ?? {});
const nodePeer = neighbor.localAddress;

beforeAll(() => {
  requireRoot();
  ensureInstalled([
    ...DAEMON_PACKAGES.filter((r) => r.pkg === 'frr' || r.pkg === 'iproute2'),
    { bin: 'gobgpd', pkg: 'gobgpd' },
  ]);
  leaf.ns = netns.add('leaf1a');
  kn1.ns = netns.add('kn1');
  leaf.dir = tempDir('fabric-cilium-leaf-');
  kn1.dir = tempDir('fabric-cilium-node-');
  cable(netns, { ns: leaf.ns, name: leafPort }, { ns: kn1.ns, name: neighbor.iface });
  execFileSync('ip', ['-n', kn1.ns, 'link', 'set', 'lo', 'up']);
  // the node's own network configuration (Cilium's GoBGP configures no interface)
  execFileSync('ip', ['-n', kn1.ns, 'address', 'add', `${nodePeer}/31`, 'dev', neighbor.iface]);
  startFrr(netns, leaf, ['zebra', 'bgpd']);
  const leafConf = k8s!.rendered.files.find((f) => f.device === 'leaf1a' && f.file === 'frr.conf')!.content;
  const file = join(leaf.dir, 'frr.conf');
  writeFileSync(file, leafConf.replace(/^log file \S+/m, `log file ${join(leaf.dir, 'frr.log')}`));
  const r = netns.exec(leaf.ns, ['vtysh', '--vty_socket', leaf.dir, '-f', file]);
  expect(r.code, r.out).toBe(0);

  const conf = join(kn1.dir, 'gobgpd.toml');
  writeFileSync(conf, k8s!.rendered.siteFiles.find((f) => f.path === speaker.file)!.content);
  const log = openSync(join(kn1.dir, 'gobgpd.log'), 'a');
  const daemon = spawn(
    'ip',
    [
      'netns',
      'exec',
      kn1.ns,
      'gobgpd',
      '-f',
      conf,
      '-p',
      '--pprof-disable',
      '--api-hosts',
      '127.0.0.1:50051',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  daemon.unref();
  kn1.pid = daemon.pid!;
  // `ip netns exec` execs gobgpd: the PID is the daemon's
  writeFileSync(join(kn1.dir, 'gobgpd.pid'), `${kn1.pid}\n`);
  netns.ownsPidFile(join(kn1.dir, 'gobgpd.pid'));
  waitFor(() => gobgp('global').code === 0, 10_000, 'gobgpd API');
  // the paths Cilium adds through GoBGP's API, and by hand one it should not announce
  for (const p of [...speaker.paths.map((x) => x.prefix), OUTSIDE]) {
    const added = gobgp('global', 'rib', 'add', '-a', 'ipv4', p, 'origin', 'igp');
    expect(added.code, added.out).toBe(0);
  }
});

afterAll(() => {
  // a stopped gobgpd must run again to die of the cleanup's SIGTERM
  if (kn1.pid) spawnContinue(kn1.pid);
  netns.cleanup();
});

function spawnContinue(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already gone
  }
}

describe('GIVEN leaf1a’s frr.conf and kn1’s Cilium speaker (gobgpd) on the cable leaf1a eth21 ↔ kn1 eth1', () => {
  it('THEN gobgpd’s own dry run accepts the rendered configuration, and refuses one with a typo', () => {
    const conf = join(kn1.dir, 'gobgpd.toml');
    const ok = netns.exec(kn1.ns, ['gobgpd', '-d', '-p', '-f', conf]);
    expect(ok.code, ok.out).toBe(0);
    const typo = join(kn1.dir, 'typo.toml');
    writeFileSync(typo, readFileSync(conf, 'utf8').replace('hold-time =', 'hold-tme ='));
    const bad = netns.exec(kn1.ns, ['gobgpd', '-d', '-p', '-f', typo]);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('invalid keys: hold-tme');
  });

  it('THEN the session is Established on Cilium’s 3 s hold time, without BFD', async () => {
    const summary = await eventually(
      () => vtysh('show bgp summary json') as Summary,
      (s) => s.ipv4Unicast?.peers[nodePeer]?.state === 'Established',
    );
    expect(summary.ipv4Unicast?.peers[nodePeer]?.state).toBe('Established');
    const peer = (vtysh(`show bgp neighbors ${nodePeer} json`) as Record<string, Record<string, unknown>>)[
      nodePeer
    ]!;
    expect(peer.bgpTimerHoldTimeMsecs).toBe(neighbor.holdS * 1000);
    expect(peer.peerBfdInfo).toBeUndefined();
    const state = gobgp('neighbor', neighbor.address, '-j');
    expect(state.code, state.out).toBe(0);
    expect(JSON.parse(state.out).state.session_state).toBe(6); // ESTABLISHED
  });

  it('THEN the leaf accepts the pod CIDR block and the pool routes, and rejects the prefix outside them', async () => {
    const wanted = speaker.paths.map((p) => p.prefix);
    const routes = await eventually(leafRoutes, (r) => wanted.every((p) => r.includes(p)));
    for (const p of wanted) expect(routes, p).toContain(p);
    const received = vtysh(`show bgp ipv4 unicast neighbors ${nodePeer} received-routes json`) as {
      receivedRoutes?: Record<string, unknown>;
    };
    expect(Object.keys(received.receivedRoutes ?? {})).toContain(OUTSIDE);
    expect(leafRoutes()).not.toContain(OUTSIDE);
    const accepted = (vtysh('show bgp summary json') as Summary).ipv4Unicast?.peers[nodePeer]?.pfxRcd;
    expect(accepted).toBe(wanted.length);
  });

  it('THEN the node receives the leaf’s routes but takes none (Cilium’s global import policy)', async () => {
    const adjIn = await eventually(
      () => gobgp('neighbor', neighbor.address, 'adj-in', '-a', 'ipv4').out,
      (out) => out.includes(leafLoopback),
    );
    expect(adjIn).toContain(leafLoopback);
    const rib = gobgp('global', 'rib', '-a', 'ipv4', '-j');
    expect(rib.code, rib.out).toBe(0);
    expect(Object.keys(JSON.parse(rib.out)).sort()).toEqual(
      [...speaker.paths.map((p) => p.prefix), OUTSIDE].sort(),
    );
  });

  it('THEN a silent node (its speaker stopped) is withdrawn by the leaf when the hold timer expires', async () => {
    const pod = speaker.paths.find((p) => p.kind === 'PodCIDR')!.prefix;
    expect(leafRoutes()).toContain(pod);
    const stopped = Date.now();
    process.kill(kn1.pid, 'SIGSTOP');
    const routes = await eventually(leafRoutes, (r) => !r.includes(pod), 15_000);
    const took = Date.now() - stopped;
    process.kill(kn1.pid, 'SIGCONT');
    expect(routes).not.toContain(pod);
    // reported, not asserted as a target (bench/ and docs/ hold those): the hold timer's order
    console.log(`cilium-speaker-session: silent node withdrawn after ${took} ms (hold ${neighbor.holdS} s)`);
    expect(took).toBeGreaterThanOrEqual((neighbor.holdS - neighbor.keepaliveS) * 1000);
  });
});
