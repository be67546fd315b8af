/**
 * Issue 10 step 3: `fabric lab failover` on the idc-a lab, with the real daemons.
 *
 * GIVEN idc-a's lab up and converged
 * WHEN failover runs over a small selection (spine1 cut and silent, vr1's keepalived crashed;
 *   keepalived and dns1's gdnsd SIGKILLed with no undo: the node plays their systemd drop-ins)
 * THEN each fault is injected and undone, the probes measure an outage above 0 and below a few
 * seconds, the control plane's transitions are seen (BFD/BGP, VRRP), the report comes as text,
 * JSON and JUnit, verify is green afterwards and no fault is left behind; a run interrupted by
 * SIGINT in the middle of a fault undoes it; `--restore` replays a journal a killed run left.
 * The fabric budget (350 ms) is a timing target: `npm run bench:failover` measures it and
 * docs/failover.md records it (a cut spine ~20-130 ms, a silent one 245-410 ms on this 2-vCPU
 * machine). Asserted here: the verdict agrees with the measurement, a cut is seen by carrier loss
 * (seconds before BGP's hold time), and a silent spine after the cut is a real outage (traffic
 * crossed spine1 again: the kernel kept both spines, finding 2).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../src/failover/journal.js';
import { stateDirOf } from '../../src/lab/plan/names.js';
import type { KernelRoute } from '../../src/observe/kernel-fib.js';
import { labDownLeavesNothing, labUpFromExample, runName } from '../fixtures/lab/support.js';
import { FABRIC, runFabric } from '../support/cli.js';

const lab = runName('fo');
/** leaf2a's loopback: leaf1a reaches it over both spines. */
const LEAF2A_LOOPBACK = '10.1.0.13';
const journal = join(stateDirOf('/var/lib/fabric-lab', lab), JOURNAL_FILE);
let dir: string;
let inventory: string;
let ids: Set<string>;

interface Phase {
  maxOutageMs: number;
  maxPingOutageMs: number;
  /** The time the failed samples of the ping probe that lost most stand for (the judge's second bound). */
  maxPingLostMs: number;
  unrecovered: string[];
  lostPings: number;
  failedRequests: number;
}
interface Scenario {
  id: string;
  fault: string;
  injected: string;
  undone: boolean;
  converged: boolean;
  verdict: string;
  reasons: string[];
  failover: Phase;
  failback: Phase;
  events: { kind: string; device: string; what: string; atMs: number }[];
  budget: { maxOutageMs: number; outageOf: string };
}

const failover = (...args: string[]) =>
  runFabric(['--inventory', inventory, 'lab', 'failover', '--site', 'idc-a', '--name', lab, ...args], {
    cwd: dir,
  });

async function linkStates(node: string): Promise<string[]> {
  const r = await runFabric(['lab', 'exec', '--name', lab, node, '--', 'ip', '-j', 'link', 'show'], {
    cwd: dir,
  });
  return (JSON.parse(r.stdout) as { ifname: string; operstate: string }[])
    .filter((l) => /^eth[1-9]/.test(l.ifname))
    .map((l) => `${l.ifname} ${l.operstate}`);
}

/** Every data link of the node UP (operstate follows `link set up` within a moment). */
async function allUp(node: string): Promise<string[]> {
  let states: string[] = [];
  for (let i = 0; i < 25; i++) {
    states = await linkStates(node);
    if (states.every((l) => l.endsWith(' UP'))) return [];
    await new Promise((r) => setTimeout(r, 200));
  }
  return states.filter((l) => !l.endsWith(' UP'));
}

async function nftTables(node: string): Promise<string> {
  const r = await runFabric(['lab', 'exec', '--name', lab, node, '--', 'nft', 'list', 'tables'], {
    cwd: dir,
  });
  return r.stdout;
}

beforeAll(async () => {
  ({ dir, inventory, ids } = await labUpFromExample(lab, { flags: ['--wait', '180'] }));
}, 300_000);

afterAll(async () => {
  if (!dir) return;
  await labDownLeavesNothing(lab, dir, ids);
}, 120_000);

