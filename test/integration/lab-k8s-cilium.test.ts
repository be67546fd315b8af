/**
 * Issue 13 in the lab, with Cilium: Kubernetes nodes whose speaker is Cilium's BGP control plane
 * (docs/kubernetes.md, "Cilium").
 *
 * GIVEN the k8s-c fixture (the k8s-a fabric, its three-node cluster's speaker Cilium) on a free
 * management subnet, with a lab name of this run
 * WHEN `fabric lab up --site k8s-c`: each node runs gobgpd (the GoBGP Cilium's agent embeds) on
 * its speaker's configuration, the paths Cilium would add (its pod CIDR block, each pool's
 * representative LoadBalancer IP), its /31 on each cable, HTTP
 * THEN `fabric verify` is green: every leaf's numbered session to its nodes Established with the
 * pod CIDR and pool routes received (and no BFD: Cilium has none), the public pool's IP answering
 * HTTP from both upstreams; the node's router ID is its management address; the node serving an
 * upstream failed silently is withdrawn when the hold timer expires, within the cluster's own
 * budget (4000 ms: no BFD, `clusters.prod.budget`); a prefix outside the cluster's, added to a
 * node's GoBGP, is sent, not installed by its leaf, and verify names it (`bgp-filtered`); and
 * `fabric lab down` leaves nothing behind.
 *
 * Run it alone on the machine's lab lock:
 * `flock /tmp/fabric-lab.lock npx vitest run test/integration/lab-k8s-cilium.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failoverScenario, labFromFixture } from '../fixtures/lab/support.js';
import { REPO } from '../support/cli.js';

const SITE = 'k8s-c';
const FIXTURE = join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory');
/** The public pool's representative LoadBalancer IP (203.0.113.64/27, inside prefixes.announce). */
const LB_IP = '203.0.113.64';
/** isp1's client address in the lab (its originated 192.0.2.128/26): the fabric routes it back. */
const ISP1_CLIENT = '192.0.2.129';
/** A prefix outside everything the cluster may announce. */
const OUTSIDE = '198.51.100.7/32';
const NODES = ['kn1', 'kn2', 'kn3'];

const lab = labFromFixture(FIXTURE, 'k8s-cilium', { site: SITE });
const exec = lab.exec;

interface VerifyJson {
  ok: boolean;
  results: { id: string; kind: string; device: string; ok: boolean; seen: string }[];
}

interface FailoverScenario {
  id: string;
  verdict: string;
  reasons: string[];
  undone: boolean;
  converged: boolean;
  budget: { maxOutageMs: number; label: string };
  failover: { maxPingOutageMs: number; lostPings: number; maxOutageMs: number };
  events: { kind: string; device: string; to: string; atMs: number }[];
}

/** `fabric lab failover --only <node> --fault <fault> --json` on the lab: its exit code and scenario. */
const failoverOf = (node: string, fault: string) =>
  failoverScenario<FailoverScenario>(lab, SITE, node, fault);

