/**
 * verify's `anycast-announce` check (docs/active-active.md "verify and drift of the
 * announcements"): what it expects of each L4 member of the anycast fixture, intact and with
 * real servers or application servers down, and its verdict on each combination of quorum files,
 * VIP and announcement. The same check on real keepalived, FRR and quorum files:
 * test/integration/anycast-l4.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUORUM_FILE_PREFIX } from '../../src/compile/anycast.js';
import { ObservationRound } from '../../src/observe/runner.js';
import { runPipeline } from '../../src/pipeline.js';
import {
  type AnycastAnnounce,
  anycastAnnounce,
  parseQuorumFiles,
  quorumCommand,
} from '../../src/verify/checks/anycast-announce.js';
import { deriveChecks, deriveContext } from '../../src/verify/checks/index.js';
import { REPO } from '../support/cli.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const model = runPipeline(FIXTURE).model!;
const aaA = model.sites.find((s) => s.name === 'aa-a')!;

function expectations(...down: string[]): AnycastAnnounce[] {
  return anycastAnnounce.derive(deriveContext(aaA, { devices: new Set(down), links: new Set() }));
}

/** What lb1 shows: its quorum files' values, whether it holds the VIP, to whom bgpd sends it. */
interface Seen {
  files: Record<number, string>;
  held: boolean;
  sentTo: string[];
}

async function judge(e: AnycastAnnounce, seen: Seen) {
  const round = new ObservationRound({
    run: async (_device, command) => {
      if (command === quorumCommand(e.quorumFiles))
        return {
          code: 0,
          stdout: e.quorumFiles.map((f) => `${f.file} ${seen.files[f.port] ?? 'missing'}\n`).join(''),
          stderr: '',
        };
      if (command.startsWith('ip -j addr show dev')) {
        const v6 = e.family === 'ipv6';
        const addr = [{ family: 'inet', local: '203.0.113.11', prefixlen: 27 }];
        if (seen.held)
          addr.push({ family: v6 ? 'inet6' : 'inet', local: e.address, prefixlen: v6 ? 128 : 32 });
        return { code: 0, stdout: JSON.stringify([{ ifname: e.dev, addr_info: addr }]), stderr: '' };
      }
      const peer = e.peers.find((p) => command.includes(`neighbors ${p.address} advertised-routes`));
      if (peer) {
        const routes = seen.sentTo.includes(peer.device) ? { [e.prefix]: { network: e.prefix } } : {};
        return {
          code: 0,
          stdout: JSON.stringify({ advertisedRoutes: routes, totalPrefixCounter: 1 }),
          stderr: '',
        };
      }
      return { code: 127, stdout: '', stderr: `unexpected command ${command}` };
    },
  });
  return anycastAnnounce.evaluate(e, round);
}

describe('anycast-announce: derived from the model', () => {
  it('THEN each L4 member of aa-a has one per VIP, the IPv4 one with both vRouters and both quorum files', () => {
    const all = expectations();
    expect(all.map((e) => e.id)).toEqual([
      'anycast-announce:lb1:203.0.113.10/32',
      'anycast-announce:ipv6:lb1:2001:db8:100:10::10/128',
      'anycast-announce:lb2:203.0.113.10/32',
      'anycast-announce:ipv6:lb2:2001:db8:100:10::10/128',
    ]);
    const lb1 = all[0]!;
    expect(lb1).toMatchObject({
      address: '203.0.113.10',
      dev: 'eth1',
      vrrpInstance: 'shop_vip_www',
      quorum: true,
      withoutQuorum: [],
      peers: [
        { device: 'vr1', address: '203.0.113.2' },
        { device: 'vr2', address: '203.0.113.3' },
      ],
    });
    expect(lb1.quorumFiles).toEqual([
      { port: 80, file: `${QUORUM_FILE_PREFIX}shop_vip_www_80_quorum` },
      { port: 443, file: `${QUORUM_FILE_PREFIX}shop_vip_www_443_quorum` },
    ]);
    // verify and drift run it; push's gates do not (a keepalived restart resets the files)
    expect(anycastAnnounce.runs).toEqual({ verify: true, gates: false, drift: true });
    expect(deriveChecks(aaA, { tool: 'gates' }).some((e) => e.kind === 'anycast-announce')).toBe(false);
  });

  it('THEN the IPv6 VIP is checked for its quorum and the VIP alone: no vRouter (it is not announced)', () => {
    const v6 = expectations().find((e) => e.family === 'ipv6' && e.device === 'lb1')!;
    expect(v6).toMatchObject({ address: '2001:db8:100:10::10', vrrpInstance: 'shop_vip_www_v6', peers: [] });
    expect(v6.quorumFiles.map((f) => f.file)).toEqual([
      `${QUORUM_FILE_PREFIX}shop_vip_www_v6_80_quorum`,
      `${QUORUM_FILE_PREFIX}shop_vip_www_v6_443_quorum`,
    ]);
    expect(v6.title).toBe(
      'lb1 holds 2001:db8:100:10::10/128 (www) only with quorum on 80, 443 (not announced: the sessions are IPv4)',
    );
  });

  it('WHEN both HAProxy members (the real servers) are down THEN quorum is expected lost on every port', () => {
    const [lb1] = expectations('web1', 'web2');
    expect(lb1).toMatchObject({ quorum: false, withoutQuorum: [80, 443] });
    expect(lb1!.title).toContain('neither holds nor announces 203.0.113.10/32');
  });

  it('WHEN one HAProxy member is down THEN the other keeps quorum (1 of weight 1 needed)', () => {
    expect(expectations('web1').map((e) => e.quorum)).toEqual([true, true, true, true]);
  });

  it('WHEN every application server behind HAProxy is down THEN /fabric-health fails, so quorum is lost', () => {
    const apps = aaA.devices.filter((d) => /^app\d+$/.test(d.name)).map((d) => d.name);
    expect(apps.length).toBeGreaterThan(1);
    expect(expectations(...apps)[0]).toMatchObject({ quorum: false });
    expect(expectations(...apps.slice(1))[0]).toMatchObject({ quorum: true });
  });

  it('WHEN a vRouter or the member itself is down THEN the peer leaves the list, or the check goes', () => {
    expect(expectations('vr2')[0]!.peers.map((p) => p.device)).toEqual(['vr1']);
    expect(expectations('lb1').map((e) => e.device)).toEqual(['lb2', 'lb2']);
  });
});