describe('fabric lab failover on the idc-a lab', () => {
  it('measures a spine cut and a silent spine, undoes both, and verify is green after', async () => {
    const junit = join(dir, 'failover.xml');
    const r = await failover('--only', 'spine1', '--fault', 'cut,silent', '--json', '--junit', junit);
    process.stderr.write(r.stderr);
    expect([0, 1], r.stderr).toContain(r.code);
    const scenarios = (JSON.parse(r.stdout) as { scenarios: Scenario[] }).scenarios;
    expect(scenarios.map((s) => s.id)).toEqual(['spine1/cut', 'spine1/silent']);
    for (const s of scenarios) {
      // a cut downs the far ends (the spine sees loss of carrier); silent drops on the spine's own
      expect(s.injected, s.id).toMatch(s.fault === 'cut' ? /leaf1a eth1 down/ : /spine1 eth1,.* drop all/);
      expect(s.undone, s.id).toBe(true);
      expect(s.converged, s.id).toBe(true);
      expect(s.failover.maxOutageMs, s.id).toBeGreaterThanOrEqual(0);
      expect(s.failover.maxOutageMs, s.id).toBeLessThan(8000);
      expect(s.budget.maxOutageMs).toBe(350);
      // a fabric node's budget holds its ping probes (the HTTP probes bound failed requests)
      expect(s.budget.outageOf, s.id).toBe('pings');
      // the budget bounds both the longest outage of a ping probe and the time its failed samples
      // stand for (src/failover/result.ts judge): a run of 351 ms lost in two gaps fails it
      expect(s.verdict, JSON.stringify(s.reasons)).toBe(
        s.failover.maxPingOutageMs <= 350 &&
          s.failback.maxPingOutageMs <= 350 &&
          s.failover.maxPingLostMs <= 350 &&
          s.failback.maxPingLostMs <= 350 &&
          !s.failover.unrecovered.length &&
          !s.failback.unrecovered.length
          ? 'pass'
          : 'fail',
      );
      // the spine's neighbours saw their BFD/BGP sessions to it go down, after the fault
      const down = s.events.filter((e) => (e.kind === 'bfd' || e.kind === 'bgp') && e.atMs >= 0);
      expect(down.length, `${s.id}: ${JSON.stringify(s.events)}`).toBeGreaterThan(0);
    }
    const [cut, silent] = scenarios as [Scenario, Scenario];
    // the fabric budget (350 ms) is a timing target, measured by bench:failover (docs/failover.md);
    // asserted here: the cut is seen by carrier loss, before BGP's hold time (9 s) would notice
    expect(cut.failover.maxOutageMs, JSON.stringify(cut.failover)).toBeLessThan(8000);
    expect(cut.failback.maxOutageMs, JSON.stringify(cut.failback)).toBeLessThan(8000);
    // after the cut the kernel forwards over both spines again, so a silent spine1 drops traffic
    // until BFD (50 ms x 3) notices: at least two BFD intervals. How long past that is a timing
    // (245-410 ms on a quiet 2-vCPU host, 2-3 s with other work on it: bench:failover measures
    // it); the bound of every scenario above (8 s) says the other spine took over
    expect(silent.failover.lostPings, JSON.stringify(silent.failover)).toBeGreaterThan(0);
    expect(silent.failover.maxOutageMs).toBeGreaterThanOrEqual(100);
    expect(r.code).toBe(scenarios.every((s) => s.verdict === 'pass') ? 0 : 1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('testcase name="spine1/cut"');
    expect(xml).toContain('testcase name="spine1/silent"');
    expect(await allUp('leaf1a')).toEqual([]);
    expect(await allUp('spine1')).toEqual([]);
    expect(await nftTables('spine1')).not.toContain('fabric_failover');
    expect(existsSync(journal)).toBe(false);
  }, 150_000);

  it("verify's kernel-ecmp check catches a kernel FIB that disagrees with zebra (finding 2)", async () => {
    const leaf1a = (...cmd: string[]) =>
      runFabric(['lab', 'exec', '--name', lab, 'leaf1a', '--', ...cmd], { cwd: dir });
    // --timeout: how long verify retries until every check passes (the failing one never will)
    const verify = (timeout = '2') =>
      runFabric(
        ['--inventory', inventory, 'verify', '--site', 'idc-a', '--lab', lab, '--json', '--timeout', timeout],
        { cwd: dir },
      );
    // start converged: the scenarios above end green, but a BFD session of 50 ms x 3 can flap on
    // a loaded 2-vCPU host with no fault made (docs/failover.md), and that is not this test's
    const start = await verify('60');
    expect(start.code, start.stdout).toBe(0);
    // after the spine cut above, the kernel forwards over both spines again, next hops inline
    const route = async () =>
      (
        JSON.parse((await leaf1a('ip', '-j', '-4', 'route', 'show', LEAF2A_LOOPBACK)).stdout) as KernelRoute[]
      )[0]!;
    /** The kernel's route to leaf2a's loopback, as zebra installs it, over `nexthops`. */
    const replaceRoute = (...nexthops: string[]) =>
      leaf1a('ip', 'route', 'replace', `${LEAF2A_LOOPBACK}/32`, 'proto', 'bgp', 'metric', '20', ...nexthops);
    const before = await route();
    expect(before.nhid).toBeUndefined();
    expect(before.nexthops?.map((n) => n.dev).sort()).toEqual(['eth1', 'eth2']);
    // take spine1 out of the kernel's route behind zebra's back (zebra ignores changes to its own routes)
    const one = ['via', '169.254.0.1', 'dev', 'eth2', 'onlink'];
    expect((await replaceRoute(...one)).code).toBe(0);
    try {
      const v = await verify();
      expect(v.code, v.stdout).toBe(1);
      const failed = (
        JSON.parse(v.stdout) as { results: { id: string; ok: boolean; seen: string }[] }
      ).results.filter((r) => !r.ok);
      // the kernel-ecmp check, and no other of its kind, names the narrowed route (a flap of a
      // session elsewhere would fail other kinds of checks for a moment, not this one)
      expect(failed.filter((r) => r.id.startsWith('kernel-ecmp:')).map((r) => [r.id, r.seen])).toEqual([
        [`kernel-ecmp:leaf1a:${LEAF2A_LOOPBACK}/32`, '1 next hop in the kernel (eth2), expected 2'],
      ]);
    } finally {
      await replaceRoute('nexthop', 'via', '169.254.0.1', 'dev', 'eth1', 'onlink', 'nexthop', ...one);
    }
    // zebra's route is back in the kernel: green again
    const again = await verify('60');
    expect(again.code, again.stdout).toBe(0);
  }, 180_000);

  it("measures a crash of the VRRP master's keepalived: the backup takes over, and it comes back", async () => {
    const r = await failover('--only', 'vr1', '--fault', 'crash');
    process.stderr.write(r.stderr);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout).toMatch(/^(PASS|FAIL) +vr1\/crash +shop-routers +(degraded|survives) +\d+ ms +1000 ms/m);
    expect(r.stdout).toMatch(/vr1\/vr2 vrrp VIP [\d.]+ master vr1→/);
    expect(r.stdout).toMatch(/failover idc-a \(lab .*\): 1 scenarios/);
    const verify = await runFabric(
      ['--inventory', inventory, 'verify', '--site', 'idc-a', '--lab', lab, '--timeout', '60'],
      { cwd: dir },
    );
    expect(verify.code, verify.stdout).toBe(0);
  }, 120_000);

  it('GIVEN keepalived SIGKILLed on vr1 with no undo THEN the node plays its drop-in: the VIPs go at once, keepalived runs again after RestartSec and vr1 is master again', async () => {
    // what systemd does on a device (keepalived/restart.conf): ExecStopPost= deletes the VIPs a
    // killed keepalived leaves, Restart=always starts it RestartSec (1000 ms) later; timed in the
    // node, from the kill
    const script = [
      'old=$(head -n 1 /run/keepalived.pid)',
      'kids=$(cat /proc/$old/task/*/children)',
      'kill -9 $kids $old',
      't0=$(date +%s%N); gone=; back=; master=',
      'while :; do',
      '  ms=$(( ($(date +%s%N) - t0) / 1000000 )); [ $ms -lt 15000 ] || break',
      "  has=$(ip -4 -o addr show | grep -c ' 203.0.113.1/27')",
      '  [ -z "$gone" ] && [ "$has" = 0 ] && gone=$ms',
      '  [ -z "$back" ] && [ -n "$gone" ] && pidof keepalived >/dev/null && [ "$(head -n 1 /run/keepalived.pid)" != "$old" ] && back=$ms',
      '  [ -n "$back" ] && [ "$has" = 1 ] && { master=$ms; break; }',
      '  sleep 0.05',
      'done',
      'echo "gone=$gone back=$back master=$master"',
    ].join('\n');
    const r = await runFabric(['lab', 'exec', '--name', lab, 'vr1', '--', 'sh', '-c', script], { cwd: dir });
    process.stderr.write(`vr1 keepalived SIGKILLed: ${r.stdout}`);
    const [, gone, back, master] = /gone=(\d*) back=(\d*) master=(\d*)/.exec(r.stdout) ?? [];
    expect(Number(gone || Number.NaN), r.stdout + r.stderr).toBeLessThanOrEqual(1000);
    expect(Number(back || Number.NaN), r.stdout).toBeGreaterThanOrEqual(1000);
    expect(Number(back), r.stdout).toBeLessThanOrEqual(5000);
    expect(Number(master || Number.NaN), r.stdout).toBeLessThanOrEqual(15000);
    const verify = await runFabric(
      ['--inventory', inventory, 'verify', '--site', 'idc-a', '--lab', lab, '--timeout', '60'],
      { cwd: dir },
    );
    expect(verify.code, verify.stdout).toBe(0);
  }, 120_000);

  it('GIVEN gdnsd SIGKILLed on dns1 with no undo THEN the node plays its drop-in: gdnsd runs again after RestartSec; a reload (gdnsdctl replace) hands the main PID over without a restart', async () => {
    // gdnsd/restart.conf: Restart=always, RestartSec=1000ms; the lab keeps gdnsd's main PID in
    // /run/gdnsd.pid, as systemd does, and follows a replace to the new daemon
    const exec = (script: string) =>
      runFabric(['lab', 'exec', '--name', lab, 'dns1', '--', 'sh', '-c', script], { cwd: dir });
    const crash = await exec(
      [
        'old=$(cat /run/gdnsd.pid); kill -9 "$old"',
        't0=$(date +%s%N); back=',
        'while [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 15000 ]; do',
        '  new=$(cat /run/gdnsd.pid 2>/dev/null)',
        '  if [ -n "$new" ] && [ "$new" != "$old" ] && gdnsdctl -c /etc/gdnsd status >/dev/null 2>&1; then back=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi',
        '  sleep 0.05',
        'done',
        'echo "back=$back"',
      ].join('\n'),
    );
    process.stderr.write(`dns1 gdnsd SIGKILLed: ${crash.stdout}`);
    const back = Number(/back=(\d+)/.exec(crash.stdout)?.[1] ?? Number.NaN);
    expect(back, crash.stdout + crash.stderr).toBeGreaterThanOrEqual(1000);
    expect(back, crash.stdout).toBeLessThanOrEqual(8000);
    // push's reload: one daemon afterwards, the PID file its, and the loop saw a stop, not a crash
    const reload = await exec(
      [
        'before=$(cat /run/gdnsd.pid)',
        'systemctl reload gdnsd || exit 1',
        'sleep 3',
        'echo "before=$before after=$(cat /run/gdnsd.pid) running=$(pidof gdnsd)"',
        'tail -n 1 /run/fabric-lab/supervise-gdnsd.log',
      ].join('\n'),
    );
    expect(reload.code, reload.stdout + reload.stderr).toBe(0);
    const [, before, after, running] = /before=(\d+) after=(\d+) running=([\d ]+)/.exec(reload.stdout) ?? [];
    expect(after, reload.stdout).not.toBe(before);
    expect(running?.trim(), reload.stdout).toBe(after);
    expect(reload.stdout).toMatch(/stopped through service/);
    const verify = await runFabric(
      ['--inventory', inventory, 'verify', '--site', 'idc-a', '--lab', lab, '--timeout', '60'],
      { cwd: dir },
    );
    expect(verify.code, verify.stdout).toBe(0);
  }, 120_000);

  it('SIGINT in the middle of a fault undoes it; --restore replays what a killed run left', async () => {
    const child = spawn(
      process.execPath,
      [FABRIC, '--inventory', inventory, 'lab', 'failover', '--site', 'idc-a', '--name', lab].concat([
        '--only',
        'spine2',
        '--fault',
        'cut',
        '--hold-min',
        '40',
        '--hold',
        '60',
      ]),
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('fault in place') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toMatch(/spine2\/cut: fault in place: .*leaf1a eth2 down/);
    expect(await linkStates('leaf1a')).toContain('eth2 DOWN');
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(1);
    expect(stderr).toContain('SIGINT: undoing the fault in place');
    expect(await allUp('leaf1a')).toEqual([]);
    expect(existsSync(journal)).toBe(false);

    // a run killed with SIGKILL leaves its journal: --restore undoes it
    const netns = `clab-${lab}-leaf1a`;
    const down = await runFabric([
      'lab',
      'exec',
      '--name',
      lab,
      'leaf1a',
      '--',
      'ip',
      'link',
      'set',
      'eth1',
      'down',
    ]);
    expect(down.code).toBe(0);
    writeFileSync(
      journal,
      JSON.stringify({
        entries: [
          {
            run: 'killed',
            scenario: 'leaf1a/cut',
            since: '',
            undo: [{ op: 'link-up', netns, ifname: 'eth1' }],
          },
        ],
      }),
    );
    const restore = await failover('--restore');
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('undone: leaf1a/cut');
    expect(await allUp('leaf1a')).toEqual([]);
    expect(existsSync(journal)).toBe(false);
  }, 150_000);
});
