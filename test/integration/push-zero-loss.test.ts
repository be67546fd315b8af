/**
 * Issue 10 step 4: a push that touches every device, while `lab failover`'s probes run
 * (`fabric push --probe-lab`), keeps every pair's other half serving and says per wave what the
 * traffic lost against the budget (the budget itself is measured by bench:push).
 *
 * GIVEN idc-a's lab up and converged, on the rendered configs
 * WHEN a change that every daemon must reload is pushed with --probe-lab — BGP timers (FRR on
 *      every router), the VRRP advert interval (keepalived on the vRouters and the L4 pair), the
 *      HAProxy down-interval (both HAProxies), a new tenant segment (OVS on every hypervisor, the
 *      leaves' prefix-lists)
 * THEN every managed device is applied, in waves, the gates pass, and per wave the probes (pings
 *      between racks and between VMs, HTTP to the VIP from both upstreams) answer again before
 *      the next wave, with no outage of a whole pair; the verdict against the budget (0 failed
 *      requests, 350 ms of pings) is in the report, JSON and text, and in the exit status.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaveTraffic } from '../../src/push/traffic.js';
import { labDownLeavesNothing, labUpFromExample, runName } from '../fixtures/lab/support.js';
import { runFabric } from '../support/cli.js';

const lab = runName('zp');
let dir: string;
let inventory: string;
let ids: Set<string>;

interface PushJson {
  result: string;
  message: string;
  waves: { index: number; devices: string[]; gate: { ok: boolean } | null; traffic?: WaveTraffic }[];
  devices: { device: string; status: string; changes: string[] }[];
  probes?: {
    lab: string;
    budget: { pingLossMs: number; failedRequests: number };
    pings: number;
    requests: number;
    notAnswering: string[];
    ok: boolean;
    reasons: string[];
  };
}

const sshEnv = () => ({ FABRIC_SSH_CONFIG: join(dir, 'lab', `clab-${lab}`, 'ssh_config') });

const push = (...extra: string[]) =>
  runFabric(['--inventory', inventory, 'push', '--site', 'idc-a', '--yes', ...extra], {
    cwd: dir,
    env: sshEnv(),
  });

async function render(): Promise<void> {
  const r = await runFabric(['--inventory', inventory, 'render', '--site', 'idc-a'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

function edit(file: string, from: string, to: string): void {
  const path = join(inventory, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(async () => {
  ({ dir, inventory, ids } = await labUpFromExample(lab, { flags: ['--wait', '180'] }));
  await render();
}, 300_000);

afterAll(async () => {
  if (dir) await labDownLeavesNothing(lab, dir, ids);
}, 120_000);

describe('fabric push --probe-lab', () => {
  it('GIVEN no lab of that name THEN exit 2, saying probes need a running lab; with --dry-run too', async () => {
    const none = await push('--probe-lab', `${lab}-none`);
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toMatch(
      new RegExp(`--probe-lab ${lab}-none: .*probes run only inside a running lab`),
    );
    const dry = await push('--probe-lab', lab, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/--probe-lab .* --dry-run changes nothing/);
  });

  it('GIVEN the lab on its rendered configs WHEN a change every daemon reloads is pushed with the probes THEN every wave leaves the traffic answering, and the report judges it against the budget', async () => {
    // the lab came up on the rendered configs: the first push finds nothing (or only FRR's running config) to do
    const first = await push('--json');
    expect(first.code, first.stderr).toBe(0);
    const firstReport = JSON.parse(first.stdout) as PushJson;
    process.stderr.write(
      `first push: ${
        firstReport.devices
          .filter((d) => d.status === 'applied')
          .map((d) => `${d.device} (${d.changes.join(', ')})`)
          .join('; ') || 'nothing applied'
      }\n`,
    );
    // the probed push starts on a converged lab, as the premise says. In the clean-clone rehearsal
    // of 2026-12-07 it did not: its baseline had 89 of 916 checks failing (BGP sessions Idle on
    // leaf2a, hv1's routes missing) after `lab up --wait` had been green, on a loaded 2-vCPU
    // machine, and its first wave measured that lab's recovery, not the push
    const settled = await runFabric(
      ['--inventory', inventory, 'verify', '--site', 'idc-a', '--lab', lab, '--timeout', '180'],
      { cwd: dir },
    );
    expect(settled.code, settled.stdout).toBe(0);

    edit('idc-a.yaml', '  bfd: {', '  bgp: { keepalive: 2, hold: 6 }\n  bfd: {');
    // 0.2 -> 0.3 s: a change HAProxy must reload for. Not 2 s: that value holds any application
    // server whose check once timed out down for 2-4 s, a loss of its own, not the push's
    edit('idc-a.yaml', 'advert_int: 0.15 }', 'advert_int: 0.2 }\n  checks: { down_interval: 0.3 }');
    edit(
      'idc-a-tenants.yaml',
      '      app: { vni: 10030, subnet: 10.20.2.0/24, subnet6: 2001:db8:20:2::/64, description: L7 to application VMs }\n',
      '$&      db: { vni: 10040, subnet: 10.20.4.0/24 }\n',
    );
    // the GSLB server's zone (gdnsd reloads: `gdnsdctl replace`), so every managed device changes
    edit('gslb.yaml', 'ttl: 30 ', 'ttl: 20 ');
    await render();
    // this 2-vCPU machine is shared: the load goes with the figures
    process.stderr.write(
      `load before the push: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    const r = await push('--json', '--probe-lab', lab);
    process.stderr.write(
      `load after the push: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    process.stderr.write(r.stderr);
    const report = JSON.parse(r.stdout) as PushJson;
    process.stderr.write(
      `${JSON.stringify(
        report.waves.map((w) => ({ wave: w.index, devices: w.devices, traffic: w.traffic })),
        null,
        1,
      )}\n`,
    );
    expect(report.result, report.message).toBe('ok');
    // every managed device changed, every daemon kind among the changes
    const applied = report.devices.filter((d) => d.status === 'applied');
    expect(applied.map((d) => d.device).sort()).toEqual(report.devices.map((d) => d.device).sort());
    const files = new Set(applied.flatMap((d) => d.changes.map((c) => c.split('/').at(-1))));
    for (const f of ['frr.conf', 'keepalived.conf', 'haproxy.cfg', 'ovs.sh', 'shop.example'])
      expect(files).toContain(f);

    const probes = report.probes!;
    expect(probes.lab).toBe(lab);
    expect(probes.budget).toEqual({ pingLossMs: 350, failedRequests: 0 });
    expect(probes.notAnswering).toEqual([]);
    expect(probes.pings).toBeGreaterThan(4);
    expect(probes.requests).toBeGreaterThanOrEqual(2);
    expect(report.waves.length).toBeGreaterThan(2);
    for (const w of report.waves) {
      const t = w.traffic!;
      expect(t.sentPings, `wave ${w.index}`).toBeGreaterThan(0);
      expect(t.sentRequests, `wave ${w.index}`).toBeGreaterThan(0);
      // Issue 10's budgets per wave (350 ms of pings, 0 failed requests) are timing targets,
      // measured by `npm run bench:push -- --probed` and recorded in docs/failover.md ("A push, measured"),
      // not asserted by this timed test: on a 2-vCPU CI machine they moved from 0 to 1.5-2.2 s of
      // pings and 0-3.2 % of requests from run to run. Asserted: a push never takes both halves
      // of a pair down, so every probe answers again before the next wave starts, no ping probe
      // loses seconds (a spine pair reloaded together loses BGP's session setup, ~3-10 s), and
      // the service stays up through each wave (under 10 % of its requests fail).
      if (w !== report.waves.at(-1)) expect(t.unrecovered, `wave ${w.index}`).toEqual([]);
      expect(t.lostPingMs, `wave ${w.index}: ${t.reasons.join('; ')}`).toBeLessThan(5000);
      expect(t.failedRequests * 10, `wave ${w.index}: ${t.reasons.join('; ')}`).toBeLessThan(t.sentRequests);
    }
    const clean = report.waves.every((w) => w.traffic!.withinBudget);
    expect(probes.ok, probes.reasons.join('; ')).toBe(clean);
    expect(r.code).toBe(clean ? 0 : 1);

    // HAProxy's reload left its servers' health for the new process (server-state-file)
    for (const web of ['web1', 'web2']) {
      const state = await runFabric(
        ['lab', 'exec', '--name', lab, web, '--', 'cat', '/var/lib/haproxy/server-state'],
        { cwd: dir },
      );
      expect(state.code, `${web}: ${state.stderr}`).toBe(0);
      expect(state.stdout, web).toMatch(/^\d+ api \d+ app3 10\.20\.2\.23 \d /m);
    }

    // as text: nothing left to do, and the probes' verdict
    const again = await push('--probe-lab', lab);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/nothing-to-do/);
    expect(again.stdout).toMatch(
      /probes in lab .*: \d+ ping, \d+ HTTP; budget per wave: 350 ms of pings, 0 failed requests/,
    );
  }, 600_000);
});
