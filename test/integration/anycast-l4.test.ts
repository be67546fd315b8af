/**
 * Anycast, the L4 side (issue 11, docs/active-active.md "Anycast: the L4 side"), for real, in
 * three network namespaces of this run:
 * - `l4`: aa-a's lb1, running its rendered keepalived.conf and frr.conf (zebra, bfdd, bgpd), with
 *   its NICs eth1 (segment public) and eth2 (segment lbnet);
 * - `vr`: aa-a's vr1 running its rendered frr.conf (the fabric side of the session), its eth2 on
 *   the public segment cabled to lb1's eth1;
 * - `rs`: the real servers web1 and web2 (their lbnet addresses, both families) as small TCP
 *   servers, one per port, cabled to lb1's eth2.
 * GIVEN all healthy THEN vr1 has the VIP's /32 from lb1 (in its kernel: what the fabric would use);
 * WHEN every real server is killed (by PID) THEN vr1 loses it within the budget; WHEN they are back
 * THEN it returns. WHEN every keepalived process is killed with SIGKILL THEN the VIP stays on eth1
 * and the route stays announced (the trap, shown), and the rendered systemd drop-in's
 * `ExecStopPost=` lines (what systemd runs when keepalived's main process ends) withdraw it within
 * the budget; WHEN keepalived starts again THEN the route returns. Times are printed; only the
 * budget is asserted. Every process is stopped by its PID in afterAll, the namespaces removed.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUORUM_FILE_PREFIX } from '../../src/compile/anycast.js';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { AnycastModel } from '../../src/model/gslb.js';
import type { Device, L4lbAnycastDevice, SiteModel } from '../../src/model/types.js';
import { ObservationRound } from '../../src/observe/runner.js';
import { type AnycastAnnounce, anycastAnnounce } from '../../src/verify/checks/anycast-announce.js';
import { deriveContext } from '../../src/verify/checks/index.js';
import type { CheckResult } from '../../src/verify/checks/spec.js';
import { REPO } from '../support/cli.js';
import {
  KEEPALIVED_PIDS,
  keepalivedLog,
  keepalivedPids,
  spawnKeepalivedVrrp,
} from '../support/keepalived.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { alive, DAEMON_PACKAGES, ensureInstalled, requireRoot, stopPid } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const netns = new TestNetns('ac');
const children: ChildProcess[] = [];
let dir: string;
let ns: { l4: string; vr: string; rs: string };
let lb1: DeepReadonly<L4lbAnycastDevice>;
let site: DeepReadonly<SiteModel>;
let vr1: DeepReadonly<Device>;
let files: (device: string, file: string) => string;
let anycast: DeepReadonly<AnycastModel>;
let vip: string;
/** FRR's folders (sockets, pid files, logs) in lb1's and vr1's namespaces. */
let frrL4: string;
let frrVr: string;
/** The real servers' TCP listeners, by port. */
const servers = new Map<number, number>();

function sleep(s: number): void {
  spawnSync('sleep', [String(s)]);
}

function waitFor(ok: () => boolean, ms: number, what: string): void {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    sleep(0.1);
  }
}

/** Milliseconds until `ok`, polled every 20 ms; null after `ms`. */
function timeUntil(ok: () => boolean, ms: number, from = Date.now()): number | null {
  while (Date.now() - from < ms) {
    if (ok()) return Date.now() - from;
    sleep(0.02);
  }
  return ok() ? Date.now() - from : null;
}

const sh = (n: string, cmd: string) => netns.exec(n, ['sh', '-c', cmd]);

/** The VIP's host route in vr1's kernel: what zebra installed from lb1's announcement. */
const announced = () => sh(ns.vr, `ip -4 route show ${vip}/32 proto bgp`).out.trim() !== '';
const vipOnLb1 = () => sh(ns.l4, `ip -4 addr show dev eth1`).out.includes(`${vip}/32`);

