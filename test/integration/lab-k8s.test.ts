/**
 * Issue 13 in the lab: Kubernetes nodes as lab nodes (docs/kubernetes.md, "In the lab").
 *
 * GIVEN the k8s-a fixture (a three-node MetalLB cluster over two racks) on a free management
 * subnet, with a lab name of this run
 * WHEN `fabric lab up --site k8s-a`: each node runs FRR on its speaker's config (what MetalLB's
 * FRR mode writes), HTTP, and its pools' representative LoadBalancer IPs on `lo`
 * THEN `fabric verify` is green: every leaf's session to its nodes Established with BFD up and the
 * pools' routes received, ECMP over the announcing nodes, the public pools' IPs answering HTTP
 * from both upstreams in both families; the node's router ID is the one the speaker model names; a node silently
 * failed (`lab failover --fault silent`) is withdrawn by its leaves' BFD within the fabric budget
 * (350 ms) of pings; its speaker crashed (`--fault crash`: every FRR daemon SIGKILLed) has its
 * sessions dropped by both leaves at once (the TCP connections reset) within that budget; a prefix
 * outside the pools, announced by a node, is not installed by its leaves, and verify names it
 * (`bgp-filtered`); and `fabric lab down` leaves nothing behind.
 *
 * One lab up, two failover scenarios: it runs in CI on 2 vCPUs. Run it alone on the machine's lab
 * lock: `flock /tmp/fabric-lab.lock npx vitest run test/integration/lab-k8s.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failoverScenario, labFromFixture } from '../fixtures/lab/support.js';
import { REPO } from '../support/cli.js';

const SITE = 'k8s-a';
const FIXTURE = join(REPO, 'test', 'fixtures', 'k8s', 'inventory');
/** The public pool's representative LoadBalancer IP (203.0.113.64/27, inside prefixes.announce). */
const LB_IP = '203.0.113.64';
/** The IPv6 pool's (2001:db8:100:40::/64, inside prefixes.announce6). */
const LB_IP6 = '2001:db8:100:40::';
/** isp1's client address in the lab (its originated 192.0.2.128/26): the fabric routes it back. */
const ISP1_CLIENT = '192.0.2.129';
/** A prefix outside every pool of the cluster. */
const OUTSIDE = '198.51.100.7/32';
const NODES = ['kn1', 'kn2', 'kn3'];

const lab = labFromFixture(FIXTURE, 'k8s', { site: SITE });
const exec = lab.exec;
const vtysh = (node: string, ...commands: string[]) =>
  exec(node, 'vtysh', ...commands.flatMap((c) => ['-c', c]));

interface VerifyJson {
  ok: boolean;
  checks: number;
  results: { id: string; kind: string; device: string; ok: boolean; seen: string; title?: string }[];
}

/** One `lab failover` scenario of the served node, as its JSON report says it. */
interface FailoverScenario {
  id: string;
  injected: string;
  verdict: string;
  reasons: string[];
  undone: boolean;
  converged: boolean;
  budget: { maxOutageMs: number; label: string; outageOf: string };
  failover: { maxPingOutageMs: number; lostPings: number; maxOutageMs: number };
  failback: { maxPingOutageMs: number };
  events: { kind: string; device: string; what: string; to: string; atMs: number }[];
}

/** `fabric lab failover --only <node> --fault <fault> --json` on the lab: its exit code and scenario. */
const failoverOf = (node: string, fault: string) =>
  failoverScenario<FailoverScenario>(lab, SITE, node, fault);

