/**
 * `lab up` on a running lab: the plan of the new topology keeps the running objects' names, and
 * the difference says exactly what starts, stops, restarts and is replugged (src/lab/plan/plan-diff.ts).
 * Also what the model gives the lab for an L4 service whose real servers are VMs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitSeconds } from '../../src/cli/commands/lab/wait.js';
import { type LabPlan, planLab } from '../../src/lab/plan/lab-plan.js';
import { diffPlans, isEmptyDiff, summarize } from '../../src/lab/plan/plan-diff.js';
import { parseTopologyText } from '../../src/lab/topology/parse.js';
import { runPipeline } from '../../src/pipeline.js';
import { waitConverged } from '../../src/verify/converge.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-grow-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(yaml: string, previous?: LabPlan): LabPlan {
  const { topology, diagnostics } = parseTopologyText(join(dir, 'lab.clab.yml'), yaml, { forRuntime: true });
  if (!topology) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return planLab(topology, { stateRoot: '/tmp/state' }, previous);
}

const node = (name: string, extra = '') =>
  `    ${name}: {kind: linux, image: fabric-labnode, env: {FABRIC_DAEMONS: "frr${extra}"}}`;
const topo = (nodes: string[], links: string[]) =>
  `name: g\nmgmt: {ipv4-subnet: 10.9.0.0/24}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links
    .map((l) => `    - endpoints: [${l}]`)
    .join('\n')}\n`;

const RUNNING = topo(
  [node('spine1'), node('leaf1'), node('sw').replace(/\{kind.*\}/, '{kind: bridge}'), node('pc')],
  ['"leaf1:eth1", "spine1:eth1"', '"pc:eth1", "sw:p1"'],
);
const noDigests = (p: LabPlan) => new Map(p.nodes.map((n) => [n.name, 'same']));

describe('lab up on a running lab', () => {
  it('GIVEN a node inserted before the others THEN the running nodes keep their index, address and root names', () => {
    const old = plan(RUNNING);
    const grown = plan(
      topo(
        [
          node('aaa'),
          node('spine1'),
          node('leaf1'),
          node('sw').replace(/\{kind.*\}/, '{kind: bridge}'),
          node('pc'),
        ],
        ['"aaa:eth1", "spine1:eth2"', '"leaf1:eth1", "spine1:eth1"', '"pc:eth1", "sw:p1"'],
      ),
      old,
    );
    for (const n of old.nodes) {
      const now = grown.nodes.find((x) => x.name === n.name)!;
      expect([now.index, now.mgmtIpv4, now.mgmtVeth, now.bridge], n.name).toEqual([
        n.index,
        n.mgmtIpv4,
        n.mgmtVeth,
        n.bridge,
      ]);
    }
    const aaa = grown.nodes.find((n) => n.name === 'aaa')!;
    expect(aaa.index).toBe(4);
    expect(old.nodes.map((n) => n.mgmtIpv4)).not.toContain(aaa.mgmtIpv4);
    // the bridge port of the kept link keeps its root-namespace name
    const port = (p: LabPlan) => p.links.find((l) => l.a.node === 'pc')!.z.name;
    expect(port(grown)).toBe(port(old));
  });

  it('GIVEN a new node cabled to a running one THEN only it starts, and the running one is replugged', () => {
    const old = plan(RUNNING);
    const grown = plan(
      topo(
        [
          node('spine1'),
          node('leaf1'),
          node('leaf2'),
          node('sw').replace(/\{kind.*\}/, '{kind: bridge}'),
          node('pc'),
        ],
        ['"leaf1:eth1", "spine1:eth1"', '"leaf2:eth1", "spine1:eth2"', '"pc:eth1", "sw:p1"'],
      ),
      old,
    );
    const diff = diffPlans(old, noDigests(old), grown, noDigests(grown));
    expect(diff.start.map((n) => n.name)).toEqual(['leaf2']);
    expect(diff.stop).toEqual([]);
    expect(diff.replug.map((r) => [r.node.name, r.interfaces])).toEqual([['spine1', ['eth2']]]);
    expect(diff.addLinks.map((l) => `${l.a.node}:${l.a.name}`)).toEqual(['leaf2:eth1']);
    expect(summarize(diff, grown)).toEqual({
      added: ['leaf2'],
      removed: [],
      restarted: [],
      replugged: ['spine1'],
      linksAdded: 1,
      linksRemoved: 0,
      kept: 4,
    });
  });

  it('GIVEN a node whose daemons or bound files changed THEN it restarts with its links; a deleted node stops', () => {
    const old = plan(RUNNING);
    const changed = plan(
      topo(
        [node('spine1', ',snmpd'), node('sw').replace(/\{kind.*\}/, '{kind: bridge}'), node('pc')],
        ['"pc:eth1", "sw:p1"'],
      ),
      old,
    );
    const diff = diffPlans(old, noDigests(old), changed, noDigests(changed));
    expect(diff.restarted).toEqual(['spine1']);
    expect(diff.stop.map((n) => n.name).sort()).toEqual(['leaf1', 'spine1']);
    expect(diff.deleteLinks.map((l) => l.a.node)).toEqual(['leaf1']);
    expect(diff.addLinks).toEqual([]);

    // restarted while its neighbour keeps running: the link is kept, its end moved into the new node
    const restarted = plan(
      RUNNING.replace(
        'env: {FABRIC_DAEMONS: "frr"}}\n    leaf1',
        'env: {FABRIC_DAEMONS: "frr,snmpd"}}\n    leaf1',
      ),
      old,
    );
    const moving = diffPlans(old, noDigests(old), restarted, noDigests(restarted));
    expect(moving.restarted).toEqual(['spine1']);
    expect(moving.moves.map((m) => [m.link.a.node, m.link.z.node, m.side, m.from])).toEqual([
      ['leaf1', 'spine1', 'z', 'clab-g-spine1'],
    ]);
    expect([moving.addLinks, moving.deleteLinks, moving.replug]).toEqual([[], [], []]);

    const same = plan(RUNNING, old);
    expect(isEmptyDiff(diffPlans(old, noDigests(old), same, noDigests(same)))).toBe(true);
    const digests = new Map([...noDigests(same)].map(([k, v]) => [k, k === 'pc' ? 'new config' : v]));
    expect(diffPlans(old, noDigests(old), same, digests).restarted).toEqual(['pc']);
  });
});

describe('an L4 service whose real servers are VMs', () => {
  const site = runPipeline(join(REPO, 'test', 'fixtures', 'lab-l4', 'inventory')).model!.sites[0]!;

  it('GIVEN VMs as real servers THEN each VM serves the service port (for the lab and verify)', () => {
    const app1 = site.devices.find((d) => d.name === 'app1')!;
    expect(app1.services).toEqual([
      { kind: 'http', port: 8080, healthPath: '/health', paths: ['/'], l4Services: ['www'] },
    ]);
  });

  it('GIVEN an announced VIP with no L7 in front THEN verify checks HTTP from the internet to it', () => {
    const paths = deriveExpectations(site).filter((e) => e.kind === 'http-path');
    expect(paths.map((e) => e.title)).toEqual([
      'http://198.51.100.10:8080/ from isp1 (192.0.2.129) is served by app1/app2',
    ]);
  });
});

describe('lab up --wait', () => {
  const site = runPipeline(join(REPO, 'test', 'fixtures', 'lab-l4', 'inventory')).model!.sites[0]!;

  it('GIVEN a lab that never converges THEN the wait ends at its deadline naming what is down, with one progress line per change', async () => {
    const lines: string[] = [];
    const down = await waitConverged(
      site,
      { run: async () => ({ code: 1, stdout: '', stderr: 'not yet' }) },
      1,
      (l) => lines.push(l),
    );
    expect(down.length).toBe(deriveExpectations(site).length);
    expect(down).toContain(
      'edge1 runs BGP as AS65003, router-id 10.3.0.2: show bgp summary failed (exit 1): not yet',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}converging: 0\/\d+ checks pass {2}\d+s$/);
  });

  it('GIVEN --wait alone or with seconds THEN the deadline; anything else is refused', () => {
    expect(waitSeconds(undefined)).toBeUndefined();
    expect(waitSeconds(true)).toBe(120);
    expect(waitSeconds('300')).toBe(300);
    expect(waitSeconds('soon')).toEqual({ problem: '"soon" is not a positive number of seconds' });
    expect(waitSeconds('0')).toEqual({ problem: '"0" is not a positive number of seconds' });
    expect(waitSeconds('9999999')).toEqual({
      problem: '9999999 seconds is more than 2147483 (about 24 days, the longest a timer can wait)',
    });
  });
});