/** zebra, bfdd and bgpd of one namespace, their sockets, pidfiles and logs in `d`. */
function startFrr(n: string, d: string, conf: string): void {
  chownSync(
    d,
    Number(execFileSync('id', ['-u', 'frr'], { encoding: 'utf8' })),
    Number(execFileSync('id', ['-g', 'frr'], { encoding: 'utf8' })),
  );
  const empty = join(d, 'empty.conf');
  writeFileSync(empty, '');
  for (const daemon of ['zebra', 'bfdd', 'bgpd']) {
    const extra = daemon === 'bfdd' ? ['--bfdctl', join(d, 'bfdd.sock')] : [];
    netns.ownsPidFile(join(d, `${daemon}.pid`));
    execFileSync(
      'ip',
      [
        'netns',
        'exec',
        n,
        `/usr/lib/frr/${daemon}`,
        '-d',
        '-f',
        empty,
        '-z',
        join(d, 'zserv.api'),
        '--vty_socket',
        d,
        '-i',
        join(d, `${daemon}.pid`),
        '--log',
        `file:${join(d, `${daemon}.log`)}`,
        ...extra,
      ],
      { stdio: 'pipe' },
    );
    if (daemon === 'zebra') waitFor(() => existsSync(join(d, 'zserv.api')), 5000, 'zebra socket');
  }
  // the namespace has no snmpd (agentx) and logs to the test's folder
  const file = join(d, 'frr.conf');
  writeFileSync(
    file,
    conf.replace(/^log file \S+/m, `log file ${join(d, 'frr.log')}`).replace(/^agentx\n/m, ''),
  );
  const r = netns.exec(n, ['vtysh', '--vty_socket', d, '-f', file]);
  expect(r.code, r.out).toBe(0);
}

