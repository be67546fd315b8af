/**
 * Issue 11 in the lab of both sites (docs/active-active.md "Both sites in one lab", "Site-level
 * scenarios"): the active-active fixture's aa-a and aa-b run in one lab, their upstreams merged,
 * with a client on the internet side.
 *
 * GIVEN `fabric lab up --site aa-a --site aa-b --wait` (both sites converged, each by its own
 * model with the shared internet's upstreams, src/verify/shared-internet.ts)
 * THEN verify of each site is green, the GSLB answers of its DNS server among its checks;
 * WHEN `fabric lab failover --site aa-a --site-loss <part>` silences aa-a's L4 pair, its
 * application servers, its edges' upstream links, or all of it, while a client in the `client`
 * node fetches www.shop.example by name at more than 20 requests per second (each resolved
 * through the GSLB servers, src/lab/node/gslb-client)
 * THEN aa-a's anycast route leaves its vRouters within the anycast budget (3 s, where they stay
 * up), every request started later than 3 s after the fault is served by aa-b, and the DNS
 * servers answer aa-b's VIP alone within the service's budget (10 s);
 * WHEN the fault is undone THEN aa-a serves again with no failed request from the repair on.
 * WHEN keepalived is SIGKILLed on aa-a's lb1 THEN the node plays its systemd drop-in (the VIP
 * deleted, keepalived started again): vr1 loses lb1's announcement within 3 s, and gets it back.
 * WHEN a change of aa-a's is pushed with `--probe-lab` THEN the probes run in aa-a's nodes of this
 * lab (`aa-a-<device>`), every one answering before the push; every wave is measured and its
 * probes answer again before the next, and the verdict is the counts' (the per-wave budget itself
 * is a timing target: SANITY_MS below, `npm run bench:two-sites -- --probed`).
 *
 * The fixture gets a second service, `any` (test/support/anycast-fixture.ts): 192.0.2.80 in both
 * sites, inside the service prefix 192.0.2.64/26 the edges aggregate (docs/active-active.md
 * "Anycast: the edges"). Its DNS answer is the same whatever happens: in each scenario the
 * upstreams stop routing the prefix to aa-a's edges within the anycast budget (3 s), every request
 * from then on is served (by aa-b: aa-a has no route left on the internet), and after the repair
 * the prefix is routed to aa-a again; its return may reset a request in flight (RETURN_RESETS_MAX
 * below names that shortfall), and `lab failover` reports it.
 *
 * The lab's IPVS stand-in plays keepalived's checker and its quorum (src/lab/node/lab-ipvs-sync):
 * the quorum files follow the real servers, as keepalived's own checker does on a VM.
 * Run it alone on the machine's lab lock: `flock /tmp/fabric-lab.lock npx vitest run
 * test/integration/lab-two-sites.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteLossResult } from '../../src/failover/site-loss-judge.js';
import type { WaveTraffic as PushWaveTraffic } from '../../src/push/traffic.js';
import { changeDownInterval, useLabBfd } from '../fixtures/active-active/anycast.js';
import { labFromFixture } from '../fixtures/lab/support.js';
import { anycastFixture } from '../support/anycast-fixture.js';
import { runFabric } from '../support/cli.js';

/**
 * The active-active fixture with `any`, one address in both sites (copied, the fixture
 * unchanged), its BFD at 300 ms × 3: the lab's 47 nodes do not hold 150 ms on this machine
 * through a loaded CI run (`useLabBfd`, test/fixtures/active-active/anycast.ts).
 */
const FIXTURE = anycastFixture();
useLabBfd(FIXTURE);
/** The sites' www VIPs (the fixture's). */
const VIP = { 'aa-a': '203.0.113.10', 'aa-b': '198.51.100.10' } as const;
/** The fixture's budgets: anycast's (the `gslb.services.www.anycast` default) and the DNS answer's. */
const ANYCAST_BUDGET_MS = 3000;
const DNS_BUDGET_MS = 10_000;
/**
 * Longer than losing both halves of a pair would cost a probe in this lab (lab-failover-budgets'
 * bound): the probed push's per-wave budget (no failed request) is a timing target, and the lab
 * of both sites, 47 nodes on 2 vCPUs, cannot hold it while a push's gates and 34 probes run
 * (the machine at 180-210 % of its 200 %; four fresh runs on 2026-12-08 failed 5 to 1488
 * requests per wave, each probe answering again within 1.8 s: docs/active-active.md "A probed
 * push in the lab of both sites"). The target is measured by `npm run bench:two-sites -- --probed`
 * here and `npm run bench:push -- --probed` on the site lab; this test asserts the mechanics.
 */
