/**
 * Issue 10: the failure budgets, measured in the idc-a lab with the real daemons.
 *
 * GIVEN idc-a's lab up and converged
 * WHEN `fabric lab failover` fails one member of every redundancy group `--list` shows (spine
 * plane, edge pair, each leaf pair, storage, hypervisors, the vRouter and L4 VRRP pairs, the
 * HAProxy pair, each backend's app servers) with each fault kind (cut, silent, crash)
 * THEN every fault is made and undone and verify is green after each, no probe is out for longer
 * than a failure of both halves would cost (SANITY_MS), and the exit status is the verdicts'.
 * The budgets themselves are timing targets: measured by `npm run bench:failover` and recorded in
 * docs/failover.md with the machine and the date, never asserted by a timed test (a 2-vCPU CI
 * machine running 30 daemons moves them by hundreds of ms from run to run).
 *
 * GIVEN the deliberately broken inventory (test/fixtures/broken-redundancy: VRRP adverts of 1 s
 * under a 300 ms gateway budget) in its own lab
 * WHEN its VRRP gateway master fails silently
 * THEN the measurement fails the budget (exit 1) and the verdict names it.
 *
 * Wall time on this 2-vCPU machine: see docs/failover.md ("Services after step 1's timers").
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedScenario } from '../../src/failover/report.js';
import { labDownLeavesNothing, labUpFrom, labUpFromExample, runName } from '../fixtures/lab/support.js';
import { REPO, runFabric } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

interface Phase {
  maxLostMs: number;
  maxOutageMs: number;
  lostPings: number;
  failedRequests: number;
}
interface Scenario {
  id: string;
  group: string;
  fault: string;
  verdict: string;
  reasons: string[];
  problems: string[];
  failover: Phase;
  failback: Phase;
  budget: { label: string; maxOutageMs: number | null; maxFailedRequests?: number };
}
interface Report {
  ok: boolean;
  seconds: number;
  notRun: string[];
  scenarios: Scenario[];
}

const failover = (dir: string, inventory: string, lab: string, ...args: string[]) =>
  runFabric(['--inventory', inventory, 'lab', 'failover', '--site', 'idc-a', '--name', lab, ...args], {
    cwd: dir,
  });

/** Reasons that say the run itself went wrong, not the budget. */
const MECHANICS = ['the fault was not undone', 'verify not green after it', 'no fault was injected'];

/**
 * Longer than any single failure may cost on this lab with its slowest timers (VRRP 3 × 0.15 s,
 * HAProxy and IPVS checks, BGP hold on a crash), far shorter than a redundancy group that failed
 * as a whole: no probe of any scenario may be out this long, going or coming back.
 */
const SANITY_MS = 8000;

/** One line per scenario, for the test log and for a failing assertion's message. */
function summary(s: Scenario): string {
  const phase = (p: Phase) =>
    `${p.maxOutageMs} ms (lost ${p.maxLostMs} ms) ${p.lostPings}/${p.failedRequests}`;
  return `${s.verdict.toUpperCase()} ${s.id} (${s.budget.label}, ${s.budget.maxOutageMs} ms): failover ${phase(s.failover)}, failback ${phase(s.failback)}${s.reasons.length ? ` — ${s.reasons.join('; ')}` : ''}`;
}