/** Each virtual server's rendered quorum commands, in keepalived.conf's order. */
function quorumCommands(): { address: string; port: number; up: string; down: string }[] {
  const conf = files('lb1', 'keepalived.conf');
  return [
    ...conf.matchAll(
      /^virtual_server (\S+) (\d+) \{\n(?:.*\n)*?\s+quorum_up "(.+)"\n\s+quorum_down "(.+)"$/gm,
    ),
  ].map((m) => ({ address: m[1]!, port: Number(m[2]), up: here(m[3]!), down: here(m[4]!) }));
}

/**
 * keepalived's checker, which cannot run here (keepalived runs VRRP only: test/support/keepalived.ts):
 * it checks the real servers as TCP_CHECK does, and each virtual server whose real servers accept
 * fewer TCP connections than the quorum runs its rendered quorum_down, else its quorum_up, as
 * keepalived does on a quorum change. Returns the ms the checks took (the commands run after them).
 */
function checker(): { checkMs: number; up: number } {
  const t0 = Date.now();
  const results = lb1.keepalived.virtualServers.map((vs) => {
    const healthy = vs.realServers.filter(
      (r) =>
        sh(ns.l4, `timeout 0.5 bash -c 'exec 3<>/dev/tcp/${r.address}/${r.port}' 2>/dev/null`).code === 0,
    ).length;
    return { vs, ok: healthy >= (vs.quorum?.count ?? 1) };
  });
  const checkMs = Date.now() - t0;
  const commands = quorumCommands();
  for (const { vs, ok } of results) {
    const c = commands.find((x) => x.address === vs.address && x.port === vs.port);
    if (!c) throw new Error(`no quorum commands for ${vs.address} ${vs.port} in lb1's keepalived.conf`);
    sh(ns.l4, ok ? c.up : c.down);
  }
  return { checkMs, up: results.filter((r) => r.ok).length };
}

/** The quorum files in the test's folder instead of /run. */
const here = (text: string) => text.replaceAll(QUORUM_FILE_PREFIX, join(dir, 'fabric-anycast.'));

/**
 * verify's `anycast-announce` check of lb1's IPv4 VIP, evaluated on the namespaces' real
 * keepalived, quorum files and bgpd, with `down` failed in the model (vr2 always: the test runs
 * vr1 only). The commands are verify's own, pointed at this test's FRR socket and quorum files.
 */
async function announceCheck(...down: string[]): Promise<CheckResult & { e: AnycastAnnounce }> {
  return familyCheck('ipv4', ...down);
}

/** The same check of lb1's VIP of one family (IPv6: held under quorum, not announced). */
async function familyCheck(
  family: 'ipv4' | 'ipv6',
  ...down: string[]
): Promise<CheckResult & { e: AnycastAnnounce }> {
  const ctx = deriveContext(site, { devices: new Set(['vr2', ...down]), links: new Set() });
  const e = anycastAnnounce.derive(ctx).find((x) => x.device === 'lb1' && (x.family ?? 'ipv4') === family);
  if (!e) throw new Error('no anycast-announce expectation on lb1');
  const round = new ObservationRound({
    run: async (_device, command) => {
      const r = sh(ns.l4, here(command).replaceAll('vtysh ', `vtysh --vty_socket ${frrL4} `));
      return { code: r.code, stdout: r.out, stderr: '' };
    },
  });
  return {
    ...(await anycastAnnounce.evaluate(
      { ...e, quorumFiles: e.quorumFiles.map((f) => ({ ...f, file: here(f.file) })) },
      round,
    )),
    e,
  };
}

/** keepalived in lb1's namespace with its rendered config, quorum files in the test's folder. */
function startKeepalived(): void {
  const conf = join(dir, 'keepalived.conf');
  writeFileSync(
    conf,
    files('lb1', 'keepalived.conf').replaceAll('/run/fabric-anycast.', `${dir}/fabric-anycast.`),
  );
  const child = spawnKeepalivedVrrp(ns.l4, conf, dir);
  children.push(child);
  try {
    waitFor(() => KEEPALIVED_PIDS.every((f) => existsSync(join(dir, f))), 10_000, 'keepalived pid files');
  } catch (e) {
    throw new Error(`${(e as Error).message}; keepalived said:\n${keepalivedLog(dir)}`);
  }
}

const TCP = `
import socket, sys
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('::', int(sys.argv[1])))
s.listen(64)
while True:
    c, _ = s.accept()
    c.close()
`;

/** One dual-stack TCP listener per port of the VIP in the real servers' namespace. */
function startServers(): void {
  const ports = [...new Set(lb1.keepalived.virtualServers.map((v) => v.port))];
  for (const port of ports) {
    const child = spawn('ip', ['netns', 'exec', ns.rs, 'python3', join(dir, 'tcp.py'), String(port)], {
      stdio: 'ignore',
    });
    children.push(child);
    servers.set(port, child.pid!);
  }
  waitFor(
    () => ports.every((p) => sh(ns.rs, `ss -Hltn 'sport = :${p}'`).out.trim() !== ''),
    5000,
    'real servers listening',
  );
}

function link(a: string, aName: string, b: string, bName: string, tag: string): void {
  const x = `${netns.prefix}${tag}a`;
  const y = `${netns.prefix}${tag}b`;
  execFileSync('ip', ['link', 'add', x, 'type', 'veth', 'peer', 'name', y]);
  execFileSync('ip', ['link', 'set', x, 'netns', a]);
  execFileSync('ip', ['link', 'set', y, 'netns', b]);
  execFileSync('ip', ['-n', a, 'link', 'set', x, 'name', aName, 'up']);
  execFileSync('ip', ['-n', b, 'link', 'set', y, 'name', bName, 'up']);
}

function addresses(n: string, d: DeepReadonly<Device>, nic: string, on = nic): void {
  for (const a of d.interfaces.find((i) => i.name === nic)!.addresses)
    execFileSync('ip', [
      '-n',
      n,
      'addr',
      'add',
      `${a.address}/${a.prefixLength}`,
      'dev',
      on,
      ...(a.family === 'ipv6' ? ['nodad'] : []),
    ]);
}

function report(what: string, ms: number | null, model: number): void {
  console.log(
    `anycast ${what}: ${ms === null ? 'not within the wait' : `${ms} ms`} (model ${model} ms, budget ${anycast.budget} ms)`,
  );
}

beforeAll(() => {
  requireRoot();
  ensureInstalled([
    ...DAEMON_PACKAGES.filter((r) => ['frr', 'keepalived', 'iproute2'].includes(r.pkg)),
    { bin: 'python3', pkg: 'python3' },
  ]);
  const [a] = renderExample(FIXTURE).filter((s) => s.site.name === 'aa-a');
  if (!a) throw new Error('no site aa-a in the active-active fixture');
  site = a.site;
  files = (device, file) => {
    const f = a.rendered.files.find((x) => x.device === device && x.file === file);
    if (!f) throw new Error(`${device} has no rendered ${file}`);
    return f.content;
  };
  const l4 = a.site.devices.find((d) => d.name === 'lb1');
  if (!l4 || !('anycast' in l4)) throw new Error('lb1 of aa-a announces no anycast VIP');
  lb1 = l4 as DeepReadonly<L4lbAnycastDevice>;
  anycast = lb1.anycast;
  vip = anycast.announcements.find((x: { family: string }) => x.family === 'ipv4')!.prefix.split('/')[0]!;
  vr1 = a.site.devices.find((d) => d.name === 'vr1')!;
  dir = tempDir('fabric-anycast-');
  writeFileSync(join(dir, 'tcp.py'), TCP);
  ns = { l4: netns.add('l4'), vr: netns.add('vr'), rs: netns.add('rs') };
  // cables: lb1 eth1 ↔ vr1 eth2 (segment public), lb1 eth2 ↔ the real servers (segment lbnet)
  link(ns.l4, 'eth1', ns.vr, 'eth2', 'p');
  link(ns.l4, 'eth2', ns.rs, 'eth1', 'l');
  addresses(ns.l4, lb1, 'eth1');
  addresses(ns.l4, lb1, 'eth2');
  addresses(ns.vr, vr1, 'eth2');
  const web = (name: string) => a.site.devices.find((d) => d.name === name)!;
  addresses(ns.rs, web('web1'), 'eth1');
  addresses(ns.rs, web('web2'), 'eth1');
  startServers();
  frrL4 = tempDir('fabric-anycast-l4-');
  frrVr = tempDir('fabric-anycast-vr-');
  startFrr(ns.vr, frrVr, files('vr1', 'frr.conf'));
  startFrr(ns.l4, frrL4, files('lb1', 'frr.conf'));
  startKeepalived();
}, 120_000);

afterAll(() => {
  for (const pid of keepalivedPids(dir)) stopPid(pid);
  for (const c of children.splice(0)) if (c.pid) stopPid(c.pid);
  netns.cleanup();
});

describe('GIVEN lb1 (keepalived + FRR), vr1 (FRR) and the real servers web1, web2 in namespaces', () => {
  it('THEN vr1 has the VIP from lb1 while lb1 is master with quorum', async () => {
    // keepalived starts every quorum file as "none" (init_file 1): FAULT until the checks pass
    sleep(1);
    expect(vipOnLb1(), 'lb1 holds the VIP before any check passed').toBe(false);
    expect(checker().up).toBe(lb1.keepalived.virtualServers.length);
    // vr1's update-delay (10 s): well within a minute
    const ms = timeUntil(announced, 60_000);
    console.log(`anycast announced after start: ${ms} ms`);
    const why = () =>
      [
        `keepalived:\n${keepalivedLog(dir).split('\n').slice(-40).join('\n')}`,
        `lb1 addresses:\n${sh(ns.l4, 'ip addr show').out}`,
        `vr1 bgp:\n${sh(ns.vr, `vtysh --vty_socket ${frrVr} -c 'show bgp summary' -c 'show bgp ipv4 unicast'`).out}`,
        `lb1 bgp:\n${sh(ns.l4, `vtysh --vty_socket ${frrL4} -c 'show bgp summary' -c 'show bgp ipv4 unicast'`).out}`,
        `quorum files: ${sh(ns.l4, `head ${dir}/fabric-anycast.*`).out}`,
      ].join('\n');
    expect(ms, `vr1 never got the VIP /32 from lb1\n${ms === null ? why() : ''}`).not.toBeNull();
    expect(vipOnLb1()).toBe(true);
    // verify's check reads the same: held, announced to vr1, quorum on both ports
    const seen = await announceCheck();
    console.log(`anycast-announce:lb1 (healthy): ${seen.ok ? 'pass' : 'FAIL'}: ${seen.detail}`);
    expect(seen.ok, seen.detail).toBe(true);
    expect(seen.detail).toMatch(new RegExp(`^holds ${vip}/32, announces it to vr1; quorum on every port`));
    // and lb1's IPv6 VIP, held as a /128 under the same quorum (VRRPv3: its own election)
    const v6 = await familyCheck('ipv6');
    console.log(`anycast-announce:ipv6:lb1 (healthy): ${v6.ok ? 'pass' : 'FAIL'}: ${v6.detail}`);
    expect(v6.ok, v6.detail).toBe(true);
  }, 90_000);

  it('WHEN every real server is killed THEN vr1 loses the VIP within the budget, and gets it back after repair', async () => {
    expect(announced()).toBe(true);
    for (const pid of servers.values()) stopPid(pid, 'SIGKILL');
    // keepalived's checker would see them fail within l4CheckDetectionMs; the stand-in checks now
    const { checkMs, up } = checker();
    expect(up).toBe(0);
    const t0 = Date.now();
    const gone = timeUntil(() => !announced(), 10_000, t0);
    report(
      `withdrawn after quorum_down (checks took ${checkMs} ms; keepalived's detection is part of the model)`,
      gone,
      anycast.quorumLostMs,
    );
    expect(
      gone,
      `still announced 10 s after every real server died\n${keepalivedLog(dir).split('\n').slice(-30).join('\n')}`,
    ).not.toBeNull();
    expect(gone!).toBeLessThanOrEqual(anycast.budget);
    expect(vipOnLb1(), 'keepalived keeps the VIP without quorum').toBe(false);
    // verify says why: no quorum (unexpected in the intact model; expected with web1, web2 down)
    const unexpected = await announceCheck();
    console.log(`anycast-announce:lb1 (real servers dead): ${unexpected.detail}`);
    expect(unexpected).toMatchObject({ ok: false, code: 'quorum-lost' });
    expect(unexpected.detail).toMatch(/^no quorum on 80 \(.*: 1\), 443 \(.*: 1\)/);
    const expected = await announceCheck('web1', 'web2');
    expect(expected.e.quorum).toBe(false);
    expect(expected.ok, expected.detail).toBe(true);
    expect(expected.detail).toMatch(/^withdrawn, as expected: no quorum on 80/);
    const v6lost = await familyCheck('ipv6');
    expect(v6lost, v6lost.detail).toMatchObject({ ok: false, code: 'quorum-lost' });
    startServers();
    expect(checker().up).toBe(lb1.keepalived.virtualServers.length);
    const t1 = Date.now();
    const back = timeUntil(announced, 30_000, t1);
    console.log(`anycast announced again after quorum_up: ${back} ms`);
    expect(back).not.toBeNull();
    // with web1 and web2 failed in the model, quorum on every port means a checker that missed it
    const kept = await announceCheck('web1', 'web2');
    expect(kept).toMatchObject({ ok: false, code: 'quorum-kept' });
    expect((await announceCheck()).ok).toBe(true);
  }, 60_000);

  it('WHEN every keepalived process is SIGKILLed THEN the VIP stays (the trap), and the drop-in’s ExecStopPost withdraws it within the budget', async () => {
    expect(announced()).toBe(true);
    const pids = keepalivedPids(dir);
    expect(pids.length).toBe(KEEPALIVED_PIDS.length);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    sleep(1);
    const trap = { vip: vipOnLb1(), route: announced() };
    console.log(
      `anycast trap: 1 s after SIGKILL of keepalived (${pids.join(', ')}): VIP on eth1 ${trap.vip}, announced ${trap.route}`,
    );
    // what systemd runs once keepalived's main process is gone (keepalived/restart.conf)
    const dropIn = files('lb1', 'keepalived/restart.conf');
    const stopPost = [...dropIn.matchAll(/^ExecStopPost=-(.+)$/gm)].map((m) => m[1]!);
    expect(stopPost.length).toBeGreaterThan(0);
    const t0 = Date.now();
    for (const cmd of stopPost) sh(ns.l4, here(cmd));
    const gone = timeUntil(() => !announced(), 10_000, t0);
    report('withdrawn after ExecStopPost', gone, anycast.keepalivedDeadMs);
    expect(gone, 'still announced after the ExecStopPost lines ran').not.toBeNull();
    // the quorum files say "none" again: verify names that, not a stale announcement
    const reset = await announceCheck();
    expect(reset, reset.detail).toMatchObject({ ok: false, code: 'quorum-lost' });
    expect(gone!).toBeLessThanOrEqual(anycast.budget);
    // repair: keepalived again (systemd's Restart=always)
    const t1 = Date.now();
    startKeepalived();
    // the quorum files say "none" again (ExecStopPost): no VIP until the checks pass
    sleep(1);
    expect(vipOnLb1(), 'the restarted keepalived holds the VIP before any check passed').toBe(false);
    checker();
    const back = timeUntil(announced, 30_000, t1);
    console.log(`anycast announced again after keepalived restarted: ${back} ms`);
    expect(back).not.toBeNull();
  }, 90_000);

  it('WHEN only keepalived’s VRRP process is SIGKILLed THEN (observed) keepalived’s parent restarts it', () => {
    expect(announced()).toBe(true);
    const vrrp = Number(readFileSync(join(dir, 'vrrp.pid'), 'utf8').trim());
    const t0 = Date.now();
    process.kill(vrrp, 'SIGKILL');
    const samples: string[] = [];
    let withdrawn: number | null = null;
    let respawned: number | null = null;
    while (Date.now() - t0 < 8000) {
      const now = Date.now() - t0;
      if (withdrawn === null && !announced()) withdrawn = now;
      const pid = existsSync(join(dir, 'vrrp.pid'))
        ? Number(readFileSync(join(dir, 'vrrp.pid'), 'utf8').trim())
        : 0;
      if (respawned === null && pid > 1 && pid !== vrrp && alive(pid)) respawned = now;
      if (samples.length < 40 && now % 200 < 25)
        samples.push(`${now}ms:vip=${vipOnLb1()},route=${announced()}`);
      sleep(0.02);
    }
    console.log(
      `anycast VRRP child SIGKILLed: withdrawn at ${withdrawn} ms, new VRRP process at ${respawned} ms, announced at 8 s: ${announced()}`,
    );
    console.log(samples.join(' '));
    // the pair must end up serving again: announced once the new VRRP process is master
    expect(timeUntil(announced, 20_000)).not.toBeNull();
  }, 60_000);
});
