/**
 * A VRRP master re-announces its virtual addresses on its own (`vrrp_garp_master_refresh`,
 * src/compile/keepalived.ts `GARP_MASTER_REFRESH_S`), with Debian's keepalived on a rendered
 * config.
 *
 * GIVEN data-mq's lb1 running its rendered keepalived.conf (VRRP only) in a namespace of the
 * test's own, its eth1 and eth2 cabled to a host namespace, and master of both families' VIPs
 * WHEN the host's neighbour entries for the gateway VIPs point at another MAC, REACHABLE (what a
 * split brain leaves when the healed master's one burst of ARPs and NAs is lost: the data-mq lab,
 * 2026-12-07, docs/failover.md)
 * THEN they point at lb1's eth2 again within the refresh interval (plus a second of slack), and
 * the rendered file says `vrrp_garp_master_refresh` with the model's interval.
 */
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GARP_MASTER_REFRESH_S } from '../../src/compile/keepalived.js';
import { REPO } from '../support/cli.js';
import { keepalivedLog, keepalivedPids, spawnKeepalivedVrrp } from '../support/keepalived.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { DAEMON_PACKAGES, ensureInstalled, requireRoot, stopPid } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-mq', 'inventory');
const GATEWAY = { ipv4: '10.20.1.1', ipv6: '2001:db8:20:1::1' } as const;
/** Nobody's MAC: where the host's entries are pointed, as a split brain's loser would leave them. */
const WRONG_MAC = '02:00:5e:00:99:99';
const netns = new TestNetns('gr');
const children: ChildProcess[] = [];
let dir = '';
let conf = '';
let lb = '';
let host = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = () => keepalivedLog(dir);

/** The host's entry for `address` on its side of lb1's eth2: its MAC, or '' when it has none. */
function entry(address: string): string {
  const out = execFileSync('ip', ['-n', host, 'neigh', 'show', address, 'dev', 'h2'], { encoding: 'utf8' });
  return /lladdr (\S+)/.exec(out)?.[1] ?? '';
}

async function until(what: string, ms: number, ok: () => boolean): Promise<number> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > ms)
      throw new Error(`timed out after ${ms} ms waiting for ${what}; keepalived:\n${log()}`);
    await sleep(100);
  }
  return Date.now() - start;
}

beforeAll(async () => {
  requireRoot();
  ensureInstalled(DAEMON_PACKAGES.filter((r) => ['keepalived', 'iproute2'].includes(r.pkg)));
  const [site] = renderExample(FIXTURE);
  const file = site?.rendered.files.find((f) => f.device === 'lb1' && f.file === 'keepalived.conf');
  if (!file) throw new Error('data-mq renders no keepalived.conf for lb1');
  conf = file.content;
  dir = tempDir('garp-refresh');
  lb = netns.add('lb');
  host = netns.add('host');
  // lb1's two interfaces, each cabled to the host (h1, h2)
  for (const [ifname, peer] of [
    ['eth1', 'h1'],
    ['eth2', 'h2'],
  ] as const) {
    execFileSync('ip', [
      '-n',
      lb,
      'link',
      'add',
      ifname,
      'type',
      'veth',
      'peer',
      'name',
      peer,
      'netns',
      host,
    ]);
    execFileSync('ip', ['-n', lb, 'link', 'set', ifname, 'up']);
    execFileSync('ip', ['-n', host, 'link', 'set', peer, 'up']);
  }
  // lb1's own addresses (keepalived puts an instance without one in FAULT), and the host's
  for (const [n, ifname, address] of [
    [lb, 'eth1', '203.0.113.11/27'],
    [lb, 'eth1', '2001:db8:100:10::11/64'],
    [lb, 'eth2', '10.20.1.2/24'],
    [lb, 'eth2', '2001:db8:20:1::2/64'],
    [host, 'h2', '10.20.1.11/24'],
    [host, 'h2', '2001:db8:20:1::11/64'],
  ] as const)
    execFileSync('ip', [
      '-n',
      n,
      'addr',
      'add',
      address,
      'dev',
      ifname,
      ...(address.includes(':') ? ['nodad'] : []),
    ]);
  const path = join(dir, 'keepalived.conf');
  writeFileSync(path, conf);
  children.push(spawnKeepalivedVrrp(lb, path, dir));
  // master once its VIPs are on eth2 (no peer: after the master-down timer)
  await until('lb1 to hold its gateway VIPs', 20_000, () => {
    const a = spawnSync('ip', ['-n', lb, 'addr', 'show', 'dev', 'eth2'], { encoding: 'utf8' }).stdout;
    return a.includes(`${GATEWAY.ipv4}/`) && a.includes(`${GATEWAY.ipv6}/`);
  });
}, 60_000);

afterAll(() => {
  if (dir) for (const pid of keepalivedPids(dir)) stopPid(pid);
  for (const c of children) if (c.pid && c.exitCode === null) stopPid(c.pid);
  netns.cleanup();
});

describe('keepalived re-announces a master’s VIPs (vrrp_garp_master_refresh)', () => {
  it('GIVEN the rendered global_defs THEN they refresh every GARP_MASTER_REFRESH_S seconds', () => {
    expect(conf).toMatch(new RegExp(`^  vrrp_garp_master_refresh ${GARP_MASTER_REFRESH_S}$`, 'm'));
    expect(conf).toMatch(/^ {2}vrrp_higher_prio_send_advert true$/m);
  });

  it('GIVEN the host’s entries for the gateway VIPs pointed elsewhere, REACHABLE THEN the master takes them back within the refresh', async () => {
    const mac = lbMac();
    // past the master's own announcements (at once, and a second set garp_master_delay = 5 s later)
    await sleep(7000);
    for (const [family, address] of Object.entries(GATEWAY)) {
      execFileSync('ip', [
        '-n',
        host,
        'neigh',
        'replace',
        address,
        'lladdr',
        WRONG_MAC,
        'dev',
        'h2',
        'nud',
        'reachable',
      ]);
      expect(entry(address), family).toBe(WRONG_MAC);
    }
    const took = await until(
      'the host’s entries to point at lb1 again',
      GARP_MASTER_REFRESH_S * 1000 + 1500,
      () => Object.values(GATEWAY).every((a) => entry(a) === mac),
    );
    process.stderr.write(`vrrp-garp-refresh: the host's gateway entries back on lb1 after ${took} ms\n`);
    expect(took).toBeLessThanOrEqual(GARP_MASTER_REFRESH_S * 1000 + 1500);
  }, 30_000);
});

/** lb1's eth2 MAC, as the host should see it. */
function lbMac(): string {
  const [link] = JSON.parse(
    execFileSync('ip', ['-n', lb, '-j', 'link', 'show', 'eth2'], { encoding: 'utf8' }),
  ) as {
    address: string;
  }[];
  return link!.address;
}
