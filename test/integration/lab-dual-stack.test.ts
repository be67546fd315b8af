/**
 * Issue 14 end to end: the dual-stack site as a lab, checked by `fabric verify` in both families.
 *
 * GIVEN a copy of the dual-stack fixture (test/fixtures/dual-stack: idc-a made dual-stack, site
 * idc-ds) on a free management subnet, with a lab name of this run
 * WHEN `fabric lab up --site idc-ds` then `fabric verify --site idc-ds`
 * THEN every check passes, IPv4's and IPv6's, and the kinds that have an IPv6 counterpart have
 * IPv6 checks that pass: the sessions' `ipv6 unicast`, the IPv6 VIP through the lab's IPVS
 * stand-in (`table ip6 lab_ipvs`), HTTP over IPv6 from each upstream's IPv6 client to the IPv6
 * VIP, and VM-to-VM IPv6 across hypervisors over the VXLAN overlay; and `fabric lab down`
 * leaves nothing behind.
 *
 * Wall time on this 2-vCPU machine: 28 s (lab up 9 s, verify 14 s, lab down 3 s), 2026-12-03.
 */
import { describe, expect, it } from 'vitest';
import { labFromFixture } from '../fixtures/lab/support.js';
import { DUAL_STACK } from '../support/dual-stack.js';

const SITE = 'idc-ds';
const lab = labFromFixture(DUAL_STACK, 'ds6', { site: SITE });

interface VerifyJson {
  ok: boolean;
  checks: number;
  failed: number;
  results: { id: string; kind: string; family: 'ipv4' | 'ipv6'; device: string; ok: boolean; seen: string }[];
}

let verified: { code: number; json: VerifyJson; stdout: string };

const exec = lab.exec;

describe('fabric verify on the dual-stack lab (idc-ds)', () => {
  it('GIVEN the lab is up THEN every check of both families passes', async () => {
    const r = await lab.verify(150);
    verified = { code: r.code, json: JSON.parse(r.stdout || '{}') as VerifyJson, stdout: r.stdout };
    const failures = verified.json.results.filter((x) => !x.ok).map((x) => `${x.id} ${x.device}: ${x.seen}`);
    expect(failures).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const perFamily = (f: string) => verified.json.results.filter((x) => x.family === f).length;
    process.stderr.write(
      `verify ${SITE}: ${verified.json.checks} checks, IPv4 ${perFamily('ipv4')}, IPv6 ${perFamily('ipv6')}\n`,
    );
  }, 200_000);

  it('GIVEN the verify results THEN each kind with an IPv6 counterpart has IPv6 checks, all passing', () => {
    expect(verified, 'the verify run above').toBeDefined();
    const ipv6 = verified.json.results.filter((x) => x.family === 'ipv6');
    for (const x of ipv6) expect(x.id, x.id).toMatch(/^[a-z-]+:ipv6:/);
    const count = (kind: string) => ipv6.filter((x) => x.kind === kind && x.ok).length;
    for (const kind of [
      'bgp-session',
      'ecmp',
      'kernel-ecmp',
      'loopbacks-reachable',
      'vrrp-master',
      'vip-answers',
      'http-path',
      'overlay-ping',
    ])
      expect(count(kind), `passing IPv6 ${kind} checks`).toBeGreaterThan(0);
    // the upstreams' IPv6 sessions and every IPv6 URL of the VIP from both upstreams
    expect(ipv6.filter((x) => x.kind === 'http-path').map((x) => x.device)).toEqual(
      expect.arrayContaining(['isp1', 'isp2']),
    );
    // the IPv6-only segment's VM too
    expect(ipv6.some((x) => x.kind === 'overlay-ping' && x.device === 'db1')).toBe(true);
  });

  it('GIVEN the IPv6 VIP THEN an upstream’s IPv6 client gets the page over IPv6 through the L4 stand-in’s ip6 table to HAProxy and an app', async () => {
    const page = await exec(
      'isp1',
      'curl',
      '-sS',
      '-6',
      '-g',
      '-m',
      '5',
      '--interface',
      '2001:db8:f1::1',
      'http://[2001:db8:100:10::10]/api/',
    );
    expect(page.code, page.stderr).toBe(0);
    expect(['app3', 'app4']).toContain(page.stdout.trim());
    const table = await exec('lb1', 'nft', 'list', 'table', 'ip6', 'lab_ipvs');
    expect(table.stdout).toContain(
      'ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to numgen inc mod 2 map',
    );
  }, 30_000);
});