describe('Kubernetes nodes in the k8s-a lab', () => {
  it('GIVEN the lab is up THEN verify is green: the nodes’ sessions and BFD, ECMP over them, the LoadBalancer IPs from both upstreams', async () => {
    const r = await lab.verify(120);
    const json = JSON.parse(r.stdout || '{}') as VerifyJson;
    expect(json.results.filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    // the leaves' side of every node's cable: a session per family and BFD, passing
    const toNodes = (kind: string) =>
      json.results.filter((x) => x.kind === kind && /^leaf/.test(x.device) && /eth2[12]$/.test(x.id));
    expect(toNodes('bgp-session')).toHaveLength(12); // 3 nodes × 2 leaves × 2 families
    expect(toNodes('bfd-peer')).toHaveLength(6);
    // and nothing the nodes send is rejected (the leaves keep it as received to say so)
    expect(toNodes('bgp-filtered').map((x) => `${x.id}: ${x.seen}`)).toHaveLength(12);
    expect(toNodes('bgp-filtered').every((x) => x.ok && x.seen === 'nothing rejected')).toBe(true);
    // the public pools' LoadBalancer IPs from both upstreams, in both families
    const http = json.results.filter((x) => x.kind === 'http-path').map((x) => x.id);
    expect(http.sort()).toEqual([
      `http:ipv6:isp1:http://[${LB_IP6}]/`,
      `http:ipv6:isp2:http://[${LB_IP6}]/`,
      `http:isp1:http://${LB_IP}/`,
      `http:isp2:http://${LB_IP}/`,
    ]);
  }, 200_000);

  it('GIVEN a node THEN its FRR’s router ID is the speaker model’s impliedRouterId (its management address)', async () => {
    const r = await vtysh('kn1', 'show bgp ipv4 unicast summary json');
    expect(r.code, r.stderr).toBe(0);
    const mgmtOf81 = lab.mgmt.replace(/\.0\/24$/, '.81');
    expect((JSON.parse(r.stdout) as { routerId: string }).routerId).toBe(mgmtOf81);
  }, 30_000);

  let served = '';
  it('GIVEN the public pool THEN its LoadBalancer IP answers HTTP from an upstream, served by a node', async () => {
    const r = await exec('isp1', 'curl', '-sS', '-m', '5', '--interface', ISP1_CLIENT, `http://${LB_IP}/`);
    expect(r.code, r.stderr).toBe(0);
    served = r.stdout.trim();
    expect(NODES).toContain(served);
  }, 30_000);

  it('GIVEN the node serving isp1 fails silently THEN its leaves withdraw it within the fabric budget', async () => {
    expect(served, 'the HTTP test above').not.toBe('');
    // the node isp1's flows hash to (the L3 hash is stable for the lab's life): its probes cross it
    const { code, s } = await failoverOf(served, 'silent');
    expect(s.id).toBe(`${served}/silent`);
    expect(s.budget).toMatchObject({ maxOutageMs: 350, label: 'k8s-prod (fabric-node)', outageOf: 'pings' });
    process.stderr.write(
      `${s.id}: ping outage ${s.failover.maxPingOutageMs} ms (${s.failover.lostPings} pings lost), any probe ${s.failover.maxOutageMs} ms; failback ${s.failback.maxPingOutageMs} ms\n`,
    );
    expect(s.undone).toBe(true);
    expect(s.converged).toBe(true);
    // isp1's probes crossed the node: a real outage, ended by the leaves' BFD
    expect(s.failover.lostPings).toBeGreaterThan(0);
    expect(s.events.some((e) => e.kind === 'bfd' && /^leaf/.test(e.device) && e.atMs >= 0)).toBe(true);
    // 179-269 ms over eleven runs on this 2-vCPU machine (docs/kubernetes.md): within the budget
    expect(s.failover.maxPingOutageMs).toBeLessThanOrEqual(350);
    expect(s.verdict, JSON.stringify(s.reasons)).toBe('pass');
    expect(code).toBe(0);
  }, 120_000);

  it('GIVEN the node serving isp1 WHEN its speaker crashes (every FRR daemon SIGKILLed) THEN its leaves drop its sessions at once and the LoadBalancer IP stays within the fabric budget', async () => {
    expect(served, 'the HTTP test above').not.toBe('');
    const { code, s } = await failoverOf(served, 'crash');
    expect(s.id).toBe(`${served}/crash`);
    expect(s.injected).toMatch(new RegExp(`^${served}: kill -9 speaker \\(PID( \\d+){5} in the node\\)$`));
    process.stderr.write(
      `${s.id}: ping outage ${s.failover.maxPingOutageMs} ms (${s.failover.lostPings} pings lost)\n`,
    );
    // the node's TCP sessions are reset with its bgpd: both leaves drop them within a second
    const dropped = s.events.filter((e) => e.kind === 'bgp' && /^leaf/.test(e.device) && e.to === 'Idle');
    expect(new Set(dropped.map((e) => e.device)).size, JSON.stringify(s.events.slice(0, 8))).toBe(2);
    expect(Math.max(...dropped.map((e) => e.atMs))).toBeLessThan(1000);
    expect(s.failover.maxPingOutageMs).toBeLessThanOrEqual(350);
    expect(s.undone).toBe(true);
    expect(s.converged).toBe(true);
    expect(s.verdict, JSON.stringify(s.reasons)).toBe('pass');
    expect(code).toBe(0);
  }, 120_000);

  it('GIVEN a node announcing a prefix outside its pools THEN it sends it, its leaf does not install it, and verify names it', async () => {
    // what a misconfigured speaker would do: its own prefix-list lets the prefix out
    const set = await vtysh(
      'kn1',
      'configure terminal',
      `ip prefix-list eth1-allowed-ipv4 seq 3 permit ${OUTSIDE}`,
      'router bgp 65510',
      'address-family ipv4 unicast',
      `network ${OUTSIDE}`,
    );
    expect(set.code, set.stdout + set.stderr).toBe(0);
    let advertised = false;
    for (let i = 0; i < 20 && !advertised; i++) {
      const a = await vtysh('kn1', 'show bgp ipv4 unicast neighbors eth1 advertised-routes json');
      advertised =
        OUTSIDE in ((JSON.parse(a.stdout) as { advertisedRoutes?: object }).advertisedRoutes ?? {});
      if (!advertised) await new Promise((res) => setTimeout(res, 250));
    }
    expect(advertised, `kn1 advertises ${OUTSIDE} to leaf1a`).toBe(true);
    await new Promise((res) => setTimeout(res, 1000));
    const route = await vtysh('leaf1a', `show bgp ipv4 unicast ${OUTSIDE} json`);
    expect(JSON.parse(route.stdout || '{}')).not.toHaveProperty('paths');
    const fib = await exec('leaf1a', 'ip', '-j', 'route', 'show', OUTSIDE);
    expect(JSON.parse(fib.stdout || '[]')).toEqual([]);
    // the session stays up with the pools' two routes received
    const peer = await vtysh('leaf1a', 'show bgp ipv4 unicast summary json');
    const eth21 = (JSON.parse(peer.stdout) as { peers: Record<string, { state: string; pfxRcd: number }> })
      .peers.eth21!;
    expect(eth21).toMatchObject({ state: 'Established', pfxRcd: 2 });
    // verify: exit 1, and only the leak's check fails, naming the node, the prefix and the
    // route-map (kn1 sends it to leaf1a only: its eth1's prefix-list alone was widened)
    const v = await lab.verify(15);
    expect(v.code, v.stderr).toBe(1);
    const failed = (JSON.parse(v.stdout || '{}') as VerifyJson).results.filter((x) => !x.ok);
    expect(failed.map((x) => `${x.id}: ${x.seen}`)).toEqual([
      `bgp-filtered:leaf1a:eth21: kn1 announces ${OUTSIDE}: rejected by K8S-PROD-IN (1 prefix)`,
    ]);
  }, 90_000);
});