const SANITY_MS = 8000;

const lab = labFromFixture(FIXTURE, 'aa', {
  site: 'aa-a',
  sites: ['aa-a', 'aa-b'],
  flags: ['--wait', '300'],
  // dns1 and dns2 run gdnsd
  packages: [{ pkg: 'gdnsd' }],
});

/** Every BFD session of the lab that went down since it came up, `node peer: N down`, for a failure's message. */
async function bfdDownEvents(): Promise<string> {
  const status = await runFabric(['lab', 'status', '--name', lab.name, '--json'], { cwd: lab.dir });
  const nodes = (JSON.parse(status.stdout || '{}') as { nodes?: { name: string }[] }).nodes ?? [];
  const downs: string[] = [];
  for (const { name } of nodes) {
    const r = await runFabric(
      ['lab', 'exec', '--name', lab.name, name, '--', 'vtysh', '-c', 'show bfd peers counters json'],
      { cwd: lab.dir },
    );
    if (r.code !== 0) continue;
    try {
      for (const p of JSON.parse(r.stdout) as Record<string, unknown>[]) {
        // FRR 8.4 says `session-down-event`; any spelling of it is read
        const key = Object.keys(p).find((k) => k.startsWith('session-down'));
        const n = key ? Number(p[key]) : 0;
        if (n > 0)
          downs.push(`${name} ${String(p.peer ?? '')}${p.interface ? `%${p.interface}` : ''}: ${n} down`);
      }
    } catch {
      // a node without bfdd
    }
  }
  return `BFD sessions that went down: ${downs.join(', ') || 'none'}`;
}

/** One site-level scenario through `fabric lab failover --site-loss`, its JSON result. */
async function siteLoss(part: string): Promise<SiteLossResult & { code: number }> {
  const r = await runFabric(
    [
      '--inventory',
      lab.inventory,
      'lab',
      'failover',
      '--site',
      'aa-a',
      '--name',
      lab.name,
      '--site-loss',
      part,
      '--json',
    ],
    { cwd: lab.dir },
  );
  process.stderr.write(r.stderr);
  const json = JSON.parse(r.stdout || '{"results":[]}') as { results: SiteLossResult[] };
  const [result] = json.results;
  expect(result, `no result of site:aa-a/${part}: ${r.stderr}`).toBeDefined();
  process.stderr.write(`two sites, ${result!.id}: ${JSON.stringify(result!.services)}\n`);
  return { ...result!, code: r.code };
}

/**
 * What the return costs `any` (docs/active-active.md "Anycast: the edges", measured 2026-12-06),
 * the known shortfall of the target "no failed request during the return", named here rather
 * than hidden: a request in flight when an upstream's route moves back to aa-a is reset by aa-a,
 * which has no state for its connection (`ConnectionResetError`; 1 in 4 of the returns measured):
 * at most 2 per return, and nothing else. (The return of aa-a's edges failed a few requests too
 * until the vRouters sent the VIP host routes only while they hold the default route: an
 * upstream routed the prefix to aa-a before the replies had a way out.)
 */
const RETURN_RESETS_MAX = 2;

