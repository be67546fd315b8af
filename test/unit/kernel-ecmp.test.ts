/**
 * The kernel-FIB check (issue 10, finding 2): the ECMP width the kernel forwards over, read from
 * `ip -j -4 route show` and `ip -j nexthop show`, against the width the model expects. The
 * iproute2 JSON below is the shape leaf1a of the idc-a lab printed (FRR 8.4, kernel 6.18).
 */
import { describe, expect, it } from 'vitest';
import {
  type KernelNexthop,
  type KernelRoute,
  kernelPrefix,
  parseIpJson,
} from '../../src/observe/kernel-fib.js';
import { deriveChecks } from '../../src/verify/checks/index.js';
import { compareKernelWidth } from '../../src/verify/checks/kernel-ecmp.js';
import { compileExample } from '../support/render.js';

const SPINE1 = { family: 'inet6', host: 'fe80::e0c7:2dff:fe70:3a16' };
const SPINE2 = { family: 'inet6', host: 'fe80::945a:58ff:fe46:76c6' };
const two = { certain: 2, possible: 2 };

/** Routes over nexthop objects: zebra's default (`zebra nexthop kernel enable`). */
const withObjects = (group: { id: number }[]): { routes: KernelRoute[]; nexthops: KernelNexthop[] } => ({
  routes: [
    {
      dst: '10.1.0.13',
      nhid: 35,
      protocol: 'bgp',
      metric: 20,
      flags: [],
      nexthops: [
        { via: SPINE1, dev: 'eth1', weight: 1, flags: [] },
        { via: SPINE2, dev: 'eth2', weight: 1, flags: [] },
      ],
    } as unknown as KernelRoute,
    {
      dst: '198.18.77.0/24',
      dev: 'eth0',
      protocol: 'kernel',
      scope: 'link',
      flags: [],
    } as unknown as KernelRoute,
  ],
  nexthops: [
    {
      id: 20,
      gateway: SPINE1.host,
      dev: 'eth1',
      scope: 'link',
      protocol: 'zebra',
      flags: [],
    } as unknown as KernelNexthop,
    {
      id: 34,
      gateway: SPINE2.host,
      dev: 'eth2',
      scope: 'link',
      protocol: 'zebra',
      flags: [],
    } as unknown as KernelNexthop,
    { id: 35, group, protocol: 'zebra', flags: [] } as unknown as KernelNexthop,
  ],
});

describe('kernel-ecmp: the kernel FIB against the model', () => {
  it('passes when the nexthop group has both spines', () => {
    const { routes, nexthops } = withObjects([{ id: 20 }, { id: 34 }]);
    const r = compareKernelWidth({ prefix: '10.1.0.13/32', nexthops: two }, routes, nexthops);
    expect(r).toEqual({ ok: true, detail: '2 next hops in the kernel (eth1, eth2, nhid 35)' });
  });

  it('fails when the kernel shrank the group to one spine while zebra still shows two (finding 2)', () => {
    const { routes, nexthops } = withObjects([{ id: 34 }]);
    const r = compareKernelWidth({ prefix: '10.1.0.13/32', nexthops: two }, routes, nexthops);
    expect(r.ok).toBe(false);
    expect(r.detail).toBe('1 next hop in the kernel (eth2, nhid 35), expected 2');
  });

  it('counts inline next hops (`no zebra nexthop kernel enable`), without those on a dead or carrier-less link', () => {
    // leaf1a of the idc-a lab, `ip -j -4 route show` (two lines of it)
    const captured = `[{"dst":"default","protocol":"bgp","metric":20,"flags":[],"nexthops":[{"gateway":"169.254.0.1","dev":"eth1","weight":1,"flags":["onlink"]},{"gateway":"169.254.0.1","dev":"eth2","weight":1,"flags":["onlink"]}]},
      {"dst":"198.18.77.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"198.18.77.11","flags":[]}]`;
    const routes = parseIpJson<KernelRoute>(captured)!;
    expect(compareKernelWidth({ prefix: '0.0.0.0/0', nexthops: two }, routes, null)).toEqual({
      ok: true,
      detail: '2 next hops in the kernel (eth1, eth2)',
    });
    routes[0]!.nexthops![0]!.flags = ['onlink', 'linkdown'];
    expect(compareKernelWidth({ prefix: '0.0.0.0/0', nexthops: two }, routes, null)).toEqual({
      ok: false,
      detail: '1 next hop in the kernel (eth2), expected 2',
    });
    expect(
      compareKernelWidth({ prefix: '0.0.0.0/0', nexthops: { certain: 1, possible: 2 } }, routes, null).ok,
    ).toBe(true);
    routes[0]!.nexthops![1]!.flags = ['onlink', 'dead'];
    expect(compareKernelWidth({ prefix: '0.0.0.0/0', nexthops: two }, routes, null).detail).toBe(
      '0 next hops in the kernel (none), expected 2',
    );
  });

  it('a single-path route counts 1; no route is its own failure', () => {
    const routes = [
      { dst: '10.1.0.5', via: SPINE1, dev: 'eth1', protocol: 'bgp', metric: 20, flags: [] },
    ] as unknown as KernelRoute[];
    expect(
      compareKernelWidth({ prefix: '10.1.0.5/32', nexthops: { certain: 1, possible: 1 } }, routes, null).ok,
    ).toBe(true);
    expect(compareKernelWidth({ prefix: '10.1.0.5/32', nexthops: two }, routes, null).detail).toBe(
      '1 next hop in the kernel (eth1), expected 2',
    );
    expect(compareKernelWidth({ prefix: '10.1.0.6/32', nexthops: two }, routes, null)).toEqual({
      ok: false,
      detail: 'no route to 10.1.0.6/32 in the kernel',
      code: 'no-route',
    });
  });

  it('reads prefixes and empty output the way iproute2 prints them', () => {
    expect(kernelPrefix('default')).toBe('0.0.0.0/0');
    expect(kernelPrefix('10.1.0.13')).toBe('10.1.0.13/32');
    expect(kernelPrefix('10.20.0.0/24')).toBe('10.20.0.0/24');
    expect(parseIpJson('')).toEqual([]);
    expect(parseIpJson('[{"id":1}]')).toEqual([{ id: 1 }]);
    expect(parseIpJson('Error: nexthop objects not supported')).toBeNull();
  });
});

describe('kernel-ecmp: derivation', () => {
  const site = compileExample().model!.sites.find((s) => s.name === 'idc-a')!;

  it('checks the routes ecmp checks, with the same widths, intact and with a spine down', () => {
    for (const down of [undefined, { devices: new Set(['spine1']), links: new Set<string>() }]) {
      const checks = deriveChecks(site, down ? { down } : {});
      const ecmp = checks.filter((c) => c.kind === 'ecmp');
      const kernel = checks.filter((c) => c.kind === 'kernel-ecmp');
      expect(kernel.length).toBeGreaterThan(0);
      expect(
        kernel.map((k) => [
          k.device,
          k.kind === 'kernel-ecmp' && k.prefix,
          k.kind === 'kernel-ecmp' && k.nexthops,
        ]),
      ).toEqual(ecmp.map((e) => [e.device, e.kind === 'ecmp' && e.prefix, e.kind === 'ecmp' && e.nexthops]));
    }
    const degraded = deriveChecks(site, { down: { devices: new Set(['spine1']), links: new Set() } });
    const leafDefault = degraded.find((c) => c.id === 'kernel-ecmp:leaf1a:0.0.0.0/0');
    expect(leafDefault?.kind === 'kernel-ecmp' && leafDefault.nexthops).toEqual({ certain: 1, possible: 1 });
  });
});
