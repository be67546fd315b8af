/**
 * The check kinds per address family (issue 14, src/verify/checks/family.ts): on the dual-stack
 * fixture (idc-a made dual-stack, test/fixtures/dual-stack) each runtime kind derives IPv6
 * expectations beside its IPv4 ones, only where the model has IPv6; on idc-a nothing changes.
 * Evaluation reads FRR 8.4's IPv6 JSON (test/fixtures/frr-ipv6, sources in its README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { SiteModel } from '../../src/model/types.js';
import { FRR, FRR_FAMILY } from '../../src/observe/frr.js';
import { kernelPrefix, kernelWidth } from '../../src/observe/kernel-fib.js';
import { interfaceAddresses, LINUX } from '../../src/observe/linux.js';
import { ObservationRound } from '../../src/observe/runner.js';
import { runPipeline } from '../../src/pipeline.js';
import { verifyJson, verifyText } from '../../src/report/verify.js';
import { specOf } from '../../src/verify/checks/index.js';
import type { Down } from '../../src/verify/down.js';
import { deriveExpectations, type Expectation } from '../../src/verify/expectations.js';
import { analyseOne } from '../../src/whatif/analyse.js';
import { REPO } from '../support/cli.js';
import { DUAL_STACK } from '../support/dual-stack.js';
import { ipv4OnlySite } from '../support/ipv4-only.js';

type Site = DeepReadonly<SiteModel>;

function compile(dir: string): Site {
  const r = runPipeline(dir);
  expect(r.inputErrors.map((d) => d.message)).toEqual([]);
  return r.model!.sites[0]!;
}

const ds = compile(DUAL_STACK);
const idcA = ipv4OnlySite('idc-a');
const down = (devices: string[]): Down => ({ devices: new Set(devices), links: new Set() });
const sample = (file: string) => readFileSync(join(REPO, 'test', 'fixtures', 'frr-ipv6', file), 'utf8');

const ipv6 = (list: Expectation[]) => list.filter((e) => e.family === 'ipv6');
const ipv4 = (list: Expectation[]) => list.filter((e) => e.family === undefined);
const byId = (list: Expectation[]) => new Map(list.map((e) => [e.id, e]));
const ofKind = <K extends Expectation['kind']>(list: Expectation[], kind: K) =>
  list.filter((e): e is Extract<Expectation, { kind: K }> => e.kind === kind);

/** A round whose device answers each command with the given stdout (exit 1 for anything else). */
function roundOf(answers: Record<string, string>): ObservationRound {
  return new ObservationRound({
    run: async (_device, command) =>
      command in answers
        ? { code: 0, stdout: answers[command]!, stderr: '' }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
}

async function evaluate(e: Expectation, round: ObservationRound) {
  return specOf(e)!.evaluate(e, round);
}

describe('an IPv4-only site keeps its checks (idc-a without its IPv6)', () => {
  it('GIVEN idc-a WHEN its checks are derived, intact or degraded THEN none has a family or an IPv6 id', () => {
    for (const d of [[], ['spine1'], ['vr1'], ['hv1']]) {
      const list = deriveExpectations(idcA, { down: down(d) });
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((e) => 'family' in e || e.id.includes(':ipv6:'))).toEqual([]);
    }
  });
});

describe('checks per address family (dual-stack fixture)', () => {
  const all = deriveExpectations(ds);

  it('GIVEN the dual-stack site THEN every runtime kind but BGP identity, BFD, the VXLAN tunnels and HAProxy backends has IPv6 expectations, each with `ipv6` in its id', () => {
    const kinds = new Set(ipv6(all).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(
      [
        'bgp-session',
        'ecmp',
        'http-path',
        'kernel-ecmp',
        'loopbacks-reachable',
        'overlay-ping',
        'vip-answers',
        'vrrp-master',
      ].sort(),
    );
    for (const e of ipv6(all)) expect(e.id).toMatch(/^[a-z-]+:ipv6:/);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('GIVEN an unnumbered fabric session THEN it is checked in both families; a numbered upstream session in its own family only', () => {
    const sessions = byId(ofKind(all, 'bgp-session'));
    expect(sessions.get('bgp-session:edge1:eth1')?.title).toMatch(
      /^edge1 eth1 ↔ spine1 \(AS65100\) Established, /,
    );
    const eth1v6 = sessions.get('bgp-session:ipv6:edge1:eth1');
    expect(eth1v6?.title).toMatch(
      /^edge1 eth1 ↔ spine1 \(AS65100\) ipv6 unicast Established, \d+ prefixes received$/,
    );
    expect(eth1v6?.family).toBe('ipv6');
    // the numbered sessions: IPv4's in the IPv4 kind, IPv6's in the IPv6 one, never crossed
    expect(sessions.has('bgp-session:edge1:192.0.2.0')).toBe(true);
    expect(sessions.has('bgp-session:ipv6:edge1:192.0.2.0')).toBe(false);
    expect(sessions.has('bgp-session:ipv6:edge1:2001:db8:ffff:1::')).toBe(true);
    expect(sessions.has('bgp-session:edge1:2001:db8:ffff:1::')).toBe(false);
    // listed per session: its IPv4 check, its IPv6 check, then its BFD
    const edge1 = all.filter((e) => e.device === 'edge1' && e.id.includes(':eth1')).map((e) => e.id);
    expect(edge1.slice(0, 3)).toEqual([
      'bgp-session:edge1:eth1',
      'bgp-session:ipv6:edge1:eth1',
      'bfd-peer:edge1:eth1',
    ]);
  });

  it('GIVEN the IPv6 simulation THEN the IPv6 session counts and ECMP widths are its own', () => {
    const edge1 = byId(all).get('bgp-session:ipv6:edge1:2001:db8:ffff:1::');
    expect(edge1?.kind === 'bgp-session' && edge1.prefixes).toEqual({ certain: 1, possible: 1 });
    const leafDefault = byId(all).get('ecmp:ipv6:leaf1a:::/0');
    expect(leafDefault?.kind === 'ecmp' && leafDefault.nexthops).toEqual({ certain: 2, possible: 2 });
    expect(byId(all).get('kernel-ecmp:ipv6:leaf1a:2001:db8:100::/48')?.title).toBe(
      "leaf1a's kernel forwards 2001:db8:100::/48 over 2 next hops",
    );
  });

  it('GIVEN the IPv6 loopbacks THEN each top-of-rack switch pings every other /128 from its own IPv6 loopback', () => {
    const leaf1a = byId(all).get('loopbacks:ipv6:leaf1a');
    if (leaf1a?.kind !== 'loopbacks-reachable') throw new Error('no IPv6 loopback check on leaf1a');
    expect(leaf1a.source).toBe('2001:db8:1::b');
    expect(leaf1a.targets.every((t) => t.address.startsWith('2001:db8:1::'))).toBe(true);
    expect(leaf1a.targets.map((t) => t.device)).not.toContain('leaf1a');
    expect(leaf1a.title).toBe(
      `leaf1a (2001:db8:1::b) reaches the ${leaf1a.targets.length} other IPv6 loopbacks`,
    );
  });

  it('GIVEN the VRRPv3 IPv6 instances THEN each has its own master check on its IPv6 VIP, an IPv6-only segment too', () => {
    const v6 = ofKind(ipv6(all), 'vrrp-master');
    expect(v6.map((e) => e.instance).every((n) => n.endsWith('_v6'))).toBe(true);
    const data = byId(v6).get('vrrp:ipv6:shop/data#14');
    expect(data?.kind === 'vrrp-master' && data.vip).toBe('2001:db8:100:40::1/64');
    expect(byId(ipv4(all)).has('vrrp:shop/data#14')).toBe(false);
    const www = byId(v6).get('vrrp:ipv6:shop/public#21');
    expect(www?.device).toBe('lb1');
  });

  it('GIVEN the IPv6 VIP THEN it answers TCP from the tenant router, and the upstreams reach it over IPv6 from their IPv6 clients', () => {
    expect(ofKind(ipv6(all), 'vip-answers').map((e) => e.title)).toEqual([
      '[2001:db8:100:10::10]:80 answers TCP from vr1',
      '[2001:db8:100:10::10]:443 answers TCP from vr1',
    ]);
    const paths = ofKind(ipv6(all), 'http-path');
    expect(paths.map((e) => `${e.device} ${e.source} ${e.url}`)).toContain(
      'isp1 2001:db8:f1::1 http://[2001:db8:100:10::10]/',
    );
    expect(paths.every((e) => e.url.includes('://[2001:db8:100:10::10]/'))).toBe(true);
    expect(paths).toHaveLength(ofKind(ipv4(all), 'http-path').length);
  });

  it('GIVEN spine1 down THEN IPv6 ECMP narrows to 1 and the IPv6 sessions to spine1 disappear, as IPv4’s do', () => {
    const degraded = deriveExpectations(ds, { down: down(['spine1']) });
    const leafDefault = byId(degraded).get('ecmp:ipv6:leaf1a:::/0');
    expect(leafDefault?.kind === 'ecmp' && leafDefault.nexthops).toEqual({ certain: 1, possible: 1 });
    expect(ofKind(ipv6(degraded), 'bgp-session').filter((e) => e.peerDevice === 'spine1')).toEqual([]);
  });
});

describe('reading FRR 8.4 IPv6 state', () => {
  const all = deriveExpectations(ds);
  const e = (id: string) => byId(all).get(id)!;

  it('GIVEN show bgp ipv6 unicast summary json THEN the IPv6 session checks read it, not the IPv4 summary', async () => {
    const round = roundOf({ [FRR_FAMILY.ipv6.bgpSummary]: sample('bgp-ipv6-unicast-summary.json') });
    const eth1 = e('bgp-session:ipv6:edge1:eth1');
    expect(specOf(eth1)!.reads(eth1)).toEqual([
      { device: 'edge1', command: "vtysh -c 'show bgp ipv6 unicast summary json'" },
    ]);
    expect(await evaluate(eth1, round)).toEqual({ ok: true, detail: 'Established, 14 prefixes received' });
    expect(await evaluate(e('bgp-session:ipv6:edge1:eth2'), round)).toMatchObject({
      ok: false,
      detail: 'Active, not Established',
    });
    expect(await evaluate(e('bgp-session:ipv6:edge1:2001:db8:ffff:1::'), round)).toEqual({
      ok: true,
      detail: 'Established, 1 prefixes received',
    });
  });

  it('GIVEN a device whose IPv6 family has no session ({}) THEN the IPv6 check fails naming the family', async () => {
    const round = roundOf({ [FRR_FAMILY.ipv6.bgpSummary]: '{}\n' });
    expect(await evaluate(e('bgp-session:ipv6:edge1:eth1'), round)).toEqual({
      ok: false,
      detail: 'no BGP neighbor eth1 activated in ipv6 unicast',
    });
  });

  it('GIVEN show ipv6 route json (FRR topotest bfd_topo2) THEN the IPv6 ECMP check counts the installed route’s FIB next hops', async () => {
    const round = roundOf({ [FRR_FAMILY.ipv6.routes]: sample('bfd_topo2-r1-ipv6_routes.json') });
    const check = {
      ...(e('ecmp:ipv6:leaf1a:::/0') as Extract<Expectation, { kind: 'ecmp' }>),
      prefix: '2001:db8:4::/64',
    };
    expect(specOf(check)!.reads(check)).toEqual([
      { device: 'leaf1a', command: "vtysh -c 'show ipv6 route json'" },
    ]);
    expect(await evaluate({ ...check, nexthops: { certain: 1, possible: 1 } }, round)).toEqual({
      ok: true,
      detail: '1 next hops (bgp)',
    });
    expect(await evaluate(check, round)).toEqual({ ok: false, detail: '1 next hops (bgp), expected 2' });
    expect(await evaluate({ ...check, prefix: '2001:db8:9::/64' }, round)).toMatchObject({
      code: 'no-route',
    });
  });

  it('GIVEN the kernel’s IPv6 FIB THEN `default` is ::/0 and a multipath route counts its live hops', () => {
    expect(kernelPrefix('default', 'ipv6')).toBe('::/0');
    expect(kernelPrefix('2001:db8:1::5', 'ipv6')).toBe('2001:db8:1::5/128');
    expect(kernelPrefix('default')).toBe('0.0.0.0/0');
    // `ip -j -6 route show` of an unnumbered BGP route (iproute2's fields, as KernelRoute reads them)
    const routes = [
      {
        dst: 'default',
        protocol: 'bgp',
        metric: 20,
        flags: [],
        nexthops: [
          { gateway: 'fe80::a8c1:abff:fe01:1', dev: 'eth1', weight: 1, flags: [] },
          { gateway: 'fe80::a8c1:abff:fe01:2', dev: 'eth2', weight: 1, flags: ['linkdown'] },
        ],
      },
    ];
    expect(kernelWidth(routes, null, '::/0')).toEqual({ count: 1, devs: ['eth1'] });
    const check = e('kernel-ecmp:ipv6:leaf1a:::/0');
    expect(specOf(check)!.reads(check)[0]).toEqual({ device: 'leaf1a', command: 'ip -j -6 route show' });
  });

  it('GIVEN ip -j addr with both families THEN the IPv6 VRRP master is the member holding the IPv6 VIP', async () => {
    // `ip -j addr show dev eth4` on a master of both instances: iproute2 lists both families
    const addr = (vips: string[]) =>
      JSON.stringify([
        {
          ifindex: 5,
          ifname: 'eth4',
          addr_info: [
            { family: 'inet', local: '10.20.4.2', prefixlen: 24, scope: 'global' },
            ...vips.map((v) => ({ family: 'inet6', local: v, prefixlen: 64, scope: 'global', nodad: true })),
            { family: 'inet6', local: 'fe80::a8c1:abff:fe04:2', prefixlen: 64, scope: 'link' },
          ],
        },
      ]);
    expect(interfaceAddresses(JSON.parse(addr(['2001:db8:100:40::1'])), 'ipv6')).toContain(
      '2001:db8:100:40::1/64',
    );
    expect(interfaceAddresses(JSON.parse(addr(['2001:db8:100:40::1'])))).toEqual(['10.20.4.2/24']);
    const data = e('vrrp:ipv6:shop/data#14');
    const command = LINUX.addresses('eth4');
    const held = new ObservationRound({
      run: async (device) => ({
        code: 0,
        stdout: addr(device === 'vr1' ? ['2001:db8:100:40::1'] : []),
        stderr: '',
      }),
    });
    expect(await evaluate(data, held)).toEqual({ ok: true, detail: 'master vr1' });
    const both = roundOf({ [command]: addr(['2001:db8:100:40::1']) });
    expect(await evaluate(data, both)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^2 masters/),
    });
  });

  it('GIVEN the IPv6 HTTP path THEN curl is run with -g from the upstream’s IPv6 client address', async () => {
    const path = ofKind(ipv6(all), 'http-path')[0]!;
    const asked: string[] = [];
    const round = new ObservationRound({
      run: async (_d, command) => {
        asked.push(command);
        return { code: 0, stdout: `${path.servers[0]}\n200`, stderr: '' };
      },
    });
    expect(await evaluate(path, round)).toEqual({ ok: true, detail: `HTTP 200 from ${path.servers[0]}` });
    expect(asked[0]).toContain(`-g --interface ${path.source} `);
    expect(asked[0]).toContain(`'${path.url}'`);
  });

  it('GIVEN an IPv6-only segment THEN its VMs ping each other over the overlay with ping -6, and have no IPv4 ping', async () => {
    const pings = ofKind(all, 'overlay-ping');
    const data = pings.filter((e) => e.id.includes(':shop/data:'));
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((e) => e.family === 'ipv6' && e.address.startsWith('2001:db8:100:40::'))).toBe(true);
    const asked: string[] = [];
    const round = new ObservationRound({
      run: async (_d, command) => {
        asked.push(command);
        return command.startsWith('cat ')
          ? { code: 0, stdout: `${asked.length * 10}\n`, stderr: '' }
          : { code: 0, stdout: '3 packets transmitted, 3 received, 0% packet loss', stderr: '' };
      },
    });
    expect(await evaluate(data[0]!, round)).toMatchObject({ ok: true });
    expect(asked[1]).toBe(`ping -6 -c 3 -i 0.2 -W 1 ${data[0]!.address}`);
  });

  it('GIVEN the IPv4 reads THEN they are the commands they always were', () => {
    expect(FRR_FAMILY.ipv4).toEqual({ bgpSummary: FRR.bgpSummary, routes: FRR.routes });
  });
});

describe('whatif reads the kinds of both families (dual-stack fixture)', () => {
  it('GIVEN both L4 balancers down THEN each VIP of each family no longer answers, named by its address and port', () => {
    const scenario = { name: 'lb1+lb2', kind: 'combined' as const, devices: ['lb1', 'lb2'], links: [] };
    const lines = analyseOne(ds, scenario).results[0]!.impacts.map((i) => `${i.severity} ${i.detail}`);
    expect(lines.filter((l) => l.includes('no longer answers'))).toEqual([
      'breaks 203.0.113.10:80 no longer answers (was from vr1)',
      'breaks 203.0.113.10:443 no longer answers (was from vr1)',
      'breaks [2001:db8:100:10::10]:80 no longer answers (was from vr1)',
      'breaks [2001:db8:100:10::10]:443 no longer answers (was from vr1)',
    ]);
  });
});

describe('the verify report per family', () => {
  const results = (list: Expectation[], failing: (e: Expectation) => boolean) =>
    list.map((expectation) => ({
      expectation,
      ok: !failing(expectation),
      detail: failing(expectation) ? 'no' : 'yes',
      attempts: 1,
      seconds: 0,
    }));

  it('GIVEN the dual-stack site THEN the text says how many checks of each family pass, and the JSON names each result’s family', () => {
    const list = deriveExpectations(ds);
    const rs = results(list, (e) => e.kind === 'http-path' && e.family === 'ipv6');
    const text = verifyText('idc-ds', rs, 1);
    const v4 = ipv4(list).length;
    const v6 = ipv6(list).length;
    const http6 = ofKind(ipv6(list), 'http-path').length;
    expect(http6).toBeGreaterThan(0);
    expect(text).toContain(`verify idc-ds: by family: IPv4 ${v4}/${v4} pass, IPv6 ${v6 - http6}/${v6} pass`);
    const json = verifyJson('idc-ds', rs, 1) as { results: { id: string; family: string }[] };
    expect(json.results.filter((r) => r.family === 'ipv6').map((r) => r.id)).toEqual(
      ipv6(list).map((e) => e.id),
    );
    expect(json.results.filter((r) => r.family === 'ipv4')).toHaveLength(v4);
  });

  it('GIVEN an IPv4-only site THEN the text has no line per family', () => {
    const text = verifyText(
      'idc-a',
      results(deriveExpectations(idcA), () => false),
      1,
    );
    expect(text).not.toContain('by family');
  });
});