describe('the budgets of issue 10 in the idc-a lab', () => {
  const lab = runName('fb');
  let dir: string;
  let inventory: string;
  let ids: Set<string>;

  beforeAll(async () => {
    ({ dir, inventory, ids } = await labUpFromExample(lab, { flags: ['--wait', '180'] }));
  }, 300_000);

  afterAll(async () => {
    if (dir) await labDownLeavesNothing(lab, dir, ids);
  }, 120_000);

  it('one member of every redundancy group, cut, silent and crashed: undone, verify green, the other half takes over', async () => {
    const list = await failover(dir, inventory, lab, '--list', '--json');
    expect(list.code, list.stderr).toBe(0);
    // the first member of each group (cables are not a redundancy group)
    const firstOf = new Map<string, string>();
    for (const s of (JSON.parse(list.stdout) as { scenarios: ListedScenario[] }).scenarios)
      if (s.group !== 'cables' && !firstOf.has(s.group)) firstOf.set(s.group, s.target);
    for (const kind of [
      'spine-plane',
      'edge-pair',
      'storage',
      'hypervisors',
      'shop-routers',
      'shop-l4',
      'shop-l7',
    ])
      expect([...firstOf.keys()]).toContain(kind);
    expect([...firstOf.keys()].filter((g) => g.startsWith('leaf-pair')).length).toBeGreaterThanOrEqual(2);
    expect([...firstOf.keys()].filter((g) => g.startsWith('app:')).length).toBeGreaterThanOrEqual(2);

    const only = [...firstOf.values()].join(',');
    const r = await failover(dir, inventory, lab, '--only', only, '--fault', 'cut,silent,crash', '--json');
    process.stderr.write(r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    process.stderr.write(`${report.scenarios.map(summary).join('\n')}\nwall time ${report.seconds} s\n`);
    expect(report.notRun).toEqual([]);
    // every target with every fault kind that applies (a crash needs a daemon to kill)
    for (const device of firstOf.values())
      for (const fault of ['cut', 'silent'])
        expect(report.scenarios.map((s) => s.id)).toContain(`${device}/${fault}`);
    // every fault made and undone, and verify green after each, whatever its outage
    const broken = report.scenarios
      .filter((s) => s.reasons.some((why) => MECHANICS.some((m) => why.includes(m))))
      .map(summary);
    expect(broken, broken.join('\n')).toEqual([]);
    // the other half took over: no probe out for as long as losing both would cost
    const down = report.scenarios
      .filter((s) => Math.max(s.failover.maxOutageMs, s.failback.maxOutageMs) >= SANITY_MS)
      .map(summary);
    expect(down, down.join('\n')).toEqual([]);
    // the exit status is the verdicts': 1 when any scenario is over its budget
    expect(r.code).toBe(report.scenarios.every((s) => s.verdict === 'pass') ? 0 : 1);
  }, 1_200_000);
});

describe('a deliberately broken inventory in the lab', () => {
  const lab = runName('fx');
  let dir: string;
  let inventory: string;
  let ids: Set<string>;

  /**
   * `lab up` renders, and render refuses an inventory with errors, so the lab runs the fixture
   * with what it refuses set aside: hv4 cabled to both leaves (the single-homed host is
   * `whatif`'s to find) and budgets loose enough to validate. The budgets do not change any
   * rendered file: the lab runs the fixture's 1 s VRRP adverts. `lab failover` then judges it
   * with the fixture's own budgets (300 ms for the gateway).
   */
  beforeAll(async () => {
    dir = tempDir();
    cpSync(join(REPO, 'test', 'fixtures', 'broken-redundancy'), dir, { recursive: true });
    inventory = join(dir, 'inventory');
    const compute = join(inventory, 'idc-a-compute.yaml');
    const dualHomed = readFileSync(compute, 'utf8').replace(
      /uplinks: \{ eth1: leaf2a:eth12 \}.*/,
      'uplinks: { eth1: leaf2a:eth12, eth2: leaf2b:eth12 }',
    );
    expect(dualHomed).toContain('eth2: leaf2b:eth12');
    writeFileSync(compute, dualHomed);
    const labInventory = join(dir, 'lab-inventory');
    cpSync(inventory, labInventory, { recursive: true });
    const site = join(labInventory, 'idc-a.yaml');
    const loose = readFileSync(site, 'utf8').replace(/^ {2}(gateway|vip|hypervisor): \d+/gm, '  $1: 4000');
    expect(loose).toContain('gateway: 4000');
    writeFileSync(site, loose);
    const up = await labUpFrom(dir, labInventory, lab, { flags: ['--wait', '180'] });
    ids = up.ids;
    // the same management subnet in the inventory lab failover reads
    const judged = join(inventory, 'idc-a.yaml');
    writeFileSync(judged, readFileSync(judged, 'utf8').replace('mgmt: 198.18.1.0/24', `mgmt: ${up.mgmt}`));
  }, 300_000);

  afterAll(async () => {
    if (dir) await labDownLeavesNothing(lab, dir, ids);
  }, 120_000);

  it('VRRP adverts of 1 s: a silent gateway master fails its budget, and the verdict says which', async () => {
    // silent: only the VRRP timers notice (a cut is seen at once by carrier loss: 747 ms measured)
    const r = await failover(dir, inventory, lab, '--only', 'vr1', '--fault', 'silent', '--json');
    process.stderr.write(r.stderr);
    const [s] = (JSON.parse(r.stdout) as Report).scenarios;
    process.stderr.write(`${summary(s!)}\n`);
    expect(r.code).toBe(1);
    expect(s!.id).toBe('vr1/silent');
    expect(s!.verdict).toBe('fail');
    // the backup waits 3 × 1 s + skew before it takes over. The probes' flows do not all cross
    // the master (CI 2026-12-02: the longest gap stayed under 300 ms while requests failed for
    // seconds), so the verdict also holds the time lost, failed requests × their interval
    const worst = Math.max(s!.failover.maxOutageMs, s!.failover.maxLostMs);
    expect(worst).toBeGreaterThan(s!.budget.maxOutageMs!);
    expect(s!.reasons.join('; ')).toMatch(
      new RegExp(
        `failover (${s!.failover.maxOutageMs} ms|${s!.failover.maxLostMs} ms lost) .*> ${s!.budget.maxOutageMs} ms`,
      ),
    );
    expect(s!.budget.label).toMatch(/VRRP gateway|shop-routers/);
  }, 300_000);
});