/** What the issue asks of every site-level scenario, from the client's side. */
function expectServedElsewhere(result: SiteLossResult & { code: number }, anycast: boolean): void {
  const returnGap = expectAnycastMoved(result, anycast);
  const www = result.services.find((s) => s.service === 'www')!;
  expect(www.reasons, result.id).toEqual([]);
  expect(www.ratePerSecond, 'requests per second').toBeGreaterThanOrEqual(20);
  if (anycast)
    expect(www.withdrawnMs!, "aa-a's anycast route withdrawn").toBeLessThanOrEqual(ANYCAST_BUDGET_MS);
  expect(www.failedLater, `every request ${ANYCAST_BUDGET_MS} ms after the fault is served`).toEqual([]);
  expect(www.servedLaterBy).toEqual([VIP['aa-b']]);
  expect(www.dnsMs!, `the DNS answers aa-b alone within ${DNS_BUDGET_MS} ms`).toBeLessThanOrEqual(
    DNS_BUDGET_MS,
  );
  expect(www.backMs, 'aa-a answered and serving again after the repair').not.toBeNull();
  expect(www.failedDuringReturn, 'no failed request during the return').toEqual([]);
  expect(result.verdict).toBe(returnGap ? 'fail' : 'pass');
  expect(result.code).toBe(returnGap ? 1 : 0);
}

/**
 * `any`, on one address in both sites: the upstreams' routes move, not the DNS answer. True when
 * requests failed during the return within the known shortfall (RETURN_RESETS_MAX).
 */
function expectAnycastMoved(result: SiteLossResult, fromL4: boolean): boolean {
  const any = result.services.find((s) => s.service === 'any')!;
  expect(any, `${result.id}: no outcome for any`).toBeDefined();
  const gap = any.failedDuringReturn.length;
  expect(gap, `${result.id}: reset during the return`).toBeLessThanOrEqual(RETURN_RESETS_MAX);
  for (const f of any.failedDuringReturn)
    expect(f, `${result.id}: in flight`).toContain('ConnectionResetError');
  expect(any.reasons, `${result.id} any`).toEqual(gap ? [`${gap} request(s) failed during the return`] : []);
  expect(any.ratePerSecond, 'requests per second to any').toBeGreaterThanOrEqual(20);
  if (fromL4) expect(any.withdrawnMs!, "the /32 off aa-a's vRouters").toBeLessThanOrEqual(ANYCAST_BUDGET_MS);
  expect(any.prefixWithdrawnMs!, '192.0.2.64/26 no longer routed to aa-a').toBeLessThanOrEqual(
    ANYCAST_BUDGET_MS,
  );
  expect(any.failedLater, `every request to any ${ANYCAST_BUDGET_MS} ms after the fault is served`).toEqual(
    [],
  );
  expect(any.backMs, 'the prefix routed to aa-a again after the repair').not.toBeNull();
  return gap > 0;
}