describe('Cilium nodes in the k8s-c lab', () => {
  it('GIVEN the lab is up THEN verify is green: numbered sessions without BFD, pod CIDRs and pools received, the LoadBalancer IP from both upstreams', async () => {
    const r = await lab.verify(120);
    const json = JSON.parse(r.stdout || '{}') as VerifyJson;
    expect(json.results.filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const toNodes = (kind: string) =>
      json.results.filter((x) => x.kind === kind && /^leaf/.test(x.device) && /:10\.41\.1\.\d+$/.test(x.id));
    // 3 nodes × 2 leaves, IPv4 only; each with its pod CIDR block and the two pool routes
    expect(toNodes('bgp-session')).toHaveLength(6);
    expect(
      toNodes('bgp-session').every((x) => /3 prefixes/.test(x.seen)),
      JSON.stringify(toNodes('bgp-session')),
    ).toBe(true);
    expect(toNodes('bfd-peer')).toHaveLength(0);
    expect(toNodes('bgp-filtered').every((x) => x.ok && x.seen === 'nothing rejected')).toBe(true);
    const http = json.results.filter((x) => x.kind === 'http-path').map((x) => x.id);
    expect(http.sort()).toEqual([`http:isp1:http://${LB_IP}/`, `http:isp2:http://${LB_IP}/`]);
  }, 200_000);

  it('GIVEN a node THEN its GoBGP’s router ID is its management address (Cilium’s default: the node’s IPv4)', async () => {
    const r = await exec('kn1', 'gobgp', 'global');
    expect(r.code, r.stderr).toBe(0);
    const mgmtOf81 = lab.mgmt.replace(/\.0\/24$/, '.81');
    // `AS: 65510`, `Router-ID: …`, `Listening Port: -1, …` (the node does not listen)
    expect(r.stdout).toMatch(new RegExp(`^Router-ID:\\s+${mgmtOf81.replace(/\./g, '\\.')}$`, 'm'));
    expect(r.stdout).toMatch(/^Listening Port:\s+-1,/m);
  }, 30_000);

  let served = '';
  it('GIVEN the public pool THEN its LoadBalancer IP answers HTTP from an upstream, served by a node', async () => {
    const r = await exec('isp1', 'curl', '-sS', '-m', '5', '--interface', ISP1_CLIENT, `http://${LB_IP}/`);
    expect(r.code, r.stderr).toBe(0);
    served = r.stdout.trim();
    expect(NODES).toContain(served);
  }, 30_000);

  it('GIVEN the node serving isp1 fails silently THEN its leaves withdraw it when the hold timer expires, within the cluster’s budget', async () => {
    expect(served, 'the HTTP test above').not.toBe('');
    const { code, s } = await failoverOf(served, 'silent');
    expect(s.budget).toMatchObject({ maxOutageMs: 4000, label: 'k8s-prod (fabric-node)' });
    process.stderr.write(
      `${s.id}: outage ${s.failover.maxOutageMs} ms (${s.failover.lostPings} pings lost)\n`,
    );
    // isp1's probes crossed the node: a real outage, ended by the leaves' hold timer, not BFD
    expect(s.failover.lostPings).toBeGreaterThan(0);
    const idle = s.events.filter((e) => e.kind === 'bgp' && /^leaf/.test(e.device) && e.to === 'Idle');
    expect(idle.length, JSON.stringify(s.events.slice(0, 8))).toBeGreaterThan(0);
    expect(s.events.some((e) => e.kind === 'bfd')).toBe(false);
    expect(s.undone).toBe(true);
    expect(s.converged).toBe(true);
    expect(s.verdict, JSON.stringify(s.reasons)).toBe('pass');
    expect(code).toBe(0);
  }, 120_000);

  it('GIVEN the node serving isp1 WHEN its speaker crashes (gobgpd SIGKILLed) THEN both leaves drop its sessions at once, and it comes back', async () => {
    expect(served, 'the HTTP test above').not.toBe('');
    const { code, s } = await failoverOf(served, 'crash');
    expect(s.id).toBe(`${served}/crash`);
    // the node's TCP sessions are reset with its gobgpd: both leaves drop them within a second
    const dropped = s.events.filter((e) => e.kind === 'bgp' && /^leaf/.test(e.device) && e.to === 'Idle');
    expect(new Set(dropped.map((e) => e.device)).size, JSON.stringify(s.events.slice(0, 8))).toBe(2);
    expect(Math.max(...dropped.map((e) => e.atMs))).toBeLessThan(1000);
    // undone: labnode-init starts the speaker again and re-adds its paths; verify green again
    expect(s.undone).toBe(true);
    expect(s.converged).toBe(true);
    expect(s.verdict, JSON.stringify(s.reasons)).toBe('pass');
    expect(code).toBe(0);
  }, 120_000);

  it('GIVEN a node announcing a prefix outside the cluster’s THEN its leaf does not install it, and verify names it', async () => {
    // what a misconfigured agent would do: a path of its own through GoBGP's API
    const add = await exec('kn1', 'gobgp', 'global', 'rib', 'add', '-a', 'ipv4', OUTSIDE, 'origin', 'igp');
    expect(add.code, add.stdout + add.stderr).toBe(0);
    let received = false;
    for (let i = 0; i < 20 && !received; i++) {
      const q = await exec(
        'leaf1a',
        'vtysh',
        '-c',
        'show bgp ipv4 unicast neighbors 10.41.1.69 received-routes json',
      );
      received =
        OUTSIDE in ((JSON.parse(q.stdout || '{}') as { receivedRoutes?: object }).receivedRoutes ?? {});
      if (!received) await new Promise((res) => setTimeout(res, 250));
    }
    expect(received, `leaf1a receives ${OUTSIDE} from kn1`).toBe(true);
    const fib = await exec('leaf1a', 'ip', '-j', 'route', 'show', OUTSIDE);
    expect(JSON.parse(fib.stdout || '[]')).toEqual([]);
    const v = await lab.verify(15);
    expect(v.code, v.stderr).toBe(1);
    const failed = (JSON.parse(v.stdout || '{}') as VerifyJson).results.filter((x) => !x.ok);
    // kn1 sends it to both its leaves (GoBGP exports every path it holds to every peer)
    expect(failed.map((x) => `${x.id}: ${x.seen}`).sort()).toEqual([
      `bgp-filtered:leaf1a:10.41.1.69: kn1 announces ${OUTSIDE}: rejected by K8S-PROD-IN (1 prefix)`,
      `bgp-filtered:leaf1b:10.41.1.71: kn1 announces ${OUTSIDE}: rejected by K8S-PROD-IN (1 prefix)`,
    ]);
  }, 90_000);
});