describe('anycast-announce: the verdict', () => {
  const [lb1] = expectations();
  const degraded = expectations('web1', 'web2')[0]!;
  const both = ['vr1', 'vr2'];

  it('THEN the master (held, sent to both, quorum) and the backup (neither, quorum) pass', async () => {
    expect(await judge(lb1!, { files: { 80: '0', 443: '0' }, held: true, sentTo: both })).toEqual({
      ok: true,
      detail: 'holds 203.0.113.10/32, announces it to vr1, vr2; quorum on every port',
    });
    const backup = await judge(lb1!, { files: { 80: '0', 443: '0' }, held: false, sentTo: [] });
    expect(backup.ok).toBe(true);
    expect(backup.detail).toContain('ready to take over');
  });

  it('THEN announcing a VIP it does not hold is the trap (critical)', async () => {
    const r = await judge(lb1!, { files: { 80: '1', 443: '0' }, held: false, sentTo: ['vr1'] });
    expect(r).toMatchObject({ ok: false, code: 'stale' });
    expect(r.detail).toContain(
      'announces 203.0.113.10/32 to vr1 without holding it on eth1 (no quorum on 80',
    );
    expect(anycastAnnounce.severity('stale')).toBe('critical');
  });

  it('THEN holding the VIP without quorum is keepalived not tracking its files (critical)', async () => {
    const r = await judge(lb1!, { files: { 80: '0', 443: 'missing' }, held: true, sentTo: both });
    expect(r).toMatchObject({ ok: false, code: 'held-without-quorum' });
    expect(r.detail).toContain('443 (/run/fabric-anycast.shop_vip_www_443_quorum: missing)');
    expect(anycastAnnounce.severity('held-without-quorum')).toBe('critical');
  });

  it('THEN holding it but not sending it to a vRouter loses the share (major)', async () => {
    const r = await judge(lb1!, { files: { 80: '0', 443: '0' }, held: true, sentTo: ['vr1'] });
    expect(r).toMatchObject({ ok: false, code: 'not-announced' });
    expect(r.detail).toContain('does not announce it to vr2 (sent to vr1)');
    expect(anycastAnnounce.severity('not-announced')).toBe('major');
  });

  it('THEN quorum lost says why the VIP is withdrawn, and is what a degraded model expects', async () => {
    const seen = { files: { 80: '1', 443: '1' }, held: false, sentTo: [] };
    expect(await judge(lb1!, seen)).toMatchObject({ ok: false, code: 'quorum-lost' });
    expect(await judge(degraded, seen)).toMatchObject({ ok: true });
    // a checker that kept quorum with the real servers gone
    const kept = await judge(degraded, { files: { 80: '0', 443: '0' }, held: true, sentTo: both });
    expect(kept).toMatchObject({ ok: false, code: 'quorum-kept' });
  });

  it('THEN an IPv6 VIP passes held with quorum or not held, and fails held without quorum', async () => {
    const v6 = expectations().find((e) => e.family === 'ipv6' && e.device === 'lb1')!;
    expect(await judge(v6, { files: { 80: '0', 443: '0' }, held: true, sentTo: [] })).toEqual({
      ok: true,
      detail: 'holds 2001:db8:100:10::10/128, announced to no vRouter (IPv6); quorum on every port',
    });
    expect((await judge(v6, { files: { 80: '0', 443: '0' }, held: false, sentTo: [] })).ok).toBe(true);
    const r = await judge(v6, { files: { 80: '1', 443: '0' }, held: true, sentTo: [] });
    expect(r).toMatchObject({ ok: false, code: 'held-without-quorum' });
    expect((await judge(v6, { files: { 80: '1', 443: '0' }, held: false, sentTo: [] })).code).toBe(
      'quorum-lost',
    );
  });

  it('THEN the quorum files are read as `<path> <value>` lines', () => {
    expect(parseQuorumFiles('/run/a 0\n/run/b missing\n\n')).toEqual(
      new Map([
        ['/run/a', '0'],
        ['/run/b', 'missing'],
      ]),
    );
    expect(quorumCommand([{ file: '/run/a' }])).toBe(
      `for f in /run/a; do printf '%s ' "$f"; cat "$f" 2>/dev/null || echo missing; done`,
    );
  });
});