describe('the lab of aa-a and aa-b: www.shop.example from the internet, by name', () => {
  it('GIVEN lab up --wait of both sites THEN verify of each site is green, the GSLB answers of both DNS servers among its checks', async () => {
    for (const site of ['aa-a', 'aa-b']) {
      const r = await runFabric(
        [
          '--inventory',
          lab.inventory,
          'verify',
          '--site',
          site,
          '--lab',
          lab.name,
          '--json',
          '--timeout',
          '120',
        ],
        { cwd: lab.dir },
      );
      const json = JSON.parse(r.stdout || '{}') as { results: { id: string; ok: boolean; seen: string }[] };
      expect(
        json.results.filter((x) => !x.ok).map((x) => `${x.id}: ${x.seen}`),
        site,
      ).toEqual([]);
      expect(r.code, r.stderr).toBe(0);
      const gslb = json.results.filter((x) => x.id.startsWith('gslb-answers:'));
      expect(gslb.map((x) => x.id).sort(), site).toEqual(
        site === 'aa-a'
          ? ['gslb-answers:dns1:any.shop.example', 'gslb-answers:dns1:www.shop.example']
          : ['gslb-answers:dns2:any.shop.example', 'gslb-answers:dns2:www.shop.example'],
      );
      // each vRouter sends the VIP host routes of 192.0.2.64/26 to its hypervisor: it holds the default
      const conditional = json.results.filter((x) => x.id.startsWith('conditional-advertisement:'));
      expect(conditional.map((x) => x.id).sort(), site).toEqual([
        'conditional-advertisement:vr1:eth1',
        'conditional-advertisement:vr2:eth1',
      ]);
      // per anycast VIP, one L4 member holds and announces it (the master), the other is ready
      const announce = json.results.filter((x) => x.id.startsWith('anycast-announce:'));
      const holders = announce.filter((x) => x.seen.startsWith('holds '));
      expect(announce.length, site).toBeGreaterThanOrEqual(2);
      expect(holders.length * 2, `${site}: ${announce.map((x) => `${x.id}: ${x.seen}`).join('; ')}`).toBe(
        announce.length,
      );
    }
  }, 400_000);

  it("GIVEN aa-a's L4 pair silent (`--site-loss l4`) THEN aa-a's anycast route goes within 3 s, aa-b serves every request from then on, the DNS answers aa-b alone within 10 s; repaired THEN aa-a serves again with no failed request", async () => {
    expectServedElsewhere(await siteLoss('l4'), true);
  }, 300_000);

  it("GIVEN all of aa-a's application servers silent (`--site-loss apps`) THEN the same, and the same return", async () => {
    expectServedElsewhere(await siteLoss('apps'), true);
  }, 300_000);

  it("GIVEN aa-a's edges cut off from the internet (`--site-loss edges`) THEN aa-b serves, the DNS answers aa-b alone; repaired THEN aa-a again", async () => {
    expectServedElsewhere(await siteLoss('edges'), false);
  }, 300_000);

  it('GIVEN all of aa-a silent (`--site-loss all`) THEN the same', async () => {
    expectServedElsewhere(await siteLoss('all'), false);
  }, 300_000);

  it("GIVEN keepalived SIGKILLed on aa-a's lb1 (the trap: a dead health process) THEN its drop-in deletes the VIP and vr1 loses lb1's announcement within 3 s; Restart=always brings lb1 back", async () => {
    // vr1 polls its BGP table for lb1's path to the VIP (lb1 peers from 203.0.113.11); the nodes
    // share the machine's clock, so the kill's time on lb1 and vr1's times compare
    const poll = [
      'end=$(( $(date +%s) + 25 )); gone=; back=',
      'while [ $(date +%s) -lt $end ]; do',
      '  t=$(date +%s%N)',
      `  if vtysh -c 'show bgp ipv4 unicast ${VIP['aa-a']}/32 json' | grep -Eq '"peerId": ?"203\\.0\\.113\\.11"'; then`,
      '    [ -n "$gone" ] && { back=$t; break; }',
      '  else [ -z "$gone" ] && gone=$t; fi',
      '  sleep 0.05',
      'done',
      'echo "gone=$gone back=$back"',
    ].join('\n');
    const before = await lab.exec('aa-a-vr1', 'vtysh', '-c', `show bgp ipv4 unicast ${VIP['aa-a']}/32 json`);
    expect(before.stdout, "lb1 announces aa-a's VIP").toMatch(/"peerId": ?"203\.0\.113\.11"/);
    const polled = lab.exec('aa-a-vr1', 'sh', '-c', poll);
    await new Promise((r) => setTimeout(r, 1000));
    const kill = await lab.exec(
      'aa-a-lb1',
      'sh',
      '-c',
      'old=$(head -n 1 /run/keepalived.pid); kids=$(cat /proc/$old/task/*/children); date +%s%N; kill -9 $kids $old',
    );
    expect(kill.code, kill.stderr).toBe(0);
    const killedAt = Number(kill.stdout.trim()) / 1e6;
    const r = await polled;
    const [, gone, back] = /gone=(\d*) back=(\d*)/.exec(r.stdout) ?? [];
    const goneMs = Number(gone || Number.NaN) / 1e6 - killedAt;
    const backMs = Number(back || Number.NaN) / 1e6 - killedAt;
    process.stderr.write(
      `two sites: aa-a lb1's keepalived SIGKILLed: announcement gone at ${goneMs} ms, back at ${backMs} ms\n`,
    );
    expect(goneMs, r.stdout + r.stderr).toBeLessThanOrEqual(ANYCAST_BUDGET_MS);
    expect(backMs, 'lb1 announces again once keepalived is back and master').toBeGreaterThan(goneMs);
    const verify = await runFabric(
      ['--inventory', lab.inventory, 'verify', '--site', 'aa-a', '--lab', lab.name, '--timeout', '120'],
      { cwd: lab.dir },
    );
    expect(verify.code, verify.stdout).toBe(0);
  }, 300_000);

  it("GIVEN a change of aa-a's pushed with --probe-lab THEN the probes run in aa-a's nodes of the lab of both sites, all answering, every wave measured and recovered, and the verdict is the counts'", async () => {
    const fabric = (...args: string[]) =>
      runFabric(['--inventory', lab.inventory, ...args], {
        cwd: lab.dir,
        env: { FABRIC_SSH_CONFIG: join(lab.dir, 'lab', `clab-${lab.name}`, 'ssh_config') },
      });
    const render = async () => {
      const r = await fabric('render', '--site', 'aa-a');
      expect(r.code, r.stderr).toBe(0);
    };
    await render();
    // the lab came up on the rendered configs: the first push finds little or nothing to do
    const first = await fabric('push', '--site', 'aa-a', '--yes', '--json');
    expect(first.code, first.stderr).toBe(0);
    // a change HAProxy reloads for (as in push-zero-loss)
    changeDownInterval(lab.inventory);
    await render();
    const r = await fabric('push', '--site', 'aa-a', '--yes', '--json', '--probe-lab', lab.name);
    process.stderr.write(r.stderr);
    const report = JSON.parse(r.stdout || '{}') as {
      result: string;
      message: string;
      devices: { device: string; status: string }[];
      waves: { index: number; traffic?: PushWaveTraffic }[];
      probes?: {
        lab: string;
        pings: number;
        requests: number;
        notAnswering: string[];
        ok: boolean;
        reasons: string[];
      };
    };
    expect(report.result, `${report.message}\n${r.stderr}`).toBe('ok');
    expect(report.devices.filter((d) => d.status === 'applied').map((d) => d.device)).toEqual(
      expect.arrayContaining(['web1', 'web2']),
    );
    const probes = report.probes!;
    expect(probes.lab).toBe(lab.name);
    expect(probes.notAnswering, 'every probe answered before the push').toEqual([]);
    expect(probes.pings).toBeGreaterThan(4);
    expect(probes.requests).toBeGreaterThanOrEqual(2);
    // what each wave cost, for the log and for a failure's message (with the BFD sessions that
    // went down in the lab: a flap moves routes under the probes)
    const waves = report.waves.map(
      (w) =>
        `wave ${w.index}: ${w.traffic?.failedRequests ?? '?'} of ${w.traffic?.sentRequests ?? '?'} requests failed, ${w.traffic?.lostPings ?? '?'} of ${w.traffic?.sentPings ?? '?'} pings lost, longest outage ${w.traffic?.longestOutageMs ?? '?'} ms (${w.traffic?.worstProbe ?? 'none'})`,
    );
    process.stderr.write(`two sites, probed push: ${waves.join('; ')}\n`);
    const why = async () =>
      [
        r.stderr,
        ...report.waves.map((w) => `wave ${w.index}: ${JSON.stringify(w.traffic?.probes ?? [])}`),
        await bfdDownEvents(),
      ].join('\n');
    // Issue 10's budget per wave (no failed request) is a timing target (SANITY_MS says why this
    // lab cannot hold it); asserted, as push-zero-loss does on the site lab: every wave measured,
    // every probe answering again before the next wave starts, no ping probe losing seconds, and
    // none out for as long as losing both halves of a pair would cost
    for (const [i, w] of report.waves.entries()) {
      const t = w.traffic;
      expect(t, `wave ${w.index} has no traffic report`).toBeDefined();
      expect(t!.sentRequests, `wave ${w.index}`).toBeGreaterThan(0);
      expect(t!.sentPings, `wave ${w.index}`).toBeGreaterThan(0);
      const wrong =
        (w !== report.waves.at(-1) && t!.unrecovered.length > 0) ||
        t!.lostPingMs >= 5000 ||
        t!.longestOutageMs >= SANITY_MS;
      expect(wrong, `${waves[i]}\n${wrong ? await why() : ''}`).toBe(false);
    }
    // the verdict is the counts': a wave that failed a request or lost more pings than the
    // budget says so, and the exit status is 1 (the target itself: bench:two-sites --probed)
    const clean = report.waves.every((w) => w.traffic!.withinBudget);
    expect(probes.ok, probes.reasons.join('; ')).toBe(clean);
    expect(r.code).toBe(clean ? 0 : 1);
  }, 300_000);
});
